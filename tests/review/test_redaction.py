"""Placeholders and the redacted text, without a database."""

from __future__ import annotations

from workstation.review.dates import generalise_date
from workstation.review.placeholders import PlaceholderBook, normalise_value
from workstation.review.redaction import redact_report
from workstation.review.spans import Decision, ReviewSpan, SpanState, without_overlaps


def span(span_id: int, field: str, text: str, needle: str, label: str, *, nth: int = 0,
         decision: str = Decision.REDACT, **extra: object) -> ReviewSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    state = SpanState(field, start, start + len(needle), label, "detector", 0.9, "test",
                      decision, **extra)  # type: ignore[arg-type]
    return ReviewSpan(span_id, state)


def test_same_value_same_placeholder_across_fields_possessives_and_case() -> None:
    narrative = "Dave Reyes met Tom. Dave Reyes's car was at 12 Elm St. Tom ran."
    lessons = "DAVE REYES was right; 12 elm st is dangerous."
    texts = {"narrative": narrative, "lessons_learned": lessons}
    spans = [
        span(1, "narrative", narrative, "Dave Reyes", "PERSON"),
        span(2, "narrative", narrative, "Tom", "PERSON"),
        span(3, "narrative", narrative, "Dave Reyes's", "PERSON"),
        span(4, "narrative", narrative, "12 Elm St", "LOCATION"),
        span(5, "narrative", narrative, "Tom", "PERSON", nth=1),
        span(6, "lessons_learned", lessons, "DAVE REYES", "PERSON"),
        span(7, "lessons_learned", lessons, "12 elm st", "LOCATION"),
    ]
    out = redact_report(texts, spans)
    assert out["narrative"].text == ("[Person 1] met [Person 2]. [Person 1]'s car was at [Location 1]. "
                                     "[Person 2] ran.")
    assert out["lessons_learned"].text == "[Person 1] was right; [Location 1] is dangerous."


def test_kept_and_pending_spans_stay_unless_asked() -> None:
    text = "Met Lt. Voss at Mercy General."
    spans = [span(1, "narrative", text, "Voss", "PERSON", decision=Decision.KEEP),
             span(2, "narrative", text, "Mercy General", "LOCATION", decision=Decision.PENDING)]
    assert redact_report({"narrative": text}, spans)["narrative"].text == text
    safe = redact_report({"narrative": text}, spans, include_pending=True)["narrative"].text
    assert safe == "Met Lt. Voss at [Location 1]."


def test_custom_replacement_generalised_date_and_single_agency() -> None:
    text = "On 3/14/2025 the RPD sent Hunter, badge 4471."
    spans = [span(1, "narrative", text, "3/14/2025", "DATE", generalise=True),
             span(2, "narrative", text, "RPD", "AGENCY"),
             span(3, "narrative", text, "Hunter", "PERSON", replacement="a second officer"),
             span(4, "narrative", text, "4471", "ID")]
    assert (redact_report({"narrative": text}, spans)["narrative"].text
            == "On March 2025 the [Agency] sent a second officer, badge [Number].")


def test_two_agencies_are_numbered() -> None:
    text = "RPD and the S.O. came; RPD left."
    spans = [span(1, "narrative", text, "RPD", "AGENCY"), span(2, "narrative", text, "S.O.", "AGENCY"),
             span(3, "narrative", text, "RPD", "AGENCY", nth=1)]
    assert (redact_report({"narrative": text}, spans)["narrative"].text
            == "[Agency 1] and the [Agency 2] came; [Agency 1] left.")


def test_offsets_map_from_original_to_redacted() -> None:
    text = "Ask Dave Reyes now."
    out = redact_report({"narrative": text}, [span(9, "narrative", text, "Dave Reyes", "PERSON")])
    redacted = out["narrative"]
    assert redacted.text == "Ask [Person 1] now."
    assert redacted.to_output(text.index("Reyes")) == redacted.text.index("[Person 1]")
    assert redacted.to_output(text.index("now")) == redacted.text.index("now")
    assert redacted.replacement_range(9) == (4, 4 + len("[Person 1]"))


def test_overlapping_suggestions_become_one_span() -> None:
    a = SpanState("narrative", 4, 8, "PERSON", "detector", 0.6, "spacy")
    b = SpanState("narrative", 4, 14, "PERSON", "detector", 0.8, "titled")
    c = SpanState("narrative", 12, 20, "LOCATION", "detector", 0.5, "x")
    kept = without_overlaps([a, b, c])
    assert [(s.start, s.end, s.recognizer) for s in kept] == [(4, 20, "titled")]


def test_dates_generalise_to_month_and_year() -> None:
    assert generalise_date("March 3rd", fallback_year=2025) == "March 2025"
    assert generalise_date("Christmas Eve 2023") == "December 2023"
    assert generalise_date("06/02/24") == "June 2024"
    assert generalise_date("Tuesday", fallback_year=2025) is None
    assert normalise_value("  O'Neill's ") == normalise_value("o'neill")
    book = PlaceholderBook()
    book.add("PERSON", "Dave")
    assert book.placeholder("PERSON", "DAVE") == "[Person 1]"
