"""Review spans in the database: reading them, seeding them from the detector's
suggestions, and writing span states (the one place that does). Spans are written by
their `uid`, which every database holding the report agrees on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workstation.clock import utc_now
from workstation.review.spans import Origin, ReviewSpan, SpanState, seeded_span_uid, without_overlaps
from workstation.review.structured import seed_default_choices
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id

_COLUMNS = ("field, span_start, span_end, label, origin, score, recognizer, decision, "
            "replacement, generalise")


def _state(row: Any) -> SpanState:
    field, start, end, label, origin, score, recognizer, decision, replacement, generalise = row
    return SpanState(field, start, end, label, origin, score, recognizer, decision, replacement,
                     bool(generalise))


def load_spans(db: Database, report_id: int) -> list[ReviewSpan]:
    """The report's spans in reading order."""
    rows = db.query(
        f"SELECT id, {_COLUMNS}, decided_by, decided_at, uid FROM review_spans WHERE report_id = ? "
        "ORDER BY field, span_start",
        (report_id,),
    )
    return [ReviewSpan(row[0], _state(row[1:11]), row[11], row[12], row[13]) for row in rows]


def _submission_id(tx: Transaction, report_id: int) -> str:
    return str(tx.execute("SELECT submission_id FROM reports WHERE id = ?", (report_id,)).fetchone()[0])


def seed_from_suggestions(tx: Transaction, report_id: int) -> int:
    """Copy the detector's suggestions into review spans, once per report (at import, or
    when a report analysed later is first opened). A system write: no reviewer decided."""
    if tx.execute("SELECT 1 FROM review_spans WHERE report_id = ? LIMIT 1", (report_id,)).fetchone():
        return 0
    seed_default_choices(tx, report_id)  # how its structured fields are published, to begin with
    rows = tx.execute("SELECT field, span_start, span_end, label, score, recognizer FROM suggestions "
                      "WHERE report_id = ?", (report_id,)).fetchall()
    states = [SpanState(field, start, end, label, Origin.DETECTOR, score, recognizer)
              for field, start, end, label, score, recognizer in rows]
    submission_id = _submission_id(tx, report_id)
    states = without_overlaps(states)
    for state in states:
        insert_state(tx, report_id, seeded_span_uid(submission_id, state), state)
    return len(states)


def add_new_spans(tx: Transaction, report_id: int, field: str, found: Iterable[Any]) -> int:
    """Pending spans for suggestions that touch no span the report already has (re-analysis,
    a system write)."""
    rows = tx.execute("SELECT span_start, span_end FROM review_spans WHERE report_id = ? AND field = ?",
                      (report_id, field)).fetchall()
    taken = [(a, b) for a, b in rows]
    states = without_overlaps([SpanState(field, s.start, s.end, s.label, Origin.DETECTOR, s.score,
                                         s.recognizer) for s in found])
    submission_id = _submission_id(tx, report_id)
    added = 0
    for state in states:
        if not any(state.start < b and a < state.end for a, b in taken):
            insert_state(tx, report_id, seeded_span_uid(submission_id, state), state)
            added += 1
    return added


def insert_state(tx: Transaction, report_id: int, uid: str, state: SpanState,
                 actor: str | None = None) -> int:
    decided_at = utc_now() if actor else None
    cursor = tx.execute(
        f"INSERT INTO review_spans(uid, report_id, {_COLUMNS}, decided_by, decided_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uid, report_id, state.field, state.start, state.end, state.label, state.origin,
         state.score, state.recognizer, state.decision, state.replacement, int(state.generalise),
         actor, decided_at),
    )
    return inserted_id(cursor)


def current_state(tx: Transaction, report_id: int, uid: str) -> SpanState | None:
    row = tx.execute(f"SELECT {_COLUMNS} FROM review_spans WHERE report_id = ? AND uid = ?",
                     (report_id, uid)).fetchone()
    return None if row is None else _state(row)


def write_state(tx: Transaction, report_id: int, uid: str, state: SpanState | None, actor: str) -> None:
    """Make span `uid` be `state` (None: no such span); inserts, updates or deletes."""
    exists = tx.execute("SELECT 1 FROM review_spans WHERE uid = ? AND report_id = ?",
                        (uid, report_id)).fetchone()
    if state is None:
        tx.execute("DELETE FROM review_spans WHERE uid = ? AND report_id = ?", (uid, report_id))
    elif exists:
        tx.execute(
            "UPDATE review_spans SET field = ?, span_start = ?, span_end = ?, label = ?, origin = ?, "
            "score = ?, recognizer = ?, decision = ?, replacement = ?, generalise = ?, "
            "decided_by = ?, decided_at = ? WHERE uid = ? AND report_id = ?",
            (state.field, state.start, state.end, state.label, state.origin, state.score,
             state.recognizer, state.decision, state.replacement, int(state.generalise),
             actor, utc_now(), uid, report_id),
        )
    else:
        insert_state(tx, report_id, uid, state, actor)


def spans_overlapping(spans: Iterable[ReviewSpan], field: str, start: int, end: int) -> list[ReviewSpan]:
    return [s for s in spans if s.field == field and s.start < end and start < s.end]
