"""A unit's or a vehicle's code of two letters and a number (issue 19): "cart GC-17", "the unit,
CH-19,", "TP-14 Ofc McNamara", "(DI-2)". Not a state's road or form ("SD-79", "Form NM-1", "OH-1"),
a province's highway ("ON-401"), a road's prefix ("FM-1960"), a department's form ("PD-15"), a
model of aircraft, car or gun ("UH-60", "CX-5", "CZ-75"), a tornado's rating ("EF-2"), a bill, a
rating or a pay grade ("HB-1203", "PG-13", "GS-12")."""

from __future__ import annotations

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.vocab import PROVINCE_CODES, WORDS_BEFORE_A_ROAD

_NOT_UNITS = frozenset(
    # roads' prefixes, Michigan's crash form (UD-10), an agency's or the FBI's forms ("PD-15", "FD-302")
    "US SR SH FM RM CR IR FR TR UD PD FD "
    # aircraft models, tornado ratings, bills, ratings, pay grades, weapons
    "UH MH AH HH KC EF HB SB AB HR PG TV GS MG SS CZ HK FN MP SW "
    # cars' models ("Mazda CX-5", "Lexus RX-350", "Jeep CJ-7", "Volvo XC-90")
    "CJ CX MX RX ES NX QX FX XC XT CT LS GX LX UX TL ZR SL ML GL CL".split()
)
_ROAD_OR_FORM_BEFORE = re.compile(rf"(?i:\b(?:{WORDS_BEFORE_A_ROAD}|form|forms|rev|version)[ \t]+$)")


def _a_units_code(text: str, start: int, end: int) -> tuple[int, int] | None:
    letters = text[start:start + 2]
    if letters in _NOT_UNITS or letters in PROVINCE_CODES or letters in state_codes():
        return None
    if _ROAD_OR_FORM_BEFORE.search(text, max(0, start - 16), start):
        return None
    return start, end


def letter_code_recognizers() -> list[RegexRecognizer]:
    return [RegexRecognizer(
        "LetterCodeRecognizer", "UNIT_NUMBER",
        [Rx("two_letters_number", r"(?<![\w/.#-])[A-Z]{2}-\d{1,3}[A-Z]?(?![\w-]|\.\d)", 0.55, CS,
            refine=_a_units_code, needs="-")],
    )]
