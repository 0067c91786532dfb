"""Shell command lines read as what they run: simple commands with argv, env and redirects.

A small regex-driven lexer rather than bashlex on the hot path: bashlex costs about
0.3 ms per command, refuses heredocs and `[[ ]]`, and raises on many real commands,
while a monitor must read every command of every trajectory and never raise. Wrappers
that only change how a command runs (`sudo`, `env`, `timeout`, `bash -lc '...'`,
`eval`, `xargs`...) are unwrapped so detectors see the program that really runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Longer inputs are cut: a command line this long is a file written through a heredoc,
# whose body is kept whole by the heredoc scanner below.
MAX_COMMAND_CHARS = 200_000
MAX_COMMANDS = 400
MAX_DEPTH = 6


@dataclass(slots=True)
class Redirect:
    op: str  # ">", ">>", "<", "<<", "<<<", "2>", "&>", ">&" ...
    target: str  # file, fd, or heredoc delimiter
    body: str | None = None  # heredoc body (`<<`), or the here-string (`<<<`)


@dataclass(slots=True)
class Command:
    """One simple command: what a detector asks about ("is this `rm -rf`?")."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    redirects: list[Redirect] = field(default_factory=list)
    op_before: str | None = None  # "|", "&&", "||", ";", "&", "$(" (inside a substitution)
    op_after: str | None = None
    wrappers: tuple[str, ...] = ()  # e.g. ("sudo", "bash -c")
    source: str = ""  # the command's own text, best effort (a substring of the command line)

    @property
    def prog(self) -> str:
        """The program's base name (`/usr/bin/python3` -> `python3`), '' for a bare assignment."""
        if not self.argv:
            return ""
        return self.argv[0].rsplit("/", 1)[-1]

    @property
    def args(self) -> list[str]:
        return self.argv[1:]

    @property
    def heredoc(self) -> str | None:
        bodies = [r.body for r in self.redirects if r.body is not None and r.op.startswith("<<")]
        return "\n".join(bodies) if bodies else None

    def write_targets(self) -> list[str]:
        return [
            r.target
            for r in self.redirects
            if r.op.lstrip("0123456789&") in (">", ">>", ">|")
            and not r.target.startswith("&")
            and r.target not in ("/dev/null", "/dev/stderr", "/dev/stdout")
        ]

    def render(self) -> str:
        return " ".join(self.argv)


# --- lexer -----------------------------------------------------------------

_WS = re.compile(r"(?:[ \t\r\f\v]|\\\n)+")
_OP = re.compile(r"&&|\|\||\|&|;;&?|;&|\||;|&|\(|\)")
_REDIR = re.compile(r"(\d*)(<<-|<<<|<<|>>|>\||>&|<&|<>|>|<)")
_PLAIN = re.compile(r"""[^\s'"\\|&;()<>$`]+""")
_DQ_BODY = re.compile(r'(?:[^"\\$`]|\\.)*', re.S)
_ANSI_ESC = re.compile(r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|.)", re.S)
_BALANCE_STOP = re.compile(r"""[()'"\\`\n<]""")
_HEREDOC_START = re.compile(r"""<<(-?)\s*(?:'([^'\n]*)'|"([^"\n]*)"|\\?([^\s;&|<>()'"]+))""")
_ASSIGN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\+?=")


@dataclass(slots=True)
class _Tok:
    kind: str  # "word" | "op" | "redir" | "nl"
    value: str  # unquoted value for words; operator text otherwise
    start: int
    end: int
    quoted: bool = False
    subst: tuple[str, ...] = ()  # bodies of $(...) / `...` inside the word
    fd: str = ""


def _ansi_c(body: str) -> str:
    def sub(m: re.Match[str]) -> str:
        esc = m.group(1)
        simple = {
            "n": "\n",
            "t": "\t",
            "r": "\r",
            "a": "\a",
            "b": "\b",
            "e": "\x1b",
            "\\": "\\",
            "'": "'",
            '"': '"',
        }
        if esc in simple:
            return simple[esc]
        try:
            if esc[0] == "x":
                return chr(int(esc[1:], 16))
            if esc[0] == "u":
                return chr(int(esc[1:], 16))
            if esc[0].isdigit():
                return chr(int(esc, 8))
        except ValueError:
            pass
        return esc

    return _ANSI_ESC.sub(sub, body)


def _skip_heredoc_bodies(s: str, i: int, pending: list[tuple[str, bool]]) -> int:
    """At a newline index `i`, skip the bodies of `pending` heredocs; return the new index."""
    pos = i + 1
    for delim, strip_tabs in pending:
        pat = re.compile(r"^" + (r"\t*" if strip_tabs else "") + re.escape(delim) + r"[ \t]*$", re.M)
        m = pat.search(s, pos)
        pos = len(s) if m is None else min(len(s), m.end() + 1)
    return pos


def _balanced_end(s: str, i: int, open_ch: str, close_ch: str) -> int:
    """Index just past the `close_ch` matching the `open_ch` before `i` (quote- and heredoc-aware)."""
    depth = 1
    n = len(s)
    pending: list[tuple[str, bool]] = []
    while i < n:
        m = _BALANCE_STOP.search(s, i)
        if m is None:
            return n
        j = m.start()
        c = s[j]
        if c == "\\":
            i = j + 2
        elif c == "'":
            k = s.find("'", j + 1)
            i = n if k < 0 else k + 1
        elif c == '"':
            k = j + 1
            while k < n:
                if s[k] == "\\":
                    k += 2
                    continue
                if s[k] == '"':
                    break
                if s.startswith("$(", k):
                    k = _balanced_end(s, k + 2, "(", ")")
                    continue
                k += 1
            i = k + 1
        elif c == "`":
            k = s.find("`", j + 1)
            i = n if k < 0 else k + 1
        elif c == "<":
            hm = _HEREDOC_START.match(s, j)
            if hm and not s.startswith("<<<", j):
                pending.append((hm.group(2) or hm.group(3) or hm.group(4) or "", hm.group(1) == "-"))
                i = hm.end()
            else:
                i = j + 1
        elif c == "\n":
            i = _skip_heredoc_bodies(s, j, pending) if pending else j + 1
            pending = []
        elif c == open_ch:
            depth += 1
            i = j + 1
        else:  # close_ch
            depth -= 1
            if depth == 0:
                return j + 1
            i = j + 1
    return n


def _read_word(s: str, i: int) -> tuple[str, int, bool, list[str]]:
    """Read one shell word starting at `i`: (unquoted value, end, any quoting, substitutions)."""
    out: list[str] = []
    subst: list[str] = []
    quoted = False
    n = len(s)
    while i < n:
        c = s[i]
        m = _PLAIN.match(s, i)
        if m:
            out.append(m.group())
            i = m.end()
            continue
        if c == "'":
            k = s.find("'", i + 1)
            k = n if k < 0 else k
            out.append(s[i + 1 : k])
            quoted = True
            i = k + 1
        elif c == '"':
            quoted = True
            i += 1
            while i < n and s[i] != '"':
                m = _DQ_BODY.match(s, i)
                if m and m.end() > i:
                    out.append(re.sub(r'\\([\\"$`\n])', r"\1", m.group()))
                    i = m.end()
                    continue
                if s.startswith("$(", i):
                    end = _balanced_end(s, i + 2, "(", ")")
                    subst.append(s[i + 2 : end - 1])
                    out.append(s[i:end])
                    i = end
                elif s[i] == "`":
                    k = s.find("`", i + 1)
                    k = n if k < 0 else k
                    subst.append(s[i + 1 : k])
                    out.append(s[i : k + 1])
                    i = k + 1
                else:  # a lone `$`
                    out.append(s[i])
                    i += 1
            i += 1
        elif c == "\\":
            if i + 1 < n and s[i + 1] != "\n":
                out.append(s[i + 1])
            i += 2
        elif c == "$":
            if s.startswith("$(", i):
                end = _balanced_end(s, i + 2, "(", ")")
                subst.append(s[i + 2 : end - 1])
                out.append(s[i:end])
                i = end
            elif s.startswith("${", i):
                end = _balanced_end(s, i + 2, "{", "}")
                out.append(s[i:end])
                i = end
            elif s.startswith("$'", i):
                k = i + 2
                while k < n and s[k] != "'":
                    k += 2 if s[k] == "\\" else 1
                out.append(_ansi_c(s[i + 2 : k]))
                quoted = True
                i = k + 1
            else:
                out.append("$")
                i += 1
        elif c == "`":
            k = s.find("`", i + 1)
            k = n if k < 0 else k
            subst.append(s[i + 1 : k])
            out.append(s[i : k + 1])
            i = k + 1
        else:
            break
    return "".join(out), min(i, n), quoted, subst


def tokenize(s: str) -> list[_Tok]:
    """Tokens of a command line; heredoc bodies are attached to their `<<` tokens. Never raises."""
    toks: list[_Tok] = []
    pending: list[_Tok] = []  # heredoc redirect tokens whose body starts at the next newline
    i, n = 0, len(s)
    while i < n:
        m = _WS.match(s, i)
        if m:
            i = m.end()
            continue
        c = s[i]
        if c == "\n":
            if pending:
                pos = i + 1
                for tok in pending:
                    strip = tok.value == "<<-"
                    pat = re.compile(r"^" + (r"\t*" if strip else "") + re.escape(tok.fd) + r"[ \t]*$", re.M)
                    hm = pat.search(s, pos)
                    end = len(s) if hm is None else hm.start()
                    body = s[pos:end]
                    if strip:
                        body = re.sub(r"(?m)^\t+", "", body)
                    tok.subst = (body,)
                    pos = len(s) if hm is None else min(len(s), hm.end() + 1)
                pending = []
                toks.append(_Tok("nl", "\n", i, i + 1))
                i = pos
                continue
            toks.append(_Tok("nl", "\n", i, i + 1))
            i += 1
            continue
        if c == "#" and (i == 0 or s[i - 1] in " \t\n;&|()"):
            k = s.find("\n", i)
            i = n if k < 0 else k
            continue
        m = _REDIR.match(s, i)
        if m and (m.group(1) == "" or i == 0 or s[i - 1] in " \t\n;&|("):
            op = m.group(2)
            tok = _Tok("redir", op, i, m.end(), fd=m.group(1))
            i = m.end()
            wm = _WS.match(s, i)
            if wm:
                i = wm.end()
            word, end, quoted, subst = _read_word(s, i)
            tok.end = end
            if op in ("<<", "<<-"):
                tok.fd = word  # the delimiter
                tok.value = op
                tok.quoted = quoted
                pending.append(tok)
                toks.append(tok)
            else:
                tok.subst = tuple(subst)
                toks.append(tok)
                toks.append(_Tok("word", word, i, end, quoted, tuple(subst)))
            i = max(end, i + 1) if end == i else end
            continue
        if c == "&" and s.startswith("&>", i):
            m2 = _REDIR.match(s, i + 1)
            if m2:
                tok = _Tok("redir", "&" + m2.group(2), i, m2.end())
                i = m2.end()
                wm = _WS.match(s, i)
                if wm:
                    i = wm.end()
                word, end, quoted, subst = _read_word(s, i)
                toks.append(tok)
                toks.append(_Tok("word", word, i, end, quoted, tuple(subst)))
                i = max(end, i + 1)
                continue
        m = _OP.match(s, i)
        if m:
            toks.append(_Tok("op", m.group(), i, m.end()))
            i = m.end()
            continue
        word, end, quoted, subst = _read_word(s, i)
        if end <= i:  # a character no rule consumed: keep it as a word, never loop
            word, end = s[i], i + 1
        toks.append(_Tok("word", word, i, end, quoted, tuple(subst)))
        i = end
    return toks


# --- simple commands ----------------------------------------------------------

_RESERVED = frozenset(
    {
        "if",
        "then",
        "else",
        "elif",
        "fi",
        "do",
        "done",
        "while",
        "until",
        "esac",
        "{",
        "}",
        "!",
        "function",
        "time",
        "coproc",
    }
)
_SHELLS = frozenset({"bash", "sh", "zsh", "dash", "ksh", "ash", "fish", "busybox"})
_INTERPRETER_STDIN = frozenset(_SHELLS)
# wrapper -> options that take a value
_WRAPPER_OPTS: dict[str, frozenset[str]] = {
    "sudo": frozenset({"-u", "-g", "-C", "-D", "-h", "-p", "-U", "-r", "-t", "-T", "--user", "--group"}),
    "doas": frozenset({"-u", "-C"}),
    "nohup": frozenset(),
    "exec": frozenset({"-a"}),
    "command": frozenset(),
    "builtin": frozenset(),
    "nice": frozenset({"-n", "--adjustment"}),
    "ionice": frozenset({"-c", "-n", "-p"}),
    "stdbuf": frozenset({"-i", "-o", "-e"}),
    "chronic": frozenset(),
    "unbuffer": frozenset(),
    "caffeinate": frozenset(),
    "setsid": frozenset(),
    "catchsegv": frozenset(),
    "strace": frozenset({"-o", "-e", "-p", "-s"}),
    "ltrace": frozenset({"-o", "-e"}),
    "faketime": frozenset(),
    "firejail": frozenset(),
    "time": frozenset({"-f", "-o"}),
}
_RUNNERS = {  # "uv run X", "poetry run X"...: the program after the subcommand
    "uv": "run",
    "poetry": "run",
    "pipenv": "run",
    "pdm": "run",
    "hatch": "run",
    "rye": "run",
    "conda": "run",
    "bundle": "exec",
    "pnpm": "exec",
    "yarn": "exec",
    "mamba": "run",
    "pixi": "run",
}
_XARGS_OPTS = frozenset(
    {
        "-I",
        "-i",
        "-n",
        "-P",
        "-d",
        "-L",
        "-l",
        "-s",
        "-E",
        "-e",
        "-a",
        "--arg-file",
        "--delimiter",
        "--max-args",
        "--max-procs",
        "--replace",
    }
)
_TIMEOUT_OPTS = frozenset({"-k", "-s", "--kill-after", "--signal"})


@dataclass
class _Raw:
    words: list[_Tok] = field(default_factory=list)
    redirs: list[tuple[_Tok, _Tok | None]] = field(default_factory=list)
    op_before: str | None = None
    op_after: str | None = None
    start: int = -1
    end: int = -1


def _group(toks: list[_Tok]) -> list[_Raw]:
    raws: list[_Raw] = []
    cur = _Raw()
    prev_op: str | None = None
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind in ("op", "nl"):
            op = ";" if t.kind == "nl" else t.value
            if op in ("(", ")"):
                i += 1
                continue
            if cur.words or cur.redirs:
                cur.op_after = op
                raws.append(cur)
            prev_op = op if op not in (";;", ";&", ";;&") else ";"
            cur = _Raw(op_before=prev_op)
            i += 1
            continue
        if cur.start < 0:
            cur.start = t.start
        cur.end = max(cur.end, t.end)
        if t.kind == "redir":
            target = None
            if t.value not in ("<<", "<<-") and i + 1 < len(toks) and toks[i + 1].kind == "word":
                target = toks[i + 1]
                cur.end = max(cur.end, target.end)
                i += 1
            cur.redirs.append((t, target))
        else:
            cur.words.append(t)
        i += 1
    if cur.words or cur.redirs:
        raws.append(cur)
    return raws


def _short_flags(arg: str) -> str:
    return arg[1:] if arg.startswith("-") and not arg.startswith("--") and len(arg) > 1 else ""


def _unwrap(argv: list[str], env: dict[str, str]) -> tuple[list[str], list[str], str | None]:
    """Strip wrappers: (inner argv, wrapper names, script for `sh -c`/`eval`, if any)."""
    wrappers: list[str] = []
    for _ in range(12):
        if not argv:
            break
        prog = argv[0].rsplit("/", 1)[-1]
        if prog in _RESERVED and prog not in ("{", "}"):
            argv = argv[1:]
            continue
        if prog in ("{", "}"):
            argv = argv[1:]
            continue
        if prog == "env":
            k = 1
            while k < len(argv):
                a = argv[k]
                if a in ("-u", "--unset", "-C", "--chdir", "-S", "--split-string"):
                    if a in ("-S", "--split-string") and k + 1 < len(argv):
                        return argv[k + 1 :], [*wrappers, "env"], argv[k + 1]
                    k += 2
                elif a.startswith("-"):
                    k += 1
                elif _ASSIGN.match(a):
                    name, _, value = a.partition("=")
                    env[name.rstrip("+")] = value
                    k += 1
                else:
                    break
            wrappers.append("env")
            argv = argv[k:]
            continue
        if prog in _WRAPPER_OPTS:
            opts = _WRAPPER_OPTS[prog]
            k = 1
            while k < len(argv) and argv[k].startswith("-"):
                if argv[k] == "--":
                    k += 1
                    break
                k += 2 if argv[k] in opts else 1
            if prog == "nice" and k < len(argv) and argv[k].lstrip("-").isdigit():
                k += 1
            wrappers.append(prog)
            argv = argv[k:]
            continue
        if prog in ("timeout", "gtimeout"):
            k = 1
            while k < len(argv) and argv[k].startswith("-"):
                k += 2 if argv[k] in _TIMEOUT_OPTS else 1
            wrappers.append("timeout")
            argv = argv[k + 1 :]
            continue
        if prog == "xargs":
            k = 1
            while k < len(argv) and argv[k].startswith("-"):
                k += 2 if argv[k] in _XARGS_OPTS else 1
            wrappers.append("xargs")
            argv = argv[k:]
            continue
        if prog in ("npx", "bunx", "pnpx"):
            k = 1
            while k < len(argv) and argv[k].startswith("-"):
                k += 2 if argv[k] in ("-p", "--package") else 1
            wrappers.append(prog)
            argv = argv[k:]
            continue
        if prog in _RUNNERS and len(argv) > 2 and argv[1] == _RUNNERS[prog]:
            k = 2
            while k < len(argv) and argv[k].startswith("-"):
                k += 1
            wrappers.append(f"{prog} {argv[1]}")
            argv = argv[k:]
            continue
        if prog in _SHELLS:
            k = 1
            while k < len(argv) and argv[k].startswith(("-", "+")) and argv[k] != "--":
                flags = argv[k]
                if "c" in _short_flags(flags) or flags == "--command":
                    if k + 1 < len(argv):
                        return argv[k + 1 :], [*wrappers, f"{prog} -c"], argv[k + 1]
                    break
                k += 2 if flags in ("-o", "+o", "--rcfile", "--init-file") else 1
            break
        if prog == "eval":
            return argv[1:], [*wrappers, "eval"], " ".join(argv[1:])
        if prog in ("ssh",) and len(argv) > 2:
            # ssh [opts] host cmd...: the remote command is a shell line too
            k = 1
            while k < len(argv) and argv[k].startswith("-"):
                k += 2 if argv[k][1:2] in "bcDEeFIiJLlmOoPpQRSWw" and len(argv[k]) == 2 else 1
            if k + 1 < len(argv):
                return argv[k + 1 :], [*wrappers, "ssh"], " ".join(argv[k + 1 :])
            break
        break
    return argv, wrappers, None


def parse_shell(command: str | None) -> list[Command]:
    """The simple commands of a command line, nested ones (`bash -c`, `$(...)`, heredoc scripts) included.

    Results are cached by command line (agents run `git status` and `pytest -q` over and
    over): treat the returned commands as read-only.
    """
    if not command:
        return []
    if len(command) <= 4096:
        return _parse_cached(command)
    return _parse_uncached(command)


@lru_cache(maxsize=4096)
def _parse_cached(command: str) -> list[Command]:
    return _parse_uncached(command)


def _parse_uncached(command: str) -> list[Command]:
    out: list[Command] = []
    try:
        _parse_into(command[:MAX_COMMAND_CHARS], 0, (), out, {})
    except RecursionError:  # pragma: no cover - depth is capped, this is belt and braces
        pass
    except Exception:  # noqa: BLE001 - a command we cannot read must not cost the trajectory its verdict
        if not out:
            out.append(Command(argv=command.split()[:50], source=command[:500]))
    return out


_VAR_REF = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")


def _expand(word: str, variables: dict[str, str]) -> str:
    if "$" not in word or not variables:
        return word
    return _VAR_REF.sub(lambda m: variables.get(m.group(1) or m.group(2), m.group(0)), word)


def _parse_into(
    s: str, depth: int, wrappers: tuple[str, ...], out: list[Command], variables: dict[str, str]
) -> None:
    if depth > MAX_DEPTH or len(out) >= MAX_COMMANDS:
        return
    toks = tokenize(s)
    for raw in _group(toks):
        if len(out) >= MAX_COMMANDS:
            return
        env: dict[str, str] = {}
        words = raw.words
        k = 0
        while k < len(words) and _ASSIGN.match(s[words[k].start : words[k].end]):
            name, _, value = words[k].value.partition("=")
            env[name.rstrip("+")] = value
            k += 1
        argv = [w.value for w in words[k:]]
        if not argv:
            variables.update(env)  # `a=rm; $a -rf /`: remember for expansion below
        expanded = [_expand(a, variables) for a in argv]
        extra: tuple[str, ...] = ("$var",) if expanded[:1] != argv[:1] else ()
        argv = expanded
        redirects: list[Redirect] = []
        for rt, target in raw.redirs:
            if rt.value in ("<<", "<<-"):
                redirects.append(Redirect(rt.value, rt.fd, rt.subst[0] if rt.subst else ""))
            elif rt.value == "<<<":
                redirects.append(Redirect("<<<", "", target.value if target else ""))
            else:
                redirects.append(Redirect(rt.fd + rt.value, target.value if target else ""))
        inner, wrap, script = _unwrap(argv, env)
        source = s[raw.start : raw.end] if raw.start >= 0 else ""
        cmd = Command(
            inner, env, redirects, raw.op_before, raw.op_after, wrappers + extra + tuple(wrap), source
        )
        if script is not None:
            # the wrapper itself (`bash -lc '...'`) is not a command of its own; its script is
            _parse_into(script, depth + 1, cmd.wrappers, out, variables)
        else:
            if inner or env or redirects:
                out.append(cmd)
            if inner and inner[0].rsplit("/", 1)[-1] in _INTERPRETER_STDIN and cmd.heredoc:
                # `bash <<EOF ... EOF` runs the heredoc as a script
                shell = inner[0].rsplit("/", 1)[-1]
                _parse_into(cmd.heredoc, depth + 1, (*cmd.wrappers, shell + " <<"), out, variables)
        for w in words:
            for sub in w.subst:
                _parse_into(sub, depth + 1, (*wrappers, "$("), out, variables)
        for _rt, target in raw.redirs:
            if target is not None:
                for sub in target.subst:
                    _parse_into(sub, depth + 1, (*wrappers, "$("), out, variables)


# --- questions detectors ask ------------------------------------------------


def split_opts(args: list[str]) -> tuple[set[str], list[str]]:
    """(flags, positional args). `-rf` gives {"r", "f"}; `--force` gives {"--force"}; `--x=1` gives {"--x"}."""
    flags: set[str] = set()
    pos: list[str] = []
    end = False
    for a in args:
        if end or a == "-" or not a.startswith("-"):
            pos.append(a)
        elif a == "--":
            end = True
        elif a.startswith("--"):
            flags.add(a.split("=", 1)[0])
        else:
            flags.update(a[1:])
    return flags, pos


_PY = re.compile(r"^(python|pypy)(\d+(\.\d+)*)?(\.exe)?$")
_TEST_PROGS = frozenset(
    {
        "pytest",
        "py.test",
        "tox",
        "nox",
        "jest",
        "vitest",
        "mocha",
        "ava",
        "tap",
        "karma",
        "phpunit",
        "rspec",
        "ctest",
        "nosetests",
        "nose2",
        "trial",
        "behave",
        "cucumber",
        "ward",
        "green",
        "playwright",
        "cypress",
        "pest",
        "tape",
        "jasmine",
        "testem",
        "gotestsum",
        "cargo-nextest",
        "hardhat",
        "forge",
        "busted",
        "prove",
        "bats",
    }
)
_TEST_SUBCMDS = {
    "go": {"test"},
    "cargo": {"test", "nextest", "tarpaulin"},
    "dotnet": {"test"},
    "swift": {"test"},
    "mix": {"test"},
    "stack": {"test"},
    "cabal": {"test"},
    "sbt": {"test", "testOnly"},
    "bazel": {"test"},
    "deno": {"test"},
    "bun": {"test"},
    "zig": {"test"},
    "lein": {"test"},
    "flutter": {"test"},
    "dart": {"test"},
    "julia": set(),
    "rake": {"test", "spec"},
    "ginkgo": set(),
    "rebar3": {"eunit", "ct", "proper"},
    "hatch": {"test"},
    "pants": {"test"},
    "nx": {"test", "affected:test"},
}
# task runners whose test task is named anywhere in the arguments: `turbo run test`, `xcodebuild -scheme X test`,
# `zig build test`, `php artisan test`, `nx run app:test`, `pixi run test`
_TASK_RUNNERS = frozenset(
    {"turbo", "xcodebuild", "zig", "nx", "pixi", "moon", "lerna", "rush", "php", "melos"}
)
_PKG_MANAGERS = frozenset({"npm", "yarn", "pnpm", "bun"})
_BUILD_TOOLS = frozenset({"mvn", "mvnw", "gradle", "gradlew", "make", "gmake", "just", "task", "ant"})
_TESTY_WORD = re.compile(r"(^|[/_.:-])(test|tests|spec|check|verify|ci)([/_.:-]|$)", re.I)

# camel-cased Gradle test tasks: testDebugUnitTest, integrationTest, connectedAndroidTest, connectedCheck
_GRADLE_TEST_TASK = re.compile(
    r"^(?!testClasses$|testFixtures)(?:test|check)(?:[A-Z]\w*)?$|^[a-z]\w*(?:Test|Tests|Check)$"
)


def is_test_command(cmd: Command) -> bool:
    """Does this simple command run a test suite (or part of one)?"""
    prog, args = cmd.prog, cmd.args
    if not prog:
        return False
    if prog in _TEST_PROGS:
        return True
    if _PY.match(prog):
        if len(args) >= 2 and args[0] == "-m":
            return args[1] in (
                "pytest",
                "unittest",
                "nose",
                "nose2",
                "tox",
                "nox",
                "py.test",
                "green",
                "xmlrunner",
            )
        first = next((a for a in args if not a.startswith("-")), "")
        if first.endswith("manage.py") and "test" in args:
            return True
        if first.endswith("setup.py") and "test" in args:
            return True
        return (
            bool(first)
            and first.endswith(".py")
            and bool(re.search(r"(^|/)(run_?tests?|tests?_?\w*|\w*_tests?)\.py$|(^|/)tests?/", first))
        )
    subs = _TEST_SUBCMDS.get(prog)
    if subs is not None:
        return bool(args) and args[0] in subs or prog == "ginkgo"
    if prog in _PKG_MANAGERS:
        if not args:
            return False
        if args[0] in ("test", "t", "tst") or args[0] in _TEST_PROGS:  # `yarn jest`, `pnpm vitest`
            return True
        if args[0] in ("run", "run-script") and len(args) > 1:
            return bool(_TESTY_WORD.search(args[1])) and "lint" not in args[1]
        return prog == "yarn" and bool(_TESTY_WORD.search(args[0]))
    if prog in ("gradle", "gradlew") and any(_GRADLE_TEST_TASK.match(a.rsplit(":", 1)[-1]) for a in args):
        return True
    if prog in _TASK_RUNNERS:
        return any(_TESTY_WORD.search(a) and a != "check" for a in args if not a.startswith("-"))
    if prog in _BUILD_TOOLS:
        return (
            any(_TESTY_WORD.search(a) for a in args if not a.startswith("-"))
            or prog.startswith("mvn")
            and "verify" in args
        )
    if prog in _LISPS:  # `sbcl --eval '(asdf:test-system :app)'`
        return any(_LISP_TEST.search(a) for a in args)
    if prog.endswith(".sh") or "/" in cmd.argv[0]:
        return bool(re.search(r"(^|[/_-])(run_?)?tests?([_.-]|$)", prog, re.I))
    return False


_LISPS = frozenset({"sbcl", "ccl", "ccl64", "ecl", "clisp", "ros", "lispworks"})
_LISP_TEST = re.compile(
    r"\basdf:test-system\b|\b(?:fiveam|5am|rove|parachute|prove|lisp-unit2?):(?:run!?|test|run-tests)\b", re.I
)


_EXCLUDE_OPTS = (
    "--deselect",
    "--ignore",
    "--ignore-glob",
    "--testPathIgnorePatterns",
    "--skip",
    "--exclude",
    "-skip",
    "--testIgnore",
    "--exclude-tag",
    "--exclude-tags",
)


def excluded_tests(cmd: Command) -> list[str]:
    """The arguments of a test command that leave tests out (`-k 'not x'`, `--deselect`, `--skip`...)."""
    found: list[str] = []
    args = cmd.args
    for i, a in enumerate(args):
        if a in ("-k", "-m") and i + 1 < len(args) and re.search(r"(^|\s|\()not\s", args[i + 1]):
            found.append(f"{a} {args[i + 1]}")
        elif a.startswith(("-k", "-m")) and len(a) > 2 and re.search(r"(^|[\s=(\"'])not\s", a[2:]):
            found.append(a)
        elif a.split("=", 1)[0] in _EXCLUDE_OPTS:
            found.append(a if "=" in a or i + 1 >= len(args) else f"{a} {args[i + 1]}")
    return found


def masks_failure(cmds: list[Command], index: int) -> str | None:
    """If the exit status of command `index` is thrown away (`|| true`, `; exit 0`), how."""
    cmd = cmds[index]
    if cmd.op_after == "||":
        nxt = cmds[index + 1] if index + 1 < len(cmds) else None
        if nxt is not None and (
            nxt.prog in ("true", ":")
            or nxt.prog == "exit"
            and nxt.args[:1] in ([], ["0"])
            or nxt.prog == "echo"
        ):
            return f"|| {nxt.render()}"
    for later in cmds[index + 1 :]:
        if later.prog == "exit" and later.args[:1] == ["0"] and later.op_before in (";", "\n", "&&", "||"):
            return "; exit 0"
    return None


_SEARCH_PROGS = frozenset({"grep", "egrep", "fgrep", "rg", "ag", "ack", "zgrep", "git-grep"})
_MESSAGE_OPTS = frozenset({"-m", "--message", "--body", "-b", "--title", "-t", "--notes", "-F"})


# Cluster clients take their global options before the verb (`kubectl --context prod -n data
# delete pvc ...`); rules read `kubectl delete pvc`, so those options are moved behind it.
_CLUSTER_CLIS = frozenset({"kubectl", "helm", "oc", "k3s", "microk8s.kubectl"})
_GLOBAL_VALUE_OPTS = frozenset(
    {
        "-n",
        "--namespace",
        "--context",
        "--kube-context",
        "--kubeconfig",
        "--cluster",
        "--user",
        "-s",
        "--server",
    }
)


def _global_options_last(argv: list[str]) -> list[str]:
    i = 1
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_VALUE_OPTS else 1
    i = min(i, len(argv))
    return [argv[0], *argv[i:], *argv[1:i]] if i > 1 else argv


def normalized(cmds: list[Command]) -> tuple[str, list[tuple[int, int, Command]]]:
    """One line for pattern rules: wrappers stripped, search patterns and commit messages blanked.

    A rule looking for `--no-verify` should fire on `git commit --no-verify`, not on
    `grep -- --no-verify` or a commit message that mentions it. Returns the text and
    the span each command occupies in it, to map a match back to a command.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, Command]] = []
    pos = 0
    for c in cmds:
        argv = list(c.argv)
        prog = c.prog
        if prog in _SEARCH_PROGS or prog == "git" and argv[1:2] in (["grep"], ["log"]):
            # keep the program and its short flags; patterns (even ones that look like flags) are data
            kept = argv[:2] if prog == "git" else argv[:1]
            for a in argv[len(kept) :]:
                if a == "--":
                    break
                kept.append(a if a.startswith("-") and len(a) <= 4 else "…")
            argv = kept
        elif prog in ("git", "gh", "hub", "glab"):
            out: list[str] = []
            blank_next = False
            for a in argv:
                if blank_next:
                    out.append("…")
                    blank_next = False
                elif a in _MESSAGE_OPTS:
                    out.append(a)
                    blank_next = True
                elif a.startswith(("--message=", "--body=", "--title=")):
                    out.append(a.split("=", 1)[0] + "=…")
                elif a.startswith("-m") and len(a) > 2 and not a.startswith("--"):
                    out.append("-m…")
                else:
                    out.append(a)
            argv = out
        elif prog in ("echo", "printf") and c.op_after != "|" and not c.write_targets():
            argv = [prog, "…"]
        elif prog in _CLUSTER_CLIS:
            argv = _global_options_last(argv)
        env = " ".join(f"{k}={v}" for k, v in c.env.items())
        text = " ".join(x for x in (env, " ".join(argv)) if x)
        redir = " ".join(f"{r.op} {r.target}" for r in c.redirects if r.body is None)
        if redir:
            text += " " + redir
        if c.op_after:
            text += f" {c.op_after} "
        else:
            text += " ; "
        spans.append((pos, pos + len(text), c))
        parts.append(text)
        pos += len(text)
    return "".join(parts), spans


def script_text(cmd: Command) -> str | None:
    """Code an interpreter runs from the command line or a heredoc (`python -c`, `node -e`, `python - <<EOF`)."""
    prog = cmd.prog
    if _PY.match(prog) or prog in (
        "node",
        "ruby",
        "perl",
        "php",
        "deno",
        "bun",
        "Rscript",
        "psql",
        "mysql",
        "sqlite3",
        "osascript",
        "lua",
        "julia",
    ):
        for i, a in enumerate(cmd.args):
            if a in ("-c", "-e", "--eval", "-E", "--command", "-r", "--execute") and i + 1 < len(cmd.args):
                return cmd.args[i + 1]
        if prog == "sqlite3" and len(cmd.args) >= 2 and not cmd.args[-1].startswith("-"):
            return cmd.args[-1]
        if cmd.heredoc is not None:
            return cmd.heredoc
        here = [r.body for r in cmd.redirects if r.op == "<<<" and r.body]
        if here:
            return "\n".join(here)
    return None


# programs that print a file's bytes to stdout (pagers, dumpers, encoders)
FILE_DUMPERS = frozenset(
    {
        "cat",
        "less",
        "more",
        "head",
        "tail",
        "bat",
        "batcat",
        "nl",
        "tac",
        "strings",
        "xxd",
        "od",
        "hexdump",
        "base64",
        "base32",
    }
)


_READERS = FILE_DUMPERS | frozenset(
    {
        "source",
        ".",
        "cp",
        "scp",
        "rsync",
        "tar",
        "zip",
        "7z",
        "gzip",
        "open",
        "vim",
        "vi",
        "nvim",
        "nano",
        "emacs",
        "code",
        "sort",
        "uniq",
        "wc",
        "diff",
        "cut",
        "file",
        "ls",
        "find",
        "stat",
        "tee",
        "gpg",
        "openssl",
        "md5sum",
        "sha256sum",
        "shasum",
        "curl",
        "wget",
        "nc",
        "ncat",
        "dd",
        "install",
        "ln",
        "git-credential",
        "pbcopy",
        "xclip",
        "iconv",
        "dos2unix",
        "column",
        "paste",
        "comm",
        "rev",
        "fold",
        "awk",
        "gawk",
        "jq",
        "yq",
        "grep",
        "egrep",
        "fgrep",
        "rg",
        "ag",
        "ack",
        "sed",
        "gsed",
        "perl",
    }
)
_FIRST_IS_PROGRAM = frozenset(
    {"awk", "gawk", "jq", "yq", "grep", "egrep", "fgrep", "rg", "ag", "ack", "sed", "gsed"}
)
_PATHISH = re.compile(r"^(~|\$HOME|\$\{HOME\}|/|\.{1,2}/|[\w@.-]+/)|\.[A-Za-z0-9]{1,12}$|^\.[\w-]+$")
_SCRIPT_PATH = re.compile(
    r"""(['"])((?:~|/|\.{0,2}/?)[\w.@~/-]*?(?:\.ssh/|\.aws/|\.env\b|credentials|\.netrc|\.npmrc|\.pypirc|\.git-credentials|\.kube/|\.docker/|\.gnupg/|id_rsa|id_ed25519|id_ecdsa|\.pem\b|\.key\b|secrets?\.|shadow\b|keychain|\.vault-token|auth\.json|\.credentials)[\w.@/-]*)\1"""
)


_VALUE_OPTS: dict[str, frozenset[str]] = {
    "curl": frozenset(
        {
            "-d",
            "--data",
            "--data-binary",
            "--data-raw",
            "--data-urlencode",
            "-F",
            "--form",
            "-T",
            "--upload-file",
            "-u",
            "--user",
            "-H",
            "--header",
            "-X",
            "--request",
            "-o",
            "--output",
            "-A",
            "-e",
            "-b",
            "-c",
            "--json",
            "-w",
            "-m",
            "--max-time",
            "--connect-timeout",
            "-x",
            "--proxy",
        }
    ),
    "wget": frozenset({"-O", "-o", "-P", "--post-data", "--header", "-U", "-e"}),
    "grep": frozenset({"-e", "-f", "-A", "-B", "-C", "-m", "--include", "--exclude", "--exclude-dir"}),
    "rg": frozenset({"-e", "-f", "-A", "-B", "-C", "-m", "-g", "--glob", "-t", "--type", "-T"}),
    "head": frozenset({"-n", "-c"}),
    "tail": frozenset({"-n", "-c"}),
    "cut": frozenset({"-d", "-f", "-c", "-b"}),
    "sed": frozenset({"-e", "-f"}),
    "awk": frozenset({"-F", "-v", "-f"}),
    "jq": frozenset({"--arg", "--argjson"}),
    "tar": frozenset({"-f", "-C", "--exclude"}),
    "find": frozenset(
        {"-name", "-iname", "-path", "-type", "-newer", "-maxdepth", "-mindepth", "-exec", "-regex"}
    ),
}
_VALUE_OPTS["egrep"] = _VALUE_OPTS["fgrep"] = _VALUE_OPTS["grep"]


def read_paths(cmd: Command) -> list[str]:
    """Files a command reads (or hands to another program): file operands of readers and `<` redirects."""
    out = [r.target for r in cmd.redirects if r.op.lstrip("0123456789") == "<" and r.target]
    prog = cmd.prog
    if prog in _READERS or prog == "git" and cmd.args[:1] in (["show"], ["diff"]):
        value_opts = _VALUE_OPTS.get(prog, frozenset())
        pos: list[str] = []
        args = cmd.args
        i = 0
        has_program_opt = False
        while i < len(args):
            a = args[i]
            if a in value_opts:
                val = args[i + 1] if i + 1 < len(args) else ""
                if prog == "curl" and val.startswith("@"):
                    out.append(val[1:].split(";", 1)[0])
                elif prog == "curl" and "=@" in val:
                    out.append(val.split("=@", 1)[1].split(";", 1)[0])
                elif prog == "curl" and a in ("-T", "--upload-file"):
                    out.append(val)
                has_program_opt = has_program_opt or a in ("-e", "-f") and prog in _FIRST_IS_PROGRAM
                i += 2
                continue
            if a.startswith("-"):
                if prog == "dd" and "=" in a or a.startswith("--file="):
                    out.append(a.split("=", 1)[1])
                i += 1
                continue
            if prog == "dd" and a.startswith("if="):
                out.append(a[3:])
            else:
                pos.append(a)
            i += 1
        if prog in _FIRST_IS_PROGRAM and pos and not has_program_opt:
            pos = pos[1:]
        out.extend(p for p in pos if _PATHISH.search(p) or "." in p)
    script = script_text(cmd)
    if script:
        out.extend(m.group(2) for m in _SCRIPT_PATH.finditer(script))
    return out
