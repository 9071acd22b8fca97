"""What a decision does to a report's spans: each function works out the span states it
touches, before and after, from the spans as they are. It writes nothing: the workflow's
`apply` checks that the change is allowed, writes it with `write_change` and audits it,
and undo restores the before-states (see workstation/workflow/apply.py).

Spans are named by their uid, the id every database holding the report agrees on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workstation.detect.labels import LABELS
from workstation.errors import CommandConflict, InputError
from workstation.review.span_store import current_state, spans_overlapping, write_state
from workstation.review.spans import REVIEWER_RECOGNIZER, Decision, Origin, ReviewSpan, SpanState
from workstation.store.transaction import Transaction
from workstation.text.invisible import refuse_invisible

MAX_REPLACEMENT = 80


@dataclass(frozen=True)
class SpanChange:
    uid: str
    before: SpanState | None  # None: the span did not exist
    after: SpanState | None  # None: the span is removed

    def to_dict(self) -> dict[str, Any]:
        return {"uid": self.uid, "before": None if self.before is None else self.before.to_dict(),
                "after": None if self.after is None else self.after.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> SpanChange:
        if not isinstance(data, dict) or set(data) != {"uid", "before", "after"} \
                or not isinstance(data["uid"], str) or not data["uid"]:
            raise ValueError("a span change needs uid, before and after")
        return cls(data["uid"], None if data["before"] is None else SpanState.from_dict(data["before"]),
                   None if data["after"] is None else SpanState.from_dict(data["after"]))

    def inverse(self) -> SpanChange:
        return SpanChange(self.uid, self.after, self.before)


def _named(spans: Sequence[ReviewSpan], uids: Sequence[str]) -> list[ReviewSpan]:
    wanted = set(uids)
    found = [s for s in spans if s.uid in wanted]
    if not wanted or len(found) != len(wanted):
        raise CommandConflict("That suggestion is no longer there; reopen the report.")
    return found


def _updated(spans: Sequence[ReviewSpan], **changes: object) -> tuple[SpanChange, ...]:
    return tuple(SpanChange(s.uid, s.state, s.state.with_changes(**changes)) for s in spans
                 if s.state.with_changes(**changes) != s.state)


def plan_decide(spans: Sequence[ReviewSpan], uids: Sequence[str], decision: str) -> tuple[SpanChange, ...]:
    """Accept (redact) or reject (keep) spans, or set them back to pending."""
    return _updated(_named(spans, uids), decision=Decision(decision).value)


def plan_relabel(spans: Sequence[ReviewSpan], uids: Sequence[str], label: str) -> tuple[SpanChange, ...]:
    if label not in LABELS:
        raise InputError(f"Unknown label {label!r}.")
    return _updated(_named(spans, uids), label=label)


def clean_replacement(replacement: str | None) -> str | None:
    refuse_invisible(replacement or "", "A replacement")
    text = " ".join((replacement or "").split()) or None
    if text is not None and len(text) > MAX_REPLACEMENT:
        raise InputError(f"A replacement can be at most {MAX_REPLACEMENT} characters.")
    return text


def plan_replacement(spans: Sequence[ReviewSpan], uids: Sequence[str],
                     replacement: str | None) -> tuple[SpanChange, ...]:
    """The reviewer's own words instead of the placeholder ("the suspect"); None or blank
    goes back to the placeholder. Setting a replacement also accepts the span."""
    text = clean_replacement(replacement)
    changes: dict[str, object] = {"replacement": text}
    if text is not None:
        changes["decision"] = Decision.REDACT.value
    return _updated(_named(spans, uids), **changes)


def plan_generalise(spans: Sequence[ReviewSpan], uids: Sequence[str], on: bool) -> tuple[SpanChange, ...]:
    """Dates: publish month and year instead of a placeholder (also accepts the span)."""
    named = _named(spans, uids)
    if any(s.label != "DATE" for s in named):
        raise InputError("Only dates can be generalised to month and year.")
    changes: dict[str, object] = {"generalise": on}
    if on:
        changes["decision"] = Decision.REDACT.value
    return _updated(named, **changes)


@dataclass(frozen=True)
class NewSpan:
    """A stretch the reviewer marks, with the id its span will have everywhere."""

    uid: str
    field: str
    start: int
    end: int


def plan_add(spans: Sequence[ReviewSpan], new: Sequence[NewSpan], label: str) -> tuple[SpanChange, ...]:
    """Spans the reviewer marks (a missed identifier), redacted at once. Spans they
    overlap are replaced (and the new one widened over them), so one stretch of text never
    has two decisions."""
    if label not in LABELS:
        raise InputError(f"Unknown label {label!r}.")
    if not new:
        raise InputError("Select some text to redact first.")
    existing = list(spans)
    items: list[SpanChange] = []
    replaced: set[str] = set()
    for item in new:
        start, end = item.start, item.end
        if not 0 <= start < end:
            raise InputError("Select some text to redact first.")
        if any(s.uid == item.uid for s in existing) or any(c.uid == item.uid for c in items):
            raise CommandConflict("A new span's id is already taken.")
        for old in spans_overlapping(existing, item.field, start, end):
            if old.uid not in replaced:
                replaced.add(old.uid)
                start, end = min(start, old.start), max(end, old.end)
                items.append(SpanChange(old.uid, old.state, None))
        state = SpanState(item.field, start, end, label, Origin.REVIEWER, 1.0, REVIEWER_RECOGNIZER,
                          Decision.REDACT.value)
        items.append(SpanChange(item.uid, None, state))
    return tuple(items)


def occurrences(texts: dict[str, str], needle: str) -> dict[str, list[tuple[int, int]]]:
    """Every whole-word, case-insensitive occurrence of `needle` (possessives included)."""
    words = needle.split()
    if not words:
        return {}
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)",
                         re.IGNORECASE)
    return {name: [(m.start(), m.end()) for m in pattern.finditer(text)]
            for name, text in texts.items() if pattern.search(text)}


def uncovered_occurrences(spans: Sequence[ReviewSpan], texts: dict[str, str],
                          needle: str) -> list[tuple[str, int, int]]:
    """'Apply to all occurrences': the occurrences of `needle` no redaction covers yet."""
    todo = []
    for field_name, ranges in occurrences(texts, needle).items():
        for start, end in ranges:
            covered = [s for s in spans_overlapping(spans, field_name, start, end)
                       if s.decision == Decision.REDACT and s.start <= start and end <= s.end]
            if not covered:
                todo.append((field_name, start, end))
    return todo


def write_change(tx: Transaction, report_id: int, changes: Sequence[SpanChange], actor: str) -> None:
    """Write the after-states, having checked that each span is still as the change found
    it (a replayed command, or an undo, must meet the state it was made against)."""
    for change in changes:
        if current_state(tx, report_id, change.uid) != change.before:
            raise CommandConflict("A suggestion this change names has changed since; reopen the report.")
    # Removals first: a widened span may take over the offsets of the ones it replaces.
    for change in sorted(changes, key=lambda c: c.after is not None):
        write_state(tx, report_id, change.uid, change.after, actor)
