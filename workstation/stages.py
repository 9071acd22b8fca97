"""The stages a report goes through, which moves between them are allowed, and which
stages allow edits. Below both the review (which records edits) and the workflow (which
decides when an edit may happen): both read a report's stage from here."""

from __future__ import annotations

from enum import StrEnum

from workstation.errors import InputError, NotEditable
from workstation.store.database import Database


class Stage(StrEnum):
    RECEIVED = "received"
    STAGE1 = "stage1"  # stage 1 in progress: remove identifiers, code the report
    STAGE1_SIGNED = "stage1_signed"
    STAGE2 = "stage2"  # stage 2 in progress: a second reviewer verifies
    APPROVED = "approved"
    PUBLISHED = "published"
    RETURNED = "returned"  # returned to stage 1 with a comment
    SET_ASIDE = "set_aside"  # not a near miss, a test entry, a duplicate


STAGE_NAMES = {
    Stage.RECEIVED: "Received", Stage.STAGE1: "Stage 1 in progress",
    Stage.STAGE1_SIGNED: "Stage 1 signed", Stage.STAGE2: "Stage 2 in progress",
    Stage.APPROVED: "Approved", Stage.PUBLISHED: "Published",
    Stage.RETURNED: "Returned to stage 1", Stage.SET_ASIDE: "Set aside",
}

SET_ASIDE_REASONS = {
    "not_near_miss": "Not a near miss",
    "test_entry": "Test entry",
    "duplicate": "Duplicate of another report",
}

# Where each move may start. Anything else is refused with the reason below.
ALLOWED: dict[str, tuple[Stage, ...]] = {
    "start_stage1": (Stage.RECEIVED, Stage.RETURNED),
    "sign_stage1": (Stage.STAGE1,),
    "start_stage2": (Stage.STAGE1_SIGNED,),
    "approve": (Stage.STAGE2,),
    "return": (Stage.STAGE1_SIGNED, Stage.STAGE2),
    "set_aside": (Stage.RECEIVED, Stage.STAGE1, Stage.STAGE1_SIGNED, Stage.STAGE2, Stage.RETURNED),
    "publish": (Stage.APPROVED,),
    "reopen": (Stage.SET_ASIDE,),
    "retract": (Stage.PUBLISHED,),
}

MOVE_NAMES = {
    "start_stage1": "start stage 1", "sign_stage1": "sign stage 1", "start_stage2": "start stage 2",
    "approve": "approve", "return": "return to stage 1", "set_aside": "set aside",
    "publish": "publish", "reopen": "reopen", "retract": "retract",
}


def check_move(move: str, stage: str) -> None:
    allowed = ALLOWED[move]
    if Stage(stage) not in allowed:
        where = " or ".join(STAGE_NAMES[s].lower() for s in allowed)
        raise InputError(f"Cannot {MOVE_NAMES[move]}: the report is {STAGE_NAMES[Stage(stage)].lower()}; "
                         f"that is only possible when it is {where}.")


# Stages in which a reviewer may change redactions and coding.
EDITABLE = (Stage.RECEIVED, Stage.STAGE1, Stage.RETURNED, Stage.STAGE1_SIGNED, Stage.STAGE2,
            Stage.APPROVED)


def check_editable(stage: str) -> None:
    if Stage(stage) not in EDITABLE:
        raise NotEditable(f"The report is {STAGE_NAMES[Stage(stage)].lower()}; its redactions and coding "
                         "can no longer be changed.")


def report_stage(db: Database, report_id: int) -> str:
    row = db.query_one("SELECT stage FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    return str(row[0])
