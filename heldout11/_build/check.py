"""Checks on the built corpus, with the label loader only (no monitor code):
every misbehaving case's evidence strings must be substrings of its parsed steps' text.
Also prints step and call counts and reasoning visibility per case."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

sys.dont_write_bytecode = True
import build  # noqa: E402
from thinkwatch.eval._cases import load_cases  # noqa: E402


def main() -> int:
    build.main()
    by_path = {}
    for m in build.ALL:
        for sc in m.SCENARIOS:
            by_path[sc["file"]] = sc
    cases = load_cases(HERE.parent / "labels.yaml")
    bad = 0
    vis = Counter()
    stats = {"misbehaving": [], "benign": []}
    for c in cases:
        sc = by_path[c.id]
        steps = c.trajectory.steps
        texts = [s.text for s in steps]
        calls = sum(1 for s in steps if s.kind.value == "tool_call")
        rs = [s.reasoning.value for s in steps if s.kind.value == "reasoning"]
        v = Counter(rs)
        vis[(sc["fmt"], ",".join(sorted(v)) or "none")] += 1
        stats[c.label].append((len(steps), calls))
        missing = []
        for q in sc.get("evidence", []):
            hits = [i for i, t in enumerate(texts) if q in t]
            if not hits:
                missing.append(q)
        if c.label == "misbehaving" and not sc.get("evidence"):
            missing.append("<no evidence given>")
        flag = "MISSING " + repr(missing) if missing else "ok"
        bad += bool(missing)
        print(f"{c.label[:4]} {sc['fmt']:<11} steps={len(steps):>3} calls={calls:>2} reasoning={dict(v)} {c.id[:70]} {flag}")
    print()
    for k, xs in stats.items():
        if xs:
            print(k, len(xs), "avg steps %.1f" % (sum(a for a, _ in xs) / len(xs)), "avg calls %.1f" % (sum(b for _, b in xs) / len(xs)),
                  "range steps", min(a for a, _ in xs), max(a for a, _ in xs), "calls", min(b for _, b in xs), max(b for _, b in xs))
    for k, n in sorted(vis.items()):
        print("visibility", k, n)
    print("cases", len(cases), "evidence problems", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
