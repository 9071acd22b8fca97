"""US Census name-frequency lists (1990 census: 5,494 given names, 88,799 surnames; public
domain), as shipped in the `names` package (MIT) from PyPI: nothing is typed in by hand
and nothing is fetched. Used to judge whether a run of words is a person's name
("DWAYNE KOSTER", "Greta Lindgren" tagged as a place by NER); the hand lists in names.py
stay the ones that decide recasing, since the census lists hold many everyday words."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

# Surnames rarer than this (per cent of the population) are mostly noise for our use.
_MIN_SURNAME_FREQUENCY = 0.0003


def _read(filename: str, min_frequency: float = 0.0) -> frozenset[str]:
    try:
        text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError):  # a build without the package: lists empty
        return frozenset()
    out = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and float(parts[1]) >= min_frequency:
            out.add(parts[0].lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The 1990 census given names: few everyday words among them, so a word's being one can
    decide a label ("Marquez Little" is a person)."""
    return _read("dist.male.first") | _read("dist.female.first")


@lru_cache(maxsize=1)
def any_given_names() -> frozenset[str]:
    """The census names and the Social Security Administration's (resources/
    ssa_given_names.txt, written by names_build.py): the names of the last decades and of many
    origins (Deshawn, Amir, Kwame). Many are also words or places (Journey, Texas, Holland), so
    they only complete a name found by other evidence ("amir hussain", "PETROV, Andrei S.")."""
    return given_names() | _ssa_given_names()


def _ssa_given_names() -> frozenset[str]:
    from workstation.resources import resource_lines

    return resource_lines("ssa_given_names.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _read("dist.all.last", _MIN_SURNAME_FREQUENCY)


def ascii_folded(word: str) -> str:
    """The word lower-cased without its accents ("Héctor" -> "hector"), as the lists spell it."""
    low = word.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def is_given_name(word: str, wide: bool = False) -> bool:
    """In the census list (with wide, in the Social Security list too)."""
    return ascii_folded(word) in (any_given_names() if wide else given_names())


def is_census_name(word: str) -> bool:
    """A given name or a surname of the census lists (any case, accents ignored)."""
    low = ascii_folded(word)
    return low in given_names() or low in surnames()


def given_name_then_place_surname(fragment: str, words: list[str]) -> bool:
    """A census given name (no everyday word, capitalised) and a surname that is also a
    place word: "Grady Pike", "Faith Brook", "Tyrell Banks"."""
    from workstation.detect.spans import _EVERYDAY_FIRST

    first, last = words
    return (fragment[:1].isupper() and first in given_names() and first not in _EVERYDAY_FIRST
            and last in surnames() and last in _SURNAMES_THAT_ARE_PLACE_WORDS)


# place words that are also common surnames; not "Pier", "Square", "Bay" or "Yard", which after a
# given name are a place's ("Crystal Pier", "India Square", "Bailey Yard")
_SURNAMES_THAT_ARE_PLACE_WORDS = frozenset(
    "lane pike banks bank brothers brook brooks arroyo mesa hall lake hill ford park ridge".split())
