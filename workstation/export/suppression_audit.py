"""The cell-suppression audit of agency summaries (as tau-ARGUS audits a table): before an
agency's PDF is written, everything the agency has ever been sent (workstation.export.
published_facts) plus the new PDF is read as linear facts about unknown counts, and for each
suppressed count its least and greatest value consistent with all of them is found by
linear programming (scipy.optimize.linprog, HiGHS).

Unknowns, per agency: s:<period> reports received (a year is the sum of its quarters),
r:<period> reviewed, p:<period> published, a:/f:<period>:<code> its activity and factor
counts, and R:, A:, F: the same for all partner agencies. Facts: a printed count fixes its
unknown; "fewer than k" bounds it to 1..k-1; a notice to 0..k-1; "withheld" to 0 or more.
Structure a reader knows: activities add up to the reviewed count (each report has one),
a factor count is at most the reviewed count, published <= reviewed, the agency's count <=
all agencies' count, the published count >= the titles quoted. Reviewed <= received + l,
where l:<period> (an unknown) counts late approvals: reports received in an earlier period
already sent, approved after that (agency_figures). Each reviewed report is counted once,
so the late approvals of a period plus the reviewed counts of the periods before it are at
most the reports received in the periods before it that were sent (with no earlier period
sent, l is 0 and reviewed <= received).

Protection rule: a "fewer than k" count must stay feasible at every value 1..k-1 (LP
minimum <= 1, maximum >= k - 1); a "withheld" count must keep a range at least k wide.
Where it does not, `protect` withholds one more printed figure of the new PDF next to the
exposed count (the nearest, then the smallest), then turns a "fewer than k" of the new PDF
into "withheld" (which may be 0), then stops quoting titles, and last leaves the exposed
count out of the new PDF ("not given"), until the rule holds. A count exposed by earlier
PDFs alone (sent before this audit existed) cannot be helped and is reported.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from workstation.export.periods import parse_period
from workstation.export.published_facts import (
    COUNT,
    FEWER,
    HIDDEN,
    NONE,
    NOTICE,
    WITHHELD,
    Fact,
    Facts,
)

EPS = 1e-6
MAX_STEPS = 200
LOOKAHEAD = 4  # candidates tried before one is withheld


@dataclass(frozen=True)
class Constraint:
    coefs: tuple[tuple[str, float], ...]
    rhs: float
    equal: bool  # sum(coef * x) == rhs, else <= rhs


@dataclass
class Model:
    k: int
    lo: dict[str, float] = field(default_factory=dict)
    hi: dict[str, float] = field(default_factory=dict)
    rows: list[Constraint] = field(default_factory=list)
    kinds: dict[str, set[str]] = field(default_factory=dict)  # suppressed unknowns: how shown
    facts: dict[str, list[Fact]] = field(default_factory=dict)  # unknown -> the facts about it

    def touch(self, var: str) -> str:
        self.lo.setdefault(var, 0.0)
        self.hi.setdefault(var, math.inf)
        return var

    def add(self, coefs: dict[str, float], rhs: float, equal: bool) -> None:
        for var in coefs:
            self.touch(var)
        self.rows.append(Constraint(tuple(coefs.items()), rhs, equal))


@dataclass
class AuditResult:
    checked: int = 0  # suppressed counts whose range was worked out (last round)
    programs: int = 0  # linear programs solved
    added: int = 0  # figures withheld by the audit on top of the usual suppression
    quotes_dropped: int = 0
    exposed: list[str] = field(default_factory=list)  # unknowns earlier PDFs alone expose
    seconds: float = 0.0


def var_of(period: str, cell: str) -> str | None:
    """The unknown a figure is about (None: not a count of reports)."""
    if cell == "submitted":
        return f"s:{period}"
    if cell.startswith("trend:"):
        return f"s:{cell[6:]}"
    simple = {"reviewed": "r", "published": "p", "all:reviewed": "R"}
    if cell in simple:
        return f"{simple[cell]}:{period}"
    for prefix, short in (("all:activity:", "A"), ("all:factor:", "F"), ("activity:", "a"), ("factor:", "f")):
        if cell.startswith(prefix):
            return f"{short}:{period}:{cell[len(prefix):]}"
    return None


def build(periods: dict[str, Facts], k: int) -> Model:
    model = Model(k)
    for code, facts in periods.items():
        for fact in facts.values():
            if fact.cell == "quotes":
                model.add({f"p:{code}": -1.0}, -float(fact.value), False)
            var = var_of(code, fact.cell)
            if var is None or fact.shown not in (COUNT, HIDDEN, FEWER, NOTICE, WITHHELD):
                continue
            model.touch(var)
            model.facts.setdefault(var, []).append(fact)
            lo, hi = {COUNT: (fact.value, fact.value), HIDDEN: (fact.value, fact.value), FEWER: (1, k - 1),
                      NOTICE: (0, k - 1), WITHHELD: (0, math.inf)}[fact.shown]
            model.lo[var] = max(model.lo[var], lo)
            model.hi[var] = min(model.hi[var], hi)
            if fact.shown in (FEWER, NOTICE, WITHHELD):
                model.kinds.setdefault(var, set()).add(fact.shown)
        _structure(model, code, facts)
    _late_approvals(model, periods)
    for var in [v for v in model.lo if v.startswith("s:") and parse_period(v[2:]).kind == "year"]:
        year = var[2:]
        model.add({var: 1.0, **{f"s:{year}-Q{q}": -1.0 for q in range(1, 5)}}, 0.0, True)
    return model


def _structure(model: Model, code: str, facts: Facts) -> None:
    if "reviewed" not in facts:
        return
    s, r, p, big_r = f"s:{code}", f"r:{code}", f"p:{code}", f"R:{code}"
    model.add({r: 1.0, s: -1.0, f"l:{code}": -1.0}, 0.0, False)
    model.add({p: 1.0, r: -1.0}, 0.0, False)
    model.add({r: 1.0, big_r: -1.0}, 0.0, False)
    for mine, everyone, additive in (("a", "A", True), ("f", "F", False)):
        total, big_total = r, big_r
        keys = [name.split(":", 2)[2] for name in facts
                if name.startswith("all:activity:" if mine == "a" else "all:factor:")]
        if additive:
            model.add({**{f"a:{code}:{key}": 1.0 for key in keys}, total: -1.0}, 0.0, True)
            model.add({**{f"A:{code}:{key}": 1.0 for key in keys}, big_total: -1.0}, 0.0, True)
        for key in keys:
            model.add({f"{mine}:{code}:{key}": 1.0, f"{everyone}:{code}:{key}": -1.0}, 0.0, False)
            if not additive:
                model.add({f"{mine}:{code}:{key}": 1.0, total: -1.0}, 0.0, False)
                model.add({f"{everyone}:{code}:{key}": 1.0, big_total: -1.0}, 0.0, False)


def _late_approvals(model: Model, periods: dict[str, Facts]) -> None:
    """l:<Q> + the reviewed counts of the periods sent before Q <= their received counts."""
    starts = {code: parse_period(code).start for code in periods}
    for code, facts in periods.items():
        if "reviewed" not in facts:
            continue
        coefs: dict[str, float] = {f"l:{code}": 1.0}
        for earlier, earlier_facts in periods.items():
            if starts[earlier] < starts[code]:
                coefs[f"s:{earlier}"] = -1.0
                if "reviewed" in earlier_facts:
                    coefs[f"r:{earlier}"] = 1.0
        model.add(coefs, 0.0, False)


Solved = dict[str, tuple[float, float]]
Cache = dict[tuple[object, ...], Solved | None]


def ranges(model: Model, counter: AuditResult | None = None, cache: Cache | None = None) -> Solved | None:
    """Least and greatest value of every suppressed unknown (None: the facts contradict).
    The unknowns fall apart into independent groups once printed counts are put in; a
    group already solved with the same facts (`cache`) is not solved again."""
    fixed = {v: model.lo[v] for v in model.lo if model.hi[v] - model.lo[v] < EPS}
    if any(model.lo[v] > model.hi[v] + EPS for v in model.lo):
        return None
    reduced: list[tuple[dict[str, float], float, bool]] = []
    parent: dict[str, str] = {}

    def find(v: str) -> str:
        while parent.setdefault(v, v) != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for row in model.rows:
        coefs = {v: c for v, c in row.coefs if v not in fixed}
        rhs = row.rhs - sum(c * fixed[v] for v, c in row.coefs if v in fixed)
        if not coefs:
            if (abs(rhs) > EPS) if row.equal else (rhs < -EPS):
                return None
            continue
        reduced.append((coefs, rhs, row.equal))
        first, *rest = coefs
        for other in rest:
            parent[find(other)] = find(first)
    found: dict[str, tuple[float, float]] = {v: (fixed[v], fixed[v]) for v in model.kinds if v in fixed}
    components: dict[str, list[str]] = defaultdict(list)
    for var in model.lo:
        if var not in fixed:
            components[find(var)].append(var)
    rows_of: dict[str, list[tuple[dict[str, float], float, bool]]] = defaultdict(list)
    for part in reduced:
        rows_of[find(next(iter(part[0])))].append(part)
    for root, members in components.items():
        wanted = [v for v in members if v in model.kinds]
        if not wanted:
            continue
        key = (tuple(members), tuple(wanted),
               tuple((tuple(sorted(c.items())), r, e) for c, r, e in rows_of[root]),
               tuple((model.lo[v], model.hi[v]) for v in members))
        if cache is not None and key in cache:
            solved = cache[key]
        else:
            solved = _solve(model, members, rows_of[root], wanted, counter)
            if cache is not None:
                cache[key] = solved
        if solved is None:
            return None
        found.update(solved)
    return found


def _solve(model: Model, members: list[str], rows: list[tuple[dict[str, float], float, bool]],
           wanted: list[str], counter: AuditResult | None) -> dict[str, tuple[float, float]] | None:
    from scipy.optimize import linprog  # SciPy loads only when an agency export audits

    index = {v: i for i, v in enumerate(members)}
    bounds = [(model.lo[v], None if math.isinf(model.hi[v]) else model.hi[v]) for v in members]
    if len(members) == 1:  # one unknown: its rows are bounds
        lo, hi = model.lo[members[0]], model.hi[members[0]]
        for coefs, rhs, equal in rows:
            coef = coefs[members[0]]
            value = rhs / coef
            if equal:
                lo, hi = max(lo, value), min(hi, value)
            elif coef > 0:
                hi = min(hi, value)
            else:
                lo = max(lo, value)
        return None if lo > hi + EPS else {members[0]: (lo, hi)}
    ub = [r for r in rows if not r[2]]
    eq = [r for r in rows if r[2]]

    Rows = list[tuple[dict[str, float], float, bool]]

    def matrix(chosen: Rows) -> tuple[np.ndarray | None, np.ndarray | None]:
        if not chosen:
            return None, None
        a = np.zeros((len(chosen), len(members)))
        for i, (coefs, _, _) in enumerate(chosen):
            for v, c in coefs.items():
                a[i, index[v]] = c
        return a, np.array([rhs for _, rhs, _ in chosen])

    a_ub, b_ub = matrix(ub)
    a_eq, b_eq = matrix(eq)
    fast = _Warm.make(members, bounds, ub + eq)
    found: dict[str, tuple[float, float]] = {}
    solved_any = False
    for var in wanted:
        ends = []
        truth = _truth(model, var)
        for sign in (1.0, -1.0):
            # The true count is feasible: a "fewer than k" count of 1 has its minimum at most 1,
            # one of k - 1 its maximum at least k - 1; those programs are not needed (one
            # program per group is always solved, to find facts that contradict each other).
            if truth is not None and FEWER in model.kinds[var] and solved_any and (
                    (sign > 0 and truth <= 1) or (sign < 0 and truth >= model.k - 1)):
                ends.append(truth)
                continue
            outcome = fast.solve(index[var], sign) if fast is not None else None
            if outcome is None:  # no warm solver, or an answer it cannot tell apart: SciPy's
                c = np.zeros(len(members))
                c[index[var]] = sign
                result = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                                 method="highs")
                outcome = (int(result.status), float(result.fun) if result.status == 0 else 0.0)
            solved_any = True
            if counter is not None:
                counter.programs += 1
            status, value = outcome
            if status == 2:
                return None
            ends.append(sign * value if status == 0 else sign * -math.inf)  # unbounded
        found[var] = (ends[0], ends[1])
    return found


class _Warm:
    """One component's program kept in a HiGHS instance, solved again for each objective (a
    warm start from the last basis): the same programs as `linprog(method="highs")` without
    building and checking them anew each time, several times faster. Uses the HiGHS binding
    SciPy ships (scipy.optimize._highspy); where that is missing or changed, `make` returns
    None and linprog is used."""

    def __init__(self, highs: Any, size: int, core: Any) -> None:
        self.highs, self.size, self.core = highs, size, core
        self.current: int | None = None

    @classmethod
    def make(cls, members: list[str], bounds: list[tuple[float, float | None]],
             rows: list[tuple[dict[str, float], float, bool]]) -> _Warm | None:
        try:
            from scipy.optimize._highspy import _core as core
        except ImportError:
            return None
        try:
            index = {v: i for i, v in enumerate(members)}
            inf = core.kHighsInf
            highs = core._Highs()
            highs.setOptionValue("output_flag", False)
            lp = core.HighsLp()
            lp.num_col_, lp.num_row_ = len(members), len(rows)
            lp.col_cost_ = np.zeros(len(members))
            lp.col_lower_ = np.array([lo for lo, _ in bounds], dtype=float)
            lp.col_upper_ = np.array([inf if hi is None else hi for _, hi in bounds], dtype=float)
            lp.row_lower_ = np.array([rhs if equal else -inf for _, rhs, equal in rows], dtype=float)
            lp.row_upper_ = np.array([rhs for _, rhs, _ in rows], dtype=float)
            matrix = lp.a_matrix_
            matrix.format_ = core.MatrixFormat.kRowwise
            starts, columns, values = [0], [], []
            for coefs, _, _ in rows:
                for v, c in coefs.items():
                    columns.append(index[v])
                    values.append(c)
                starts.append(len(columns))
            matrix.start_ = np.array(starts, dtype=np.int32)
            matrix.index_ = np.array(columns, dtype=np.int32)
            matrix.value_ = np.array(values, dtype=float)
            lp.a_matrix_ = matrix
            if highs.passModel(lp) != core.HighsStatus.kOk:
                return None
            return cls(highs, len(members), core)
        except (AttributeError, TypeError, ValueError, RuntimeError):
            return None

    def solve(self, column: int, sign: float) -> tuple[int, float] | None:
        """(0, least value of sign * x[column]) or (2, 0) infeasible or (3, 0) unbounded; None
        when HiGHS cannot say (linprog then decides)."""
        try:
            if self.current is not None and self.current != column:
                self.highs.changeColCost(self.current, 0.0)
            self.highs.changeColCost(column, sign)
            self.current = column
            self.highs.run()
            status = self.highs.getModelStatus()
            statuses = self.core.HighsModelStatus
            if status == statuses.kOptimal:
                return 0, float(self.highs.getInfo().objective_function_value)
            if status == statuses.kInfeasible:
                return 2, 0.0
            if status == statuses.kUnbounded:
                return 3, 0.0
            return None
        except (AttributeError, TypeError, ValueError, RuntimeError):
            return None


def _truth(model: Model, var: str) -> float | None:
    """The true count behind an unknown, when all its facts agree on one."""
    values = {f.value for f in model.facts.get(var, [])}
    return float(values.pop()) if len(values) == 1 else None


def violations(model: Model, found: dict[str, tuple[float, float]]) -> list[str]:
    bad = []
    for var, kinds in model.kinds.items():
        lo, hi = found[var]
        if kinds == {NOTICE} and all(f.value == 0 for f in model.facts[var]):
            continue  # a notice for no report at all: zero is not protected
        if FEWER in kinds or NOTICE in kinds:
            ok = lo <= 1 + EPS and hi >= model.k - 1 - EPS
        else:
            ok = hi - lo >= model.k - EPS
        if not ok:
            bad.append(var)
    return bad


def protect(past: dict[str, Facts], current: Facts, k: int) -> tuple[Facts, AuditResult]:
    """`current` (one new PDF's facts) with more figures withheld until, with everything sent
    before (`past`, by period), every suppressed count keeps the protection rule."""
    started = time.perf_counter()
    result = AuditResult()
    current = dict(current)
    code = next(iter(current.values())).period
    given_up: set[str] = set()
    cache: Cache = {}
    for _ in range(MAX_STEPS):
        model = build({**past, code: current}, k)
        found = ranges(model, result, cache)
        result.checked = len(model.kinds)
        if found is None:  # the new figures contradict earlier ones: withhold what can be
            if not _withhold(current, model, [v for v in model.lo if _mine(model, v, code)]):
                given_up.add("(contradicting facts)")
                break
            result.added += 1
            continue
        bad = [v for v in violations(model, found) if v not in given_up]
        if not bad:
            break
        var = bad[0]
        if var == f"p:{code}" and _quoted(current, code):
            # The titles quoted list the published reports: a hidden published count that
            # only they pin down is printed (they say it anyway), else fewer are quoted.
            published = current["published"]
            if published.value == current["quotes"].value:
                current["published"] = replace(published, shown=COUNT)
            else:
                current["quotes"] = replace(current["quotes"], value=min(1, current["quotes"].value))
                result.quotes_dropped += 1
            continue
        candidate = _best_candidate(model, var, code, past, current, k, result, cache)
        if candidate is not None:
            _withhold(current, model, [candidate])
            result.added += 1
        elif current.get("quotes") and current["quotes"].value and _linked(model, var, f"p:{code}"):
            current["quotes"] = replace(current["quotes"], value=0)
            result.quotes_dropped += 1
        elif not _omit(current, model, var):
            given_up.add(var)  # earlier PDFs alone expose it
    model = build({**past, code: current}, k)
    found = ranges(model, result, cache)
    result.exposed = ["(contradicting facts)"] if found is None else violations(model, found)
    result.seconds = time.perf_counter() - started
    return current, result


def _mine(model: Model, var: str, code: str, shown: str = COUNT) -> bool:
    """Whether the new PDF shows this unknown as `shown` and no earlier one fixed or bounded
    it (so withholding it in the new PDF widens it)."""
    facts = model.facts.get(var, [])
    return (any(f.period == code and f.shown == shown for f in facts)
            and not any(f.period != code and f.shown in (COUNT, HIDDEN, FEWER) for f in facts))


def _omit(current: Facts, model: Model, var: str) -> bool:
    """The last resort: the new PDF does not give the count at all ("not given", no point)."""
    changed = False
    for fact in model.facts.get(var, []):
        if fact.shown in (FEWER, WITHHELD, COUNT) and current.get(fact.cell) == fact:
            current[fact.cell] = replace(fact, shown=NONE)
            changed = True
    return changed


def _withhold(current: Facts, model: Model, variables: list[str]) -> bool:
    changed = False
    for var in variables:
        for fact in model.facts.get(var, []):
            if fact.shown in (COUNT, FEWER) and current.get(fact.cell) == fact:
                current[fact.cell] = replace(fact, shown=WITHHELD)
                changed = True
    return changed


def _graph(model: Model) -> dict[str, set[str]]:
    links: dict[str, set[str]] = defaultdict(set)
    for row in model.rows:
        names = [v for v, _ in row.coefs]
        for v in names:
            links[v].update(names)
    return links


def _linked(model: Model, start: str, goal: str) -> bool:
    return goal in _distances(_graph(model), start)


def _distances(links: dict[str, set[str]], start: str) -> dict[str, int]:
    seen = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in links[v]:
            if w not in seen:
                seen[w] = seen[v] + 1
                queue.append(w)
    return seen


def _quoted(current: Facts, code: str) -> bool:
    quotes, published = current.get("quotes"), current.get("published")
    return (quotes is not None and published is not None and published.shown == FEWER
            and quotes.value > 1 and published.period == code)


def _candidates(model: Model, var: str, code: str, limit: int = LOOKAHEAD) -> list[str]:
    """Figures of the new PDF that could be withheld next, best first: one it prints where an
    earlier PDF withheld it; else printed non-zero counts, nearest to the exposed count, then
    smallest; else a "fewer than k" of the new PDF (withheld, it may be 0)."""
    if _mine(model, var, code):
        return [var]
    distance = _distances(_graph(model), var)
    for shown in (COUNT, FEWER):
        options = [v for v in distance
                   if _mine(model, v, code, shown) and (shown == FEWER or model.lo[v] > 0)]
        if options:
            # The key figures (received, reviewed) last among equals: they matter most to readers.
            key_figure = {f"s:{code}", f"r:{code}"}
            return sorted(options, key=lambda v: (distance[v], v in key_figure, model.lo[v], v))[:limit]
    return []


def _best_candidate(model: Model, var: str, code: str, past: dict[str, Facts], current: Facts, k: int,
                    result: AuditResult, cache: Cache) -> str | None:
    """Of the first few candidates, the one that best protects `var` (tried one by one:
    the first that mends it, else the one leaving it the widest range)."""
    options = _candidates(model, var, code)
    if len(options) <= 1:
        return options[0] if options else None
    best, best_width = options[0], -1.0
    for option in options:
        trial = dict(current)
        _withhold(trial, model, [option])
        tried = build({**past, code: trial}, k)
        tried.kinds = {var: model.kinds[var]}
        found = ranges(tried, result, cache)
        if found is None:
            continue
        if not violations(tried, found):
            return option
        lo, hi = found[var]
        if hi - lo > best_width:
            best, best_width = option, hi - lo
    return best
