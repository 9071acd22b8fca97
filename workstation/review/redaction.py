"""The redacted text: each accepted span replaced by its placeholder, the reviewer's own
words, or (dates) month and year. Also maps offsets between the original and the
redacted text, so both sides of the review view scroll and select in step."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workstation.intake.submissions import TEXT_FIELDS
from workstation.review.dates import generalise_date
from workstation.review.placeholders import PlaceholderBook
from workstation.review.spans import Decision, ReviewSpan

_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Segment:
    """A stretch of the original and what it became; span_id None for unchanged text."""

    source_start: int
    source_end: int
    out_start: int
    out_end: int
    span_id: int | None


@dataclass(frozen=True)
class RedactedField:
    text: str
    segments: tuple[Segment, ...]

    def to_output(self, source_offset: int) -> int:
        """Where a character of the original ends up (a redacted one: its replacement's start)."""
        starts = [s.source_start for s in self.segments]
        i = max(bisect.bisect_right(starts, source_offset) - 1, 0)
        if not self.segments:
            return 0
        seg = self.segments[i]
        if seg.span_id is not None:
            return seg.out_start
        return min(seg.out_start + (source_offset - seg.source_start), seg.out_end)

    def replacement_range(self, span_id: int) -> tuple[int, int] | None:
        for seg in self.segments:
            if seg.span_id == span_id:
                return seg.out_start, seg.out_end
        return None


def redacts(span: ReviewSpan, *, include_pending: bool) -> bool:
    return span.decision == Decision.REDACT or (include_pending and span.decision == Decision.PENDING)


def fill_book(book: PlaceholderBook, texts: Mapping[str, str], spans: Iterable[ReviewSpan],
              *, include_pending: bool = False) -> PlaceholderBook:
    """Number the values in reading order: fields in form order, then by position."""
    order = {f: i for i, f in enumerate(TEXT_FIELDS)}
    for span in sorted(spans, key=lambda s: (order.get(s.field, 99), s.start)):
        if redacts(span, include_pending=include_pending) and span.field in texts:
            book.add(span.label, texts[span.field][span.start:span.end])
    return book


def replacement_text(span: ReviewSpan, original: str, book: PlaceholderBook,
                     fallback_year: int | None) -> str:
    state = span.state
    if state.replacement:
        return state.replacement
    if state.label == "DATE" and state.generalise:
        general = generalise_date(original, fallback_year=fallback_year)
        if general:
            return general
    possessive = _POSSESSIVE.search(original)  # "Dave's" becomes "[Person 1]'s"
    return book.placeholder(state.label, original) + (possessive.group(0) if possessive else "")


def redact_field(text: str, spans: Iterable[ReviewSpan], book: PlaceholderBook, *,
                 include_pending: bool = False, fallback_year: int | None = None) -> RedactedField:
    pieces: list[str] = []
    segments: list[Segment] = []
    cursor = out = 0
    for span in sorted(spans, key=lambda s: s.start):
        if not redacts(span, include_pending=include_pending) or span.start < cursor:
            continue
        end = min(span.end, len(text))
        if span.start >= end:
            continue
        if span.start > cursor:
            kept = text[cursor:span.start]
            pieces.append(kept)
            segments.append(Segment(cursor, span.start, out, out + len(kept), None))
            out += len(kept)
        new = replacement_text(span, text[span.start:end], book, fallback_year)
        pieces.append(new)
        segments.append(Segment(span.start, end, out, out + len(new), span.id))
        out += len(new)
        cursor = end
    if cursor < len(text) or not segments:
        rest = text[cursor:]
        pieces.append(rest)
        segments.append(Segment(cursor, len(text), out, out + len(rest), None))
    return RedactedField("".join(pieces), tuple(segments))


def redact_report(texts: Mapping[str, str], spans: Iterable[ReviewSpan], *,
                  book: PlaceholderBook | None = None, include_pending: bool = False,
                  fallback_year: int | None = None) -> dict[str, RedactedField]:
    """Every field redacted with one placeholder book (pass one in to share it between
    linked reports)."""
    spans = list(spans)
    book = fill_book(book or PlaceholderBook(), texts, spans, include_pending=include_pending)
    by_field: dict[str, list[ReviewSpan]] = {}
    for span in spans:
        by_field.setdefault(span.field, []).append(span)
    return {
        field: redact_field(text, by_field.get(field, []), book, include_pending=include_pending,
                            fallback_year=fallback_year)
        for field, text in texts.items()
    }
