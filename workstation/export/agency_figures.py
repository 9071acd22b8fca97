"""The figures of agency summaries, computed once for all agencies of a period, with
disclosure control applied before anything is drawn.

Counted by the date a report was received. "Submitted" counts every report received with
the agency's ORI in the period (reports set aside as not a near miss, test entries or
duplicates excluded). Activity types and contributing factors come only from the panel's
coding of reports that passed the two-stage review (approved or published); titles and
lessons only from published reports. The comparison "all partner agencies" covers every
reviewed report of the period.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workstation.export.disclosure import Cell, check_k, suppress_cells, suppress_total
from workstation.export.periods import Period
from workstation.stages import Stage
from workstation.store.database import Database

REVIEWED = (Stage.APPROVED.value, Stage.PUBLISHED.value)
TREND_PERIODS = {"quarter": 8, "year": 4}


@dataclass(frozen=True)
class Row:
    report_id: int
    received: str
    stage: str
    ori: str | None
    activity: str
    factors: tuple[str, ...]
    title: str
    lessons: str

    @property
    def reviewed(self) -> bool:
        return self.stage in REVIEWED


@dataclass
class Comparison:
    """One group of categories: the agency's cells and all agencies' cells, with shares."""

    agency: dict[str, Cell]
    everyone: dict[str, Cell]
    agency_base: int  # reviewed reports of the agency (the denominator of its shares)
    everyone_base: int

    def share(self, cell: Cell, base: int) -> float | None:
        return None if cell.shown is None or not base else 100.0 * cell.count / base


@dataclass
class AgencySummary:
    ori: str
    period: Period
    k: int
    submitted: Cell
    reviewed: Cell = field(default_factory=lambda: Cell(0))
    published_count: Cell = field(default_factory=lambda: Cell(0))
    activities: Comparison | None = None
    factors: Comparison | None = None
    trend: list[tuple[Period, Cell]] = field(default_factory=list)
    trend_average: list[tuple[Period, float | None]] = field(default_factory=list)
    published: list[tuple[str, str]] = field(default_factory=list)  # (title, lessons)
    published_ids: list[int] = field(default_factory=list)  # the reports `published` quotes
    all_reviewed: Cell = field(default_factory=lambda: Cell(0))
    all_agencies: int = 0

    @property
    def notice_only(self) -> bool:
        """Fewer than k reports: a one-page notice instead of figures."""
        return self.submitted.count < self.k


def load_rows(db: Database) -> list[Row]:
    coded = db.query("SELECT report_id, activity_type, contributing_factors, publishable_title, "
                     "lessons_learned FROM coding")
    coding = {rid: (activity, tuple(json.loads(factors)), title, lessons)
              for rid, activity, factors, title, lessons in coded}
    rows = []
    for rid, received, stage, ori in db.query(
            "SELECT id, received_at, stage, json_extract(submission, '$.ori') FROM reports "
            "WHERE stage != ?", (Stage.SET_ASIDE.value,)):
        activity, factors, title, lessons = coding.get(rid, ("", (), "", ""))
        rows.append(Row(rid, received, stage, ori or None, activity, factors, title, lessons))
    return rows


def partner_oris(rows: list[Row]) -> list[str]:
    return sorted({r.ori for r in rows if r.ori})


def _comparison(mine: list[Row], everyone: list[Row], k: int, attribute: str, additive: bool) -> Comparison:
    def counts(rows: list[Row]) -> Counter[str]:
        found: Counter[str] = Counter()
        for row in rows:
            value = getattr(row, attribute)
            found.update(value if isinstance(value, tuple) else (value,) if value else ())
        return found

    all_counts = counts(everyone)
    my_counts = counts(mine)
    keys = sorted(all_counts, key=lambda c: (-all_counts[c], c))
    return Comparison(
        agency=suppress_cells({c: my_counts.get(c, 0) for c in keys}, k, additive=additive),
        everyone=suppress_cells({c: all_counts[c] for c in keys}, k, additive=additive),
        agency_base=len(mine), everyone_base=len(everyone))


def summaries(rows: list[Row], period: Period, k: int, oris: list[str] | None = None) -> list[AgencySummary]:
    """One summary per partner agency (every ORI ever stored, or `oris`)."""
    check_k(k)
    trend_periods = period.trend(TREND_PERIODS[period.kind])
    in_period = [r for r in rows if period.contains(r.received)]
    reviewed_all = [r for r in in_period if r.reviewed]
    by_ori: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.ori:
            by_ori[row.ori].append(row)
    per_period_totals = []
    for p in trend_periods:
        active = Counter(r.ori for r in rows if r.ori and p.contains(r.received))
        per_period_totals.append((p, sum(active.values()) / len(active) if active else None))
    result = []
    for ori in oris if oris is not None else partner_oris(rows):
        mine_all = by_ori.get(ori, [])
        mine = [r for r in mine_all if period.contains(r.received)]
        summary = AgencySummary(ori, period, k, suppress_total(len(mine), k))
        # Small too when few agencies' reports were reviewed: beside this agency's own
        # "fewer than k", a total of 1 would give its count away.
        summary.all_reviewed = suppress_total(len(reviewed_all), k)
        summary.all_agencies = len(by_ori)
        if not summary.notice_only:
            reviewed = [r for r in mine if r.reviewed]
            summary.reviewed = suppress_total(len(reviewed), k)
            published = [r for r in reviewed if r.stage == Stage.PUBLISHED.value]
            summary.published_count = Cell(len(published))  # public anyway: they are in the library
            summary.activities = _comparison(reviewed, reviewed_all, k, "activity", additive=True)
            summary.factors = _comparison(reviewed, reviewed_all, k, "factors", additive=False)
            summary.trend = [(p, suppress_total(sum(1 for r in mine_all if p.contains(r.received)), k))
                             for p in trend_periods]
            summary.trend_average = per_period_totals
            quoted = [r for r in sorted(published, key=lambda r: r.received) if r.title]
            summary.published = [(r.title, r.lessons) for r in quoted]
            summary.published_ids = [r.report_id for r in quoted]
        result.append(summary)
    return result
