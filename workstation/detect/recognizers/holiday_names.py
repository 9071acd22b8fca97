"""Holidays of every country, US state and territory by name ("Liberation Day" on Guam,
"Seward's Day", "Jamhuri Day", "White Sunday", "Chuseok"), from resources/holiday_names.txt
(holidays_build.py). A holiday names a day, so it is a date (the hand-written patterns of dates.py
keep the common ones in any case; these are found written as names: capitalised or in capitals)."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.resources import resource_lines

_CONNECTORS = frozenset("of and the de del al la los el y".split())
# up to five words, capitalised or connectors, then the holiday's last word
_NAMED_DAY = (
    r"(?<![\w'’])(?:(?:[A-Z][\w'’.-]*|of|and|the|de|del|al|la|los|el|y)[ \t]+){1,5}"
    r"(?:Day|DAY|Eve|EVE|Festival|FESTIVAL|Holiday|HOLIDAY|Birthday|BIRTHDAY|Sunday|SUNDAY|Monday|MONDAY)"
    r"(?![\w'’])"
)
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1)
def holiday_names() -> frozenset[str]:
    return resource_lines("holiday_names.txt")


_GREETING = re.compile(r"(?i:merry|happy)[ \t]+$")


def _known_holiday(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The longest run of the match's last words that is a holiday's name, unless a greeting
    ("Happy Kamehameha Day" names no day)."""
    words = list(_WORD.finditer(text, start, end))
    names = holiday_names()
    for k in range(len(words), 1, -1):
        first = words[-k]
        if first.group().lower() in _CONNECTORS:
            continue
        name = " ".join(w.group() for w in words[-k:]).lower().replace("’", "'")
        if name in names:
            greeted = _GREETING.search(text, max(0, first.start() - 8), first.start())
            return None if greeted else (first.start(), end)
    return None


def holiday_name_recognizers() -> list[RegexRecognizer]:
    # a holiday of one word, capitalised or in capitals: "Chuseok week", "before MATARIKI"
    one_word_names = sorted(name for name in holiday_names() if " " not in name)
    one_word = "|".join(rf"{name[0].upper()}(?i:{name[1:]})" for name in one_word_names)
    return [RegexRecognizer("HolidayNameRecognizer", "DATE", [
        Rx("holiday_name", _NAMED_DAY, 0.65, CS, refine=_known_holiday,
           needs=r"day|eve|festival|holiday|birthday|sunday|monday"),
        Rx("one_word_holiday", rf"(?<![\w'’-])(?:{one_word})(?![\w'’-])", 0.65, CS,
           needs="|".join(one_word_names)),
    ])]
