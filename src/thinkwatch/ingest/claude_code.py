"""Claude Code transcripts: session files, subagent files and headless `stream-json` output.

Session files live at `~/.claude/projects/<project>/<session>.jsonl`: one JSON object per
line; conversation lines (`user`, `assistant`, `system`) form a tree through
`uuid`/`parentUuid`, and assistant lines sharing `message.id` are one model turn.
Subagents (sidechains) become their own trajectories, linked to the session.

`claude -p --output-format stream-json --verbose` (how CI jobs and benchmark harnesses
run Claude Code) writes the same `user`/`assistant` messages with snake_case envelope
fields: a `system`/`init` line first, `session_id` on every line, `parent_tool_use_id`
naming the Task call a subagent's message belongs to, and a closing `result` line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from thinkwatch.ingest._actions import (
    edit_action,
    multi_edit_action,
    opt_str,
    other_action,
    read_action,
    shell_action,
    write_action,
)
from thinkwatch.ingest.base import SNIFF_BYTES, JsonlParser, LineState, ParseReport, json_text, stable_id
from thinkwatch.ingest.registry import register
from thinkwatch.model import (
    Action,
    ActionKind,
    ReasoningVisibility,
    SourceRef,
    Step,
    StepKind,
    Trajectory,
)

FORMAT = "claude-code"

_CONVERSATION_TYPES = frozenset({"user", "assistant", "system"})
# Record types Claude Code writes that carry nothing a monitor reads (or that duplicate
# the conversation lines, like subagent `progress` echoes).
_SKIPPED_TYPES = frozenset(
    {
        "attachment",
        "file-history-snapshot",
        "progress",
        "queue-operation",
        "agent-setting",
        "pr-link",
        "last-prompt",
        "tag",
        # stream-json: token-by-token deltas of messages that also arrive whole
        "stream_event",
    }
)
_TITLE_TYPES = {"ai-title": "aiTitle", "custom-title": "customTitle"}
# Harness text injected as `user` lines: slash commands, their output, the user's own
# `!` shell commands, hook output and interruption notices. Not the person's prompt.
_HARNESS_PREFIXES = (
    "<command-name>",
    "<command-message>",
    "<command-args>",
    "<local-command-stdout>",
    "<local-command-stderr>",
    "<local-command-caveat>",
    "<bash-input>",
    "<bash-stdout>",
    "<bash-stderr>",
    "<user-prompt-submit-hook>",
    "<system-reminder>",
    "Caveat: The messages below were generated",
    "[Request interrupted",
)
# Built-in slash commands that never describe the task, so never stand in for it.
_NOISE_COMMANDS = frozenset(
    {"clear", "exit", "compact", "model", "help", "cost", "status", "config", "login", "logout", "resume"}
)
_SUBAGENT_TOOLS = frozenset({"Task", "Agent"})
# `init` opens stream-json output; its facts (session, cwd, model) are read, not shown as a step.
_SILENT_SYSTEM_SUBTYPES = frozenset({"turn_duration", "init"})
# Tool input fields worth showing in the one-line rendering of other tools, by priority.
_RENDER_FIELDS = ("command", "file_path", "pattern", "url", "query", "path", "description", "prompt")


class _Thread:
    """The steps and facts of one trajectory: the main session, or one subagent."""

    __slots__ = (
        "agent_id",
        "calls",
        "command_task",
        "cwd",
        "first_ts",
        "from_agent_file",
        "git_branch",
        "last_ts",
        "model",
        "models",
        "permission_mode",
        "session_id",
        "spawned",
        "steps",
        "task",
        "task_calls",
        "version",
    )

    def __init__(self, agent_id: str, from_agent_file: bool) -> None:
        self.agent_id = agent_id  # "" for the main session
        self.from_agent_file = from_agent_file
        self.steps: list[Step] = []
        self.session_id: str | None = None
        self.cwd: str | None = None
        self.git_branch: str | None = None
        self.version: str | None = None
        self.first_ts: str | None = None
        self.last_ts: str | None = None
        self.model: str | None = None
        self.models: list[str] = []
        self.permission_mode: str | None = None
        self.task: str | None = None
        self.command_task: str | None = None
        self.calls: dict[str, Step] = {}  # tool_use id -> TOOL_CALL step
        self.spawned: dict[str, str] = {}  # subagent agentId -> the Task call's tool_use id
        self.task_calls: dict[str, Step] = {}  # Task prompt -> TOOL_CALL step (links old sidechains)


class ClaudeCodeState(LineState):
    """Incremental reader of one Claude Code transcript file."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._source = str(path)
        name = path.name
        # Subagent transcripts live in `agent-<id>.jsonl` files (under `<session>/subagents/`
        # in newer versions, beside the session in older ones).
        self._file_agent = name[6:-6] if name.startswith("agent-") and name.endswith(".jsonl") else None
        self._threads: dict[str, _Thread] = {}
        self._main: _Thread | None = None  # the session's own thread, once seen
        self._seen_uuids: set[str] = set()
        self._blocks: dict[str, set[tuple[str, Any]]] = {}  # message.id -> blocks already read
        self._side_roots: dict[str, str] = {}  # sidechain line uuid -> its chain's key (old versions)
        self._session_ids: dict[str, None] = {}
        self._duplicates = 0
        self._summary: str | None = None
        self._title: str | None = None
        self._agent_meta: dict[str, Any] | None = None
        self._agent_file_exists: dict[str, bool] = {}
        self._result: dict[str, Any] | None = None  # stream-json's closing `result` line

    # -- reading lines -------------------------------------------------------------

    def feed(self, lineno: int, record: Any, report: ParseReport) -> None:
        if type(record) is not dict:
            report.problem(self._source, lineno, "line is not a JSON object; skipped")
            return
        rtype = record.get("type")
        if type(rtype) is not str and rtype is not None:  # a list or object can't be looked up
            report.problem(self._source, lineno, "line whose 'type' is not a string; skipped")
            return
        if rtype in _CONVERSATION_TYPES:
            uuid = record.get("uuid")
            if isinstance(uuid, str):
                if uuid in self._seen_uuids:  # the same line written twice (resumed sessions)
                    self._duplicates += 1
                    return
                self._seen_uuids.add(uuid)
            thread = self._thread_for(record, uuid)
            ts = record.get("timestamp")
            self._touch(thread, record, ts)
            if rtype == "assistant":
                self._assistant(thread, record, lineno, ts, report)
            elif rtype == "user":
                self._user(thread, record, lineno, ts, report)
            else:
                self._system(thread, record, lineno, ts)
        elif rtype in _SKIPPED_TYPES:
            return
        elif rtype == "result":
            self._read_result(record, lineno)
        elif rtype == "summary":
            summary = record.get("summary")
            if isinstance(summary, str):
                self._summary = summary
        elif rtype in _TITLE_TYPES:
            title = record.get(_TITLE_TYPES[rtype])
            if isinstance(title, str):
                self._title = title
        else:
            report.unknown(f"{FORMAT}:{rtype}")

    def _thread_for(self, record: dict[str, Any], uuid: Any) -> _Thread:
        parent_call = record.get("parent_tool_use_id")  # stream-json: a subagent's message
        if self._main is not None and parent_call is None and record.get("isSidechain") is not True:
            return self._main  # the common case, kept short
        if isinstance(parent_call, str) and parent_call and self._file_agent is None:
            return self._stream_subagent(parent_call)
        if self._file_agent is not None:
            agent = record.get("agentId")
            key = agent if isinstance(agent, str) and agent else self._file_agent
        elif record.get("isSidechain") is True:
            agent = record.get("agentId")
            if isinstance(agent, str) and agent:
                key = agent
            else:
                # Old versions wrote subagents inline without an agentId: a sidechain
                # line whose parent is not a sidechain line starts a new subagent.
                parent = record.get("parentUuid")
                found = self._side_roots.get(parent) if isinstance(parent, str) else None
                key = found or (uuid if isinstance(uuid, str) else "sidechain")
                if isinstance(uuid, str):
                    self._side_roots[uuid] = key
        else:
            key = ""
        thread = self._threads.get(key)
        if thread is None:
            thread = self._threads[key] = _Thread(key, self._file_agent is not None)
            if key == "" and self._file_agent is None:
                self._main = thread
        return thread

    def _stream_subagent(self, call_id: str) -> _Thread:
        """The thread of a stream-json subagent, keyed by the Task call that started it."""
        thread = self._threads.get(call_id)
        if thread is None:
            thread = self._threads[call_id] = _Thread(call_id, False)
            if self._main is None:
                self._main = self._threads[""] = _Thread("", False)
            self._main.spawned[call_id] = call_id
        return thread

    def _read_result(self, record: dict[str, Any], lineno: int) -> None:
        """Keep how a stream-json run ended; its text is the final message, shown once."""
        outcome = {
            key: record[key]
            for key in ("subtype", "is_error", "num_turns", "duration_ms", "total_cost_usd")
            if isinstance(record.get(key), (str, int, float, bool))
        }
        denials = record.get("permission_denials")
        if isinstance(denials, list) and denials:
            outcome["permission_denials"] = len(denials)
        self._result = outcome
        sid = record.get("session_id")
        if isinstance(sid, str) and sid not in self._session_ids:
            self._session_ids[sid] = None
        text = record.get("result")
        main = self._main
        if not isinstance(text, str) or not text.strip() or main is None:
            return
        last_said = next((s.text for s in reversed(main.steps) if s.kind is StepKind.ASSISTANT), None)
        if last_said is None or last_said.strip() != text.strip():
            self._add(main, StepKind.ASSISTANT, text, lineno, None, {"result": True})

    def _touch(self, thread: _Thread, record: dict[str, Any], ts: Any) -> None:
        sid = record.get("sessionId")
        if sid is None:
            sid = record.get("session_id")  # stream-json
            if record.get("subtype") == "init":
                self._read_init(thread, record)
        if isinstance(sid, str):
            if sid not in self._session_ids:
                self._session_ids[sid] = None
            if thread.session_id is None:
                thread.session_id = sid
        if thread.cwd is None:
            cwd = record.get("cwd")
            if isinstance(cwd, str):
                thread.cwd = cwd
        if thread.version is None:
            version = record.get("version")
            if isinstance(version, str):
                thread.version = version
        if thread.git_branch is None:
            branch = record.get("gitBranch")
            if isinstance(branch, str) and branch:
                thread.git_branch = branch
        if isinstance(ts, str):
            if thread.first_ts is None or ts < thread.first_ts:
                thread.first_ts = ts
            if thread.last_ts is None or ts > thread.last_ts:
                thread.last_ts = ts

    def _read_init(self, thread: _Thread, record: dict[str, Any]) -> None:
        for src, attr in (
            ("cwd", "cwd"),
            ("claude_code_version", "version"),
            ("permissionMode", "permission_mode"),
        ):
            value = record.get(src)
            if isinstance(value, str) and value and getattr(thread, attr) is None:
                setattr(thread, attr, value)

    def _add(
        self,
        thread: _Thread,
        kind: StepKind,
        text: str,
        lineno: int,
        ts: Any,
        meta: dict[str, Any],
        tool_name: str | None = None,
        tool_input: dict[str, Any] | None = None,
        call_id: str | None = None,
        is_error: bool | None = None,
        reasoning: ReasoningVisibility | None = None,
        action: Action | None = None,
    ) -> Step:
        steps = thread.steps
        # positional, in base.STEP_FIELDS order: this runs once per step, and keywords cost measurably
        step = Step(
            len(steps),
            kind,
            text,
            tool_name,
            tool_input,
            call_id,
            is_error,
            reasoning,
            action,
            ts if type(ts) is str else None,
            SourceRef(self._source, lineno),
            meta,
        )
        steps.append(step)
        if kind is StepKind.USER and thread.task is None:
            thread.task = text
        return step

    def _assistant(
        self, thread: _Thread, record: dict[str, Any], lineno: int, ts: Any, report: ParseReport
    ) -> None:
        msg = record.get("message")
        if type(msg) is not dict:
            report.problem(self._source, lineno, "assistant line without a message object; skipped")
            return
        model = msg.get("model")
        synthetic = model == "<synthetic>" or record.get("isApiErrorMessage") is True
        if isinstance(model, str) and model and not synthetic and model not in thread.models:
            thread.models.append(model)
            if thread.model is None:
                thread.model = model
        content = msg.get("content")
        if isinstance(content, str):
            content = [{"type": "text", "text": content}]
        elif type(content) is not list:
            return
        mid = msg.get("id")
        seen: set[tuple[str, Any]] | None = None
        if isinstance(mid, str):
            seen = self._blocks.get(mid)
            if seen is None:
                seen = self._blocks[mid] = set()
        uuid = record.get("uuid")
        for block in content:
            if type(block) is not dict:
                continue
            btype = block.get("type")
            if btype == "text":
                text = block.get("text")
                if not isinstance(text, str) or not text or text.isspace():
                    continue
                key: tuple[str, Any] = ("text", text)
                if seen is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                meta = {"uuid": uuid, "message_id": mid}
                if synthetic:
                    meta["synthetic"] = True
                kind = StepKind.SYSTEM if synthetic else StepKind.ASSISTANT
                self._add(thread, kind, text, lineno, ts, meta)
            elif btype == "thinking":
                text = block.get("thinking")
                if not isinstance(text, str):
                    text = ""
                key = ("thinking", text or str(block.get("signature")))
                if seen is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                # A thinking block with a signature but no text was withheld from us.
                vis = ReasoningVisibility.FULL if text else ReasoningVisibility.UNREADABLE
                self._add(
                    thread,
                    StepKind.REASONING,
                    text,
                    lineno,
                    ts,
                    {"uuid": uuid, "message_id": mid},
                    reasoning=vis,
                )
            elif btype == "redacted_thinking":
                key = ("redacted_thinking", str(block.get("data")))
                if seen is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                self._add(
                    thread,
                    StepKind.REASONING,
                    "",
                    lineno,
                    ts,
                    {"uuid": uuid, "message_id": mid, "redacted": True},
                    reasoning=ReasoningVisibility.UNREADABLE,
                )
            elif btype == "tool_use" or btype == "server_tool_use":
                call_id = block.get("id")
                key = ("tool_use", call_id if isinstance(call_id, str) else json_text(block))
                if seen is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                self._tool_use(thread, block, call_id, lineno, ts, uuid, mid, btype == "server_tool_use")
            elif isinstance(btype, str) and btype.endswith("_tool_result"):
                # results of server-side tools (web search, code execution) come back inline
                call_id = block.get("tool_use_id")
                key = (btype, str(call_id))
                if seen is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                self._add(
                    thread,
                    StepKind.TOOL_RESULT,
                    _flatten(block.get("content")),
                    lineno,
                    ts,
                    {"uuid": uuid, "message_id": mid, "server": True},
                    call_id=call_id if isinstance(call_id, str) else None,
                    is_error=False,
                )
            elif btype == "image":
                continue
            else:
                report.unknown(f"{FORMAT}:assistant-block:{btype}")

    def _tool_use(
        self,
        thread: _Thread,
        block: dict[str, Any],
        call_id: Any,
        lineno: int,
        ts: Any,
        uuid: Any,
        mid: Any,
        server: bool,
    ) -> None:
        name = block.get("name")
        if not isinstance(name, str):
            name = ""
        tool_input = block.get("input")
        if type(tool_input) is not dict:
            tool_input = {} if tool_input is None else {"input": tool_input}
        action, text = tool_action(name, tool_input)
        meta: dict[str, Any] = {"uuid": uuid, "message_id": mid}
        if server:
            meta["server"] = True
        step = self._add(
            thread,
            StepKind.TOOL_CALL,
            text,
            lineno,
            ts,
            meta,
            tool_name=name,
            tool_input=tool_input,
            call_id=call_id if isinstance(call_id, str) else None,
            action=action,
        )
        if isinstance(call_id, str):
            thread.calls[call_id] = step
        if name in _SUBAGENT_TOOLS:
            prompt = tool_input.get("prompt")
            if isinstance(prompt, str) and prompt not in thread.task_calls:
                thread.task_calls[prompt] = step

    def _user(
        self, thread: _Thread, record: dict[str, Any], lineno: int, ts: Any, report: ParseReport
    ) -> None:
        msg = record.get("message")
        if type(msg) is not dict:
            report.problem(self._source, lineno, "user line without a message object; skipped")
            return
        content = msg.get("content")
        if isinstance(content, str):
            self._user_text(thread, record, content, lineno, ts)
            return
        if type(content) is not list:
            return
        tool_use_result = record.get("toolUseResult")
        if type(tool_use_result) is dict:
            # the structured result belongs to the line's tool_result only when it has one
            results = 0
            for block in content:
                if type(block) is dict and block.get("type") == "tool_result":
                    results += 1
            if results != 1:
                tool_use_result = None
        else:
            tool_use_result = None
        texts: list[str] = []
        for block in content:
            if type(block) is not dict:
                if isinstance(block, str):
                    texts.append(block)
                continue
            btype = block.get("type")
            if btype == "tool_result":
                if texts:
                    self._user_text(thread, record, "\n".join(texts), lineno, ts)
                    texts = []
                self._tool_result(thread, record, block, tool_use_result, lineno, ts)
            elif btype == "text":
                text = block.get("text")
                if isinstance(text, str) and text:
                    texts.append(text)
            elif btype == "image":
                texts.append("[image]")
            elif btype == "document":
                texts.append("[document]")
            else:
                report.unknown(f"{FORMAT}:user-block:{btype}")
        if texts:
            self._user_text(thread, record, "\n".join(texts), lineno, ts)

    def _user_text(self, thread: _Thread, record: dict[str, Any], text: str, lineno: int, ts: Any) -> None:
        meta: dict[str, Any] = {"uuid": record.get("uuid")}
        if record.get("isMeta") is True:
            meta["is_meta"] = True
            kind = StepKind.SYSTEM
        elif record.get("isCompactSummary") is True:
            meta["compact_summary"] = True
            kind = StepKind.SYSTEM
        elif text.startswith(_HARNESS_PREFIXES):
            kind = StepKind.SYSTEM
            if text.startswith(("<command-name>", "<command-message>")):
                command = _command_text(text)
                if command:
                    meta["command"] = command
                    name = command[1:].split(" ", 1)[0]
                    if thread.command_task is None and name not in _NOISE_COMMANDS:
                        thread.command_task = command
        else:
            kind = StepKind.USER
        self._add(thread, kind, text, lineno, ts, meta)

    def _tool_result(
        self,
        thread: _Thread,
        record: dict[str, Any],
        block: dict[str, Any],
        tool_use_result: dict[str, Any] | None,
        lineno: int,
        ts: Any,
    ) -> None:
        call_id = block.get("tool_use_id")
        if not isinstance(call_id, str):
            call_id = None
        text = _flatten(block.get("content"))
        meta: dict[str, Any] = {"uuid": record.get("uuid")}
        if tool_use_result is not None:
            stdout = tool_use_result.get("stdout")
            stderr = tool_use_result.get("stderr")
            if isinstance(stdout, str) or isinstance(stderr, str):
                out = stdout if isinstance(stdout, str) else ""
                err = stderr if isinstance(stderr, str) else ""
                rich = f"{out}\n{err}" if out and err else out or err
                if len(rich) > len(text):
                    text = rich
            if tool_use_result.get("interrupted") is True:
                meta["interrupted"] = True
            agent_id = tool_use_result.get("agentId")
            if isinstance(agent_id, str) and agent_id and call_id is not None:
                thread.spawned[agent_id] = call_id
                meta["subagent_id"] = agent_id
        self._add(
            thread,
            StepKind.TOOL_RESULT,
            text,
            lineno,
            ts,
            meta,
            call_id=call_id,
            is_error=block.get("is_error") is True,
        )

    def _system(self, thread: _Thread, record: dict[str, Any], lineno: int, ts: Any) -> None:
        subtype = record.get("subtype")
        if subtype in _SILENT_SYSTEM_SUBTYPES:
            return
        content = record.get("content")
        meta: dict[str, Any] = {"uuid": record.get("uuid"), "subtype": subtype}
        if subtype == "compact_boundary":
            text = content if isinstance(content, str) and content else "Conversation compacted"
            compact = record.get("compactMetadata")
            if compact is not None:
                meta["compact"] = compact
        elif isinstance(content, str) and content:
            text = content
            level = record.get("level")
            if level is not None:
                meta["level"] = level
        else:
            return
        self._add(thread, StepKind.SYSTEM, text, lineno, ts, meta)

    # -- building trajectories -----------------------------------------------------

    def trajectories(self) -> list[Trajectory]:
        main_sid = self._main_session_id()
        main = self._threads.get("")
        out: list[Trajectory] = []
        main_traj: Trajectory | None = None
        for key, thread in self._threads.items():
            if not thread.steps:
                continue
            if key and not thread.from_agent_file and self._agent_file_exists_for(key):
                continue  # the subagent's own file is read separately and is the fuller record
            sid = (main_sid if not key else thread.session_id or main_sid) or self._path.stem
            metadata: dict[str, Any] = {}
            if thread.version:
                metadata["version"] = thread.version
            if thread.git_branch:
                metadata["git_branch"] = thread.git_branch
            if thread.permission_mode:
                metadata["permission_mode"] = thread.permission_mode
            if len(thread.models) > 1:
                metadata["models"] = list(thread.models)
            traj = Trajectory(
                id=stable_id(FORMAT, sid, key),
                format=FORMAT,
                agent=FORMAT,
                source_path=self._source,
                steps=list(thread.steps),
                model=thread.model,
                session_id=sid,
                task=thread.task if thread.task is not None else thread.command_task,
                project=thread.cwd,
                parent_id=stable_id(FORMAT, sid, "") if key else None,
                started_at=thread.first_ts,
                ended_at=thread.last_ts,
                metadata=metadata,
            )
            if key:
                metadata["agent_id"] = key
                self._link_subagent(traj, thread, main)
            else:
                main_traj = traj
                if self._title or self._summary:
                    metadata["title"] = self._title or self._summary
                if self._duplicates:
                    metadata["duplicate_lines"] = self._duplicates
                if self._result is not None:
                    metadata["result"] = self._result
            out.append(traj)
        if main is not None and main_traj is not None:
            self._list_subagents(main_traj, main, main_traj.session_id or self._path.stem)
        return out

    def _main_session_id(self) -> str | None:
        # Claude Code names the file after the session; prefer that id when lines carry it,
        # since a resumed session's file may start with lines of the earlier session.
        stem = self._path.stem
        if stem in self._session_ids:
            return stem
        return next(iter(self._session_ids), None)

    def _link_subagent(self, traj: Trajectory, thread: _Thread, main: _Thread | None) -> None:
        call: Step | None = None
        if main is not None:
            call_id = main.spawned.get(thread.agent_id)
            if call_id is not None:
                call = main.calls.get(call_id)
            if call is None and thread.task is not None:
                call = main.task_calls.get(thread.task)
        if call is not None:
            traj.metadata["parent_call_id"] = call.call_id
            traj.metadata["parent_step"] = call.index
            call.meta["subagent_trajectory_id"] = traj.id
        if thread.from_agent_file:
            info = self._read_agent_meta()
            for src, dst in (("agentType", "agent_type"), ("description", "description")):
                if isinstance(info.get(src), str):
                    traj.metadata[dst] = info[src]
            if "parent_call_id" not in traj.metadata and isinstance(info.get("toolUseId"), str):
                traj.metadata["parent_call_id"] = info["toolUseId"]

    def _list_subagents(self, traj: Trajectory, main: _Thread, sid: str) -> None:
        subagents: list[dict[str, Any]] = []
        for agent_id, call_id in main.spawned.items():
            call = main.calls.get(call_id)
            sub_id = stable_id(FORMAT, sid, agent_id)
            if call is not None:
                call.meta["subagent_trajectory_id"] = sub_id
            subagents.append(
                {
                    "agent_id": agent_id,
                    "trajectory_id": sub_id,
                    "call_id": call_id,
                    "step": call.index if call is not None else None,
                }
            )
        listed = {s["agent_id"] for s in subagents}
        for key, thread in self._threads.items():
            if key and key not in listed and thread.steps and not thread.from_agent_file:
                call = main.task_calls.get(thread.task) if thread.task is not None else None
                subagents.append(
                    {
                        "agent_id": key,
                        "trajectory_id": stable_id(FORMAT, thread.session_id or sid, key),
                        "call_id": call.call_id if call is not None else None,
                        "step": call.index if call is not None else None,
                    }
                )
        if subagents:
            traj.metadata["subagents"] = subagents

    def _agent_file_exists_for(self, agent_id: str) -> bool:
        found = self._agent_file_exists.get(agent_id)
        if found is None:
            name = f"agent-{agent_id}.jsonl"
            parent = self._path.parent
            try:
                found = (parent / self._path.stem / "subagents" / name).is_file() or (parent / name).is_file()
            except OSError:  # an agent id no file could be named after (too long...)
                found = False
            self._agent_file_exists[agent_id] = found
        return found

    def _read_agent_meta(self) -> dict[str, Any]:
        if self._agent_meta is None:
            self._agent_meta = {}
            try:
                data = orjson.loads(self._path.with_name(self._path.stem + ".meta.json").read_bytes())
            except (OSError, orjson.JSONDecodeError):
                data = None
            if isinstance(data, dict):
                self._agent_meta = data
        return self._agent_meta


def _command_text(text: str) -> str | None:
    """`/name args` from a slash-command line (`<command-name>/name</command-name>...`)."""
    start = text.find("<command-name>")
    if start < 0:
        return None
    start += len("<command-name>")
    end = text.find("</command-name>", start)
    if end < 0:
        return None
    name = text[start:end].strip()
    if not name.startswith("/"):
        name = "/" + name
    a = text.find("<command-args>", end)
    if a >= 0:
        a += len("<command-args>")
        b = text.find("</command-args>", a)
        args = text[a:b].strip() if b >= 0 else ""
        if args:
            return f"{name} {args}"
    return name


def _flatten(content: Any) -> str:
    """Tool output as text, from a string or a list of content blocks."""
    if isinstance(content, str):
        return content
    if type(content) is not list:
        if content is None:
            return ""
        if type(content) is dict:
            return _flatten([content])
        return str(content)
    parts: list[str] = []
    for block in content:
        if isinstance(block, str):
            parts.append(block)
        elif type(block) is dict:
            text = block.get("text")
            if isinstance(text, str):
                parts.append(text)
            elif block.get("type") == "image":
                parts.append("[image]")
            elif isinstance(block.get("url"), str):  # e.g. web search results
                title = block.get("title")
                parts.append(f"{title} <{block['url']}>" if isinstance(title, str) else block["url"])
    return "\n".join(parts)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def tool_action(name: str, tool_input: dict[str, Any]) -> tuple[Action, str]:
    """The normalised action of a Claude Code tool call and its one-line rendering."""
    if name == "Bash":
        command = tool_input.get("command")
        action = shell_action(command if isinstance(command, (str, list)) else _str(command))
        return action, action.command or ""
    if name == "Edit":
        path = _str(tool_input.get("file_path"))
        old, new = opt_str(tool_input.get("old_string")), opt_str(tool_input.get("new_string"))
        return edit_action(path, old, new), f"Edit {path}"
    if name == "MultiEdit":
        path = _str(tool_input.get("file_path"))
        edits = tool_input.get("edits")
        changes = [
            (opt_str(e.get("old_string")), opt_str(e.get("new_string")))
            for e in (edits if isinstance(edits, list) else ())
            if type(e) is dict
        ]
        return multi_edit_action(path, changes), f"MultiEdit {path}"
    if name == "Write":
        path = _str(tool_input.get("file_path"))
        return write_action(path, opt_str(tool_input.get("content"))), f"Write {path}"
    if name == "NotebookEdit":
        path = _str(tool_input.get("notebook_path") or tool_input.get("file_path"))
        if tool_input.get("edit_mode") == "delete":
            action = Action(ActionKind.EDIT, path=path)
        else:  # a cell's new source; the rest of the notebook is unchanged
            action = edit_action(path, "", _str(tool_input.get("new_source")))
        return action, f"NotebookEdit {path}"
    if name == "Read":
        path = _str(tool_input.get("file_path"))
        return read_action(path), f"Read {path}"
    return other_action(), _render_other(name, tool_input)


def _render_other(name: str, tool_input: dict[str, Any]) -> str:
    if name in _SUBAGENT_TOOLS:
        desc = tool_input.get("description") or tool_input.get("subagent_type")
        return f"{name}: {desc}" if isinstance(desc, str) and desc else name
    for field in _RENDER_FIELDS:
        value = tool_input.get(field)
        if isinstance(value, str) and value:
            first = value.split("\n", 1)[0]
            return f"{name} {first[:300]}"
    if not tool_input:
        return name
    return f"{name} {json_text(tool_input)[:300]}"


class ClaudeCodeParser(JsonlParser):
    name = FORMAT
    agent = FORMAT
    description = (
        "Claude Code session transcripts (~/.claude/projects/*/*.jsonl), subagents included,"
        " and headless `claude -p --output-format stream-json` output"
    )

    def sniff(self, path: Path, head: bytes) -> int:
        lines = head.split(b"\n")
        if len(head) >= SNIFF_BYTES:
            lines = lines[:-1]  # the last line may be cut off
        weak = False
        noise = 0
        for raw in lines[:64]:
            raw = raw.strip()
            if not raw:
                continue
            if not raw.startswith(b"{") and noise < 3:
                # a harness's shell noise before the stream ("bash: cannot set terminal process group")
                noise += 1
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError:
                return 0
            if type(obj) is not dict:
                return 0
            rtype = obj.get("type")
            if "payload" in obj:
                return 0
            if rtype in _CONVERSATION_TYPES and "sessionId" in obj and ("uuid" in obj or "message" in obj):
                return 95
            if (
                rtype in _CONVERSATION_TYPES
                and "session_id" in obj
                and ("message" in obj or "subtype" in obj)
            ):
                return 95  # headless stream-json output
            if rtype in ("result", "stream_event") and "session_id" in obj:
                weak = True
                continue
            if rtype in _SKIPPED_TYPES or rtype == "summary" or rtype in _TITLE_TYPES:
                weak = weak or "sessionId" in obj or "leafUuid" in obj or "messageId" in obj
                continue
            return 0
        if weak:
            return 60
        if not lines and head.startswith(b"{"):  # one line longer than the sniff window
            window = head[:8192]
            if b'"sessionId"' in window and b'"parentUuid"' in window:
                return 70
        return 0

    def new_state(self, path: Path) -> ClaudeCodeState:
        return ClaudeCodeState(path)


parser = register(ClaudeCodeParser())
