"""What the review view's "Published details" tab shows: each structured field that will
be published, the reporter's value, how it is published now, and the re-identification
figure for the combination. Read functions for the GUI (labels, no report text)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workstation.intake.submission_schema import taxonomy_labels
from workstation.review.structured import (
    GENERALISED_LABELS,
    QUASI_FIELDS,
    Disclosure,
    can_generalise,
    generalised_value,
    load_choices,
)
from workstation.session import Session
from workstation.workflow.disclosure_check import KCheck, check_report

HEADINGS = {
    "role_rank": "Reporter's role", "years_of_service": "Years of service", "agency_type": "Agency type",
    "agency_size": "Agency size", "time_of_day": "Time of day", "shift": "Shift",
    "location_type": "Location", "weather": "Weather", "lighting": "Lighting",
    "officers_on_scene": "Officers on scene", "suspect_characteristics": "Subject",
    "injury_outcome": "Injury outcome",
}


def value_words(field: str, value: Any) -> str:
    """A published or given value in words (taxonomy labels, generalised groups)."""
    if isinstance(value, list):
        return "; ".join(value_words(field, v) for v in value) or "none"
    if isinstance(value, int):
        return str(value)
    labels = taxonomy_labels(field) if field != "officers_on_scene" else {}
    return labels.get(str(value)) or GENERALISED_LABELS.get(str(value), str(value).replace("_", " "))


@dataclass(frozen=True)
class DetailRow:
    field: str
    heading: str
    given: str  # the reporter's value, in words
    generalised: str | None  # what generalising would publish, None where it cannot
    choice: str  # publish, generalise or withhold


def published_details(session: Session, report_id: int) -> list[DetailRow]:
    db = session.db
    submission = json.loads(db.query_row("SELECT submission FROM reports WHERE id = ?", (report_id,))[0])
    choices = load_choices(db, report_id)
    return [DetailRow(f, HEADINGS[f], value_words(f, submission[f]),
                      value_words(f, generalised_value(f, submission[f])) if can_generalise(f) else None,
                      choices.get(f, Disclosure.PUBLISH.value))
            for f in QUASI_FIELDS if f in submission]


def k_figure(session: Session, report_id: int) -> KCheck:
    return check_report(session.db, report_id)
