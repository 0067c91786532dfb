"""The guard server: started by the first hook call, answering the next ones, stoppable."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HOOK = [sys.executable, "-P", "-m", "thinkwatch.guard"]


@pytest.fixture
def server_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = dict(os.environ)
    env.pop("THINKWATCH_GUARD_SERVER", None)
    env["THINKWATCH_DATA_DIR"] = str(tmp_path / "data")  # also makes this test's socket its own
    env["THINKWATCH_CONFIG_DIR"] = str(tmp_path / "config")
    env["THINKWATCH_GUARD_IDLE"] = "60"
    # the server must take each call here even on a loaded machine, where it may ack slowly
    env["THINKWATCH_GUARD_ACK_WAIT"] = "20"
    yield env
    subprocess.run([*HOOK, "server", "--stop"], env=env, capture_output=True, timeout=30)


def socket_path(env: dict[str, str]) -> str:
    code = "from thinkwatch.guard._client import socket_path; print(socket_path())"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def check(payload: dict[str, object], env: dict[str, str], *args: str) -> tuple[int, dict[str, object]]:
    proc = subprocess.run(
        [*HOOK, "check", *args], input=json.dumps(payload).encode(), env=env, capture_output=True, timeout=60
    )
    return proc.returncode, json.loads(proc.stdout)


def spooled(env: dict[str, str]) -> list[dict[str, object]]:
    path = Path(env["THINKWATCH_DATA_DIR"]) / "guard-spool.jsonl"
    return [json.loads(x) for x in path.read_text().splitlines()]


TAMPERING = {
    "task": "Fix the failing parser test.",
    "reasoning": "The test keeps failing, I'll just remove the failing test.",
    "command": "rm tests/test_parser.py",
}


def test_first_call_starts_a_server_that_answers_the_next(server_env: dict[str, str]) -> None:
    sock = socket_path(server_env)
    assert not os.path.exists(sock)
    code, out = check(TAMPERING, server_env)
    assert code == 2 and out["decision"] == "deny"
    deadline = time.monotonic() + 30
    while not os.path.exists(sock) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert os.path.exists(sock), "the first call did not start a guard server"
    assert oct(os.stat(sock).st_mode & 0o777) == "0o600"

    code2, out2 = check(TAMPERING, server_env)
    assert (code2, out2["decision"], out2["reason"]) == (code, out["decision"], out["reason"])
    code3, out3 = check({"command": "pytest -q"}, server_env)
    assert (code3, out3["decision"]) == (0, "allow")
    assert [r["via"] for r in spooled(server_env)] == ["inline", "server"]  # allows are not recorded

    # A policy change is picked up without restarting the server.
    Path(server_env["THINKWATCH_CONFIG_DIR"]).mkdir(parents=True, exist_ok=True)
    (Path(server_env["THINKWATCH_CONFIG_DIR"]) / "guard.yaml").write_text(
        "rules:\n  - category: test_tampering\n    action: ask\n"
    )
    code4, out4 = check(TAMPERING, server_env)
    assert (code4, out4["decision"]) == (1, "ask")
    assert spooled(server_env)[-1]["via"] == "server"

    stop = subprocess.run([*HOOK, "server", "--stop"], env=server_env, capture_output=True, timeout=30)
    assert stop.returncode == 0
    deadline = time.monotonic() + 10
    while os.path.exists(sock) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(sock)


def test_server_timeout_answers_on_error(server_env: dict[str, str]) -> None:
    check({"command": "ls"}, server_env)  # starts the server
    sock = socket_path(server_env)
    deadline = time.monotonic() + 30
    while not os.path.exists(sock) and time.monotonic() < deadline:
        time.sleep(0.05)
    code, out = check(TAMPERING, server_env, "--timeout", "0.001", "--fail-closed")
    assert (code, out["decision"]) == (2, "deny")
    # Which side notices first (the server's child or the client's deadline) is a race;
    # both report the budget.
    assert re.fullmatch(r"time budget( of [\d.]+s)? exceeded", out["error"]), out["error"]
