"""What an agency export of a period would hold, said before anything is written: which
period to offer first (the newest complete quarter that has reports), and how many
agencies would get figures and how many a one-page notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workstation.export.agency_figures import Row, load_rows, partner_oris
from workstation.export.naming import last_complete_quarter, period_choices
from workstation.export.periods import Period, parse_period
from workstation.session import Session
from workstation.wording import plural


@dataclass(frozen=True)
class AgencyOutlook:
    period: Period
    k: int
    reports: int  # reports received in the period that name a partner agency
    reporting: int  # partner agencies with at least one of them
    agencies: int  # partner agencies: each gets a PDF
    with_figures: int  # ... with figures (at least k reports); the others a notice

    def describe(self) -> str:
        if not self.agencies:
            return "No report names a partner agency (ORI): there is nothing to summarise."
        notices = self.agencies - self.with_figures
        if not self.reports:
            return (f"{self.period.short_label}: no report of a partner agency was received; each of the "
                    f"{plural(self.agencies, 'agency', 'agencies')} would get a one-page notice only.")
        return (f"{self.period.short_label}: {plural(self.reports, 'report')} from "
                f"{self.reporting} of {plural(self.agencies, 'partner agency', 'partner agencies')}. "
                f"{plural(self.with_figures, 'agency', 'agencies')} will get figures; "
                f"{plural(notices, 'agency', 'agencies')} a one-page notice "
                f"(fewer than {self.k} reports).")


class AgencyPeriods:
    """The reports' agencies and dates, read once for the export dialog (no text)."""

    def __init__(self, session: Session) -> None:
        self.rows: list[Row] = load_rows(session.db)
        self.oris = partner_oris(self.rows)

    def newest_with_reports(self, today: date) -> Period | None:
        """The newest complete quarter in which a report naming an agency was received."""
        complete_until = last_complete_quarter(today).end.isoformat()
        dated = [r.received[:10] for r in self.rows if r.ori and r.received[:10] < complete_until]
        return _quarter_of(max(dated)) if dated else None

    def choices(self, today: date) -> tuple[list[str], str]:
        """The periods offered (quarters newest first, then the year) and the one to preselect:
        the newest complete quarter that has reports (added when older than those offered)."""
        offered = period_choices(today)
        newest = self.newest_with_reports(today)
        if newest is None:
            return offered, offered[0]
        if newest.code not in offered:
            offered.insert(len(offered) - 1, newest.code)
        return offered, newest.code

    def outlook(self, period: Period, k: int) -> AgencyOutlook:
        mine: dict[str, int] = {}
        for row in self.rows:
            if row.ori and period.contains(row.received):
                mine[row.ori] = mine.get(row.ori, 0) + 1
        return AgencyOutlook(period, k, sum(mine.values()), len(mine), len(self.oris),
                             sum(1 for count in mine.values() if count >= k))


def _quarter_of(iso_date: str) -> Period:
    month = int(iso_date[5:7])
    return parse_period(f"{iso_date[:4]}-Q{(month - 1) // 3 + 1}")
