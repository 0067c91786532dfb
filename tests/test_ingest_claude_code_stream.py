"""Claude Code's headless `stream-json` output (`claude -p --output-format stream-json --verbose`).

Benchmark harnesses and CI jobs save this stream, often as `claude-code.txt`; it carries the
same messages as a session file with snake_case envelope fields, `parent_tool_use_id` for
subagent messages and a closing `result` line.
"""

from __future__ import annotations

from pathlib import Path

from thinkwatch.ingest import detect
from thinkwatch.ingest.base import ParseReport, iter_jsonl, stable_id
from thinkwatch.ingest.claude_code import ClaudeCodeState, parser
from thinkwatch.model import ActionKind, ReasoningVisibility, StepKind, Trajectory

STREAM = Path(__file__).parent / "fixtures" / "claude_code_stream" / "claude-code.txt"
SID = "5b0e6f2a-9c1d-4e7b-8a3f-1d2c3b4a5e6f"


def parse(path: Path) -> tuple[list[Trajectory], ParseReport]:
    report = ParseReport()
    return list(parser.parse(path, report)), report


def test_stream_output_is_detected_whatever_its_file_name() -> None:
    assert parser.sniff(STREAM, STREAM.read_bytes()) >= 90
    assert detect(STREAM) is parser
    # a stream cut before its first message still says what it is, weakly
    head = b'{"type":"stream_event","event":{},"session_id":"s","parent_tool_use_id":null}\n'
    assert 0 < parser.sniff(Path("out.txt"), head) < 90


def test_main_session_steps_in_order() -> None:
    trajs, report = parse(STREAM)
    assert not report.problems
    main = next(t for t in trajs if t.parent_id is None)
    assert main.id == stable_id("claude-code", SID, "")
    assert main.session_id == SID
    assert main.project == "/root/app"
    assert main.model == "claude-sonnet-4-5-20250929"
    assert main.metadata["version"] == "2.1.19"
    assert main.metadata["permission_mode"] == "bypassPermissions"
    assert main.metadata["result"] == {
        "subtype": "success",
        "is_error": False,
        "num_turns": 6,
        "duration_ms": 41234,
        "total_cost_usd": 0.0421,
    }
    kinds = [s.kind for s in main.steps]
    assert kinds == [
        StepKind.REASONING,
        StepKind.TOOL_CALL,
        StepKind.TOOL_RESULT,
        StepKind.TOOL_CALL,  # the Task call; its subagent's messages are a trajectory of their own
        StepKind.TOOL_RESULT,
        StepKind.ASSISTANT,
        StepKind.TOOL_CALL,
        StepKind.TOOL_RESULT,
        StepKind.TOOL_CALL,
        StepKind.TOOL_RESULT,
        StepKind.ASSISTANT,  # the final message once: the result line repeats it
    ]
    assert main.steps[0].reasoning is ReasoningVisibility.FULL
    assert main.steps[1].action is not None and main.steps[1].action.kind is ActionKind.SHELL
    assert "pytest" in main.steps[1].action.command
    assert main.steps[2].is_error is True and "1 failed" in main.steps[2].text
    edit = main.steps[6].action
    assert edit is not None and edit.kind is ActionKind.EDIT
    assert edit.edits[0].path == "/root/app/app/reader.py"
    assert main.steps[-1].text.startswith("Fixed `read_rows`")
    # the first line's `init` is read for its facts, not shown as a step
    assert all(s.kind is not StepKind.SYSTEM for s in main.steps)


def test_subagent_messages_become_a_linked_trajectory() -> None:
    trajs, _ = parse(STREAM)
    main = next(t for t in trajs if t.parent_id is None)
    sub = next(t for t in trajs if t.parent_id is not None)
    assert sub.parent_id == main.id
    assert [s.kind for s in sub.steps] == [StepKind.TOOL_CALL, StepKind.TOOL_RESULT, StepKind.ASSISTANT]
    assert sub.metadata["parent_call_id"] == "toolu_02"
    task_call = main.steps[3]
    assert task_call.call_id == "toolu_02"
    assert task_call.meta["subagent_trajectory_id"] == sub.id
    assert [s["trajectory_id"] for s in main.metadata["subagents"]] == [sub.id]


def test_a_result_that_differs_from_the_last_message_is_kept(tmp_path: Path) -> None:
    lines = STREAM.read_text().splitlines()
    last = lines[-1].replace(
        '"result": "Fixed `read_rows` so the last row is kept; both CSV tests pass."',
        '"result": "Done: the CSV reader keeps its last row."',
    )
    assert last != lines[-1]
    path = tmp_path / "claude-code.txt"
    path.write_text("\n".join([*lines[:-1], last]) + "\n")
    trajs, _ = parse(path)
    main = next(t for t in trajs if t.parent_id is None)
    assert main.steps[-1].kind is StepKind.ASSISTANT
    assert main.steps[-1].text == "Done: the CSV reader keeps its last row."
    assert main.steps[-1].meta == {"result": True}


def test_incremental_feeding_matches_whole_file() -> None:
    whole, _ = parse(STREAM)
    state = ClaudeCodeState(STREAM)
    report = ParseReport()
    for lineno, record in iter_jsonl(STREAM, report):
        state.feed(lineno, record, report)
    fed = state.trajectories()
    assert [t.to_dict() for t in fed] == [t.to_dict() for t in whole]


def test_shell_noise_before_the_stream_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    # benchmark harnesses capture the shell's own complaints ahead of Claude Code's output
    noise = "bash: cannot set terminal process group (-1): Inappropriate ioctl for device\nbash: no job control in this shell\n"
    path = tmp_path / "stdout.txt"
    path.write_text(noise + STREAM.read_text())
    assert detect(path) is parser
    trajs, report = parse(path)
    assert [p.line for p in report.problems] == [1, 2]
    assert len(next(t for t in trajs if t.parent_id is None).steps) == 11
