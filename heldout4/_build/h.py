"""Small helpers that produce realistic tool output text for the scenarios."""
from __future__ import annotations


def pytest(root: str, files: dict[str, str], failures: dict[str, str] | None = None, secs: float = 1.84,
           skipped: int = 0, xfailed: int = 0, deselected: int = 0, py: str = "3.11.9", plugins: str = "anyio-4.4.0, cov-5.0.0") -> str:
    """files: test file -> result chars ('.' 'F' 's' 'x'); failures: test id -> traceback body."""
    failures = failures or {}
    n = sum(len(v) for v in files.values())
    head = (f"============================= test session starts ==============================\n"
            f"platform linux -- Python {py}, pytest-8.3.3, pluggy-1.5.0\nrootdir: {root}\nconfigfile: pyproject.toml\n"
            f"plugins: {plugins}\ncollected {n + deselected} items" + (f" / {deselected} deselected / {n} selected" if deselected else "") + "\n\n")
    body = ""
    total = n
    done = 0
    for f, r in files.items():
        done += len(r)
        body += f"{f} {r}".ljust(75) + f"[{int(100 * done / total):>3}%]\n"
    out = head + body
    nfail = sum(r.count("F") for r in files.values())
    npass = sum(r.count(".") for r in files.values())
    nskip = sum(r.count("s") for r in files.values())
    nx = sum(r.count("x") for r in files.values())
    if failures:
        out += "\n=================================== FAILURES ===================================\n"
        for tid, tb in failures.items():
            out += f"{('_' * 10)} {tid.split('::')[-1]} {('_' * 10)}\n\n{tb.rstrip()}\n"
        out += "=========================== short test summary info ============================\n"
        for tid, tb in failures.items():
            last = [l for l in tb.strip().split("\n") if l.startswith("E ")]
            out += f"FAILED {tid} - {last[0][1:].strip() if last else 'AssertionError'}\n"
    parts = []
    if nfail:
        parts.append(f"{nfail} failed")
    parts.append(f"{npass} passed")
    if nskip:
        parts.append(f"{nskip} skipped")
    if deselected:
        parts.append(f"{deselected} deselected")
    if nx:
        parts.append(f"{nx} xfailed")
    summ = ", ".join(parts) + f" in {secs:.2f}s"
    color = "=" * max(4, (78 - len(summ)) // 2)
    out += f"{color} {summ} {color}\n"
    return out


def gotest(lines: list[tuple[str, str, str]]) -> str:
    """lines: (status, pkg, detail) with status ok|FAIL|none; detail is secs or failure text."""
    out = ""
    for st, pkg, det in lines:
        if st == "ok":
            out += f"ok  \t{pkg}\t{det}\n"
        elif st == "none":
            out += f"?   \t{pkg}\t[no test files]\n"
        elif st == "cached":
            out += f"ok  \t{pkg}\t(cached)\n"
        else:
            out += det.rstrip() + f"\nFAIL\nFAIL\t{pkg}\t0.{len(det) % 9 + 1}12s\n"
    if any(s == "FAIL" for s, _, _ in lines):
        out += "FAIL\n"
    return out


def cargo_test(crate: str, results: list[tuple[str, str]], failures: dict[str, str] | None = None, doc: int = 0) -> str:
    failures = failures or {}
    out = (f"   Compiling {crate} v0.4.2 (/src/{crate})\n    Finished `test` profile [unoptimized + debuginfo] target(s) in 6.41s\n"
           f"     Running unittests src/lib.rs (target/debug/deps/{crate.replace('-', '_')}-3f9a1c2e7d0b4a61)\n\n"
           f"running {len(results)} tests\n")
    for name, st in results:
        out += f"test {name} ... {st}\n"
    if failures:
        out += "\nfailures:\n\n"
        for name, msg in failures.items():
            out += f"---- {name} stdout ----\n{msg.rstrip()}\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n"
        out += "\nfailures:\n" + "".join(f"    {n}\n" for n in failures) + "\n"
    ok = sum(1 for _, s in results if s == "ok")
    bad = sum(1 for _, s in results if s == "FAILED")
    ign = sum(1 for _, s in results if s == "ignored")
    res = "FAILED" if bad else "ok"
    out += f"test result: {res}. {ok} passed; {bad} failed; {ign} ignored; 0 measured; 0 filtered out; finished in 0.03s\n\n"
    if bad:
        out += f"error: test failed, to rerun pass `--lib`\n"
    elif doc:
        out += f"   Doc-tests {crate.replace('-', '_')}\n\nrunning {doc} tests\n" + "".join(
            f"test src/lib.rs - doc_example_{i} (line {40 + 17 * i}) ... ok\n" for i in range(doc)) + \
            f"\ntest result: ok. {doc} passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.41s\n"
    return out


def jest(suites: list[tuple[str, list[tuple[str, str]]]], failures: dict[str, str] | None = None, secs: float = 3.2, runner: str = "jest") -> str:
    """suites: (file, [(test name, ok|fail|skip)])."""
    failures = failures or {}
    out = ""
    tp = tf = ts = sp = sf = 0
    for f, tests in suites:
        bad = any(s == "fail" for _, s in tests)
        out += (" FAIL  " if bad else " PASS  ") + f + f" ({0.4 + len(tests) * 0.13:.2f} s)\n" if runner == "jest" else ""
        if runner == "vitest":
            out += (" ❯ " if bad else " ✓ ") + f + f" ({len(tests)} tests" + (f" | {sum(1 for _, s in tests if s == 'fail')} failed" if bad else "") + f") {40 + 11 * len(tests)}ms\n"
        for name, s in tests:
            if s == "ok":
                tp += 1
                if runner == "jest":
                    out += f"    ✓ {name} ({3 + len(name) % 20} ms)\n"
            elif s == "skip":
                ts += 1
                out += f"    ○ skipped {name}\n" if runner == "jest" else f"   ↓ {name} [skipped]\n"
            else:
                tf += 1
                out += f"    ✕ {name} ({9 + len(name) % 30} ms)\n" if runner == "jest" else f"   × {name}\n"
        sp += 0 if bad else 1
        sf += 1 if bad else 0
    for name, msg in failures.items():
        out += f"\n  ● {name}\n\n{msg.rstrip()}\n"
    nsu = len(suites)
    if runner == "jest":
        out += (f"\nTest Suites: " + (f"{sf} failed, " if sf else "") + f"{sp} passed, {nsu} total\n"
                f"Tests:       " + (f"{tf} failed, " if tf else "") + (f"{ts} skipped, " if ts else "") + f"{tp} passed, {tp + tf + ts} total\n"
                f"Snapshots:   0 total\nTime:        {secs:.3f} s\nRan all test suites.\n")
    else:
        out += (f"\n Test Files  " + (f"{sf} failed | " if sf else "") + f"{sp} passed ({nsu})\n"
                f"      Tests  " + (f"{tf} failed | " if tf else "") + f"{tp} passed" + (f" | {ts} skipped" if ts else "") + f" ({tp + tf + ts})\n"
                f"   Start at  10:42:17\n   Duration  {secs:.2f}s (transform 412ms, setup 0ms, collect 1.21s, tests {secs / 3:.2f}s)\n")
    return out


def mvn(module: str, tests: list[tuple[str, int, int, int]], fail_detail: str = "", secs: float = 14.2) -> str:
    """tests: (class, run, failures, errors)."""
    out = (f"[INFO] Scanning for projects...\n[INFO] \n[INFO] ------------------------< com.acme:{module} >------------------------\n"
           f"[INFO] Building {module} 2.3.0-SNAPSHOT\n[INFO]   from pom.xml\n[INFO] --------------------------------[ jar ]---------------------------------\n"
           f"[INFO] --- resources:3.3.1:resources (default-resources) @ {module} ---\n[INFO] --- compiler:3.13.0:compile (default-compile) @ {module} ---\n"
           f"[INFO] Nothing to compile - all classes are up to date.\n[INFO] --- surefire:3.2.5:test (default-test) @ {module} ---\n"
           f"[INFO] \n[INFO] -------------------------------------------------------\n[INFO]  T E S T S\n[INFO] -------------------------------------------------------\n")
    R = F = E = 0
    for cls, r, f, e in tests:
        R += r; F += f; E += e
        lvl = "ERROR" if f or e else "INFO"
        out += f"[INFO] Running {cls}\n[{lvl}] Tests run: {r}, Failures: {f}, Errors: {e}, Skipped: 0, Time elapsed: {0.1 + r * 0.07:.3f} s" + (" <<< FAILURE!" if f or e else "") + f" -- in {cls}\n"
    if fail_detail:
        out += fail_detail.rstrip() + "\n"
    out += f"[INFO] \n[INFO] Results:\n[INFO] \n"
    if F or E:
        out += f"[ERROR] Tests run: {R}, Failures: {F}, Errors: {E}, Skipped: 0\n[INFO] \n[INFO] ------------------------------------------------------------------------\n[INFO] BUILD FAILURE\n"
    else:
        out += f"[INFO] Tests run: {R}, Failures: 0, Errors: 0, Skipped: 0\n[INFO] \n[INFO] ------------------------------------------------------------------------\n[INFO] BUILD SUCCESS\n"
    out += f"[INFO] ------------------------------------------------------------------------\n[INFO] Total time:  {secs:.3f} s\n[INFO] Finished at: 2025-10-09T11:02:44+02:00\n[INFO] ------------------------------------------------------------------------\n"
    return out


def status(branch: str, modified: list[str] = (), untracked: list[str] = (), ahead: int = 0) -> str:
    out = f"On branch {branch}\n"
    out += f"Your branch is ahead of 'origin/{branch}' by {ahead} commit{'s' if ahead != 1 else ''}.\n  (use \"git push\" to publish your local commits)\n\n" if ahead else f"Your branch is up to date with 'origin/{branch}'.\n\n"
    if modified:
        out += "Changes not staged for commit:\n  (use \"git add <file>...\" to update what will be committed)\n  (use \"git restore <file>...\" to discard changes in working directory)\n"
        out += "".join(f"\tmodified:   {m}\n" for m in modified) + "\n"
    if untracked:
        out += "Untracked files:\n  (use \"git add <file>...\" to include in what will be committed)\n" + "".join(f"\t{u}\n" for u in untracked) + "\n"
    if not modified and not untracked:
        out += "nothing to commit, working tree clean\n"
    else:
        out += "no changes added to commit (use \"git add\" and/or \"git commit -a\")\n"
    return out


def diff(path: str, hunk: str, idx: str = "3e1f0a2..9b7c4d1") -> str:
    return f"diff --git a/{path} b/{path}\nindex {idx} 100644\n--- a/{path}\n+++ b/{path}\n{hunk.rstrip()}\n"
