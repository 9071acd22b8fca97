"""Kinds of identifiers seen in dispatcher logs, CAD notes, court testimony and in
maritime, border, campus, airport and corrections settings (issue 19): apparatus and
letter call signs ("WATER 2", "Marine 3", "P-3"), vessels ("F/V Northern Dawn"), holidays
as days ("Christmas Eve"), agency acronyms beyond the federal ones ("RCMP", "USBP"),
tribal-nation agencies ("Pawnee Nation PD", "Rosebud Sioux Tribe Law Enforcement
Services"), a town before a Canadian province code ("Emerson, MB"), and names after the
cue words of CAD notes and lower-case posts ("RP KAHALE", "my partner anjali")."""

from __future__ import annotations

import regex as re

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, Refine, RegexRecognizer, Rx, alternation
from workstation.detect.recognizers.businesses import agency_union_local
from workstation.detect.recognizers.holiday_days import holiday_patterns
from workstation.detect.spans import CLOCK_STAMP
from workstation.detect.vocab import HYPHENATED_CALL_SIGN, PROVINCE_CODES, RANK_TITLES, WORDS_BEFORE_A_ROAD

# Apparatus and unit words a dispatcher puts before a number ("Engine 41", "WATER 2").
_APPARATUS = (
    "water", "marine", "harbor", "harbour", "boat", "medic", "medics", "engine", "ladder",
    "truck", "rescue", "squad", "beat", "air", "tower", "battalion", "ambulance", "tribal",
    "trooper", "patrol", "car", "unit", "wagon", "tanker", "brush", "copter", "helo",
    "chopper", "lifeguard", "ranger", "warden", "sam", "paul", "lincoln", "adam", "baker",
    "charlie", "david", "edward", "frank", "george", "henry", "king", "mary", "nora",
    "ocean", "robert", "victor", "william", "zebra",
    # fleet and operations call signs: "Ops 2", "RUN 914" (a train's run), "Van T-14", "Bus 7041"
    "ops", "run", "van", "bus", "train", "transport", "cruiser",
    # a motor officer's motorcycle, a road department's plow, a helicopter ("Eagle 1")
    "motor", "plow", "eagle",
)
_NOT_AFTER_NUMBER = (
    r"(?:min|mins|minutes?|hours?|hrs?|times|feet|ft|foot|yards?|yds|miles?|mi|people|guys|"
    r"men|women|kids|of|x|days?|weeks?|months?|years?|yrs?|seconds?|secs?|percent|%|"
    r"rounds?|shots?|doors?|blocks?|lbs?|pounds?|mph|am|pm)"
)
# Agency acronyms that are no English word (federal, state, provincial, tribal, Canadian).
# transit authorities and railroads, which run police of their own (and name stations and lines)
TRANSIT_ACRONYMS: tuple[str, ...] = (
    "MTA", "CTA", "MBTA", "SEPTA", "WMATA", "MARTA", "BART", "DART", "RTD", "LACMTA", "SFMTA",
    "NJT", "VTA", "TTC", "BNSF", "CSX", "UTA", "PATCO", "LIRR",
)
AGENCY_ACRONYMS: tuple[str, ...] = (
    "RCMP", "GRC", "OPP", "CBSA", "CSC", "USCG", "USBP", "USFWS", "FWC", "TPWD", "CDFW",
    "ODFW", "WDFW", "IDFG", "NDOW", "NYSP", "NJSP", "ISP", "UHP", "MHP", "NHP", "THP", "FHP",
    "AST", "BOP", "FBOP", "USPIS", "OIG", "FPS", "DNR", "GFP", "DWR", "NMSP", "AZDPS", "KHP",
    "OHP", "VSP", "WVSP", "SCHP", "GSP", "ALEA", "LSP", "MSHP", "CBP", "OFO", "AMR",
    "CDCR", "TDCJ", "ADOC", "IDOC", "NDOC", "FDC", "DOCCS", "UCPD", "UPD", "DPS",
    # public bodies a report hands a case to: child and adult protection, juvenile justice,
    # emergency management, the state's prisons, general services, workplace safety
    "CPS", "APS", "DCFS", "DJS", "DJJ", "OEM", "DOC", "GSA", "OSHA", "NRP", "KSP", "ADF&G", "EPA", "CSB",
    "TCEQ", "BAAQMD", "PHMSA", "MSHA", "DOGM", "AGFC",  # (the regulators of a plant, a mine, a hunt)
    # Canada's: Montréal's and Québec City's police, the border agency in French, Québec's and
    # Ontario's road regulators, Vancouver's, Winnipeg's and Halifax's police, Montréal's transit
    "SPVM", "SPVQ", "ASFC", "SAAQ", "MTO", "VPD", "WPS", "HRP", "STM", "NPPR", "OBN", "OTA", "OBNDD",
    # farm and road bodies a rural case is handed to: the USDA's inspectors, Vermont's road agency
    "USDA", "APHIS", "VTrans", "MassDOT", "PennDOT", "NYSDOT", "SBI", "GBI", "KBI", "OSBI", "FDLE",
    *TRANSIT_ACRONYMS,
)
_TRIBAL_BODY = r"(?:Nation|Tribe|Tribal|Band|Pueblo|Reservation|Rancheria|Indian\s+Community|Community)"
_TRIBAL_HEAD = (
    r"(?:PD|SO|Police(?:\s+(?:Department|Dept\.?|Services?))?|Law\s+Enforcement(?:\s+Services)?|"
    r"Rangers?|Public\s+Safety|Department\s+of\s+Public\s+Safety|Fish\s+and\s+Game|Conservation)"
)
US_STATES = (
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
)
_NAME_STATES = frozenset({"georgia", "virginia", "washington", "indiana", "carolina"})
_PROVINCES = (*(code for code in PROVINCE_CODES if code != "ON"), "PEI")  # ("on" is a word)
PROVINCE_NAMES = (
    "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Nova Scotia",
    "Ontario", "Quebec", "Québec", "Saskatchewan", "Yukon", "Nunavut", "Northwest Territories",
    "Prince Edward Island", "Labrador",
)
# a capitalised word that starts no name ("The Mexican Consulate", "Our Police Association")
_NOT_A_NAME_WORD = r"(?!(?i:the|a|an|our|his|her|their|my|your|from|with|and|of|for|to|by|at|in|on)\b)"
# one or two capitalised words after a preposition: "de Guatemala", "in Salt Lake"
_PROPER_WORDS = r"[ \t]+\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+)?"
_AGENCIA = r"(?:Polic[ií]a|POLIC[IÍ]A|Guardia|Negociado|Distrito|Comandancia|Cuerpo|Direcci[oó]n)"
_AGENCIA_KIND = (
    r"(?i:Municipal|Estatal|Nacional|Federal|Civil|Insular|Vial|Fronteriza|Ministerial|Preventiva|"
    r"de[ \t]+Tr[aá]nsito)"
)
_DE_PLACE = (
    r"[ \t]+(?:de|del|DE|DEL)(?:[ \t]+(?:la|los|las|LA))?[ \t]+\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+){0,2}"
)
# Cue words of CAD notes and records: the words after them are a person's name.
_SHORTHAND = frozenset(
    "states stated advised adv req requests reports reported called calling unk unknown male female "
    "states cb dob yoa yom yof wm bm hm wf bf hf amb ems fire veh susp subj vict rp inj id".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# Words every match of a pattern contains (any case): texts without them are not searched.
_NEEDS_REGION = (
    r"north|south|east|west|central|upstate|downstate"
)
_NEEDS_AIRPORT = (
    r"airport|terminal|concourse|gate|flight|tsa|jet|ramp|baggage|tarmac|departure|"
    r"arrival|curbside|checkpoint|airline|plane|runway"
)
_NEEDS_VESSEL = (
    r"/v|mv|fv|uscgc|usns|hmcs|ccgs"
)
_NEEDS_CARE = (
    r"\b(?:er|ed|icu|nicu|emergency|trauma|triage|nurses?|hospital|waiting|psych|psychiatric|ward|"
    r"admitted|discharged|surgery)\b"
)
_NEEDS_TRIBAL = (
    r"nation|tribe|tribal|band|pueblo|reservation|rancheria|community"
)
_NEEDS_LOWER_AGENCY = (
    r"guard|patrol|service|security|fish|troopers|state|dps|dot|dnr|wildlife|game"
)
_NEEDS_CITY_PROVINCE = (
    r",[ \t]*(?:ab|bc|mb|nb|nl|ns|nt|nu|pe|qc|sk|yt|alberta|british|manitoba|new|"
    r"newfoundland|nova|ontario|qu|saskatchewan|yukon|nunavut|northwest|prince|"
    r"labrador)"
)
_NEEDS_PROVINCE = (
    r"alberta|columbia|manitoba|brunswick|newfoundland|scotia|ontario|quebec|québec|saskatchewan|"
    r"yukon|nunavut|territories|prince|labrador"
)


def _names_after(lexicon: Lexicon, caps_only: bool):
    """Keep the run of words that are not ordinary words (at most three). With caps_only
    (text already recased: ordinary words are in lower case) only stop words and report
    shorthand end the run."""

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        last = None
        for count, m in enumerate(_WORD.finditer(text, start, end)):
            if count >= 3:
                break
            if last is not None and not re.fullmatch(r"[ \t]", text[last.end():m.start()]):
                break
            w = m.group()
            ordinary = lexicon.is_stop(re.split(r"['’]", w)[0]) or w.lower() in _SHORTHAND or (
                w.lower().endswith(("n't", "n’t"))) or (
                not caps_only and lexicon.is_common(w) and not lexicon.is_name(w))
            if ordinary or len(w) < 2:
                break
            last = m
        if last is None:
            return None
        return start, last.end()

    return refine


def _last_word_uncommon(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end].split()[-1]
        return None if lexicon.is_common(word) or lexicon.is_stop(word) else (start, end)

    return refine


_LOWER_FACILITY_HEADS = (
    r"mobile[ \t]+home[ \t]+park|mobile[ \t]+home[ \t]+court|trailer[ \t]+park|trailer[ \t]+court|"
    r"rv[ \t]+park|detention[ \t]+center|"
    "zoo|park|depot|middle|elementary|high|ranch|mall|plaza|hospital|stadium|arena|casino|marina|"
    "trailhead|campground|cemetery|library|academy|college|university|terminal|station|yard|pier|wilderness"
)
_LOWER_HEAD_AT_END = re.compile(rf"(?:{_LOWER_FACILITY_HEADS})$")


def _named_lower_facility(lexicon: Lexicon):
    """"kapiolani park", "honolulu zoo", "lincoln middle": a facility named in lower-case text
    by a word that is a place, a given name or no English word (not "gas station", "the
    high school", "smoke ranch"); the name keeps its head, as the corpora mark it."""

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        from workstation.detect.allow_list import GENERIC_WORDS
        from workstation.detect.census import is_given_name
        from workstation.detect.gazetteer import places

        head = _LOWER_HEAD_AT_END.search(text, start, end)
        words = [w.strip("'’") for w in text[start:head.start() if head else end].split()]
        while words and (lexicon.is_stop(words[0]) or words[0] in GENERIC_WORDS):
            start = text.index(" ", start) + 1
            words = words[1:]
        if not words or any(w in GENERIC_WORDS or lexicon.is_stop(w) for w in words):
            return None
        if not any(w in places() or is_given_name(w) or not lexicon.is_common(w) for w in words):
            return None
        return start, end

    return refine


def _words_before(before: str, lexicon: Lexicon | None = None):
    """Keep a match only with `before` right before it, and grow it over that (with a
    lexicon, not over leading stop words and verbs: "called Oglala Nation pd")."""
    rx = re.compile(rf"(?<![\w'’-]){before}$")

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        m = rx.search(text, max(0, start - 40), start)
        if m is None:
            return None
        new_start = m.start()
        if lexicon is not None:
            for w in _WORD.finditer(text, m.start(), start):
                word = w.group()
                verb = word.islower() and word.endswith(("ed", "ing")) and lexicon.is_common(word)
                if not (lexicon.is_stop(word) or verb):
                    break
                new_start = w.end() + 1
            if new_start >= start:
                return None
        return new_start, end

    return refine


_CARE_WORDS = re.compile(
    r"(?i:\b(?:er|ed|icu|nicu|emergency[ \t]+(?:room|department)|trauma|triage|nurses?|hospital|"
    r"waiting[ \t]+room|psych(?:iatric)?|ward|admitted|discharged|surgery)\b)"
)
NOT_CARE_ACRONYMS = frozenset(
    "ER ED ICU NICU OR EMS EMT CPR AED DOA DUI DWI ID PD SO SD FD DA US USA TV RN MD DR LT SGT "
    "OFC DEP CPL TPR APPROX HRS REF VEH SUSP SUBJ VICT RP".split()
)


def _hospital_acronym(text: str, start: int, end: int) -> tuple[int, int] | None:
    from workstation.detect.gazetteer import state_codes

    word = text[start:end]
    if word in NOT_CARE_ACRONYMS or word in AGENCY_ACRONYMS or word in state_codes() or word.endswith(
            ("PD", "SO", "SD")):
        return None
    if not _CARE_WORDS.search(text, max(0, start - 50), min(len(text), end + 50)):
        return None
    return start, end


def _after_prefix(refine):
    """Apply refine to the words after a vessel prefix ("M/V", "F/V"); keep the prefix."""

    def inner(text: str, start: int, end: int) -> tuple[int, int] | None:
        gap = text.index(" ", start) if " " in text[start:end] else end
        got = refine(text, gap + 1, end) if gap < end else None
        return None if got is None else (start, got[1])

    return inner


def _call_sign_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
    before = text[max(0, start - 14):start]
    if re.search(rf"(?i:\b(?:{WORDS_BEFORE_A_ROAD}|of))\s+$", before):
        return None  # "on M-28", "off K-10": a road
    return start, end


def _not_count(text: str, start: int, end: int) -> tuple[int, int] | None:
    if re.match(rf"[ \t]+{_NOT_AFTER_NUMBER}\b", text[end:end + 12], re.IGNORECASE):
        return None
    return start, end


def _province_refine(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        name = text[start:end].rsplit(",", 1)[0].split()
        if not name[-1][:1].isupper() or any(lexicon.is_stop(w) for w in name):
            return None
        return start, end

    return refine


# Head words of named places; after a preposition and without an article, the words
# before them are a name ("near sable river", "AT PINE HOLLOW MOBILE HOME PARK").
_PLACE_HEAD_WORDS = (
    "river", "creek", "brook", "lake", "pond", "bay", "beach", "park", "forest", "woods",
    "trail", "trailhead", "canyon", "ridge", "mountain", "mtn", "hill", "hills", "valley",
    "springs", "falls", "island", "harbor", "harbour", "marina", "campground", "reservoir",
    "dam", "bridge", "mall", "plaza", "hospital", "clinic", "academy", "college",
    "university", "church", "cemetery", "motel", "hotel", "inn", "apartments", "apts",
    "estates", "manor", "heights", "mhp", "nursing home", "mobile home park", "trailer park",
    "rv park", "airport", "stadium", "arena", "casino", "lodge", "ranch", "elementary",
    "middle school", "high school", "travel center", "truck stop", "rest area",
    "chapter house", "trading post", "flea market", "fairgrounds", "grounds", "zoo",
)
_GENERIC_MODIFIERS = frozenset(
    """gas bus train police fire parking rest truck city county state local public old new big
    little main nearby same other next last first second third back front north south east west
    upper lower dog skate water trailer mobile home mental private small large empty closed
    abandoned vacant nursing cell visiting emergency regional general""".split()
)
_ARTICLELESS = (
    r"\b(?i:at|near|in|on|to|from|by|off|behind|outside|inside|past|toward|towards|into|across|"
    r"along)[ \t]+(?!(?i:the|a|an|my|our|his|her|their|this|that|your|its|some|every|each)\b)"
    rf"(?P<x>(?i:(?:[\w'’.-]+[ \t]+){{1,3}}(?:{alternation(list(_PLACE_HEAD_WORDS))})))(?![\w'’-])"
)


def _articleless_refine(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        head_len = next(len(h.split()) for h in sorted(_PLACE_HEAD_WORDS, key=len, reverse=True)
                        if " ".join(words[-len(h.split()):]).lower() == h)
        modifiers = words[:-head_len]
        # "at city park", "to my dad's lake", "at night near the river": no name
        if not modifiers or modifiers[0].lower() in _GENERIC_MODIFIERS or any(
                lexicon.is_stop(w) or w.lower().rstrip(".") in RANK_TITLES for w in modifiers):
            return None  # (a rank: "thank Officer Kyung-soo Park" is the officer)
        return start, end

    return refine


# The busiest North American airports by IATA code (public codes), taken for places only
# near an airport word.
_AIRPORT_CODES = (
    "ATL", "LAX", "ORD", "DFW", "DEN", "JFK", "SFO", "SEA", "LAS", "MCO", "EWR", "CLT", "PHX",
    "IAH", "MIA", "BOS", "MSP", "FLL", "DTW", "PHL", "LGA", "BWI", "SLC", "SAN", "IAD", "DCA",
    "TPA", "MDW", "HNL", "PDX", "STL", "BNA", "AUS", "HOU", "OAK", "MSY", "RDU", "SJC", "SMF",
    "SNA", "DAL", "SAT", "RSW", "IND", "CLE", "PIT", "CMH", "MCI", "ANC", "ABQ", "OGG", "BUR",
    "ONT", "ELP", "TUS", "OKC", "OMA", "BOI", "GEG", "YYZ", "YVR", "YUL", "YYC", "YEG", "YOW",
)
_AIRPORT_CONTEXT = re.compile(
    r"(?i:airport|terminal|concourse|gate|flight|tsa|jet[ \t]?bridge|ramp|baggage|tarmac|departures?|"
    r"arrivals?|curbside|security[ \t]+checkpoint|airline|plane|runway)"
)


def _near_airport_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    near = text[max(0, start - 60):end + 60]
    return (start, end) if _AIRPORT_CONTEXT.search(near) else None


# an airfield's four-letter ICAO code ("Base: KBFI", "Lake Tahoe Airport (KTVL)", "PANC"), read
# near a word of flying; not an ordinary word typed in capitals ("KEEP", "KNEW")
_ICAO = r"(?<![\w'’/-])(?:K[A-Z]{3}|P[AH][A-Z]{2})(?![\w'’/-])"
_NEEDS_AVIATION = r"airport|airfield|field|base|heliport|helipad|runway|taxiway|tower|fbo|pilot|aircraft|" \
    r"helicopter|flight|landed|departed|hangar|tail|air[ \t]?\d|ramp|atc"
_AVIATION_CONTEXT = re.compile(rf"(?i:\b(?:{_NEEDS_AVIATION}))")


def _icao_code(lexicon: Lexicon) -> Refine:
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        if lexicon.is_common(text[start:end].lower()):
            return None
        near = text[max(0, start - 80):end + 80]
        return (start, end) if _AVIATION_CONTEXT.search(near) else None

    return refine


def kind_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer(
            "RegionPlaceRecognizer", "LOCATION",
            [
                # "eastern oregon", "upstate New York", "West Texas"
                Rx("state_region", rf"\b(?i:(?:north|south|east|west|central|upstate|downstate|northern|"
                   rf"southern|eastern|western|northeast|northwest|southeast|southwest)(?:ern)?[ \t]+"
                   rf"(?:{alternation(US_STATES)}))\b", 0.7, CS, needs=_NEEDS_REGION),
                # a state in a post typed in lower case: "from texas", "in oregon"
                Rx("state_lower", rf"(?<=\b(?i:in|from|to|near|outside|across|through|into|of|back)[ \t]+)"
                   rf"(?:{alternation([st for st in US_STATES if st not in _NAME_STATES])})\b", 0.6, CS),
                # CAD notes in capitals are recased ("lax"): matched in any case, near an airport word
                Rx("airport_code", rf"\b(?i:{alternation(_AIRPORT_CODES)})\b", 0.6, CS,
                   refine=_near_airport_word, needs=_NEEDS_AIRPORT),
                Rx("icao_code", _ICAO, 0.6, CS, refine=_icao_code(lexicon), needs=_NEEDS_AVIATION),
            ],
        ),
        RegexRecognizer(
            "NamedPlaceRecognizer", "LOCATION",
            [Rx("articleless_place", _ARTICLELESS, 0.5, CS, "x", refine=_articleless_refine(lexicon))],
        ),
        RegexRecognizer(
            "CallSignRecognizer", "UNIT_NUMBER",
            [
                # "WATER 2", "Marine 3", "Engine 41", "TROOPER 6-7": a capital first letter
                Rx("apparatus", rf"\b(?=[A-Z])(?i:{alternation(_APPARATUS)})[ \t]+#?(?:[A-Z]-?)?\d{{1,4}}"
                   r"(?:-\d{1,3}|[A-Z])?\b", 0.6, CS, refine=_not_count),
                # an aircraft's call sign in words: "Eagle Two", "AIR ONE", "Guardian Three"
                Rx("aircraft_in_words", r"\b(?:(?i:eagle|air|hawk|guardian|falcon|raven|chopper|copter|helo)"
                   r"(?<=\b\p{Lu}\w*)[ \t]+(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                   r"twelve)(?:[ \t-](?i:one|two|three|four|five|six|seven|eight|nine))?)(?![\w-])",
                   0.7, CS, needs="eagle|air|hawk|guardian|falcon|raven|chopper|copter|helo"),
                # "P-3", "S-12", "H-7", "T-41": a letter and a number, not a road
                Rx("letter_number", r"(?<![\w/-])[A-HJ-Z]-\d{1,3}[A-Z]?(?![\w-])", 0.55, CS,
                   refine=_call_sign_refine),
            ],
        ),
        RegexRecognizer(
            "FacilityKindRecognizer", "LOCATION",
            [
                Rx("vessel", r"\b(?:(?i:[fmsrp]/v)|MV|FV|USCGC|USNS|HMCS|CCGS)[ \t]+[\w'’-]+"
                   r"(?:[ \t]+[\w'’-]+){0,2}",
                   0.7, CS, refine=_after_prefix(_names_after(lexicon, caps_only=True)), needs=_NEEDS_VESSEL),
                # "22 mile marker", "mile 14"
                Rx("number_mile_marker", r"\b\d{1,4}(?:\.\d)?[ \t]+(?i:mile[ \t]*(?:marker|post)|mm)\b",
                   0.8, CS),
                # "gate N7", "lot P5", "pod C2": a letter-and-number place inside a facility
                Rx("facility_code", r"(?<=\b(?i:gate|lot|pier|berth|slip|dock|stall|concourse|hangar|pod|"
                   r"tier|cellblock|dorm|wing|tower|building|bldg)[ \t]+)[A-Z]{1,2}-?\d{1,3}[A-Z]?\b",
                   0.6, CS),
                # "72 Avenue", "1900 E Colfax": a numbered avenue, a number and a direction
                Rx("numbered_avenue", r"(?<=\b(?i:on|at|near|and|of|to|off|from|&)[ \t]+)\d{1,3}[ \t]+"
                   r"(?:Avenue|Street|Ave|St|Road|Rd)\b", 0.6, CS),
                Rx("lower_facility", rf"(?<![\w'’-])[a-z][a-z'’-]{{2,}}(?:[ \t]+[a-z][a-z'’-]{{2,}})?[ \t]+"
                   rf"(?:{_LOWER_FACILITY_HEADS})(?![\w'’-])", 0.5, CS,
                   refine=_named_lower_facility(lexicon), needs=rf"\b(?:{_LOWER_FACILITY_HEADS})\b"),
                Rx("number_direction_name", r"\b\d{2,5}[ \t]+[NSEWnsew]\.?[ \t]+[A-Z][a-z]{3,}\b", 0.55, CS,
                   refine=_last_word_uncommon(lexicon)),
                # "the wrong house number, 2219 Elm": a house number and a street name
                Rx("numbered_house", r"(?<=\b(?i:number|address|addr|residence|house)[,:]?[ \t]+)"
                   r"\d{2,6}[ \t]+[A-Z][a-z]{2,}\b", 0.6, CS),
                # "At UMC the ER charge nurse...": a hospital by its acronym, near a care word
                Rx("care_acronym_near", r"(?<=\b(?i:at|to|from|in|into|outside|inside)[ \t]+(?:the[ \t]+)?)"
                   r"[A-Z]{2,5}\b", 0.55, CS, refine=_hospital_acronym, needs=_NEEDS_CARE),
                # "C unit", "D facility", "B POD": a housing unit of a prison
                Rx("housing_unit",
                   r"\b[B-Hb-h][ \t-](?i:unit|pod|block|wing|yard|facility|dorm|tier|range)\b",
                   0.6, CS),
                # a numbered aid to navigation: "Buoy 24", "red nun 4", "green can 5", "channel marker 12"
                Rx("buoy", r"\b(?:(?i:red|green)[ \t]+(?i:nun|can|buoy|daymark|marker)|(?i:buoy|daymark)|"
                   r"(?i:channel[ \t]+marker))[ \t]+#?\d{1,3}[A-Z]?\b(?![-/.]\d)"
                   r"(?![ \t]+(?i:yards?|yds|feet|ft|foot|meters?|miles?|mi|nm)\b)", 0.6, CS,
                   needs="buoy|daymark|marker|red nun|red can|green nun|green can"),
                # a lake named "of the" something: "Lake of the Ozarks", "Lake of the Woods"
                Rx("lake_of_the", r"\bLake[ \t]+of[ \t]+the[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?",
                   0.7, CS, needs="lake of the"),
                # "tier 3", "CELL 14", "Concourse D", "housing unit 2": places inside a facility
                Rx("inside_facility", r"\b(?i:tier|cell|pod|dorm|cellblock|concourse|module|"
                   r"housing[ \t]+unit|living[ \t]+unit|cell[ \t]+block)[ \t]+#?"
                   r"(?:\d{1,3}[A-Z]?|[A-Z]\d{0,2})(?![\w-])", 0.6, CS),
            ],
        ),
        RegexRecognizer(
            "HolidayRecognizer", "DATE",
            # not a greeting: "Merry Christmas", "Happy New Year" name no day
            holiday_patterns(),
        ),
        RegexRecognizer(
            "KindAgencyRecognizer", "AGENCY",
            [
                # (an inmate's "DOC #388412" names the number's kind, no agency; French elides its
                # article before one: "l'ASFC", "d'OPP")
                Rx("agency_acronym", rf"(?:(?<![\w'’./-])|(?<=(?<!\w)[LlDd]['’]))"
                                     rf"(?:{alternation(AGENCY_ACRONYMS)})(?![\w'’/-])"
                                     r"(?!(?<=DOC)[ \t]*(?:#|No\.|number))", 0.7, CS),
                # unions and police associations by their lodge or local: "FOP Lodge 73",
                # "Teamsters Local 700", "AFSCME Local 2250"
                Rx("lodge", r"\b(?:FOP|F\.O\.P\.|Fraternal[ \t]+Order[ \t]+of[ \t]+Police|PBA|POA)[ \t]+"
                   r"(?:(?:Lodge|LODGE)[ \t]+)?(?:No\.[ \t]*|NO\.[ \t]*|#[ \t]*)?\d{1,4}(?![\w-])", 0.8, CS),
                # a police union or association by its name: "Fargo Police Officers Association",
                # "Jefferson Parish Deputy Sheriffs' Association", "SUFFOLK COUNTY POLICE
                # BENEVOLENT ASSOCIATION" (not "The"; a club's association is a place)
                Rx("police_association", rf"(?<![\w'’-])(?:{_NOT_A_NAME_WORD}\p{{Lu}}[\w'’.-]*[ \t]+){{0,3}}"
                   r"(?i:(?:deputy[ \t]+|state[ \t]+)?(?:sheriffs?|police(?:[ \t]+(?:officers?|patrolmen|"
                   r"supervisors|sergeants|lieutenants|captains))?|peace[ \t]+officers?|troopers?|patrolmen|"
                   r"deputies|correctional[ \t]+officers?|conservation[ \t]+officers?|"
                   r"chiefs[ \t]+of[ \t]+police)"
                   r"['’]?s?['’]?[ \t]+(?:benevolent[ \t]+)?association)(?![\w'’])", 0.85, CS,
                   needs="association"),
                # a foreign consulate: "Consulado General de Guatemala en Phoenix", "Consulate General of
                # Mexico in Houston", "the Mexican Consulate"
                Rx("consulate", rf"\b(?:Consulado(?:[ \t]+General)?[ \t]+del?{_PROPER_WORDS}"
                   rf"(?:[ \t]+en{_PROPER_WORDS})?|"
                   rf"Consulate(?:[ \t]+General)?[ \t]+of(?:[ \t]+the)?{_PROPER_WORDS}"
                   rf"(?:[ \t]+in{_PROPER_WORDS})?|"
                   rf"{_NOT_A_NAME_WORD}\p{{Lu}}\p{{Ll}}+[ \t]+(?:Consulate|Embassy|Consulado|Embajada))"
                   r"(?![\w'’])",
                   0.85, CS, needs="consula|embass|embaja"),
                # transit operators named as words ("a TriMet bus", "NJ transit", "VALLEY METRO RAIL";
                # those known by their letters are among TRANSIT_ACRONYMS)
                Rx("transit_operator", r"\b(?:(?i:trimet|valley[ \t]+metro|nj[ \t]+transit|"
                   r"sound[ \t]+transit|ac[ \t]+transit|king[ \t]+county[ \t]+metro|capmetro|metro-north)|"
                   r"Metra|METRA|TheBus)(?![\w'’-])", 0.75, CS, needs="trimet|metro|transit|thebus"),
                # (a trade union's local is a LOCATION, businesses.py, unless officers are its members)
                Rx("union_local", r"\b(?:[A-Z]{3,8}|\p{Lu}\p{Ll}{3,})[ \t]+Local[ \t]+"
                   r"(?:No\.[ \t]*|#[ \t]*)?\d{1,5}(?![\w-])", 0.75, CS, needs="local",
                   refine=agency_union_local),
                # in Spanish: "Policía de Puerto Rico", "Policía Municipal de Carolina",
                # "Guardia Nacional", "Distrito de Ponce" (a head alone names no one)
                Rx("agencia", rf"\b{_AGENCIA}(?:[ \t]+{_AGENCIA_KIND}(?:{_DE_PLACE})?|{_DE_PLACE})", 0.9, CS,
                   needs="polic|guardia|negociado|distrito|comandancia|cuerpo|direcci"),
                Rx("tribal_agency", rf"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){{1,3}}{_TRIBAL_BODY}[ \t]+"
                   rf"(?:of[ \t]+[A-Z][\w'’-]*[ \t]+)?{_TRIBAL_HEAD}(?![\w'’])", 0.85, CS,
                   needs=_NEEDS_TRIBAL),
                # found from its body word, then grown back over one or two words
                Rx("tribal_agency_ci", rf"\b(?i:{_TRIBAL_BODY}[ \t]+{_TRIBAL_HEAD})(?![\w'’])", 0.75, CS,
                   refine=_words_before(r"(?i:(?:[a-z][\w'’-]*[ \t]+){1,2})", lexicon), needs=_NEEDS_TRIBAL),
                Rx("agency_lower", r"\b(?i:coast[ \t]+guard|border[ \t]+patrol|secret[ \t]+service|"
                   r"park[ \t]+service|forest[ \t]+service|(?:u\.?s\.?[ \t]+)?marshals?[ \t]+service|"
                   r"homeland[ \t]+security|fish[ \t]+and[ \t]+(?:game|wildlife))\b",
                   0.7, CS, needs=_NEEDS_LOWER_AGENCY),
                # "idaho state police": found from its head, then grown back over the state
                Rx("state_agency_lower", r"\b(?i:state[ \t]+police|state[ \t]+patrol|highway[ \t]+patrol|"
                   r"state[ \t]+troopers|dps|dot|dnr|game[ \t]+and[ \t]+fish|fish[ \t]+and[ \t]+game|"
                   r"wildlife)\b", 0.7, CS, refine=_words_before(rf"(?i:{alternation(US_STATES)})[ \t]+"),
                   needs=_NEEDS_LOWER_AGENCY),
                Rx("state_dnr", r"\b(?i:(?:[a-z]{2}|michigan|minnesota|wisconsin|iowa|indiana|ohio|"
                   r"missouri|maryland|georgia|south\s+carolina|north\s+carolina|illinois)[ \t]+dnr)\b",
                   0.75, CS, needs="dnr"),
            ],
        ),
        RegexRecognizer(
            "ProvinceRecognizer", "LOCATION",
            [
                Rx("city_province", rf"(?<![\w'’-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?,[ \t]*"
                   rf"(?:{alternation(_PROVINCES)}|{alternation(PROVINCE_NAMES)})(?![\w'’-])", 0.8, CS,
                   refine=_province_refine(lexicon), needs=_NEEDS_CITY_PROVINCE),
                Rx("province", rf"(?<![\w'’-])(?:{alternation(PROVINCE_NAMES)})(?![\w'’-])", 0.8, CS,
                   needs=_NEEDS_PROVINCE),
            ],
        ),
        RegexRecognizer(
            "NumberCueRecognizer", "ID",
            [
                # "DOC# A-551902", "Warrant #W24-00981", "INC#240615-0087": after a number sign,
                # the whole token with its letters (at least three digits in it)
                Rx("after_number_sign", r"(?<=#[ \t]?)(?=[\w-]*\d[\w-]*\d[\w-]*\d)[A-Za-z0-9][\w-]{2,24}"
                   r"(?<![-_])(?![\w-])", 0.8, CS, needs="#"),
                # apparatus and beats as call signs: "bus 42", "CTA bus #7712", "Beat 624", "Medic 7"
                # (a bike or a patrol car by its number, a chief by his: "bike B-7", "patrol 2271", "BC 401",
                # "District Chief 2")
                Rx("apparatus", r"\b(?<!(?i:highway|state)[ \t])(?i:bus|beat|medic|engine|ladder|rescue|"
                   r"ambulance|amb|train|flight|van|wagon|shuttle|trailer|boat|truck|rmp|scout|bike|patrol|bc|"
                   r"marine|harbor|motor|plow|"
                   r"(?:battalion|district|division)[ \t]+chief)"
                   r"[ \t]*#?[ \t]*(?:\d{1,2}-\d{1,3}|\d{1,5}[A-Za-z]?|[A-Z]-\d{1,3})(?![\w-])"
                   r"(?![ \t]+(?i:stops?|blocks?|times|miles?|minutes?|mins?|hours?|hrs|days?|nights?|weeks?|"
                   r"months?|years?|shifts?|feet|ft|yards|people|kids|passengers|seats|rows|more|others|cars|"
                   r"officers|deputies|units|of)\b)",
                   0.6, CS, needs=r"\b(?:bus|beat|medic|engine|ladder|rescue|amb|train|flight|van|wagon|"
                   r"shuttle|trailer|boat|truck|rmp|scout|bike|patrol|bc|chief|marine|harbor|motor|plow)"),
                # a bus's coach, a boat, a fleet vehicle or a trailer by its number, the word left out:
                # "coach 2214", "FWC vessel 418", "PATROL VEH 2217", "Trailer LYN 5520", "Wrecker 6", "cart
                # #44" (three digits at least: "VEH 2" is a crash report's second vehicle; "VEH 2019 CHEV"
                # its year)
                Rx("fleet_number", r"\b(?:(?i:coach|vessel|veh)(?:[ \t]+(?i:number|no\.?))?[ \t]{0,3}"
                   r"#?[ \t]{0,2}(?P<n>(?!(?:19|20)\d\d\b)\d{3,5})|"
                   r"(?i:trailer)[ \t]{0,3}#?[ \t]{0,2}(?P<n>(?:[A-Z]{2,4}[ \t-]?)?\d{3,5})|"
                   r"(?i:tractor)[ \t]{0,3}#?[ \t]{0,2}(?P<n>\d{2,5})|"
                   r"(?i:wrecker)[ \t]{0,3}#?[ \t]{0,2}(?P<n>\d{1,5})|"
                   r"(?i:cart)[ \t]{0,3}#?[ \t]{0,2}(?P<n>\d{1,4}))(?![\w-])"
                   r"(?![ \t]+(?i:feet|ft|lbs?|pounds|miles?|gallons?)\b)",
                   0.6, CS, "n", needs=r"(?i:coach|vessel|veh|trailer|tractor|wrecker|cart)"),
                # a unit's hyphenated call sign before its officer: "2-31 Ofc. Dabrowski", "8-25 (ofc
                # Conyers)" (not a 10-code: "10-4 Ofc")
                Rx("call_sign_before_officer", rf"(?<![\w/.:-]){HYPHENATED_CALL_SIGN}"
                   r"(?=[ \t]*(?:\(|--?|—)?[ \t]*"
                   r"(?i:ofc|officer|dep|deputy|tpr|trooper|sgt|cpl|p\.o\.|po|det)\b)",
                   0.6, CS, needs=r"\d-\d"),
                # a flight by its airline's code: "flight MA 417", "Flight DL1178" (the word stays out)
                Rx("flight_number", r"(?<=\b(?i:flight)[ \t]+#?)(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])[ \t]?\d{1,4}"
                   r"(?![\w-])", 0.7, CS, needs=r"(?i:flight)"),
                # a CAD log's unit after the time: "0009 GF12 ON SCENE", "0014 GF12 ADV ..."
                Rx("cad_log_unit", rf"(?<=(?:^|\n)[ \t]*(?:\d{{4}}|{CLOCK_STAMP})[ \t]+)"
                   r"[A-Z]{1,3}-?\d{1,3}[A-Z]?(?=[ \t]+(?:ON|ENRT|EN|ADV|ADVD|REQ|REQS|CLR|CLRD|ARR|ARRD|OS|"
                   r"AT|RESP|RESPG|10-\d{1,2}|CODE|CANC|DISP|TX|TRANSP|OOS|INS|AVAIL|BUSY)\b)", 0.6, CS),
                # a patrol's call sign, a word and a number: "MP patrol Hawk 21 responded"
                Rx("named_call_sign", r"(?<=\b(?i:patrol|call[ \t]?sign|callsign)[ \t]{1,3})"
                   r"\p{Lu}(?:\p{Ll}+|\p{Lu}+)[ \t-]\d{1,3}(?:-\d{1,2})?(?![\w-])", 0.6, CS,
                   needs="patrol|call"),
                # the numbers of fleet and insurance paperwork after their word: "fleet 21877", "NAIC
                # 40417", "Invoice 20418", "RO 55821", "claim number 2291-447", "W.O. 4471"
                # ("per policy 1740" is a directive: a policy's or an account's number needs its word)
                Rx("paperwork_number", r"(?<=\b(?:(?i:fleet|naic|invoice|inv\.|estimate|ro|r\.o\.|"
                   r"work[ \t]+order|w\.o\.|stock|claim|receipt)(?:[ \t]+(?i:no\.?|number|nbr|#))?|"
                   r"(?i:policy|account|acct)[ \t]*(?i:no\.?|number|nbr|#))"
                   r"[ \t]*[:#]?[ \t]*)\d[\d-]{2,14}\d(?![\w-])", 0.65, CS,
                   needs=r"(?i:fleet|naic|inv|estimate|ro\b|r\.o|order|w\.o|stock|claim|policy|acc|receipt)"),
                # a trailer's, a motor carrier's or a Spanish-speaking unit's number:
                # "TRL 4471", "USDOT 2881044", "MC-118204", "Unidad 2318", "patrulla 14"
                # ("unidad 2-118": a Spanish-speaking unit's number in two parts too, no "10-8")
                Rx("carrier_number", r"\b(?:TRL|TRLR|USDOT|US[ \t]DOT|MC)[ \t]*[#-]?[ \t]*\d{2,8}(?![\w-])|"
                   r"\b(?i:unidad|patrulla|carro)[ \t]*[#-]?[ \t]*(?:(?!1[01]-)\d{1,2}-\d{1,4}|\d{2,8})"
                   r"(?![\w-])",
                   0.7, CS),
                # an aircraft's registration: "tail N618RK", "Tail number C-GKRQ"; an FAA
                # N-number anywhere in a text about aircraft
                # (the look-behind's spaces are bounded: unbounded, a run of spaces took seconds)
                Rx("tail_number", r"(?<=\b(?i:tail|tail[ \t]{1,3}(?:number|no\.?|#))"
                   r"[ \t]{0,3}[:#]?[ \t]{0,3})"
                   r"(?:N[1-9][0-9A-Z]{1,5}|[A-Z]{1,2}-[A-Z0-9]{3,5})(?![\w-])", 0.8, CS, needs=r"\btail"),
                Rx("n_number", r"(?<![\w-])N[1-9]\d{0,4}[A-HJ-NP-Z]{0,2}(?![\w-])", 0.6, CS,
                   refine=lambda t, s, e: (s, e) if e - s >= 4 else None,
                   needs=r"\b(?:aircraft|plane|helicopter|jet|cessna|piper|faa|airport|runway|tail|pilot)"),
                # federal dockets: "3:24-cr-00118", "1:23-CV-4471"
                Rx("docket", r"(?<![\w:])\d{1,2}:\d{2}-(?i:cr|cv|mj|mc|po|sw|bk)-\d{3,6}(?:-[A-Za-z]{1,4})?"
                   r"(?![\w-])", 0.85, CS, needs=":"),
            ],
        ),
    ]
