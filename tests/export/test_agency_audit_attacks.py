"""The attacker of issue 18 §2: everything one partner agency received, read back from the
PDFs with pypdf (as the agency would read them, not from the program's objects), written
down as linear facts, and every suppressed count's least and greatest value worked out by
linear programming (scipy, HiGHS). The protection rule must hold for every suppressed
count: a "fewer than k" count stays feasible at every value 1..k-1, a "withheld" count keeps
a range at least k wide; and no trend average is drawn over a single agency.

The database is made behind the workflow (rows written straight into reports and coding:
the export only reads them), with many small agencies (0-8 reports per cell) and agencies
set up for each attack the issue lists, and exported for real: the year 2025, then 2026-Q1
and 2026-Q2, then 2026-Q2 again after one more approval; then, after late approvals of
reports received in 2026-Q1 (approved now, after 2026-Q1 was sent), the quarter of today,
which counts them (the period of their approval), and 2026-Q1 again, which does not.

The reader knows from the method note that a period's reviewed count may include reports
received in earlier periods already sent and approved after that: so reviewed <= received
+ late, and late + the reviewed counts of the earlier periods <= their received counts.

The same test, run on the code before the audit (main at 6ffbb67), fails: see the report.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import random
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from scipy.optimize import linprog

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Template
from workstation.audit import chain
from workstation.export.agency_export import export_agency_pdfs
from workstation.session import Session, unlock

K = 5
FEWER, WITHHELD = "fewer", "withheld"
ACTIVITIES = ["traffic_stop", "welfare_check", "vehicle_pursuit", "domestic_disturbance"]
FACTORS = ["fatigue", "complacency", "communication"]
# Agencies set up for one attack each (see `crafted`).
COMPLEMENT, TWO_SMALL, PUBLISHED, LONELY, YEAR, REEXPORT, LATE = (f"TX00000{i:02d}" for i in range(1, 8))
TODAY = datetime.now(UTC).date()
NOW = f"{TODAY.year}-Q{(TODAY.month - 1) // 3 + 1}"  # the quarter late approvals fall in


# -- the database ----------------------------------------------------------------------------

@dataclass
class Report:
    ori: str
    received: str  # ISO date
    stage: str = "approved"  # received, approved, published
    activity: str = "traffic_stop"
    factors: tuple[str, ...] = ("fatigue",)


def crafted() -> list[Report]:
    """The issue's attacks, one agency each (k = 5)."""
    out: list[Report] = []

    def add(ori: str, day: str, count: int, **kw: object) -> None:
        out.extend(Report(ori, day, **kw) for _ in range(count))  # type: ignore[arg-type]

    # A complementary "withheld" cell plus the total: 6 + (2) + (5) = 13.
    add(COMPLEMENT, "2026-02-03", 6)
    add(COMPLEMENT, "2026-02-03", 2, activity="welfare_check")
    add(COMPLEMENT, "2026-02-03", 5, activity="vehicle_pursuit")
    # Two "fewer than 5" cells whose sum the total gives: 12 = 10 + (1) + (1).
    add(TWO_SMALL, "2026-02-04", 10)
    add(TWO_SMALL, "2026-02-04", 1, activity="welfare_check")
    add(TWO_SMALL, "2026-02-04", 1, activity="vehicle_pursuit")
    # Reviewed "fewer than 5" beside a printed published count: 8 received, 3 reviewed, 3 published.
    add(PUBLISHED, "2026-02-05", 5, stage="received")
    add(PUBLISHED, "2026-02-05", 3, stage="published")
    # The only agency reporting in 2024-Q4 (3 reports): the average there is its count.
    add(LONELY, "2024-11-05", 3)
    add(LONELY, "2026-02-06", 6)
    # A year (16 = 6 + 3 + 7 + 0) and, later, its quarters in a trend chart.
    add(YEAR, "2025-02-01", 6)
    add(YEAR, "2025-05-01", 3)
    add(YEAR, "2025-08-01", 7)
    add(YEAR, "2026-02-07", 6)
    # 2026-Q2 exported, then once more after one more approval (6, 3, 5 -> 6, 3, 6).
    add(REEXPORT, "2026-05-02", 6)
    add(REEXPORT, "2026-05-02", 3, activity="welfare_check")
    add(REEXPORT, "2026-05-02", 5, activity="vehicle_pursuit")
    add(REEXPORT, "2026-05-03", 1, activity="vehicle_pursuit", stage="received")
    # 2026-Q1: 5 reviewed of 8; the other 3 approved after 2026-Q1 was sent, so counted in
    # the quarter of today with the 6 received (and reviewed) then: 9 reviewed of 6 received.
    add(LATE, "2026-02-08", 5)
    add(LATE, "2026-02-08", 3, stage="received")
    add(LATE, TODAY.isoformat(), 6)
    return out


def small_agencies(rng: random.Random, count: int) -> list[Report]:
    """Many small agencies: 0-8 reports a quarter, a mix of stages, activities and factors."""
    quarters = ["2025-02", "2025-05", "2025-08", "2025-11", "2026-02", "2026-05"]
    out = []
    for n in range(count):
        ori = f"OH{n:07d}"
        for quarter in quarters:
            for _ in range(rng.randint(0, 8)):
                stage = rng.choice(["received", "approved", "approved", "published"])
                out.append(Report(ori, f"{quarter}-{rng.randint(1, 28):02d}", stage, rng.choice(ACTIVITIES),
                                  tuple(rng.sample(FACTORS, rng.randint(1, 2)))))
    return out


def write_reports(session: Session, reports: list[Report]) -> dict[int, Report]:
    ids: dict[int, Report] = {}
    with session.db.transaction() as tx:
        key = tx.execute("INSERT INTO intake_keys (public_key, trusted_at, trusted_by) VALUES (?, ?, ?)",
                         (bytes(32), "2024-01-01T00:00:00Z", ALICE)).lastrowid
        bundle = tx.execute(
            "INSERT INTO bundles (bundle_id, file_sha256, intake_key_id, created_at, imported_at, "
            "imported_by, imported, quarantined, duplicates) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)",
            ("attack-bundle", "0" * 64, key, "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", ALICE,
             len(reports))).lastrowid
        for report in reports:
            rid = tx.execute(
                "INSERT INTO reports (submission_id, bundle_ref, received_at, form_version, content_sha256, "
                "submission, stage, imported_at) VALUES (?, ?, ?, '1', ?, ?, ?, ?)",
                (str(uuid.uuid4()), bundle, f"{report.received}T12:00:00Z", "0" * 64,
                 json.dumps({"ori": report.ori}), report.stage, f"{report.received}T12:00:00Z")).lastrowid
            assert rid is not None
            if report.stage != "received":
                tx.execute("INSERT INTO coding (report_id, activity_type, contributing_factors) "
                           "VALUES (?, ?, ?)", (rid, report.activity, json.dumps(list(report.factors))))
            ids[rid] = report
    return ids


def approve_one_more(session: Session, ids: dict[int, Report]) -> None:
    rid = next(r for r, rep in ids.items() if rep.ori == REEXPORT and rep.stage == "received")
    with session.db.transaction() as tx:
        tx.execute("UPDATE reports SET stage = 'approved' WHERE id = ?", (rid,))
        tx.execute("INSERT INTO coding (report_id, activity_type, contributing_factors) VALUES (?, ?, ?)",
                   (rid, ids[rid].activity, json.dumps(list(ids[rid].factors))))


def approve_late(session: Session, ids: dict[int, Report]) -> None:
    """LATE's reports still waiting, approved now (after 2026-Q1 was sent), with the audit
    entry the workflow makes."""
    waiting = [r for r, rep in ids.items() if rep.ori == LATE and rep.stage == "received"]
    with session.db.transaction() as tx:
        for rid in waiting:
            tx.execute("UPDATE reports SET stage = 'approved' WHERE id = ?", (rid,))
            tx.execute("INSERT INTO coding (report_id, activity_type, contributing_factors) VALUES (?, ?, ?)",
                       (rid, ids[rid].activity, json.dumps(list(ids[rid].factors))))
            chain.append(tx, actor=ALICE, action="workflow.approve", obj=f"report:{rid}",
                         payload={"stage": "approved"})


def start(period: str) -> tuple[int, int]:
    return (int(period[:4]), int(period[6:]) if len(period) > 4 else 1)


# -- reading the PDFs ------------------------------------------------------------------------

@dataclass
class Received:
    """What one PDF says, as read from it."""

    export: int  # which export run (two runs of one period are two exports)
    period: str  # "2025", "2026-Q1"
    notice: bool = False
    figures: dict[str, object] = field(default_factory=dict)  # key figures
    activities: dict[str, tuple[object, object]] = field(default_factory=dict)  # label: (mine, all)
    factors: dict[str, tuple[object, object]] = field(default_factory=dict)
    trend: dict[str, object] = field(default_factory=dict)  # period code: value
    averages: dict[str, float] = field(default_factory=dict)


def value(text: str) -> object:
    """A printed count, FEWER, WITHHELD, or None ("not given": no fact)."""
    text = text.strip()
    if text == "not given":
        return None
    if text in (f"fewer than {K}", f"<{K}"):
        return FEWER
    if text in ("withheld", "w/h"):
        return WITHHELD
    return int(text.replace(",", ""))


def is_value(text: str) -> bool:
    try:
        value(text)
    except ValueError:
        return False
    return True


def period_code(label: str) -> str:
    found = re.fullmatch(r"Q([1-4]) (\d{4})", label)
    return f"{found.group(2)}-Q{found.group(1)}" if found else label


def read_pdf(data: bytes, export: int, period: str) -> Received:
    reader = PdfReader(io.BytesIO(data))
    got = Received(export, period)
    lines = [line.strip() for page in reader.pages for line in (page.extract_text() or "").splitlines()]
    if "No figures for this period" in lines:
        got.notice = True
        return got
    for name in ("Reports from your personnel", "Reviewed and coded by the panel",
                 "Published in the lessons library", "Reviewed reports, all partner agencies",
                 "Partner agencies reporting"):
        got.figures[name] = value(lines[lines.index(name) + 1])
    tables = [i for i, line in enumerate(lines) if line == "All partner agencies (reports)"]
    for start, target in zip(tables, (got.activities, got.factors), strict=True):
        i = start + 1
        while i + 2 < len(lines) + 0 and is_value(lines[i + 1]) and is_value(lines[i + 2]) \
                and not is_value(lines[i]):
            target[lines[i]] = (value(lines[i + 1]), value(lines[i + 2]))
            i += 3
    trend_page = next(p for p in reader.pages if "Reporting over recent periods" in (p.extract_text() or ""))
    items: list[tuple[float, float, str, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            items.append((x, y, text.strip(), name))

    trend_page.extract_text(visitor_text=visit)
    labels = [(x, y, t) for x, y, t, _ in items if re.fullmatch(r"Q[1-4] \d{4}|\d{4}", t)]
    axis_y = min(y for _, y, _ in labels) if labels else 0
    periods = sorted((x, t) for x, y, t in labels if abs(y - axis_y) < 2)
    if len(periods) < 2:
        return got
    centres = [(x + stringWidth(t, "Helvetica", 8) / 2, t) for x, t in periods]
    for x, y, text, _font in items:
        if y <= axis_y + 2 or y > axis_y + 200 or x < periods[0][0] - 5:
            continue  # the axes' labels, the legend
        centre = x + stringWidth(text, "Helvetica", 7) / 2
        nearest = min(centres, key=lambda p: abs(p[0] - centre))
        code = period_code(nearest[1])
        if re.fullmatch(r"\d+\.\d", text):
            got.averages[code] = float(text)
        elif is_value(text):
            got.trend.setdefault(code, value(text))
    # The average line's markers (open 4 pt squares), read off the drawing itself: its
    # height against the value axis's labels gives the average even where none is printed.
    ticks = sorted((y, int(t)) for x, y, t, _ in items if t.isdigit() and x < periods[0][0] - 5)
    if len(ticks) >= 2:
        (y0, v0), (y1, v1) = ticks[0], ticks[-1]
        for cx, cy in squares(trend_page):
            if y0 - 5 <= cy <= y1 + 10:
                code = period_code(min(centres, key=lambda p: abs(p[0] - cx))[1])
                got.averages.setdefault(code, round(v0 + (cy - y0 - 2.5) * (v1 - v0) / (y1 - y0), 1))
    return got


def squares(page: object) -> list[tuple[float, float]]:
    """Centres, in page space, of the 4 x 4 pt rectangles a page draws."""
    from pypdf.generic import ContentStream

    stream = ContentStream(page.get_contents(), page.pdf)  # type: ignore[attr-defined]
    matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    found = []
    for operands, operator in stream.operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q" and stack:
            matrix = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = matrix
            matrix = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
                      e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]]
        elif operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            if abs(abs(w) - 4) < 0.01 and abs(abs(h) - 4) < 0.01:
                cx, cy = x + w / 2, y + h / 2
                found.append((matrix[0] * cx + matrix[2] * cy + matrix[4],
                              matrix[1] * cx + matrix[3] * cy + matrix[5]))
    return found


# -- the attack ------------------------------------------------------------------------------

class Facts:
    """Linear facts over named unknowns, all >= 0."""

    def __init__(self) -> None:
        self.lo: dict[str, float] = {}
        self.hi: dict[str, float] = {}
        self.rows: list[tuple[dict[str, float], float, bool]] = []  # (coefs, rhs, equal)
        self.suppressed: dict[str, str] = {}  # unknown: how shown

    def var(self, name: str) -> str:
        self.lo.setdefault(name, 0.0)
        self.hi.setdefault(name, math.inf)
        return name

    def shown(self, name: str, seen: object) -> None:
        self.var(name)
        if seen is None:
            return
        if seen == FEWER:
            lo, hi = 1.0, K - 1.0
        elif seen == WITHHELD:
            lo, hi = 0.0, math.inf
        else:
            lo = hi = float(seen)  # type: ignore[arg-type]
        self.lo[name], self.hi[name] = max(self.lo[name], lo), min(self.hi[name], hi)
        if seen in (FEWER, WITHHELD) and self.suppressed.get(name) != FEWER:
            self.suppressed[name] = str(seen)

    def add(self, coefs: dict[str, float], rhs: float = 0.0, equal: bool = False) -> None:
        for name in coefs:
            self.var(name)
        self.rows.append((coefs, rhs, equal))

    def range_of(self, name: str) -> tuple[float, float] | None:
        names = list(self.lo)
        index = {n: i for i, n in enumerate(names)}

        def matrix(rows: list[tuple[dict[str, float], float, bool]]) -> tuple[object, object]:
            if not rows:
                return None, None
            a = np.zeros((len(rows), len(names)))
            for i, (coefs, _, _) in enumerate(rows):
                for n, c in coefs.items():
                    a[i, index[n]] = c
            return a, np.array([r for _, r, _ in rows])

        a_ub, b_ub = matrix([r for r in self.rows if not r[2]])
        a_eq, b_eq = matrix([r for r in self.rows if r[2]])
        bounds = [(self.lo[n], None if math.isinf(self.hi[n]) else self.hi[n]) for n in names]
        ends = []
        for sign in (1.0, -1.0):
            c = np.zeros(len(names))
            c[index[name]] = sign
            res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            if res.status == 2:
                return None
            ends.append(sign * res.fun if res.status == 0 else sign * -math.inf)  # unbounded
        return ends[0], ends[1]


def facts_of(pdfs: list[Received]) -> Facts:
    facts = Facts()
    years: set[str] = set()
    runs: dict[str, list[int]] = defaultdict(list)
    for pdf in pdfs:
        e, p = pdf.export, pdf.period
        if len(p) == 4:
            years.add(p)
        s = facts.var(f"s:{p}")
        runs[p].append(e)
        if pdf.notice:
            facts.add({s: 1.0}, K - 1.0)
            continue
        n = pdf.figures["Partner agencies reporting"]
        facts.shown(s, pdf.figures["Reports from your personnel"])
        r, pub, big_r = f"r:{e}:{p}", f"p:{e}:{p}", f"R:{e}:{p}"
        facts.shown(r, pdf.figures["Reviewed and coded by the panel"])
        facts.shown(pub, pdf.figures["Published in the lessons library"])
        facts.shown(big_r, pdf.figures["Reviewed reports, all partner agencies"])
        # Reviewed <= received + late approvals; the late ones and the reviewed of every
        # earlier period sent are distinct reports received in those earlier periods.
        late = f"l:{e}:{p}"
        facts.add({r: 1.0, s: -1.0, late: -1.0})
        cumulative: dict[str, float] = {late: 1.0}
        for before in {q.period for q in pdfs if start(q.period) < start(p)}:
            cumulative[f"s:{before}"] = -1.0
            first = next(q for q in pdfs if q.period == before)
            if not first.notice:
                cumulative[f"r:{first.export}:{first.period}"] = 1.0
        facts.add(cumulative)
        facts.add({pub: 1.0, r: -1.0})
        facts.add({r: 1.0, big_r: -1.0})
        for group, rows, additive in (("a", pdf.activities, True), ("f", pdf.factors, False)):
            for label, (mine, everyone) in rows.items():
                m, a = f"{group}:{e}:{p}:{label}", f"{group.upper()}:{e}:{p}:{label}"
                facts.shown(m, mine)
                facts.shown(a, everyone)
                facts.add({m: 1.0, a: -1.0})
                if not additive:
                    facts.add({m: 1.0, r: -1.0})
                    facts.add({a: 1.0, big_r: -1.0})
            if additive and rows:  # each reviewed report has exactly one activity
                facts.add({**{f"a:{e}:{p}:{lab}": 1.0 for lab in rows}, r: -1.0}, 0.0, True)
                facts.add({**{f"A:{e}:{p}:{lab}": 1.0 for lab in rows}, big_r: -1.0}, 0.0, True)
        for code, seen in pdf.trend.items():
            if len(code) == 4:
                years.add(code)
            facts.shown(f"s:{code}", seen)
            if code in pdf.averages and seen in (FEWER, WITHHELD):
                # Every reporting agency had a report: mine <= 1 + n (average - 1), n <= all agencies.
                facts.add({f"s:{code}": 1.0}, 1 + float(n) * (pdf.averages[code] + 0.05 - 1))  # type: ignore[arg-type]
    for year in years:
        facts.add({f"s:{year}": 1.0, **{f"s:{year}-Q{q}": -1.0 for q in range(1, 5)}}, 0.0, True)
    by_key: dict[str, list[str]] = defaultdict(list)  # the same count in two runs of a period
    for name in list(facts.lo):
        parts = name.split(":")
        if len(parts) >= 3 and parts[0] in "rpRaAfF" and parts[0] != "s":
            by_key[":".join([parts[0], *parts[2:]])].append(name)
    for names in by_key.values():  # reviewed counts only grow from one run to the next
        names.sort(key=lambda n: int(n.split(":")[1]))
        for earlier, later in itertools.pairwise(names):
            facts.add({earlier: 1.0, later: -1.0})
    return facts


def attack(pdfs: list[Received]) -> tuple[list[str], int]:
    """Suppressed counts the protection rule does not hold for, and how many were checked."""
    facts = facts_of(pdfs)
    broken = []
    for name, seen in facts.suppressed.items():
        found = facts.range_of(name)
        if found is None:
            broken.append(f"{name}: the facts contradict each other")
            continue
        lo, hi = found
        ok = (lo <= 1 + 1e-6 and hi >= K - 1 - 1e-6) if seen == FEWER else hi - lo >= K - 1e-6
        if not ok:
            broken.append(f"{name} ({seen}): {lo:g}..{hi:g}")
    return broken, len(facts.suppressed)


# -- the test --------------------------------------------------------------------------------

def run_exports(session: Session, ids: dict[int, Report], tmp: Path) -> dict[str, list[Received]]:
    received: dict[str, list[Received]] = defaultdict(list)
    plan = [("2025", None), ("2026-Q1", None), ("2026-Q2", None), ("2026-Q2", approve_one_more),
            (NOW, approve_late), ("2026-Q1", None)]
    for run, (period, before) in enumerate(plan):
        if before is not None:
            before(session, ids)
        out = tmp / f"run{run}"
        export_agency_pdfs(session, period, out, k=K)
        for pdf in sorted(out.iterdir()):
            ori = pdf.name.split("-")[1]
            received[ori].append(read_pdf(pdf.read_bytes(), run, period))
    return received


@pytest.fixture(scope="module")
def attacked(template_workstation: Template,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Received]]:
    """Every PDF each agency received, read back (one database and four exports per module)."""
    folder = tmp_path_factory.mktemp("attack")
    workstation = template_workstation.copy_to(folder / "ws")
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    try:
        ids = write_reports(session, crafted() + small_agencies(random.Random(18), 25))
        return run_exports(session, ids, folder)
    finally:
        session.lock()


def test_no_attack_pins_a_suppressed_count(attacked: dict[str, list[Received]]) -> None:
    broken: dict[str, list[str]] = {}
    checked = 0
    for ori, pdfs in attacked.items():
        found, count = attack(pdfs)
        checked += count
        if found:
            broken[ori] = found
    print(f"suppressed counts checked: {checked}; agencies with a count worked out: {len(broken)}")
    for ori in (COMPLEMENT, TWO_SMALL, PUBLISHED, LONELY, YEAR, REEXPORT, LATE):
        print(ori, broken.get(ori, "protected"))
    assert checked > 100
    shown = "; ".join(f"{ori}: {found[:3]}" for ori, found in list(broken.items())[:8])
    assert not broken, f"{len(broken)} agencies: {shown}"


def test_no_average_over_one_agency(attacked: dict[str, list[Received]]) -> None:
    """2024-Q4: only one agency reported; the chart must not draw its count as the average."""
    lonely = [pdf for pdf in attacked[LONELY] if not pdf.notice]
    assert lonely and all(pdf.trend.get("2024-Q4") == FEWER for pdf in lonely if "2024-Q4" in pdf.trend)
    assert all("2024-Q4" not in pdf.averages for pdf in lonely)
    assert all("2024-Q4" not in pdf.averages for pdfs in attacked.values() for pdf in pdfs)


def test_a_frozen_period_is_sent_again_as_it_was(attacked: dict[str, list[Received]]) -> None:
    """2026-Q2 again after one more approval: the same figures as the first time."""
    first = [pdf for pdf in attacked[REEXPORT] if pdf.export == 2]
    again = [pdf for pdf in attacked[REEXPORT] if pdf.export == 3]
    assert first and again
    for a, b in zip(first, again, strict=True):
        assert (a.figures, a.activities, a.factors, a.trend, a.averages) == \
               (b.figures, b.activities, b.factors, b.trend, b.averages)


def test_a_late_approval_counts_in_the_period_of_its_approval(attacked: dict[str, list[Received]]) -> None:
    """LATE: 5 of 8 reviewed when 2026-Q1 was sent; 3 approved since are counted in the
    quarter of their approval (9 reviewed beside 6 received), and 2026-Q1 sent again is as
    it was (5 reviewed)."""
    q1 = [pdf for pdf in attacked[LATE] if pdf.period == "2026-Q1"]
    now = [pdf for pdf in attacked[LATE] if pdf.period == NOW]
    assert [pdf.export for pdf in q1] == [1, 5] and len(now) == 1
    reviewed = "Reviewed and coded by the panel"
    assert q1[0].figures[reviewed] == 5 == q1[1].figures[reviewed]
    first, again = q1
    assert (first.figures, first.activities, first.factors) == \
           (again.figures, again.activities, again.factors)
    assert now[0].figures["Reports from your personnel"] == 6
    assert now[0].figures[reviewed] == 9
