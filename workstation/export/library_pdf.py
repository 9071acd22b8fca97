"""The library PDF of a publication batch: a cover, a table of contents and one section per
report (de-identified content only, as signed off by two reviewers)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from workstation.export.content_view import ReportView
from workstation.export.leak_guard import Part
from workstation.export.pdf_common import (
    FIGURES,
    PROGRAM,
    STYLES,
    Metadata,
    Story,
    fact_table,
    paragraphs,
    render,
    section_rule,
)

METHOD_NOTE = (
    "Every report in this library was submitted voluntarily and anonymously by an officer. "
    "Before publication two members of the review panel, working one after the other, removed "
    "everything that could identify the officer, the agency, the place or the incident: names "
    "and ranks, agencies, addresses and landmarks, badge, unit, case and plate numbers. "
    "Removed details are shown in brackets, such as [Person 1] or [Location]; the same "
    "bracket stands for the same person or place throughout a report. Dates are given as "
    "month and year only. The panel wrote each title, the lessons learned and the key "
    "takeaways, and coded the activity and contributing factors. Each report carries the "
    "two reviewers' digital signatures in the batch manifest."
)


def library_pdf(reports: Sequence[ReportView], *, batch_label: str, audit_head: str,
                file_name: str) -> tuple[bytes, list[Part]]:
    story = Story(file_name)
    story.space(1.4 * inch)
    story.para(PROGRAM.upper(), "cover_kicker", kind=FIGURES)
    story.para("Near-Miss Lessons Library", "cover_title", kind=FIGURES)
    story.para(f"{batch_label} · {len(reports)} de-identified report{'s' if len(reports) != 1 else ''}",
               "cover_sub", kind=FIGURES)
    story.add(section_rule())
    story.space(0.25 * inch)
    story.para("Close calls shared by officers so that others go home safe. Use these reports for "
               "training, roll-call briefings and policy review.", "body", kind=FIGURES)
    story.space(0.3 * inch)
    story.para("How these reports were prepared", "h2", kind=FIGURES)
    story.para(METHOD_NOTE, "small", kind=FIGURES)
    story.space(0.2 * inch)
    story.para(f"Audit chain head at export: {audit_head}", "small", kind=FIGURES)
    story.add(PageBreak())

    story.para("Contents", "h1", kind=FIGURES)
    story.add(section_rule())
    story.space(6)
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [STYLES["toc"]]
    story.add(toc)

    for view in reports:
        story.add(PageBreak())
        story.source = view.publication_id  # findings in a section name its report
        _section(story, view)
    story.source = None
    header = f"Lessons library · {batch_label}"
    return render(story, _metadata(batch_label), header=header,
                  footer="De-identified near-miss reports · for training use", with_toc=True)


def _metadata(batch_label: str) -> Metadata:
    # no count here: metadata is scanned as text, and a batch size equal to a redacted
    # number (a badge, a unit) would refuse the whole batch; the cover shows the count
    return Metadata(title=f"Near-Miss Lessons Library, {batch_label}",
                    subject="De-identified near-miss reports approved by a two-stage review",
                    keywords=("near miss", "officer safety", "lessons learned", "training"))


def _section(story: Story, view: ReportView) -> None:
    story.para(f"{view.activity.upper()} · {view.period.upper()} · {view.publication_id}",
               "label", kind=FIGURES)
    heading = story.para(view.title, "h1", panel=True)
    heading.toc = True  # read by the table of contents
    story.add(section_rule())
    story.space(6)
    fact_table(story, view.facts())
    if view.factors:
        story.para("Contributing factors", "h2", kind=FIGURES)
        for factor in view.factors:
            story.para(factor, "bullet", bullet="•", kind=FIGURES)
    for heading_text, text in view.texts():
        story.para(heading_text, "h2", kind=FIGURES)
        for block in paragraphs(text):
            story.para(block)
    lessons = view.content.get("lessons_learned", "")
    if lessons:
        story.para("Lessons learned", "h2", kind=FIGURES)
        for block in paragraphs(lessons):
            story.para(block, panel=True)
    takeaways = view.content.get("takeaways", [])
    if takeaways:
        story.para("Key takeaways", "h2", kind=FIGURES)
        for item in takeaways:
            story.para(item, "bullet", bullet="•", panel=True)


__all__ = ["Paragraph", "library_pdf"]
