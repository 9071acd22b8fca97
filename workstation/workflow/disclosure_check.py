"""The re-identification check on a report's published structured fields.

How many reports (approved or published, and this one) could be the one a reader sees:
the same month and, field by field, a value the published one could stand for (a withheld
field matches anything, a generalised one its members). Below k (default 5, the meta
setting 'disclosure_k') signing needs a written reason, and the smallest set of fields to
generalise or withhold to reach k is proposed. Counts only: never text.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workstation.review.coding import published_date
from workstation.review.structured import (
    QUASI_FIELDS,
    Disclosure,
    can_generalise,
    load_choices,
    matches,
    published_fields,
)
from workstation.stages import Stage
from workstation.store.database import Database

DEFAULT_K = 5
MAX_PROPOSAL = 3  # fields changed at most in one proposal


@dataclass(frozen=True)
class KCheck:
    matching: int  # reports a reader could not tell this one from (itself included)
    k: int
    proposal: tuple[tuple[str, str], ...]  # (field, choice) that would reach k; empty if none needed or found

    @property
    def below_k(self) -> bool:
        return self.matching < self.k

    def in_words(self) -> str:
        if not self.below_k:
            return f"{self.matching} published reports share this report's published details (k = {self.k})."
        shown = ", ".join(f"{choice} {field.replace('_', ' ')}" for field, choice in self.proposal)
        found = f" To reach {self.k}: {shown}." if self.proposal else ""
        counted = "1 report (this one) shares" if self.matching == 1 else \
            f"{self.matching} reports (this one included) share"
        return (f"Only {counted} "
                f"this report's month and published details; fewer than {self.k} could point at the "
                f"officer.{found}")


def configured_k(db: Database) -> int:
    value = db.meta("disclosure_k")
    return int(value) if value and str(value).isdigit() and int(value) >= 2 else DEFAULT_K


def _population(db: Database, report_id: int, period: str) -> list[dict[str, Any]]:
    """The other approved and published reports of the same published month."""
    rows = db.query("SELECT submission FROM reports WHERE stage IN (?, ?) AND id != ?",
                    (Stage.APPROVED.value, Stage.PUBLISHED.value, report_id))
    others = (json.loads(row[0]) for row in rows)
    return [o for o in others if published_date(str(o.get("incident_date", ""))) == period]


def _count(published: Mapping[str, Any], population: Iterable[Mapping[str, Any]]) -> int:
    """This report and every other whose given values the published ones could stand for."""
    count = 1
    for other in population:
        if all(matches(f, value, other[f]) if f in other else value == "withheld"
               for f, value in published.items()):
            count += 1
    return count


def _steps(field: str, current: str) -> list[str]:
    if current == Disclosure.PUBLISH:
        if can_generalise(field):
            return [Disclosure.GENERALISE, Disclosure.WITHHOLD]
        return [Disclosure.WITHHOLD]
    return [Disclosure.WITHHOLD] if current == Disclosure.GENERALISE else []


def check_report(db: Database, report_id: int, *, k: int | None = None) -> KCheck:
    k = k or configured_k(db)
    submission = json.loads(db.query_row("SELECT submission FROM reports WHERE id = ?", (report_id,))[0])
    choices = load_choices(db, report_id)
    period = published_date(submission["incident_date"])
    population = _population(db, report_id, period)
    matching = _count(published_fields(submission, choices), population)
    if matching >= k:
        return KCheck(matching, k, ())
    given = [f for f in QUASI_FIELDS if f in submission]
    for size in range(1, MAX_PROPOSAL + 1):  # the smallest change first, generalising before withholding
        for fields in itertools.combinations(given, size):
            options = [[(f, step) for step in _steps(f, choices.get(f, Disclosure.PUBLISH))] for f in fields]
            for proposal in itertools.product(*options):
                trial = {**choices, **dict(proposal)}
                if _count(published_fields(submission, trial), population) >= k:
                    return KCheck(matching, k, tuple((f, str(c)) for f, c in proposal))
    return KCheck(matching, k, ())


def acknowledged(db: Database, report_id: int, content: str) -> bool:
    found = db.query_one("SELECT 1 FROM disclosure_acknowledgements WHERE report_id = ? "
                         "AND content_sha256 = ?", (report_id, content))
    return found is not None
