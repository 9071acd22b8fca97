"""Reporting periods for agency summaries: a calendar quarter ("2026-Q3") or a calendar
year ("2026"). Periods sit on one fixed grid, so two periods are either the same, nested
(a year and one of its quarters) or disjoint; summaries never use rolling windows.

A nested pair is an overlap too (the year minus three published quarters gives the
fourth), so the export refuses a period that overlaps, without being equal to, a period
already exported (see agency_export.check_no_overlap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workstation.errors import InputError

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class Period:
    start: date  # first day, inclusive
    end: date  # first day after the period
    kind: str  # "quarter" or "year"

    @property
    def code(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"

    @property
    def label(self) -> str:
        if self.kind == "year":
            return f"Calendar year {self.start.year}"
        last_month = date(self.start.year, self.start.month + 2, 1)
        return f"{self.short_label} ({self.start:%B} to {last_month:%B} {self.start.year})"

    @property
    def short_label(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"

    def contains(self, iso_timestamp: str) -> bool:
        """Whether an ISO date or timestamp (UTC) falls in the period."""
        return self.start.isoformat() <= iso_timestamp[:10] < self.end.isoformat()

    def overlaps(self, other: Period) -> bool:
        return self.start < other.end and other.start < self.end

    def previous(self) -> Period:
        if self.kind == "year":
            return parse_period(str(self.start.year - 1))
        year, quarter = self.start.year, (self.start.month - 1) // 3 + 1
        return parse_period(f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}")

    def trend(self, count: int) -> list[Period]:
        """This period and the `count - 1` before it, oldest first (same kind: no overlap)."""
        periods = [self]
        while len(periods) < count:
            periods.append(periods[-1].previous())
        return periods[::-1]


def parse_period(text: str) -> Period:
    text = text.strip().upper()
    quarter = _QUARTER.match(text)
    if quarter:
        year, q = int(quarter.group(1)), int(quarter.group(2))
        start = date(year, 3 * q - 2, 1)
        end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
        return Period(start, end, "quarter")
    whole = _YEAR.match(text)
    if whole:
        year = int(whole.group(1))
        return Period(date(year, 1, 1), date(year + 1, 1, 1), "year")
    raise InputError(f"A period is a quarter like 2026-Q3 or a year like 2026, not {text[:20]!r}.")
