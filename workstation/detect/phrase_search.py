"""Finding a report's remembered strings in its text without compiling a pattern per report.

It finds exactly what this one pattern would (``tests/detect/test_phrase_search.py`` checks
it against the pattern on generated texts)::

    (?<![\\w'’])(?P<v>value1|value2|...)(?:['’]s?)?(?![\\w])

with the values longest first, each value's words joined by ``\\s+``, optionally ignoring
case. Compiling that alternation cost a few milliseconds per report, as much as a tenth of
the analysis; here the values are indexed by their first token (a run of word characters,
or one other character), and only the text's tokens that start a value are tried."""

from __future__ import annotations

import re  # stdlib: its \w and \s are the pattern's
from collections.abc import Iterable, Iterator

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_CHAR = re.compile(r"\w")
_APOSTROPHES = "'’"


class PhraseSearch:
    def __init__(self, values: Iterable[str], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        # the pattern's order: longest first, ties in the order given
        ordered = sorted(dict.fromkeys(values), key=len, reverse=True)
        self._by_first: dict[str, list[list[str]]] = {}
        for value in ordered:
            parts = value.split()
            first = _TOKEN.match(parts[0]) if parts else None
            if first is None:
                continue
            self._by_first.setdefault(self._fold(first.group()), []).append(parts)

    def _fold(self, s: str) -> str:
        return s.lower() if self.ignore_case else s

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each value found, left to right, not overlapping."""
        resume = 0
        for token in _TOKEN.finditer(text):
            start = token.start()
            if start < resume:
                continue
            candidates = self._by_first.get(self._fold(token.group()))
            if candidates is None:
                continue
            if start > 0 and (text[start - 1] in _APOSTROPHES or _WORD_CHAR.match(text, start - 1)):
                continue
            for parts in candidates:
                end = self._parts_end(text, start, parts)
                if end is None:
                    continue
                after = self._after_possessive(text, end)
                if after is None:
                    continue
                yield start, end
                resume = after
                break

    def _parts_end(self, text: str, pos: int, parts: list[str]) -> int | None:
        for i, part in enumerate(parts):
            if i:
                gap = pos
                while gap < len(text) and text[gap].isspace():
                    gap += 1
                if gap == pos:
                    return None
                pos = gap
            piece = text[pos:pos + len(part)]
            if (piece.lower() != part.lower()) if self.ignore_case else (piece != part):
                return None
            pos += len(part)
        return pos

    def _after_possessive(self, text: str, end: int) -> int | None:
        """Where the match ends: after "'s", "'" or nothing, whichever is first followed by
        no word character (the pattern's greedy ``(?:['’]s?)?(?![\\w])``)."""
        options = []
        if text[end:end + 1] in _APOSTROPHES and end < len(text):
            s = text[end + 1:end + 2]
            if s == "s" or (self.ignore_case and s == "S"):
                options.append(end + 2)
            options.append(end + 1)
        options.append(end)
        for stop in options:
            if stop >= len(text) or not _WORD_CHAR.match(text, stop):
                return stop
        return None
