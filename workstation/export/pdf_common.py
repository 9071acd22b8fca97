"""What every exported PDF shares: styles legible in black and white, a running header and
"page X of Y" footer, metadata set explicitly, and a record of every string drawn so the
leak guard can scan a PDF before it is written.

All PDFs are made with ReportLab. Colours are dark navy and greys, and the pale yellow of
the panel's key takeaways (as in the coding panel; it prints as a light grey): bars and
lines are told apart by fill (solid black vs light grey with a black outline) and by marker
shape and dash, never by hue alone.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workstation import __version__
from workstation.export.leak_guard import FIGURES, TEXT, Part

PROGRAM = "Officer Near-Miss Reporting Program"
CREATOR = f"Near Miss Review Workstation {__version__}"
PRODUCER = "ReportLab (Near Miss Review Workstation export)"

INK = colors.HexColor("#111111")
NAVY = colors.HexColor("#1F2A44")
GREY_DARK = colors.HexColor("#4A4A4A")
GREY_MID = colors.HexColor("#8C8C8C")
GREY_LIGHT = colors.HexColor("#D9D9D9")
GREY_PALE = colors.HexColor("#F2F2F2")
HIGHLIGHT = colors.HexColor("#FFF4CC")  # key takeaways, as the coding panel shows them
HIGHLIGHT_EDGE = colors.HexColor("#D9B84A")
PAGE = LETTER
MARGIN = 0.85 * inch


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base = {"fontName": "Helvetica", "fontSize": 10.5, "leading": 14.5, "textColor": INK,
            "alignment": TA_LEFT}
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES = {
    "cover_kicker": _style("cover_kicker", fontName="Helvetica-Bold", fontSize=11, leading=14,
                           textColor=GREY_DARK, spaceAfter=6),
    "cover_title": _style("cover_title", fontName="Helvetica-Bold", fontSize=28, leading=33,
                          textColor=NAVY, spaceAfter=14),
    "cover_sub": _style("cover_sub", fontSize=14, leading=19, textColor=GREY_DARK, spaceAfter=10),
    "h1": _style("h1", fontName="Helvetica-Bold", fontSize=17, leading=21, textColor=NAVY,
                 spaceBefore=4, spaceAfter=8),
    "h2": _style("h2", fontName="Helvetica-Bold", fontSize=12, leading=15, textColor=NAVY,
                 spaceBefore=10, spaceAfter=4),
    "label": _style("label", fontName="Helvetica-Bold", fontSize=8.5, leading=11,
                    textColor=GREY_DARK),
    "body": _style("body", spaceAfter=6),
    "brief": _style("brief", fontSize=12, leading=17, spaceAfter=7),
    "small": _style("small", fontSize=8.5, leading=11.5, textColor=GREY_DARK),
    "bullet": _style("bullet", leftIndent=14, bulletIndent=3, spaceAfter=3),
    "toc": _style("toc", fontSize=11, leading=17),
    "centre": _style("centre", alignment=TA_CENTER),
    "cell": _style("cell", fontSize=9.5, leading=12),
    "cell_bold": _style("cell_bold", fontName="Helvetica-Bold", fontSize=9.5, leading=12),
    "takeaway": _style("takeaway", fontName="Helvetica-Bold", fontSize=12, leading=16, leftIndent=16,
                       bulletIndent=2, spaceAfter=5),
    "question": _style("question", fontSize=12, leading=17, leftIndent=22, bulletIndent=2,
                       spaceAfter=10),
}


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    keywords: tuple[str, ...]
    author: str = PROGRAM

    def parts(self, where: str) -> list[Part]:
        return [Part(f"{where} (metadata {name})", value, panel=True) for name, value in (
            ("title", self.title), ("author", self.author), ("subject", self.subject),
            ("creator", CREATOR), ("producer", PRODUCER), ("keywords", ", ".join(self.keywords)))]


@dataclass
class Story:
    """The flowables of one PDF and every string they draw (for the leak guard)."""

    where: str
    flowables: list[Flowable] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    source: str | None = None  # the report the strings noted now come from (its publication id)

    def note(self, text: str, kind: str = TEXT, what: str = "text", allowed_ori: str | None = None,
             panel: bool = False) -> str:
        self.parts.append(Part(f"{self.where} ({what})", text, kind, allowed_ori, panel, self.source))
        return text

    def para(self, text: str, style: str = "body", *, kind: str = TEXT, what: str = "text",
             bullet: str | None = None, allowed_ori: str | None = None, panel: bool = False) -> Paragraph:
        """`panel`: the panel wrote this text (title, lessons, takeaways, questions)."""
        self.note(text, kind, what, allowed_ori, panel)
        paragraph = Paragraph(escape(text).replace("\n", "<br/>"), STYLES[style],
                              bulletText=bullet)
        self.flowables.append(paragraph)
        return paragraph

    def markup(self, markup: str, plain: str, style: str = "body", *, kind: str = TEXT) -> Paragraph:
        """A paragraph with our own markup (bold labels); `plain` is what the guard scans."""
        self.note(plain, kind)
        paragraph = Paragraph(markup, STYLES[style])
        self.flowables.append(paragraph)
        return paragraph

    def add(self, flowable: Flowable) -> None:
        self.flowables.append(flowable)

    def space(self, height: float) -> None:
        self.flowables.append(Spacer(1, height))


def paragraphs(text: str) -> list[str]:
    """Free text split into paragraphs at blank lines (single line breaks kept)."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]


def fact_table(story: Story, rows: Sequence[tuple[str, str]],
               widths: tuple[float, float] = (1.7 * inch, 4.9 * inch)) -> Table:
    """Label / value rows in a light box (structured facts about a report)."""
    data = []
    for label, value in rows:
        story.note(label, FIGURES, "label")
        story.note(value)
        data.append([Paragraph(escape(label), STYLES["label"]), Paragraph(escape(value), STYLES["cell"])])
    table = Table(data, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), GREY_PALE),
        ("BOX", (0, 0), (-1, -1), 0.5, GREY_MID),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, GREY_LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    story.add(table)
    return table


def keep(story: Story, count: int) -> None:
    """Keep the last `count` flowables on one page."""
    tail = story.flowables[-count:]
    del story.flowables[-count:]
    story.flowables.append(KeepTogether(tail))


class _NumberedCanvas(pdfcanvas.Canvas):
    """Defers each page so the footer can say "page X of Y"."""

    footer_left = ""
    header_text = ""
    first_page_plain = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = PAGE
        self.saveState()
        self.setStrokeColor(GREY_MID)
        self.setLineWidth(0.5)
        self.line(MARGIN, 0.62 * inch, width - MARGIN, 0.62 * inch)
        self.setFont("Helvetica", 8)
        self.setFillColor(GREY_DARK)
        self.drawString(MARGIN, 0.45 * inch, self.footer_left)
        self.drawRightString(width - MARGIN, 0.45 * inch, f"Page {number} of {total}")
        if number > 1 or not self.first_page_plain:
            self.setFont("Helvetica-Bold", 8)
            self.drawString(MARGIN, height - 0.55 * inch, PROGRAM.upper())
            self.setFont("Helvetica", 8)
            self.drawRightString(width - MARGIN, height - 0.55 * inch, self.header_text)
            self.line(MARGIN, height - 0.62 * inch, width - MARGIN, height - 0.62 * inch)
        self.restoreState()


class _Doc(BaseDocTemplate):
    """Headings in style h1 become table-of-contents entries (used with multiBuild)."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and getattr(flowable, "toc", False):
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))


def render(story: Story, metadata: Metadata, *, header: str, footer: str,
           first_page_plain: bool = True, with_toc: bool = False,
           on_first_page: Callable[[Any, Any], None] | None = None) -> tuple[bytes, list[Part]]:
    """The PDF's bytes and every string it contains (text, header, footer, metadata)."""
    story.note(header, FIGURES, "header")
    story.note(footer, FIGURES, "footer")
    buffer = io.BytesIO()
    doc = _Doc(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=0.9 * inch,
        bottomMargin=0.85 * inch, title=metadata.title, author=metadata.author,
        subject=metadata.subject, creator=CREATOR, producer=PRODUCER,
        keywords=list(metadata.keywords), invariant=True, lang="en-US",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    on_page = on_first_page or (lambda c, d: None)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])

    class Canvas(_NumberedCanvas):
        footer_left = footer
        header_text = header

    Canvas.first_page_plain = first_page_plain
    if with_toc:
        doc.multiBuild(story.flowables, canvasmaker=Canvas)
    else:
        doc.build(story.flowables, canvasmaker=Canvas)
    return buffer.getvalue(), story.parts + metadata.parts(story.where)


def section_rule() -> Table:
    """A thin navy rule under a heading."""
    rule = Table([[""]], colWidths=["100%"], rowHeights=[2])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 1.5, NAVY)]))
    return rule


__all__ = [
    "FIGURES",
    "STYLES",
    "TEXT",
    "Metadata",
    "Story",
    "fact_table",
    "keep",
    "paragraphs",
    "render",
    "section_rule",
]
