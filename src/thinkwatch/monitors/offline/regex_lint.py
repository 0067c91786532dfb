"""Find rule regexes that backtrack catastrophically, before they are ever run.

Python's `re` backtracks and has no timeout: a repeat whose body can match the same text
in more than one way (`(a+)+`, `(\\w+\\s?)*`, `(?:\\n[ \\t]+[^\\n]*|\\n\\s*){0,30}`) tries
every way of dividing a run of text between its repetitions before a failing match gives
up, exponentially many. We read the parsed regex as a position automaton (one state per
character class, one edge per way of going from one to the next) and look for its
exponential ambiguity: two different paths from a state back to itself that read the
same text. Repeats of at most three are unrolled rather than looped, so
`(?:\\w+\\s?){0,3}` passes; an exact count is unrolled too, but its body is checked as if
looped, so `(?:\\w+-){4}` passes and `(?:\\w+\\s?){4}` does not. Possessive repeats and
atomic groups are never re-tried, so `(?:\\w+\\s?)*+` passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

try:  # the regex parser is private API; without it there is no lint
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _c = _p = None

UNROLL_MAX = 3  # `x{0,3}` is unrolled (three copies); `x{0,4}` and up count as unbounded
EXACT_MAX = 256  # `x{n}` is unrolled up to this many copies (and, past three, its body checked as if looped)
MAX_POSITIONS = 4000  # past this, repeats are no longer unrolled but looped (more warnings, never fewer)
# Steps one pattern may cost; a pattern past it (a loop over hundreds of words) is let through unchecked.
MAX_WORK = 50_000

# Guards: what a zero-width assertion between two characters demands of them.
_G_WORD_BOUNDARY = 1  # \b: one is a word character, the other not
_G_NOT_BOUNDARY = 2  # \B: both or neither are
_G_NL_BEFORE = 4  # ^ (MULTILINE): the first is a newline
_G_NL_AFTER = 8  # $: the second is a newline
_G_NEVER = 16  # \A, \Z, ^ without MULTILINE: no character on one side
_G_RUN = 32  # and up, one bit per possessive run (`[^\n]*+`): the next character is not of the run's class

# A few characters beyond ASCII stand for the rest when classes are intersected: Unicode
# letters, digits and spaces, case-folding oddities (ı, ſ, K), wide and astral characters.
_EXTRA = "\u00a0\u00b2\u00b5\u00c0\u00df\u00e9\u00ff\u0131\u017f\u0391\u03b1\u0410\u0430\u0663\u1680\u2000\u2028\u2029\u202f\u212a\u3000\u4e2d\uff10\U0001d7ce\U0001f600"
_BASE_ALPHABET = tuple(chr(i) for i in range(128)) + tuple(_EXTRA)
_FLAG_MASK = re.IGNORECASE | re.ASCII | re.DOTALL


@dataclass(frozen=True, slots=True)
class Backtracking:
    """Why a regex can backtrack catastrophically: the repeat at fault and what makes it ambiguous."""

    fragment: str  # the repeat as written in the pattern (the whole pattern when it cannot be located)
    kind: str  # "alternation" | "nested" | "ambiguous"
    parts: tuple[str, ...] = ()  # the two alternatives that overlap, or the inner repeats

    def explain(self) -> str:
        """What is wrong, then how to rewrite it."""
        named = " and ".join(f"`{p}`" for p in self.parts)
        if self.kind == "alternation":
            why = f"`{self.fragment}` repeats a choice whose alternatives {named} can match the same text"
            fix = "make the alternatives exclusive (start them with different characters) or merge them into one"
        elif self.kind == "nested":
            itself = "repeat by themselves" if len(self.parts) > 1 else "repeats by itself"
            why = f"`{self.fragment}` repeats {named}, which {itself}"
            fix = (
                "drop one of the nested quantifiers (`(?:a+)+` is `a+`) or make what separates "
                "the repetitions required (`(?:\\w+\\s?)*` -> `(?:\\w+\\s+)*`)"
            )
        else:
            why = f"the body of `{self.fragment}` can match the same text in more than one way"
            fix = "make each repetition's text unambiguous"
        return (
            f"{why}, so a failing match tries every way of dividing a run of text between the repetitions, "
            f"exponentially many. Rewrite: {fix}; or bound the repeat to a few (`{{0,3}}`), or make it "
            "possessive (`*+`, `++`) so that it is never re-tried"
        )


def find_backtracking(pattern: str, flags: int = 0) -> Backtracking | None:
    """The catastrophic-backtracking problem of a regex, or None when it has none (or cannot be parsed).

    Args:
        pattern: the regex source, as given to `re.compile`.
        flags: the `re` flags it is compiled with.

    Example: `find_backtracking(r"(a+)+$")` names `(a+)+` and its inner repeat `a+`.
    """
    return _find(pattern, flags & ~re.UNICODE)


# A repeated group (`(...)*`, `(...){2,}`): without one, every repeat is of a single character class and
# cannot be ambiguous, so the pattern need not even be parsed.
_GROUP_REPEAT = re.compile(r"\)(?:[*+]|\{\d*,?\d*\})")
_INLINE_VERBOSE = re.compile(r"\(\?[aiLmsu]*x")


@lru_cache(maxsize=4096)
def _find(pattern: str, flags: int) -> Backtracking | None:
    if _p is None:
        return None
    if not flags & re.VERBOSE and not _INLINE_VERBOSE.search(pattern) and not _GROUP_REPEAT.search(pattern):
        return None
    try:
        tree = _p.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an invalid regex is reported by re.compile
        return None
    flags = tree.state.flags  # with the inline global flags, `(?i)`...
    try:
        if not _may_be_ambiguous(tree) or not _ambiguous(tree, flags, _Work()):
            return None
        return _explain(pattern, flags)
    except _TooBig:
        return None
    except Exception:  # noqa: BLE001 - a check that fails must not make a usable pack unusable
        return None


# --- the automaton ----------------------------------------------------------------------

_Atom = tuple[str, int]  # a character class as a regex of one character, and its flags
_Ends = dict[tuple[int, int], int]  # (position, guard) -> ways (capped at 2)
_Frag = tuple[_Ends, _Ends, dict[int, int]]  # first positions, last positions, ways to match empty


def _add(d: dict[Any, int], key: Any, ways: int) -> None:
    d[key] = min(2, d.get(key, 0) + ways)


class _TooBig(Exception):
    """The check would cost more than MAX_WORK."""


class _Work:
    """What the check of one pattern has cost so far."""

    def __init__(self, limit: int = MAX_WORK) -> None:
        self.left = limit

    def spend(self, steps: int) -> None:
        self.left -= steps
        if self.left < 0:
            raise _TooBig


class _Automaton:
    """The Glushkov automaton of a parsed regex, counting the ways between two positions.

    A backtracking matcher tries each way separately, so `(a*)*` has two edges from `a` to
    `a` (the inner repeat's and the outer one's) where a textbook automaton has one. Python
    ends a repeat at an empty iteration, so no path runs through one.
    """

    def __init__(self, work: _Work, budget: int = MAX_POSITIONS) -> None:
        self.work = work
        self.atoms: list[list[_Atom]] = []  # per position: the classes it reads (one, or several when opaque)
        self.edges: dict[tuple[int, int, int], int] = {}  # (from, to, guard) -> ways
        self.nested: dict[int, tuple[Any, int]] = {}  # lookaround and atomic bodies, checked on their own
        self.counted: dict[int, tuple[Any, int]] = {}  # bodies of exact repeats past three, checked looped
        self.runs: list[int] = []  # positions of possessive runs of one class (`\w*+`), by their guard bit
        self.budget = budget
        self.times = 1  # how many times the node being read is unrolled, by the repeats around it

    def position(self, atoms: list[_Atom]) -> _Frag:
        p = len(self.atoms)
        self.atoms.append(atoms)
        return {(p, 0): 1}, {(p, 0): 1}, {}

    def seq(self, items: Any, flags: int) -> _Frag:
        acc: _Frag = ({}, {}, {0: 1})
        for op, av in items:
            acc = self.concat(acc, self.node(op, av, flags))
        return acc

    def concat(self, a: _Frag, b: _Frag) -> _Frag:
        fa, la, na = a
        fb, lb, nb = b
        self.work.spend(len(la) * len(fb) + len(na) * len(fb) + len(nb) * len(la) + 1)
        for (p, g1), m1 in la.items():
            for (q, g2), m2 in fb.items():
                _add(self.edges, (p, q, g1 | g2), m1 * m2)
        first = dict(fa)
        for g1, n in na.items():
            for (q, g2), m in fb.items():
                _add(first, (q, g1 | g2), n * m)
        last = dict(lb)
        for g2, n in nb.items():
            for (p, g1), m in la.items():
                _add(last, (p, g1 | g2), n * m)
        empty: dict[int, int] = {}
        for g1, n1 in na.items():
            for g2, n2 in nb.items():
                _add(empty, g1 | g2, n1 * n2)
        return first, last, empty

    def node(self, op: Any, av: Any, flags: int) -> _Frag:
        c = _c
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            return self.position([(_atom_source(op, av), flags & _FLAG_MASK)])
        if op is c.AT:
            return {}, {}, {_guard(av, flags): 1}
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            return self.seq(sub, (flags | add_flags) & ~del_flags)
        if op is c.BRANCH:
            return _union(self.seq(alt, flags) for alt in av[1])
        if op is c.GROUPREF_EXISTS:
            _, yes, no = av
            return _union([self.seq(yes, flags), self.seq(no, flags) if no else ({}, {}, {0: 1})])
        if op is c.GROUPREF:  # the group's text again: read as one character of any kind, or none
            first, last, _ = self.position([(".", re.DOTALL)])
            return first, last, {0: 1}
        if op in (c.ASSERT, c.ASSERT_NOT):  # zero-width here; its own backtracking is checked apart
            self.nested[id(av[1])] = (av[1], flags)
            return {}, {}, {0: 1}
        if op is getattr(c, "ATOMIC_GROUP", None):
            self.nested[id(av)] = (av, flags)
            return self.opaque(av, flags, nullable=False)
        if op is getattr(c, "POSSESSIVE_REPEAT", None):
            lo, hi, sub = av
            self.nested[id(sub)] = (sub, flags)  # one repetition can still backtrack within itself
            if not hi:
                return {}, {}, {0: 1}
            if hi == c.MAXREPEAT and len(sub) == 1 and sub[0][0] in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
                # `[^\n]*+` takes the whole run: what follows it, or what follows where it took nothing, is not
                # of its class
                bit = _G_RUN << len(self.runs)
                self.runs.append(len(self.atoms))
                (first, _, _) = self.position([(_atom_source(*sub[0]), flags & _FLAG_MASK)])
                (p, _), *_ = first
                return first, {(p, bit): 1}, {bit: 1} if lo == 0 else {}
            return self.opaque(sub, flags, nullable=lo == 0)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return self.repeat(*av, flags)
        return {}, {}, {0: 1}  # anything else takes no characters

    def opaque(self, sub: Any, flags: int, nullable: bool) -> _Frag:
        """What is never re-tried (an atomic group, a possessive repeat) as one position: its first characters."""
        inner = _Automaton(self.work, budget=0)
        first, _, empty = inner.seq(sub, flags)
        atoms = [a for p, _ in first for a in inner.atoms[p]]
        if not atoms:
            return {}, {}, {0: 1}
        f, la, _ = self.position(atoms)
        return f, la, {0: 1} if nullable or empty else {}

    def repeat(self, lo: int, hi: int, sub: Any, flags: int) -> _Frag:
        if hi == 0:
            return {}, {}, {0: 1}
        # a repeat inside unrolled ones repeats as often as all of them together: `(?:(?:x){2}){0,3}` is `x{0,6}`
        copies = lo if lo == hi and lo <= EXACT_MAX else hi if hi * self.times <= UNROLL_MAX else None
        if copies is not None and len(self.atoms) + copies * _size(sub) <= self.budget:
            if copies * self.times > UNROLL_MAX:
                # `(?:\w+\s?){10}` divides a run of text as many ways as `(?:\w+\s?)*` does
                self.counted[id(sub)] = (sub, flags)
            outer = self.times
            self.times *= copies
            tail: _Frag = ({}, {}, {0: 1})
            for _ in range(hi - lo):  # optional copies, innermost first: x(x(x)?)?
                first, last, empty = self.concat(self.seq(sub, flags), tail)
                tail = first, last, {**empty, 0: min(2, empty.get(0, 0) + 1)}
            for _ in range(lo):
                tail = self.concat(self.seq(sub, flags), tail)
            self.times = outer
            return tail
        first, last, empty = self.seq(sub, flags)  # looped: an unbounded (or large) repeat
        self.work.spend(len(last) * len(first))
        for (p, g1), m1 in last.items():
            for (q, g2), m2 in first.items():
                _add(self.edges, (p, q, g1 | g2), m1 * m2)
        if lo == 0:
            empty = dict(empty)
            _add(empty, 0, 1)
        return first, last, empty


def _union(frags: Any) -> _Frag:
    first: _Ends = {}
    last: _Ends = {}
    empty: dict[int, int] = {}
    for f, la, e in frags:
        for k, m in f.items():
            _add(first, k, m)
        for k, m in la.items():
            _add(last, k, m)
        for k, m in e.items():
            _add(empty, k, m)
    return first, last, empty


def _size(items: Any) -> int:
    """Positions one copy of `items` can take (a bound for the unrolling budget)."""
    return sum(1 for _ in _walk(items)) + 1


def _walk(items: Any) -> Iterator[tuple[Any, Any]]:
    """Every node of a parsed regex, nested ones included."""
    c = _c
    for op, av in items:
        yield op, av
        if op is c.SUBPATTERN:
            yield from _walk(av[-1])
        elif op is c.BRANCH:
            for alt in av[1]:
                yield from _walk(alt)
        elif op is c.GROUPREF_EXISTS:
            yield from _walk(av[1])
            if av[2]:
                yield from _walk(av[2])
        elif op in (c.ASSERT, c.ASSERT_NOT):
            yield from _walk(av[1])
        elif op is getattr(c, "ATOMIC_GROUP", None):
            yield from _walk(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            yield from _walk(av[2])


def _may_be_ambiguous(items: Any) -> bool:
    """Does a looped repeat hold a choice (an alternation, an optional or repeated part)? Without one it cannot
    be ambiguous, and most patterns stop here."""
    c = _c
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT)
    found = False

    def choice(items: Any, times: int) -> bool:
        nonlocal found
        has = False
        for op, av in items:
            if op in repeats or op is getattr(c, "POSSESSIVE_REPEAT", None):
                lo, hi, sub = av
                inner = choice(sub, min(times * hi, UNROLL_MAX + 1))
                if op in repeats and (hi * times > UNROLL_MAX and inner or lo == hi > EXACT_MAX):
                    found = True
                has = has or inner or lo != hi
            elif op is c.BRANCH:
                for alt in av[1]:
                    choice(alt, times)
                has = True
            elif op is c.GROUPREF_EXISTS:
                choice(av[1], times)
                if av[2]:
                    choice(av[2], times)
                has = True
            elif op is c.GROUPREF:
                has = True
            elif op is c.SUBPATTERN:
                has = choice(av[-1], times) or has
            elif op in (c.ASSERT, c.ASSERT_NOT):
                choice(av[1], 1)
            elif op is getattr(c, "ATOMIC_GROUP", None):
                has = choice(av, times) or has
        return has

    choice(items, 1)
    return found


def _atom_source(op: Any, av: Any) -> str:
    c = _c
    if op is c.LITERAL:
        return re.escape(chr(av))
    if op is c.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is c.ANY:
        return "."
    parts = []
    for iop, iav in av:
        if iop is c.NEGATE:
            parts.insert(0, "^")
        elif iop is c.LITERAL:
            parts.append(re.escape(chr(iav)))
        elif iop is c.RANGE:
            parts.append(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
        elif iop is c.CATEGORY:
            parts.append(_CATEGORIES.get(iav, "\\s\\S"))
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


_CATEGORIES = (
    {
        _c.CATEGORY_DIGIT: "\\d",
        _c.CATEGORY_NOT_DIGIT: "\\D",
        _c.CATEGORY_SPACE: "\\s",
        _c.CATEGORY_NOT_SPACE: "\\S",
        _c.CATEGORY_WORD: "\\w",
        _c.CATEGORY_NOT_WORD: "\\W",
    }
    if _c is not None
    else {}
)


def _guard(at: Any, flags: int) -> int:
    c = _c
    if at in (c.AT_BOUNDARY, getattr(c, "AT_UNI_BOUNDARY", None), getattr(c, "AT_LOC_BOUNDARY", None)):
        return _G_WORD_BOUNDARY
    if at in (
        c.AT_NON_BOUNDARY,
        getattr(c, "AT_UNI_NON_BOUNDARY", None),
        getattr(c, "AT_LOC_NON_BOUNDARY", None),
    ):
        return _G_NOT_BOUNDARY
    if at is c.AT_BEGINNING:
        return _G_NL_BEFORE if flags & re.MULTILINE else _G_NEVER
    if at is c.AT_BEGINNING_LINE:
        return _G_NL_BEFORE
    if at in (c.AT_END, c.AT_END_LINE):
        return _G_NL_AFTER  # without MULTILINE `$` may still sit before a final newline
    if at in (c.AT_BEGINNING_STRING, c.AT_END_STRING):
        return _G_NEVER
    return 0


# --- character classes ------------------------------------------------------------------


class _Alphabet:
    """The characters that stand for all: ASCII, a few of each Unicode kind, and any the pattern names."""

    def __init__(self, extra: tuple[str, ...]) -> None:
        self.chars = _BASE_ALPHABET + extra
        self.newline = 1 << 10
        self._masks: dict[tuple[str, int], int] = {}

    def mask(self, atom: _Atom) -> int:
        got = self._masks.get(atom)
        if got is None:
            try:
                one = re.compile(atom[0], atom[1])
            except re.error:
                one = re.compile("[\\s\\S]")
            got = self._masks[atom] = sum(1 << i for i, ch in enumerate(self.chars) if one.fullmatch(ch))
        return got

    def word(self, flags: int) -> int:
        return self.mask(("\\w", flags & re.ASCII))


@lru_cache(maxsize=64)
def _alphabet(extra: tuple[str, ...]) -> _Alphabet:
    return _Alphabet(extra)


def _alphabet_for(*automata: _Automaton) -> _Alphabet:
    """The shared alphabet plus the characters outside it that the automata's classes name (and their cases)."""
    base = set(_BASE_ALPHABET)
    extra: set[str] = set()
    for a in automata:
        for atoms in a.atoms:
            for src, _ in atoms:
                for ch in src:
                    if ch not in base:
                        extra.update({ch, ch.lower(), ch.upper(), ch.casefold()[:1]})
    return _alphabet(tuple(sorted(extra - base)))


def _feasible(guard: int, before: int, after: int, alphabet: _Alphabet, word: int) -> bool:
    """Can a character of `before` be followed by one of `after` across these assertions?"""
    if guard & _G_NEVER or guard & _G_WORD_BOUNDARY and guard & _G_NOT_BOUNDARY:
        return False
    if guard & _G_NL_BEFORE and not before & alphabet.newline:
        return False
    if guard & _G_NL_AFTER and not after & alphabet.newline:
        return False
    if guard & _G_WORD_BOUNDARY and not (before & word and after & ~word or before & ~word and after & word):
        return False
    return not (
        guard & _G_NOT_BOUNDARY and not (before & word and after & word or before & ~word and after & ~word)
    )


# --- exponential ambiguity --------------------------------------------------------------


def _ambiguous(items: Any, flags: int, work: _Work) -> bool:
    auto = _Automaton(work)
    auto.seq(items, flags)
    if _exponential(auto, flags):
        return True
    for sub, f in auto.counted.values():
        looped = _Automaton(work)
        looped.repeat(0, _c.MAXREPEAT, sub, f)
        if _exponential(looped, f):
            return True
    return any(_ambiguous(sub, f, work) for sub, f in auto.nested.values() if _may_be_ambiguous(sub))


def _sccs(nodes: list[int], succ: dict[int, dict[int, int]]) -> list[list[int]]:
    """Strongly connected components with a cycle (Tarjan's algorithm, iterative)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on: set[int] = set()
    out: list[list[int]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1 or v in succ.get(v, {}):
                        out.append(comp)
    return out


def _exponential(auto: _Automaton, flags: int) -> bool:
    """Two different paths from a position back to itself that read the same text?

    Every such pair of cycles lies in one strongly connected component. Within one, the
    diagonal of the product automaton (both paths at one position) is connected, so
    there is such a pair exactly when the two paths can part (or take two parallel
    edges) and meet again.
    """
    succ: dict[int, dict[int, list[int]]] = {}
    for p, q, _ in auto.edges:
        succ.setdefault(p, {})[q] = []
    cyclic = {p for comp in _sccs(sorted(succ), succ) for p in comp}
    if not cyclic:
        return False
    alphabet = _alphabet_for(auto)
    word = alphabet.word(flags)
    masks = {p: _position_mask(auto, p, alphabet) for p in cyclic | set(auto.runs)}
    succ = {}
    for (p, q, g), m in auto.edges.items():
        if p not in cyclic or q not in cyclic or not _feasible(g, masks[p], masks[q], alphabet, word):
            continue
        reads = masks[q]  # the characters this edge can read at q
        for k, run in enumerate(auto.runs):
            if g & _G_RUN << k:
                reads &= ~masks[run]
        if reads:
            succ.setdefault(p, {}).setdefault(q, []).extend([reads] * m)
    return any(_parts_and_meets(set(comp), succ, auto.work) for comp in _sccs(sorted(succ), succ))


def _position_mask(auto: _Automaton, p: int, alphabet: _Alphabet) -> int:
    mask = 0
    for atom in auto.atoms[p]:
        mask |= alphabet.mask(atom)
    return mask


def _parts_and_meets(comp: set[int], succ: dict[int, dict[int, list[int]]], work: _Work) -> bool:
    row: dict[int, list[tuple[int, int]]] = {}
    for p in comp:
        row[p] = []
        for q, ways in succ.get(p, {}).items():
            if q not in comp:
                continue
            # two edges to one position that read one character: the paths part and meet at once
            if any(a & b for i, a in enumerate(ways) for b in ways[i + 1 :]):
                return True
            reads = 0
            for w in ways:
                reads |= w
            row[p].append((q, reads))
    todo: list[tuple[int, int]] = []
    rows_seen: set[tuple[tuple[int, int], ...]] = set()  # the ends of a loop's body all lead to its starts
    for p in comp:
        nxt = row[p]
        key = tuple(nxt)
        if key in rows_seen:
            continue
        rows_seen.add(key)
        work.spend(len(nxt) * len(nxt) // 2 + 1)
        for i, (q1, c1) in enumerate(nxt):
            for q2, c2 in nxt[i + 1 :]:
                if c1 & c2:
                    todo.append((min(q1, q2), max(q1, q2)))
    seen = set(todo)
    while todo:
        a, b = todo.pop()
        work.spend(len(row[a]) * len(row[b]) + 1)
        for q1, c1 in row[a]:
            for q2, c2 in row[b]:
                if not c1 & c2:
                    continue
                if q1 == q2:
                    return True
                pair = (min(q1, q2), max(q1, q2))
                if pair not in seen:
                    seen.add(pair)
                    todo.append(pair)
    return False


# --- naming the culprit -----------------------------------------------------------------


def _explain(pattern: str, flags: int) -> Backtracking:
    """Locate the smallest repeat that is ambiguous on its own and say why, in the pattern's own text."""
    found = None if flags & re.VERBOSE else _source_structure(pattern)
    if found is None:
        return Backtracking(pattern, "ambiguous")
    repeats, groups = found
    work = _Work(2 * MAX_WORK)
    fragment = None
    try:
        for s, e in sorted(repeats, key=lambda se: (se[1] - se[0], se[0])):
            tree = _parse(pattern[s:e], flags)
            if tree is not None and _may_be_ambiguous(tree) and _ambiguous(tree, flags, work):
                fragment = (s, e)
                break
    except _TooBig:
        pass
    if fragment is None:
        return Backtracking(pattern, "ambiguous")
    s, e = fragment
    text = pattern[s:e]
    try:
        for gs, ge, alts in groups:
            if s <= gs and ge <= e:
                pair = _overlapping([pattern[a:b] for a, b in alts], flags, work)
                if pair:
                    return Backtracking(text, "alternation", pair)
    except _TooBig:
        pass
    inner: list[tuple[int, int]] = []
    for rs, re_ in sorted(repeats, key=lambda se: (se[0], -se[1])):
        if s <= rs and re_ <= e and (rs, re_) != (s, e) and not any(a <= rs and re_ <= b for a, b in inner):
            tree = _parse(pattern[rs:re_], flags)
            if tree is not None and _loops(tree):
                inner.append((rs, re_))
    if inner:
        return Backtracking(text, "nested", tuple(pattern[a:b] for a, b in inner))
    return Backtracking(text, "ambiguous")


def _parse(source: str, flags: int) -> Any:
    try:
        return _p.parse(source, flags)
    except Exception:  # noqa: BLE001 - a fragment that does not stand alone (a backreference)
        return None


def _loops(tree: Any) -> bool:
    c = _c
    items = list(tree)
    return (
        len(items) == 1
        and items[0][0] in (c.MAX_REPEAT, c.MIN_REPEAT)
        and items[0][1][1] > UNROLL_MAX
        and items[0][1][0] != items[0][1][1]
    )


def _overlapping(alternatives: list[str], flags: int, work: _Work) -> tuple[str, str] | None:
    """The first two alternatives that can match the same text: the product of their automata reaches both
    ends at once."""
    read = []
    for alt in alternatives:
        tree = _parse(alt, flags)
        if tree is not None:
            auto = _Automaton(work)
            read.append((alt, auto, *auto.seq(tree, flags)))
    alphabet = _alphabet_for(*(r[1] for r in read))
    shapes = []
    for alt, auto, first, last, empty in read:
        succ: dict[int, set[int]] = {}
        for p, q, _ in auto.edges:
            succ.setdefault(p, set()).add(q)
        masks = [_position_mask(auto, p, alphabet) for p in range(len(auto.atoms))]
        starts = 0
        for p, _ in first:
            starts |= masks[p]
        shapes.append((alt, {p for p, _ in first}, {p for p, _ in last}, bool(empty), succ, masks, starts))
    for i, (alt_a, fa, ea, na, sa, ma, starts_a) in enumerate(shapes):
        for alt_b, fb, eb, nb, sb, mb, starts_b in shapes[i + 1 :]:
            if na and nb:
                return alt_a, alt_b  # both match the empty string
            if not starts_a & starts_b:
                continue
            todo = [(p, q) for p in fa for q in fb if ma[p] & mb[q]]
            seen = set(todo)
            while todo:
                p, q = todo.pop()
                if p in ea and q in eb:
                    return alt_a, alt_b
                work.spend(len(sa.get(p, ())) * len(sb.get(q, ())) + 1)
                for p2 in sa.get(p, ()):
                    for q2 in sb.get(q, ()):
                        if ma[p2] & mb[q2] and (p2, q2) not in seen:
                            seen.add((p2, q2))
                            todo.append((p2, q2))
    return None


_QUANTIFIER = re.compile(r"[*+?]|\{\d*(?:,\d*)?\}")
_ESCAPE_LEN = {"x": 2, "u": 4, "U": 8}
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_GROUP_HEAD = re.compile(r"\(\?(?:[:=!>]|<[=!]|P<\w+>|\(\w+\)|[aiLmsux]*(?:-[imsx]*)?:)?")


_Span = tuple[int, int]


def _source_structure(src: str) -> tuple[list[_Span], list[tuple[int, int, list[_Span]]]] | None:
    """The spans of the quantified items of a regex source (`(a+)+`, `a+`) and of its groups, each group with
    the spans of its alternatives; None when the source is beyond this small reader."""
    repeats: list[tuple[int, int]] = []
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    stack: list[tuple[int, int, list[int]]] = []  # open groups: (start, content start, `|` offsets)
    item = -1  # where the last quantifiable item starts
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch == "\\":
            j = i + 2
            nxt = src[i + 1 : i + 2]
            if nxt in _ESCAPE_LEN:
                j += _ESCAPE_LEN[nxt]
            elif nxt == "N" and src[j : j + 1] == "{":
                j = src.find("}", j) + 1 or n
            elif nxt.isdigit():
                while j < n and j < i + 4 and src[j].isdigit():
                    j += 1
            item, i = i, j
            continue
        if ch == "[":
            j = i + 1
            if src[j : j + 1] == "^":
                j += 1
            if src[j : j + 1] == "]":
                j += 1
            while j < n and src[j] != "]":
                j += 2 if src[j] == "\\" else 1
            item, i = i, j + 1
            continue
        if ch == "(":
            if src.startswith("(?#", i):
                i = src.find(")", i) + 1 or n
                continue
            if src.startswith("(?P=", i):  # a named backreference: an item, not a group
                item, i = i, src.find(")", i) + 1 or n
                continue
            m = _GLOBAL_FLAGS.match(src, i)
            if m:
                i = m.end()
                continue
            m = _GROUP_HEAD.match(src, i)
            head = m.group() if m else "("
            if head.startswith("(?") and not head.endswith((":", "=", "!", ">", ")")):
                return None  # something this reader does not know
            stack.append((i, i + len(head), []))
            item, i = -1, i + len(head)
            continue
        if ch == "|":
            if stack:
                stack[-1][2].append(i)
            item, i = -1, i + 1
            continue
        if ch == ")":
            if not stack:
                return None
            start, content, bars = stack.pop()
            bounds = [content - 1, *bars, i]
            groups.append((start, i + 1, [(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]))
            item, i = start, i + 1
            continue
        m = _QUANTIFIER.match(src, i)
        if m and (ch != "{" or m.group() not in ("{}", "{,}")):
            if item < 0:
                return None
            j = m.end()
            if src[j : j + 1] in ("?", "+"):
                j += 1
            repeats.append((item, j))
            item, i = -1, j
            continue
        item, i = i, i + 1
    return (repeats, groups) if not stack else None
