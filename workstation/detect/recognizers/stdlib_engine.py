"""The patterns that run on the standard library's `re` instead of `regex`.

Every pattern is written for `regex` (it has \\p{Lu} and look-behinds of any width). Some
that need neither run two to three times faster on `re`: mostly those that start with a
word of any shape ("Polk County SO", "Ames PD", "Mercy Hospital"), which `re` rejects
faster at each position. `benchmarks/bench_regex_engines.py` times every pattern on both
engines, on the benchmark's narratives and on the annotated corpora, and lists those at
least a fifth faster on `re` on both; they are named here. tests/detect/test_regex_engines.py
checks that each still compiles on `re` and finds exactly what `regex` finds on every corpus."""

from __future__ import annotations

import re as stdlib_re

import regex

# recognizer name -> names of its patterns that run on `re` (measured at stop 33: these
# scan the benchmark's narratives in 0.46 of the time and the corpora in 0.52; the
# organisation and spelled-name patterns were added at stop 35, when they became candidates;
# at stop 40 eight new candidates were added and three no longer faster on `re` went back; at
# stop 50 five were added and two went back: the gps and the spoken plate)
STDLIB_PATTERNS: dict[str, frozenset[str]] = {
    name: frozenset(patterns) for name, patterns in {
        "AddressRecognizer": ("street_name",),
        "AgencyRecognizer": ("agency_abbreviation_lower", "department_of", "named_agency",
                             "named_agency_abbr", "nation_agency", "numbered_area"),
        "AgencyShapeRecognizer": ("county_agency", "fd_dot_acronym", "place_pd"),
        "BusinessNameRecognizer": ("trade_name", "quoted_name"),
        "CallSignRecognizer": ("apparatus", "unit_number"),
        "CaseNumberRecognizer": ("hex_hash",),
        "CueNameRecognizer": ("companion_lower",),
        "DateRecognizer": ("cjk_date", "day_mon_year", "day_month", "jour_mois"),
        "DictatedAgencyRecognizer": ("spelled_acronym",),
        "DictatedEmailRecognizer": ("email_in_words",),
        "DictatedNumberRecognizer": ("call_sign_in_words", "letters_then_digits"),
        "FacilityKindRecognizer": ("lower_facility", "vessel"),
        "FacilityRecognizer": ("facility",),
        "HolidayNameRecognizer": ("holiday_name",),
        "LicensePlateRecognizer": ("boat_number", "plate_after_state"),
        "NumberCueRecognizer": ("carrier_number",),
        "PostalRecognizer": ("mgrs", "utm"),
        "RadioUnitRecognizer": ("lettered_unit_status", "unit_speaks", "unit_table_row"),
        "RegionRecognizer": ("place_shape",),
        "RoadRecognizer": ("hunting_unit",),
        "RoadShapeRecognizer": ("city_state", "possessive_business_lower"),
        "SpelledNameRecognizer": ("spelled_after_word",),
        "UrlRecognizer": ("domain",),
        "VinRecognizer": ("vin",),
    }.items()
}

_FLAGS = ((regex.IGNORECASE, stdlib_re.IGNORECASE), (regex.MULTILINE, stdlib_re.MULTILINE),
          (regex.DOTALL, stdlib_re.DOTALL), (regex.VERBOSE, stdlib_re.VERBOSE))


def stdlib_flags(flags: int) -> int:
    """The `re` flags of a `regex` flag set (the ones our patterns use)."""
    out = 0
    for theirs, ours in _FLAGS:
        if flags & theirs:
            out |= ours
    return out


def compile_stdlib(pattern: str, flags: int) -> stdlib_re.Pattern[str]:
    """A `regex` pattern compiled by `re` (raises re.error if it uses what only `regex` has)."""
    return stdlib_re.compile(pattern, stdlib_flags(flags))


def runs_on_stdlib(recognizer: str, pattern: str) -> bool:
    return pattern in STDLIB_PATTERNS.get(recognizer, frozenset())
