"""Reviewer decisions on spans, each saved at once with its audit entry, and undoable.

Every operation builds a `Change` (the states of the spans it touches, before and after),
writes the after-states in one audited transaction, and returns the change. Undo writes
the before-states back, redo the after-states again: both are saved and audited like any
decision, so a crash or an auto-lock never loses one. Audit payloads hold span ids,
labels and decisions, never text (a custom replacement is counted, not recorded).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from workstation.audit import chain
from workstation.detect.labels import LABELS
from workstation.errors import InputError
from workstation.review.span_store import load_spans, spans_overlapping, write_state
from workstation.review.spans import REVIEWER_RECOGNIZER, Decision, Origin, ReviewSpan, SpanState
from workstation.session import Session
from workstation.workflow.staleness import after_content_change, report_stage
from workstation.workflow.states import check_editable

MAX_REPLACEMENT = 80


@dataclass(frozen=True)
class SpanChange:
    span_id: int
    before: SpanState | None  # None: the span did not exist
    after: SpanState | None  # None: the span is removed


@dataclass(frozen=True)
class Change:
    report_id: int
    action: str  # audit action and what the Edit menu says ("accept", "relabel"...)
    spans: tuple[SpanChange, ...]

    def inverse(self) -> Change:
        return Change(self.report_id, self.action,
                      tuple(SpanChange(c.span_id, c.after, c.before) for c in self.spans))


def _next_ids(session: Session, count: int) -> list[int]:
    """Ids for new spans: AUTOINCREMENT never reuses one, so redo can put a span back."""
    row = session.db.query_one("SELECT seq FROM sqlite_sequence WHERE name = 'review_spans'")
    top = max(row[0] if row else 0,
              session.db.query_one("SELECT coalesce(max(id), 0) FROM review_spans")[0])
    return list(range(top + 1, top + 1 + count))


def _save(session: Session, change: Change, action: str, extra: dict[str, object]) -> Change:
    if not change.spans:
        return change
    check_editable(report_stage(session.db, change.report_id))
    with session.db.transaction() as tx:
        for item in change.spans:
            write_state(tx, change.report_id, item.span_id, item.after, session.reviewer)
        chain.append(tx, actor=session.reviewer, action=f"review.{action}",
                     obj=f"report:{change.report_id}",
                     payload={"spans": [c.span_id for c in change.spans], **extra})
    after_content_change(session, change.report_id)
    return change


def _update(session: Session, report_id: int, spans: Sequence[ReviewSpan], action: str,
            extra: dict[str, object], **changes: object) -> Change:
    items = tuple(SpanChange(s.id, s.state, s.state.with_changes(**changes)) for s in spans
                  if s.state.with_changes(**changes) != s.state)
    return _save(session, Change(report_id, action, items), action, extra)


def _spans(session: Session, report_id: int, span_ids: Sequence[int]) -> list[ReviewSpan]:
    wanted = set(span_ids)
    found = [s for s in load_spans(session.db, report_id) if s.id in wanted]
    if len(found) != len(wanted):
        raise InputError("That suggestion is no longer there; reopen the report.")
    return found


def decide(session: Session, report_id: int, span_ids: Sequence[int], decision: Decision) -> Change:
    """Accept (redact) or reject (keep) spans, or set them back to pending."""
    decision = Decision(decision)
    action = {Decision.REDACT: "accept", Decision.KEEP: "reject", Decision.PENDING: "reopen"}[decision]
    return _update(session, report_id, _spans(session, report_id, span_ids), action,
                   {"decision": decision.value}, decision=decision.value)


def relabel(session: Session, report_id: int, span_ids: Sequence[int], label: str) -> Change:
    if label not in LABELS:
        raise InputError(f"Unknown label {label!r}.")
    return _update(session, report_id, _spans(session, report_id, span_ids), "relabel",
                   {"label": label}, label=label)


def set_replacement(session: Session, report_id: int, span_ids: Sequence[int],
                    replacement: str | None) -> Change:
    """The reviewer's own words instead of the placeholder ("the suspect"); None or blank
    goes back to the placeholder. Setting a replacement also accepts the span."""
    text = " ".join((replacement or "").split()) or None
    if text is not None and len(text) > MAX_REPLACEMENT:
        raise InputError(f"A replacement can be at most {MAX_REPLACEMENT} characters.")
    changes: dict[str, object] = {"replacement": text}
    if text is not None:
        changes["decision"] = Decision.REDACT.value
    return _update(session, report_id, _spans(session, report_id, span_ids), "replace",
                   {"custom": text is not None, "length": len(text or "")}, **changes)


def set_generalise(session: Session, report_id: int, span_ids: Sequence[int], on: bool) -> Change:
    """Dates: publish month and year instead of a placeholder (also accepts the span)."""
    spans = _spans(session, report_id, span_ids)
    if any(s.label != "DATE" for s in spans):
        raise InputError("Only dates can be generalised to month and year.")
    changes: dict[str, object] = {"generalise": on}
    if on:
        changes["decision"] = Decision.REDACT.value
    return _update(session, report_id, spans, "generalise", {"generalise": on}, **changes)


def add_spans(session: Session, report_id: int, field_name: str,
              ranges: Sequence[tuple[int, int]], label: str) -> Change:
    """Spans the reviewer marks (a missed identifier), redacted at once. Spans they
    overlap are replaced, so one stretch of text never has two decisions."""
    return _add(session, report_id, {field_name: list(ranges)}, label, "add")


def _add(session: Session, report_id: int, ranges_by_field: dict[str, list[tuple[int, int]]],
         label: str, action: str) -> Change:
    if label not in LABELS:
        raise InputError(f"Unknown label {label!r}.")
    existing = load_spans(session.db, report_id)
    items: list[SpanChange] = []
    replaced: set[int] = set()
    wanted = [(name, r) for name, ranges in ranges_by_field.items() for r in ranges]
    for (field_name, (start, end)), new_id in zip(wanted, _next_ids(session, len(wanted)), strict=True):
        if not 0 <= start < end:
            raise InputError("Select some text to redact first.")
        for old in spans_overlapping(existing, field_name, start, end):
            if old.id not in replaced:
                replaced.add(old.id)
                start, end = min(start, old.start), max(end, old.end)
                items.append(SpanChange(old.id, old.state, None))
        state = SpanState(field_name, start, end, label, Origin.REVIEWER, 1.0, REVIEWER_RECOGNIZER,
                          Decision.REDACT.value)
        items.append(SpanChange(new_id, None, state))
    return _save(session, Change(report_id, action, tuple(items)), action,
                 {"label": label, "added": len(wanted), "replaced": len(replaced)})


def occurrences(texts: dict[str, str], needle: str) -> dict[str, list[tuple[int, int]]]:
    """Every whole-word, case-insensitive occurrence of `needle` (possessives included)."""
    words = needle.split()
    if not words:
        return {}
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)",
                         re.IGNORECASE)
    return {name: [(m.start(), m.end()) for m in pattern.finditer(text)]
            for name, text in texts.items() if pattern.search(text)}


def redact_all_occurrences(session: Session, report_id: int, texts: dict[str, str], needle: str,
                           label: str) -> Change:
    """'Apply to all occurrences': every occurrence in every field, in one undoable step."""
    found = occurrences(texts, needle)
    existing = load_spans(session.db, report_id)
    todo: dict[str, list[tuple[int, int]]] = {}
    for field_name, ranges in found.items():
        for start, end in ranges:
            covered = [s for s in spans_overlapping(existing, field_name, start, end)
                       if s.decision == Decision.REDACT and s.start <= start and end <= s.end]
            if not covered:
                todo.setdefault(field_name, []).append((start, end))
    return _add(session, report_id, todo, label, "add_all")


@dataclass
class UndoStack:
    """Undo and redo for one report's decisions; each step is saved like a decision."""

    session: Session
    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)

    def push(self, change: Change) -> Change:
        if change.spans:
            self.done.append(change)
            self.undone.clear()
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def undo(self) -> Change | None:
        if not self.done:
            return None
        change = self.done.pop()
        _save(self.session, change.inverse(), "undo", {"of": change.action})
        self.undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self.undone:
            return None
        change = self.undone.pop()
        _save(self.session, change, "redo", {"of": change.action})
        self.done.append(change)
        return change
