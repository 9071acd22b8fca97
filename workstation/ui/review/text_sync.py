"""Keeping the two panes in step: what changed between two previews (so only that is
replaced), and Python string offsets against Qt document positions."""

from __future__ import annotations


def common_prefix_length(a: str, b: str, limit: int) -> int:
    """How many leading characters a and b share (at most `limit`), by halving: slices are
    compared in C, so a 5,000-character preview costs microseconds, not a Python loop."""
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def common_suffix_length(a: str, b: str, limit: int) -> int:
    """How many trailing characters a and b share (at most `limit`)."""
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            low = mid
        else:
            high = mid - 1
    return low


def bmp_only(text: str) -> bool:
    """True when Python and Qt count the characters alike (nothing outside the BMP)."""
    return not text or text.isascii() or max(text) < "\U00010000"


class Offsets:
    """Python string offsets <-> Qt document positions (UTF-16: characters outside the
    Basic Multilingual Plane count twice in Qt)."""

    def __init__(self, text: str) -> None:
        self._astral = [] if bmp_only(text) else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + sum(1 for i in self._astral if i < offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        offset = position
        for i in self._astral:
            if self.to_qt(i) < position:
                offset -= 1
        return offset
