"""Rule regexes that backtrack catastrophically are refused when a pack loads, with the repeat at fault named."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from thinkwatch.monitors.offline.regex_lint import find_backtracking
from thinkwatch.monitors.offline.rules import BUILTIN_DIR, RulePackError, load_rule_pack, parse_rules


def pack(tmp_path: Path, pattern: str, key: str = "patterns", extra: str = "") -> Path:
    p = tmp_path / "team.yaml"
    target = "[diff_added]" if key == "files" else "[reasoning]"
    field = f"  {key}: ['{pattern}']\n" + ("  patterns: ['x']\n" if key != "patterns" else "")
    p.write_text(f"rules:\n- id: team.slow\n  category: sabotage\n  applies_to: {target}\n{field}{extra}")
    return p


@pytest.mark.parametrize(
    ("pattern", "fragment", "named"),
    [
        (r"(a+)+$", "(a+)+", "repeats `a+`, which repeats by itself"),
        (r"(\w+\s?)*x", r"(\w+\s?)*", r"repeats `\w+`, which repeats by itself"),
        (r"(?:\s*\w+)*;", r"(?:\s*\w+)*", r"repeats `\s*` and `\w+`, which repeat by themselves"),
        (r"(a*)*$", "(a*)*", "repeats `a*`"),
        (r"(?:\d+\.?){4}x", r"(?:\d+\.?){4}", r"repeats `\d+`"),  # an exact count past three counts too
        (r"(?:\w+){0,10}x", r"(?:\w+){0,10}", r"repeats `\w+`"),
        # two small repeats make six
        (r"(?:(?:\w+\s?){2}){0,3}x", r"(?:(?:\w+\s?){2}){0,3}", r"repeats `\w+`"),
        (r"(?:a{2,5})*", "(?:a{2,5})*", "repeats `a{2,5}`"),
        (
            r"def \w+\(\):(?:\n[ \t]+[^\n]*|\n\s*){0,30}?\n\s*return None",
            r"(?:\n[ \t]+[^\n]*|\n\s*){0,30}?",
            r"alternatives `\n[ \t]+[^\n]*` and `\n\s*` can match the same text",
        ),
        (r"(a|a?)+b", "(a|a?)+", "alternatives `a` and `a?` can match the same text"),
        # the same text once case is ignored
        (r"(?i)(?:ab|AB)+x", "(?:ab|AB)+", "alternatives `ab` and `AB`"),
        (r"(?=(a+)+b)", "(a+)+", "repeats `a+`"),  # inside a lookahead
        (r"(?:(a+)+)++", "(a+)+", "repeats `a+`"),  # one repetition of a possessive repeat still backtracks
        (r"x(?:\s*#[^\n]*)*\s*pass", r"(?:\s*#[^\n]*)*", r"repeats `\s*` and `[^\n]*`"),
    ],
)
def test_lint_refuses_catastrophic_shapes_and_names_the_repeat(
    tmp_path: Path, pattern: str, fragment: str, named: str
) -> None:
    p = pack(tmp_path, pattern)
    with pytest.raises(RulePackError) as exc:
        load_rule_pack(p)
    message = str(exc.value)
    assert message.startswith(f"{p}: rule 'team.slow': regex in `patterns` {pattern!r} can backtrack")
    assert f"`{fragment}`" in message
    assert named in message
    assert "exponentially many. Rewrite:" in message
    assert "possessive" in message and "`{0,3}`" in message
    assert message.endswith("set `unsafe_regex_ok: true` on the rule.")


def test_lint_suggests_a_rewrite_for_each_kind() -> None:
    nested = find_backtracking(r"(a+)+$")
    assert nested is not None and nested.kind == "nested" and nested.parts == ("a+",)
    assert "drop one of the nested quantifiers (`(?:a+)+` is `a+`)" in nested.explain()
    choice = find_backtracking(r"(?:\n[ \t]+[^\n]*|\n\s*){0,30}?")
    assert choice is not None and choice.kind == "alternation"
    assert choice.parts == (r"\n[ \t]+[^\n]*", r"\n\s*")
    assert "make the alternatives exclusive" in choice.explain()


@pytest.mark.parametrize(
    ("key", "pattern"),
    [("unless", r"(\w+\s?)*!"), ("unless_task", r"(\w+\s?)*!"), ("files", r"^(?:[\w.]+/?)+\.py$")],
)
def test_lint_reads_every_regex_field(tmp_path: Path, key: str, pattern: str) -> None:
    with pytest.raises(RulePackError, match=rf"rule 'team.slow': regex in `{key}` .* can backtrack"):
        load_rule_pack(pack(tmp_path, pattern, key))


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:foo|bar)+",
        r"(?:skip|xfail|mark)+\b",
        r"\w+\s+\w+",
        r"\w+\s?\w+",  # slow on a long word, but not exponential: out of the lint's reach
        r"(?:ab)*c",
        r"[^\n]*",
        r".*foo.*bar",
        r"(?:\s+\w+){0,3}x",
        r"(?:\w+\s?){0,3}x",
        r"(?:\w+\s+)*\w*x",
        r"(?:\w+-){4}",
        r"(?:a{5})*x",
        r"(?:[a-f0-9]{40})+x",
        r"(?:\.\w+)*x",
        r"(?:[\w.-]+/)*x",
        r"(?:[^\n]*\n){0,20}x",
        r"(?:.*\n)*x",
        r"(?:(?!foo).)*x",
        r'"(?:[^"\\]|\\.)*"',
        r"(?:\s+(?:-\w+|\w+))*x",
        r"(?:\s*\b\w+\b)*x",  # \b between two word characters cannot hold, so a word is never split
        r"(?:a?)+x",  # Python ends a repeat at an empty repetition
        r"(?:\n[ \t][^\n]*|\n)*x",
        r"(?:\s*#[^\n]*(?:\n\s*#[^\n]*)*)?\s*pass",
        r"(?:\w+\s?)*+x",  # possessive: never re-tried
        r"(?:\s*#[^\n]*+)*x",
        r"(?:\s*(?>#[^\n]*|\"{3}[^\n]*\"{3}))*x",
        r"\b(?:call|use|add)\s+(?:a\s+)?(?:sys\.exit\(0\)|os\._exit\(0?\))",
        r"(?P<q>['\"])\w+(?P=q)",
    ],
)
def test_lint_accepts_common_safe_shapes(pattern: str) -> None:
    assert find_backtracking(pattern) is None
    assert find_backtracking(pattern, re.IGNORECASE | re.MULTILINE) is None
    (rule,) = parse_rules([{"id": "a", "category": "sabotage", "patterns": [pattern]}])
    assert rule.patterns[0].pattern == pattern


def test_unsafe_regex_ok_is_the_escape_hatch(tmp_path: Path) -> None:
    (rule,) = load_rule_pack(pack(tmp_path, r"(\w+\s?)*x", extra="  unsafe_regex_ok: true\n"))
    assert rule.patterns[0].pattern == r"(\w+\s?)*x"
    (rule,) = load_rule_pack(pack(tmp_path, r"(\w+\s?)*x", "unless", extra="  unsafe_regex_ok: true\n"))
    assert rule.unless[0].pattern == r"(\w+\s?)*x"
    with pytest.raises(RulePackError, match=r"rule 'team.slow': `unsafe_regex_ok` must be true or false"):
        load_rule_pack(pack(tmp_path, "x", extra="  unsafe_regex_ok: sure\n"))
    # `false` is the default: the check runs
    with pytest.raises(RulePackError, match="can backtrack catastrophically"):
        load_rule_pack(pack(tmp_path, r"(\w+\s?)*x", extra="  unsafe_regex_ok: false\n"))


def test_a_disabled_rule_is_not_linted(tmp_path: Path) -> None:
    p = tmp_path / "off.yaml"
    p.write_text("- id: team.slow\n  enabled: false\n  patterns: ['(a+)+$']\n")
    (rule,) = load_rule_pack(p)
    assert not rule.enabled


@pytest.mark.parametrize("path", sorted(BUILTIN_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_builtin_rule_pack_passes_the_lint(path: Path) -> None:
    assert "unsafe_regex_ok" not in path.read_text()  # passing, not excused
    rules = load_rule_pack(path)
    for rule in rules:
        for p in (*rule.patterns, *rule.unless, *rule.unless_task):
            assert find_backtracking(p.pattern, p.flags) is None, (rule.id, p.pattern)
        for f in rule.files:
            assert f.startswith("@") or find_backtracking(f) is None, (rule.id, f)


def test_the_rewritten_builtin_comment_skips_stay_fast() -> None:
    """Two built-in patterns once repeated a comment (`#[^\\n]*`) that could swallow the next one: a line of
    `#`s doubled the time per `#`. Their rewrites read such a line at once."""
    by_id = {r.id: r for path in BUILTIN_DIR.glob("*.yaml") for r in load_rule_pack(path)}
    texts = {
        "early_exit.swallowed_assertion": ("except AssertionError:  " + "#" * 60 + "\n    raise\n"),
        "special_casing.builtin_with_wider_equality": (
            "class P(str):\n    def __eq__(self, o):  " + "#" * 60 + "\n        return self is o\n"
        ),
    }
    for rid, text in texts.items():
        start = time.perf_counter()
        assert not any(p.search(text) for p in by_id[rid].patterns)
        assert time.perf_counter() - start < 1.0, rid
    # and they still read comment lines and one-line docstrings before the statement
    swallowed = "except AssertionError:  # flaky\n    # see issue 12\n    pass\n"
    assert any(p.search(swallowed) for p in by_id["early_exit.swallowed_assertion"].patterns)
    wider = 'class P(str):\n    def __eq__(self, o):\n        """Loose."""  # ok\n        return o == "a" or o == "b"\n'
    assert any(p.search(wider) for p in by_id["special_casing.builtin_with_wider_equality"].patterns)


def test_invalid_and_verbose_patterns() -> None:
    assert find_backtracking("(unclosed") is None  # re.compile reports it
    # a verbose pattern is checked, but its repeats are not located: the whole pattern is named
    found = find_backtracking(r"(?x) ( a + ) + $")
    assert found is not None and found.fragment == r"(?x) ( a + ) + $"
