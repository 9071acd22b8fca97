"""What the review view reads, without Qt: everything opening a report needs (the audited
view, its stage, the placeholders given out by the linked reports read before it, whether
it opens redacted first), a report's stage after a move, and the residual scan's findings
with their excerpts. The view calls these off the GUI thread and never holds the database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from workstation.analysis import ReportAnalyser
from workstation.review.placeholders import PlaceholderBook
from workstation.review.report_review import ReportUnderReview, open_report
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.store.database import Database
from workstation.workflow import residual, second_look
from workstation.workflow.changes import changes_since_stage1
from workstation.workflow.linking import shared_book
from workstation.workflow.signoff import describe_stage


class Opened(NamedTuple):
    """What opening a report reads off the GUI thread."""

    review: ReportUnderReview
    stage: str  # in words
    stage_code: str
    earlier_book: PlaceholderBook
    redacted_first: bool  # second look: the original hidden until revealed


class StageShown(NamedTuple):
    words: str
    code: str


def earlier_book(db: Database, report_id: int) -> PlaceholderBook:
    """Placeholders already given out by the linked reports read before this one (the
    primary first), so the preview numbers people and places as the incident is published:
    the same person is [Person 1] in every officer's report of it."""
    return shared_book(db, report_id, before=report_id)


def placeholders_before(session: Session, report_id: int) -> PlaceholderBook:
    return earlier_book(session.db, report_id)


def open_for_review(session: Session, report_id: int) -> Opened:
    """Open a report for its reviewer (the view of the original is audited by open_report)."""
    review = open_report(session, report_id)
    db = session.db
    stage = stage_shown(session, report_id)
    first = second_look.opens_redacted_first(db, report_id, session.reviewer)
    return Opened(review, stage.words, stage.code, earlier_book(db, report_id), first)


def stage_shown(session: Session, report_id: int) -> StageShown:
    """The stage in words, and, when stage 2 returned the report, what changed since stage 1
    signed (the changes that reveal something first)."""
    db = session.db
    stage = report_stage(db, report_id)
    words = describe_stage(db, report_id)
    if stage in (Stage.RETURNED, Stage.STAGE1) and returned_by_stage2(db, report_id):
        notes = changes_since_stage1(db, report_id)
        if notes:
            revealing = [n for n in notes if n.revealing]
            shown = "; ".join(n.words for n in (revealing or notes)[:3])
            more = len(notes) - min(len(revealing or notes), 3)
            words += (f"\nChanged since stage 1 signed: {len(notes)} change{'s' if len(notes) != 1 else ''}"
                      + (f", {len(revealing)} revealing something" if revealing else "")
                      + f" ({shown}{'; and more' if more > 0 else ''}).")
    return StageShown(words, stage)


def returned_by_stage2(db: Database, report_id: int) -> bool:
    row = db.query_one("SELECT stale_reason FROM signoffs WHERE report_id = ? AND stage = 1 "
                       "ORDER BY id DESC LIMIT 1", (report_id,))
    return row is not None and row[0] == "returned by stage 2"


def stage_of(session: Session, report_id: int) -> str:
    return report_stage(session.db, report_id)


@dataclass(frozen=True)
class ShownFinding:
    finding: residual.Finding
    excerpt: str  # what the detector still sees, in the redacted text
    sentence: str = ""  # the sentence around it, in the redacted text
    at: int = 0  # where the excerpt starts in `sentence`


# a full stop after a short capitalised word ("Sgt.", "Dr.") does not end a sentence
_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z])[.!?](?=\s)|\n")
MAX_SENTENCE = 320


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end] (cut to about MAX_SENTENCE characters around
    it), and where the words start in it."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    stop = next((m.end() for m in _SENTENCE_END.finditer(text, end)), len(text))
    begin = max(begin, start - MAX_SENTENCE // 2)
    stop = min(stop, end + MAX_SENTENCE // 2)
    while begin < start and text[begin].isspace():
        begin += 1
    return text[begin:stop].rstrip(), start - begin


def residual_findings(session: Session, report_id: int, analyser: ReportAnalyser) -> list[ShownFinding]:
    """The residual scan's findings for the signed-in reviewer (what they kept or confirmed
    themself is not asked again), each with its words and sentence in the redacted text."""
    db = session.db
    findings = residual.residual_scan(db, analyser, report_id, signer=session.reviewer)
    redacted, extra, _known = residual.scanned_texts(db, report_id)
    texts = {**{f: r.text for f, r in redacted.items()}, **extra}
    shown = []
    for f in findings:
        text = texts.get(f.field, "")
        sentence, at = sentence_around(text, f.excerpt_start, f.excerpt_end)
        shown.append(ShownFinding(f, text[f.excerpt_start:f.excerpt_end], sentence, at))
    return shown
