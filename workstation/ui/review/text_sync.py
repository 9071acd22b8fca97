"""Keeping the two panes in step: what changed between two previews (so only that is
replaced), and Python string offsets against Qt document positions."""

from __future__ import annotations

from workstation.text.invisible import character_name, invisible_characters


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


INVISIBLE_MARK = "\u2370"  # ⍰: where the reporter's text holds an invisible or direction character


def visible_form(text: str) -> str:
    """The reporter's text as the original pane shows it: each invisible formatting or
    text-direction character (which could hide or reorder words) as a visible mark, one
    character for one, so offsets stay those of the text."""
    hidden = invisible_characters(text)
    return text.translate({ord(ch): INVISIBLE_MARK for ch in hidden}) if hidden else text


def invisible_notice(texts: dict[str, str]) -> str | None:
    """What the reviewer is told when the reporter's text holds such characters."""
    found = list(dict.fromkeys(ch for text in texts.values() for ch in invisible_characters(text)))
    if not found:
        return None
    names = ", ".join(character_name(ch) for ch in found[:3]) + (", …" if len(found) > 3 else "")
    return (f"The reporter's text holds invisible or text-direction characters ({names}), shown as "
            f"{INVISIBLE_MARK} in the original: they can hide or reorder words. Check the words around them.")
