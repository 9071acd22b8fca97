"""Roll-call briefing: one or two pages for a supervisor's monthly near-miss debrief. Title,
the de-identified narrative, contributing factors, lessons learned, the panel's key
takeaways (highlighted, as the coding panel shows them) and discussion questions, in large
type, so it prints well on any office printer. Only approved or published reports; only
their publishable content. A narrative written in capitals is printed in sentence case
for reading aloud (the published JSON keeps the text as redacted)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Table, TableStyle

from workstation.audit import chain
from workstation.errors import InputError
from workstation.export.content_view import ReportView
from workstation.export.files import check_target_file, write_file_atomically
from workstation.export.leak_guard import FIGURES, Part, guard, load_needles
from workstation.export.pdf_common import (
    HIGHLIGHT,
    HIGHLIGHT_EDGE,
    NAVY,
    PROGRAM,
    Metadata,
    Story,
    paragraphs,
    render,
    section_rule,
)
from workstation.export.publication import publication_ids
from workstation.export.signed import signed_content
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.store.database import Database
from workstation.text.invisible import refuse_invisible

MAX_NARRATIVE_CHARS = 3500  # beyond this the briefing would not fit on two pages
FACILITATOR_NOTE = ("For the supervisor: read the account aloud or hand it out, then take the "
                    "questions one at a time. Ask what your officers would have done, not who "
                    "this was. Nothing here identifies the officer, the agency or the place.")


def briefing_pdf(view: ReportView, file_name: str) -> tuple[bytes, list[Part]]:
    story = Story(file_name)
    story.para("ROLL-CALL NEAR-MISS BRIEFING", "cover_kicker", kind=FIGURES)
    story.para(view.title, "h1", panel=True)
    story.para(f"{view.activity} · {view.period}", "small", kind=FIGURES)
    story.add(section_rule())
    story.space(4)
    story.para("What happened", "h2", kind=FIGURES)
    narrative = view.content.get("text", {}).get("narrative", "")
    if len(narrative) > MAX_NARRATIVE_CHARS:
        cut = narrative[:MAX_NARRATIVE_CHARS].rsplit(" ", 1)[0]
        narrative = cut + " [...] (full account in the lessons library)"
    for block in paragraphs(sentence_case(narrative)):
        story.para(block, "brief")
    if view.factors:
        story.para("Contributing factors", "h2", kind=FIGURES)
        story.para("; ".join(view.factors), "brief", kind=FIGURES)
    lessons = view.content.get("lessons_learned", "")
    if lessons:
        story.para("Lessons learned", "h2", kind=FIGURES)
        for block in paragraphs(lessons):
            story.para(block, "brief", panel=True)
    takeaways = [t for t in view.content.get("takeaways", []) if str(t).strip()]
    if takeaways:
        box = Story(file_name)
        box.para("Key takeaways", "h2", kind=FIGURES)
        for item in takeaways:
            box.para(str(item).strip(), "takeaway", bullet="\u2022", panel=True)
        table = Table([[box.flowables]], colWidths=[6.8 * inch])
        table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HIGHLIGHT),
                                   ("BOX", (0, 0), (-1, -1), 1, HIGHLIGHT_EDGE),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 10),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        story.space(6)
        story.add(table)
        story.parts.extend(box.parts)
    questions = list(view.content.get("discussion_questions", []))[:3]
    if questions:
        box = Story(file_name)
        box.para("Discuss at roll call", "h2", kind=FIGURES)
        for number, question in enumerate(questions, start=1):
            box.para(question, "question", bullet=f"{number}.", panel=True)
        table = Table([[box.flowables]], colWidths=[6.8 * inch])
        table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, NAVY),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 10),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                                   ("TOPPADDING", (0, 0), (-1, -1), 4),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        story.space(6)
        story.add(table)
        story.parts.extend(box.parts)
    story.space(8)
    story.para(FACILITATOR_NOTE, "small", kind=FIGURES)
    metadata = Metadata(title=f"Roll-call briefing: {view.title}",
                        subject="De-identified near-miss report for a roll-call debrief",
                        keywords=("near miss", "roll call", "briefing", "officer safety"))
    return render(story, metadata, header="Roll-call briefing", footer=f"{PROGRAM} · de-identified",
                  first_page_plain=False)


_ACRONYMS = frozenset({"DUI", "DWI", "EMS", "EMT", "SUV", "GPS", "CPR", "ID", "OK", "TV", "ATV", "AR", "ER",
                       "ICU", "BOLO", "OC", "PD", "SO", "FTO", "SWAT", "K9", "CAD", "MDT", "PPE", "AED",
                       "US", "USA", "LE", "ATF", "FBI", "DEA", "VIN", "ETA", "TASER", "CIT", "SRO"})
_PLACEHOLDER = re.compile(r"(\[[^\]\n]{1,40}\])")
_WORD = re.compile(r"[A-Za-z0-9']+")


def is_shouting(text: str) -> bool:
    """Written in capitals: at least 20 letters outside placeholders, 80 % or more upper case."""
    letters = [c for c in _PLACEHOLDER.sub("", text) if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def sentence_case(text: str) -> str:
    """An ALL-CAPS text in sentence case (placeholders such as "[Person 1]", "I" and common
    acronyms kept); any other text unchanged."""
    if not is_shouting(text):
        return text
    out = []
    start = True  # at the start of a sentence
    for piece in _PLACEHOLDER.split(text):
        if _PLACEHOLDER.fullmatch(piece):
            out.append(piece)
            start = False
            continue
        lowered = _WORD.sub(lambda m: _word(m.group(0)), piece)
        chars = list(lowered)
        for i, char in enumerate(chars):
            if char.isalpha() and start:
                chars[i] = char.upper()
                start = False
            elif char in ".!?" or (char == "\n" and chars[i + 1:i + 2] == ["\n"]):
                start = True
            elif not char.isspace() and char not in "\"')":
                start = start and not char.isalnum()
        out.append("".join(chars))
    return "".join(out)


def _word(word: str) -> str:
    if word.upper() in _ACRONYMS:
        return word.upper()
    lower = word.lower()
    if lower == "i" or lower.startswith(("i'",)):
        return "I" + lower[1:]
    return lower


def briefing_view(db: Database, report_id: int) -> ReportView:
    """The report as both reviewers signed it (NotSignedAsIs when it changed since)."""
    stage = report_stage(db, report_id)
    if stage not in (Stage.APPROVED, Stage.PUBLISHED):
        raise InputError("A briefing can only be made from an approved or published report.")
    label = publication_ids(db).get(report_id, "approved, not yet published")
    content, _, _ = signed_content(db, report_id)
    return ReportView(label, content)


def export_briefing(session: Session, report_id: int, out: Path) -> Path:
    """Write the briefing PDF of one report to `out` (a new file), after the sign-off check
    and the leak guard; either refuses the file (nothing written)."""
    refuse_invisible(out.name, "The file name")
    check_target_file(out)
    view = briefing_view(session.db, report_id)
    data, parts = briefing_pdf(view, out.name)
    parts.append(Part(f"{out.name} (file name)", out.name, FIGURES, panel=True))
    guard(parts, load_needles(session.db))
    with session.db.transaction() as tx:
        chain.append(tx, actor=session.reviewer, action="export.briefing", obj=f"report:{report_id}",
                     payload={"pdf_sha256": hashlib.sha256(data).hexdigest()})
        write_file_atomically(out, data)
    return out
