"""The hook's fast path: hand the call to a warm guard server, or judge it in process.

Starting Python and importing the model, the Claude Code parser and the monitors
costs more than the hook's whole budget (~45 ms of a 60 ms p50). So the hook process
imports only C modules (os, sys, time, _socket, zlib), sends its input to a guard
server over a Unix socket and prints the answer. The server (`_server.py`) has
everything imported and forks a child per call. When no server runs, the hook starts
one in the background and judges this call in process.

Time budget: the server acknowledges a request with the policy's timeout and
on_error; if the answer is not back by then, the hook answers on_error itself. If
the server does not acknowledge in time, the call is judged in process instead.

Protocol (bytes): request `TWG1 <start> <len mode> <len args> <len cwd> <len input>\\n`
then the four fields (args joined by NUL; <start> is the hook's time.monotonic(), a
system-wide clock, so the server counts the budget from the hook's start);
acknowledgement `OK <timeout> <on_error>\\n`, `RESTART\\n` (stale server) or `USAGE\\n`
(bad options; judged in process, which reports them); answer
`<exit code> <len stdout>\\n<stdout>`.
"""

from __future__ import annotations

import os
import sys
import time
import zlib

try:
    import _socket
except ImportError:  # pragma: no cover - platforms without sockets
    _socket = None  # type: ignore[assignment]

ACK_WAIT = 0.5  # seconds to wait for the server to take a request before judging in process
_MAX_UNIX_PATH = 100


def runtime_dir() -> str:
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(base, f"thinkwatch-{os.getuid()}")


def socket_path() -> str:
    """One server per interpreter, thinkwatch install and configuration."""
    here = os.path.dirname(os.path.abspath(__file__))
    key = "\0".join(
        [sys.executable, here]
        + [
            os.environ.get(v, "")
            for v in (
                "THINKWATCH_DATA_DIR",
                "THINKWATCH_CONFIG_DIR",
                "XDG_DATA_HOME",
                "XDG_CONFIG_HOME",
                "HOME",
            )
        ]
    ).encode()
    name = f"guard-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.sock"
    path = os.path.join(runtime_dir(), name)
    if len(path) > _MAX_UNIX_PATH:
        path = os.path.join("/tmp", f"thinkwatch-{os.getuid()}", name)
    return path


def read_stdin(deadline: float) -> bytes:
    """All of stdin, but never past the deadline (a harness might not close it)."""
    if sys.stdin is None:
        return b""
    fd = sys.stdin.fileno()
    chunks = []
    try:
        import select

        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    except (ImportError, OSError):  # no select() on this kind of stdin (Windows pipes)
        return b"".join(chunks) + sys.stdin.buffer.read()
    return b"".join(chunks)


def main(mode: str, args: list[str]) -> int:
    started = time.monotonic()
    env_on_error = os.environ.get("THINKWATCH_GUARD_ON_ERROR")
    if env_on_error in ("allow", "deny") and not {"--fail-open", "--fail-closed"} & set(args):
        # The server's environment is not ours: pass the override as an option.
        args = [*args, "--fail-closed" if env_on_error == "deny" else "--fail-open"]
    args = _absolute_policy(args)
    use_server = "--no-server" not in args and os.environ.get("THINKWATCH_GUARD_SERVER") != "0"
    budget = _timeout_arg(args)
    payload = read_stdin(started + (budget or 2.0))
    if use_server and _socket is not None and hasattr(os, "fork") and hasattr(_socket, "AF_UNIX"):
        answer = _ask_server(mode, args, payload, started, budget)
        if answer is not None:
            code, out = answer
            _write(out)
            return code
    return _inline(mode, args, payload, started)


def _absolute_policy(args: list[str]) -> list[str]:
    """`--policy FILE` relative to our working directory, which the server does not share."""
    out = list(args)
    for i, a in enumerate(out):
        if a == "--policy" and i + 1 < len(out):
            out[i + 1] = os.path.abspath(out[i + 1])
        elif a.startswith("--policy="):
            out[i] = "--policy=" + os.path.abspath(a.split("=", 1)[1])
    return out


def _timeout_arg(args: list[str]) -> float | None:
    for i, a in enumerate(args):
        try:
            if a == "--timeout" and i + 1 < len(args):
                return float(args[i + 1])
            if a.startswith("--timeout="):
                return float(a.split("=", 1)[1])
        except ValueError:
            return None
    return None


def _write(data: bytes) -> None:
    while data:
        n = os.write(1, data)
        data = data[n:]


def _inline(mode: str, args: list[str], payload: bytes, started: float) -> int:
    from thinkwatch.guard._hook import UsageError, handle, parse_args

    try:
        opts = parse_args(args)
    except UsageError as e:
        sys.stderr.write(f"thinkwatch guard {mode}: {e}\n")
        return 64
    response = handle(mode, opts, payload, started=started)
    _write(response.stdout)
    return response.exit_code


def _ack_wait() -> float:
    """How long to wait for the server to take a request; THINKWATCH_GUARD_ACK_WAIT overrides it
    (a loaded CI machine may need longer; the agent's next action waits that long at most)."""
    try:
        return max(0.05, float(os.environ.get("THINKWATCH_GUARD_ACK_WAIT", ACK_WAIT)))
    except ValueError:
        return ACK_WAIT


def _ask_server(
    mode: str, args: list[str], payload: bytes, started: float, budget: float | None
) -> tuple[int, bytes] | None:
    """The server's answer, or None to judge in process (no server, or it did not take the call)."""
    path = socket_path()
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        try:
            sock.settimeout(_ack_wait())
            sock.connect(path)
        except OSError:
            _start_server(path)
            return None
        fields = [mode.encode(), "\0".join(args).encode(), os.getcwd().encode(), payload]
        header = (f"TWG1 {started:.6f} " + " ".join(str(len(f)) for f in fields) + "\n").encode()
        try:
            sock.sendall(header + b"".join(fields))
            sock.shutdown(_socket.SHUT_WR)
            buf = _Reader(sock)
            ack = buf.line()
        except OSError:
            return None
        if not ack.startswith(b"OK "):
            if ack.startswith(b"RESTART"):
                _start_server(path)
            return None
        _, timeout, on_error = ack.decode().split()
        deadline = started + (budget or float(timeout))
        try:
            sock.settimeout(max(deadline - time.monotonic(), 0.001))
            head = buf.line()
            code, size = (int(x) for x in head.split())
            return code, buf.exact(size)
        except (OSError, ValueError) as e:
            # Timed out, or the server's child died: answer as the policy says.
            error = "time budget exceeded" if isinstance(e, TimeoutError) else "the guard server failed"
            return _fail(mode, args, payload, started, on_error, error)
    finally:
        sock.close()


def _fail(
    mode: str, args: list[str], payload: bytes, started: float, on_error: str, error: str
) -> tuple[int, bytes]:
    from thinkwatch.guard._hook import fail_response, parse_args

    response = fail_response(mode, parse_args(args), payload, started, on_error, error)
    return response.exit_code, response.stdout


class _Reader:
    def __init__(self, sock: object) -> None:
        self.sock = sock
        self.buf = b""

    def _more(self) -> None:
        chunk = self.sock.recv(65536)  # type: ignore[attr-defined]
        if not chunk:
            raise OSError("connection closed")
        self.buf += chunk

    def line(self) -> bytes:
        while b"\n" not in self.buf:
            self._more()
        line, self.buf = self.buf.split(b"\n", 1)
        return line

    def exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            self._more()
        data, self.buf = self.buf[:n], self.buf[n:]
        return data


def _start_server(path: str) -> None:
    """Start a guard server in the background for the next calls (this one is judged in process)."""
    if os.environ.get("THINKWATCH_GUARD_SERVER") == "0":
        return
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        try:
            os.posix_spawn(
                sys.executable,
                [sys.executable, "-P", "-m", "thinkwatch.guard", "server", "--socket", path],
                dict(os.environ),
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, devnull, 0),
                    (os.POSIX_SPAWN_DUP2, devnull, 1),
                    (os.POSIX_SPAWN_DUP2, devnull, 2),
                ],
                setsid=True,
            )
        finally:
            os.close(devnull)
    except (OSError, AttributeError):
        pass  # no server: every call is judged in process, which is slower but correct
