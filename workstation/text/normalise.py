"""One normalisation for comparing text that may have been disguised.

Two strings that look the same to a reader get the same matching form:

1. Default-ignorable and format characters (Unicode Cf: soft hyphen, zero-width space,
   joiners, word joiner, BOM, bidirectional controls, variation selectors, tags) are removed.
2. NFKC: full-width and other compatibility forms become plain letters and digits;
   combining accents are composed, so NFD and NFC spellings agree.
3. Accents are dropped (NFD, marks removed): "Munoz" and "Muñoz" agree.
4. Casefolded, then folded to the TR39 confusable skeleton (Cyrillic "а", Greek "ο" become
   Latin "a", "o"). The prototypes come from the Unicode confusables data shipped in the
   `confusable-homoglyphs` package, not from a hand table.

The form is for comparison only, never for display. Digits fold too ("0" to "o", "1" to
"l"), the same way on both sides of every comparison.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

import regex

# Cf covers the bidirectional controls U+202A-202E and U+2066-2069 as well.
_INVISIBLE = regex.compile(r"[\p{Cf}\p{Default_Ignorable_Code_Point}]+")
_MARKS = regex.compile(r"\p{M}+")
_WORD = regex.compile(r"\w+")


def strip_invisible(text: str) -> str:
    """`text` without default-ignorable and format characters."""
    return _INVISIBLE.sub("", text)


def display_form(text: str) -> str:
    """Invisible characters removed and NFKC applied: what a reader sees, case and accents
    kept (the ORI shape is read from this form)."""
    if text.isascii():  # nothing to remove or compose (the common case: quick)
        return text
    return strip_invisible(unicodedata.normalize("NFKC", strip_invisible(text)))


@cache
def prototypes() -> dict[int, str]:
    """code point -> its TR39 prototype, from the package's confusables data.

    The package stores each line of Unicode's confusables.txt in both directions. A source
    character of that file has exactly one entry (its prototype); a prototype lists its
    sources. A single source of a single prototype looks the same from both sides: both
    characters then fold to the smaller one, which keeps the folding consistent."""
    data_file = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data: dict[str, list[dict[str, str]]] = json.loads(data_file.read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for source, entries in data.items():
        if len(source) != 1 or len(entries) != 1:
            continue
        target = entries[0]["c"]
        back = data.get(target, [])
        if len(target) == 1 and len(back) == 1 and back[0]["c"] == source:
            target = min(source, target)
        if target != source:
            table[ord(source)] = target
    return table


def skeleton(text: str) -> str:
    """The casefolded TR39 skeleton of `text` (no other normalisation)."""
    table = prototypes()
    folded = text.casefold().translate(table)
    return folded.casefold().translate(table)


def normalise_for_matching(text: str) -> str:
    """The form in which two look-alike spellings of the same words are equal."""
    if text.isascii():
        return skeleton(text)  # ASCII has no marks, and folds to ASCII
    plain = display_form(text)
    bare = _MARKS.sub("", unicodedata.normalize("NFD", plain))
    return unicodedata.normalize("NFC", skeleton(bare))


def match_tokens(text: str) -> list[str]:
    """The words of `text` in matching form."""
    return _WORD.findall(normalise_for_matching(text))


def compact(text: str) -> str:
    """The matching form without anything between words: what a phrase is compared on, so
    that separators (spaces, hyphens, line breaks, dots) never hide it."""
    return "".join(match_tokens(text))
