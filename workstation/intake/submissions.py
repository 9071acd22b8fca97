"""Parse one raw report (bytes from a bundle) into a validated submission dict.

A bad report is not an error of the whole bundle: `check_submission` returns the
reason so the caller can quarantine the raw bytes with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from workstation.errors import InputError
from workstation.intake.strict_json import StrictJSONError, parse_strict_json
from workstation.intake.submission_schema import MAX_REASONS, schema_reasons

INTEGER_FIELDS = ("form_version", "officers_on_scene")
TEXT_FIELDS = ("title", "narrative", "lessons_learned", "prevention", "what_went_right")
EARLIEST_INCIDENT = date(1990, 1, 1)
# C0 controls other than tab/newline/carriage return, DEL, and the C1 range.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class InvalidSubmission(InputError):
    """One report cannot be accepted; `reason` is safe to show and store (no report text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"invalid submission: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class SubmissionCheck:
    """Result of checking one report: `submission` when valid, else `reason`."""

    submission: dict[str, Any] | None
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.submission is not None


def parse_received_at(text: str) -> datetime:
    """RFC 3339 UTC timestamp ending in Z (already pattern-checked by the schema)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.astimezone(UTC)


def _semantic_reasons(doc: dict[str, Any]) -> list[str]:
    reasons: list[str] = []
    for name in INTEGER_FIELDS:
        if isinstance(doc.get(name), float):  # JSON 2.0 passes "type: integer"
            reasons.append(f"{name}: must be a whole number without a decimal point")
    for name in TEXT_FIELDS:
        value = doc.get(name)
        if isinstance(value, str) and not value.strip():
            reasons.append(f"{name}: is blank")
        if isinstance(value, str) and _CONTROL.search(value):
            reasons.append(f"{name}: contains control characters")
    if "\n" in doc.get("title", "") or "\r" in doc.get("title", ""):
        reasons.append("title: must be one line")
    try:
        received = parse_received_at(doc["received_at"])
    except ValueError:
        return [*reasons, "received_at: is not a valid date and time"]
    incident = date.fromisoformat(doc["incident_date"])
    if incident > received.date():
        reasons.append("incident_date: is after received_at")
    if incident < EARLIEST_INCIDENT:
        reasons.append(f"incident_date: is before {EARLIEST_INCIDENT.isoformat()}")
    return reasons


def validate_submission(document: Any, *, expected_id: str | None = None) -> dict[str, Any]:
    """Check a parsed report against the schema and the rules the schema cannot express."""
    if not isinstance(document, dict):
        raise InvalidSubmission("report is not a JSON object")
    reasons = schema_reasons(document)
    if not reasons:
        reasons = _semantic_reasons(document)
    if not reasons and expected_id is not None and document["submission_id"] != expected_id:
        reasons = ["submission_id does not match the manifest"]
    if reasons:
        more = len(reasons) - MAX_REASONS
        text = "; ".join(reasons[:MAX_REASONS]) + (f"; and {more} more" if more > 0 else "")
        raise InvalidSubmission(text)
    return document


def parse_submission(raw: bytes, *, expected_id: str | None = None) -> dict[str, Any]:
    """Strict-parse and validate one report. Raises InvalidSubmission (only) when it is bad."""
    try:
        document = parse_strict_json(raw)
    except StrictJSONError as exc:
        raise InvalidSubmission(exc.reason) from None
    return validate_submission(document, expected_id=expected_id)


def check_submission(raw: bytes, *, expected_id: str | None = None) -> SubmissionCheck:
    """Like parse_submission, but returns the quarantine reason instead of raising."""
    try:
        return SubmissionCheck(parse_submission(raw, expected_id=expected_id), None)
    except InvalidSubmission as exc:
        return SubmissionCheck(None, exc.reason)


def load_submissions_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of submissions (for `bundle make`); every line must be valid."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    submissions: list[dict[str, Any]] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            submissions.append(parse_submission(line))
        except InvalidSubmission as exc:
            raise InputError(f"{path.name} line {number}: {exc.reason}") from None
    if not submissions:
        raise InputError(f"{path.name} holds no submissions")
    return submissions
