"""Typed, consistent placeholders: the same person is [Person 1] everywhere in a report
(and across linked reports), the agency [Agency], a second place [Location 2].

Values are compared case-insensitively, with possessives and spacing ignored, so that
"O'NEILL", "O'Neill's" and "o'neill" are one person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

PLACEHOLDER_NAMES = {
    "PERSON": "Person", "AGENCY": "Agency", "LOCATION": "Location", "DATE": "Date",
    "CONTACT": "Contact", "ID": "Number",
}
NUMBERED_ALWAYS = frozenset({"PERSON", "LOCATION"})  # readers must tell people apart
NEVER_NUMBERED = frozenset({"DATE", "ID", "CONTACT"})  # the number would say nothing
_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")


def normalise_value(text: str) -> str:
    value = _SPACES.sub(" ", text.strip()).casefold()
    return _POSSESSIVE.sub("", value).strip(" .,")


class PlaceholderBook:
    """Placeholders in order of first appearance; one book per report or linked incident.

    With `digest` (a keyed hash of a value, normalised as here), values are told apart by
    their hashes instead: an incident with a report whose original text was destroyed
    (retention) keeps that report's values only as such hashes (`add_digest`), and a value
    of another report that hashes alike is the same value, so it keeps its number."""

    def __init__(self, digest: Callable[[str], bytes] | None = None) -> None:
        self._numbers: dict[str, dict[str | bytes, int]] = {}
        self._digest = digest

    def _key(self, text: str) -> str | bytes:
        return normalise_value(text) if self._digest is None else self._digest(text)

    def add(self, label: str, text: str) -> None:
        values = self._numbers.setdefault(label, {})
        values.setdefault(self._key(text), len(values) + 1)

    def add_digest(self, label: str, digest: bytes) -> None:
        """A value known only by its hash (a book made with `digest`)."""
        if self._digest is None:
            raise ValueError("this placeholder book compares words, not hashes")
        values = self._numbers.setdefault(label, {})
        values.setdefault(digest, len(values) + 1)

    def add_all(self, items: Iterable[tuple[str, str]]) -> None:
        for label, text in items:
            self.add(label, text)

    def placeholder(self, label: str, text: str) -> str:
        name = PLACEHOLDER_NAMES[label]
        values = self._numbers.get(label, {})
        number = values.get(self._key(text))
        if label in NEVER_NUMBERED or number is None:
            return f"[{name}]"
        if label in NUMBERED_ALWAYS or len(values) > 1:
            return f"[{name} {number}]"
        return f"[{name}]"
