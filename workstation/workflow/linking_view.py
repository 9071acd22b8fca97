"""What the linking dialog and the queue show of linked reports: a line per report (its
title, stage, incident size), the open report's incident, the likely links and why.

Read-only. Each read is one query for all the reports it shows (never one per row):
`report_lines` and `incident_sizes` take the whole list of ids at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workstation.errors import InputError
from workstation.session import Session
from workstation.stages import STAGE_NAMES, Stage
from workstation.store.database import Database
from workstation.workflow.linking import LinkSuggestion, linked_reports, suggest_links

# linking.FIELDS_COMPARED, in plain words
FIELD_WORDS = {
    "incident_date": "same incident date",
    "location_type": "same kind of place",
    "activity_type": "same activity",
    "ori": "same agency",
    "agency_type": "same type of agency",
}
SUGGESTED = 5  # likely links shown (suggest_links' limit)
SIMILAR_TEXT = 0.25  # text similarity from which "similar wording" is said
MAX_NUMBER_LENGTH = 9

# How many reports share each report's incident (0 when it is in none).
_INCIDENT_SIZE = """(SELECT count(*) FROM incident_reports o
                     JOIN incident_reports m ON m.incident_id = o.incident_id
                     WHERE m.report_id = r.id)"""


@dataclass(frozen=True)
class ReportLine:
    """What the dialog shows of a report (no text but its title)."""

    report_id: int
    received_at: str
    stage: str
    title: str
    incident_size: int = 1  # reports in its incident (1: not linked)

    @property
    def received(self) -> str:
        return self.received_at[:10]

    @property
    def stage_name(self) -> str:
        try:
            return STAGE_NAMES[Stage(self.stage)]
        except ValueError:
            return self.stage


@dataclass(frozen=True)
class Incident:
    """The open report's incident: primary first (just the report when it is not linked)."""

    report_id: int
    members: tuple[ReportLine, ...]

    @property
    def linked(self) -> bool:
        return len(self.members) > 1

    @property
    def primary_id(self) -> int:
        return self.members[0].report_id


@dataclass(frozen=True)
class Suggested:
    suggestion: LinkSuggestion
    line: ReportLine

    @property
    def percent(self) -> str:
        return f"{round(self.suggestion.score * 100)} %"

    @property
    def why(self) -> str:
        reasons = []
        if self.suggestion.text_similarity >= SIMILAR_TEXT:
            reasons.append("similar wording")
        reasons += [FIELD_WORDS.get(f, f"same {f.replace('_', ' ')}")
                    for f in self.suggestion.matching_fields]
        if self.line.incident_size > 1:
            reasons.append("already in another incident")
        return ", ".join(reasons)


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def incident_sizes(db: Database, report_ids: Sequence[int]) -> dict[int, int]:
    """Each report's incident size (1: not linked), in one query for all of them."""
    ids = list(dict.fromkeys(report_ids))
    if not ids:
        return {}
    rows = db.query(f"SELECT r.id, {_INCIDENT_SIZE} FROM reports r WHERE r.id IN ({_marks(ids)})", ids)
    sizes = {int(row[0]): max(int(row[1]), 1) for row in rows}
    return {rid: sizes.get(rid, 1) for rid in ids}


def report_lines(db: Database, report_ids: Sequence[int]) -> dict[int, ReportLine]:
    """The lines of the reports named (those that exist), in one query."""
    ids = list(dict.fromkeys(report_ids))
    if not ids:
        return {}
    rows = db.query("SELECT r.id, r.received_at, r.stage, json_extract(r.submission, '$.title'), "
                    f"{_INCIDENT_SIZE} FROM reports r WHERE r.id IN ({_marks(ids)})", ids)
    return {int(row[0]): ReportLine(int(row[0]), str(row[1]), str(row[2]), " ".join((row[3] or "").split()),
                                    max(int(row[4]), 1))
            for row in rows}


def load_incident(session: Session, report_id: int) -> Incident:
    db = session.db
    ids = linked_reports(db, report_id)
    lines = report_lines(db, ids)
    return Incident(report_id, tuple(lines[i] for i in ids if i in lines))


def load_suggestions(session: Session, report_id: int) -> list[Suggested]:
    """Off the GUI thread: suggest_links reads every report."""
    db = session.db
    found = suggest_links(db, report_id, limit=SUGGESTED)
    lines = report_lines(db, [s.report_id for s in found])
    return [Suggested(s, lines[s.report_id]) for s in found if s.report_id in lines]


def parse_number(text: str) -> int:
    """A report number as typed: digits only, one plain message otherwise."""
    typed = text.strip().lstrip("#")
    if not typed:
        raise InputError("Type the number of the report to link (the No. column shows them).")
    if not typed.isdigit() or len(typed) > MAX_NUMBER_LENGTH:
        raise InputError("A report number is digits only, e.g. 42.")
    return int(typed)
