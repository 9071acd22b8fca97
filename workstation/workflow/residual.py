"""The residual scan: the detector run again over what would be published. Whatever it
finds there must be redacted or dismissed with a written reason before a sign-off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workstation.analysis import ReportAnalyser
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.review.redaction import RedactedField
from workstation.review.report_review import load_report
from workstation.store.database import Database
from workstation.workflow.linking import shared_book

_PLACEHOLDER = re.compile(r"\[[A-Z][a-z]+(?: \d+)?\]")
CODING_TEXT = ("publishable_title", "lessons_learned")
MIN_REASON = 5


@dataclass(frozen=True)
class Finding:
    field: str  # a free-text field, or "coding.<name>" for the panel's own text
    source_start: int  # offsets in the original field (or the coding text)
    source_end: int
    label: str
    recognizer: str
    excerpt_start: int  # offsets in the scanned (redacted) text, for showing it
    excerpt_end: int

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.field, self.source_start, self.source_end)


def _to_source(redacted: RedactedField, start: int, end: int) -> tuple[int, int]:
    touched = [s for s in redacted.segments if s.out_start < end and start < s.out_end]
    if not touched:
        return start, end
    first, last = touched[0], touched[-1]
    source_start = (first.source_start if first.span_id is not None
                    else first.source_start + max(start - first.out_start, 0))
    source_end = (last.source_end if last.span_id is not None
                  else last.source_start + min(end - last.out_start, last.out_end - last.out_start))
    return source_start, max(source_end, source_start + 1)


def scanned_texts(db: Database, report_id: int
                  ) -> tuple[dict[str, RedactedField], dict[str, str], tuple[str, ...]]:
    """The redacted fields, the panel's own texts, and what the report gives away (its ORI)."""
    review = load_report(db, report_id)
    redacted = review.redacted(book=shared_book(db, report_id), include_pending=True)
    coding = review.coding
    extra = {f"coding.{name}": getattr(coding, name) for name in CODING_TEXT if getattr(coding, name)}
    extra.update({f"coding.takeaways.{i}": t for i, t in enumerate(coding.takeaways)})
    extra.update({f"coding.discussion_questions.{i}": t for i, t in enumerate(coding.discussion_questions)})
    ori = review.submission.get("ori")
    return redacted, extra, (ori,) if ori else ()


def residual_scan(db: Database, analyser: ReportAnalyser, report_id: int) -> list[Finding]:
    """Everything the detector still finds, minus placeholders and dismissed findings."""
    redacted, extra, known = scanned_texts(db, report_id)
    texts = {**{f: r.text for f, r in redacted.items() if f != "title"}, **extra}
    results = analyser.analyze_reports([texts], [list(known)])[0]
    dismissed = {(row[0], row[1], row[2]) for row in db.query(
        "SELECT field, span_start, span_end FROM residual_dismissals WHERE report_id = ?", (report_id,))}
    findings = []
    for field, found in results.items():
        text = texts[field]
        for s in found:
            fragment = _PLACEHOLDER.sub("", text[s.start:s.end])
            if not re.search(r"\w", fragment):
                continue  # only our own placeholders
            start, end = (_to_source(redacted[field], s.start, s.end) if field in redacted
                          else (s.start, s.end))
            finding = Finding(field, start, end, s.label, s.recognizer, s.start, s.end)
            if finding.key not in dismissed:
                findings.append(finding)
    return sorted(findings, key=lambda f: f.key)


def clean_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise InputError("Write why this is not an identifier (a few words at least).")
    return reason


def write_dismissal(tx: Any, report_id: int, field: str, start: int, end: int, reason: str,
                    actor: str) -> None:
    if not 0 <= start < end:
        raise InputError("A dismissed finding needs 0 <= start < end.")
    tx.execute("INSERT OR REPLACE INTO residual_dismissals(report_id, field, span_start, span_end, "
               "reason, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
               (report_id, field, start, end, clean_reason(reason), actor, utc_now()))
