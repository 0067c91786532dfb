"""Rule packs: pattern rules in YAML, loaded and validated once, matched against what a step targets.

The built-in packs (`rules/<category>.yaml`) and user packs share one form, documented
in docs/rules.md. A rule names a taxonomy category, a severity, the parts of a step
it reads (`applies_to`: step kinds and/or targets) and its regexes; `unless_task`
makes it expected when the user's own messages ask for the thing.
"""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from thinkwatch.model import Severity
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


def _compile(patterns: list[Any], flags: int, what: str, where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        if not isinstance(p, str) or not p:
            raise RulePackError(f"{where}: every entry of `{what}` must be a non-empty string (got {p!r})")
        try:
            out.append(re.compile(p, flags))
        except re.error as e:
            raise RulePackError(f"{where}: invalid regex in `{what}` {p!r}: {e}") from None
    return tuple(out)


def parse_rules(data: Any, source: str = "<string>") -> list[Rule]:
    """Validate a loaded YAML document and build its rules; raise RulePackError naming file and rule.

    Disabled rules come back with `enabled=False`: loading them removes an earlier rule of that id.
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
        rule = _parse_rule(raw, n, source)
        if rule.id in seen:
            raise RulePackError(f"{source}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _parse_rule(raw: Any, n: int, source: str) -> Rule:
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
    files = tuple(str(f) for f in _as_list(raw.get("files"), "files", where))
    for f in files:
        if f.startswith("@") and f[1:] not in FILE_CLASSES:
            raise RulePackError(
                f"{where}: unknown file class {f!r}; known: {', '.join('@' + c for c in sorted(FILE_CLASSES))}"
            )
        if not f.startswith("@"):
            _compile([f], 0, "files", where)
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
        patterns=_compile(patterns, flags, "patterns", where),
        unless_task=_compile(
            _as_list(raw.get("unless_task"), "unless_task", where), re.IGNORECASE, "unless_task", where
        ),
        unless=_compile(_as_list(raw.get("unless"), "unless", where), re.IGNORECASE, "unless", where),
        negation_aware=bool(raw.get("negation_aware", False)),
        files=files,
        source=source,
    )


def load_rule_pack(path: str | os.PathLike[str]) -> list[Rule]:
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
    return parse_rules(data, str(p))


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(rule for pack in sorted(BUILTIN_DIR.glob("*.yaml")) for rule in load_rule_pack(pack))


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


# --- matching ---------------------------------------------------------------------


# --- literal prefilters -------------------------------------------------------------------
#
# Running every rule's regexes over every step would cost far more than reading the
# step. Almost every pattern needs some literals ("skip" and "test", "--no-verify",
# "__eq__"); we extract them from the parsed regex once, and per text we build the set
# of its words' 4-letter prefixes (one C-level findall) and run only the patterns whose
# required literals are all present.

try:  # the regex parser is private API; without it we simply do not prefilter
    from re import _constants as _sre_c  # type: ignore[attr-defined]
    from re import _parser as _sre_p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre_p = _sre_c = None

MIN_FACTOR = 3
# a match start needs fewer letters than a requirement: `\bso\s+...` is tried at each "so" (a `find` away),
# which costs far less than a regex scan of the whole text
MIN_LEAD = 2
KEY = 4  # word factors are indexed by their first KEY letters; shorter ones are found by substring search
_PREFIX = re.compile(rf"(?<![a-z0-9_])[a-z][a-z0-9_'-]{{0,{KEY - 1}}}")  # each word's first KEY characters
# The same prefixes, only those of KEY characters (every key has KEY), on lowercased text: there `\b` in ASCII mode
# is the lookbehind above, and a shorter prefix always ends its word, so the KEY-character ones found are the same.
_PREFIX_KEY = re.compile(rf"\b[a-z][a-z0-9_'-]{{{KEY - 1}}}", re.ASCII)
_WORD_FACTOR = re.compile(rf"[a-z][a-z0-9_'-]{{{KEY - 1},}}")

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
        if op is c.ASSERT_NOT:
            continue
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
        return 0  # a short word: unselective, and only found by substring search
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
        reqs = _requirements(_sre_p.parse(source, flags & ~re.UNICODE), True)
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
def leading_literals(source: str, flags: int) -> tuple[tuple[str, str], ...] | None:
    """(literal, word-prefix key or "") pairs every match starts with: matches need only be tried where they occur."""
    if _sre_p is None:
        return None
    try:
        found = _leading(_sre_p.parse(source, flags & ~re.UNICODE))
    except Exception:  # noqa: BLE001
        return None
    if not found or len(found) > 64:
        return None
    return tuple(
        sorted((lit, lit[:KEY] if bounded and _WORD_FACTOR.fullmatch(lit) else "") for lit, bounded in found)
    )


def _keyed(f: Factor) -> bool:
    return f[1] and _WORD_FACTOR.fullmatch(f[0]) is not None


# a prepared literal: (text, its word-prefix key or "" when it must be searched as a substring)
_Lit = tuple[str, str]


def _prepare(req: frozenset[Factor]) -> tuple[_Lit, ...]:
    return tuple((f, f[:KEY] if _keyed((f, ws)) else "") for f, ws in req)


_first = operator.itemgetter(0)
# a pattern to try: (its rule, the pattern, its leading literals or None)
_Cand = tuple[Rule, re.Pattern[str], tuple[_Lit, ...] | None]


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


class PatternGroup:
    """Rules that read one target; a pattern runs only when all its required literals occur in the text."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        req_ids: dict[tuple[str, ...], int] = {}
        # requirement id -> (its word keys, literals by key, other literals), for the exact check
        self._req_lits: list[tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...]]] = []
        self._key_reqs: dict[str, set[int]] = {}  # word-prefix key -> best requirements it (may) satisfy
        self._lit_reqs: list[tuple[str, int]] = []  # other literals of best requirements -> requirement
        self._always: list[tuple[int, Rule, re.Pattern[str]]] = []  # patterns we cannot prefilter
        self._by_best: dict[int, list[tuple[int, Rule, re.Pattern[str], tuple[int, ...], bool]]] = {}
        indexed: set[int] = set()
        lit_indexed: set[int] = set()

        def rid_of(req: frozenset[Factor]) -> int:
            lits = tuple(sorted(_prepare(req)))
            rid = req_ids.get(tuple(f for f, _ in lits))
            if rid is None:
                rid = req_ids[tuple(f for f, _ in lits)] = len(self._req_lits)
                by_key: dict[str, list[str]] = {}
                for lit, key in lits:
                    if key:
                        by_key.setdefault(key, []).append(lit)
                plain = tuple(lit for lit, key in lits if not key)
                self._req_lits.append((frozenset(by_key), {k: tuple(v) for k, v in by_key.items()}, plain))
            return rid

        for order, (r, p) in enumerate((rule, pat) for rule in rules for pat in rule.patterns):
            reqs = literal_requirements(p)
            if not reqs:
                self._always.append((order, r, p))
                continue
            rids = tuple(rid_of(q) for q in reqs)
            for req, rid in zip(reqs, rids, strict=True):
                # substring search only for the literals that pick a pattern; a requirement first
                # seen as another pattern's second need may later pick this one, so track both
                searched = rid == rids[0] and rid not in lit_indexed
                if rid in indexed and not searched:
                    continue
                first = rid not in indexed
                indexed.add(rid)
                if searched:
                    lit_indexed.add(rid)
                for lit, key in _prepare(req):
                    if key:
                        if first:
                            self._key_reqs.setdefault(key, set()).add(rid)
                    elif searched:
                        self._lit_reqs.append((lit, rid))
            # with leading literals a wrong pick costs a few `find`s, so word-prefix keys are proof enough
            cheap = leading_literals(p.pattern, p.flags) is not None
            self._by_best.setdefault(rids[0], []).append((order, r, p, rids, cheap))
        self._keys = frozenset(self._key_reqs)
        self._best_ids = frozenset(self._by_best)
        self._lit_groups = _anchor_groups(self._lit_reqs)
        # the same, ready for `_candidates`: (order, (rule, pattern, leading literals), needs, other needs or None)
        self._by_best_cands: dict[int, list[tuple[int, _Cand, tuple[int, ...], frozenset[int] | None]]] = {
            rid: [
                (
                    o,
                    (r, p, leading_literals(p.pattern, p.flags)),
                    needs,
                    frozenset(needs[1:]) if cheap else None,
                )
                for o, r, p, needs, cheap in entries
            ]
            for rid, entries in self._by_best.items()
        }
        self._always_ordered = [(o, (r, p, leading_literals(p.pattern, p.flags))) for o, r, p in self._always]
        self._always_cands = [c for _, c in self._always_ordered]

    def __bool__(self) -> bool:
        return bool(self.rules)

    def _candidates(self, text: str) -> tuple[str, set[str], list[_Cand]]:
        """(lowercased text, its words' KEY-letter prefixes, the patterns whose literals it contains)."""
        if not text:
            return "", set(), []
        low = text.lower()
        # keys are exactly KEY letters: shorter word prefixes can never match one, so they are not collected
        words = set(_PREFIX_KEY.findall(low))
        hits = self._keys.intersection(words)
        found: set[int] = set().union(*map(self._key_reqs.__getitem__, hits)) if hits else set()
        for anchor, members in self._lit_groups:
            if anchor and anchor not in low:
                continue  # every member contains the anchor
            for lit, rid in members:
                if rid not in found and lit in low:
                    found.add(rid)
        if not found:
            return low, words, self._always_cands
        # keys are word prefixes ("chec" for "checker"): confirm every requirement's literals before a regex runs
        exact: dict[int, bool] = {}
        picked: list[tuple[int, _Cand]] = []
        by_best = self._by_best_cands
        for rid in self._best_ids.intersection(found):
            for o, cand, needs, rest in by_best[rid]:
                if rest is not None:
                    # a cheap pattern (`rid`, its best requirement, is in `found`) needs only its other requirements
                    if rest <= found:
                        picked.append((o, cand))
                        continue
                    needs = rest - found
                for n in needs:
                    got = exact.get(n)
                    if got is None:
                        got = exact[n] = self._present(n, low, words)
                    if not got:
                        break
                else:
                    picked.append((o, cand))
        if self._always:
            picked.extend(self._always_ordered)
            picked.sort(key=_first)
        elif len(picked) > 1:
            picked.sort(key=_first)
        return low, words, [c for _, c in picked]

    def _present(self, rid: int, low: str, words: set[str]) -> bool:
        """Whether a requirement's literals really occur: one under a key the text's words have, or a plain one."""
        keys, by_key, plain = self._req_lits[rid]
        for k in keys & words:  # plain loops: this runs for every candidate pattern of every text
            for lit in by_key[k]:
                if lit in low:
                    return True
        for lit in plain:  # noqa: SIM110 - a plain loop: no generator per call
            if lit in low:
                return True
        return False

    def matches(self, text: str) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Each rule's first match in `text` (one hit per rule per text is all a finding needs)."""
        done: set[str] = set()
        low, words, candidates = self._candidates(text)
        for r, p, lead in candidates:
            if r.id in done:
                continue
            m = next(_scan(p, lead, text, low, words), None)
            if m:
                done.add(r.id)
                yield r, m

    def all_matches(self, text: str, limit: int = 8) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Every match per rule, up to `limit` (negation-aware rules need the next one when the first is negated)."""
        counts: dict[str, int] = {}
        low, words, candidates = self._candidates(text)
        for r, p, lead in candidates:
            for m in _scan(p, lead, text, low, words):
                n = counts.get(r.id, 0)
                if n >= limit:
                    break
                counts[r.id] = n + 1
                yield r, m


MAX_STARTS = 256


def _finditer(pattern: re.Pattern[str], text: str, low: str, words: set[str]) -> Iterator[re.Match[str]]:
    """Matches in order; where every match starts with known literals, tried only where those occur."""
    return _scan(pattern, leading_literals(pattern.pattern, pattern.flags), text, low, words)


def _scan(
    pattern: re.Pattern[str], lead: tuple[_Lit, ...] | None, text: str, low: str, words: set[str]
) -> Iterator[re.Match[str]]:
    """`_finditer` with the pattern's leading literals already looked up."""
    if lead is None or len(low) != len(text):  # lowercasing changed offsets (rare scripts): scan normally
        yield from pattern.finditer(text)
        return
    starts: set[int] = set()
    for lit, key in lead:
        if key and key not in words:
            continue  # starts a word, and no word of the text starts that way
        i = low.find(lit)
        while i >= 0:
            starts.add(i)
            if len(starts) > MAX_STARTS:
                yield from pattern.finditer(text)
                return
            i = low.find(lit, i + 1)
    if not starts:
        return
    end = -1
    for i in sorted(starts):
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
