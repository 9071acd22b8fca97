"""What the export actions check before they ask for a folder or a passphrase: how many
reports a publication would take, whether a period may be exported with a threshold, and
which report a briefing may be made of. Read-only; the exports check again themselves."""

from __future__ import annotations

from workstation.errors import InputError
from workstation.export.agency_export import check_no_overlap
from workstation.export.periods import Period
from workstation.export.publication import approved_reports, publication_ids
from workstation.session import Session
from workstation.stages import STAGE_NAMES, Stage, report_stage


def approved_count(session: Session) -> int:
    """Reports approved and waiting to be published."""
    return len(approved_reports(session.db))


def check_agency_period(session: Session, period: Period, k: int) -> None:
    """Refuses (InputError) a period that overlaps one exported before, or the same period
    with another k."""
    check_no_overlap(session.db, period, k)


def briefing_publication_id(session: Session, report_id: int) -> str | None:
    """The publication id a briefing of the report is named after (None: not published yet).
    Refuses a report that is neither approved nor published."""
    db = session.db
    stage = report_stage(db, report_id)
    if stage not in (Stage.APPROVED, Stage.PUBLISHED):
        name = STAGE_NAMES.get(Stage(stage), stage).lower() if stage in set(Stage) else stage
        raise InputError("A briefing can only be made from an approved or published report; "
                         f"this one is {name}.")
    return publication_ids(db).get(report_id)
