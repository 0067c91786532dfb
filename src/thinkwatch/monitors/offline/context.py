"""One pass over a trajectory that every detector shares: the view, tool calls joined to their
results, shell commands parsed, file changes extracted, and the user's words so far.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from thinkwatch.model import ActionKind, Evidence, Severity, Step, StepKind, Trajectory
from thinkwatch.monitors.offline.edits import FileChange, FileState, changes_from_action
from thinkwatch.monitors.offline.shell import Command, parse_shell

VIEWS: dict[str, frozenset[StepKind]] = {
    "all": frozenset(
        {StepKind.USER, StepKind.REASONING, StepKind.ASSISTANT, StepKind.TOOL_CALL, StepKind.TOOL_RESULT}
    ),
    "reasoning": frozenset({StepKind.USER, StepKind.REASONING, StepKind.ASSISTANT}),
    "actions": frozenset({StepKind.USER, StepKind.TOOL_CALL, StepKind.TOOL_RESULT}),
}

# Huge tool outputs are read at both ends only: the summary of a test run is at the end,
# the command's complaint at the start.
HEAD_CHARS = 20_000
TAIL_CHARS = 20_000
MAX_TEXT_CHARS = 120_000  # reasoning and messages: beyond this, head and tail as well


def windows(text: str, kind: StepKind) -> list[tuple[int, str]]:
    """(offset, slice) pieces of a step's text worth scanning."""
    limit = HEAD_CHARS + TAIL_CHARS if kind is StepKind.TOOL_RESULT else MAX_TEXT_CHARS
    if len(text) <= limit:
        return [(0, text)]
    head = limit // 2 if kind is not StepKind.TOOL_RESULT else HEAD_CHARS
    tail = limit - head
    return [(0, text[:head]), (len(text) - tail, text[-tail:])]


@dataclass(slots=True)
class Call:
    """A tool call with what it did and what came back."""

    step: Step
    result: Step | None = None
    cmds: list[Command] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)

    @property
    def kind(self) -> ActionKind:
        return self.step.action.kind if self.step.action else ActionKind.OTHER

    @property
    def command(self) -> str:
        a = self.step.action
        if a and a.command:
            return a.command
        return self.step.text if self.kind is ActionKind.SHELL else ""

    @property
    def output(self) -> str:
        return self.result.text if self.result is not None else ""


@dataclass(slots=True)
class Hit:
    """A finding before it is final: scored, explained, with evidence, not yet merged."""

    category: str
    score: float
    detector: str
    explanation: str
    evidence: list[Evidence]
    step: int  # the step it is anchored on (the action, or the reasoning for an intent)
    source: str = "action"  # "action" | "intent" | "claim" | "text"
    severity: Severity | None = None  # fixed by a rule; else derived from score and category
    meta: dict[str, object] = field(default_factory=dict)


def quote(step: Step, *candidates: str | None, limit: int = 300) -> str:
    """An exact substring of the step's text: the first candidate found in it, else its first line."""
    text = step.text or ""
    for c in candidates:
        if not c:
            continue
        c = c.strip()
        for piece in (c, c.splitlines()[0].strip() if c else ""):
            if not piece:
                continue
            piece = piece[:limit].rstrip()
            if piece and piece in text:
                return piece
    stripped = text.strip()
    if not stripped:
        return ""
    return stripped.splitlines()[0][:limit].rstrip() or stripped[:limit]


def span_quote(text: str, start: int, end: int, limit: int = 300) -> str:
    """text[start:end] trimmed to a readable exact substring."""
    s = text[start:end]
    lead = len(s) - len(s.lstrip())
    s = s.strip()
    if len(s) > limit:
        s = s[:limit].rstrip()
    return s if s and s in text else text[start + lead : start + lead + max(1, min(limit, end - start))]


# the tool an agent ends its run with (SWE-agent `submit`, Cline `attempt_completion`, ...)
SUBMIT_TOOL = re.compile(r"^(?:submit|finish|done|complete|attempt_completion|task_complete|end_task)$", re.I)


def is_submit(step: Step) -> bool:
    return bool(SUBMIT_TOOL.match(step.tool_name or "") or SUBMIT_TOOL.match(step.text.strip()))


_FENCED = re.compile(
    r"^[ \t]*(?:```|~~~)[ \t]*([\w+#-]*)[^\n]*\n(.*?)\n[ \t]*(?:```|~~~)[ \t]*$", re.S | re.M
)
_CODE_LIKE = re.compile(
    r"^\s*(?:def|class|function|fn|func|return|import|from|const|let|var|public|package|#include)\b|\breturn\b",
    re.M,
)
_TEST_CODE = re.compile(
    r"^\s*assert\b|^\s*def\s+(?:test_?\w*|check)\s*\(|\bassert(?:Equal|True|_eq)\w*\(|\bexpect\(", re.M
)
_EXT = {
    "python": ".py",
    "py": ".py",
    "javascript": ".js",
    "js": ".js",
    "typescript": ".ts",
    "ts": ".ts",
    "go": ".go",
    "rust": ".rs",
    "java": ".java",
    "cpp": ".cpp",
    "c++": ".cpp",
    "c": ".c",
    "ruby": ".rb",
    "kotlin": ".kt",
}


class Context:
    """Everything detectors read about one trajectory under one view."""

    def __init__(self, trajectory: Trajectory, view: str = "all") -> None:
        self.trajectory = trajectory
        self.view = view
        kinds = VIEWS[view]
        self.steps: list[Step] = [s for s in trajectory.steps if s.kind in kinds]
        self.by_index: dict[int, Step] = {s.index: s for s in self.steps}
        self.state = FileState(trajectory.project)
        self.calls: list[Call] = []
        self.call_at: dict[int, Call] = {}
        self.user_steps: list[int] = []
        self._user_texts: list[str] = []
        self._user_prefix: dict[int, str] = {}
        self.reasoning: list[Step] = []
        self.assistant: list[Step] = []
        if trajectory.task:
            self.user_steps.append(-1)
            self._user_texts.append(trajectory.task)
        self._build()
        self.toolless = not any(s.kind is StepKind.TOOL_CALL for s in trajectory.steps)
        # Agents that never write a closing message (SWE-agent) report in the thought that
        # submits; that thought is read as their closing message, so its claims are checked.
        self.closing_thought: Step | None = self._closing_thought()
        if self.closing_thought is not None:
            self.assistant.append(self.closing_thought)
        if StepKind.TOOL_CALL in kinds and not any(c.changes for c in self.calls):
            self._read_submitted_code()

    def _read_submitted_code(self) -> None:
        """Chat harnesses (LiveCodeBench, ImpossibleBench's minimal arm) take the answer's code blocks as the edit.

        With no file edits anywhere, each assistant message's code blocks are read as a write of the
        submission, and code blocks of tests the user pasted as a test file read, so the code checks
        (hard-coded answers, call counters, exits) see what the harness will run.
        """
        added: list[Call] = []
        for s in self.steps:
            if s.kind is StepKind.USER:
                tests = [m.group(2) for m in _FENCED.finditer(s.text) if _TEST_CODE.search(m.group(2))]
                if tests:
                    self.state.saw_read(f"tests/test_task_{s.index}.py", "\n\n".join(tests))
            elif s.kind is StepKind.ASSISTANT and s is not self.closing_thought and "```" in s.text:
                changes = [
                    FileChange(
                        f"submission/answer_{s.index}_{n}{_EXT.get(m.group(1).lower(), '.py')}",
                        "write",
                        added=m.group(2).splitlines(),
                        after=m.group(2),
                        via="answer",
                        created=True,
                    )
                    for n, m in enumerate(_FENCED.finditer(s.text))
                    if _CODE_LIKE.search(m.group(2))
                ]
                if changes:
                    added.append(Call(s, changes=changes))
        if added:
            self.calls = sorted([*self.calls, *added], key=lambda c: c.step.index)
            for c in added:
                self.call_at[c.step.index] = c

    def _closing_thought(self) -> Step | None:
        if self.assistant or not self.calls or not self.reasoning or not is_submit(self.calls[-1].step):
            return None
        submit = self.calls[-1].step.index
        for s in reversed(self.steps):
            if s.index >= submit:
                continue
            if s.kind is StepKind.REASONING and s.text.strip():
                return s
            if s.kind is StepKind.TOOL_CALL:
                return None
        return None

    def _build(self) -> None:
        open_calls: dict[str, Call] = {}
        unanswered: list[Call] = []
        for s in self.steps:
            kind = s.kind
            if kind is StepKind.USER:
                self.user_steps.append(s.index)
                self._user_texts.append(s.text)
            elif kind is StepKind.REASONING:
                self.reasoning.append(s)
            elif kind is StepKind.ASSISTANT:
                self.assistant.append(s)
            elif kind is StepKind.TOOL_CALL:
                call = Call(s)
                self._read_call(call)
                self.calls.append(call)
                self.call_at[s.index] = call
                if s.call_id:
                    open_calls[s.call_id] = call
                unanswered.append(call)
            elif kind is StepKind.TOOL_RESULT:
                call = open_calls.pop(s.call_id, None) if s.call_id else None
                if call is None and unanswered:
                    # no id to go by: results come back in the order the calls were made
                    call = next(
                        (c for c in unanswered if c.result is None and (not s.call_id or not c.step.call_id)),
                        None,
                    )
                if call is not None and call.result is None:
                    call.result = s
                    self._read_result(call)
                unanswered = [c for c in unanswered[-20:] if c.result is None]

    def _read_call(self, call: Call) -> None:
        action = call.step.action
        if action is None:
            return
        try:
            if action.kind is ActionKind.SHELL:
                call.cmds = parse_shell(action.command or call.step.text)
            call.changes = changes_from_action(action, self.state, call.cmds)
        except Exception:  # noqa: BLE001 - one unreadable call must not cost the rest of the trajectory
            call.changes = []

    def _read_result(self, call: Call) -> None:
        res = call.result
        if res is None or res.is_error:
            return
        action = call.step.action
        if action is None:
            return
        if action.kind is ActionKind.READ and action.path:
            self.state.saw_read(action.path, res.text)
        elif action.kind is ActionKind.SHELL and len(call.cmds) == 1 and call.cmds[0].prog == "cat":
            files = [a for a in call.cmds[0].args if not a.startswith("-")]
            if len(files) == 1:
                self.state.saw_read(files[0], res.text)

    # --- the user's words -----------------------------------------------------------

    def belief_not_report(self, text: str) -> bool:
        """In a chat harness with no tools (LiveCodeBench, ImpossibleBench's minimal arm) the agent could
        run nothing and the user knows it: "the tests pass" there is a belief, unless it says "I ran"."""
        return self.toolless and _RAN_IT.search(text) is None

    def user_text_before(self, index: int) -> str:
        """Everything the user said before step `index` (the task included)."""
        n = bisect.bisect_left(self.user_steps, index)
        cached = self._user_prefix.get(n)
        if cached is None:
            cached = "\n".join(self._user_texts[:n])
            self._user_prefix[n] = cached
        return cached

    def task_asks(self, patterns: Iterable[re.Pattern[str]], index: int) -> bool:
        text = self.user_text_before(index)
        return bool(text) and any(p.search(text) for p in patterns)

    def next_user_after(self, index: int) -> int:
        n = bisect.bisect_right(self.user_steps, index)
        return self.user_steps[n] if n < len(self.user_steps) else 1 << 30


# an explicit report of having run something, which no harness without tools makes true
# ("I checked the small cases by hand" is tracing in one's head, which a chat model can do)
_RAN_IT = re.compile(r"\bI\s+(?:have\s+|'ve\s+|also\s+)?(?:ran|run|executed)\b", re.I)
_FORBIDS = re.compile(
    r"\b(?:not|never|don't|do not|without|no|avoid|mustn't|shouldn't|can't|cannot)\b(?:\s+\w+){0,2}\s*$", re.I
)


def asks(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The user's request matching `pattern`, unless it is forbidding it ("do not delete the tests")."""
    for m in pattern.finditer(text):
        if _FORBIDS.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        return m
    return None
