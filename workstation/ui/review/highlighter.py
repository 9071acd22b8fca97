"""Highlights drawn from (start, end, format) ranges by a syntax highlighter."""

from __future__ import annotations

import bisect

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument


class RangeHighlighter(QSyntaxHighlighter):
    """Formats given as (start, end, format) in document positions, drawn block by block.

    set_ranges() redraws only the blocks whose formats changed (compared block-relative,
    so text edited earlier in the document does not count as a change further on): one
    decision relays out one or two paragraphs, not the whole field."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._ranges: list[tuple[int, int, QTextCharFormat]] = []
        self._starts: list[int] = []
        self._drawn: dict[int, tuple[tuple[int, int, int], ...]] = {}  # block -> what it shows

    def set_ranges(self, ranges: list[tuple[int, int, QTextCharFormat]], *, redraw: bool = True,
                   also: frozenset[int] = frozenset()) -> None:
        """`redraw` False: the text is about to be replaced (which draws every block);
        `also`: block numbers to redraw anyway (text edited there)."""
        self._ranges = sorted(ranges, key=lambda r: r[0])
        self._starts = [r[0] for r in self._ranges]
        document = self.document()
        wanted: dict[int, list[tuple[int, int, int]]] = {}
        for start, end, fmt in self._ranges:
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                position = block.position()
                wanted.setdefault(block.blockNumber(), []).append(
                    (start - position, end - position, id(fmt)))
                block = block.next()
        drawn = {number: tuple(items) for number, items in wanted.items()}
        if redraw:
            changed = {n for n in drawn.keys() | self._drawn.keys() if drawn.get(n) != self._drawn.get(n)}
            for number in sorted(changed | also):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        self._drawn = drawn if redraw else {}

    def highlightBlock(self, text: str) -> None:
        if not self._ranges:
            return
        block = self.currentBlock()
        first = block.position()
        last = first + len(text)
        i = max(bisect.bisect_right(self._starts, first) - 1, 0)
        for start, end, fmt in self._ranges[i:]:
            if start >= last:
                break
            if end <= first:
                continue
            begin = max(start, first)
            self.setFormat(begin - first, min(end, last) - begin, fmt)
