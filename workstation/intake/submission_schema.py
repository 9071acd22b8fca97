"""The submission JSON Schema (resources/schema/submission-v1.json) and readable reasons.

jsonschema's own messages quote the offending value, which may be report text; the
reasons built here name the field and the rule only, so they are safe to log and store.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from workstation.resources import resource_path

SCHEMA_FILE = ("schema", "submission-v1.json")
TAXONOMY_FILE = ("taxonomy.json",)
MAX_REASONS = 5
# What the schema's regular expressions mean; free-text fields only exclude control characters.
PATTERN_HINTS = {
    "submission_id": "must be a lower-case UUID",
    "received_at": "must be RFC 3339 UTC, e.g. 2026-03-02T14:05:00Z",
    "ori": "must be 2 capital letters and 7 capital letters or digits",
    "incident_date": "must be YYYY-MM-DD",
    "title": "must be one line without control characters",
}


@cache
def load_schema() -> dict[str, Any]:
    with resource_path(*SCHEMA_FILE).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def load_taxonomy() -> dict[str, Any]:
    with resource_path(*TAXONOMY_FILE).open(encoding="utf-8") as handle:
        taxonomy: dict[str, Any] = json.load(handle)
    return taxonomy


@cache
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def safe_name(name: object, limit: int = 40) -> str:
    """A field or member name from untrusted input, made printable and short."""
    text = ascii(str(name))[1:-1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(error: ValidationError) -> str:
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "report"


def describe(error: ValidationError) -> str:
    """One reason for one schema error, without quoting the value."""
    where = _where(error)
    rule = error.validator
    limit = error.validator_value
    if rule == "required":
        instance = error.instance if isinstance(error.instance, dict) else {}
        missing = [name for name in limit if name not in instance]
        return "missing required field " + ", ".join(f"'{name}'" for name in missing)
    if rule == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in error.instance if k not in allowed)
        return "unexpected field " + ", ".join(f"'{safe_name(name)}'" for name in extra[:3])
    if rule == "pattern":
        field = str(error.absolute_path[-1]) if error.absolute_path else ""
        hint = PATTERN_HINTS.get(field, "contains control characters")
        return f"{where}: has the wrong format ({hint})"
    if rule == "minLength" and limit == 1:
        return f"{where}: must not be empty"
    templates = {
        "type": "must be of type {limit}",
        "enum": "not one of the allowed codes",
        "const": "must be {limit!r}",
        "maxLength": "longer than {limit} characters",
        "minLength": "shorter than {limit} characters",
        "pattern": "has the wrong format",
        "format": "is not a valid {limit}",
        "minimum": "less than {limit}",
        "maximum": "greater than {limit}",
        "minItems": "needs at least {limit} item(s)",
        "maxItems": "more than {limit} items",
        "uniqueItems": "lists the same code twice",
    }
    template = templates.get(str(rule), "fails the '{rule}' rule")
    return f"{where}: " + template.format(limit=limit, rule=rule)


def schema_reasons(document: Any) -> list[str]:
    """All schema problems of a parsed report, sorted by field; empty when it is valid."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: (list(map(str, e.path)),
                                                                        str(e.validator)))
    reasons: list[str] = []
    for error in errors:
        reason = describe(error)
        if reason not in reasons:
            reasons.append(reason)
    return reasons


def taxonomy_codes(list_name: str) -> list[str]:
    """Codes of one taxonomy list, in form order."""
    return [entry["code"] for entry in load_taxonomy()["lists"][list_name]["entries"]]


def taxonomy_labels(list_name: str) -> dict[str, str]:
    """code -> human label of one taxonomy list."""
    entries = load_taxonomy()["lists"][list_name]["entries"]
    return {entry["code"]: entry["label"] for entry in entries}
