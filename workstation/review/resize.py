"""Widening or narrowing a span by whole words (Shift+arrows in the review, instead of
re-selecting a whole phrase to fix a partial suggestion): where the edge moves to, and the
span change it makes. Pure rules; the workflow's ResizeSpan command applies the change."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workstation.errors import CommandConflict, InputError
from workstation.review.decisions import SpanChange
from workstation.review.spans import ReviewSpan

_WORD = re.compile(r"\w+(?:['\u2019.\-/]\w+)*")  # a word, with O'Neill, F-150, 26-004411 whole


def stepped(text: str, start: int, end: int, edge: str, grow: bool) -> tuple[int, int] | None:
    """The span's (start, end) with one edge moved by one word: the end grows over the next
    word or shrinks off its last one; the start grows over the word before or shrinks off
    its first one. None when it cannot (the text's edge, or a span of one word)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if edge == "end":
        if grow:
            after = next((w for w in words if w[0] >= end), None)
            return (start, after[1]) if after else None
        inside = [w for w in words if start <= w[0] < end]
        return (start, inside[-2][1]) if len(inside) > 1 else None
    if edge == "start":
        if grow:
            before = [w for w in words if w[1] <= start]
            return (before[-1][0], end) if before else None
        inside = [w for w in words if start < w[1] <= end]
        return (inside[1][0], end) if len(inside) > 1 else None
    raise InputError(f"Unknown edge {edge!r}.")


def plan_resize(spans: Sequence[ReviewSpan], uid: str, start: int, end: int,
                field_length: int) -> tuple[SpanChange, ...]:
    """One span's new offsets; refuses to run over the text's end or into another span."""
    span = next((s for s in spans if s.uid == uid), None)
    if span is None:
        raise CommandConflict("That suggestion is no longer there; reopen the report.")
    if not 0 <= start < end <= field_length:
        raise InputError("A span must keep at least one character, inside its field.")
    if any(s.uid != uid and s.field == span.field and s.start < end and start < s.end for s in spans):
        raise InputError("That would run into another suggestion; decide that one first, or mark the "
                         "whole stretch with r.")
    after = span.state.with_changes(start=start, end=end)
    return () if after == span.state else (SpanChange(uid, span.state, after),)


def snapped(text: str, start: int, end: int, edge: str, to: int) -> tuple[int, int] | None:
    """A span's (start, end) with one edge dragged to offset `to`, snapped to the nearest
    word boundary (a drag never cuts a word); None when nothing would be left."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if edge == "end":
        ends = [b for a, b in words if b > start]
        if not ends:
            return None
        new_end = min(ends, key=lambda b: abs(b - to))
        return (start, new_end) if new_end > start and new_end != end else None
    if edge == "start":
        starts = [a for a, b in words if a < end]
        if not starts:
            return None
        new_start = min(starts, key=lambda a: abs(a - to))
        return (new_start, end) if new_start < end and new_start != start else None
    raise InputError(f"Unknown edge {edge!r}.")
