"""What the publication shows in place of a stretch of the original: the review view's
second look lists each suggestion this way (never the original words)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

from workstation.review.redaction import RedactedField
from workstation.review.spans import ReviewSpan


def published_slice(redacted: RedactedField, start: int, end: int) -> str:
    """What the redacted text shows in place of the original's [start, end): a placeholder
    (or own words) where it was redacted, the text itself where it was kept."""
    segments = redacted.segments
    if start >= end or not segments:
        return ""
    starts = [seg.source_start for seg in segments]
    first = segments[max(bisect.bisect_right(starts, start) - 1, 0)]
    last = segments[max(bisect.bisect_right(starts, end - 1) - 1, 0)]
    begin = first.out_start if first.span_id is not None \
        else min(first.out_start + (start - first.source_start), first.out_end)
    finish = last.out_end if last.span_id is not None \
        else min(last.out_start + (end - last.source_start), last.out_end)
    return redacted.text[begin:finish]


def published_texts(redacted: Mapping[str, RedactedField], spans: Iterable[ReviewSpan]) -> dict[int, str]:
    """Each span's text as the publication shows it, on one line (span id -> text)."""
    shown = {}
    for span in spans:
        field = redacted.get(span.field)
        if field is not None:
            shown[span.id] = " ".join(published_slice(field, span.start, span.end).split())
    return shown
