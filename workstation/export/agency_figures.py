"""The figures of agency summaries, computed once for all agencies of a period, with
disclosure control applied before anything is drawn.

Counted by the date a report was received. "Submitted" counts every report received with
the agency's ORI in the period (reports set aside as not a near miss, test entries or
duplicates excluded). Activity types and contributing factors come only from the panel's
coding of reports that passed the two-stage review (approved or published); titles and
lessons only from published reports. The comparison "all partner agencies" covers every
reviewed report of the period.

A late approval: a report received in a period already sent to its agency (whose figures
are frozen, see published_facts), and first approved after that, is counted as reviewed
(and published, and in the comparisons) in the period of its first approval instead: the
period containing the time of its first `workflow.approve` audit entry. "Sent" is the
audit sequence number of the export that first sent the period to the agency (`released`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workstation.export.disclosure import OMITTED, Cell, check_k, suppress_cells, suppress_total
from workstation.export.periods import Period, parse_period
from workstation.stages import Stage
from workstation.store.database import Database

REVIEWED = (Stage.APPROVED.value, Stage.PUBLISHED.value)
TREND_PERIODS = {"quarter": 8, "year": 4}
MAX_ROWS = 10  # categories printed per comparison
OTHER = "other"  # the row that sums the categories not printed (activities)


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
    approved_seq: int | None = None  # the audit entry of its first approval (None: none recorded)
    approved_at: str = ""

    @property
    def reviewed(self) -> bool:
        return self.stage in REVIEWED


Released = dict[str, dict[str, int]]  # by agency: period code -> audit seq of the export that sent it


def late(row: Row, released: dict[Period, int]) -> bool:
    """Whether a reviewed report counts in the period of its approval: it was received in a
    period sent to its agency before its first approval."""
    if row.approved_seq is None:
        return False
    return any(row.approved_seq > seq and p.contains(row.received) for p, seq in released.items())


def reviewed_in(row: Row, period: Period, released: dict[Period, int]) -> bool:
    """Whether the report counts as reviewed in `period` (its received period, or the period
    of its approval when it was approved after its received period was sent)."""
    if not row.reviewed:
        return False
    if released and late(row, released):
        return period.contains(row.approved_at)
    return period.contains(row.received)


@dataclass
class Comparison:
    """One group of categories: the agency's cells and all agencies' cells, with shares."""

    agency: dict[str, Cell]
    everyone: dict[str, Cell]
    agency_base: int  # reviewed reports of the agency (the denominator of its shares)
    everyone_base: int
    agency_shown: bool = True  # whether the base is printed: a share of a hidden base would reveal it
    everyone_shown: bool = True

    def share(self, cell: Cell, base: int, base_shown: bool = True) -> float | None:
        return None if cell.shown is None or not base or not base_shown else 100.0 * cell.count / base

    def agency_share(self, key: str) -> float | None:
        return self.share(self.agency[key], self.agency_base, self.agency_shown)

    def everyone_share(self, key: str) -> float | None:
        return self.share(self.everyone[key], self.everyone_base, self.everyone_shown)


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
    uncoded: int = 0  # reviewed reports without an activity (not printed)
    all_uncoded: int = 0

    @property
    def notice_only(self) -> bool:
        """Fewer than k reports: a one-page notice instead of figures."""
        return self.submitted.count < self.k


def load_rows(db: Database) -> list[Row]:
    coded = db.query("SELECT report_id, activity_type, contributing_factors, publishable_title, "
                     "lessons_learned FROM coding")
    coding = {rid: (activity, tuple(json.loads(factors)), title, lessons)
              for rid, activity, factors, title, lessons in coded}
    approvals = first_approvals(db)
    rows = []
    for rid, received, stage, ori in db.query(
            "SELECT id, received_at, stage, json_extract(submission, '$.ori') FROM reports "
            "WHERE stage != ?", (Stage.SET_ASIDE.value,)):
        activity, factors, title, lessons = coding.get(rid, ("", (), "", ""))
        seq, at = approvals.get(rid, (None, ""))
        rows.append(Row(rid, received, stage, ori or None, activity, factors, title, lessons, seq, at))
    return rows


def first_approvals(db: Database) -> dict[int, tuple[int, str]]:
    """Each report's first approval: its audit sequence number and time."""
    found: dict[int, tuple[int, str]] = {}
    for obj, seq, at in db.query("SELECT object, MIN(seq), at FROM audit WHERE action = 'workflow.approve' "
                                 "GROUP BY object"):
        if obj.startswith("report:") and obj[7:].isdigit():
            found[int(obj[7:])] = (seq, at)
    return found


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
    # The categories printed are chosen from all agencies' counts only (which of them an
    # agency has must not decide what is listed); the rest of an additive group is one
    # "other" row, so the rows still add up; a multi-select group just stops.
    if len(keys) > MAX_ROWS:
        rest = keys[MAX_ROWS - 1:] if additive else []
        keys = keys[:MAX_ROWS - 1] if additive else keys[:MAX_ROWS]
        if rest:
            all_counts[OTHER] = sum(all_counts.pop(c) for c in rest)
            my_counts[OTHER] = sum(my_counts.pop(c, 0) for c in rest)
            keys.append(OTHER)
    return Comparison(
        agency=suppress_cells({c: my_counts.get(c, 0) for c in keys}, k, additive=additive),
        everyone=suppress_cells({c: all_counts[c] for c in keys}, k, additive=additive),
        agency_base=len(mine), everyone_base=len(everyone))


def _average_point(average: float | None, mine: Cell, k: int, agencies: int) -> float | None:
    """The average per reporting agency, or None where it would narrow the agency's own
    suppressed count: every reporting agency had at least one report, so with the average
    printed to one decimal (a), the agency's count is at most 1 + n * (a + 0.05 - 1) for the
    n <= `agencies` reporting; that must still allow k - 1."""
    if average is None:
        return None
    if mine.suppressed and 1 + agencies * (round(average, 1) + 0.05 - 1) < k - 1:
        return None
    return average


def summaries(rows: list[Row], period: Period, k: int, oris: list[str] | None = None,
              released: Released | None = None) -> list[AgencySummary]:
    """One summary per partner agency (every ORI ever stored, or `oris`). `released`: the
    periods already sent to each agency (late approvals, see the module's note)."""
    check_k(k)
    sent = {ori: {parse_period(code): seq for code, seq in codes.items()}
            for ori, codes in (released or {}).items()}
    trend_periods = period.trend(TREND_PERIODS[period.kind])
    reviewed_all = [r for r in rows if reviewed_in(r, period, sent.get(r.ori or "", {}))]
    by_ori: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.ori:
            by_ori[row.ori].append(row)
    per_period_totals: list[tuple[Period, float | None]] = []
    for p in trend_periods:
        active = Counter(r.ori for r in rows if r.ori and p.contains(r.received))
        # No average over fewer than k agencies: with one, it is that agency's count.
        per_period_totals.append((p, sum(active.values()) / len(active) if len(active) >= k else None))
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
            reviewed = [r for r in mine_all if reviewed_in(r, period, sent.get(ori, {}))]
            summary.reviewed = suppress_total(len(reviewed), k)
            published = [r for r in reviewed if r.stage == Stage.PUBLISHED.value]
            # Beside a hidden reviewed count, the published count would bound it: suppressed alike.
            summary.published_count = suppress_total(len(published), k)
            summary.uncoded = sum(1 for r in reviewed if not r.activity)
            summary.all_uncoded = sum(1 for r in reviewed_all if not r.activity)
            summary.activities = _comparison(reviewed, reviewed_all, k, "activity", additive=True)
            summary.factors = _comparison(reviewed, reviewed_all, k, "factors", additive=False)
            for comparison in (summary.activities, summary.factors):
                comparison.agency_shown = summary.reviewed.shown is not None
                comparison.everyone_shown = summary.all_reviewed.shown is not None
                if summary.reviewed.suppressed:
                    # Fewer than k reviewed: two cells of 1 or more would say the total is 2
                    # or more, so the agency's breakdown is not given at all.
                    comparison.agency = {key: Cell(c.count, OMITTED) for key, c in comparison.agency.items()}
            summary.trend = [(p, suppress_total(sum(1 for r in mine_all if p.contains(r.received)), k))
                             for p in trend_periods]
            summary.trend_average = [
                (p, _average_point(avg, cell, k, len(by_ori)))
                for (p, avg), (_, cell) in zip(per_period_totals, summary.trend, strict=True)]
            quoted = [r for r in sorted(published, key=lambda r: r.received) if r.title]
            summary.published = [(r.title, r.lessons) for r in quoted]
            summary.published_ids = [r.report_id for r in quoted]
        result.append(summary)
    return result
