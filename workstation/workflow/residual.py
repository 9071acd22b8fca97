"""The residual scan: the detector run again over what would be published. Whatever it
finds there must be redacted or dismissed with a written reason before a sign-off."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from workstation.analysis import ReportAnalyser
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.review.redaction import RedactedField
from workstation.review.report_review import ReportUnderReview, load_report
from workstation.review.structured import load_choices
from workstation.review.structured_mentions import structured_mentions
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.text.invisible import refuse_invisible
from workstation.text.normalise import normalise_for_matching
from workstation.workflow.keeps import Kept, covering, kept_spans
from workstation.workflow.linking import shared_book
from workstation.workflow.publishable import PUBLISHED_TEXT_FIELDS

_PLACEHOLDER = re.compile(r"\[[A-Z][a-z]+(?: \d+)?\]")
CODING_TEXT = ("publishable_title", "lessons_learned")
MIN_REASON = 5
STRUCTURED_RECOGNIZER = "structured field"


@dataclass(frozen=True)
class Finding:
    field: str  # a free-text field, or "coding.<name>" for the panel's own text
    source_start: int  # offsets in the original field (or the coding text)
    source_end: int
    label: str
    recognizer: str
    excerpt_start: int  # offsets in the scanned (redacted) text, for showing it
    excerpt_end: int
    kept: Kept | None = None  # another reviewer's keep covering these words (stage 2 confirms it)

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


def _coding_texts(review: ReportUnderReview) -> dict[str, str]:
    coding = review.coding
    extra = {f"coding.{name}": getattr(coding, name) for name in CODING_TEXT if getattr(coding, name)}
    extra.update({f"coding.takeaways.{i}": t for i, t in enumerate(coding.takeaways)})
    extra.update({f"coding.discussion_questions.{i}": t for i, t in enumerate(coding.discussion_questions)})
    return extra


def scanned_texts(db: Database, report_id: int
                  ) -> tuple[dict[str, RedactedField], dict[str, str], tuple[str, ...]]:
    """The redacted fields, the panel's own texts, and what the report gives away (its ORI)."""
    review = load_report(db, report_id)
    redacted = review.redacted(book=shared_book(db, report_id), include_pending=True)
    ori = review.submission.get("ori")
    return redacted, _coding_texts(review), (ori,) if ori else ()


def words_sha256(text: str) -> str:
    """What a dismissal remembers of the words it was made for: compared after the same
    normalisation as the leak guard's, so an invisible character or a look-alike letter
    does not make other words look like the dismissed ones, nor the same words look new."""
    return hashlib.sha256(normalise_for_matching(text).encode("utf-8")).hexdigest()


def words_under(review: ReportUnderReview, field: str, start: int, end: int) -> str:
    """The words a finding's source offsets stand on: the original field, or the panel's text."""
    source = _coding_texts(review).get(field) if field.startswith("coding.") else review.texts.get(field)
    if source is None or not 0 <= start < end <= len(source):
        raise InputError("That finding is not in the report's text any more; scan again.")
    return source[start:end]


def residual_scan(db: Database, analyser: ReportAnalyser, report_id: int,
                  signer: str | None = None) -> list[Finding]:
    """Everything the detector still finds in what will be published, minus placeholders and
    dismissed findings. The officer's own title and lessons are never published (the panel
    writes its own, in `extra`), so they are not scanned: suggestions there are for the
    panel's benefit and never block signing.

    `signer`: who is about to sign. What they decided themself is not asked again: a finding
    whose words a span covers that the signer kept (its decision now is theirs), or that they
    confirmed as it is, is not a finding. A finding covered by another reviewer's keep (stage
    1's, seen at stage 2) is one, marked `kept`, to confirm with one key."""
    redacted, extra, known = scanned_texts(db, report_id)
    texts = {**{f: r.text for f, r in redacted.items() if f in PUBLISHED_TEXT_FIELDS}, **extra}
    results = analyser.analyze_reports([texts], [list(known)])[0]
    review = load_report(db, report_id)
    kept = kept_spans(db, report_id)
    dismissed = {(row[0], row[1], row[2], row[3], row[4]) for row in db.query(
        "SELECT field, span_start, span_end, label, text_sha256 FROM residual_dismissals "
        "WHERE report_id = ? AND text_sha256 IS NOT NULL", (report_id,))}
    findings = []
    for field, found in results.items():
        text = texts[field]
        for s in found:
            fragment = _PLACEHOLDER.sub("", text[s.start:s.end])
            if not re.search(r"\w", fragment):
                continue  # only our own placeholders
            start, end = (_to_source(redacted[field], s.start, s.end) if field in redacted
                          else (s.start, s.end))
            keep = covering(kept, field, start, end, review.texts.get(field)) if field in redacted else None
            if keep is not None and signer is not None and keep.settled_for(signer):
                continue  # the signer's own decision: not asked again
            finding = Finding(field, start, end, s.label, s.recognizer, s.start, s.end, keep)
            if (*finding.key, finding.label, _words_sha256_at(review, finding)) not in dismissed:
                findings.append(finding)
    choices = load_choices(db, report_id)
    seen = {f.key for f in findings}
    for field, text in extra.items():  # the panel's words against what the fields keep back
        for start, end, label in structured_mentions(text, review.submission, choices):
            finding = Finding(field, start, end, label, STRUCTURED_RECOGNIZER, start, end)
            if finding.key not in seen and \
                    (*finding.key, finding.label, _words_sha256_at(review, finding)) not in dismissed:
                findings.append(finding)
    return sorted(findings, key=lambda f: f.key)


def clean_reason(reason: str, too_short: str = "Write why this is not an identifier (a few words at least)."
                 ) -> str:
    """A reviewer's written reason, single-spaced; `too_short` is said when it is under MIN_REASON."""
    refuse_invisible(reason, "The reason")
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise InputError(too_short)
    return reason


def _words_sha256_at(review: ReportUnderReview, finding: Finding) -> str | None:
    try:
        return words_sha256(words_under(review, finding.field, finding.source_start, finding.source_end))
    except InputError:
        return None


def write_dismissal(tx: Transaction, db: Database, report_id: int, field: str, start: int, end: int,
                    label: str, reason: str, actor: str) -> None:
    """Dismiss a finding for the words now under its offsets (and its label) only."""
    words = words_under(load_report(db, report_id), field, start, end)
    tx.execute("INSERT OR REPLACE INTO residual_dismissals(report_id, field, span_start, span_end, "
               "reason, dismissed_by, dismissed_at, text_sha256, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (report_id, field, start, end, clean_reason(reason), actor, utc_now(), words_sha256(words),
                label))
