"""One partner agency's near-miss summary for a period (ReportLab, charts with
reportlab.graphics), or a one-page notice when it had fewer than k reports.

The ORI is printed on the cover only (and used in the file name); headers, footers,
metadata and every other page leave it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Table, TableStyle

from workstation.export.agency_figures import OTHER, AgencySummary, Comparison
from workstation.export.content_view import label
from workstation.export.disclosure import Cell
from workstation.export.leak_guard import FIGURES, Part
from workstation.export.pdf_common import (
    GREY_DARK,
    GREY_LIGHT,
    GREY_MID,
    GREY_PALE,
    INK,
    NAVY,
    PROGRAM,
    STYLES,
    Metadata,
    Story,
    paragraphs,
    render,
    section_rule,
)

WIDTH = 6.8 * inch
MAX_BARS = 10


def file_name(ori: str, period_code: str) -> str:
    return f"agency-{ori}-{period_code}.pdf"


def method_note(k: int) -> str:
    return (
        "How to read this summary. Counts are of near-miss reports received in the period from "
        "officers who gave your agency's ORI; reporting is voluntary and anonymous, so a count "
        "measures willingness to report as much as risk. Activity types and contributing factors "
        "are the review panel's coding of reports that passed the two-stage review; a report may "
        "name several contributing factors. \"All partner agencies\" covers every reviewed report "
        f"of the period. To protect the officers who reported, any count from 1 to {k - 1} is "
        f"shown as \"fewer than {k}\" and no bar is drawn for it; where a total would let a reader "
        "work out such a count, with this or any earlier summary your agency received, other "
        "counts are withheld as well (shown as \"withheld\"). The average per reporting agency "
        f"is shown only for periods in which at least {k} agencies reported. "
        "Periods are calendar quarters or years and never overlap. A period's figures are fixed "
        "when it is first sent: a copy sent again shows the same figures. A report received in a "
        "period already sent and approved after that is counted as reviewed (and, once published, "
        "as published) in the period of its approval, so a period's reviewed count may exceed "
        "the reports received in it. Titles and lessons are "
        "quoted from the de-identified reports published in the program's library."
    )


def agency_pdf(summary: AgencySummary) -> tuple[bytes, list[Part]]:
    name = file_name(summary.ori, summary.period.code)
    story = Story(name)
    _cover(story, summary)
    if not summary.notice_only:
        story.add(PageBreak())
        _figures(story, summary)
    metadata = Metadata(
        title=f"Partner agency near-miss summary, {summary.period.short_label}",
        subject="Near-miss reports from the agency's personnel compared with all partner agencies",
        keywords=("near miss", "officer safety", "partner agency summary", summary.period.code))
    parts_out = render(story, metadata, header=f"Partner agency summary · {summary.period.short_label}",
                       footer="Confidential: for the agency's near-miss coordinator")
    data, parts = parts_out
    return data, [*parts, Part(f"{name} (file name)", name, FIGURES, allowed_ori=summary.ori, panel=True)]


def _cover(story: Story, s: AgencySummary) -> None:
    story.space(0.9 * inch)
    story.para(PROGRAM.upper(), "cover_kicker", kind=FIGURES)
    story.para("Partner Agency Near-Miss Summary", "cover_title", kind=FIGURES)
    story.para(s.period.label, "cover_sub", kind=FIGURES)
    story.para(f"Agency ORI {s.ori}", "cover_sub", kind=FIGURES, what="cover", allowed_ori=s.ori)
    story.add(section_rule())
    story.space(0.25 * inch)
    if s.notice_only:
        story.para("No figures for this period", "h1", kind=FIGURES)
        story.para(f"Fewer than {s.k} near-miss reports were received from your agency's personnel "
                   f"in {s.period.short_label}. To protect the anonymity of the officers who "
                   "reported, the program gives no figures for a period with so few reports.",
                   kind=FIGURES)
        story.para("Encourage your officers to share their close calls: every report helps another "
                   "officer go home safe, and reports can never be traced back to the person who "
                   "wrote them. Reports published in the program's library are open to all "
                   "agencies for training.", kind=FIGURES)
        story.space(0.3 * inch)
        story.para(method_note(s.k), "small", kind=FIGURES)
        return
    story.para("At a glance", "h2", kind=FIGURES)
    rows = [
        ("Reports from your personnel", s.submitted.text(s.k)),
        ("Reviewed and coded by the panel", s.reviewed.text(s.k)),
        ("Published in the lessons library", s.published_count.text(s.k)),
        ("Reviewed reports, all partner agencies", s.all_reviewed.text(s.k)),
        ("Partner agencies reporting", f"{s.all_agencies:,}"),
    ]
    story.add(_key_figures(story, rows))
    story.space(0.3 * inch)
    story.para("About this summary", "h2", kind=FIGURES)
    story.para("This summary is prepared for your agency's near-miss coordinator. It shows what "
               "your officers reported compared with all partner agencies, how reporting has "
               "changed over recent periods, and the lessons from your officers' reports that "
               "were published. It names no officer, place or incident.", kind=FIGURES)
    story.para(method_note(s.k), "small", kind=FIGURES)


def _key_figures(story: Story, rows: list[tuple[str, str]]) -> Table:
    data = []
    for text, value in rows:
        story.note(text, FIGURES)
        story.note(value, FIGURES)
        data.append([Paragraph(text, STYLES["cell"]), Paragraph(f"<b>{value}</b>", STYLES["cell"])])
    table = Table(data, colWidths=[3.6 * inch, 2.0 * inch], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), GREY_PALE), ("BOX", (0, 0), (-1, -1), 0.75, NAVY),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, GREY_LIGHT), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def _figures(story: Story, s: AgencySummary) -> None:
    assert s.activities is not None and s.factors is not None
    story.para("What your officers were doing", "h1", kind=FIGURES)
    story.add(section_rule())
    story.para("Share of reviewed reports by activity type (percent). Each report has one activity.",
               "small", kind=FIGURES)
    _comparison_block(story, s, s.activities, "activity_type")
    story.add(CondPageBreak(5 * inch))
    story.para("Contributing factors", "h1", kind=FIGURES)
    story.add(section_rule())
    story.para("Share of reviewed reports naming each factor (percent); a report may name several.",
               "small", kind=FIGURES)
    _comparison_block(story, s, s.factors, "contributing_factors")
    story.add(PageBreak())
    story.para("Reporting over recent periods", "h1", kind=FIGURES)
    story.add(section_rule())
    story.para("Reports received from your personnel in each period, with the average per "
               f"reporting partner agency. A period with fewer than {s.k} reports has no point of its "
               f"own: it is marked \"<{s.k}\" (or \"w/h\", withheld) and the line is broken there. "
               f"The average (its value in italics) is drawn only where at least {s.k} agencies reported.",
               "small", kind=FIGURES)
    story.add(_trend_chart(story, s))
    story.space(0.2 * inch)
    story.para("Published lessons from your officers' reports", "h1", kind=FIGURES)
    story.add(section_rule())
    story.space(4)
    if not s.published:
        story.para("None of this period's reports from your agency has been published yet.", kind=FIGURES)
    for title, lessons in s.published:
        story.para(title, "h2", panel=True)
        for block in paragraphs(lessons):
            story.para(block, panel=True)


def _top(comparison: Comparison) -> list[str]:
    """Every category the figures hold (chosen from all agencies' counts, never from the
    agency's own), most reported first."""
    return list(comparison.everyone)[:MAX_BARS]


def _label(list_name: str, code: str) -> str:
    return "Other activities" if code == OTHER else label(list_name, code)


def _comparison_block(story: Story, s: AgencySummary, comparison: Comparison, list_name: str) -> None:
    codes = _top(comparison)
    if not codes:
        story.para("No reviewed reports in this period.", kind=FIGURES)
        return
    chart = _bar_chart(story, s, comparison, codes, list_name)
    story.add(KeepTogether([chart, _count_table(story, s, comparison, codes, list_name)]))
    story.space(0.15 * inch)


def _bar_chart(story: Story, s: AgencySummary, comparison: Comparison, codes: list[str],
               list_name: str) -> Drawing:
    names = [_label(list_name, c) for c in codes]
    mine = [comparison.agency_share(c) for c in codes]
    everyone = [comparison.everyone_share(c) for c in codes]
    row = 22
    height = row * len(codes) + 50
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 2.3 * inch, 30
    chart.width, chart.height = WIDTH - 2.3 * inch - 40, row * len(codes)
    # Reversed so the biggest category is on top.
    # Series 1 is drawn above series 0 in each group: the agency's bar on top.
    chart.data = [[v or 0 for v in reversed(everyone)], [v or 0 for v in reversed(mine)]]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GREY_MID
    chart.valueAxis.valueMin = 0
    top = max([v or 0 for v in mine + everyone] + [10])
    chart.valueAxis.valueMax = min(100, (int(top / 10) + 1) * 10)
    chart.valueAxis.valueStep = 10 if chart.valueAxis.valueMax <= 60 else 20
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.strokeColor = GREY_MID
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GREY_LIGHT
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars[1].fillColor = INK
    chart.bars[1].strokeColor = INK
    chart.bars[0].fillColor = GREY_LIGHT
    chart.bars[0].strokeColor = INK
    chart.bars[0].strokeWidth = 0.5
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda v: f"{v:.0f}%" if v else ""
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    # Suppressed agency cells: no bar, the "<k" / "w/h" mark instead.
    step = chart.height / len(codes)
    for index, code in enumerate(reversed(codes)):
        cell = comparison.agency[code]
        if cell.suppressed and cell.short(s.k):
            mark = cell.short(s.k)
            story.note(mark, FIGURES, "chart")
            drawing.add(String(chart.x + 4, chart.y + step * index + step * 0.58, mark,
                               fontName="Helvetica-Bold", fontSize=7, fillColor=INK))
    for n in names:
        story.note(n, FIGURES, "chart")
    drawing.add(_legend(story, chart.x, height - 8, 130,
                        [(INK, "Your agency"), (GREY_LIGHT, "All partner agencies")], outlined=True))
    return drawing


def _count_table(story: Story, s: AgencySummary, comparison: Comparison, codes: list[str],
                 list_name: str) -> Table:
    head = ["", "Your agency (reports)", "All partner agencies (reports)"]
    data = [[Paragraph(f"<b>{h}</b>", STYLES["cell"]) for h in head]]
    for code in codes:
        row = [_label(list_name, code), comparison.agency[code].text(s.k),
               comparison.everyone[code].text(s.k)]
        for value in row:
            story.note(value, FIGURES, "table")
        data.append([Paragraph(v, STYLES["cell"]) for v in row])
    table = Table(data, colWidths=[3.0 * inch, 1.7 * inch, 2.1 * inch], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, NAVY), ("LINEBELOW", (0, 1), (-1, -1), 0.25, GREY_LIGHT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, GREY_PALE]),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _trend_chart(story: Story, s: AgencySummary) -> Drawing:
    periods = [p.short_label for p, _ in s.trend]
    values: list[float | None] = [cell.shown for _, cell in s.trend]
    averages = [None if a is None else round(a, 1) for _, a in s.trend_average]
    height = 2.6 * inch
    drawing = Drawing(WIDTH, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 45, 40
    chart.width, chart.height = WIDTH - 70, height - 80
    styles = _trend_styles()
    # A series of fewer than two points is not a line: its point is drawn on its own below.
    drawn = [(series, style) for series, style in ((values, styles[0]), (averages, styles[1]))
             if sum(v is not None for v in series) >= 2]
    chart.data = [series for series, _ in drawn] or [[0] * len(periods)]
    chart.categoryAxis.categoryNames = periods
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.strokeColor = GREY_MID
    top = _nice(max([v or 0 for v in values] + [a or 0 for a in averages] + [s.k]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, top // 5)
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GREY_LIGHT
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.strokeColor = GREY_MID
    for index, (_, (colour, width, dash, marker)) in enumerate(drawn):
        chart.lines[index].strokeColor = colour
        chart.lines[index].strokeWidth = width
        chart.lines[index].strokeDashArray = dash
        chart.lines[index].symbol = marker()
    if not drawn:
        chart.lines[0].strokeColor = None
    drawing.add(chart)
    step = chart.width / max(1, len(periods))
    for series, (_, _, _, marker) in ((values, styles[0]), (averages, styles[1])):
        if sum(v is not None for v in series) == 1:
            index = next(i for i, v in enumerate(series) if v is not None)
            symbol = marker()
            symbol.x = chart.x + step * (index + 0.5)
            symbol.y = chart.y + chart.height * (series[index] or 0) / top
            drawing.add(symbol)
    # Value labels drawn here, not by the chart (it shifts them past a missing point): the
    # agency's counts above their points, the averages below theirs, both inside the plot.
    for index, (value, average) in enumerate(zip(values, averages, strict=True)):
        x = chart.x + step * (index + 0.5)
        if value is not None:
            y = _label_y(chart.y, chart.height, value / top, above=True)
            story.note(f"{value:,}", FIGURES, "chart")
            drawing.add(String(x, y, f"{value:,}", textAnchor="middle", fontName="Helvetica-Bold",
                               fontSize=7, fillColor=INK))
        if average is not None:
            y = _label_y(chart.y, chart.height, average / top, above=False)
            story.note(f"{average:.1f}", FIGURES, "chart")
            drawing.add(String(x, y, f"{average:.1f}", textAnchor="middle", fontName="Helvetica-Oblique",
                               fontSize=6.5, fillColor=GREY_DARK))
    for index, (_, cell) in enumerate(s.trend):
        if cell.suppressed:
            mark = cell.short(s.k)
            drawing.add(String(chart.x + step * (index + 0.5), chart.y + 6, mark, textAnchor="middle",
                               fontName="Helvetica-Bold", fontSize=8, fillColor=INK))
            story.note(mark, FIGURES, "chart")
    _line_legend(drawing, story, chart.x, height - 14,
                 [("Your agency", styles[0]), ("Average per reporting agency", styles[1])])
    for text in periods:
        story.note(text, FIGURES, "chart")
    return drawing


LineStyle = tuple[Any, float, tuple[float, float] | None, Callable[[], Any]]


def _trend_styles() -> list[LineStyle]:
    """The two series: the same look in the plot and in the legend (marker, dash, width)."""
    return [
        (INK, 2.0, None, lambda: makeMarker("FilledCircle", size=5, fillColor=INK, strokeColor=INK)),
        (GREY_DARK, 1.2, (4, 3),
         lambda: makeMarker("Square", size=4, fillColor=colors.white, strokeColor=GREY_DARK)),
    ]


def _label_y(bottom: float, height: float, share: float, *, above: bool) -> float:
    """A label's baseline next to a point, kept inside the plot area (7 pt type)."""
    y = bottom + height * share + (5 if above else -10)
    if y + 7 > bottom + height:
        y = bottom + height * share - 10
    return max(bottom + 2, y)


def _line_legend(drawing: Drawing, story: Story, x: float, y: float,
                 items: list[tuple[str, LineStyle]]) -> None:
    """A legend whose swatches are a stretch of each series' line with its marker."""
    for name, (colour, width, dash, marker) in items:
        drawing.add(Line(x, y + 3, x + 22, y + 3, strokeColor=colour, strokeWidth=width,
                         strokeDashArray=dash))
        symbol = marker()
        symbol.x, symbol.y = x + 11, y + 3
        drawing.add(symbol)
        drawing.add(String(x + 28, y, name, fontName="Helvetica", fontSize=8, fillColor=INK))
        x += 40 + stringWidth(name, "Helvetica", 8)
    story.note(" ".join(name for name, _ in items), FIGURES, "chart")


def _nice(top: float) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top <= step:
            return step
    return int(top) + 1


__all__ = ["Cell", "agency_pdf", "file_name", "method_note"]


def _legend(story: Story, x: float, y: float, deltax: float, pairs: list[tuple[Any, str]], *,
            outlined: bool = False) -> Legend:
    """A one-row legend at the top right of a chart; its words pass the leak guard too.
    `outlined`: swatches framed (bars filled in a light grey need an edge)."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = deltax
    legend.fontName = "Helvetica"
    legend.fontSize = 8
    legend.colorNamePairs = pairs
    if outlined:
        legend.strokeColor = INK
        legend.strokeWidth = 0.5
    story.note(" ".join(name for _, name in pairs), FIGURES, "chart")
    return legend
