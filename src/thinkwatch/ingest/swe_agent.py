"""SWE-agent `.traj` files: `{trajectory[], history[], info, replay_config}` as one JSON document.

Each trajectory step becomes the agent's `thought` (full reasoning), its `action` (a tool
call: a shell command or one of SWE-agent's editor commands) and the `observation` that
came back. The system prompt and the task come from the start of `history`.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from thinkwatch.ingest._actions import (
    edit_action,
    editor_action,
    other_action,
    read_action,
    render_call,
    shell_action,
    write_action,
)
from thinkwatch.ingest._messages import content_text
from thinkwatch.ingest.base import Parser, ParseReport, StepList, head_text, read_json_record, stable_id
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

# `edit 4:6\n<replacement lines>\nend_of_edit`, SWE-agent 0.x's line-range editor
_EDIT_RE = re.compile(r"^edit\s+(\d+)\s*:\s*(\d+)\s*\n(.*?)\n?end_of_edit\s*$", re.S)
# The header SWE-agent prints above a file window: "[File: /repo/x.py (120 lines total)]"
_WINDOW_RE = re.compile(r"^\[File: (.+?) \(\d+ lines total\)\]", re.M)
_WINDOW_LINE_RE = re.compile(r"^(\d+):(.*)$", re.M)
_MOVE_COMMANDS = {"goto", "scroll_up", "scroll_down"}
_SEARCH_COMMANDS = {"search_dir", "search_file", "find_file", "filemap"}


class SweAgentParser(Parser):
    name = "swe-agent"
    agent = "swe-agent"
    description = "SWE-agent trajectory (.traj JSON: trajectory steps with thought/action/observation)"

    def sniff(self, path: Path, head: bytes) -> int:
        text = head_text(head).lstrip("\ufeff \t\r\n")
        if not text.startswith("{"):
            return 0
        has_steps = re.search(r'"trajectory"\s*:\s*\[', text) is not None
        step_keys = all(re.search(rf'"{k}"\s*:', text) for k in ("thought", "observation", "response"))
        if path.suffix == ".traj":
            if has_steps:
                return 95
            # mini-swe-agent also writes .traj files, as a chat `messages` list (the chat parser's)
            return 0 if re.search(r'"messages"\s*:\s*\[', text) else 40
        return 70 if has_steps and step_keys else 0

    def parse(self, path: Path, report: ParseReport) -> Iterator[Trajectory]:
        doc = read_json_record(path, report, "trajectory", "a SWE-agent trajectory")
        if doc is not None:
            yield _Reader(path, report).read(doc)


class _Reader(StepList):
    def __init__(self, path: Path, report: ParseReport):
        super().__init__()
        self.path = path
        self.report = report
        # Lines of each file as last shown in an editor window, to recover what an edit replaced.
        self.windows: dict[str, dict[int, str]] = {}

    def add(self, kind: StepKind, text: str, record: str, **fields: Any) -> Step:
        return self.add_step(kind, text, SourceRef(str(self.path), record=record), **fields)

    def read(self, doc: dict[str, Any]) -> Trajectory:
        self._preamble(doc.get("history"))
        open_file: str | None = None
        cwd: str | None = None
        for i, item in enumerate(doc["trajectory"]):
            if not isinstance(item, dict):
                self.report.problem(self.path, None, f"trajectory[{i}] is not an object; skipped")
                continue
            record = f"trajectory[{i}]"
            state = _state(item.get("state"))
            thought = item.get("thought")
            if isinstance(thought, str) and thought.strip():
                self.add(StepKind.REASONING, thought, record, reasoning=ReasoningVisibility.FULL)
            action = item.get("action")
            call_id = None
            if isinstance(action, str) and action.strip():
                call_id = f"step-{i}"
                # An edit applies to the file open *before* the step; `state` is taken after it.
                name, tool_input, act = self._action(
                    action, open_file or _open_file(state), cwd or _cwd(state)
                )
                self.add(
                    StepKind.TOOL_CALL,
                    _render(action, name, tool_input, act),
                    record,
                    tool_name=name,
                    tool_input=tool_input,
                    call_id=call_id,
                    action=act,
                )
            observation = item.get("observation")
            if isinstance(observation, str) and (observation.strip() or call_id):
                self._remember_window(observation)
                if call_id:
                    self.add(StepKind.TOOL_RESULT, observation, record, call_id=call_id)
                else:
                    self.add(StepKind.SYSTEM, observation, record)
            open_file = _open_file(state) or open_file
            cwd = _cwd(state) or cwd

        info = doc.get("info") if isinstance(doc.get("info"), dict) else {}
        replay = _json_object(doc.get("replay_config"))
        metadata: dict[str, Any] = {
            k: info[k] for k in ("exit_status", "submission", "model_stats", "swe_agent_version") if k in info
        }
        instance = _dig(replay, "problem_statement", "id")
        if isinstance(instance, str):
            metadata["instance_id"] = instance
        if isinstance(doc.get("environment"), str):
            metadata["environment"] = doc["environment"]
        if self.task is None:
            text = _dig(replay, "problem_statement", "text")
            self.task = text if isinstance(text, str) else None
        model = _dig(replay, "agent", "model", "name") or _dig(replay, "agent", "model", "model_name")
        return Trajectory(
            id=stable_id("swe-agent", str(self.path.resolve()), 0),
            format="swe-agent",
            agent="swe-agent",
            source_path=str(self.path),
            steps=self.steps,
            model=model if isinstance(model, str) else None,
            task=self.task,
            project=_open_dir(doc),
            metadata=metadata,
        )

    def _preamble(self, history: Any) -> None:
        """System prompt and task: the history up to the agent's first (non-demonstration) turn."""
        if not isinstance(history, list):
            return
        for i, item in enumerate(history):
            if not isinstance(item, dict) or item.get("is_demo"):
                continue
            role = item.get("role")
            if role == "assistant":
                break
            text = content_text(item.get("content"))
            if role == "system":
                self.add(StepKind.SYSTEM, text, f"history[{i}]")
            elif role == "user":
                self.add(StepKind.USER, text, f"history[{i}]")
            else:
                self.report.unknown(f"swe-agent:history:{role}")

    def _action(
        self, action: str, open_file: str | None, cwd: str | None
    ) -> tuple[str, dict[str, Any], Action]:
        text = action.strip()
        m = _EDIT_RE.match(text)
        if m:
            start, end, new = int(m.group(1)), int(m.group(2)), m.group(3)
            tool_input: dict[str, Any] = {"start_line": start, "end_line": end, "replacement": new}
            if open_file is None:
                return "edit", tool_input, Action(ActionKind.EDIT)
            tool_input["path"] = open_file
            window = self.windows.get(open_file, {})
            old = None
            if all(n in window for n in range(start, end + 1)):
                old = "\n".join(window[n] for n in range(start, end + 1))
            else:
                # Lines start..end were replaced but were never shown to us: the old text is unknown.
                tool_input["old_text_unknown"] = True
            return "edit", tool_input, edit_action(open_file, old, new)
        word = text.split(None, 1)[0]
        if word == "str_replace_editor":
            args = _editor_args(text)
            if args is not None:
                return word, args, editor_action(args)
        elif word == "open":
            args_list = _split(text)
            if args_list and len(args_list) >= 2:
                path = _resolve(args_list[1], cwd)
                return word, {"path": args_list[1], "args": args_list[2:]}, read_action(path)
        elif word in _MOVE_COMMANDS:
            return word, {"args": text.split()[1:]}, read_action(open_file)
        elif word == "create":
            args_list = _split(text)
            if args_list and len(args_list) == 2:
                path = _resolve(args_list[1], cwd)
                return word, {"path": args_list[1]}, write_action(path, "")
        elif word in _SEARCH_COMMANDS or word == "submit":
            return word, {"args": text.split(None, 1)[1:]}, other_action()
        # A shell command may change a file behind the editor's back: forget windows it names.
        for path in [p for p in self.windows if _names_file(text, p)]:
            del self.windows[path]
        return "bash", {"command": action}, shell_action(text)

    def _remember_window(self, observation: str) -> None:
        m = _WINDOW_RE.search(observation)
        if not m:
            return
        lines = self.windows.setdefault(m.group(1), {})
        for lm in _WINDOW_LINE_RE.finditer(observation, m.end()):
            lines[int(lm.group(1))] = lm.group(2)


def _render(action: str, name: str, tool_input: dict[str, Any], act: Action) -> str:
    if act.kind is ActionKind.SHELL:
        return act.command or action
    if act.kind is ActionKind.OTHER:
        return action.strip().splitlines()[0]
    if name == "edit" and act.path:
        return f"edit {act.path}"
    return render_call(name, tool_input, act)


def _split(text: str) -> list[str] | None:
    try:
        return shlex.split(text)
    except ValueError:
        return None


def _editor_args(text: str) -> dict[str, Any] | None:
    """`str_replace_editor str_replace /x.py --old_str '...' --new_str '...'` as tool arguments."""
    tokens = _split(text)
    if not tokens or len(tokens) < 3:
        return None
    args: dict[str, Any] = {"command": tokens[1], "path": tokens[2]}
    i = 3
    while i < len(tokens):
        tok = tokens[i]
        if tok.startswith("--"):
            key = tok[2:]
            values = []
            while i + 1 < len(tokens) and not tokens[i + 1].startswith("--"):
                values.append(tokens[i + 1])
                i += 1
            args[key] = values[0] if len(values) == 1 else values
        i += 1
    for key in ("old_str", "new_str", "file_text"):
        value = args.get(key)
        if isinstance(value, str):
            args[key] = _unescape_one_line(value)
    return args


_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([nt\\]))")


def _unescape_one_line(value: str) -> str:
    """Multi-line text the model wrote on one line with `\\n` escapes, as some agents' tool calls do.

    Text that already holds real newlines is kept as it is: there `\\n` is part of the code.
    """
    if "\n" in value or "\\n" not in value:
        return value

    def sub(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        return {"n": "\n", "t": "\t", "\\": "\\"}[m.group(2)]

    return _ESCAPE.sub(sub, value)


def _state(value: Any) -> dict[str, Any]:
    return _json_object(value)


def _json_object(value: Any) -> dict[str, Any]:
    """A field SWE-agent writes either as an object or as a JSON string of one."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            parsed = orjson.loads(value)
        except orjson.JSONDecodeError:
            return {}
        return parsed if isinstance(parsed, dict) else {}
    return {}


def _open_file(state: dict[str, Any]) -> str | None:
    value = state.get("open_file")
    return value if isinstance(value, str) and value and value != "n/a" else None


def _names_file(command: str, path: str) -> bool:
    return re.search(rf"(?<![\w.-]){re.escape(posixpath.basename(path))}\b", command) is not None


def _cwd(state: dict[str, Any]) -> str | None:
    value = state.get("working_dir")
    return value if isinstance(value, str) and value else None


def _resolve(path: str, cwd: str | None) -> str:
    """SWE-agent's file commands take paths relative to the shell's working directory."""
    return posixpath.normpath(posixpath.join(cwd, path)) if cwd and not path.startswith("/") else path


def _open_dir(doc: dict[str, Any]) -> str | None:
    for item in reversed(doc.get("trajectory") or []):
        if isinstance(item, dict):
            wd = _state(item.get("state")).get("working_dir")
            if isinstance(wd, str) and wd:
                return wd
    return None


def _dig(obj: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


register(SweAgentParser())
