"""Stage 2 looks at the redacted version first, with fresh eyes.

A reviewer who did not sign stage 1 opens a report from stage 1 signed onwards with the
original text hidden: they judge what a reader of the publication would see. They may
reveal the original; that is a separate audited event (the RevealOriginal command: who,
which report, when), on top of the audited opening. The stage-1 reviewer, and anyone
before stage 1 is signed, sees the original at once: they are the ones removing
identifiers from it.
"""

from __future__ import annotations

from workstation.errors import InputError
from workstation.stages import Stage
from workstation.store.database import Database
from workstation.workflow.signoff import current_signoff

SECOND_LOOK_STAGES = frozenset({Stage.STAGE1_SIGNED, Stage.STAGE2, Stage.APPROVED, Stage.PUBLISHED})


def opens_redacted_first(db: Database, report_id: int, reviewer: str) -> bool:
    """Whether `reviewer` should see this report redacted, the original hidden until revealed."""
    row = db.query_one("SELECT stage FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    if Stage(row[0]) not in SECOND_LOOK_STAGES:
        return False
    first = current_signoff(db, report_id, 1, "signed")
    return first is None or first.reviewer != reviewer
