"""Writes resources/holiday_names.txt: the names of public holidays of every country, US
state and territory the `holidays` package knows (MIT; python-holidays, kept by a community
of contributors), in English where it has a translation ("Liberation Day" of Guam, "Seward's
Day", "Kamehameha Day", "Jamhuri Day", "Hung Kings' Commemoration Day"). Only names that end
in Day, Eve, Festival, Holiday, Birthday, Sunday or Monday and have two words or more are kept
("White Sunday", "Whit Monday"): the lookup (recognizers/holiday_names.py) finds them by that last
word; and the names of one word that are no everyday word ("Chuseok", "Matariki"). Reproducible
with one command in the development environment (``pip install -e .[holidays-build]`` first):

    .venv/bin/python -m workstation.detect.holidays_build

The program reads only the small text file, never the package."""

from __future__ import annotations

import re

from workstation.resources import rebuild, resource_path

OUTPUT = resource_path("holiday_names.txt")
HEADER = (
    "# Public holiday names of every country, US state and territory, lower case, one a line.\n"
    "# Source: the holidays package (MIT, github.com/vacanza/holidays), years 2018-2027, English.\n"
    "# Rebuild: .venv/bin/python -m workstation.detect.holidays_build\n"
)
HEADS = ("day", "eve", "festival", "holiday", "birthday", "sunday", "monday")
_QUALIFIER = re.compile(r"\s*\([^)]*\)")  # "(observed)", "(in lieu)", "(Guam)"
# substitute and bridge days, and names with numbers or dates, are no names people write
_NOT_A_NAME = re.compile(r"\d|^(?:day off|alternative|additional|bridge|substitute|special)\b|[^\w\s'’.-]",
                         re.IGNORECASE)
_YEARS = range(2018, 2028)
# one-word names that are also everyday words or events the corpora mark as places ("the carnival"),
# or that the hand-written patterns of dates.py already read
_ONE_WORD_PLAIN = frozenset({"carnival", "christmas", "easter", "epiphany", "holi", "diwali", "nowruz"})
# names that are also everyday phrases or a radio distress call ("may day")
_TOO_PLAIN = frozenset({"may day", "festival day", "bank holiday", "civic holiday", "national holiday",
                        "christmas holiday", "national day holiday", "public holiday"})


def _calendars():
    import holidays

    for code, subdivisions in holidays.list_supported_countries().items():
        for subdivision in (None, *subdivisions):
            for language in ("en_US", None):
                try:
                    yield holidays.country_holidays(code, subdiv=subdivision, years=_YEARS,
                                                    language=language)
                    break
                except (NotImplementedError, ValueError):
                    continue


def holiday_name(raw: str) -> str | None:
    """The name as people write it, lower case; None when it is no holiday's name."""
    name = " ".join(_QUALIFIER.sub("", raw).split())
    words = name.lower().split()
    if len(words) == 1 and name.isalpha() and name[0].isupper() and words[0] not in _ONE_WORD_PLAIN:
        return words[0]  # "Chuseok", "Matariki", "Thaipusam"
    if _NOT_A_NAME.search(name) or not 2 <= len(words) <= 6 or words[-1] not in HEADS:
        return None
    if " ".join(words) in _TOO_PLAIN:
        return None
    return " ".join(words)


def build() -> str:
    names = {name for calendar in _calendars() for raw in calendar.values()
             for part in raw.split("; ") if (name := holiday_name(part)) is not None}
    return HEADER + "".join(f"{name}\n" for name in sorted(names))


if __name__ == "__main__":
    raise SystemExit(rebuild(OUTPUT, build()))
