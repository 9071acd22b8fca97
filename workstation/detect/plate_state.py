"""The state that issued a plate or licence, kept apart from the number it issued.

"WA C71284R", "GA 058812274", "TX RHV-2204": the postal code names a place and the code after
it is the number, so they become a LOCATION and an ID, as annotators write them; so do a state
and a plate with letters first ("MI EHJ 4417"). A plate written digits first with a space in it
("OK 4417 BT") reads as one plate with its state and stays one ID, as annotators mark it.
A plate found without its state ("the Ram MI EHJ 4417") gets the state as a place. A driver's
name NER ran into the state of the licence ("Jackson Lee Brewer, TX DL ...") ends before it. "ID" is
left alone: before a number it is usually the word (an ID number), not Idaho; so is a state
code in text typed in capitals ("IN CAR 41" is the word)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex as re

from workstation.detect.gazetteer import state_codes, state_names
from workstation.detect.recognizers.fields import FIELD_VALUES
from workstation.detect.spans import LABEL_DECIDED_BY, RawSpan
from workstation.detect.vocab import PLATE_TERRITORIES, PROVINCE_CODES

_LOWER = re.compile(r"[a-z]")
_STATE_BEFORE = re.compile(r"(?<![\w'’-])([A-Z]{2})[ \t]$")
# a plate: letters and digits, both, in one or two groups
PLATE_SHAPE = r"(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,5}"
# ... and the narrower shape a record in capitals writes after the state: letters then digits
# or digits then letters, one space or dash at most between ("MN KRT 558", "WI 448 BXT")
SPLIT_PLATE = r"(?:[A-Z]{2,4}[- ]?\d{2,4}|\d{2,4}[- ]?[A-Z]{2,4})(?![\w-])"
# the word a teletype writes between a state and its plate ("OH REG HZK 4471")
RECORD_WORD = r"(?:REG|TAG|PLATE|LIC|LP)[ \t#:]*"
_PLATE = re.compile(PLATE_SHAPE)
_PLACE_STATE_PLATE = re.compile(
    rf",?[ \t]+(?P<state>[A-Z]{{2}})[ \t]+(?:{RECORD_WORD})?(?P<plate>{PLATE_SHAPE})$")
# the state, then a plate in one piece ("WA C71284R", "NJ L43-FKD") or letters first and
# digits after a space ("MN HNK 441"); NER's span may start with the model before a comma
# ("Acura TLX, NJ L43-FKD"), which is no part of either
_STATE_ROAD = re.compile(r"[A-Z]{2}[ \t]\d{4}")  # a boat's number, "SC 4471 KB"; "OR 447 KFD" a plate
_ROAD_THEN_LETTERS = re.compile(r"[ \t]([A-Z]{2,3})(?![\w-])")
_ROAD_WORD = re.compile(r"(?:RD|HWY|HY|RT|RTE|ST|AVE|CR|SR|FM|MM|MP|EXIT|LN|DR|BLVD|I|US)\b")
_DIRECTIONS = frozenset("NB SB EB WB MM EXIT NE NW SE SW BUS ALT BYP US SR CR".split())
# ... the state's name too ("Texas RTK 9911", "Iowa M4417"), a record word between ("KY OLN
# P05-118-442", "NV LIC 44B-617"), and a plate in two groups of three ("MO EK7 V2H", "KY B4R 117")
_STATE_NAMES = "|".join(sorted(state_names(), key=len, reverse=True))
# what may stand between a state and its plate or licence: a record's word, or the plate's kind
_PLATE_KIND = (r"(?:(?:OLN|DL|D/L|CDL|LIC|REG|TAG|PLATE|LP)[ \t#:]*|"
               r"(?i:apportioned|trailer|tags?|reg|plate|temp|dealer)[ \t#:]+)")
_STATE_THEN_CODE = re.compile(
    rf"(?:[A-Za-z0-9][A-Za-z0-9-]{{1,9}}(?:[ \t][A-Za-z0-9][A-Za-z0-9-]{{1,9}}){{0,2}},[ \t]+)?"
    rf"([A-Z]{{2}}|{_STATE_NAMES})"
    rf"[ \t]+{_PLATE_KIND}?(?=[A-Z0-9 -]*\d)"
    r"([A-Z0-9][A-Z0-9-]{3,}|[A-Z]{2,4}[ \t][0-9]{2,5}[A-Z]?|[A-Z0-9]{3}[ \t][A-Z0-9]{3}|\d{3}[ \t][A-Z]{3}"
    r"|[A-Z0-9]{1,3}[ \t][A-Z0-9]{3,6})")



@lru_cache(maxsize=1)
def _state_then_spelled() -> re.Pattern[str]:
    """A state's name, then its plate read out as words ("West Virginia Nancy-Oscar-Paul
    four-four-one"); built on first use (the spelling words' module imports this one)."""
    from workstation.detect.recognizers.spoken import SPELLING_WORD

    return re.compile(rf"({_STATE_NAMES})[ \t,]+({SPELLING_WORD}(?:(?:[ \t]+|-){SPELLING_WORD}){{3,9}})")


@lru_cache(maxsize=1)
def _state_then_letters() -> re.Pattern[str]:
    """A state's name in any case, then its plate's letters and digits said ("oregon k t w four
    four one two"), which NER runs together."""
    from workstation.detect.recognizers.spoken import DIGIT

    return re.compile(rf"(?i:({_STATE_NAMES}))[ \t,]+"
                      rf"((?:[A-Za-z][ \t]+){{1,4}}{DIGIT}(?:[ \t-]+{DIGIT}){{1,8}})")


def plate_state_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        if s.label in ("LOCATION", "PERSON", "ID") and (
                m := _state_then_spelled().fullmatch(text, s.start, s.end)
                or _state_then_letters().fullmatch(text, s.start, s.end)):
            out += [RawSpan(m.start(1), m.end(1), "LOCATION", s.score, s.recognizer),
                    RawSpan(m.start(2), s.end, "ID", s.score, s.recognizer)]  # "Ohio Frank-Tom-..."
            continue
        if s.label == "PERSON":
            out += _person_then_state(text, s)
            continue
        road_then_letters = _ROAD_THEN_LETTERS.match(text, s.end) if s.label == "LOCATION" else None
        if road_then_letters is not None and _STATE_ROAD.fullmatch(text, s.start, s.end) and (
                _a_state(text[s.start:s.start + 2]) and len(road_then_letters.group(1)) == 2
                and road_then_letters.group(1) not in _DIRECTIONS):
            # "SC 4471 KB": no state road, a plate digits first with its state (one ID)
            out.append(RawSpan(s.start, road_then_letters.end(1), "ID", s.score, s.recognizer))
            continue
        plate = _PLACE_STATE_PLATE.search(text, s.start, s.end) if s.label == "LOCATION" else None
        if plate is not None and _a_state(plate.group("state")) and plate.start() > s.start:
            # "S Main x Bedford, OK JBN 447": the town, the plate's state, the plate; not the
            # vehicle the plate is on ("MAXIMA OH REG HZK 4471")
            from workstation.detect.vehicles import vehicle_words  # (vehicles reads the plate shape here)

            if not vehicle_words(text, s.start, plate.start()):
                out.append(RawSpan(s.start, plate.start(), "LOCATION", s.score, s.recognizer))
            out += [RawSpan(plate.start("state"), plate.end("state"), "LOCATION", s.score, s.recognizer),
                    RawSpan(plate.start("plate"), s.end, "ID", s.score, s.recognizer)]
            continue
        # (a plate column's value too: "MI DRK4410" under "PLATE")
        if (s.label == "LOCATION" or (s.label == "ID" and s.recognizer == FIELD_VALUES)) and (
                m := _STATE_THEN_CODE.fullmatch(text, s.start, s.end)) and (
                _a_state(m.group(1)) and _PLATE.fullmatch(m.group(2)) and not (
                    m.group(1) not in state_names() and _ROAD_WORD.match(m.group(2)))):  # "CT BK 44712", not
            # "CO RD 42", a county's road
            out += [RawSpan(m.start(1), m.end(1), "LOCATION", s.score, s.recognizer),
                    RawSpan(m.start(2), s.end, "ID", s.score, s.recognizer)]  # "Texas RTK 9911"
            continue
        if s.label != "ID" or s.recognizer.startswith(LABEL_DECIDED_BY):
            out.append(s)  # (a unit the log lists, "UNITS: SD HP 214", is no plate and its state)
            continue
        after_state = _plate_after_state(text, s, spans)
        if after_state is not None:
            out += after_state
            continue
        state = _state_before(text, s, spans)
        if state is not None:
            out.append(state)
        m = _STATE_THEN_CODE.fullmatch(text, s.start, s.end)
        if m is None:
            m = _vehicle_then_plate(text, s)
        if m is None or not (_a_state(m.group(1)) or (
                m.group(1) in _OTHER_ISSUERS and m.group(1) != "ON" and _PLATE.fullmatch(m.group(2)))):
            out.append(s)  # (a province's plate too: "QC V41 RTK")
            continue
        prefix = text[s.start:m.start(1)].rstrip(" \t")
        # what came before the state and a comma in one number ("UNIT 412, VA 42-117P") stays one
        if " " in prefix and prefix.endswith(","):
            out.append(RawSpan(s.start, s.start + len(prefix) - 1, s.label, s.score, s.recognizer))
        out.append(RawSpan(m.start(1), m.end(1), "LOCATION", s.score, s.recognizer))
        out.append(RawSpan(m.start(2), s.end, "ID", s.score, s.recognizer))
    return out


def _vehicle_then_plate(text: str, s: RawSpan) -> re.Match[str] | None:
    """"CHEV SILVERADO GRY OK KLM-4410": NER's number over the vehicle, its state and its plate."""
    from workstation.detect.vehicles import vehicle_words

    for m in _STATE_WORD.finditer(text, s.start, s.end):
        plate = _STATE_THEN_CODE.fullmatch(text, m.start(), s.end)
        if plate is not None:
            return plate if m.start() > s.start and vehicle_words(text, s.start, m.start()) else None
    return None


_STATE_WORD = re.compile(r"(?<![\w'’-])[A-Z]{2}(?=[ \t])")


def _a_state(code: str) -> bool:
    return code != "ID" and (code in state_codes() or code in state_names())


# a state's name or the short form a speaker uses, before a plate read out
_STATE_NAME_BEFORE = re.compile(
    rf"(?<![\w'’-])({_STATE_NAMES}|Mass|Calif|Penn|Mich|Minn|Wash|Tenn|Conn|Ariz|Colo|Okla|Wis|Fla|Tex|Ill|"
    r"Ind|Mont|Neb|Nev|Ore|Wyo)\.?,?[ \t]+$")


# a state, the plate's kind, then the plate, whose letters a number pattern may have left out
# ("IL P 884172", "GA CPR 8841", "GA apportioned PR88124", "GA trailer TL18847")
_STATE_KIND_LETTERS = re.compile(
    rf"(?<![\w'’-])(?P<state>[A-Z]{{2}})[ \t]+(?P<kind>{_PLATE_KIND})?"
    r"(?P<letters>(?!(?:VIN|SN|SSN|NO|ID)[ \t])[A-Z]{1,3}[ \t])?$")
_ONE_CODE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)?")


def _plate_after_state(text: str, plate: RawSpan, spans: Sequence[RawSpan]) -> list[RawSpan] | None:
    """The state and the whole plate, where a state's code stands before a number found without
    its letters, or before a plate's kind; a bare short number needs one or the other ("IN 2019")."""
    m = _STATE_KIND_LETTERS.search(text, max(0, plate.start - 24), plate.start)
    if m is None or not _a_state(m.group("state")) or not _ONE_CODE.fullmatch(text, plate.start, plate.end):
        return None
    code = text[plate.start:plate.end]
    ordinary_case = _LOWER.search(text, max(0, plate.start - 40), plate.start) is not None
    if not (m.group("kind") or m.group("letters")) and not (ordinary_case and any(c.isalpha() for c in code)):
        return None  # (the state and a plate of letters and digits: _state_before, in ordinary case)
    # (a place found over the state's code alone is that state)
    if any(o.end > m.start() and o.start < plate.start and not (
            o.label == "LOCATION" and (o.start, o.end) == m.span("state")) for o in spans):
        return None
    start = m.start("letters") if m.group("letters") else plate.start
    state = [] if any((o.start, o.end) == m.span("state") for o in spans) else [
        RawSpan(m.start("state"), m.end("state"), "LOCATION", plate.score, plate.recognizer)]
    return [*state, RawSpan(start, plate.end, "ID", plate.score, plate.recognizer)]


# territories and provinces that issue plates too ("Tag GU ACT 9122", "plate ON AB 41 987")
_OTHER_ISSUERS = frozenset(PLATE_TERRITORIES) | frozenset(PROVINCE_CODES)
# codes that are words, which a report in capitals writes as words ("IN CAR 41", "OR 2 MORE")
_CODES_THAT_ARE_WORDS = frozenset("IN OR OK ME HI OH DE LA MA PA CO AL ID MD MS MT NE ON AS NB".split())


def _state_before(text: str, plate: RawSpan, spans: Sequence[RawSpan]) -> RawSpan | None:
    """The state code just before a plate found without it (one that is also a word only in text
    with ordinary case); or the
    state's name or its short form before a plate ("Iowa TRK 44719", "Mass, Kilo-November-Two, ...")."""
    named = _STATE_NAME_BEFORE.search(text, max(0, plate.start - 24), plate.start)
    plate_shaped = plate.recognizer.startswith("SpokenPlate") or _PLATE.fullmatch(
        text, plate.start, plate.end)
    if named is not None and plate_shaped and not any(
            o.end > named.start() and o.start < named.end() for o in spans):
        return RawSpan(named.start(1), named.end(1), "LOCATION", plate.score, plate.recognizer)
    m = _STATE_BEFORE.search(text, max(0, plate.start - 4), plate.start)
    if m is None or not (_a_state(m.group(1)) or m.group(1) in _OTHER_ISSUERS) or not _PLATE.fullmatch(
            text, plate.start, plate.end):
        return None
    if m.group(1) in _CODES_THAT_ARE_WORDS and not _LOWER.search(text, max(0, plate.start - 40), plate.start):
        return None  # "IN CAR 41" in capitals
    if any(o.end > m.start() and o.start < m.end() for o in spans):
        return None
    return RawSpan(m.start(1), m.end(1), "LOCATION", plate.score, plate.recognizer)


# "Driver Jackson Lee Brewer, TX DL 31177428", "ROSALES-YBARRA, JOSUE OLN AZ D04471882": the
# licence's state, or its record word, ends the driver's name
_STATE_TAIL = re.compile(r",[ \t]*(?P<state>[A-Z]{2})$")
_RECORD_WORD = re.compile(r"[ \t]+(?:OLN|DL|SSN|SID|LIC)\b")
_RECORD_REST = re.compile(r"[ \t#:]*(?:(?P<state>[A-Z]{2})[ \t]+)?(?P<code>[A-Z0-9-]*\d[A-Z0-9-]*)?")


def _person_then_state(text: str, person: RawSpan) -> list[RawSpan]:
    end = person.end
    rest: list[RawSpan] = []
    cut = _RECORD_WORD.search(text, person.start, end)
    if cut is not None:
        end = cut.start()
        record = _RECORD_REST.fullmatch(text, cut.end(), person.end)
        if record is None:
            return [person]  # what follows the record word is not understood: left as found
        if record.group("state") and _a_state(record.group("state")):
            rest.append(RawSpan(record.start("state"), record.end("state"), "LOCATION", person.score,
                                person.recognizer))
        if record.group("code"):
            rest.append(RawSpan(record.start("code"), record.end("code"), "ID", person.score,
                                person.recognizer))
    tail = _STATE_TAIL.search(text, person.start, end)
    if tail is None or not _a_state(tail.group("state")) or tail.start() == person.start:
        return [RawSpan(person.start, end, "PERSON", person.score, person.recognizer), *rest]
    return [RawSpan(person.start, tail.start(), "PERSON", person.score, person.recognizer),
            RawSpan(tail.start("state"), tail.end("state"), "LOCATION", person.score, person.recognizer),
            *rest]
