"""Dates generalised to month and year, as the program publishes them (ASRS does the same).

A reviewer may choose to publish "March 2025" instead of removing a date. The span's text
is read in the common US forms; a missing year comes from the report's incident date.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_WORDS = {name: i for i, name in enumerate(MONTHS, start=1)}
_MONTH_WORDS.update({name[:3]: i for i, name in enumerate(MONTHS, start=1)})
_MONTH_WORDS["sept"] = 9
# Fixed-date holidays a narrative may name ("Christmas Eve 2023", "the 4th of July").
_HOLIDAYS = {"christmas": 12, "new year": 1, "new years": 1, "halloween": 10,
             "independence day": 7, "fourth of july": 7, "4th of july": 7, "valentine": 2,
             "veterans day": 11, "thanksgiving": 11, "memorial day": 5, "labor day": 9}

_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_WORD = re.compile(r"[a-z]+")


def month_year(month: int, year: int) -> str:
    return f"{MONTHS[month - 1].capitalize()} {year}"


def _year(text: str | None, fallback: int | None) -> int | None:
    if text is None:
        return fallback
    value = int(text)
    return value + 2000 if value < 100 else value


def generalise_date(text: str, *, fallback_year: int | None = None) -> str | None:
    """'March 2025' for a date written in `text`, or None when no month can be read."""
    lowered = text.lower()
    iso = _ISO.search(lowered)
    if iso:
        return month_year(int(iso.group(2)), int(iso.group(1)))
    numeric = _NUMERIC.search(lowered)
    if numeric and 1 <= int(numeric.group(1)) <= 12:
        year = _year(numeric.group(3), fallback_year)
        return month_year(int(numeric.group(1)), year) if year else None
    found_year = _YEAR.search(lowered)
    year = int(found_year.group(1)) if found_year else fallback_year
    for word in _WORD.findall(lowered):
        if word in _MONTH_WORDS and year:
            return month_year(_MONTH_WORDS[word], year)
    for holiday, month in _HOLIDAYS.items():
        if holiday in lowered and year:
            return month_year(month, year)
    return None


def incident_year(incident_date: str | None) -> int | None:
    try:
        return date.fromisoformat(incident_date).year if incident_date else None
    except ValueError:
        return None
