"""Which spans a bulk decision or a find-and-redact touches: pure rules on a report's
spans and texts (no database, no Qt). The review view asks here, then applies the result
as ONE review command (a Decide naming every span, or one AddSpans), so one undo step
takes all of it back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workstation.errors import InputError
from workstation.review.span_store import spans_overlapping
from workstation.review.spans import Decision, ReviewSpan

MAX_MATCHES = 500  # a find that marks more than this is almost surely a wrong pattern


def span_words(span: ReviewSpan, texts: dict[str, str]) -> str:
    """The span's text, whitespace folded and case folded (how 'the same word' is compared)."""
    return " ".join(texts.get(span.field, "")[span.start:span.end].split()).casefold()


def with_label(spans: Sequence[ReviewSpan], label: str, min_score: float | None = None) -> list[int]:
    """Undecided suggestions of `label` (and scoring at least `min_score`, when given)."""
    return [s.id for s in spans if s.decision == Decision.PENDING and s.label == label
            and (min_score is None or s.state.score >= min_score - 1e-9)]


def with_score(spans: Sequence[ReviewSpan], min_score: float) -> list[int]:
    """Undecided suggestions of any label scoring at least `min_score`."""
    return [s.id for s in spans if s.decision == Decision.PENDING and s.state.score >= min_score - 1e-9]


def same_words(spans: Sequence[ReviewSpan], texts: dict[str, str], words: str) -> list[int]:
    """Spans, in any field, whose text is `words` (case and spacing aside) and which are
    not kept yet: 'keep every occurrence of this word as not an identifier'."""
    wanted = " ".join(words.split()).casefold()
    if not wanted:
        return []
    return [s.id for s in spans if s.decision != Decision.KEEP and span_words(s, texts) == wanted]


def find_pattern(query: str, *, pattern: bool) -> re.Pattern[str]:
    """What the find box looks for, case-insensitive: the words as typed (spacing aside),
    or a regular expression. InputError for an empty query or a pattern that is not one."""
    query = query.strip()
    if not query:
        raise InputError("Type the text to find first.")
    if not pattern:
        return re.compile(r"\s+".join(re.escape(w) for w in query.split()), re.IGNORECASE)
    try:
        return re.compile(query, re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"That is not a pattern the find box understands ({exc.msg}).") from None


def find_matches(spans: Sequence[ReviewSpan], texts: dict[str, str], query: str, *,
                 pattern: bool = False) -> list[tuple[str, int, int]]:
    """Every match of the find box in every field that no redaction covers yet (field,
    start, end), in reading order of the fields given."""
    compiled = find_pattern(query, pattern=pattern)
    found: list[tuple[str, int, int]] = []
    for name, text in texts.items():
        for match in compiled.finditer(text):
            start, end = match.start(), match.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue  # an empty match (a pattern such as `x*`) marks nothing
            covered = any(s.decision == Decision.REDACT and s.start <= start and end <= s.end
                          for s in spans_overlapping(spans, name, start, end))
            if not covered:
                found.append((name, start, end))
            if len(found) > MAX_MATCHES:
                raise InputError(f"That finds more than {MAX_MATCHES} places; make it narrower.")
    return found
