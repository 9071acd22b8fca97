"""An agency's acronym and the command after it are one agency (issue 19): "AST BETHEL",
"HSI Las Cruces", "LAPD OLYMPIC AREA", "CPD 2ND DISTRICT", "DEA Houston Division", "PMO Camp
Lejeune". What stood after the acronym on its own (a town, a place, nothing) joins it; a
town after a town's own force stays a place ("APD Anchorage")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import places, postal_towns
from workstation.detect.spans import RawSpan

# a command named by its unit word: "OLYMPIC AREA", "2ND DISTRICT", "Houston Division"
_UNIT_COMMAND = re.compile(
    r"[ \t]+(?:\d{1,2}(?i:st|nd|rd|th)[ \t]+|(?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3})"
    r"(?i:area|district|division|station|post|barracks|precinct|detachment|command|sector|field[ \t]+office|"
    r"resident[ \t]+agency)(?![\w'’-])"
)
# a place after the acronym: "AST BETHEL", "HSI Las Cruces", "PMO Camp Lejeune"
_PLACE_AFTER = re.compile(r"[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})")


def commands_joined(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    from workstation.detect.grow import known_agency_acronym

    out = list(spans)
    for s in spans:
        word = text[s.start:s.end]
        if s.label != "AGENCY" or " " in word or not known_agency_acronym(word):
            continue
        end = _command_end(text, s.end, out, regional=not _local(word))
        if end is None:
            continue
        inner = [o for o in out if o is not s and o.start < end and s.end <= o.start]
        if any(o.label in ("ID", "DATE", "CONTACT") or o.end > end for o in inner):
            continue
        out = [o for o in out if o is not s and o not in inner]
        out.append(RawSpan(s.start, end, "AGENCY", s.score, s.recognizer))
    return sorted(out, key=lambda s: (s.start, s.end))


# the words of an agency's commands, numbered or named ("Troop B", "Post 12", "St. Croix District")
_COMMANDS = "troop|district|precinct|post|station|zone|region|area|division|sector|barracks"
# a numbered command right after its agency: "Utah Highway Patrol, Section 12", "HCSO District II",
# "Denver Fire Department, Station 9", "FLORIDA HIGHWAY PATROL — TROOP D"
# ... or named for its part of the map: "Wichita PD, Patrol North", "CMPD Metro Div", "Omaha PD
# NE Pct"
_QUARTER = r"(?i:north|south|east|west|central|northeast|northwest|southeast|southwest|metro|ne|nw|se|sw)"
_NUMBERED_COMMAND = re.compile(
    rf"[ \t]*(?:[,—–/-][ \t]*)?(?P<cmd>(?i:{_COMMANDS}|section)[ \t]+(?:\d{{1,3}}[A-Z]?|[IVX]{{1,4}}|[A-Z])"
    rf"|(?i:patrol|{_COMMANDS})[ \t]+{_QUARTER}|{_QUARTER}[ \t]+(?i:pct|precinct|div|division|dist|district|"
    r"patrol|area|sector))(?![\w'’-])")


def numbered_commands(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """The command numbered after an agency is an agency of its own, where nothing else was found;
    the town in brackets after a numbered command names it ("Troop B (Lake City)", "District 10
    (Pesotum)": 15 of 22 such towns in the corpora are marked so)."""
    out = list(spans)
    for s in spans:
        m = _NUMBERED_COMMAND.match(text, s.end) if s.label == "AGENCY" else None
        if m is None or not text[m.start("cmd")].isupper() or any(
                o.start < m.end("cmd") and m.start("cmd") < o.end and not (
                    m.start("cmd") <= o.start and o.end <= m.end("cmd") and o.label in ("LOCATION", "PERSON"))
                for o in out):
            continue
        # (a place or a name NER read inside the command is the command: "Patrol North")
        out = [o for o in out if not (m.start("cmd") <= o.start and o.end <= m.end("cmd"))]
        out.append(RawSpan(m.start("cmd"), m.end("cmd"), "AGENCY", s.score, s.recognizer))
    # a named command right after its agency: "Virgin Islands Police Department, St. Croix District"
    agencies_end = {o.end for o in out if o.label == "AGENCY"}
    out = [RawSpan(o.start, o.end, "AGENCY", o.score, o.recognizer)
           if o.label == "LOCATION" and _COMMAND_WORD_END.search(text, o.start, o.end) and any(
               _JOINER.fullmatch(text, e, o.start) for e in agencies_end if e <= o.start) else o
           for o in out]
    brackets = {b.end() for c in out if c.label == "AGENCY" and _NUMBERED_END.search(text, c.start, c.end)
                and (b := _BRACKET_AFTER.match(text, c.end)) is not None}
    out = [RawSpan(o.start, o.end, "AGENCY", o.score, o.recognizer)
           if o.label == "LOCATION" and o.start in brackets and text.startswith(")", o.end) else o
           for o in out]
    return sorted(out, key=lambda s: (s.start, s.end))


_NUMBERED_END = re.compile(rf"(?i:{_COMMANDS}|dist|detachment)[ \t]+[\w-]{{1,4}}$")
_BRACKET_AFTER = re.compile(r"[ \t]*\(")
# (a named area, zone or sector after an agency is as often a place: measured on styles10_hold)
_COMMAND_WORD_END = re.compile(r"[ \t](?i:district|division|precinct|substation|station|detachment|"
                               r"barracks)$")
_JOINER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[,—–/-]{1,2}[ \t]*)?")  # ("MPD (Memphis) -- ")


def _local(word: str) -> bool:
    """A town's or county's own force ("APD", "GPD", "LCSO"): the town after it is its place,
    as annotators write it ("APD Anchorage"); a state's or the federal office is one name."""
    return word.endswith(("PD", "SO", "SD"))


def _command_end(text: str, end: int, spans: Sequence[RawSpan], regional: bool) -> int | None:
    m = _UNIT_COMMAND.match(text, end)
    if m is not None:
        return m.end()
    m = _PLACE_AFTER.match(text, end) if regional else None
    if m is None:
        return None
    # a place found there already, all of it, or a town by name ("AST BETHEL")
    place = [o for o in spans if o.start == m.start(1) and o.label == "LOCATION"]
    if place:
        return place[0].end if place[0].end <= m.end(1) and _no_address(text, place[0]) else None
    if any(o.start < m.end(1) and m.start(1) < o.end for o in spans):
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).lower()
        if name in places() or name in postal_towns():
            return m.start(1) + len(" ".join(words[:n]))
    return None


def _no_address(text: str, span: RawSpan) -> bool:
    return not any(c.isdigit() for c in text[span.start:span.end])


# an office of a state or a district: "USMS WESTERN DISTRICT of WASHINGTON", "OHIO BUREAU of ..."
# (a court "of" its county is as often marked apart: left alone)
# (a public body too: "Housing Authority of the City of El Paso")
_OFFICE_END = re.compile(r"(?<![\w'’-])(?i:district|division|bureau|department|dept\.?|office|service|"
                         r"authority|commission|board)$")
# ("of the" only before a municipality: "Ranger District of the Nantahala National Forest" is two)
_OF = re.compile(r"[ \t]+(?i:of)(?P<the>[ \t]+(?i:the))?[ \t]+")
_MUNICIPALITY = re.compile(r"(?i:city|county|town|village|borough|state|commonwealth|township)"
                           r"[ \t]+(?i:of)\b")
# "U.S. ATTORNEY'S OFFICE, DISTRICT OF ARIZONA": a federal district after its office
_DISTRICT_OF = re.compile(r"(?:[,—–-][ \t]*|[ \t]+)((?i:(?:northern|southern|eastern|western|middle|central)"
                          r"[ \t]+)?(?i:district)[ \t]+(?i:of)[ \t]+)")


def offices_of_places(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """An agency's office named for its place is one agency with it: "Western District" and
    "Kentucky" found apart after "of" are "Western District of Kentucky"; a district named after
    an agency ("U.S. Marshals Service, District of Montana") is the agency's district."""
    joined: list[RawSpan] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        before = joined[-1] if joined else None
        if s.label == "LOCATION" and before is not None and before.label == "AGENCY":
            office = _OFFICE_END.search(text, before.start, before.end)
            of = _OF.fullmatch(text, before.end, s.start)
            if office is not None and of is not None and (
                    of.group("the") is None or _MUNICIPALITY.match(text, s.start)):
                joined[-1] = RawSpan(before.start, s.end, "AGENCY", before.score, before.recognizer)
                continue
            district = _DISTRICT_OF.fullmatch(text, before.end, s.start)
            if district is not None:
                joined.append(RawSpan(district.start(1), s.end, "AGENCY", s.score, s.recognizer))
                continue
        joined.append(s)
    return joined
