"""The leak guard sees through text that looks the same but is not.

Each variant below fooled the guard before `workstation.text` (it compared casefolded
`\\w+` tokens): checked by running the same variants through the leak guard of the commit
before this change (`git show HEAD~:workstation/export/leak_guard.py`), where every
disguised variant passed unseen. The end-to-end tests plant a disguised name in an approved
report (behind the workflow, sign-offs faked to match, so only the guard stands in the way)
and read back what was written with pypdf: tests/export/test_leak_attacks_e2e.py.
"""

from __future__ import annotations

import unicodedata

import pytest

from workstation.export.leak_guard import Needles, Part, scan

PERSON = "a string redacted in report 1 (PERSON)"
NAME = "Sgt. Dana Whitlocke"


def needles() -> Needles:
    found = Needles()
    found.add_person(NAME, PERSON)
    found.add_person("José Núñez", PERSON)
    return found


def whats(text: str) -> set[str]:
    """The kinds found, the name-part suffix dropped (the whole name or a part: both are it)."""
    return {f.what.split(":")[0] for f in scan([Part("x", text)], needles())}


INVISIBLE = {"soft hyphen": "\u00ad", "zero-width space": "\u200b", "zero-width non-joiner": "\u200c",
             "zero-width joiner": "\u200d", "word joiner": "\u2060", "BOM": "\ufeff",
             "left-to-right mark": "\u200e", "bidi isolate": "\u2066"}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_inside_a_name(char: str) -> None:
    assert PERSON in whats(f"Thanks to Whit{char}locke for the cover.")
    assert PERSON in whats(f"Thanks to Dana{char} Whit{char}lo{char}cke.")


@pytest.mark.parametrize("text", [
    "Thanks to Whitl\u043ecke",  # Cyrillic o
    "Thanks to Wh\u0456tlocke",  # Cyrillic/Ukrainian i
    "Thanks to Whitlo\u0441k\u0435",  # Cyrillic es and ie
    "Thanks to Whitl\u03bfcke",  # Greek omicron
    "Thanks to D\u0430na Whitlocke",  # Cyrillic a in the given name
    "Thanks to \uff37\uff48\uff49\uff54\uff4c\uff4f\uff43\uff4b\uff45",  # full-width letters
    "Thanks to WHITLOCKE",
])
def test_look_alike_and_full_width_letters(text: str) -> None:
    assert PERSON in whats(text)


@pytest.mark.parametrize("text", ["Thanks to Whit-locke", "Thanks to Whit\u2010locke",
                                  "Thanks to Whit-\nlocke", "Thanks to Whit- locke",
                                  "Thanks to Dana Whit\u00ad\nlocke"])
def test_a_hyphen_inside_a_word(text: str) -> None:
    assert PERSON in whats(text)


def test_accents_composed_decomposed_or_dropped() -> None:
    for form in ("NFC", "NFD", "NFKD"):
        assert PERSON in whats(unicodedata.normalize(form, "Ask José Núñez"))
    assert PERSON in whats("Ask Jose Nunez")  # accents dropped by hand


@pytest.mark.parametrize("text", ["The Canadian border", "Whitlock Road", "lockers", "Danaher",
                                  "at 0315 hrs the driver ran", "EVERYBODY WAS CAREFUL"])
def test_ordinary_words_do_not_match(text: str) -> None:
    assert whats(text) == set()
