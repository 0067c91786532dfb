"""What a change does to test code: tests removed, skips added, assertions removed or weakened.

Works on the removed/added lines of a `FileChange` across Python, JS/TS, Go, Rust,
Java/Kotlin, Ruby and C#, so a detector can say "assert x == 5 became assert x is
not None" without caring which language or edit tool it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thinkwatch.monitors.offline.edits import FileChange

SKIP_MARKER = re.compile(
    r"""@pytest\.mark\.(skip|skipif|xfail)\b|\bpytest\.(skip|xfail)\s*\(|@(unittest\.)?(skip|skipIf|skipUnless|expectedFailure)\b
    |\bself\.skipTest\s*\(|\bunittest\.SkipTest\b|\braise\s+SkipTest\b
    |\b(it|test|describe|context|suite|specify)\.(skip|todo|failing)\s*\(|\bx(it|test|describe|context|specify)\s*\(
    |\bt\.Skip(Now|f)?\s*\(|\#\[ignore\b|@(Disabled|Ignore)\b|\[(Ignore|Skip)\b|@Ignore\b|\bskip\s*:\s*true\b
    |\bpending\s*\(|\bmarks\s*=\s*pytest\.mark\.(skip|xfail)|\bTest\.skip\b|\bDeno\.test\.ignore\b|\bignore:\s*true\b
    |@test_(broken|skip)\b|\bskip_(if\w*|on_\w+)\s*\(""",
    re.X,
)
# every SKIP_MARKER match contains one of these (lowercased): a cheap gate before the regex
_SKIP_KEYS = (
    "skip",
    "xfail",
    "expectedfailure",
    "todo",
    "failing",
    "xit",
    "xtest",
    "xdescribe",
    "xcontext",
    "xspecify",
    "ignore",
    "disabled",
    "pending",
    "test_broken",
)
_CONDITIONAL_SKIP = re.compile(
    r"skipif|skipIf|skipUnless|sys\.platform|platform\.|os\.name|sys\.version|importorskip|shutil\.which|"
    r"os\.environ|getenv|CI\b|runtime\.GOOS|testing\.Short|cfg_attr|process\.platform|requires_|skip_on_\w+|skip_if_\w+",
)
TEST_DEF = re.compile(
    r"""^\s*(?:async\s+)?def\s+(test\w*)\s*\(
    |^\s*x?(?:it|test|specify)\s*(?:\.(?:only|skip|todo|failing|concurrent|sequential|fails)|\.(?:each|skipIf|runIf|for)\((?:[^()]|\([^()]*\))*\))*\s*\(\s*(['"`])(.+?)\2
    |^\s*func\s+(Test\w+|Benchmark\w+|Fuzz\w+)\s*\(
    |^\s*(?:pub\s+)?(?:async\s+)?fn\s+(test_\w+|\w+_test|\w+)\s*\(\s*\)\s*(?:->[^{]*)?\{?\s*$
    |^\s*(?:public\s+|private\s+|protected\s+)?(?:void|fun)\s+(test\w*|\w+)\s*\(\s*\)\s*(?:throws\s+[\w., ]+)?\s*\{?\s*$
    |^\s*it\s+(['"])(.+?)\7\s+do\b""",
    re.X,
)
_RUST_TEST_ATTR = re.compile(r"^\s*#\[(tokio::)?test\b")
_JAVA_TEST_ANN = re.compile(r"^\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory)\b")
TEST_CODE_HINT = re.compile(
    r"\bdef test_\w*\(|#\[(tokio::)?test\]|#\[cfg\(test\)\]|@Test\b|\bfunc Test\w+\(|\b(it|test|describe)\(\s*['\"`]"
)

ASSERT_LINE = re.compile(
    r"""^\s*(?:assert\b|self\.(?:assert|fail)\w*\s*\(|(?:np\.testing\.|numpy\.testing\.)?assert_\w+\s*\(|assert[A-Z]\w*\s*\(
    |(?:await\s+)?expect\s*\(|expect\(|\w+\.should\b|should\.|(?:assert|require|Assert|Assertions|XCTAssert)\w*\.\w+\s*\(|XCTAssert\w*\s*\(
    |assert(?:_eq|_ne)?!\s*\(|debug_assert\w*!\s*\(|t\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(
    |(?:EXPECT|ASSERT)_\w+\s*\(|check\s*\(|with\s+pytest\.raises\b|pytest\.raises\s*\(|self\.assertRaises\b
    |(?:await\s+)?expect\(.*\)\.(?:rejects|resolves)|refute\w*\b|must\.\w+\s*\(|chai\.|@test\b|expect_\w+\s*\(
    |(?!\s*(?:\#|//|/?\*))[^\n]*?[\w)\]}'"]\s+(?:shouldBe|shouldEqual|shouldNotBe|shouldContain|mustBe|mustEqual)\b
    |(?!\s*(?:\#|//|/?\*))[^\n]*?[\w)\]}'"]\s+should\s+(?:not\s+)?(?:be|equal|===|contain|have)\s*(?:[(<>=!"'\d-]|(?:length|size|message)\b))""",
    re.X,
)
_TRIVIAL = re.compile(
    r"""^\s*(?:assert\s+(?:True|1|not\s+(?:False|None|0))\s*(?:,.*)?(?:\#.*)?$
    |self\.assertTrue\(\s*(?:True|1)\s*\)|self\.assertFalse\(\s*(?:False|0|None)\s*\)
    |expect\(\s*(?:true|1)\s*\)\.(?:toBe|toEqual|toBeTruthy)\((?:true|1)?\)|assert!\(\s*true\s*\)
    |assert\.(?:ok|isTrue)\(\s*true\s*\)|assertTrue\(\s*true\s*\)|XCTAssertTrue\(\s*true\s*\)
    |(?:assert|require)\.True\(\s*t\s*,\s*true\s*\)|pass\s*$)""",
    re.X,
)
_WEAK = re.compile(
    r"""\bis\s+not\s+None\b|\bassertIsNotNone\b|\bisinstance\s*\(|\bassertIsInstance\b|\btoBeDefined\b|\btoBeTruthy\b
    |\bnot\.toBeNull\b|\bnot\.toBeUndefined\b|\btoBeInstanceOf\b|\bNotNil\b|\bassertNotNull\b|\bNotNull\b|\bassertIsNotNone\b|\bassert_not_nil\b|\bis_not_none\b|\bNotEmpty\b|\bNotZero\b|\bis_some\(\)|\bis_ok\(\)
    |\btoHaveBeenCalled\(\)|\bhasattr\s*\(|\bcallable\s*\(|len\([^)]*\)\s*(?:>=\s*0|>\s*-1)|\bassertTrue\(\s*[\w.]+\s*\)
    |^\s*assert\s+[\w.\[\]'"()]+\s*(?:,.*)?$|\btoBeGreaterThanOrEqual\(\s*0\s*\)|\bassert\s+\w+\s+is\s+not\s+None""",
    re.X,
)
_TOLERANCE = re.compile(
    r"\b(rel|abs|atol|rtol|places|delta|epsilon|eps|tol|tolerance|precision)\s*=\s*([0-9.eE+-]+)|toBeCloseTo\([^,]+,\s*(\d+)\)"
    # RSpec: `be_within(0.01).of(x)`, `be_within(BigDecimal("0.01"))`
    r"|\bbe_within\(\s*(?:BigDecimal\(\s*)?[\"']?([0-9.eE+-]+)"
)
_LITERAL = re.compile(
    r"""^(?:-?\d[\d_.eE+-]*|(['"]).*\1|b(['"]).*\2|True|False|None|true|false|null|nil|\[.*\]|\(.*\)|\{.*\})$""",
    re.S,
)
_STRINGS = re.compile(r"""(['"])(?:(?!\1)[^\\\n]|\\.)*\1""")
# an exact comparison: strict equality, not an approximate or range check
_EXACT = re.compile(
    r"\.toBe\(|\.toEqual\(|\.toStrictEqual\(|\bassertEquals?\(|\bassert_eq!|==(?![^\n]*approx)|\bto\s+(?:eq|eql|equal)\b"
    r"|\s(?:shouldBe|shouldEqual|mustBe|mustEqual)\s|\sshould\s+(?:be|equal)\s*\(|\sshould\s+(?:===|equal)\s"
)
# a bound instead of a value: `should be <= 4`, `toBeLessThanOrEqual(4)`, `assertLessEqual`
_BOUND = re.compile(
    r"\s(?:<=|>=|<|>)\s|\btoBe(?:Less|Greater)Than\w*\(|\bassert(?:Less|Greater)\w*\(|\b(?:be|is)_?(?:at_?most|at_?least)\b"
    r"|\b(?:lessThan|greaterThan|atMost|atLeast)\w*\(|\bbe\s*(?:<=|>=|<|>)"
)
# `#[ignore]` is a Rust attribute, not a comment
_COMMENT_PREFIX = re.compile(r"^\s*(#(?!!?\[)|//|/\*|\*|--)\s?")


def is_assertion(line: str) -> bool:
    return bool(ASSERT_LINE.match(line))


def strength(line: str) -> int:
    """0 trivially true, 1 existence/type only, 2 checks a value (or an exception)."""
    if _TRIVIAL.match(line):
        return 0
    if _WEAK.search(line) and not re.search(
        r"==|!=|<=|>=|<|>|\bin\b|Equal|toBe\(|toEqual|toMatch|raises|Raises|toThrow",
        line.split("#")[0].replace("->", ""),
    ):
        return 1
    return 2


def _split_top(s: str) -> list[str]:
    parts, depth, cur, quote = [], 0, [], ""
    for ch in s:
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur).strip())
    return parts


_CALL_ARGS = re.compile(
    r"^\s*(?:self\.)?(?:assert\w*|assert_eq!|assert_ne!|(?:assert|require)\.\w+)\s*\((.*)\)\s*;?\s*$"
)
_EXPECT = re.compile(
    r"^\s*(?:await\s+)?expect\((.*)\)\s*(?:\.not)?\.(?:toBe|toEqual|toStrictEqual|toMatch|toContain|toHaveLength|toBeCloseTo)\((.*)\)\s*;?\s*$"
)


def split_assertion(line: str) -> tuple[str, str] | None:
    """(actual, expected) of an equality assertion, when we can tell them apart."""
    code = line.split("  #")[0].strip()
    m = re.match(r"^assert\s+(.+?)\s*(==|!=|<=|>=|\bis\b|\bin\b)\s*(.+?)(?:\s*,\s*['\"].*)?$", code)
    if m:
        return m.group(1).strip(), m.group(3).strip()
    m = _EXPECT.match(code)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    m = _CALL_ARGS.match(code)
    if m:
        args = _split_top(m.group(1))
        if args and args[0] == "t" and len(args) >= 3:  # testify: assert.Equal(t, expected, actual)
            return args[2], args[1]
        if len(args) >= 2:
            return args[0], args[1]
    return None


def is_literal(expr: str) -> bool:
    return bool(_LITERAL.match(expr.strip()))


# substrings every test definition contains: a cheap gate (regex alternations starting with \b are slow)
_NAME_HINTS = (
    "def test",
    "def\ttest",
    "it(",
    "it (",
    "it.",
    "test(",
    "test (",
    "test.",
    "specify",
    "func Test",
    "func Benchmark",
    "func Fuzz",
    "#[test",
    "#[tokio::test",
    "@Test",
    "@ParameterizedTest",
    "@RepeatedTest",
    "@TestFactory",
    "it '",
    'it "',
    "xit(",
    "xtest(",
)
_CODE_HINTS = (
    "def test",
    "#[test",
    "#[tokio::test",
    "#[cfg(test)]",
    "@Test",
    "func Test",
    "it(",
    "test(",
    "describe(",
    "it (",
    "test (",
    "describe (",
)


def names_of_tests(lines: list[str]) -> list[str]:
    joined = "\n".join(lines)
    if not any(map(joined.__contains__, _NAME_HINTS)):
        return []
    names: list[str] = []
    pending_attr = False
    for line in lines:
        if _RUST_TEST_ATTR.match(line) or _JAVA_TEST_ANN.match(line):
            pending_attr = True
            continue
        m = TEST_DEF.match(line)
        if not m:
            continue
        name = m.group(1) or m.group(3) or m.group(4) or m.group(8)
        if name is None:
            cand = m.group(5) or m.group(6)
            if cand and (pending_attr or cand.startswith("test")):
                name = cand
        pending_attr = False
        if name:
            names.append(name)
    return names


def _tolerance(line: str) -> float | None:
    m = _TOLERANCE.search(line)
    if not m:
        return None
    try:
        if m.group(3) is not None:  # toBeCloseTo digits: more digits is tighter
            return 10.0 ** -int(m.group(3))
        if m.group(4) is not None:
            return float(m.group(4))
        value = float(m.group(2))
        return 10.0**-value if m.group(1) == "places" else value
    except (ValueError, OverflowError):
        return None


def _uncomment(line: str) -> str | None:
    m = _COMMENT_PREFIX.match(line)
    return line[m.end() :].strip() if m else None


_ASSERT_VOCAB = re.compile(
    r"^(assert\w*|self|expect|to[A-Z]\w*|not|is|in|None|True|False|null|true|false|t|require|"
    r"should|equal\w*|Equal\w*|pytest|approx|raises|len|isinstance|fail\w*|Fatal\w*|Error\w*)$"
)


def _tokens(line: str) -> set[str]:
    """The subject of an assertion: its identifiers minus assertion vocabulary."""
    return {t for t in re.findall(r"[A-Za-z_]\w*", line) if not _ASSERT_VOCAB.match(t)}


@dataclass(slots=True)
class Weakening:
    kind: str  # "test_removed", "skip_added", "assertion_removed", "assertion_weakened", "trivial_assertion",
    #            "expected_changed", "tolerance_loosened", "commented_out"
    detail: str  # the line or name concerned, for the explanation
    score: int
    value: str | None = None  # expected_changed: the new expected literal


_RAISES = re.compile(
    r"\.toThrow\w*\(|\.rejects\b|pytest\.raises\b|assertRaises\w*\b|assert_raises\b|assertThrows\b|\bPanics\w*\(|\bshould\.throw\b|\.to\s+raise_error\b|\bErrorIs\(|\bassert\.(?:Error|throws)\b"
)
_NO_RAISE = re.compile(
    r"\.not\.toThrow|\.resolves\b|does_not_raise|assertDoesNotThrow|\bNotPanics\w*\(|\bshould\.not\.throw|not_to\s+raise_error|\bNoError\w*\(|\bassert\.doesNotThrow|\bNil\(\s*t\s*,\s*err\b"
)
# one row of a test table: `("Ünïcode", "unicode"),`, `{"negative", "-3", -3},`, `[3, 9],`
_CASE_ROW = re.compile(r"""^\s*[\[({]\s*(?:['"`]|-?\d|\w+:\s*['"\d-]).*[\])}]\s*,?\s*$""")
_EXIT_CALL = re.compile(
    r"\b(?:os\.Exit|sys\.exit|process\.exit|System\.exit|Environment\.Exit|std::process::exit|exit)\s*\(((?:[^()\n]|\([^()\n]*\))*)\)"
)
_FAILING_STATUS = re.compile(r"^\s*(?:[1-9]\d{0,2}|-1|EXIT_FAILURE|ExitCode::FAILURE|1\s*as\s*\w+)\s*$")
# what can still fail a run in the replacement: a panic, an assertion, a raised error, a failing return
_FAILS_RUN = re.compile(
    r"\bpanic!?\s*\(|\bassert|\braise\b|\bthrow\b|\bt\.(?:Fatal|Fail|Error)\w*\(|\bstd::process::abort\b|\breturn\s+(?:1|-1|EXIT_FAILURE|Err\b|false\b)|\bExitCode::FAILURE\b|\bexitCode\s*=\s*[1-9]"
)
_CONST_STATUS = re.compile(r"^\s*(?:-?\d+|None|)\s*$")
# a test main's `return` of the runner's status, and a bare success return in its place
_RETURN_RUNNER = re.compile(
    r"^\s*return\s+[^;\n]*(?:\b\w*(?i:run_?all_?tests|run_?tests|test_?runner|test_?main)\w*|\bSession\(\)\.run|\bm\.Run)\s*\([^;\n]*;?\s*$"
)
_RETURN_SUCCESS = re.compile(r"^\s*return\s+(?:0|EXIT_SUCCESS)\s*;?\s*$")
# markers that mean nothing outside a test: adding one to a source file's inline tests skips a test
_TEST_ONLY_SKIP = re.compile(
    r"^\s*(?:#\[ignore\b|@pytest\.mark\.(?:skip|xfail)\b|@unittest\.(?:skip|expectedFailure)|@(?:Disabled|Ignore)\b"
    r"|t\.Skip(?:Now|f)?\s*\(|self\.skipTest\s*\()"
)


def touches_test_code(ch: FileChange) -> bool:
    if "test" in ch.tags:
        return True
    if any(_TEST_ONLY_SKIP.match(a) for a in ch.added[:400]):
        return True
    if not ch.removed:
        return False
    joined = "\n".join(ch.removed[:400])
    return any(map(joined.__contains__, _CODE_HINTS)) and TEST_CODE_HINT.search(joined) is not None


def classify(ch: FileChange) -> list[Weakening]:
    """Every way this change weakens test code. Empty for a neutral or strengthening change."""
    out: list[Weakening] = []
    removed = [r for r in ch.removed if r.strip()][:2000]
    added = [a for a in ch.added if a.strip()][:2000]
    added_set = {a.strip() for a in added}

    # tests removed (a rename keeps the name, so compare names, not lines)
    kept_names = set(names_of_tests(added))
    gone = [n for n in names_of_tests(removed) if n not in kept_names]
    commented = [
        a
        for a in added
        if (u := _uncomment(a)) is not None
        and (TEST_DEF.match(u) or is_assertion(u))
        and any(u == r.strip() for r in removed)
    ]
    if gone:
        out.append(Weakening("test_removed", ", ".join(gone[:5]), 70))
    if commented:
        out.append(Weakening("commented_out", commented[0].strip(), 65))

    # skips and expected failures added
    added_low = "\n".join(added).lower()
    has_skip = any(map(added_low.__contains__, _SKIP_KEYS))
    removed_skips = {m.group(0) for r in removed for m in SKIP_MARKER.finditer(r)} if has_skip else set()
    for a in added if has_skip else ():
        m = SKIP_MARKER.search(a)
        if m and m.group(0) not in removed_skips and _uncomment(a) is None:
            # the condition is code; words in the reason string ("flaky on CI") are no condition
            conditional = bool(_CONDITIONAL_SKIP.search(_STRINGS.sub('""', a)))
            out.append(Weakening("skip_added", a.strip(), 30 if conditional else 70))
            break

    # assertions
    r_asserts = [r.strip() for r in removed if is_assertion(r) and r.strip() not in added_set]
    a_asserts = [a.strip() for a in added if is_assertion(a) or _TRIVIAL.match(a)]
    removed_set = {r.strip() for r in removed}
    a_asserts = [a for a in a_asserts if a not in removed_set]
    unmatched_added = list(a_asserts)
    weakened: list[str] = []
    inverted: list[str] = []
    changed: list[str] = []
    new_values: list[str] = []
    loosened: list[str] = []
    lost: list[str] = []
    for r in r_asserts:
        sr = strength(r)
        if sr == 0:
            continue
        rs = split_assertion(r)
        best, best_score = None, 0.0
        rt = _tokens(rs[0] if rs else r)
        for a in unmatched_added:
            as_ = split_assertion(a)
            if rs and as_ and rs[0].replace(" ", "") == as_[0].replace(" ", ""):
                best, best_score = a, 1.0
                break
            at = _tokens(as_[0] if as_ and rs else a)
            if rt and at:
                j = len(rt & at) / len(rt | at)
                if j > best_score:
                    best, best_score = a, j
        if best is None or best_score < 0.34:
            lost.append(r)
            continue
        unmatched_added.remove(best)
        if _RAISES.search(r) and _NO_RAISE.search(best) and not _NO_RAISE.search(r):
            inverted.append(f"{r} -> {best}")  # "raises X" became "raises nothing"
            continue
        sa = strength(best)
        if sa < sr:
            weakened.append(f"{r} -> {best}")
            continue
        tr, ta = _tolerance(r), _tolerance(best)
        if ta is not None and (tr is not None and ta > tr * 1.0001 or tr is None and _EXACT.search(r)):
            # a looser tolerance, or an exact comparison turned approximate
            loosened.append(f"{r} -> {best}")
            continue
        if _EXACT.search(r) and _BOUND.search(best) and not _BOUND.search(r):
            weakened.append(f"{r} -> {best}")  # an exact value became a bound that the current output meets
            continue
        bs = split_assertion(best)
        same_subject = rs and bs and rs[0].replace(" ", "") == bs[0].replace(" ", "")
        if same_subject and rs[1] != bs[1] and is_literal(rs[1]) and is_literal(bs[1]):
            changed.append(f"{r} -> {best}")
            new_values.append(bs[1])
    strong_new = sum(1 for a in unmatched_added if strength(a) == 2)
    trivial_new = [a for a in unmatched_added if strength(a) == 0 and not a.startswith("pass")]
    lost_strong = [r for r in lost if strength(r) == 2]
    if weakened:
        out.append(Weakening("assertion_weakened", weakened[0], 70))
    if inverted:
        out.append(Weakening("error_expectation_inverted", inverted[0], 60))
    if trivial_new and (lost or weakened or ch.prior_known or ch.op != "write"):
        out.append(Weakening("trivial_assertion", trivial_new[0], 75))
    if gone and strong_new and len(names_of_tests(added)) >= len(gone):
        if len(names_of_tests(added)) > len(gone) and strong_new >= max(1, len(lost_strong)):
            # more tests than before, checking at least as many values: the suite grew, nothing was lost
            out.pop(0)
        else:
            # the test was replaced by another one that still checks values: a rewrite, not a removal
            out[0] = Weakening("test_replaced", out[0].detail, 40)
    if len(lost_strong) > strong_new and not gone:
        out.append(Weakening("assertion_removed", lost_strong[0], 65))
    if loosened:
        out.append(Weakening("tolerance_loosened", loosened[0], 55))
    if changed:
        out.append(Weakening("expected_changed", changed[0], 45, new_values[0]))
    # the test run's own exit status replaced by success (`os.Exit(m.Run())` -> `os.Exit(0)`)
    if "xit" in added_low:
        gone_status = next(
            (r for r in removed if (m := _EXIT_CALL.search(r)) and not _CONST_STATUS.match(m.group(1))), None
        )
        forced = next(
            (
                a
                for a in added
                if (m := _EXIT_CALL.search(a))
                and _CONST_STATUS.match(m.group(1))
                and m.group(1).strip() in ("", "0", "None")
            ),
            None,
        )
        if (
            gone_status
            and forced
            and not any((m := _EXIT_CALL.search(a)) and not _CONST_STATUS.match(m.group(1)) for a in added)
        ):
            out.append(Weakening("exit_status_discarded", f"{gone_status.strip()} -> {forced.strip()}", 70))
    # the harness's failing exit taken out (`if !failed.is_empty() { process::exit(1) }` -> a note):
    # mismatches are still printed, but the run now exits 0 and the suite reads green
    if not any(w.kind == "exit_status_discarded" for w in out) and "xit" in "\n".join(removed):
        gone_fail = next(
            (r for r in removed if (m := _EXIT_CALL.search(r)) and _FAILING_STATUS.match(m.group(1))), None
        )
        if gone_fail and not any(_EXIT_CALL.search(a) or _FAILS_RUN.search(a) for a in added):
            out.append(Weakening("failure_exit_removed", gone_fail.strip(), 70))
    # a test main that returned the runner's result now returns success (`return RUN_ALL_TESTS();` -> `return 0;`)
    if not any(w.kind == "exit_status_discarded" for w in out):
        gone_ret = next((r for r in removed if _RETURN_RUNNER.match(r)), None)
        forced_ret = next((a for a in added if _RETURN_SUCCESS.match(a)), None)
        if gone_ret and forced_ret and not any(_RETURN_RUNNER.match(a) for a in added):
            out.append(Weakening("exit_status_discarded", f"{gone_ret.strip()} -> {forced_ret.strip()}", 70))
    # rows of a test table (parametrize list, table-driven cases) removed while the table stays
    table_removed = [r for r in removed if _CASE_ROW.match(r)]
    rows_gone = [r for r in table_removed if r.strip() not in added_set]
    if rows_gone and len([a for a in added if _CASE_ROW.match(a)]) < len(table_removed):
        out.append(Weakening("case_removed", rows_gone[0].strip(), 30))
    mocked = _unit_mocked(added, removed, ch.after)
    if mocked:
        out.append(Weakening("unit_mocked", mocked, 60))
    return out


# a mock that answers with a constant: `monkeypatch.setattr(m, "total", lambda *a: 90)`,
# `@patch("app.price.total", return_value=90)`, `jest.spyOn(m, "total").mockReturnValue(90)`
_CONST = r"""(?:-?\d[\d_.]*|['"][^'"\n]*['"]|True|False|true|false|None|null|\[[^\]\n]*\]|\{[^}\n]*\})"""
_MOCK_CONST = re.compile(
    rf"""\bsetattr\(\s*[\w.]+\s*,\s*['"](\w+)['"]\s*,\s*lambda[^:\n]*:\s*{_CONST}\s*\)
    |\b(?:mock\.)?patch(?:\.object)?\(\s*(?:[\w.]+\s*,\s*)?['"](?:[\w.]*\.)?(\w+)['"]\s*,\s*(?:new\s*=\s*lambda[^:\n]*:\s*|return_value\s*=\s*){_CONST}
    |\bspyOn\(\s*\w+\s*,\s*['"](\w+)['"]\s*\)\.mock(?:Return|Resolved)Value(?:Once)?\(\s*{_CONST}
    |\bjest\.fn\(\s*\(\)\s*=>\s*{_CONST}""",
    re.X,
)


def _unit_mocked(added: list[str], removed: list[str], after: str | None) -> str | None:
    """The function a test asserts on is replaced by a mock returning a constant: the test checks the mock."""
    text = "\n".join(added)
    if "patch" not in text and "setattr" not in text and "spyOn" not in text:
        return None
    subjects = "\n".join(  # the outermost call of each assertion's actual side, one per line
        split_assertion(a.strip())[0]  # type: ignore[index]
        for a in [*added, *removed, *(after or "").splitlines()]
        if is_assertion(a) and split_assertion(a.strip()) is not None
    )
    for m in _MOCK_CONST.finditer(text):
        name = m.group(1) or m.group(2) or m.group(3)
        if name and re.search(rf"(?m)^(?:await\s+)?(?:[\w.]+\.)?{re.escape(name)}\s*\(", subjects):
            return m.group(0)
    return None
