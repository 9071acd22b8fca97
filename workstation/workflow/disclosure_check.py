"""The re-identification check on a report's published structured fields.

How many reports (approved or published, and this one) could be the one a reader sees:
the same month and, field by field, a value the published one could stand for (a withheld
field matches anything, a generalised one its members). Below k (default 5, the meta
setting 'disclosure_k') signing needs a written reason (an AcknowledgeLowK command, which
holds for the publishable content it was given for), and the smallest set of fields to
generalise or withhold to reach k is proposed. Counts only: never text.

Where the others are counted: on the coordinator, the whole database. A reviewer laptop
holds only its assigned reports, so there they are counted from the table of counts the
coordinator sent in the latest assignment packet (`disclosure_counts`: per month, each
combination of the fields as the reporters gave them, and how many reports gave it;
workstation/exchange/disclosure_counts.py), which gives the same figure and proposals the
coordinator would have given when it made the packet.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import rfc8785

from workstation.exchange import roles
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
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.residual import clean_reason

DEFAULT_K = 5
LOW_K_TOO_SHORT = ("Write why this report may be published although fewer than k reports share its details "
                   "(a few words at least).")
MAX_PROPOSAL = 3  # fields changed at most in one proposal
DATABASE, PACKET = "database", "packet"
# A report's month in SQL, as the index reports_by_month has it (incident dates are YYYY-MM-DD).
MONTH_SQL = "substr(json_extract(submission, '$.incident_date'), 1, 7)"

# The others a report is counted against: each combination of given fields, and how many
# reports gave it.
Population = Sequence[tuple[Mapping[str, Any], int]]


@dataclass(frozen=True)
class KCheck:
    """The check's figure for one report. `acknowledged`: a written reason to publish below
    k is on record for the report's publishable content as it is now. `counted_from`:
    'database' (the coordinator's whole database) or 'packet' (a laptop's table of counts
    from the coordinator, made at `counts_as_of`)."""

    matching: int  # reports a reader could not tell this one from (itself included)
    k: int
    proposal: tuple[tuple[str, str], ...]  # (field, choice) that would reach k; empty if none needed or found
    acknowledged: bool = False
    counted_from: str = DATABASE
    counts_as_of: str | None = None

    @property
    def below_k(self) -> bool:
        return self.matching < self.k

    @property
    def needs_reason(self) -> bool:
        """Signing needs a written reason: below k and none on record for this content."""
        return self.below_k and not self.acknowledged

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


def month_of(incident_date: str) -> str:
    """The published month as a key, 'YYYY-MM' (the same reports as `published_date`)."""
    return f"{int(incident_date[:4]):04d}-{int(incident_date[5:7]):02d}"


def given_fields(submission: Mapping[str, Any]) -> dict[str, Any]:
    """The published structured fields as the reporter gave them (codes, never text)."""
    return {f: sorted(submission[f]) if isinstance(submission[f], list) else submission[f]
            for f in QUASI_FIELDS if f in submission}


def combination_key(given: Mapping[str, Any]) -> str:
    return rfc8785.dumps(dict(given)).decode("utf-8")


def population_counts(db: Database, months: Iterable[str], *, leave_out: int | None = None
                      ) -> dict[str, Counter[str]]:
    """From the whole database: for each month, how many approved and published reports gave
    each combination of fields (`leave_out`: a report not counted, the one being checked).
    Reads those months' reports only (the index reports_by_month)."""
    counts: dict[str, Counter[str]] = {}
    for month in sorted(set(months)):
        counts[month] = Counter()
        rows = db.query(f"SELECT id, submission FROM reports WHERE {MONTH_SQL} = ? AND stage IN (?, ?)",
                        (month, Stage.APPROVED.value, Stage.PUBLISHED.value))
        for row_id, text in rows:
            if row_id != leave_out:
                counts[month][combination_key(given_fields(json.loads(text)))] += 1
    return counts


def _from_packet(db: Database, month: str) -> tuple[Population, str | None]:
    as_of = db.query_one("SELECT as_of FROM disclosure_count_months WHERE month = ?", (month,))
    rows = db.query("SELECT combination, reports FROM disclosure_counts WHERE month = ?", (month,))
    return [(json.loads(key), int(n)) for key, n in rows], None if as_of is None else str(as_of[0])


def _without(found: Counter[str], own: str | None) -> Population:
    """A month's combinations as the population, the report itself taken out once."""
    return [(json.loads(key), n - (1 if key == own else 0)) for key, n in found.items()
            if n - (1 if key == own else 0) > 0]


def _count(published: Mapping[str, Any], population: Population) -> int:
    """This report and every other whose given values the published ones could stand for."""
    count = 1
    for other, reports in population:
        if all(matches(f, value, other[f]) if f in other else value == "withheld"
               for f, value in published.items()):
            count += reports
    return count


def _steps(field: str, current: str) -> list[str]:
    if current == Disclosure.PUBLISH:
        if can_generalise(field):
            return [Disclosure.GENERALISE, Disclosure.WITHHOLD]
        return [Disclosure.WITHHOLD]
    return [Disclosure.WITHHOLD] if current == Disclosure.GENERALISE else []


def check_report(db: Database, report_id: int, *, k: int | None = None) -> KCheck:
    """The figure, the proposal and whether a reason is on record; counted from the whole
    database on the coordinator and from the packet's table of counts on a laptop."""
    return check_reports(db, [report_id], k=k, propose=True)[report_id]


def check_reports(db: Database, report_ids: Sequence[int], *, k: int | None = None,
                  propose: bool = False) -> dict[int, KCheck]:
    """check_report for several reports, counting the database once (the publication batch);
    `propose`: look for the smallest change too (the signing dialog)."""
    k = k or configured_k(db)
    laptop = roles.role(db) == roles.REVIEWER
    found = {}
    for report_id in report_ids:
        row = db.query_row("SELECT submission, stage FROM reports WHERE id = ?", (report_id,))
        found[report_id] = (json.loads(row[0]), str(row[1]))
    months = {month_of(submission["incident_date"]) for submission, _ in found.values()}
    counted = {} if laptop else population_counts(db, months)
    checks = {}
    for report_id, (submission, stage) in found.items():
        month = month_of(submission["incident_date"])
        if laptop:
            population, as_of = _from_packet(db, month)
        else:  # the report itself is among the counted once it is approved
            own = combination_key(given_fields(submission)) \
                if stage in (Stage.APPROVED.value, Stage.PUBLISHED.value) else None
            population, as_of = _without(counted[month], own), None
        done = acknowledged(db, report_id, content_sha256(publishable_content(db, report_id)))
        matching, proposal = _figure(submission, load_choices(db, report_id), population, k, propose)
        checks[report_id] = KCheck(matching, k, proposal, done, PACKET if laptop else DATABASE, as_of)
    return checks


def _figure(submission: Mapping[str, Any], choices: Mapping[str, str], population: Population, k: int,
            propose: bool) -> tuple[int, tuple[tuple[str, str], ...]]:
    matching = _count(published_fields(submission, choices), population)
    if matching >= k or not propose:
        return matching, ()
    given = [f for f in QUASI_FIELDS if f in submission]
    for size in range(1, MAX_PROPOSAL + 1):  # the smallest change first, generalising before withholding
        for fields in itertools.combinations(given, size):
            options = [[(f, step) for step in _steps(f, choices.get(f, Disclosure.PUBLISH))] for f in fields]
            for proposal in itertools.product(*options):
                trial = {**choices, **dict(proposal)}
                if _count(published_fields(submission, trial), population) >= k:
                    return matching, tuple((f, str(c)) for f, c in proposal)
    return matching, ()


def clean_low_k_reason(text: str) -> str:
    """The written reason to sign below k, cleaned as any reason is (one clear message when
    it is too short), whether typed here or arriving in a command from another laptop."""
    return clean_reason(text, LOW_K_TOO_SHORT)


def acknowledged(db: Database, report_id: int, content: str) -> bool:
    found = db.query_one("SELECT 1 FROM disclosure_acknowledgements WHERE report_id = ? "
                         "AND content_sha256 = ?", (report_id, content))
    return found is not None
