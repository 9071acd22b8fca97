"""Everyday words of Spanish, Portuguese and French (issue 19): "fecha", "asunto", "confidente",
"fuente", "rozando". The English lexicon does not know them, so a note typed in Spanish read as
names wherever English rules guess names from unknown words: recasing a lower-case passage gave
them capitals, and a form's field ("Confidente: CONF-4412") looked like a speaker. wordfreq's
word lists (a dependency already) tell everyday words; the census lists keep the names among them
("rosado", "colón", "sierra", "nieto" stay names)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from wordfreq import zipf_frequency

from workstation.detect.census import is_census_name

_LANGUAGES = ("es", "pt", "fr")
# Zipf 3: once in a million words or more in that language
_EVERYDAY = 3.0


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def foreign_everyday_word(word: str) -> bool:
    """An everyday Spanish, Portuguese or French word that is no English one and no census name."""
    low = word.lower()
    if len(low) < 3 or is_census_name(low) or is_census_name(_without_accents(low)):
        return False
    if zipf_frequency(low, "en") >= _EVERYDAY:
        return False
    return any(zipf_frequency(low, language) >= _EVERYDAY for language in _LANGUAGES)


def load_word_lists() -> None:
    """Read wordfreq's lists now (about half a second), with the model, not inside a first batch."""
    for language in ("en", *_LANGUAGES):
        zipf_frequency("casa", language)
