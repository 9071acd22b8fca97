"""The report memory's phrase search finds exactly what the one alternation pattern it
replaces finds (workstation/detect/phrase_search.py), on texts generated to hit its edges:
possessives, apostrophes before a value, values that share a start, case, spacing,
punctuation-led values, look-alike neighbours."""

from __future__ import annotations

import random
import re

import pytest

from workstation.detect.phrase_search import PhraseSearch

_PIECES = [
    "Dave", "dave", "DAVE", "Dave's", "Dave’s", "Daves", "O'Shea", "o'shea", "St. John", "St.  John",
    "St.\nJohn", "J.D.", "Lake County", "lake county", "Lake Countyline", "@broncos_22", "#4471", "4471",
    "(907) 555-0166", "Ana", "Anaheim", "Ana María", "'Dave", "x", "_Dave", "Dave_", "Mc Donald",
    "McDonald", "Ñuñez", "ñuñez", "TANGO", "Tango", "tango's", ",", ".", "'", " ", "  ", "\n", "and",
]
_VALUES = ["Dave", "O'Shea", "St. John", "J.D.", "Lake County", "@broncos_22", "#4471", "4471",
           "(907) 555-0166", "Ana", "Ana María", "Mc Donald", "Ñuñez", "TANGO", "Lake"]


def _reference(values: list[str], ignore_case: bool) -> re.Pattern:
    ordered = sorted(dict.fromkeys(values), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in v.split()) for v in ordered)
    return re.compile(rf"(?<![\w'’])(?P<v>{body})(?:['’]s?)?(?![\w])", re.IGNORECASE if ignore_case else 0)


@pytest.mark.parametrize("ignore_case", [True, False])
@pytest.mark.parametrize("seed", range(40))
def test_the_phrase_search_finds_what_the_pattern_finds(seed, ignore_case):
    rng = random.Random(seed)
    values = rng.sample(_VALUES, rng.randint(1, len(_VALUES)))
    text = "".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", ", ", ".", "'", "\n"]) for _ in range(120))
    expected = [m.span("v") for m in _reference(values, ignore_case).finditer(text)]
    assert list(PhraseSearch(values, ignore_case).finditer(text)) == expected
    assert expected  # every generated text holds some value (a broken generator would pass vacuously)
