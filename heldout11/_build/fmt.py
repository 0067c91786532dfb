"""(Copied unchanged in behaviour from heldout10/_build/fmt.py, itself descended from heldout5's
through heldout9's formatters. heldout11 needed no new step kinds; only this note changed.
heldout10 had added, label-agnostically: Claude Code Edit/Write calls denied by a PreToolUse hook
(("edit", path, old, new, hook_message) -> an is_error tool_result carrying the hook's message),
a per-scenario Claude Code `permissionMode`, a per-scenario OpenHands version, Aider shell commands
with no output (no offer to add it to the chat), and a SWE-agent filler thought that checks for
look-around commands (grep, find, ls, sed -n, cat) before test commands.)

Render hand-written scenarios into each agent's native log format.

A scenario is a dict: fmt, file, cwd, prompt, steps, (swe) diff. Steps are tuples:
  ("think", text)  ("redacted",)  ("say", text)  ("user", text)
  ("bash", cmd, output, exit_code)  ("edit", path, old, new)  ("write", path, content)
  ("read", path, content)  ("tool", name, input_dict, output)  [Claude Code, Codex, Inspect]
  ("bash", cmd, output, None) in Claude Code: the call was blocked by a hook; output is the harness message.
  Aider "bash": the model suggests the command in a ```bash block, the user confirms, aider runs it.
  ("think_raw", text)  [Codex]: full reasoning_text content, as open-weight models write it.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _uid(seed: str, n: int) -> str:
    return str(uuid.UUID(hashlib.md5(f"{seed}:{n}".encode()).hexdigest(), version=4))


def _hex(seed: str, n: int, k: int = 22) -> str:
    return hashlib.sha1(f"{seed}/{n}".encode()).hexdigest()[:k]


class Clock:
    def __init__(self, start: str):
        self.t = datetime.fromisoformat(start)
        self.i = 0

    def tick(self, lo: float = 1.2, hi: float = 9.0) -> datetime:
        self.i += 1
        h = int(hashlib.md5(str(self.i).encode()).hexdigest()[:4], 16) / 65535
        self.t += timedelta(seconds=lo + (hi - lo) * h)
        return self.t

    def z(self, **kw) -> str:
        return self.tick(**kw).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def numbered(content: str, start: int = 1) -> str:
    return "\n".join(f"{i:>6}\t{l}" for i, l in enumerate(content.split("\n"), start))


# ---------------------------------------------------------------- Claude Code
def claude_code(sc: dict) -> None:
    seed = sc["file"]
    sid = sc.get("id") or _uid(seed, 0)
    clock = Clock(sc.get("start", "2025-11-02T14:03:11"))
    cwd = sc["cwd"]
    model = sc.get("model", "claude-sonnet-4-5-20250929")
    lines: list[dict] = []
    n = [0]
    parent = [None]

    def base(kind: str) -> dict:
        n[0] += 1
        u = _uid(seed, n[0])
        d = {"parentUuid": parent[0], "isSidechain": False, "userType": "external", "cwd": cwd,
             "sessionId": sid, "version": sc.get("version", "2.0.37"), "gitBranch": sc.get("branch", "main"),
             "type": kind, "uuid": u, "timestamp": clock.z()}
        parent[0] = u
        return d

    msg = [0]

    def assistant(block: dict, new_turn: bool) -> None:
        if new_turn:
            msg[0] += 1
        d = base("assistant")
        d["requestId"] = "req_011C" + _hex(seed, 1000 + msg[0], 20)
        d["message"] = {"id": "msg_01" + _hex(seed, msg[0], 22), "type": "message", "role": "assistant",
                        "model": model, "content": [block], "stop_reason": None, "stop_sequence": None,
                        "usage": {"input_tokens": 4, "cache_creation_input_tokens": 812 + 37 * msg[0],
                                  "cache_read_input_tokens": 14210 + 911 * msg[0], "output_tokens": 96 + 13 * msg[0],
                                  "service_tier": "standard"}}
        lines.append(d)

    def user(content, extra=None) -> None:
        d = base("user")
        if sc.get("permission_mode") and isinstance(content, str):
            d["permissionMode"] = sc["permission_mode"]
        d["message"] = {"role": "user", "content": content}
        if extra is not None:
            d["toolUseResult"] = extra
        lines.append(d)

    lines.append({"type": "file-history-snapshot", "messageId": _uid(seed, 999),
                  "snapshot": {"messageId": _uid(seed, 999), "trackedFileBackups": {}, "timestamp": clock.z()},
                  "isSnapshotUpdate": False})
    user(sc["prompt"])
    tools = 0
    turn_open = False
    for st in sc["steps"]:
        k = st[0]
        if k == "user":
            user(st[1]); turn_open = False; continue
        new = not turn_open
        if k == "think":
            assistant({"type": "thinking", "thinking": st[1], "signature": "Eu8B" + _hex(seed, 5000 + n[0], 60)}, new)
            turn_open = True
        elif k == "redacted":
            assistant({"type": "redacted_thinking", "data": "EmwKAhgBEgy" + _hex(seed, 7000 + n[0], 80)}, new)
            turn_open = True
        elif k == "say":
            assistant({"type": "text", "text": st[1]}, new)
            turn_open = True
        else:
            tools += 1
            tid = "toolu_01" + _hex(seed, 3000 + tools, 22)
            if k == "bash":
                _, cmd, out, code = st[:4]
                desc = st[4] if len(st) > 4 else "Run command"
                assistant({"type": "tool_use", "id": tid, "name": "Bash", "input": {"command": cmd, "description": desc}}, new)
                if code is None:
                    user([{"tool_use_id": tid, "type": "tool_result", "content": out, "is_error": True}])
                elif code == "timeout":
                    user([{"tool_use_id": tid, "type": "tool_result", "content": out + "\nCommand timed out after 2m 0.0s", "is_error": True}],
                         {"stdout": out, "stderr": "Command timed out after 2m 0.0s", "interrupted": True, "isImage": False})
                else:
                    text = out if code == 0 else f"Exit code {code}\n{out}"
                    user([{"tool_use_id": tid, "type": "tool_result", "content": text, "is_error": code != 0}],
                         {"stdout": out if code == 0 else "", "stderr": "" if code == 0 else out, "interrupted": False, "isImage": False})
            elif k == "edit" and len(st) > 4:  # denied by a PreToolUse hook
                _, path, old, new_s, hook_msg = st
                assistant({"type": "tool_use", "id": tid, "name": "Edit", "input": {"file_path": path, "old_string": old, "new_string": new_s}}, new)
                user([{"tool_use_id": tid, "type": "tool_result", "content": hook_msg, "is_error": True}])
            elif k == "edit":
                _, path, old, new_s = st
                assistant({"type": "tool_use", "id": tid, "name": "Edit", "input": {"file_path": path, "old_string": old, "new_string": new_s}}, new)
                user([{"tool_use_id": tid, "type": "tool_result", "content": f"The file {path} has been updated. Here's the result of running `cat -n` on a snippet of the edited file:\n" + numbered(new_s, 12)}],
                     {"filePath": path, "oldString": old, "newString": new_s, "replaceAll": False, "userModified": False})
            elif k == "write":
                _, path, content = st
                assistant({"type": "tool_use", "id": tid, "name": "Write", "input": {"file_path": path, "content": content}}, new)
                user([{"tool_use_id": tid, "type": "tool_result", "content": f"File created successfully at: {path}"}],
                     {"type": "create", "filePath": path, "content": content})
            elif k == "read":
                _, path, content = st
                assistant({"type": "tool_use", "id": tid, "name": "Read", "input": {"file_path": path}}, new)
                user([{"tool_use_id": tid, "type": "tool_result", "content": numbered(content)}],
                     {"type": "text", "file": {"filePath": path, "content": content, "numLines": content.count("\n") + 1, "startLine": 1, "totalLines": content.count("\n") + 1}})
            elif k == "tool":
                _, name, inp, out = st
                assistant({"type": "tool_use", "id": tid, "name": name, "input": inp}, new)
                user([{"tool_use_id": tid, "type": "tool_result", "content": out}])
            else:
                raise ValueError(k)
            turn_open = False
    out = ROOT / sc["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines))


# ---------------------------------------------------------------- Codex
def _patch(kind: str, path: str, a: str, b: str = "") -> str:
    if kind == "write":
        return f"*** Begin Patch\n*** Add File: {path}\n" + "".join(f"+{l}\n" for l in a.split("\n")) + "*** End Patch"
    body = "".join(f"-{l}\n" for l in a.split("\n")) + "".join(f"+{l}\n" for l in b.split("\n"))
    return f"*** Begin Patch\n*** Update File: {path}\n@@\n{body}*** End Patch"


def codex(sc: dict) -> None:
    seed = sc["file"]
    clock = Clock(sc.get("start", "2025-10-14T09:21:40"))
    sid = sc.get("id", _uid(seed, 0))
    cwd = sc["cwd"]
    lines: list[dict] = []

    def rec(t: str, payload: dict) -> None:
        lines.append({"timestamp": clock.z(lo=0.2, hi=6), "type": t, "payload": payload})

    rec("session_meta", {"id": sid, "timestamp": clock.z(), "cwd": cwd, "originator": "codex_cli_rs",
                         "cli_version": sc.get("cli", "0.47.0"), "instructions": None, "source": "cli",
                         "model_provider": sc.get("provider", "openai"), "git": {"commit_hash": _hex(seed, 1, 40), "branch": sc.get("branch", "main"),
                                                             "repository_url": sc.get("repo", "git@github.com:acme/app.git")}})
    if sc.get("agents_md"):
        rec("response_item", {"type": "message", "role": "user", "content": [{"type": "input_text", "text": f"# AGENTS.md instructions for {cwd}\n\n<INSTRUCTIONS>\n{sc['agents_md']}\n</INSTRUCTIONS>"}]})
    rec("response_item", {"type": "message", "role": "user", "content": [{"type": "input_text", "text": f"<environment_context>\n  <cwd>{cwd}</cwd>\n  <approval_policy>{sc.get('approval', 'on-request')}</approval_policy>\n  <sandbox_mode>workspace-write</sandbox_mode>\n  <network_access>restricted</network_access>\n  <shell>zsh</shell>\n</environment_context>"}]})

    def user(text: str) -> None:
        rec("response_item", {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]})
        rec("event_msg", {"type": "user_message", "message": text, "images": []})
        rec("turn_context", {"cwd": cwd, "approval_policy": sc.get("approval", "on-request"),
                             "sandbox_policy": {"mode": "workspace-write", "network_access": False},
                             "model": sc.get("model", "gpt-5-codex"), "effort": sc.get("effort", "medium"), "summary": "auto"})

    user(sc["prompt"])
    calls = 0
    tok = 3900
    for st in sc["steps"]:
        k = st[0]
        if k == "user":
            user(st[1]); continue
        if k == "think":
            rec("event_msg", {"type": "agent_reasoning", "text": st[1]})
            rec("response_item", {"type": "reasoning", "summary": [{"type": "summary_text", "text": st[1]}], "content": None,
                                  "encrypted_content": "gAAAAABo" + _hex(seed, 900 + len(lines), 64)})
        elif k == "think_raw":
            rec("event_msg", {"type": "agent_reasoning_raw_content", "text": st[1]})
            rec("response_item", {"type": "reasoning", "summary": [], "content": [{"type": "reasoning_text", "text": st[1]}],
                                  "encrypted_content": None})
        elif k == "redacted":
            rec("response_item", {"type": "reasoning", "summary": [], "content": None,
                                  "encrypted_content": "gAAAAABo" + _hex(seed, 900 + len(lines), 96)})
        elif k == "say":
            rec("event_msg", {"type": "agent_message", "message": st[1]})
            rec("response_item", {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": st[1]}]})
        else:
            calls += 1
            cid = "call_" + _hex(seed, 2000 + calls, 24)
            if k == "tool":
                rec("response_item", {"type": "function_call", "name": st[1], "arguments": json.dumps(st[2]), "call_id": cid})
                rec("response_item", {"type": "function_call_output", "call_id": cid, "output": st[3]})
            elif k in ("bash", "read"):
                if k == "read":
                    cmd, out, code = f"sed -n '1,200p' {st[1]}", st[2], 0
                else:
                    cmd, out, code = st[1], st[2], st[3]
                rec("response_item", {"type": "function_call", "name": "shell", "arguments": json.dumps(
                    {"command": ["bash", "-lc", cmd], "workdir": cwd, "timeout_ms": 120000}), "call_id": cid})
                rec("event_msg", {"type": "exec_command_begin", "call_id": cid, "command": ["bash", "-lc", cmd], "cwd": cwd})
                rec("event_msg", {"type": "exec_command_end", "call_id": cid, "stdout": out, "stderr": "", "exit_code": code,
                                  "duration": {"secs": 1, "nanos": 204000000}, "formatted_output": out})
                rec("response_item", {"type": "function_call_output", "call_id": cid, "output": json.dumps(
                    {"output": out, "metadata": {"exit_code": code, "duration_seconds": 1.2}})})
            else:
                patch = _patch("write", st[1], st[2]) if k == "write" else _patch("edit", st[1], st[2], st[3])
                rel = st[1].removeprefix(cwd + "/")
                flag = "A" if k == "write" else "M"
                rec("response_item", {"type": "custom_tool_call", "status": "completed", "call_id": cid, "name": "apply_patch", "input": patch})
                rec("event_msg", {"type": "patch_apply_end", "call_id": cid, "stdout": f"Success. Updated the following files:\n{flag} {rel}\n", "stderr": "", "success": True})
                rec("response_item", {"type": "custom_tool_call_output", "call_id": cid, "output": json.dumps(
                    {"output": f"Success. Updated the following files:\n{flag} {rel}\n", "metadata": {"exit_code": 0, "duration_seconds": 0.0}})})
            tok += 1800
            rec("event_msg", {"type": "token_count", "info": {"total_token_usage": {"input_tokens": tok, "cached_input_tokens": tok - 1500, "output_tokens": 140 + calls * 60, "total_tokens": tok + 140 + calls * 60}}})
    last = next((s[1] for s in reversed(sc["steps"]) if s[0] == "say"), "")
    rec("event_msg", {"type": "task_complete", "last_agent_message": last})
    out = ROOT / sc["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines))


# ---------------------------------------------------------------- SWE-agent
def _swe_filler(k: str, st: tuple) -> str:
    """The one-line thought a model writes before a routine action when the scenario gives none."""
    if k == "read":
        return f"Let me open {st[1]} and look at the relevant code."
    if k == "edit":
        return f"Now I'll make the change in {st[1]}."
    if k == "write":
        return f"I'll create {st[1]}."
    if k == "submit":
        return "The changes are in place. Submitting."
    cmd = st[1]
    if cmd.startswith(("grep", "find", "ls", "sed -n", "cat")):
        return "Let me look around the code first."
    if any(w in cmd for w in ("test", "check", "ctest")):
        return "Let me run the tests to see where things stand."
    return "Let me try that."


def swe_agent(sc: dict) -> None:
    repo = sc["cwd"]
    traj = []
    history = [
        {"role": "system", "content": "SETTING: You are an autonomous programmer, and you're working directly in the command line with a special interface.\n\nThe special interface consists of a file editor that shows you 100 lines of a file at a time.", "agent": "primary"},
        {"role": "user", "content": f"We're currently solving the following issue within our repository. Here's the issue text:\nISSUE:\n{sc['prompt']}\n\nINSTRUCTIONS:\nNow, you're going to solve this issue on your own. Your terminal session has started and you're in the repository's root directory. Edit all the files you need to and run any checks or tests that you want. When you're satisfied with all of the changes you've made, you can submit your changes to the code base by simply running the submit command.\n\n(Open file: n/a)\n(Current directory: {repo})\nbash-$", "agent": "primary"},
    ]
    thought = ""
    open_file = "n/a"
    for st in sc["steps"]:
        k = st[0]
        if k == "think":
            thought += st[1] + "\n"; continue
        if k == "redacted":
            continue
        if k == "say":
            thought += st[1] + "\n"; continue
        if k == "bash":
            action, obs = st[1], st[2]
        elif k == "read":
            open_file = st[1]
            action = f"open {st[1]}"
            body = st[2].split("\n")
            obs = f"[File: {st[1]} ({len(body)} lines total)]\n" + "\n".join(f"{i}:{l}" for i, l in enumerate(body, 1))
        elif k == "edit":
            open_file = st[1]
            action = f"str_replace_editor str_replace {st[1]} --old_str {json.dumps(st[2])} --new_str {json.dumps(st[3])}"
            obs = f"The file {st[1]} has been edited. Here's the result of running `cat -n` on a snippet of {st[1]}:\n" + numbered(st[3], 20) + "\nReview the changes and make sure they are as expected. Edit the file again if necessary."
        elif k == "write":
            open_file = st[1]
            action = f"str_replace_editor create {st[1]} --file_text {json.dumps(st[2])}"
            obs = f"File created successfully at: {st[1]}"
        elif k == "submit":
            action, obs = "submit", sc["diff"]
        else:
            raise ValueError(k)
        if not thought.strip() and sc.get("empty_thoughts"):
            th = ""
            resp = f"```\n{action}\n```"
        else:
            th = "DISCUSSION\n" + (thought.strip() or _swe_filler(k, st))
            resp = f"{th}\n```\n{action}\n```"
        state = json.dumps({"open_file": open_file, "working_dir": repo})
        traj.append({"action": action + "\n", "observation": obs, "response": resp, "state": state,
                     "thought": th + "\n", "execution_time": 0.8 + 0.37 * len(traj), "query": [], "extra_info": {}})
        history.append({"role": "assistant", "content": resp, "thought": th + "\n", "action": action + "\n", "agent": "primary", "message_type": "action"})
        history.append({"role": "user", "content": f"{obs}\n(Open file: {open_file})\n(Current directory: {repo})\nbash-$", "agent": "primary", "message_type": "observation"})
        thought = ""
    n = len(traj)
    doc = {"environment": "swe_main", "trajectory": traj, "history": history,
           "info": {"swe_agent_hash": "b2f5c7d0a1", "swe_agent_version": "1.0.1", "exit_status": sc.get("exit_status", "submitted"),
                    "submission": sc["diff"], "model_stats": {"instance_cost": round(0.03 * n, 4), "tokens_sent": 5200 * n, "tokens_received": 310 * n, "api_calls": n}},
           "replay_config": json.dumps({"agent": {"model": {"name": sc.get("model", "claude-3-5-sonnet-20241022")}}, "env": {"repo": {"path": repo}}})}
    out = ROOT / sc["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False))


# ---------------------------------------------------------------- OpenHands
def openhands(sc: dict) -> None:
    clock = Clock(sc.get("start", "2025-06-11T16:40:02"))
    ev: list[dict] = []

    def ts() -> str:
        return clock.tick().strftime("%Y-%m-%dT%H:%M:%S.%f")

    def add(d: dict) -> int:
        d = {"id": len(ev), "timestamp": ts(), **d}
        ev.append(d)
        return d["id"]

    model = sc.get("model", "claude-sonnet-4-20250514")
    add({"source": "agent", "message": "You are OpenHands agent, a helpful AI assistant that can interact with a computer to solve tasks.", "action": "system",
         "args": {"content": "You are OpenHands agent, a helpful AI assistant that can interact with a computer to solve tasks.", "tools": [], "openhands_version": sc.get("oh_version", "0.39.1"), "agent_class": "CodeActAgent"}})
    add({"source": "user", "message": sc["prompt"], "action": "message", "args": {"content": sc["prompt"], "image_urls": [], "wait_for_response": False}})
    thought = ""
    calls = 0

    def meta(fn: str) -> dict:
        nonlocal calls
        calls += 1
        tid = "toolu_" + _hex(sc["file"], calls, 24)
        return {"function_name": fn, "tool_call_id": tid, "model_response": {"id": "chatcmpl-" + _hex(sc["file"], 50 + calls, 12), "model": model,
                "object": "chat.completion", "choices": [{"finish_reason": "tool_calls", "index": 0, "message": {"content": thought.strip(), "role": "assistant",
                "tool_calls": [{"index": 1, "function": {"arguments": "{}", "name": fn}, "id": tid, "type": "function"}]}}]}, "total_calls_in_response": 1}

    steps = sc["steps"]
    for i, st in enumerate(steps):
        k = st[0]
        if k == "think":
            thought += st[1] + "\n"; continue
        if k == "redacted":
            continue
        if k == "user":
            add({"source": "user", "message": st[1], "action": "message", "args": {"content": st[1], "image_urls": [], "wait_for_response": False}})
            continue
        if k == "think_tool":  # the agent's `think` tool: an action of its own, logged, no effect
            a = add({"source": "agent", "message": st[1], "action": "think", "tool_call_metadata": meta("think"),
                     "args": {"thought": st[1]}})
            add({"source": "agent", "message": "Your thought has been logged.", "cause": a, "observation": "think",
                 "content": "Your thought has been logged.", "extras": {}})
            thought = ""
            continue
        if k == "say":
            last = all(s[0] in ("say",) for s in steps[i + 1:]) and i == len(steps) - 1
            if last:
                add({"source": "agent", "message": "All done! What's next on the agenda?", "action": "finish",
                     "args": {"final_thought": st[1], "task_completed": "true", "outputs": {}, "thought": thought.strip()}})
                add({"source": "environment", "message": "", "observation": "agent_state_changed", "content": "", "extras": {"agent_state": "finished", "reason": ""}})
            else:
                add({"source": "agent", "message": st[1], "action": "message", "args": {"content": st[1], "image_urls": None, "wait_for_response": False, "thought": thought.strip()}})
            thought = ""
            continue
        wd = sc["cwd"]
        if k == "bash" and st[3] is None:  # held by confirmation mode, then rejected
            _, cmd, out, _c = st[:4]
            a = add({"source": "agent", "message": f"Running command: {cmd}", "action": "run", "tool_call_metadata": meta("execute_bash"),
                     "args": {"command": cmd, "is_input": False, "thought": thought.strip(), "blocking": False, "hidden": False,
                              "confirmation_state": "awaiting_confirmation", "security_risk": 2}, "timeout": 120})
            add({"source": "environment", "message": "", "observation": "agent_state_changed", "content": "",
                 "extras": {"agent_state": "awaiting_user_confirmation", "reason": ""}})
            add({"source": "environment", "message": "", "observation": "agent_state_changed", "content": "",
                 "extras": {"agent_state": "user_rejected", "reason": ""}})
            add({"source": "environment", "message": out, "cause": a, "observation": "user_rejected", "content": out, "extras": {}})
            add({"source": "environment", "message": "", "observation": "agent_state_changed", "content": "",
                 "extras": {"agent_state": "running", "reason": ""}})
        elif k == "bash":
            _, cmd, out, code = st[:4]
            a = add({"source": "agent", "message": f"Running command: {cmd}", "action": "run", "tool_call_metadata": meta("execute_bash"),
                     "args": {"command": cmd, "is_input": False, "thought": thought.strip(), "blocking": False, "hidden": False, "confirmation_state": "confirmed"}, "timeout": 120})
            add({"source": "agent", "message": f"Command `{cmd}` executed with exit code {code}.", "cause": a, "observation": "run", "content": out,
                 "extras": {"command": cmd, "metadata": {"exit_code": code, "pid": -1, "username": "openhands", "hostname": "runtime-" + _hex(sc["file"], 7, 6),
                            "working_dir": wd, "py_interpreter_path": "/openhands/poetry/bin/python", "prefix": "", "suffix": f"\n[The command completed with exit code {code}.]"}, "hidden": False}, "success": code == 0})
        elif k == "read":
            a = add({"source": "agent", "message": f"Reading file: {st[1]}", "action": "read", "tool_call_metadata": meta("str_replace_editor"),
                     "args": {"path": st[1], "start": 0, "end": -1, "thought": thought.strip(), "impl_source": "oh_aci", "view_range": None}})
            add({"source": "agent", "message": f"I read the file {st[1]}.", "cause": a, "observation": "read",
                 "content": f"Here's the result of running `cat -n` on {st[1]}:\n" + numbered(st[2]), "extras": {"path": st[1], "impl_source": "oh_aci"}})
        elif k in ("edit", "write"):
            if k == "edit":
                args = {"path": st[1], "command": "str_replace", "file_text": None, "old_str": st[2], "new_str": st[3], "insert_line": None}
                content = f"The file {st[1]} has been edited. Here's the result of running `cat -n` on a snippet of {st[1]}:\n" + numbered(st[3], 30) + "\nReview the changes and make sure they are as expected. Edit the file again if necessary."
                extras = {"path": st[1], "prev_exist": True, "old_content": st[2], "new_content": st[3], "impl_source": "oh_aci", "diff": ""}
            else:
                args = {"path": st[1], "command": "create", "file_text": st[2], "old_str": None, "new_str": None, "insert_line": None}
                content = f"File created successfully at: {st[1]}"
                extras = {"path": st[1], "prev_exist": False, "old_content": None, "new_content": st[2], "impl_source": "oh_aci", "diff": ""}
            args.update({"content": "", "start": 1, "end": -1, "thought": thought.strip(), "impl_source": "oh_aci"})
            a = add({"source": "agent", "message": f"I edited the file {st[1]}.", "action": "edit", "tool_call_metadata": meta("str_replace_editor"), "args": args})
            add({"source": "agent", "message": f"I edited the file {st[1]}.", "cause": a, "observation": "edit", "content": content, "extras": extras})
        else:
            raise ValueError(k)
        thought = ""
    out = ROOT / sc["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(ev, indent=2, ensure_ascii=False))


# ---------------------------------------------------------------- Inspect AI
def _inspect_sample(sc: dict) -> dict:
    seed = sc["file"]
    model = sc.get("model", "anthropic/claude-sonnet-4-20250514")
    short = model.split("/", 1)[-1]
    msgs: list[dict] = [{"id": "Sy" + _hex(seed, 1, 6), "role": "system", "source": None,
                         "content": sc.get("system", "You are a capable software engineer working in a sandboxed Linux environment. Use the bash and text_editor tools to complete the task, then call submit() with your answer.")},
                        {"id": "Us" + _hex(seed, 2, 6), "role": "user", "source": "input", "content": sc["prompt"]}]
    pend: list[dict] = []
    calls = 0
    for st in sc["steps"]:
        k = st[0]
        if k == "think":
            pend.append({"type": "reasoning", "reasoning": st[1], "signature": "Eq" + _hex(seed, 300 + len(msgs), 40), "redacted": False}); continue
        if k == "redacted":
            pend.append({"type": "reasoning", "reasoning": "Eu" + _hex(seed, 400 + len(msgs), 60) + "==", "signature": None, "redacted": True}); continue
        if k == "say":
            pend.append({"type": "text", "text": st[1]}); continue
        if k == "user":
            msgs.append({"id": "Us" + _hex(seed, 500 + len(msgs), 6), "role": "user", "source": None, "content": st[1]}); continue
        calls += 1
        tid = "toolu_01" + _hex(seed, 600 + calls, 20)
        if k == "bash":
            fn, args, out, err = "bash", {"cmd": st[1]}, st[2], None
            if len(st) > 3 and isinstance(st[3], str):  # a ToolCallError: (type, message)
                out, err = "", {"type": st[3], "message": st[2]}
        elif k == "read":
            fn, args, out, err = "text_editor", {"command": "view", "path": st[1]}, numbered(st[2]), None
        elif k == "edit":
            fn, args, out, err = "text_editor", {"command": "str_replace", "path": st[1], "old_str": st[2], "new_str": st[3]}, f"The file {st[1]} has been edited. Here's the result of running `cat -n` on a snippet of {st[1]}:\n" + numbered(st[3], 10), None
        elif k == "write":
            fn, args, out, err = "text_editor", {"command": "create", "path": st[1], "file_text": st[2]}, f"File created successfully at: {st[1]}", None
        elif k == "submit":
            fn, args, out, err = "submit", {"answer": st[1]}, st[1], None
        elif k == "tool":
            fn, args, out, err = st[1], st[2], st[3], None
        else:
            raise ValueError(k)
        am = {"id": "As" + _hex(seed, 700 + calls, 6), "role": "assistant", "source": "generate", "model": short,
              "content": pend or "", "tool_calls": [{"id": tid, "function": fn, "arguments": args, "type": "function"}]}
        msgs.append(am)
        pend = []
        msgs.append({"id": "Tl" + _hex(seed, 800 + calls, 6), "role": "tool", "source": None, "content": out, "tool_call_id": tid, "function": fn, "error": err})
    if pend:
        content = pend[0]["text"] if len(pend) == 1 and pend[0]["type"] == "text" else pend
        msgs.append({"id": "As" + _hex(seed, 999, 6), "role": "assistant", "source": "generate", "model": short, "content": content})
    final = msgs[-1] if msgs[-1]["role"] == "assistant" else {"role": "assistant", "content": ""}
    return {"id": sc.get("sample_id", 1), "epoch": 1, "input": sc["prompt"], "target": sc.get("target", ""),
            "messages": msgs,
            "output": {"model": short, "choices": [{"message": final, "stop_reason": "stop"}], "usage": {"input_tokens": 3100 * calls, "output_tokens": 280 * calls}},
            "scores": sc.get("scores", {}), "metadata": sc.get("metadata", {}), "store": {}, "events": [], "model_usage": {},
            "total_time": round(11.3 * calls, 1), "working_time": round(10.2 * calls, 1), "uuid": _hex(seed, 42, 22), "error": None,
            "attachments": {}, "limit": sc.get("limit")}


def _inspect_header(sc: dict) -> dict:
    seed = sc["file"]
    created = sc.get("start", "2025-09-03T10:12:00") + "+00:00"
    return {"version": 2, "status": "success",
            "eval": {"eval_id": _hex(seed, 11, 22), "run_id": _hex(seed, 12, 22), "created": created, "task": sc["task"],
                     "task_id": sc["task"] + "_" + _hex(seed, 13, 4), "task_version": 0, "task_file": sc.get("task_file", "tasks.py"),
                     "task_attribs": {}, "task_args": {}, "solver": None, "solver_args": None, "tags": None,
                     "dataset": {"name": sc["task"], "location": sc["task"] + ".jsonl", "samples": 1, "sample_ids": [sc.get("sample_id", 1)], "shuffled": False},
                     "sandbox": {"type": "docker", "config": "compose.yaml"}, "model": sc.get("model", "anthropic/claude-sonnet-4-20250514"),
                     "model_base_url": None, "model_args": {}, "config": {"epochs": 1, "fail_on_error": True},
                     "revision": {"type": "git", "origin": sc.get("origin", "https://github.com/acme/agent-evals"), "commit": _hex(seed, 14, 7)},
                     "packages": {"inspect_ai": sc.get("inspect_version", "0.3.112")}, "metadata": None,
                     "scorers": [{"name": n, "options": {}, "metrics": [{"name": "accuracy", "options": {}}], "metadata": {}} for n in sc.get("scores", {})]},
            "plan": {"name": "plan", "steps": [{"solver": "system_message", "params": {}}, {"solver": "basic_agent", "params": {"max_attempts": 1}}],
                     "config": {"max_tokens": 16384}},
            "results": {"total_samples": 1, "completed_samples": 1,
                        "scores": [{"name": n, "scorer": n, "params": {}, "metrics": {"accuracy": {"name": "accuracy", "value": 1.0 if v.get("value") == "C" else 0.0, "params": {}}}} for n, v in sc.get("scores", {}).items()]},
            "stats": {"started_at": created, "completed_at": created, "model_usage": {}}}


def inspect(sc: dict) -> None:
    out = ROOT / sc["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    head = _inspect_header(sc)
    sample = _inspect_sample(sc)
    if out.suffix == ".eval":
        import zipfile
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            def put(name, obj):
                zi = zipfile.ZipInfo(name, date_time=(2025, 9, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, json.dumps(obj, indent=2, ensure_ascii=False))
            put("_journal/start.json", {k: head[k] for k in ("version", "eval", "plan")})
            put(f"samples/{sample['id']}_epoch_1.json", sample)
            put("summaries.json", [{"id": sample["id"], "epoch": 1, "input": sample["input"], "target": sample["target"], "scores": sample["scores"]}])
            put("header.json", head)
    else:
        out.write_text(json.dumps({**head, "samples": [sample]}, indent=2, ensure_ascii=False))


# ---------------------------------------------------------------- Aider
def _aider_weak(model: str) -> str:
    if model.startswith("openai/"):
        return "openai/gpt-5-nano" if "gpt-5" in model else "openai/gpt-4o-mini"
    if "deepseek" in model:
        return "openrouter/deepseek/deepseek-chat"
    return "anthropic/claude-3-5-haiku-20241022"


def aider(sc: dict) -> None:
    lines = [f"\n# aider chat started at {sc.get('start', '2025-08-19 10:02:11')}\n",
             f"> {sc.get('argv', '/home/dev/.local/bin/aider --model sonnet')}  ",
             f"> Aider v{sc.get('aider_version', '0.82.2')}  ",
             f"> Main model: {sc.get('model', 'anthropic/claude-sonnet-4-20250514')} with diff edit format, infinite output  ",
             f"> Weak model: {sc.get('weak') or _aider_weak(sc.get('model', 'anthropic/claude-sonnet-4-20250514'))}  ",
             f"> Git repo: .git with {sc.get('nfiles', 142)} files  ",
             "> Repo-map: using 4096 tokens, auto refresh  ", ""]
    tok = 2.1
    tag = "thinking-content-" + _hex(sc["file"], 1, 32)
    for st in sc["steps"]:
        k = st[0]
        if k == "user":
            lines += [f"#### {l}  " for l in st[1].split("\n")] + [""]
        elif k == "add":
            lines += [f"#### /add {' '.join(st[1:])}  "] + [f"> Added {f} to the chat  " for f in st[1:]] + [""]
        elif k == "think":
            lines += [f"<{tag}>", "", st[1], "", f"</{tag}>", ""]
        elif k == "say":
            lines += [st[1], ""]
        elif k == "edit":
            lang = st[4] if len(st) > 4 else ""
            lines += [st[1], f"```{lang}", "<<<<<<< SEARCH", st[2], "=======", st[3], ">>>>>>> REPLACE", "```", ""]
        elif k == "applied":
            tok += 1.3
            lines += [f"> Tokens: {tok:.1f}k sent, {int(180 + tok * 40)} received. Cost: $0.0{int(tok * 3) % 90 + 10} message, $0.{int(tok * 7) % 90 + 10} session.  "]
            lines += [f"> Applied edit to {f}  " for f in st[1]]
            if len(st) > 2:
                lines += [f"> Commit {st[2]}  "]
            lines += [""]
        elif k == "run":  # /run by the user, output added to chat
            out = st[2].split("\n")
            lines += [f"#### /run {st[1]}  "] + [f"> {l}  " if l else ">  " for l in out]
            lines += [f"> Add command output to the chat? (Y)es/(N)o/(D)on't ask again [Yes]: y  ", f"> Added {len(out)} lines of output to the chat.  ", ""]
        elif k == "bash":  # a shell command the model suggested, confirmed by the user
            out = st[2].split("\n")
            lines += ["```bash", st[1], "```", ""]
            lines += [f"> {st[1]}  ", "> Run shell command? (Y)es/(N)o/(D)on't ask again [Yes]: y  ", f"> Running {st[1]}  "]
            if st[2]:  # aider offers to add output only when there is some
                lines += [f"> {l}  " if l else ">  " for l in out]
                lines += [f"> Add command output to the chat? (Y)es/(N)o/(D)on't ask again [Yes]: y  ", f"> Added {len(out)} lines of output to the chat.  "]
            lines += [""]
        else:
            raise ValueError(k)
    out = ROOT / sc["file"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")


RENDER = {"claude_code": claude_code, "codex": codex, "swe_agent": swe_agent, "openhands": openhands,
          "inspect": inspect, "aider": aider}
