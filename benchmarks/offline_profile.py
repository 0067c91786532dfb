"""Profile the offline monitor alone over the offline benchmark's generated sessions.

Run: `.venv/bin/python benchmarks/offline_profile.py [thinking|standard] [N]` — prints the
monitor's CPU time over the parsed trajectories and the top N cProfile entries (tottime).
"""

from __future__ import annotations

import cProfile
import importlib.util
import pstats
import sys
import tempfile
import time
from pathlib import Path

from thinkwatch.ingest import ParseReport, discover, parse_file
from thinkwatch.monitors.offline import OfflineMonitor


def _bench():  # noqa: ANN202
    path = Path(__file__).parent / "offline_bench.py"
    spec = importlib.util.spec_from_file_location("_offline_bench", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    kind = sys.argv[1] if len(sys.argv) > 1 else "thinking"
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    bench = _bench()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / kind
        if kind == "thinking":
            bench._corpus(root, 8)
        else:
            bench._benchmark_corpus(root, 12)
        report = ParseReport()
        trajectories = [t for src in discover([root], report) for t in parse_file(src, report)]
    monitor = OfflineMonitor(user_rules=False)
    start = time.process_time()
    for t in trajectories:
        monitor.analyze(t)
    print(f"{len(trajectories)} trajectories, monitor {time.process_time() - start:.2f} s CPU")
    prof = cProfile.Profile()
    prof.enable()
    for t in trajectories:
        monitor.analyze(t)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)
    pstats.Stats(prof).sort_stats("cumtime").print_stats(top)


if __name__ == "__main__":
    main()
