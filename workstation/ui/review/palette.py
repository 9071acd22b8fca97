"""How the review looks and what it calls things: field and label names, a colour per
label (weaker for low scores), the decisions in words, the legend, the captions and the
reveal shortcut."""

from __future__ import annotations

from PySide6.QtGui import QColor

from workstation.detect.labels import LABELS
from workstation.review.spans import Decision, ReviewSpan

FIELD_NAMES = {
    "title": "Title", "narrative": "Narrative", "lessons_learned": "Lessons learned",
    "prevention": "Prevention", "what_went_right": "What went right",
}
LABEL_NAMES = {
    "PERSON": "Person", "AGENCY": "Agency", "LOCATION": "Location", "DATE": "Date",
    "CONTACT": "Contact", "ID": "Number / ID",
}
# (fill, ink): fills light enough for black text, inks dark enough on white.
LABEL_COLOURS = {
    "PERSON": ("#f7a8a8", "#a31515"),
    "AGENCY": ("#a8c8f7", "#174a96"),
    "LOCATION": ("#a9deb1", "#1b6a2b"),
    "DATE": ("#f6d978", "#775700"),
    "CONTACT": ("#d8b7f2", "#5b2a8a"),
    "ID": ("#f8c190", "#8a4608"),
}
LOW_SCORE = 0.6  # below this a suggestion is drawn in a weaker colour
DECISION_NAMES = {Decision.PENDING: "to decide", Decision.REDACT: "redact", Decision.KEEP: "keep"}
REVEAL_SHORTCUT = "Ctrl+Shift+O"  # O for original; Ctrl+L locks, Ctrl+Shift+L links
HIDDEN_TEXT = "(hidden)"  # the list's text of a suggestion the publication does not show
ORIGINAL_CAPTION = "Original (highlighted suggestions)"
HIDDEN_CAPTION = "Original (hidden: second look)"
PREVIEW_CAPTION = "Published preview"
# Over the officer's own title and lessons learned: the panel writes the published ones
# (Coding), so these are never published; suggestions there are still made, for the panel.
NOT_PUBLISHED_CAPTION = "Officer's words: not published"
NOT_PUBLISHED_TIP = ("The officer's own {field} is never published: the panel writes the published "
                     "{field} in the Coding tab. Suggestions here help the panel see what identifies; "
                     "what the residual scan finds here does not block signing.")


def fill_colour(label: str, score: float = 1.0) -> QColor:
    colour = QColor(LABEL_COLOURS[label][0])
    if score < LOW_SCORE:
        colour.setAlpha(110)
    return colour


def ink_colour(label: str) -> QColor:
    return QColor(LABEL_COLOURS[label][1])


def decision_text(span: ReviewSpan) -> str:
    state = span.state
    if state.decision == Decision.REDACT and state.replacement:
        return "redact (own words)"
    if state.decision == Decision.REDACT and state.generalise:
        return "month and year"
    return DECISION_NAMES.get(Decision(state.decision), state.decision)


def legend_html() -> str:
    chips = " ".join(
        f'<span style="background:{LABEL_COLOURS[label][0]}; color:#000;">&nbsp;{i}&nbsp;'
        f'{LABEL_NAMES[label]}&nbsp;</span>'
        for i, label in enumerate(LABELS, start=1)
    )
    return chips
