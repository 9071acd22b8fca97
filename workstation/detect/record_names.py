"""People in a record's name fields (issue 19). Records write a person surname first:
"RP: LIZAMA, ROSALIA T", "SUBJECT: SKIN, DARRELL JAMES   DOB ...", "UNIT: SA-217 KOWALCZYK, D",
"OPR DOAN, THUY-LINH (JUV, 16)", "Driver: Meer, Pieter", "2B33 SCHROEDER/Kayla" (a log's slash).
The surname is whatever word stands before the comma, even an everyday one ("SKIN"); a middle
name or initial and a suffix belong to the name. What NER made of the parts (a person for the
given name alone, an organisation running on into "(SISTER") gives way to the one name."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.census import is_given_name, surnames
from workstation.detect.field_names import NCIC_CODE
from workstation.detect.gazetteer import places, state_codes
from workstation.detect.grow import is_agency_acronym
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.military_units import RECOGNIZER as MILITARY_UNIT
from workstation.detect.spans import RANK_WORDS, RawSpan
from workstation.detect.vehicles import vehicle_words
from workstation.detect.vocab import REPORT_SHORTHAND, ROLES_BEFORE_A_NAME

_CAPS_WORD = r"\p{Lu}[\p{Lu}'’]+(?:-\p{Lu}[\p{Lu}'’]+)?"
_TITLE_WORD = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*"
# "DE LA CRUZ VILLARREAL": particles, then one surname or two
_PARTICLES = r"(?:(?:DE|DEL|LA|LOS|LAS|VAN|VON|DER|DA|DI|DOS|DU|LE|St\.|ST\.|De|Del|La|Van|Von)[ \t]+){1,2}"
_NAME = re.compile(
    rf"(?<![\w'’.-])(?P<sur>{_PARTICLES}{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD})?|{_PARTICLES}{_TITLE_WORD}"
    rf"(?:[ \t]+{_TITLE_WORD})?|{_CAPS_WORD}|{_TITLE_WORD})(?P<sep>,[ \t]*|/(?=\p{{Lu}}\p{{Ll}}))"
    rf"(?P<given>\p{{Lu}}[\p{{L}}'’]+(?:-\p{{Lu}}[\p{{L}}'’]+)?|\p{{Lu}}\.?(?![\w#'’/-]))"
    # a nickname in quotes may stand between ("ZAVALA, JESUS "CHUY" ANTONIO"), and a second middle
    # name after the first ("SALVADOR, JOHN PAUL DELA")
    rf"(?P<nick>[ \t]+[\"“][\p{{L}}'’ .-]{{1,16}}[\"”])?"
    rf"(?P<more>[ \t]+(?:\p{{Lu}}[\p{{L}}'’]+|\p{{Lu}}\.?(?![\w#'’/-])))?"
    rf"(?P<more2>(?:[ \t]+\p{{Lu}}[\p{{Lu}}'’]+){{1,2}})?"
    r"(?P<suffix>[ \t]+(?i:jr|sr|ii|iii|iv)\.?)?"
    # not a list going on: "Gaetane, Hannah, Anthony and Derek"
    r"(?![ \t]*,[ \t]*\p{Lu}[\p{L}'’-]*+(?:[ \t]*,|[ \t]+(?:and|AND|&)[ \t]|\p{Ll})"
    r"|[ \t]+(?:and|AND|&|or|OR)[ \t]+)",
    re.M,
)
# what stands before a name field: the line's start, a field's colon, a field's code ("OPR",
# "RP", "V1"), a unit's number ("SA-217"), a subject line's dash ("registrant -- LAMBERT, Dwayne") or
# plus ("SUBJ: OKAFOR, CHINWE (F/29) + MARSH, TOBIAS (M/31)")
_FIELD_BEFORE = re.compile(
    r"(?:^|[:;(|]|[ \t]{2}|(?<=[ \t])(?:--?|[—–+])|"
    r"(?<![\w/-])(?:OPR|OPER|RP|R/P|RO|R/O|SUBJ|SUSP|VIC|VICT|WIT|DRV|DRVR|DRIVER|OWNER|OWN|CMPL|COMP|ARR|ARRESTEE|PASS|PSGR|JUV|PARENT|MOTHER|FATHER|SUBJECT|SUSPECT|VICTIM|WITNESS|PT|PATIENT|"
    r"DECEDENT|DECD|"
    r"[SVWPD]\d{1,2}|[A-Z]{1,4}-?\d{1,5}[A-Z]?)[ \t]*[-–:]?)[ \t]*$"
)
# a record's field ends the name: two spaces, the line's end, a bracket, a sentence's end, a
# date of birth, a badge or booking number
_FIELD_END = re.compile(
    r"[ \t]{2,}|[ \t]*(?:$|[,;)(|/<])|\.(?:[ \t]|$)|[ \t]+(?:--?|[—–])[ \t]|"
    r"[ \t]+(?:DOB|D\.O\.B|AGE|Age|DL|OLN|PH|CB|SEX|RACE|"
    r"W/|B/|H/|A/|S#|#|BADGE|BKG|UNIT|ID\b|\d)",
    re.M,
)
# in a record in capitals a rank or role names who follows: "INMATE CROWE, DALLAS BKG ...",
# "COUSIN XIONG, TOUA ADV ...", "PTLM ARCHULETA, DOMINIC R BADGE 611"
_RECORD_RANKS = ("ptlm", "po", "do", "co", "c/o", "spc", "pfc")
_ROLE_BEFORE = re.compile(
    rf"(?<![\w'’])(?i:{'|'.join((*RANK_WORDS, *ROLES_BEFORE_A_NAME, *_RECORD_RANKS))}"
    r"|id['’]d[ \t]+as|identified[ \t]+as|aka|a/k/a|name[ \t]+(?:is|as))"
    r"\.?,?[ \t]+$"
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# a table's cell ends after the name: a bar, a tab or a run of spaces
_CELL_END = re.compile(r"[ \t]*[|\t]|[ \t]{2,}")
# a record's codes after a name ("DELACROIX, LUCIEN A  SPN 02948817")
_RECORD_CODES = frozenset("SPN SID FBI BKG PID INS SO PD DL OLN SSN DOB".split())


def record_names_whole(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if "," not in text and "/" not in text:
        return list(spans)
    out = list(spans)
    taken = 0
    # overlapped: "PH, OPR GARRETT, WESLEY A" tries "PH, OPR" and then "GARRETT, WESLEY A"
    for m in _NAME.finditer(text, overlapped=True):
        found = _a_record_name(lexicon, text, m) if m.start() >= taken else None
        if found is None:
            continue
        start, end = found
        taken = end
        # "K-412 LINDQVIST", "ALVAREZ, RICARDO S#A9183": the number before or after is no name
        cut = [_cut_around(text, s, start, end) for s in out]
        inner = [s for s in cut if s.start < end and start < s.end]
        slash = m.group("sep") == "/"
        if not slash and any(s.label in ("ID", "DATE", "CONTACT") or s.recognizer.startswith(
                MILITARY_UNIT) or (s.label == "LOCATION" and not (
                s.recognizer.startswith("SpacyNer")
                or (s.recognizer.startswith("Gazetteer") and s.start >= start))) for s in inner):
            continue  # "14 Oak Ln, Florence": an address a place pattern read
        # (a log's "3418 KOWALSKI/Dana" is a unit and its officer, whatever a street pattern read)
        if any(s.label == "PERSON" and s.start <= start and s.end >= end and not _code_after(text, end, s.end)
               for s in inner):
            out += _unit_before(text, start, out) if slash else []  # (NER found the name itself)
            continue
        score = max([s.score for s in inner] + [0.85])
        out = [s for s in cut if s not in inner]
        if slash:  # what a street or number pattern ran over beside the name stays, on its own
            out += [piece for s in inner if s.label != "PERSON" for piece in _outside(text, s, start, end)]
        out.append(RawSpan(start, end, "PERSON", score, "RecordNameRecognizer"))
        out += _unit_before(text, start, out) if slash else []
    return sorted(out, key=lambda s: (s.start, s.end))


def _unit_before(text: str, start: int, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """The unit before a log's slashed name ("3410 WALLACE/Derrick"), not the time heading its line."""
    unit = _UNIT_BEFORE.search(text, max(0, start - 14), start)
    if unit is None or any(s.start < unit.end(1) and unit.start(1) < s.end for s in spans):
        return []
    line_start = text.rfind("\n", 0, start) + 1
    if len(unit.group(1)) == 4 and unit.group(1).isdigit() and unit.start(1) == line_start:
        return []
    return [RawSpan(unit.start(1), unit.end(1), "ID", 0.7, "RecordNameRecognizer:unit")]


def _outside(text: str, span: RawSpan, start: int, end: int) -> list[RawSpan]:
    """The numbers `span` holds before and after a name at start..end: "3418" of the street
    pattern's "3418 KOWALSKI/Dana" is the unit's number."""
    pieces = []
    for a, b in ((span.start, start), (end, span.end)):
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        # a number stays ("Unit 12", "3418"), not a role's word ("Drvr") nor an age ("BROWN/Kai 14")
        if a < b and (span.label == "ID" or (b <= start and any(c.isdigit() for c in text[a:b]))
                      or (_CODE_AFTER.fullmatch(text, a, b) and b - a > 2)):
            pieces.append(RawSpan(a, b, "ID", span.score, span.recognizer))
    return pieces


def _code_after(text: str, end: int, span_end: int) -> bool:
    """"LOR, MAI [ADV]": a record's code a name span ran on into."""
    tail = text[end:span_end].split()
    return len(tail) == 1 and tail[0].isupper() and not is_given_name(tail[0], wide=True)


def _cut_around(text: str, span: RawSpan, start: int, end: int) -> RawSpan:
    if span.label != "ID":
        return span
    if span.start < start < span.end and text[start - 1] in " \t":
        return RawSpan(span.start, len(text[:start].rstrip()), span.label, span.score, span.recognizer)
    rest = _CODE_AFTER.search(text, end, span.end)
    if start <= span.start < end < span.end and rest is not None:
        return RawSpan(rest.start(), span.end, span.label, span.score, span.recognizer)
    return span


# caps words that stand before a slash in a form, not a surname ("NAME/Ph:", "DATE/Time")
_FORM_WORDS = re.compile(r"(?i:name|date|time|dob|ph|phone|addr|address|unit|car|case|loc|location|veh|dl|"
                         r"sex|race|ht|wt|age|hair|eyes|make|model|color|type|status)")
# a log's unit before the officer it names: "3410 WALLACE/Derrick", "NW22 OSEI/Kwabena" (a time of
# four digits heads a log's line instead: "2130 LEE/Andrew")
_UNIT_BEFORE = re.compile(r"(?:^|(?<=[\s,;+—–]))(\d{3,4}|[A-Z]{1,3}-?\d{1,3}[A-Z]?|\d[A-Z]\d{1,3})[ \t]+$",
                          re.M)
_ADDRESS_AFTER = re.compile(r"[ \t]*[<(\[][^\s<>()\[\]@]+@")
_UNIT_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,4}[A-Z]?(?![\w/.:-])")
_CODE_AFTER = re.compile(r"(?<![\w-])(?=[\w-]*\d)[\w-]+")


def _a_record_name(lexicon: Lexicon, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    sur, given, more = m.group("sur"), m.group("given"), (m.group("more") or "").strip()
    caps = sur.isupper() and len(sur) >= 2
    line_start = text.rfind("\n", 0, m.start()) + 1
    # (a name opening its line is a table's or a list's first cell: "Begaye, Loretta    | S-127")
    first_cell = m.start() == line_start and _CELL_END.match(text, m.end("given")) is not None
    field = first_cell or _FIELD_BEFORE.search(text, max(line_start, m.start() - 24), m.start()) is not None
    role = caps and _ROLE_BEFORE.search(text, max(line_start, m.start() - 24), m.start()) is not None
    loose = caps and _given(given) and sur.lower() not in places() and not lexicon.is_common(sur.lower())
    if m.group("sep") == "/" and (not (caps and (_given(given) or _unlisted_name(lexicon, sur, given)))
                                  or NCIC_CODE.match(text, m.start("sur"))):
        return None  # "SCHROEDER/Kayla", as logs write a name; not "DUI/Reckless", "Smith/Jones", "OLS/KY"
    loose = loose or (m.group("sep") == "/" and not lexicon.is_stop(sur) and not _FORM_WORDS.fullmatch(sur))
    if caps != given.isupper() and len(given.rstrip(".")) > 1 and not (
            (field or role or m.group("sep") == "/" or (loose and sur.lower() in surnames()))
            and given.istitle()):
        return None  # "Smith, KEVIN": two ways of writing, two things ("P.O. ADEYEMI, Folasade K." is one)
    if not (field or role or loose):
        return None  # in capitals a surname and a known given name will do: "ID'D AS DUPREE, COLE."
    if lexicon.is_stop(sur) or sur.upper() in state_codes() or sur.lower() in _SUFFIXES or (
            sur.lower() in REPORT_SHORTHAND) or (
            given.upper() in state_codes()) or sur.lower() in RANK_WORDS or given.lower() in RANK_WORDS:
        return None  # "EUFAULA, OK", "OFF DUTY, MAJOR HALE", "SUSPECT VEH, BLUE ALTIMA"
    initial = len(given.rstrip(".")) == 1
    if initial and not caps:
        return None  # "Meer, P": title case names its initials with a dot, found elsewhere
    addressed = _ADDRESS_AFTER.match(text, m.end()) is not None  # "Cc: Delgado, Ruben <rdelgado@...>"
    if not initial and not _given(given) and not (
            (caps or addressed) and _no_word_no_place(lexicon, given) and _no_word_no_place(lexicon, sur)):
        return None  # "SAPUTRA, DEWI" is a name, "HUNT, FL" and "PWC, YAMAHA" are not
    if not initial and not addressed and (places().get(given.lower()) == "state" or (
            sur.lower() in places() and given.lower() in places()
            and not (caps and field and _given(given)))):
        return None  # "Bethel, Alaska", "Kwethluk, Georgia"
    if not caps and not addressed and sur.lower() in places() and not (
            field and _given(given) and given.lower() not in places()):
        return None  # "Florence, Marion": a town, then a county or a person ("- Delacroix, Remy" a record)
    if is_given_name(sur, wide=True) and sur.lower() not in surnames() and m.group("sep") != "/" and not (
            caps and field):
        return None  # "Gaetane, Hannah": two given names, two people
    if lexicon.is_common(sur.lower()) and sur.lower() not in surnames() and (
            not caps or _UNIT_NUMBER_AFTER.match(text, m.end("given"))):
        return None  # "Copy, Bethel 2", "Dispatch, Medic 4": a word to the radio, then a unit
    end = m.end("given")
    more_initial = len(more.rstrip(".")) == 1
    if more and (more_initial or _given(more) or more.rstrip(".").lower() in _SUFFIXES
                 or (caps and field and more.isupper() and _no_word_no_place(lexicon, more)
                     and m.group("more").startswith(" ") and not m.group("more").startswith("  ")
                     and len(given) > 1 and more not in _RECORD_CODES
                     and more.lower() not in REPORT_SHORTHAND)) and (
            more.isupper() == given.isupper() or more_initial) and (
            not role or _FIELD_END.match(text, m.end("more"))
            or (more_initial and more.rstrip(".") not in "AINSEW")):
        end = m.end("more")  # not "AUGUSTINE, LEVI [SHERIDAN] PD": after a rank, only a field's end tells
        # (or a middle initial, no article nor direction: "TPR RASMUSSEN, KELLAN J CAR 21-11")
        # "RANDHAWA, MANPREET SINGH", then a record's field: a second middle name in capitals
        more2 = (m.group("more2") or "").split()
        if more2 and caps and field and not more_initial and not any(
                w.lower() in REPORT_SHORTHAND or w in _RECORD_CODES for w in more2) and all(
                _given(w) or w.lower() in surnames() or _no_word_no_place(lexicon, w) for w in more2) and (
                _FIELD_END.match(text, m.end("more2"))):
            end = m.end("more2")  # ("SALVADOR, JOHN PAUL DELA CRUZ  DOB ...")
    if m.group("nick") and end == m.end("given"):
        end = m.end("nick")  # 'LUCERO, GILBERTO "BETO" WAS ...'
    if m.group("suffix") and (not more or end == m.end("more")):
        end = m.end("suffix")
    if m.group("sep") == "/":
        return m.start(), end  # a log's name ends anywhere: "LEE/Andrew was there"
    field_end = _FIELD_END.match(text, end)
    if not (role or field_end) or (not (field or role) and field_end and field_end.group().strip() == ","):
        return None
    return m.start(), end


def _unlisted_name(lexicon: Lexicon, sur: str, given: str) -> bool:
    """"KAMARA/Fatmata": a given name no list holds, after a surname in capitals that is no word,
    no place and no agency's letters ("EMS/Fire", "FWC/Baker" are not names)."""
    return (_no_word_no_place(lexicon, given) and _no_word_no_place(lexicon, sur)
            and not is_agency_acronym(sur))


def _no_word_no_place(lexicon: Lexicon, word: str) -> bool:
    low = word.lower()
    return len(word) >= 3 and not (lexicon.is_common(low) or lexicon.is_stop(low) or low in places()
                                   or vehicle_words(word, 0, len(word)))


def _given(word: str) -> bool:
    """A given name, or a joined one whose first half is ("THUY-LINH", "Jean-Baptiste")."""
    return is_given_name(word, wide=True) or is_given_name(word.split("-")[0], wide=True)
