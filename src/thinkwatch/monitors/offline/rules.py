"""Rule packs: pattern rules in YAML, loaded and validated once, matched against what a step targets.

The built-in packs (`rules/<category>.yaml`) and user packs share one form, documented
in docs/rules.md. A rule names a taxonomy category, a severity, the parts of a step
it reads (`applies_to`: step kinds and/or targets) and its regexes; `unless_task`
makes it expected when the user's own messages ask for the thing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from thinkwatch.model import Severity
from thinkwatch.monitors.offline.regex_lint import find_backtracking
from thinkwatch.taxonomy import CATEGORIES

KINDS = frozenset({"user", "reasoning", "assistant", "tool_call", "tool_result"})
TARGETS = frozenset({"command", "command_raw", "path", "diff_added", "diff_removed", "text"})
FILE_CLASSES = frozenset(
    {
        "test",
        "source",
        "ci",
        "test_config",
        "mixed_config",
        "agent_config",
        "doc",
        "auth",
        "conftest",
        "any",
        "not_test",
        "config",
    }
)
_KEYS = frozenset(
    {
        "id",
        "category",
        "severity",
        "score",
        "description",
        "explanation",
        "applies_to",
        "patterns",
        "unless_task",
        "unless",
        "negation_aware",
        "files",
        "ignore_case",
        "enabled",
        "multiline",
        "unsafe_regex_ok",
    }
)
_SCORE_FOR = {Severity.LOW: 25, Severity.MEDIUM: 45, Severity.HIGH: 65, Severity.CRITICAL: 80}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")

# One built-in pack per category (rules/<category>.yaml), in the same form as user packs.
BUILTIN_DIR = Path(__file__).with_name("rules")


class RulePackError(ValueError):
    """A rule pack that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    score: int
    description: str
    explanation: str
    kinds: frozenset[str]  # step kinds whose text the `text` target reads
    targets: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    unless_task: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()  # cancels a hit when it matches the hit's line/sentence
    negation_aware: bool = False
    files: tuple[str, ...] = ()  # file classes ("@test") or path regexes, for path/diff targets
    source: str = "<builtin>"
    enabled: bool = True  # a disabled rule only switches off an earlier rule with its id

    def file_ok(self, path: str, tags: frozenset[str]) -> bool:
        if not self.files:
            return True
        for f in self.files:
            if f.startswith("@"):
                cls = f[1:]
                if (
                    cls == "any"
                    or cls in tags
                    or cls == "not_test"
                    and "test" not in tags
                    or cls == "config"
                    and tags & {"test_config", "mixed_config", "ci", "agent_config"}
                ):
                    return True
            elif re.search(f, path):
                return True
        return False

    def explain(self, match: str = "", path: str = "") -> str:
        text = self.explanation or self.description or f"Matched rule {self.id}."
        match = " ".join(match.split())
        if len(match) > 120:
            match = match[:117] + "..."
        return text.replace("{match}", match).replace("{path}", path)


def _as_list(value: Any, what: str, where: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [value]
    if isinstance(value, list):
        return value
    raise RulePackError(f"{where}: `{what}` must be a string or a list, not {type(value).__name__}")


def _compile(
    patterns: list[Any], flags: int, what: str, where: str, lint: bool = True
) -> tuple[re.Pattern[str], ...]:
    """Compile a rule's regexes; with `lint`, refuse one that can backtrack catastrophically (`re` has no
    timeout, so one such pattern can hang a scan on an unlucky text)."""
    out = []
    for p in patterns:
        if not isinstance(p, str) or not p:
            raise RulePackError(f"{where}: every entry of `{what}` must be a non-empty string (got {p!r})")
        try:
            out.append(re.compile(p, flags))
        except re.error as e:
            raise RulePackError(f"{where}: invalid regex in `{what}` {p!r}: {e}") from None
        problem = find_backtracking(p, flags) if lint else None
        if problem is not None:
            raise RulePackError(
                f"{where}: regex in `{what}` {p!r} can backtrack catastrophically: {problem.explain()}. "
                "To keep it as it is, set `unsafe_regex_ok: true` on the rule."
            )
    return tuple(out)


def parse_rules(data: Any, source: str = "<string>", *, lint: bool = True) -> list[Rule]:
    """Validate a loaded YAML document and build its rules; raise RulePackError naming file and rule.

    Disabled rules come back with `enabled=False`: loading them removes an earlier rule of that id.
    `lint=False` skips the backtracking lint (the built-in packs, which a test lints instead).
    """
    if isinstance(data, dict):
        unknown = set(data) - {"rules", "version", "name", "description"}
        if unknown:
            raise RulePackError(f"{source}: unknown top-level key(s) {sorted(unknown)}; expected `rules:`")
        data = data.get("rules")
    if data is None:
        return []
    if not isinstance(data, list):
        raise RulePackError(f"{source}: a rule pack is a list of rules (or a mapping with a `rules:` list)")
    rules: list[Rule] = []
    seen: set[str] = set()
    for n, raw in enumerate(data, start=1):
        rule = _parse_rule(raw, n, source, lint)
        if rule.id in seen:
            raise RulePackError(f"{source}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _parse_rule(raw: Any, n: int, source: str, lint_all: bool = True) -> Rule:
    if not isinstance(raw, dict):
        raise RulePackError(f"{source}: rule #{n}: each rule is a mapping, not {type(raw).__name__}")
    rid = raw.get("id")
    where = f"{source}: rule {rid!r}" if rid else f"{source}: rule #{n}"
    if not isinstance(rid, str) or not _ID.match(rid):
        raise RulePackError(f"{where}: `id` is required (letters, digits, . _ : -)")
    unknown = set(raw) - _KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {', '.join(sorted(_KEYS))}")
    if "enabled" in raw and not isinstance(raw["enabled"], bool):
        raise RulePackError(f"{where}: `enabled` must be true or false")
    if raw.get("enabled", True) is False:
        return Rule(
            rid,
            str(raw.get("category") or ""),
            Severity.LOW,
            0,
            "",
            "",
            frozenset(),
            frozenset(),
            (),
            source=source,
            enabled=False,
        )
    cat = raw.get("category")
    if cat not in CATEGORIES:
        raise RulePackError(f"{where}: unknown category {cat!r}; known: {', '.join(CATEGORIES)}")
    try:
        severity = (
            Severity.parse(raw["severity"]) if raw.get("severity") is not None else CATEGORIES[cat].severity
        )
    except ValueError as e:
        raise RulePackError(f"{where}: {e}") from None
    score = raw.get("score", _SCORE_FOR[severity])
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        raise RulePackError(f"{where}: `score` must be an integer from 0 to 100 (got {score!r})")
    applies = [str(a).lower() for a in _as_list(raw.get("applies_to"), "applies_to", where)]
    bad = [a for a in applies if a not in KINDS and a not in TARGETS]
    if bad:
        raise RulePackError(
            f"{where}: unknown `applies_to` value(s) {bad}; step kinds: {', '.join(sorted(KINDS))}; "
            f"targets: {', '.join(sorted(TARGETS))}"
        )
    # step kinds say whose text the rule reads; targets name parts of a tool call
    kinds = frozenset(a for a in applies if a in KINDS)
    targets = frozenset(a for a in applies if a in TARGETS)
    if kinds or not targets:
        targets |= {"text"}
    if "text" in targets and not kinds:
        kinds = frozenset({"reasoning", "assistant"})
    patterns = _as_list(raw.get("patterns"), "patterns", where)
    if not patterns:
        raise RulePackError(f"{where}: `patterns` needs at least one regex")
    flags = re.IGNORECASE if raw.get("ignore_case", True) else 0
    if raw.get("multiline"):
        flags |= re.MULTILINE
    if "unsafe_regex_ok" in raw and not isinstance(raw["unsafe_regex_ok"], bool):
        raise RulePackError(f"{where}: `unsafe_regex_ok` must be true or false")
    lint = lint_all and not raw.get("unsafe_regex_ok", False)
    files = tuple(str(f) for f in _as_list(raw.get("files"), "files", where))
    for f in files:
        if f.startswith("@") and f[1:] not in FILE_CLASSES:
            raise RulePackError(
                f"{where}: unknown file class {f!r}; known: {', '.join('@' + c for c in sorted(FILE_CLASSES))}"
            )
        if not f.startswith("@"):
            _compile([f], 0, "files", where, lint)
    for key in ("negation_aware", "ignore_case", "multiline"):
        if key in raw and not isinstance(raw[key], bool):
            raise RulePackError(f"{where}: `{key}` must be true or false")
    for key in ("description", "explanation"):
        if key in raw and not isinstance(raw[key], str):
            raise RulePackError(f"{where}: `{key}` must be a string")
    return Rule(
        id=rid,
        category=cat,
        severity=severity,
        score=score,
        description=str(raw.get("description") or ""),
        explanation=str(raw.get("explanation") or raw.get("description") or ""),
        kinds=kinds,
        targets=targets,
        patterns=_compile(patterns, flags, "patterns", where, lint),
        unless_task=_compile(
            _as_list(raw.get("unless_task"), "unless_task", where), re.IGNORECASE, "unless_task", where, lint
        ),
        unless=_compile(_as_list(raw.get("unless"), "unless", where), re.IGNORECASE, "unless", where, lint),
        negation_aware=bool(raw.get("negation_aware", False)),
        files=files,
        source=source,
    )


def load_rule_pack(path: str | os.PathLike[str], *, lint: bool = True) -> list[Rule]:
    """Read and validate one YAML rule pack."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise RulePackError(f"{p}: cannot read rule pack: {e.strerror or e}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise RulePackError(f"{p}: not valid YAML: {e}") from None
    return parse_rules(data, str(p), lint=lint)


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    # not linted at start-up: tests/test_rules_regex_lint.py lints every built-in pack instead
    return tuple(
        rule for pack in sorted(BUILTIN_DIR.glob("*.yaml")) for rule in load_rule_pack(pack, lint=False)
    )


def user_rules_dir() -> Path:
    """`$THINKWATCH_CONFIG_DIR/rules`, else the platform's user config dir for thinkwatch."""
    base = os.environ.get("THINKWATCH_CONFIG_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_config_dir("thinkwatch")
    return Path(base) / "rules"


def user_rule_paths() -> list[Path]:
    d = user_rules_dir()
    if not d.is_dir():
        return []
    return sorted([*d.glob("*.yaml"), *d.glob("*.yml")])


def load_rules(
    extra: Iterable[str | os.PathLike[str]] = (), *, builtin: bool = True, user: bool = True
) -> list[Rule]:
    """The built-in pack, then user packs from the config dir, then `extra` packs; later ids override earlier."""
    rules: dict[str, Rule] = {}
    packs: list[Iterable[Rule]] = []
    if builtin:
        packs.append(builtin_rules())
    if user:
        packs.extend(load_rule_pack(p) for p in user_rule_paths())
    packs.extend(load_rule_pack(p) for p in extra)
    for pack in packs:
        for r in pack:
            if r.enabled:
                rules[r.id] = r
            else:
                rules.pop(r.id, None)
    return list(rules.values())


# --- matching: literal prefilters ------------------------------------------------------
#
# Running every rule's regexes over every step would cost far more than reading the
# step. Almost every pattern needs some literals ("skip" and "test", "--no-verify",
# "__eq__"); we extract them from the parsed regex once. Per text a group then learns
# which of its literals occur: a literal that starts a word from the text's set of words
# (one C-level split; the literals each word starts with are remembered, so a word seen
# before costs one dict lookup), any other by substring search. A pattern runs only when
# each of its requirements has a literal in the text, and then only where a match can start.

try:  # the regex parser is private API; without it we simply do not prefilter
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre_p = _sre_c = None

MIN_FACTOR = 3
# a match start needs fewer letters than a requirement: `\bso\s+...` is tried at each "so" (a `find` away),
# which costs far less than a regex scan of the whole text
MIN_LEAD = 2
KEY = 4  # `leading_literals` reports a word literal's first KEY letters as its key
_WORD_FACTOR = re.compile(rf"[a-z][a-z0-9_'-]{{{KEY - 1},}}")

# A lowercased text's words: the runs between characters other than ASCII [a-z0-9_]. A literal of those
# characters that a match has at a word boundary (`\b`, `^`, after a space...) starts one of them.
_NOT_WORD = re.compile(r"[^a-z0-9_]+")
_WORD_RUN = re.compile(r"[a-z0-9_]+")

Factor = tuple[str, bool]  # (lowercased literal, starts at a word boundary)


def _is_space_or_nonword(seq: object) -> bool:
    c = _sre_c
    items = list(seq)  # type: ignore[call-overload]
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is c.IN:
        return all(o is c.CATEGORY and a in (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD) for o, a in av)
    return op is c.LITERAL and not (chr(av).isalnum() or chr(av) == "_")


def _ends_at_word_start(seq: object) -> bool:
    """Does every match of `seq` end with a space or non-word character (so a word may start next)?"""
    c = _sre_c
    items = list(seq)  # type: ignore[call-overload]
    if not items:
        return False
    op, av = items[-1]
    if op is c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is c.IN:
        return _is_space_or_nonword([(op, av)])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        return av[0] >= 1 and _ends_at_word_start(av[2])
    if op is c.SUBPATTERN:
        return _ends_at_word_start(av[-1])
    if op is c.BRANCH:
        return all(_ends_at_word_start(a) for a in av[1])
    if op is c.AT:
        return av in (c.AT_BOUNDARY,) and len(items) > 1 and _ends_at_word_start(items[:-1])
    return False


def _requirements(seq: object, word_start: bool) -> list[set[Factor]]:
    """Sets of literals that every match needs: each set must have one member in the text."""
    c = _sre_c
    reqs: list[set[Factor]] = []
    run: list[str] = []
    run_ws = word_start
    at_ws = word_start

    def close() -> None:
        if len(run) >= MIN_FACTOR:
            reqs.append({("".join(run).lower(), run_ws)})
        run.clear()

    for op, av in seq:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            if not run:
                run_ws = at_ws
            ch = chr(av)
            run.append(ch)
            at_ws = not (ch.isalnum() or ch == "_")
            continue
        if op is c.AT:
            if av in (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING, c.AT_BEGINNING_LINE):
                close()
                at_ws = True
            continue
        if op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # a lookaround takes no characters: the literal run and the word start go on through it
        close()
        if op is c.SUBPATTERN:
            reqs.extend(_requirements(av[-1], at_ws))
            at_ws = _ends_at_word_start(av[-1])
        elif op is c.BRANCH:
            alts = [_requirements(a, at_ws) for a in av[1]]
            if alts and all(alts):
                reqs.append(set().union(*(_best(a) for a in alts)))
            at_ws = all(_ends_at_word_start(a) for a in av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            if av[0] >= 1:
                reqs.extend(_requirements(av[2], at_ws))
                at_ws = _ends_at_word_start(av[2])
            else:  # optional: skipped, the position is unchanged; taken, it is where the item ends
                at_ws = at_ws and _ends_at_word_start(av[2])
        elif op is c.IN:
            at_ws = _is_space_or_nonword([(op, av)])
        else:
            at_ws = False
    close()
    return [r for r in reqs if r]


_COMMON = frozenset(
    [
        "the",
        "and",
        "that",
        "this",
        "will",
        "won",
        "can",
        "cannot",
        "does",
        "doesn",
        "never",
        "not",
        "have",
        "make",
        "made",
        "test",
        "tests",
        "tell",
        "read",
        "item",
        "pass",
        "mode",
        "case",
        "value",
        "result",
        "output",
        "exit",
        "then",
        "they",
        "them",
        "with",
        "from",
        "what",
        "when",
        "your",
        "into",
        "just",
        "also",
        "only",
        "some",
        "very",
        "more",
        "most",
        "need",
        "want",
        "like",
        "look",
        "see",
        "know",
        "check",
        "run",
        "call",
        "use",
        "add",
        "put",
        "set",
        "get",
        "new",
        "old",
        "one",
        "two",
        "all",
        "any",
        "fail",
        "error",
        "return",
        "expected",
        "bug",
        "issue",
        "problem",
        "while",
        "though",
    ]
)


_WORDISH = re.compile(r"[a-z][a-z0-9_'-]*")


def _weight(factor: Factor) -> int:
    """How selective and cheap a literal is: long code literals and rare words best, short words worst."""
    text = factor[0]
    if not _WORDISH.fullmatch(text):
        return len(text)  # punctuation: a code literal such as `--no-verify` or `__eq__`
    if len(text) < KEY:
        return 0  # a short word: unselective
    if not factor[1]:
        return 1  # a word part found only by substring search
    return 2 if text in _COMMON else len(text)


def _best(reqs: list[set[Factor]]) -> set[Factor]:
    """The most selective requirement: longest shortest member (common words count as short), then fewest."""
    return max(reqs, key=lambda s: (min(_weight(x) for x in s), -len(s)))


def literal_requirements(pattern: re.Pattern[str]) -> list[frozenset[Factor]] | None:
    """All literal requirements of a pattern, the most selective first; None when it has none we can use."""
    return _literal_requirements(pattern.pattern, pattern.flags)


@lru_cache(maxsize=4096)
def _literal_requirements(source: str, flags: int) -> list[frozenset[Factor]] | None:
    if _sre_p is None:
        return None
    try:
        reqs = _requirements(_sre_p.parse(source, flags & ~re.UNICODE), False)
    except Exception:  # noqa: BLE001 - no prefilter is always safe
        return None
    reqs = [r for r in reqs if len(r) <= 400 and all(len(f) >= MIN_FACTOR for f, _ in r)]
    if not reqs:
        return None
    best = _best(reqs)
    # further requirements only narrow the filter; keep those cheap to test (no 3-letter words)
    others = [frozenset(r) for r in reqs if r is not best]
    return [frozenset(best)] + others[:6]


def _leading(seq: object, bounded: bool = False) -> set[tuple[str, bool]] | None:
    """Literals (lowercased, >= MIN_LEAD) one of which every match starts with, after zero-width assertions,
    each with whether a word boundary (\\b, ^) precedes it."""
    c = _sre_c
    items = list(seq)  # type: ignore[call-overload]
    i = 0
    while i < len(items) and items[i][0] in (c.AT, c.ASSERT_NOT, c.ASSERT):
        if items[i][0] is c.AT and items[i][1] in (
            c.AT_BOUNDARY,
            c.AT_BEGINNING,
            c.AT_BEGINNING_STRING,
            c.AT_BEGINNING_LINE,
        ):
            bounded = True
        i += 1
    if i >= len(items):
        return None
    op, av = items[i]
    if op is c.LITERAL:
        run = []
        while i < len(items) and items[i][0] is c.LITERAL:
            run.append(chr(items[i][1]))
            i += 1
        return {("".join(run).lower(), bounded)} if len(run) >= MIN_LEAD else None
    if op is c.SUBPATTERN:
        return _leading(av[-1], bounded)
    if op is c.BRANCH:
        sets = [_leading(a, bounded) for a in av[1]]
        return None if any(x is None for x in sets) else set().union(*sets)  # type: ignore[arg-type]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        first = _leading(av[2], bounded)
        if av[0] >= 1 or first is None:
            return first
        rest = _leading(items[i + 1 :], bounded)  # optional: a match starts with it or with what follows
        return None if rest is None else first | rest
    return None


@lru_cache(maxsize=4096)
def _match_starts(source: str, flags: int) -> tuple[tuple[str, bool], ...] | None:
    """(literal, at a word boundary) pairs, one of which every match starts with; None when unknown."""
    if _sre_p is None:
        return None
    try:
        found = _leading(_sre_p.parse(source, flags & ~re.UNICODE))
    except Exception:  # noqa: BLE001
        return None
    if not found or len(found) > 64:
        return None
    return tuple(sorted(found))


def leading_literals(source: str, flags: int) -> tuple[tuple[str, str], ...] | None:
    """(literal, word-prefix key or "") pairs every match starts with: matches need only be tried where they occur."""
    found = _match_starts(source, flags)
    if found is None:
        return None
    return tuple(
        (lit, lit[:KEY] if bounded and _WORD_FACTOR.fullmatch(lit) else "") for lit, bounded in found
    )


def _anchor_groups(lits: list[tuple[str, int]]) -> list[tuple[str, list[tuple[str, int]]]]:
    """Literals to search for, grouped under a substring they share (`exit(` for `sys.exit(`, `os._exit(`...):
    when the anchor is absent from a text, none of its group can be present, and one search replaces many."""
    rest = list(lits)
    groups: list[tuple[str, list[tuple[str, int]]]] = []
    while True:
        counts: dict[str, int] = {}
        for lit in {lit for lit, _ in rest}:
            subs = {lit[i : i + n] for n in (4, 5, 6) for i in range(len(lit) - n + 1)}
            for sub in subs:
                counts[sub] = counts.get(sub, 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]), default=None)
        if best is None or best[1] < 3:
            break
        anchor = best[0]
        groups.append((anchor, [x for x in rest if anchor in x[0]]))
        rest = [x for x in rest if anchor not in x[0]]
    groups.extend(("", [x]) for x in rest)
    return groups


def _bits(mask: int) -> Iterator[int]:
    """The set bits of `mask`, lowest first, each as a mask of its own."""
    while mask:
        low = mask & -mask
        yield low
        mask ^= low


# Where a pattern's matches can start: (literal, the bit of a word start it needs, or 0); None when anywhere.
_Starts = tuple[tuple[str, int], ...] | None
# a pattern to try: (its rule, the pattern, where its matches can start)
_Cand = tuple[Rule, re.Pattern[str], _Starts]
# a pattern in its group: (its place, its requirements other than the most selective as literal masks, what to try)
_Entry = tuple[int, tuple[int, ...], _Cand]

MAX_WORDS = 50_000  # words whose literals a group remembers before it starts afresh


def _word_start(lit: str, ws: bool) -> str:
    """The longest start of a word that a text containing `lit` must have ("" if none): a run of word
    characters in `lit` after a non-word one, or its first run when `lit` itself starts at a word boundary."""
    best = ""
    for m in _WORD_RUN.finditer(lit):
        if (m.start() > 0 or ws) and len(m.group()) > len(best):
            best = m.group()
    return best


class PatternGroup:
    """Rules that read one target; a pattern runs only when each of its requirements has a literal in the text.

    Every literal the group's patterns need is one bit, and a requirement (the literals one
    of which a match must contain) is a mask. A word literal (one a match has at a word
    start) is found from the text's set of words; a literal with punctuation by substring
    search, and only when the text has the word start it contains ("exit" for "sys.exit(").
    The most selective requirement of each pattern is looked up for every text and picks
    the patterns to check; their other requirements are searched only when needed. Every
    test is of a literal a match must contain, so no match is ever lost.
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._bit: dict[tuple[str, bool], int] = {}  # (literal, is a word literal) -> its bit
        self._word_bits: dict[str, int] = {}  # word literal -> its bit
        # bit -> (a literal found by substring search, the bit of the word start it needs or 0)
        self._substrings: dict[int, tuple[str, int]] = {}
        self._seen: dict[str, int] = {}  # word -> the bits of the word literals it starts with
        self._by_literal: dict[int, list[_Entry]] = {}  # literal of a most selective requirement -> patterns
        self._always: list[_Entry] = []  # patterns without a literal to require: tried on every text
        for order, (r, p) in enumerate((rule, pat) for rule in rules for pat in rule.patterns):
            starts = _match_starts(p.pattern, p.flags)
            if starts is not None:
                starts = tuple((lit, self._word_bit(_word_start(lit, bounded))) for lit, bounded in starts)
            masks = [self._mask(req) for req in literal_requirements(p) or ()]  # the most selective first
            if not masks:
                self._always.append((order, (), (r, p, starts)))
                continue
            for b in _bits(masks[0]):
                self._by_literal.setdefault(b, []).append((order, tuple(masks[1:]), (r, p, starts)))
        self._picks = 0  # the literals that pick patterns
        for b in self._by_literal:
            self._picks |= b
        # The picking substring literals are searched for every text: those that need a word start only when
        # the text has it, the others under shared anchors. The rest are searched when a pattern needs them.
        self._gated: dict[int, list[tuple[str, int]]] = {}  # a word start's bit -> the literals that need it
        ungated: list[tuple[str, int]] = []
        self._lazy = 0
        for b, (lit, needs) in self._substrings.items():
            if not b & self._picks:
                self._lazy |= b
            elif needs:
                self._gated.setdefault(needs, []).append((lit, b))
            else:
                ungated.append((lit, b))
        self._gates = 0
        for b in self._gated:
            self._gates |= b
        self._lit_groups = _anchor_groups(ungated)
        self._longest = max(map(len, self._word_bits), default=0)

    def _word_bit(self, word: str) -> int:
        """The bit of a word literal ("" has none)."""
        if not word:
            return 0
        b = self._word_bits.get(word)
        if b is None:
            b = self._word_bits[word] = 1 << len(self._bit)
            self._bit[(word, True)] = b
        return b

    def _mask(self, req: frozenset[Factor]) -> int:
        """A requirement's literals as bits: a run of word characters at a word start is a word literal."""
        mask = 0
        for lit, ws in req:
            word = _word_start(lit, ws)
            if word == lit:
                mask |= self._word_bit(lit)
                continue
            b = self._bit.get((lit, False))
            if b is None:
                b = self._bit[(lit, False)] = 1 << len(self._bit)
                self._substrings[b] = (lit, self._word_bit(word))
            mask |= b
        return mask

    def __bool__(self) -> bool:
        return bool(self.rules)

    def _word_literals(self, word: str) -> int:
        """The bits of the word literals that `word` starts with (remembered: the same words keep coming)."""
        bits = 0
        get = self._word_bits.get
        for n in range(1, min(len(word), self._longest) + 1):
            bits |= get(word[:n], 0)
        if len(self._seen) >= MAX_WORDS:
            self._seen.clear()
        self._seen[word] = bits
        return bits

    def _present(self, low: str) -> int:
        """The literals of the group found in the lowercased text, but for the lazy substring ones."""
        seen = self._seen
        present = 0
        for word in _NOT_WORD.split(low):  # repeats are cheaper to look up again than to deduplicate
            bits = seen.get(word)
            present |= self._word_literals(word) if bits is None else bits
        for needs in _bits(present & self._gates):
            for lit, b in self._gated[needs]:
                if lit in low:
                    present |= b
        for anchor, members in self._lit_groups:
            if anchor and anchor not in low:
                continue  # every member contains the anchor
            for lit, b in members:
                if lit in low:
                    present |= b
        return present

    def _candidates(self, text: str) -> tuple[str, int, list[_Cand]]:
        """(lowercased text, the literals found in it, the patterns whose requirements it meets, in order)."""
        if not text:
            return "", 0, []
        low = text.lower()
        present = self._present(low)
        lazy = self._lazy  # substring literals not searched yet
        picked: dict[int, _Cand] = {}
        for b in _bits(present & self._picks):
            for order, others, cand in self._by_literal[b]:
                if order in picked:
                    continue
                for mask in others:
                    if not mask & present:
                        for lit_bit in _bits(mask & lazy):
                            lazy ^= lit_bit
                            lit, needs = self._substrings[lit_bit]
                            if needs & present == needs and lit in low:
                                present |= lit_bit
                        if not mask & present:
                            break
                else:
                    picked[order] = cand
        for order, _, cand in self._always:
            picked[order] = cand
        return low, present, [picked[o] for o in sorted(picked)]

    def matches(self, text: str) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Each rule's first match in `text` (one hit per rule per text is all a finding needs)."""
        done: set[str] = set()
        low, present, candidates = self._candidates(text)
        for r, p, starts in candidates:
            if r.id in done:
                continue
            m = next(_scan(p, starts, text, low, present), None)
            if m:
                done.add(r.id)
                yield r, m

    def all_matches(self, text: str, limit: int = 8) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Every match per rule, up to `limit` (negation-aware rules need the next one when the first is negated)."""
        counts: dict[str, int] = {}
        low, present, candidates = self._candidates(text)
        for r, p, starts in candidates:
            for m in _scan(p, starts, text, low, present):
                n = counts.get(r.id, 0)
                if n >= limit:
                    break
                counts[r.id] = n + 1
                yield r, m


MAX_STARTS = 256


def _scan(
    pattern: re.Pattern[str], starts: _Starts, text: str, low: str, present: int
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, but where every match starts with known literals, tried only where those occur."""
    if starts is None or len(low) != len(text):  # lowercasing changed offsets (rare scripts): scan normally
        yield from pattern.finditer(text)
        return
    found: set[int] = set()
    for lit, bit in starts:
        if bit and not bit & present:
            continue  # it needs a word start that no word of the text has
        i = low.find(lit)
        while i >= 0:
            found.add(i)
            if len(found) > MAX_STARTS:
                yield from pattern.finditer(text)
                return
            i = low.find(lit, i + 1)
    end = -1
    for i in sorted(found):
        if i < end:
            continue  # inside the previous match, as finditer would skip it
        m = pattern.match(text, i)
        if m is not None:
            end = m.end()
            yield m


class RuleSet:
    """Rules grouped by what they read, compiled once per monitor."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = [r for r in rules if r.enabled]
        self.text: dict[str, PatternGroup] = {
            k: PatternGroup([r for r in self.rules if "text" in r.targets and k in r.kinds]) for k in KINDS
        }
        self.target: dict[str, PatternGroup] = {
            t: PatternGroup([r for r in self.rules if t in r.targets]) for t in TARGETS - {"text"}
        }

    def key(self) -> str:
        import hashlib

        h = hashlib.sha256()
        for r in sorted(self.rules, key=lambda r: r.id):
            h.update(
                f"{r.id}|{r.category}|{r.severity}|{r.score}|{sorted(r.targets)}|{sorted(r.kinds)}|".encode()
            )
            for p in r.patterns:
                h.update(p.pattern.encode())
            for p in r.unless_task + r.unless:
                h.update(b"~" + p.pattern.encode())
        return h.hexdigest()[:12]
