"""Identifier suggestions for stored reports: which text is analysed, and where results live.

The detector (`workstation.detect`) works on plain strings; this module feeds it the free
text of each report, with what the report's structured fields already give away (the
ORI), and stores what it suggests as offsets only, never as text. Import calls it for
every new report; `analyse_pending` catches up on reports imported without analysis.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.detect.suggestion import Suggestion
from workstation.errors import Cancelled, InputError
from workstation.intake.submissions import TEXT_FIELDS
from workstation.review.span_store import add_new_spans, seed_from_suggestions
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction

BATCH = 64  # reports per detector call: progress and cancel are checked between batches

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
FieldSuggestions = dict[str, list[Suggestion]]


class ReportAnalyser(Protocol):
    """What import needs from a detector (workstation.detect.detector.Detector)."""

    def analyze_reports(
        self, reports: Sequence[Mapping[str, str]], known_identifiers: Sequence[Sequence[str]]
    ) -> list[FieldSuggestions]: ...


def analyser_name(analyser: ReportAnalyser) -> str:
    """Which detector (and model) produced the suggestions, stored with each report."""
    model = getattr(analyser, "model", "")
    return f"{type(analyser).__name__} {model}".strip()


@dataclass(frozen=True)
class ReportText:
    texts: dict[str, str]
    known: tuple[str, ...]


def report_text(submission: Mapping[str, Any]) -> ReportText:
    texts = {f: submission[f] for f in TEXT_FIELDS if isinstance(submission.get(f), str)}
    known = tuple(v for v in (submission.get("ori"),) if isinstance(v, str) and v)
    return ReportText(texts, known)


def analyse_in_batches(
    analyser: ReportAnalyser,
    reports: Sequence[ReportText],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Iterator[FieldSuggestions]:
    """Suggestions for each report, in order; raises Cancelled when cancelled."""
    total = len(reports)
    for first in range(0, total, BATCH):
        if cancelled is not None and cancelled():
            raise Cancelled("The analysis was cancelled; nothing was saved.")
        batch = reports[first: first + BATCH]
        yield from analyser.analyze_reports([r.texts for r in batch], [r.known for r in batch])
        if progress is not None:
            progress(min(first + BATCH, total), total)


def _insert_suggestions(tx: Transaction, report_id: int, by_field: FieldSuggestions) -> int:
    rows = [
        (report_id, field, s.start, s.end, s.label, min(max(float(s.score), 0.0), 1.0), s.recognizer)
        for field, found in sorted(by_field.items())
        for s in sorted(set(found))
    ]
    tx.executemany(
        "INSERT OR IGNORE INTO suggestions(report_id, field, span_start, span_end, label, score, "
        "recognizer) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def store_suggestions(tx: Transaction, report_id: int, by_field: FieldSuggestions, analysed_by: str) -> int:
    """Replace a report's suggestions (inside the caller's transaction); returns how many."""
    tx.execute("DELETE FROM suggestions WHERE report_id = ?", (report_id,))
    count = _insert_suggestions(tx, report_id, by_field)
    tx.execute("UPDATE reports SET analysed_at = ?, analysed_by = ? WHERE id = ?",
               (utc_now(), analysed_by, report_id))
    seed_from_suggestions(tx, report_id)  # the reviewer's working copy, if not started yet
    return count


def load_suggestions(db: Database, report_id: int) -> FieldSuggestions:
    rows = db.query(
        "SELECT field, span_start, span_end, label, score, recognizer FROM suggestions "
        "WHERE report_id = ? ORDER BY field, span_start, span_end",
        (report_id,),
    )
    found: FieldSuggestions = {}
    for field, start, end, label, score, recognizer in rows:
        found.setdefault(field, []).append(Suggestion(start, end, label, score, recognizer))
    return found


def pending_reports(db: Database) -> list[tuple[int, ReportText]]:
    rows = db.query("SELECT id, submission FROM reports WHERE analysed_at IS NULL ORDER BY id")
    return [(row[0], report_text(json.loads(row[1]))) for row in rows]


def analyse_pending(
    session: Session,
    analyser: ReportAnalyser,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Analyse every report not analysed yet; all saved in one audited transaction."""
    pending = pending_reports(session.db)
    if not pending:
        return 0
    results = list(analyse_in_batches(analyser, [text for _, text in pending],
                                      progress=progress, cancelled=cancelled))
    with session.db.transaction() as tx:
        stored = sum(store_suggestions(tx, report_id, by_field, analyser_name(analyser))
                     for (report_id, _), by_field in zip(pending, results, strict=True))
        chain.append(tx, actor=session.reviewer, action="reports.analyse", obj="reports",
                     payload={"reports": len(pending), "suggestions": stored,
                              "detector": analyser_name(analyser)})
    return stored


def report_fields(session: Session, report_id: int) -> list[str]:
    """The text fields a report has (no text returned)."""
    row = session.db.query_one("SELECT submission FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    return list(report_text(json.loads(row[0])).texts)


def reanalyse_field(session: Session, analyser: ReportAnalyser, report_id: int, field: str) -> int:
    """Analyse one field again (after a model change, or when a reviewer asks): its
    suggestions are replaced, and new ones the reviewer has not seen become pending spans
    where they touch no existing span. Returns how many new spans were added.

    Slow (the model runs): `workstation reports reanalyse` calls it.
    A system write (audited as report.reanalyse), not a reviewer's review command."""
    row = session.db.query_one("SELECT submission FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not in the database.")
    text = report_text(json.loads(row[0]))
    if field not in text.texts:
        raise InputError(f"The report has no {field.replace('_', ' ')}.")
    found = analyser.analyze_reports([text.texts], [text.known])[0].get(field, [])
    with session.db.transaction() as tx:
        tx.execute("DELETE FROM suggestions WHERE report_id = ? AND field = ?", (report_id, field))
        _insert_suggestions(tx, report_id, {field: found})
        added = add_new_spans(tx, report_id, field, found)
        chain.append(tx, actor=session.reviewer, action="report.reanalyse", obj=f"report:{report_id}",
                     payload={"field": field, "suggestions": len(found), "new_spans": added})
    return added
