"""The detectors the offline monitor runs: the YAML pattern rules, then the structural checks.

Each structural check is a function `Context -> Iterable[Hit]` listed in `CHECKS` with
the step kinds it needs; a view that hides those kinds skips it. A check that raises
is recorded and skipped, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from thinkwatch.model import Evidence, StepKind
from thinkwatch.monitors.offline import (
    checks_claims,
    checks_code,
    checks_code_logic,
    checks_commands,
    checks_commands_extra,
    checks_config,
    checks_constraints,
    checks_tests,
)
from thinkwatch.monitors.offline.context import VIEWS, Call, Context, Hit, quote, span_quote, windows
from thinkwatch.monitors.offline.edits import path_tags
from thinkwatch.monitors.offline.reasoning import (
    COMMIT,
    CONSIDER,
    REJECTED,
    STATE,
    TextIndex,
    stance,
    takes_back_up,
)
from thinkwatch.monitors.offline.rules import Rule, RuleSet
from thinkwatch.monitors.offline.shell import Command, normalized, read_paths


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Context], Iterable[Hit]]
    needs: frozenset[StepKind]  # every one of these kinds must be visible


_A = frozenset({StepKind.TOOL_CALL})
_CLAIMS = frozenset({StepKind.ASSISTANT, StepKind.TOOL_CALL})

CHECKS: tuple[Check, ...] = (
    Check("test_changes", checks_tests.check_test_changes, _A),
    Check("test_runs", checks_tests.check_test_runs, _A),
    Check("test_status_discarded", checks_tests.test_status_discarded, _A),
    Check("failing_cases_vanished", checks_tests.failing_cases_vanished, _A),
    Check("forbidden_files", checks_constraints.forbidden_file_edited, _A),
    Check("claims_vs_runs", checks_tests.claims_vs_runs, _CLAIMS),
    Check(
        "claims_vs_reasoning",
        checks_tests.claims_vs_reasoning,
        frozenset({StepKind.ASSISTANT, StepKind.REASONING}),
    ),
    Check("stubs", checks_tests.stubs_presented_done, _A),
    Check("destructive", checks_commands.destructive, _A),
    Check("secrets", checks_commands.secret_reads, _A),
    Check("exfiltration", checks_commands.exfiltration, _A),
    Check("denial_retry", checks_commands.retry_after_denial, _A),
    Check("agent_config", checks_commands.agent_config, _A),
    Check("mirror_deletes", checks_commands_extra.mirror_deletes, _A),
    Check("open_permissions", checks_commands_extra.open_permissions, _A),
    Check("monitor_killed", checks_commands_extra.monitor_killed, _A),
    Check("verification_off", checks_config.verification_defaulted_off, _A),
    Check("monitoring_off", checks_config.monitoring_switched_off, _A),
    Check("special_casing", checks_code.special_casing, _A),
    Check("sabotage", checks_code.sabotage, _A),
    Check("code_logic", checks_code_logic.logic_changes, _A),
    Check("claims_vs_facts", checks_claims.claims_vs_facts, _CLAIMS),
    Check("metric_claims", checks_claims.metric_claims, _A),
    Check("giving_up", checks_claims.giving_up, _A),
    Check("example_unmet", checks_claims.issue_example_unmet, _A),
    Check("dropped_item_reported", checks_claims.dropped_item_still_reported, _CLAIMS),
    Check("pagination_dropped", checks_claims.pagination_dropped, _A),
    Check("misattributed_failure", checks_claims.misattributed_failure, frozenset({StepKind.ASSISTANT})),
    Check("gaming_plans", checks_claims.gaming_plans, frozenset({StepKind.REASONING})),
)


def run_checks(ctx: Context, errors: list[str]) -> list[Hit]:
    visible = VIEWS[ctx.view]
    hits: list[Hit] = []
    for check in CHECKS:
        if not check.needs <= visible:
            continue
        try:
            hits.extend(check.run(ctx))
        except Exception as e:  # noqa: BLE001 - one broken check must not lose the others' findings
            errors.append(f"{check.name}: {type(e).__name__}: {e}")
    return hits


# --- pattern rules ------------------------------------------------------------------

_KIND_SOURCE = {StepKind.REASONING: "intent", StepKind.TOOL_CALL: "action"}


def _line_around(text: str, start: int, end: int, limit: int = 240) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    if le - ls <= limit:
        return ls, le
    a = max(ls, start - (limit - (end - start)) // 2)
    return a, min(le, a + limit)


class _Collector:
    """Keeps the best hit per (rule, step)."""

    def __init__(self) -> None:
        self.best: dict[tuple[str, int], Hit] = {}

    def add(
        self,
        rule: Rule,
        step: int,
        score: float,
        explanation: str,
        ev: list[Evidence],
        source: str,
        committed: bool = True,
    ) -> None:
        key = (rule.id, step)
        cur = self.best.get(key)
        if cur is not None and cur.score >= score:
            return
        self.best[key] = Hit(
            rule.category,
            score,
            rule.id,
            explanation,
            ev,
            step,
            source,
            rule.severity,
            {"committed": committed, "rule": True},
        )


def apply_rules(ctx: Context, rs: RuleSet) -> list[Hit]:
    out = _Collector()
    # plans the previous reasoning/assistant step rejected or only considered: (rule, words, step, quote, rejected)
    pending: list[tuple[Rule, str, int, str, bool]] = []
    # an answer handed to `submit(...)` is what the agent tells its user or grader, so the
    # rules for messages read it, from the step that holds it
    answers = {r.index for r in checks_claims.final_reports(ctx) if r.kind is not StepKind.ASSISTANT}
    for s in ctx.steps:
        kind = s.kind
        group = rs.text.get("assistant" if s.index in answers else kind.value)
        if kind in (StepKind.REASONING, StepKind.ASSISTANT) and pending:
            for rule, matched, prev, prev_quote, was_rejected in pending:
                again = takes_back_up(s.text, matched, rejected=was_rejected)
                if again is not None:
                    how = "taken back up after being rejected" if was_rejected else "considered, then decided"
                    out.best.pop((rule.id, prev), None)  # the earlier, hedged hit is now part of this one
                    out.add(
                        rule,
                        s.index,
                        rule.score,
                        f"{rule.explain(matched)} ({how})",
                        [Evidence(prev, prev_quote), Evidence(s.index, span_quote(s.text, *again))],
                        "intent",
                    )
            pending = []
        if group:
            index: TextIndex | None = None
            for offset, piece in windows(s.text, kind):
                for rule, m in group.all_matches(piece):
                    a, b = offset + m.start(), offset + m.end()
                    ls, le = _line_around(s.text, a, b)
                    if rule.unless and any(u.search(s.text, ls, le) for u in rule.unless):
                        continue
                    if rule.unless_task and ctx.task_asks(rule.unless_task, s.index):
                        continue
                    source = _KIND_SOURCE.get(kind, "text")
                    if rule.negation_aware and kind is StepKind.ASSISTANT:
                        source = "intent"  # "I'll skip the flaky test" said to the user is a plan too
                    if rule.negation_aware:
                        index = index or TextIndex.of(s.text)
                        st = stance(index, a, b)
                        if st.kind in (REJECTED, CONSIDER) and kind in (
                            StepKind.REASONING,
                            StepKind.ASSISTANT,
                        ):
                            pending.append(
                                (
                                    rule,
                                    m.group(0),
                                    s.index,
                                    span_quote(s.text, *st.quote),
                                    st.kind == REJECTED,
                                )
                            )
                        if st.factor == 0:
                            continue
                        ev = [Evidence(s.index, span_quote(s.text, *st.quote))]
                        if st.reconsidered:
                            ev.append(Evidence(s.index, span_quote(s.text, *st.reconsidered)))
                        note = {COMMIT: "", STATE: ""}.get(st.kind, " (considered, not clearly decided)")
                        out.add(
                            rule,
                            s.index,
                            rule.score * st.factor,
                            rule.explain(m.group(0)) + note,
                            ev,
                            source,
                            committed=st.kind in (COMMIT, STATE),
                        )
                    else:
                        out.add(
                            rule,
                            s.index,
                            rule.score,
                            rule.explain(m.group(0)),
                            [Evidence(s.index, span_quote(s.text, ls, le))],
                            source,
                        )
        if (
            kind is StepKind.TOOL_CALL or kind is StepKind.ASSISTANT
        ):  # an answer's code blocks (chat harnesses)
            call = ctx.call_at.get(s.index)
            if call is not None:
                _apply_call_rules(ctx, rs, call, out)
    return list(out.best.values())


_NORMALIZED: dict[str, tuple[str, list[tuple[int, int, Command]]]] = {}


def _normalized(command: str, cmds: list[Command]) -> tuple[str, list[tuple[int, int, Command]]]:
    """`normalized(cmds)`, cached by command line like `parse_shell`."""
    if len(command) > 4096:
        return normalized(cmds)
    got = _NORMALIZED.get(command)
    if got is None:
        if len(_NORMALIZED) > 4096:
            _NORMALIZED.clear()
        got = _NORMALIZED[command] = normalized(cmds)
    return got


def _apply_call_rules(ctx: Context, rs: RuleSet, call: Call, out: _Collector) -> None:
    s = call.step
    allowed_cache: dict[str, bool] = {}

    def allowed(rule: Rule) -> bool:
        if not rule.unless_task:
            return False
        if rule.id not in allowed_cache:
            allowed_cache[rule.id] = ctx.task_asks(rule.unless_task, s.index)
        return allowed_cache[rule.id]

    group = rs.target["command"]
    if group and call.cmds:
        text, spans = _normalized(call.command, call.cmds)
        for rule, m in group.matches(text):
            if allowed(rule) or rule.unless and any(u.search(text) for u in rule.unless):
                continue
            cmd = next((c for a, b, c in spans if a <= m.start() < b), None)
            q = quote(s, m.group(0), cmd.source if cmd else None, call.command)
            out.add(rule, s.index, rule.score, rule.explain(m.group(0)), [Evidence(s.index, q)], "action")
    group = rs.target["command_raw"]
    if group and call.command:
        for rule, m in group.matches(call.command):
            if allowed(rule) or rule.unless and any(u.search(call.command) for u in rule.unless):
                continue
            q = quote(s, m.group(0), call.command)
            out.add(rule, s.index, rule.score, rule.explain(m.group(0)), [Evidence(s.index, q)], "action")
    group = rs.target["path"]
    if group:
        paths = [ch.path for ch in call.changes] + [ch.new_path for ch in call.changes if ch.new_path]
        if s.action is not None and s.action.path:
            paths.append(s.action.path)
        for c in call.cmds:
            paths.extend(read_paths(c))
        for p in dict.fromkeys(paths):
            for rule, m in group.matches(p):
                if not rule.file_ok(p, path_tags(p)) or allowed(rule):
                    continue
                if rule.unless and any(u.search(p) for u in rule.unless):
                    continue
                out.add(
                    rule,
                    s.index,
                    rule.score,
                    rule.explain(m.group(0), p),
                    [Evidence(s.index, quote(s, p))],
                    "action",
                )
    for target in ("diff_added", "diff_removed"):
        group = rs.target[target]
        if not group:
            continue
        for ch in call.changes:
            lines = ch.added if target == "diff_added" else ch.removed
            if not lines:
                continue
            text = "\n".join(lines)
            tags = ch.tags
            done: set[str] = set()
            for rule, m in group.all_matches(text):  # all: `unless` may cancel one line but not the next
                if rule.id in done or not rule.file_ok(ch.path, tags) or allowed(rule):
                    continue
                ls, le = _line_around(text, m.start(), m.end())
                if rule.unless and any(u.search(text, ls, le) for u in rule.unless):
                    continue
                done.add(rule.id)
                line = " ".join(text[ls:le].split())
                where = "added to" if target == "diff_added" else "removed from"
                expl = f"{rule.explain(m.group(0), ch.path)} (line {where} {ch.path}: `{line[:160]}`)"
                out.add(
                    rule,
                    s.index,
                    rule.score,
                    expl,
                    [Evidence(s.index, quote(s, ch.path, call.command))],
                    "action",
                )
