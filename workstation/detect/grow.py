"""Growing found identifiers over the words that complete them (issue 19): connectors
between two places ("Elm St and 4th Ave", "the corner of X and Y"), "<Division> of" before
an agency, a trailing direction ("County Road 12 E"), a state code after a city ("Dalton,
GA"), an agency's unit ("... Sheriff's Office Troop F", "Story County EMS"), a case
number's letter prefix ("SW 24-0113"), the second half of a hyphenated surname and a
suffix after a name ("Okoye-Barnes", "Gregory Atkins Jr.")."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

import regex as re

from workstation.detect.allow_list import allowed_regions, is_generic
from workstation.detect.gazetteer import places, state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import JOINED_GIVEN, RANK_WORDS, RawSpan
from workstation.detect.travel_directions import MILE_OR_EXIT
from workstation.detect.vocab import PLACE_FIRST_WORDS, REPORT_SHORTHAND, TRAVEL_DIRECTION

_CONNECTOR = re.compile(r"[ \t]*(?:(?i:and|&)|/|@)[ \t]*|[ \t]+[xX][ \t]+")
# an intersection names at least one street: "Elm and 3rd", not "Hazard, KY and Lookout Mountain"
_STREETISH = re.compile(
    r"\d|\b(?i:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|hwy|highway|route|"
    r"pkwy|parkway|ct|court|pl|place|cir|circle|trail|pike|broadway|main)\b"
)
_CORNER = re.compile(r"(?i:the\s+)?(?i:corner|intersection)\s+of\s+$")
# where one stands: "shots fired at Grand River and Greenfield" names a corner
_STANDING_AT = re.compile(r"(?<![\w'’])(?i:at|on)[ \t]+$")
_AND = re.compile(r"[ \t]+(?:and|&)[ \t]+|[ \t]*/[ \t]*")
_OF_HEAD = re.compile(
    r"(?i:\b(?:division|department|dept\.?|bureau|office|port|city|county|town|village|state|"
    r"commonwealth|university|board)\s+of\s+(?:the\s+)?)$"
)
# a place named "<Lake> of the <Woods>" before its county or agency: "Lake of the Woods County Sheriff's
# Office", "Isle of Wight County", "LAKE OF THE WOODS CO SO"
_PLACE_OF_BEFORE = re.compile(r"(?<![\w'’-])(?:Lake|LAKE|Lakes|LAKES|Isle|ISLE|Isles|ISLES|Mouth|MOUTH|"
                              r"Prince|PRINCE)[ \t]+(?:of|OF)(?:[ \t]+(?:the|THE))?[ \t]+$")
# a company's form after its name ("Hawkeye Snow & Ice LLC", "Sooner Care Management, LLC"); not "Co.",
# which is also a county's ("Polk Co. SO"), nor an incident's "INC 2025-0417"
_COMPANY_FORM_AFTER = re.compile(r",?[ \t]+(?:LLC|L\.L\.C\.|Inc\.?|INC\.?|Corp\.?|CORP\.?|Ltd\.?|LTD\.?|"
                                 r"Incorporated|Corporation|LLP|PLLC)(?![\w'’-]|[ \t]*#?\d)|"
                                 r"(?<=\b(?i:co))-(?i:op)(?![\w'’-])")  # ("Kalona Creamery Co" + "-op")
# an office "of" what it does, in Title Case: "Mayor's Office of Cultural Economy"
_OF_TAIL = re.compile(r"(?<!Post[ \t])(?:Office|Department|Bureau|Division|Commission|Administration)$")
_PUBLIC_OWNER = re.compile(r"\b(?i:mayor|governor|county|city|state|town|village|parish|federal|u\.?s\.?|"
                           r"national|attorney)|\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+[ \t]+(?:Department|Office)")
_OF_NAMED_AFTER = re.compile(r"[ \t]+of[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+(?:(?:and|&)[ \t]+)?\p{Lu}\p{Ll}+){0,3}")
_COMPANY_FORM_ALONE = re.compile(r"(?:LLC|INC\.?|Inc\.?|CORP\.?|Corp\.?|LTD\.?|Ltd\.?|LLP|PLLC)")
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?-i:[A-Z][\w&'’-]*),?[ \t]$")
_DIRECTION = re.compile(r"[ \t]+(?:[NSEW]|NE|NW|SE|SW|[NSEW]B|[nsew]|[nsew]b)\.?(?![\w'’])")
_AGENCY_UNIT = re.compile(
    r"[ \t]+(?i:ems|fire(?:[ \t]+(?:rescue|department|dept\.?))?|911|dispatch|bureau|"
    r"(?:troop|company)[ \t]+[a-z]\b|(?:precinct|pct\.?|district|zone|sector|post|section|division|"
    r"station|beat|area)[ \t]*#?\d{1,3}\b|marine[ \t]+unit|water[ \t]+patrol(?:[ \t]+division)?)(?![\w'’])"
)
# a place, then an agency word: the place's agency ("Cook County SWAT", "Harmony Fire")
_PLACE_AGENCY = re.compile(
    # (a state's code in brackets between: "Fayetteville (NC) PD", "Jackson County (MO) Sheriff's Office")
    r"(?:[ \t]+\([A-Z]{2}\))?[ \t]+(?i:swat|ems|sar|hazmat|haz-mat|search[ \t]+and[ \t]+rescue|"
    r"fire(?:[ \t]+(?:rescue|department|dept\.?))?|"
    r"911|pd|fd|sd|"
    r"police(?:[ \t]+(?:department|dept\.?))?|sheriff'?s?[ \t]+(?:office|department|dept\.?))(?![\w'’])"
)
# the record's word in Spanish, no prefix of its number ("Caso 1184417-24", "placa 7XKR114")
_SPANISH_RECORD_WORDS = frozenset("caso querella expediente numero número folio causa reporte informe placa "
                                  "patrulla unidad denuncia acta".split())
_PREFIX = re.compile(r"(?<![\w-])([A-Za-z]{2,4})[ \t]$")
_JOINED_PREFIX = re.compile(r"(?<![\w-])[A-Z]{1,6}-$")
# a store's number, a site, lot, unit or trailer in a place, as its address gives it (rooms and
# chairs are no part of a place's address; a store's is set apart again later, facility_parts.py)
_NUMBER_IN_PLACE = re.compile(
    r"[ \t]+(?:(?i:store)[ \t]+)?#[ \t]?\d{1,5}(?![\w-])|"
    r",?[ \t]+(?i:site|campsite|unit|lot|space|trailer|apt\.?|apartment|suite|ste\.?|bldg\.?|building)"
    r"[ \t]*#?[ \t]*(?=[A-Z0-9-]*\d)[A-Z0-9-]{1,5}(?![\w-])"
)
def _person_or_agency(fragment: str) -> bool:
    """"ABERNATHY #2231" (an officer and a badge), "Sheriff's Office, Unit 7A14": no place's number."""
    from workstation.detect.census import is_census_name
    from workstation.detect.recognizers.chains import CHAINS

    words = fragment.split()
    return (len(words) == 1 and is_census_name(words[0]) and fragment not in CHAINS) or (
        _AGENCY_IN.search(fragment) is not None)


_AGENCY_IN = re.compile(r"\b(?i:police|sheriff'?s?|pd|so|sd|office|department|dept|patrol|troopers?)\b")
# a city's state and postcode written without a comma ("TWIN FALLS ID 83301")
_STATE_ZIP = re.compile(r"[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?![\w-])")
_FACILITY_AFTER = re.compile(
    r"(?:(?:[ \t]+(?i:regional|international|municipal|county|memorial|general|community|state))?"
    r"[ \t]+(?i:station|stop|terminal|depot|platform|garage|lot|underpass|overpass|ramp|trailhead|"
    r"airport|hospital|medical[ \t]+center|high[ \t]+school|school|college|university|campus|mall|"
    r"prison|penitentiary|jail|correctional[ \t]+(?:facility|center|institution)|housing|"
    r"hall|library|courthouse|harbor|harbour|marina|park|campground|reservoir|dam|pier|ferry[ \t]+terminal|"
    r"plaza|interchange|exit(?![ \t]+\d)|"  # "the Eisenman Rd interchange", "the Lehi Main St exit"
    # a river's or a rail line's crossings and accesses (the corpora differ, as many keeping the word
    # as leaving it out; kept, a reviewer sees the whole place): "the Bee Creek low-water crossing",
    # "the Pulltite access", "the Block Island ferry", "the Mill St crossing"
    r"low[- ]water[ \t]+(?:crossing|bridge|slab)|crossing|access(?![ \t]+(?i:road|rd|point|gate|code))|"
    r"ferry)|"
    # ... and, with their capital, the named places of the outdoors ("Twin Lakes Access")
    r"[ \t]+(?:Lift|Access|Landing|Overlook|Turnout|Pullout|Boat[ \t]+Ramp|Boat[ \t]+Launch|Houses|HOUSES))"
    r"(?![\w'’])"
)
# a county or the nation before an agency named by its office: "Ada County Prosecutor's
# Office", "U.S. Forest Service"
_AGENCY_PLACE_BEFORE = re.compile(
    r"(?:(?<![\w'’.-])(?:(?!(?i:the|a|an|our|my|their|his|her|this|that|from|of|for|with|and)\b)"
    r"\p{Lu}[\p{L}'’.-]+[ \t]+){1,2}(?i:county|parish|borough)|(?<![\w.])U\.S\.|"
    r"(?<![\w'’.-])(?:US|United[ \t]+States))[ \t]+$"
)
_NAME_OF_BEFORE = re.compile(r"(?<![\w'’.-])(\p{Lu}\p{Ll}+)[ \t]+of[ \t]+$")
# a capitalised word right before: "Wilner Joseph of New Smyrna Beach" is a person from a town
_NAME_BEFORE = re.compile(r"\p{Lu}\p{Ll}+[ \t]+$")
_FEATURE_HEADS = frozenset("island islands isle bay lake river sound point beach mountain mountains".split())
_NOT_BEFORE_OF = frozenset(
    """north south east west northeast northwest southeast southwest end edge side middle center
    top bottom part rest shore shores mouth head city county town village state port sheriff
    chief officer mayor captain one most all some none each both the this that""".split()
)
_BARE_ACRONYMS = frozenset("VFD FD PD SO SD EMS VFR FPD".split())
_NAME_BEFORE_ACRONYM = re.compile(r"(?<![\w'’.-])(?:\p{Lu}[\p{L}'’.-]+[ \t]+){1,2}$")
_POST_AFTER = re.compile(r"[ \t]+(?i:post|detachment|barracks)(?![\w'’-])(?![ \t]+(?i:office|card|pole)\b)")
_AGENCY_WORD_AFTER = re.compile(
    r"[ ]((?i:division|department|dept\.?|services|authority|bureau|constable))(?![\w'’-])")
_PRECINCT_AFTER = re.compile(r"[ \t]+(?i:precinct|pct\.?)(?![\w'’-])")
_ROAD_NUMBER_END = re.compile(r"(?i:\b(?:us|i|ih|sr|sh|hwy|highway|route|rte|fm|cr)[ -]?\d{1,4})$")
_SECOND_ROUTE = re.compile(r"/\d{1,4}(?![\w/])")
_COUNTY_AFTER = re.compile(
    r"[ \t]+(?:co\.?|CO\.|cnty\.?|CNTY\.?)(?![\w'’-])(?![ \t]+(?i:so|sd|pd|sheriff|deputy|deputies)\b)"
)
# "-Barnes", "Jr.", and the second surname of "Ortiz y Pino"
_SURNAME_HEAD = re.compile(r"(?<![\w'’-])\p{Lu}[\p{L}'’]+-$")
_SURNAME_TAIL = re.compile(
    r"-[A-Z][\w'’]+|,?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV|JR\.?|SR\.?)(?![\w'’])"
    r"|[ \t]+[yY][ \t]+\p{Lu}\p{Ll}+(?![\w'’])"
)


# The states as newspapers abbreviate them ("Rolling Fork, Miss.", "Memphis, Tenn.")
_AP_STATES = (
    r"Ala|Ariz|Ark|Calif|Cal|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|"
    r"Mont|Neb|Nebr|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|"
    r"Wash|W\.Va|Wis|Wyo"
)


@lru_cache(maxsize=1)
def _state_after() -> re.Pattern:
    return re.compile(rf",[ \t]*(?:(?:{'|'.join(sorted(state_codes()))})(?![\w'’-])|(?:{_AP_STATES})\.)")


@lru_cache(maxsize=1)
def _state_ending() -> re.Pattern:
    """A town's state without a comma where the line or the clause ends: "Santa Cruz County
    Jail, Nogales AZ" (not the words: "Tulsa OK.", "a call in Gary IN.")."""
    plain = "|".join(sorted(state_codes() - {"OK", "IN", "ME", "OR", "HI", "OH"}))
    return re.compile(rf"[ \t]+(?:{plain})(?=[ \t]*(?:\n|$|[.;:)]))")


def grow(lexicon: Lexicon, text: str, spans: Iterable[RawSpan]) -> list[RawSpan]:
    out = [_within_columns(text, s, _grow_one(lexicon, text, s)) for s in spans]
    out += _joined_places(text, out)
    return [_within_columns(text, s, g) for s, g in zip(out, given_before(lexicon, text, out), strict=True)]


def _within_columns(text: str, found: RawSpan, grown: RawSpan) -> RawSpan:
    """A span never grows over a tab: in a table pasted from a spreadsheet the word beside a
    value is the next column's ("Halverson, Kurt<tab>P-6": a deputy, then his unit)."""
    if "\t" in text[grown.start:found.start] or "\t" in text[found.end:grown.end]:
        return found
    return grown


_HYPHENATED_BEFORE = re.compile(r"(?<![\w'’.-])([^\W\d_]{2,5}-[^\W\d_]{2,5})[ \t]$")
_SYLLABLE_BEFORE = re.compile(r"(?<![\w'’.-])[^\W\d_]{2,5}-$")
_PREV_WORD = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’]*)[ \t]$")


# "Hey Hector", "thanks Ortiz": words of address, no given names
_INTERJECTIONS = frozenset("hey hi hello yo ok okay thanks thank bye morning evening night".split())
# "a Smith & Wesson Shield", "his Ruger": a thing, not a person's given name
_THING_BEFORE = re.compile(r"(?:&|\b(?i:a|an|the|his|her|my|our|their|its|and))[ \t]+$")


def given_before(lexicon: Lexicon, text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """A given name right before a found surname belongs to it ("GLADYS PEEBLES" when
    only PEEBLES was found, "Alexei Sokolov" tagged an organisation without Alexei); the
    span becomes a person's. Census given names, not stop words or ranks."""
    from workstation.detect.census import ascii_folded, given_names, surnames
    from workstation.detect.names import COMMON_WORD_NAMES
    from workstation.detect.vocab import KIN_AND_ROLES

    out = []
    for s in spans:
        first = text[s.start:s.end].split(None, 1)[0] if s.end > s.start else ""
        if s.label == "PERSON":
            ok = True
        elif s.label in ("AGENCY", "LOCATION") and " " not in text[s.start:s.end].strip():
            ok = first.lower() in surnames() and not s.recognizer.startswith(_PLACE_RECOGNIZERS)
        else:
            ok = False
        h = None if not ok else _HYPHENATED_BEFORE.search(text, max(0, s.start - 24), s.start)
        inside = None if not ok else _SYLLABLE_BEFORE.search(text, max(0, s.start - 8), s.start)
        if h is None and inside is not None and not lexicon.is_stop(first):
            out.append(RawSpan(inside.start(), s.end, "PERSON", s.score, s.recognizer))  # "min-[jun lee]"
            continue
        if h and not any(lexicon.is_common(p) or lexicon.is_stop(p) for p in h.group(1).split("-")[1:]) and (
                h.group(1).islower() == first.islower()):
            # "min-jun lee", "ji-hoon Park": a hyphenated given name of short syllables
            out.append(RawSpan(h.start(1), s.end, "PERSON", s.score, s.recognizer))
            continue
        m = _PREV_WORD.search(text, max(0, s.start - 24), s.start) if ok else None
        if m is None:
            out.append(s)
            continue
        word = m.group(1)
        low = ascii_folded(word)
        same_case = word.isupper() == first.isupper() and (word[:1].isupper() == first[:1].isupper())
        if (low in given_names() and same_case and not lexicon.is_stop(word) and low not in RANK_WORDS
                and low not in COMMON_WORD_NAMES and len(word) >= 3 and low not in KIN_AND_ROLES):
            out.append(RawSpan(m.start(1), s.end, "PERSON", s.score, s.recognizer))
        elif (s.label == "PERSON" and same_case and word[1:].islower() and len(word) >= 3
              and " " not in text[s.start:s.end].strip() and first.lower() in surnames()
              and (not lexicon.is_common(word) or (allowed_regions(word) and not _THING_BEFORE.search(
                  text, max(0, m.start(1) - 12), m.start(1))))
              and not lexicon.is_stop(word) and not is_generic(word) and low not in _INTERJECTIONS
              and low not in RANK_WORDS
              and low not in KIN_AND_ROLES and low not in places()):
            # a given name no list holds before a census surname, or a maker's name there (which
            # the allow-list lets stand before a surname): "Dashiell Ortega", "Ruger Pratt"
            out.append(RawSpan(m.start(1), s.end, "PERSON", s.score, s.recognizer))
        else:
            out.append(s)
    return out


_PLACE_RECOGNIZERS = ("Gazetteer", "RoadShape", "Road", "Address", "Region", "Facility", "Postal",
                      "Province")


_SAINT_BEFORE = re.compile(
    r"(?:^|[^\w.'’ \t][ \t]*|\b[a-z]+[ \t]+)((?:St|Ste|Mt|Ft)\.?|Saint|Sainte|Mount|Fort)[ \t]+$")


# a place's kind in its community's language, before its name (vocab.PLACE_FIRST_WORDS)
_PLACE_KIND_BEFORE = re.compile(r"(?<![\w'’-])(\p{Lu}[\p{L}'’]+)[ \t]+(?:(?:de|del|de[ \t]+la|la)[ \t]+)?$")


def _grow_one(lexicon: Lexicon, text: str, s: RawSpan) -> RawSpan:
    start, end = s.start, s.end
    if s.label == "LOCATION":
        m = _DIRECTION.match(text, end)
        if m:
            end = m.end()
        m = _state_after().match(text, end) or (
            _state_ending().match(text, end) if end - start > 3 else None)
        if m:
            end = m.end()
        m = _CORNER.search(text, max(0, start - 30), start)
        if m:
            start = m.start()
        m = _SAINT_BEFORE.search(text, max(0, start - 12), start)
        if m and text[start:start + 1].isupper():
            start = m.start(1)  # "at St. Ambrose Church", "to Mt. Carmel": the saint's or mount's word
        m = _FACILITY_AFTER.match(text, end)
        if m:
            end = m.end()  # "Harmon St station", "the Elm St lot"
        m = _NUMBER_IN_PLACE.match(text, end)
        if m and not _person_or_agency(text[start:end]):
            end = m.end()  # "HEB #612", "Juniper Flats Campground, site 44", "... Condos, unit 4B"
        m = _STATE_ZIP.match(text, end)
        if m:
            end = m.end()  # "TWIN FALLS ID 83301": the city, its state and its postcode
    label = s.label
    if s.label == "LOCATION" and not _STREETISH.search(text, start, end):
        m = _PLACE_AGENCY.match(text, end)
        # "Harmony Fire" with its capital ("the Anchorage fire" is a fire); "Anchorage police" either way
        word = m.group().strip().split(")")[-1].strip() if m else ""
        if m and (word.isupper() or word[:1].isupper() or word.lower().startswith(("police", "sheriff"))):
            end, label = m.end(), "AGENCY"
    if s.label in ("AGENCY", "LOCATION"):
        m = _OF_HEAD.search(text, max(0, start - 40), start) or _PLACE_OF_BEFORE.search(
            text, max(0, start - 20), start)
        if m:
            start = m.start()
        m = _OF_NAMED_AFTER.match(text, end) if _OF_TAIL.search(text, start, end) else None
        if m:  # "Mayor's Office" + " of Cultural Economy"; a bank's "Main Office of Wells Fargo" no agency
            end = m.end()
            label = "AGENCY" if s.label == "AGENCY" or _PUBLIC_OWNER.search(text, start, end) else label
    if s.label == "AGENCY":
        m = _AGENCY_UNIT.match(text, end)
        if m:
            end = m.end()
        m = _AGENCY_WORD_AFTER.match(text, end)
        letters = [c for c in text[start:end] if c.isalpha()]  # (its case: "PRECINCT 4 CONSTABLE")
        if m and letters and (m.group(1).isupper() == letters[-1].isupper()) and m.group(1)[0].isupper():
            end = m.end()  # "OHIO STATE UNIVERSITY POLICE DIVISION", "Memphis Animal Services"
        m = _AGENCY_PLACE_BEFORE.search(text, max(0, start - 48), start)
        if m:
            start = m.start()  # "[Ada County] Prosecutor's Office", "[U.S.] Forest Service"
        elif text[start:end] in _BARE_ACRONYMS:
            m = _NAME_BEFORE_ACRONYM.search(text, max(0, start - 40), start)
            if m and not any(lexicon.is_stop(w) or w.lower() in RANK_WORDS for w in m.group().split()):
                start = m.start()  # "STONEWALL VFD", "Elkhorn City VFD": the town's department
    m = _PLACE_KIND_BEFORE.search(text, max(0, start - 18), start) if s.label in ("PERSON", "LOCATION") else (
        None)
    if m and m.group(1).lower() in PLACE_FIRST_WORDS and (
            text[start:start + 1].isupper() or text.startswith(("de ", "del ", "la "), start)):
        start = m.start(1)  # "Chùa Quang Minh", "Casa de Luz": the place's kind first (relabel.py makes
        # the place of a name that opens with it)
    if _COMPANY_FORM_ALONE.fullmatch(text, start, end):
        named = _company_name_before(lexicon, text, start)
        if named < start:
            start, label = named, "LOCATION"  # NER's "LLC" of "MIDWAY TOWING LLC": the company
    if s.label in ("AGENCY", "LOCATION"):
        m = _COMPANY_FORM_AFTER.match(text, end)
        if m:
            end, label = m.end(), "LOCATION"  # "Ridgeline Safety Analytics LLC": a company, no agency
    # (NER's organisation for a town before its barracks too: "the Bradford barracks")
    one_name = s.label in ("PERSON", "AGENCY") and " " not in text[start:end]
    saint = 4 if text[start:start + 4] in ("St. ", "ST. ") else 0  # "St. Johnsbury" is no street
    if (s.label == "LOCATION" or one_name) and text[start:start + 1].isupper() and not _STREETISH.search(
            text, start + saint, end):
        m = _POST_AFTER.match(text, end) or _PRECINCT_AFTER.match(text, end)
        if m:
            # "the Kotzebue post", "JACKSON POST", "St. Johnsbury barracks": a state police post;
            # "Tumon precinct": the police of that place
            end, label = m.end(), "AGENCY"
    if s.label == "LOCATION":
        if _ROAD_NUMBER_END.search(text, start, end):
            m = _SECOND_ROUTE.match(text, end)
            if m:
                end = m.end()  # "US-69/75": one road under two numbers
        m = _NAME_OF_BEFORE.search(text, max(0, start - 24), start)
        if m and text[start:end].split()[-1].lower() in _FEATURE_HEADS and (
                m.group(1).lower() not in _NOT_BEFORE_OF) and not _NAME_BEFORE.search(
                text, max(0, m.start(1) - 24), m.start(1)):
            start = m.start(1)  # "Prince of Wales Island", "Isle of Palms Beach"
        if label == "LOCATION" and not text[start:end].lower().endswith(("county", "co", "co.")):
            m = _COUNTY_AFTER.match(text, end)
            if m:
                end = m.end()  # "clearfield co": the county of that name
    if s.label == "ID":
        m = _PREFIX.search(text, max(0, start - 6), start)
        starts_with_word = text[start:start + 1].isalpha() and " " in text[start:end]
        if m and not starts_with_word and not is_agency_acronym(m.group(1)) and (
                m.group(1).lower() not in REPORT_SHORTHAND) and m.group(1) != "ID" and (
                m.group(1).lower() not in _SPANISH_RECORD_WORDS) and (
                m.group(1) in state_codes()
                or not (lexicon.is_stop(m.group(1)) or lexicon.is_common(m.group(1)))):
            start = m.start(1)  # "SW 24-0113", "IN 481 KXT": a prefix or the plate's state
        m = _JOINED_PREFIX.search(text, max(0, start - 8), start)
        if m and text[start:start + 1].isalnum():
            start = m.start()  # "Q-LPCNYC9-13", "M-CONSEL-30": the letters joined to the number
    if s.label == "PERSON":
        m = _SURNAME_TAIL.match(text, end)
        if m:
            end = m.end()
        end = _compound_tail(lexicon, text, start, end)
        m = _PARTICLES_BEFORE.search(text, max(0, start - 12), start)
        if m and text[start:start + 1].isupper():
            start = m.start()  # "van der Meer", "de la Cruz": the particles belong to the surname
        m = _SURNAME_HEAD.search(text, max(0, start - 24), start)
        if m and text[start:start + 1].isupper():
            start = m.start()  # "ROSALES-YBARRA": the first half of a double surname
        end = _given_after_comma(lexicon, text, start, end)
        start, end = _joined_syllables(text, start, end)
        m = _GIVEN_BEFORE_NICKNAME.search(text, max(0, start - 24), start)
        if m and _NICKNAME_CLOSED.match(text, start, end):
            start = m.start(1)  # 'Leo "Tito" Mondragón' found from its nickname: the given name too
        m = _RANK_THEN_NAME_RANK.search(text, max(0, start - 40), start)
        if m and m.group(1).lower() in RANK_WORDS and text[start:start + 1].isupper() and (
                m.group(1).lower().rstrip(".") not in ("sergeant", "sgt", "command", "staff")):
            start = m.start(2)  # "Deputies Major Okafor": no rank follows a rank, so a given name
        m = _FAMILY_PLACE_AFTER.match(text, end) or _WORKING_PLACE_AFTER.match(text, end)
        if m and (" " not in text[start:end] or m.re is _WORKING_PLACE_AFTER) and not (
                m.re is _WORKING_PLACE_AFTER and _TITLE_BEFORE.search(text, max(0, start - 12), start)):
            end, label = m.end(), "LOCATION"  # "the Varney family cemetery", "the Haskins home place",
            # "the Vander Ploeg dairy", "Dinklage feedlot"
    if (start, end, label) == (s.start, s.end, s.label):
        return s
    return RawSpan(start, end, label, s.score, s.recognizer)


# a family's place after its surname ("the Varney family cemetery"); report memory reads the same words
FAMILY_PLACE_WORDS = "place|compound|cemetery|graveyard|land|farm|ranch|homestead|property|plot"
_FAMILY_PLACE_AFTER = re.compile(rf"[ \t]+(?:family|home)[ \t]+(?:{FAMILY_PLACE_WORDS}|residence|house|home)"
                                 r"(?![\w'’-])")
_TITLE_BEFORE = re.compile(r"\b(?i:mr|mrs|ms|dr|officer|ofc|deputy|dep|sgt|trooper|tpr|det|lt|capt)\.?"
                           r"[ \t]+$")
# a farm's or a sale's place after its owner's name, in lower case ("Vander Ploeg dairy", "hubbard
# ranch"), not a farm's hand or animals
_WORKING_PLACE_AFTER = re.compile(r"[ \t]+(?:dairy|feedlot|ranch|farm|orchard|vineyard|sale[ \t]+barn|pens|"
                                  r"gravel[ \t]+pit|lease|tower)(?![\w'’-]|[ \t]+(?:hands?|animals?|work|"
                                  r"workers?|trucks?|dogs?|kids?|boys?|girls?|life|equipment|manager|"
                                  r"owner)\b)")
_RANK_THEN_NAME_RANK = re.compile(r"(?<![\w'’-])([\p{L}.]+)[ \t]+(Major|MAJOR|Marshal|Judge)[ \t]+$")
# A given name of two joined syllables ("Hyun-woo", "Ji-yeon", "Wen-li"), cut in two or left
# beside the surname found alone.
_SYLLABLE_AFTER = re.compile(r"-\p{Ll}{2,4}(?![\w'’-])")
_JOINED_GIVEN_BEFORE = re.compile(rf"{JOINED_GIVEN}[ \t]+$")
_JOINED_GIVEN_END = re.compile(rf"{JOINED_GIVEN}$")
_SHORT_SURNAME_AFTER = re.compile(r"[ \t]+(\p{Lu}\p{Ll}{1,4})(?![\w'’-])")


def _joined_syllables(text: str, start: int, end: int) -> tuple[int, int]:
    from workstation.detect.census import surnames

    last = text[max(start, end - 5):end]
    if re.search(r"(?<![\w'’-])\p{Lu}\p{Ll}{0,3}$", last):
        m = _SYLLABLE_AFTER.match(text, end)
        if m:
            end = m.end()  # "Park Ji" + "-woo"
    m = _JOINED_GIVEN_BEFORE.search(text, max(0, start - 14), start)
    if m and text[start:start + 1].isupper():
        start = m.start()  # "Hyun-woo" + "Baek"
    if _JOINED_GIVEN_END.search(text, start, end):
        m = _SHORT_SURNAME_AFTER.match(text, end)
        if m and m.group(1).lower() in surnames():
            end = m.end()  # "Ji-yeon" + "Han"
    return start, end


# "van der Meer", "de la Cruz", "bin Laden": lower-case particles before a surname (some
# only lead others: "al", never right before the surname; some only come last: "der")
_LEADING_PARTICLES = "van von de del della da di du le la bin ibn al ter ten".split()
_LAST_PARTICLES = "van von de del della da di du le la bin ibn ter ten der den los".split()
_PARTICLE_WORDS = frozenset(_LEADING_PARTICLES) | frozenset(_LAST_PARTICLES)
_PARTICLES_BEFORE = re.compile(
    rf"(?<![\w'’.-])(?:(?:{'|'.join(_LEADING_PARTICLES)})[ \t]+)*(?:{'|'.join(_LAST_PARTICLES)})[ \t]+$"
)
# records write "Last, First M.": "ROSALES-YBARRA, JOSUE", "TALLCHIEF, W.", "Meer, Pieter"
_COMMA_GIVEN = re.compile(
    r",[ \t]*(?:(?P<i>\p{Lu}\.)(?:[ \t]*\p{Lu}\.)?|(?P<g>\p{Lu}\p{L}+(?:[-'’]\p{Lu}\p{L}+)?))(?![\w'’-])"
    # not a list going on: "Jones, Smith and Davis", "Hannah, Anthony, Derek"
    r"(?![ \t]*,[ \t]*\p{Lu}\p{Ll}|[ \t]+(?:and|&|or)[ \t]+)"
)


_NUMBER_NEXT = re.compile(r"[ \t]+\d")  # (a badge has its sign: "McGarrity, Sean #0771")


def _given_after_comma(lexicon: Lexicon, text: str, start: int, end: int) -> int:
    """A surname alone, then a comma and a given name or an initial: one name."""
    from workstation.detect.census import is_given_name
    from workstation.detect.gazetteer import places

    words = text[start:end].split()
    if len([w for w in words if w not in _PARTICLE_WORDS]) != 1 or not words[-1][:1].isupper() or (
            words[-1].lower() in places()):
        return end  # "Savannah, Ciarán": a town, then a person
    m = _COMMA_GIVEN.match(text, end)
    if m is None:
        return end
    given = m.group("g")
    if given is not None and (lexicon.is_stop(given) or not (
            is_given_name(given, wide=True) or lexicon.is_given_name(given)
            or not (lexicon.is_common(given) or given.lower() in places()))):
        return end  # "Lopez, Texas", "Smith, Then": a place or a word, no given name
    if given is not None and given.isupper() != text[start:end].isupper() and not (
            text[start:end].isupper() and len(text[start:end]) >= 3 and is_given_name(given, wide=True)):
        return end  # "Smith, KEVIN": two ways of writing, likely two things ("RAMIREZ, Luis" is one)
    if given is not None and given.lower() in places() and _NAME_GOES_ON.match(text, m.end()):
        return end  # "Okafor, Georgia State University Police": a name, then the agency
    if given is not None and _COUNTY_NEXT.match(text, m.end()):
        return end  # "Cantú-Leal, Zavala County": a name, then the county
    if given is not None and _NUMBER_NEXT.match(text, m.end()):
        return end  # "Dep. Ole Johnson, Marine 1": a name, then the unit
    grown = m.end()
    more = _SECOND_GIVEN.match(text, grown)
    if given is not None and more is not None and (
            more.group("g") is None or is_given_name(more.group("g"), wide=True)):
        grown = more.end()  # "RAMIREZ, Luis Fernando", "MORALES-QUINTERO, HECTOR A."
    return grown


_NAME_GOES_ON = re.compile(r"[ \t]+\p{Lu}\p{Ll}")
_COUNTY_NEXT = re.compile(r"[ \t]+(?i:county|parish|borough|township|city|co\.?|cnty|pd|so|sd)(?![\w'’])")
# a second given name or a middle initial after "Last, First"
_SECOND_GIVEN = re.compile(r"[ \t]+(?:(?P<g>\p{Lu}\p{L}+)(?![\w'’-])|\p{Lu}\.(?!\w))")


def known_agency_acronym(word: str) -> bool:
    """An agency's acronym, a federal agency's too ("HSI", "DEA"; not "ICE", the word)."""
    from workstation.detect.recognizers.agencies import FEDERAL

    return is_agency_acronym(word) or (word in FEDERAL and word != "ICE") or word in ("PMO", "DES")


def is_agency_acronym(word: str) -> bool:
    """"SPPD", "UHP": an agency before a call sign, not the call sign's prefix."""
    from workstation.detect.recognizers.kinds import AGENCY_ACRONYMS

    shaped = word.isupper() and len(word) >= 3 and word.endswith(("PD", "SO", "SD"))
    # a state's police or highway patrol: "NHSP", "CHP", "WSP"
    state_force = word.isupper() and ((len(word) == 3 and word.endswith(("HP", "SP"))) or (
        len(word) == 4 and word[:2] in state_codes() and word.endswith(("HP", "SP"))))
    return word in AGENCY_ACRONYMS or shaped or state_force


# Last words of Plains and Northern compound surnames written as separate words ("Tall
# Bull", "Spotted Elk", "Medicine Horse"): after a found name, the everyday word before
# one of them belongs to the name too.
_COMPOUND_TAILS = frozenset(
    """bull bear eagle elk horse horses wolf thunder cloud feather feathers hawk crow deer buffalo
    tail heart bird chief runner killer hand bow arrow shield robe lance dog fox owl eyes boy
    woman man child face hair knife pipe bonnet""".split()
)
_COMPOUND_HEADS = frozenset(
    """spotted tall little big red black white yellow two three four iron standing running sitting
    crazy lone young old medicine kills walking flying crow eagle bull many high good bad brave
    blue gray grey long short plenty afraid stands runs bear elk wolf fast swift morning""".split()
)
_NEXT_WORDS = re.compile(r"[ \t]+([^\W\d_]+)(?:[ \t]+([^\W\d_]+))?")


def _compound_tail(lexicon: Lexicon, text: str, start: int, end: int) -> int:
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return end
    first, second = m.group(1), m.group(2)
    same_case = first[:1].isupper() == text[start:start + 1].isupper()
    if second and second.lower() in _COMPOUND_TAILS and same_case and first.lower() in _COMPOUND_HEADS and (
            second[:1].isupper() == first[:1].isupper()):
        return m.end(2)  # "DWIGHT [SPOTTED ELK]"
    last = text[start:end].split()[-1]
    if first.lower() in _COMPOUND_TAILS and same_case and last.lower() in _COMPOUND_HEADS and (
            len(text[start:end].split()) > 1):
        return m.end(1)  # "RUSSELL TALL [BULL]"
    return end


_CAMPUS_AT = re.compile(r"[ \t]+(?:at|AT)[ \t]+")
_UNIVERSITY = re.compile(r"\b(?i:university|univ\.?|college)\b")


def _joined_places(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Two places joined by "and", "&" or "/" are one intersection; a university "at" its
    town is one campus ("University of Hawaii at Manoa", "UNC at Chapel Hill")."""
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    out: list[RawSpan] = []
    for a in ordered:
        if a.label != "LOCATION":
            continue
        # every span starting just after it ("Greenfield" is NER's person and the gazetteer's place)
        for b in ordered[bisect_right(starts, a.end):bisect_right(starts, a.end + 8)]:
            joined = _joined_pair(text, a, b)
            if joined is not None:
                out.append(joined)
    return out


def _joined_pair(text: str, a: RawSpan, b: RawSpan) -> RawSpan | None:
    """A place and the one after it as one, or None."""
    if b.label == "LOCATION" and _CAMPUS_AT.fullmatch(text, a.end, b.start) and _UNIVERSITY.search(
            text, a.start, a.end):
        return RawSpan(a.start, b.end, "LOCATION", min(a.score, b.score), a.recognizer)
    # "Elm St and 4th Ave"; after "the corner of", whatever the second was taken for
    corner = _CORNER.search(text, max(0, a.start - 30), a.start) is not None or text[a.start:a.end].lower(
    ).startswith(("the corner of", "corner of"))
    streets = _STREETISH.search(text, a.start, a.end) or _STREETISH.search(text, b.start, b.end) or (
        b.label == "LOCATION" and _STANDING_AT.search(text, max(0, a.start - 8), a.start)
        and _AND.fullmatch(text, a.end, b.start) and "," not in text[a.start:b.end]
        and len(text[a.start:b.end].split()) <= 5)
    if ((b.label == "LOCATION" and streets) or corner) and _CONNECTOR.fullmatch(text, a.end, b.start):
        return RawSpan(a.start, b.end, "LOCATION", min(a.score, b.score), a.recognizer)
    bound = _BOUND.fullmatch(text, a.end, b.start) or (
        _BOUND_END.search(text, a.start, a.end) and text[a.end:b.start] in (" ", "\t"))
    if b.label == "LOCATION" and bound and _MILE_OR_EXIT.match(text, b.start):
        return RawSpan(a.start, b.end, "LOCATION", min(a.score, b.score), a.recognizer)
    return None


# a road, its direction, then the mile or the exit: "I-75 NB MM 201", "Hutch SB Exit 9" (one place;
# the direction alone after a road stays apart: "I-5 NB")
_BOUND_WORD = rf"(?:{TRAVEL_DIRECTION}|nb|sb|eb|wb)"
_BOUND = re.compile(rf"[ \t]+{_BOUND_WORD}[ \t]+")
_BOUND_END = re.compile(rf"[ \t]{_BOUND_WORD}$")
_MILE_OR_EXIT = re.compile(MILE_OR_EXIT)


# a given name, then the quote that opens a nickname; the span runs from the nickname past its close
_GIVEN_BEFORE_NICKNAME = re.compile(r"(?<![\w'’])(\p{Lu}\p{Ll}+)[ \t]+[\"“]$")
_NICKNAME_CLOSED = re.compile(r"\p{Lu}[\p{L}'’.-]*[\"”][ \t]+\p{Lu}")


def _company_name_before(lexicon: Lexicon, text: str, start: int) -> int:
    """Where the name before a company's form starts: up to three capitalised words, no stop
    word ("TOWED BY [MIDWAY TOWING] LLC")."""
    for _ in range(3):
        m = _CAPITAL_WORD_BEFORE.search(text, max(0, start - 30), start)
        if m is None or lexicon.is_stop(m.group().rstrip(", \t")):
            break
        start = m.start()
    return start
