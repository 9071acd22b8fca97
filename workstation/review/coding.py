"""The panel's coding of a report: the publishable title, activity type, contributing
factors and loss potential (taxonomy codes), lessons learned, key takeaways and the
roll-call discussion questions. Saved through the workflow's SaveCoding command, whose
audit entry names the fields changed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.intake.submission_schema import taxonomy_codes
from workstation.review.dates import month_year
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.text.invisible import refuse_invisible

LIST_FIELDS = ("contributing_factors", "loss_potential", "takeaways", "discussion_questions")
MAX_TITLE = 200
MAX_TEXT = 10_000
MAX_ITEMS = 10


@dataclass(frozen=True)
class Coding:
    publishable_title: str = ""
    activity_type: str = ""
    contributing_factors: tuple[str, ...] = ()
    loss_potential: tuple[str, ...] = ()
    lessons_learned: str = ""
    takeaways: tuple[str, ...] = ()
    discussion_questions: tuple[str, ...] = ()

    def changed_fields(self, other: Coding) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]


def initial_coding(submission: Mapping[str, Any]) -> Coding:
    """What the reporter's own checklists suggest; free text starts empty, because what is
    published must be written from the redacted text, not copied from the original."""
    return Coding(
        activity_type=str(submission.get("activity_type", "")),
        contributing_factors=tuple(submission.get("contributing_factors", ())),
        loss_potential=tuple(submission.get("loss_potential", ())),
    )


def load_coding(db: Database, report_id: int, submission: Mapping[str, Any]) -> Coding:
    row = db.query_one(
        "SELECT publishable_title, activity_type, contributing_factors, loss_potential, "
        "lessons_learned, takeaways, discussion_questions FROM coding WHERE report_id = ?",
        (report_id,),
    )
    if row is None:
        return initial_coding(submission)
    title, activity, factors, loss, lessons, takeaways, questions = row
    return Coding(title, activity, tuple(json.loads(factors)), tuple(json.loads(loss)), lessons,
                  tuple(json.loads(takeaways)), tuple(json.loads(questions)))


def check_coding(coding: Coding) -> Coding:
    """Refuse codes not in the taxonomy, over-long text and invisible formatting or
    text-direction characters (they would hide words from readers and the leak guard);
    tidy whitespace."""
    refuse_invisible(coding.publishable_title, "The publishable title")
    refuse_invisible(coding.lessons_learned, "Lessons learned")
    for item in coding.takeaways:
        refuse_invisible(item, "A key takeaway")
    for item in coding.discussion_questions:
        refuse_invisible(item, "A discussion question")
    if coding.activity_type and coding.activity_type not in taxonomy_codes("activity_type"):
        raise InputError("Choose an activity type from the list.")
    for name in ("contributing_factors", "loss_potential"):
        unknown = set(getattr(coding, name)) - set(taxonomy_codes(name))
        if unknown:
            raise InputError(f"Unknown {name.replace('_', ' ')} code.")
    title = " ".join(coding.publishable_title.split())
    if len(title) > MAX_TITLE:
        raise InputError(f"The publishable title can be at most {MAX_TITLE} characters.")
    if len(coding.lessons_learned) > MAX_TEXT:
        raise InputError(f"Lessons learned can be at most {MAX_TEXT} characters.")
    items = {}
    for name in ("takeaways", "discussion_questions"):
        cleaned = tuple(t.strip() for t in getattr(coding, name) if t.strip())
        if len(cleaned) > MAX_ITEMS or any(len(t) > 500 for t in cleaned):
            raise InputError(f"At most {MAX_ITEMS} {name.replace('_', ' ')} of 500 characters each.")
        items[name] = cleaned
    return Coding(title, coding.activity_type, tuple(dict.fromkeys(coding.contributing_factors)),
                  tuple(dict.fromkeys(coding.loss_potential)), coding.lessons_learned.strip(),
                  items["takeaways"], items["discussion_questions"])


def write_coding(tx: Transaction, report_id: int, coding: Coding, actor: str) -> None:
    """Store a report's coding (checked with check_coding first)."""
    values = asdict(coding)
    for name in LIST_FIELDS:
        values[name] = json.dumps(list(values[name]), ensure_ascii=False)
    tx.execute(
        "INSERT INTO coding(report_id, publishable_title, activity_type, contributing_factors, "
        "loss_potential, lessons_learned, takeaways, discussion_questions, updated_by, updated_at) "
        "VALUES (:report_id, :publishable_title, :activity_type, :contributing_factors, "
        ":loss_potential, :lessons_learned, :takeaways, :discussion_questions, :by, :at) "
        "ON CONFLICT(report_id) DO UPDATE SET publishable_title = excluded.publishable_title, "
        "activity_type = excluded.activity_type, "
        "contributing_factors = excluded.contributing_factors, "
        "loss_potential = excluded.loss_potential, lessons_learned = excluded.lessons_learned, "
        "takeaways = excluded.takeaways, discussion_questions = excluded.discussion_questions, "
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        {**values, "report_id": report_id, "by": actor, "at": utc_now()},
    )


def coding_from_dict(data: Any) -> Coding:
    """A coding as a command carries it (lists as JSON arrays); refuses any other shape."""
    names = {f.name for f in fields(Coding)}
    if not isinstance(data, dict) or set(data) != names:
        raise ValueError("a coding needs exactly " + ", ".join(sorted(names)))
    for name in names:
        value = data[name]
        ok = (isinstance(value, list) and all(isinstance(v, str) for v in value)) if name in LIST_FIELDS \
            else isinstance(value, str)
        if not ok:
            raise ValueError(f"coding field {name} has the wrong type")
    values: dict[str, Any] = {n: tuple(data[n]) if n in LIST_FIELDS else data[n] for n in names}
    return Coding(**values)


def coding_to_dict(coding: Coding) -> dict[str, Any]:
    return {n: list(v) if n in LIST_FIELDS else v for n, v in asdict(coding).items()}


def published_date(incident_date: str) -> str:
    """The incident date as it will be published: month and year only."""
    year, month = int(incident_date[:4]), int(incident_date[5:7])
    return month_year(month, year)
