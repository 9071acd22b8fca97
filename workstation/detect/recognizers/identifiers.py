"""Numbers and codes that point at one officer, vehicle or incident: badge and employee
numbers, unit and radio call signs, case / incident / call-for-service numbers, ORIs,
licence plates, VINs, driver's licence numbers. The span is the code itself; the cue
word ("badge", "case") stays outside it, except for call signs ("Unit 2A14")."""

from __future__ import annotations

import regex as re

from workstation.detect.allow_list import allowed_regions, inside
from workstation.detect.gazetteer import state_codes
from workstation.detect.plate_state import SPLIT_PLATE
from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx
from workstation.detect.recognizers.handles import FILE_NAME
from workstation.detect.recognizers.labelled_numbers import labelled_number_patterns
from workstation.detect.vocab import HYPHENATED_CALL_SIGN, PLATE_TERRITORIES, RANKS_BEFORE_A_NAME

# A code: at least one digit, letters/digits/dashes, not a plain word.
_CODE = r"(?:[A-Za-z]{0,4}[-#]?\d[\w-]*(?<=\w))"
# (over a line's end only after a colon or a sign: "LOG\n0605 staging" is a log's time)
_NO = (r"(?:[ \t]*/?[ \t]*(?:(?:number|num|no\.?|nbr|id)\b\.?|#))?(?:[ \t]+(?:is|was|of))?"
       r"(?:[ \t]*[:#=][ \t]*\n?[ \t]*#?|[ \t]*#?)[ \t]*")

_BADGE_CUES = (
    r"badge|shield|star|employee|emp\.?|serial|payroll|personnel|officer\s+id|"
    r"id\s+card|p\s*number|pin|placa|matricule|regimental\s+(?:number|no\.?)"
)
_CASE_CUES = (
    r"case|incident|report|cfs|call(?:\s+for\s+service)?|event|complaint|file|booking|"
    r"inmate|jail|warrant|citation|ticket|docket|cad|rms|dr|ir|ccn|log|tracking|control|"
    r"arrest|offense|offence|reference|ref|occurrence|item|evidence|property|tag|"
    # documents numbered by year: "SAFETY BULLETIN 25-17", "General Order 2024-03"
    r"bulletin|memo|memorandum|directive|order|advisory|"
    # a trail groomer, a utility's pole or meter, a board's motion, a chain's store, by their numbers:
    # "groomer G-4", "pole 7731-22", "meter MX 204417", "MOTION NO.: 24-37", "Store #: 0418", "tienda
    # 3317" (not a sled's number, as often a count, nor "the meter 3 ft away")
    r"groomer|pole(?![ \t]+\d{1,2}\b)|meter(?![ \t]+\d{1,3}\b)|motion(?![ \t]+\d{1,2}\b(?!-))|"
    r"tienda|store(?=[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t]*#?[ \t]*\d{3})"
    r"(?![ \t]+\d+[ \t]+(?i:yards?|feet|ft|miles?|blocks?)\b)|"
    # record numbers by their abbreviation: a gun's serial, a person's SPN, SID or NCIC number
    r"sn|s/n|spn|sid|oca|nic|ncic|bkg|"
    # a licence or certificate by its register's acronym: a court reporter's CSR, an officer's DPSST
    r"csr|ccr|rmr|rpr|dpsst|poset|post\s+cert(?:ificate)?|certificate|cert"
)
_UNIT_CUES = (
    r"unit|car|radio|call\s*sign|callsign|patrol\s+car|squad(?:\s+car)?|beat|element|"
    r"cruiser|vehicle|truck|medic|engine|ladder|rescue|k-?9|zone|sector|district|post|shop|rmp|scout|"
    # the units of mounted, motor, marine, air and transit patrols: "Motor 14", "Mounted 1"
    r"(?-i:Motor|MOTOR|Mounted|MOUNTED|Tram|TRAM|Fireboat|FIREBOAT|Helo|HELO|Bike|BIKE|Bomb|BOMB|Airport|"
    r"AIRPORT|Bus|BUS|Van|VAN|Trailer|TRAILER|Air|AIR|Marine|MARINE|Boat|BOAT|"
    r"Mobile(?=[ \t]\d{1,2}\b(?!-))|MOBILE(?=[ \t]\d{1,2}\b(?!-))|"
    # police helicopters by their name: "Eagle 1", "Polair 4"
    r"Eagle|EAGLE|Falcon|FALCON|Polair|POLAIR|Hawk|HAWK|"
    # wildland and rescue resources, air ambulances: "Crew 7", "Dozer 2", "Tender 31", "Air Attack 490",
    # "HazMat 1", "Med 11", "Boat Team 3", "LifeFlight 2", "Flight For Life 3", "Air Methods 5"
    # (a crew in lower case, not "a road crew 2 miles north")
    r"Crew|CREW|crew(?![ \t]+\d+[ \t]+(?:miles?|mi|hours?|hrs?|minutes?|min|feet|ft|yards?|blocks?|men)\b)|"
    r"Dozer|DOZER|Tender|TENDER|Tanker|TANKER|Brush|BRUSH|HazMat|Hazmat|HAZMAT|Med|MED|"
    r"Copter|COPTER|Air[ \t]Attack|AIR[ \t]ATTACK|Boat[ \t]T(?:ea)?m|BOAT[ \t]T(?:EA)?M|"
    r"(?:Life|Care|Mercy|Survival|Angel)[ \t]?(?:Flight|FLIGHT)|Flight[ \t]For[ \t]Life|CALSTAR|"
    r"Air[ \t](?:Methods|Evac|Med))"
)
# a unit's word and its number, nothing else ("Helo 17", "Crew 7"): a unit, never a street
UNIT_AND_NUMBER = re.compile(rf"(?i:{_UNIT_CUES})[ \t]*#?[ \t]*\d{{1,4}}[A-Za-z]?")
# Phonetic alphabets (APCO and NATO) used in call signs: "Adam-12", "Lincoln 21".
PHONETIC = (
    "Adam Boy Baker Charles Charlie David Edward Frank George Henry Ida John King Lincoln "
    "Mary Nora Ocean Paul Queen Robert Sam Tom Union Victor William Young Zebra Alpha "
    "Bravo Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November Oscar Papa "
    "Quebec Romeo Sierra Tango Uniform Whiskey Xray X-ray Yankee Zulu Edward Ocean Nancy "
    "Easy Able Dog Fox How Item Jig Love Nan Oboe Peter Queen Roger Sugar Uncle Victor "
    "William Yoke Zed Sam Tom Henry Ida"
).split()
# the phonetic words as one alternation, longest first (shapes.py reads it too)
PHONETIC_WORDS = "|".join(sorted(set(PHONETIC), key=len, reverse=True))
_PHON = PHONETIC_WORDS


def _state_code_alternation() -> str:
    return "|".join(sorted(state_codes()))


# an ORI after its state's code: a county's three digits, then the agency's four digits or letters
ORI_AFTER_STATE = r"[0-9]{3}[0-9A-Z]{4}"


def _state_ori() -> str:
    return rf"\b(?:{_state_code_alternation()}){ORI_AFTER_STATE}\b"


_ALLOWED_CODE = re.compile(
    r"^(?:(?:10|11)-\d{1,3}|[A-Z]{1,2}-?\d{1,3}[A-Z]?|\d{1,3}(?:mm|cal|gauge)|\d{4}|"
    r"(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)|\d+(?:am|pm|hrs?|mph|ft|lbs?|yo|yrs?|s)|\d{1,3}k)$",  # ("10K")
    re.IGNORECASE,
)


_BOAT_CUE = re.compile(r"(?i:reg|registration|hull|boat)\W{0,8}(?:was|is|#|:)?\W{0,3}$")
_NOT_BOAT_ENDS = frozenset("HR HRS AM PM PT ST MM MI KM FT LB".split())


def _boat_ok(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"ON 0315 HRS", "AT 1600 PM": a time, no boat; lower case only after "reg"."""
    parts = re.split(r"[ -]", text[start:end])
    if parts[-1].upper() in _NOT_BOAT_ENDS or parts[0].upper() in ("ON", "AT", "BY", "IN", "TO", "OF", "AS"):
        return None
    if text[start:end].islower() and not _BOAT_CUE.search(text, max(0, start - 24), start):
        return None
    return start, end


_ACCESS_NAMED = re.compile(r"(?i:(?:gate|door|access|alarm|entry|keypad|lockbox|garage|building)[ \t]+code|"
                           r"\bfob)\b[ \t:,#]*(?:(?i:is|was|no\.?|number)[ \t]*)?[:#]?[ \t]*$")


def _an_access_code(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The code named as a gate's or a door's, a fob's number, or a keypad's "*" or "#" typed
    with it ("gate, *4471"); not a gate's number ("Gate 114") nor a law's ("penal code 415")."""
    typed = text[start] in "*#" or text[end - 1] in "*#"
    return (start, end) if typed or _ACCESS_NAMED.search(text, max(0, start - 30), start) else None


def _code_ok(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Reject a bare code that is a radio code, a weapon or vehicle model, a year..."""
    fragment = text[start:end]
    if inside(allowed_regions(text[max(0, start - 12) : end + 12]), start - max(0, start - 12),
              end - max(0, start - 12)):
        return None
    if _ALLOWED_CODE.match(fragment):
        return None
    return start, end


# what was seen of a plate: "plate ending 4418" is part of one, no time or year
_SEEN_OF_A_PLATE = r"(?:ending|ended|ends|starting|starts|beginning|begins)(?:\s+(?:in|with))?"
_PART_OF_A_PLATE_BEFORE = re.compile(
    rf"(?i:\b{_SEEN_OF_A_PLATE}|"
    r"\bpartial(?:ly)?(?:\s+(?:plate|tag))?)\s*[:#]?\s*$")


def _plate_code_ok(text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[start:end].isalnum() and _PART_OF_A_PLATE_BEFORE.search(text, max(0, start - 24), start):
        return start, end  # ("plate ending 4418", "tag starting with 7K")
    return _code_ok(text, start, end)


_PLATE_WORD_BEFORE = re.compile(r"(?i:plate|tag)\b[^\n]{0,16}$")
_AFTER_A_COMMA = re.compile(r"[,:][ \t]*(?:[A-Za-z]{2}[ \t]+)?$")  # "got a partial, co BXV"


def _partial_plate(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Letters alone only after "plate" or "tag" ("partial tag BXV"); a digit otherwise ("partial CV4")."""
    if not any(c.isdigit() for c in text[start:end]) and not _PLATE_WORD_BEFORE.search(
            text, max(0, start - 24), start) and not _AFTER_A_COMMA.search(text, max(0, start - 8), start):
        return None
    return _not_radio_code(text, start, end)


# (and things numbered like them: "Carts 12, 14 and 22", "Bibs 5127 and 5128")
_VEHICLES = "car|unit|medic|engine|squad|truck|cart|bib|pole"
_NUM = r"\d{1,4}[A-Z]?"
_NUM_END = r"(?![\w:./-])"
_COMMA = r"[ \t]*,[ \t]*"
_AND = r"[ \t]+(?:and|&|or)[ \t]+"
_LISTED_NUMBERS = r"\d[ \t]*(?:,|and|&|or)[ \t]+\d"


def _not_radio_code(text: str, start: int, end: int) -> tuple[int, int] | None:
    fragment = text[start:end]
    if re.fullmatch(r"(?:10|11)-\d{1,2}|911", fragment) or (
            re.fullmatch(r"(?:10|11)-\d{3}", fragment) and not text[:start].rstrip(" \t").endswith("#")):
        return None  # radio codes ("10-50", "11-550"); "call 911" is the emergency number; "#11-207" a badge
    if _TIME_AWAY_AFTER.match(text, end):
        return None  # "the nearest ESS unit 40 minutes away": how far the unit is, no unit's number
    return start, end


# how far a unit is, after its number: "unit 40 minutes away", "K9 unit 35 minutes out"
TIME_AWAY = (r"[ \t]+(?i:minutes?|mins?|hours?|hrs?|miles?)[ \t]+"
             r"(?i:away|out|later|behind|ahead|off|back|ago|earlier)\b")
_TIME_AWAY_AFTER = re.compile(TIME_AWAY)


# words of a log after a unit: "GF12 ON SCENE", "KX7 CLR"
_LOG_WORDS = "ON|IN|AT|TO|OF|OR|AND|THE|BY|UP|NO|IS|WAS|FOR|OFF|OUT|CLR|REQ|ADV|ARR|ENRT|RESP"


# an officer's call sign after the name, at the end of the line or the clause: "Ranger Shelby
# Ogle-Whaley, Smokies 218, 865-555-0104", "Park Ranger (LE) T. Achterhof, Yosemite 4-17",
# "LEO Mateo Oyelaran, LEO 512" (not a date, a room or a road: "Officer Pike, March 12")
_CALL_SIGN_AFTER_OFFICER = (
    rf"(?<=\b(?i:{'|'.join(RANKS_BEFORE_A_NAME)}|leo)\.?[ \t]+(?:\([A-Z]{{2,3}}\)[ \t]+)?"
    r"(?:\p{Lu}[\w.'’-]*[ \t]+){0,3}\p{Lu}[\w'’-]+,[ \t])"
    r"(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|age|room|rm|"
    r"apt|suite|ste|lot|page|exhibit|item|box|gate|dock|pier|bay|track|platform|floor|level|bldg|"
    r"building|route|rte|highway|hwy|exit|interstate|mile|badge|star|shield|unit|car|class|grade|"
    r"ward|precinct|district|zone|sector|beat|post|troop|region|area|section|part|line|channel|ch|"
    r"tac|shift|team|squad|ext|extension|no|number|count|step|tab|figure|photo|case|phase|stage|round|"
    r"block|module|week|day|year|hour|lesson|scenario|chapter|vol|volume)[a-z]*\b)"
    r"(?:\p{Lu}\p{Ll}{2,}|\p{Lu}{2,5})[ \t]\d{1,3}(?:-\d{1,3})?(?=[ \t]*(?:[,;)\n]|$))"
)

# ... or a hyphenated one right after the name: "TPR J. KOWALCZYK 7-21", "Ofc. Dana Reyes 4-12" (not
# a 10-code: "Ofc. Lee 10-8")
_HYPHENATED_AFTER_OFFICER = (
    rf"(?<=\b(?i:{'|'.join(RANKS_BEFORE_A_NAME)})\.?[ \t]+(?:\p{{Lu}}[\w.'’-]*[ \t]+){{0,3}}"
    rf"\p{{Lu}}[\w'’-]+[ \t]+){HYPHENATED_CALL_SIGN}"
)


_YEAR_OR_TIME = re.compile(r"(?:19|20)\d\d|(?:[01]\d|2[0-3])[0-5]\d")


def _not_years_nor_times(text: str, start: int, end: int) -> tuple[int, int] | None:
    groups = text[start:end].split()
    return None if all(_YEAR_OR_TIME.fullmatch(g) for g in groups) else (start, end)


def id_recognizers() -> list[RegexRecognizer]:
    badge = RegexRecognizer(
        "BadgeNumberRecognizer", "BADGE_NUMBER",
        # (a number read digit by digit: "badge 6 6 1 2")
        [Rx("badge_number",
            rf"\b(?:{_BADGE_CUES}){_NO}\(?(\d(?: \d){{2,7}}(?![\w-])|\d[\w-]*|[A-Z]{{1,3}}-?\d[\w-]*)",
            0.9, CI, 1)],
        context=["badge", "employee", "number"],
    )
    case = RegexRecognizer(
        "CaseNumberRecognizer", "CASE_NUMBER",
        [
            Rx("case_number", rf"\b(?:{_CASE_CUES}){_NO}({_CODE})", 0.85, CI, 1,
               refine=_not_radio_code),
            # a board's or a unit's prefix apart from its year and number: "Case FSB 24-40", "BOARD
            # CASE: VCRB 2024-19"
            Rx("case_prefix_apart", rf"\b(?:{_CASE_CUES}){_NO}((?-i:[A-Z]{{2,5}})[ \t]"
               r"(?:(?:19|20)?\d\d-\d{1,6}|\d{4,8}))(?![\w/-])", 0.85, CI, 1),
            # an academy's class, camp or session, a recruit's number: "Recruit class 24-6", "Basic
            # class 2024-03", "Recruit Camp 68", "recruit no. 68-21" (one digit alone is a grade:
            # "a class 2 felony", "Class 3 shooter")
            Rx("class_number", r"(?<=\b(?i:class|camp|session|cohort|(?:recruit|trainee|cadet)[ \t]+"
                               r"(?:no\.?|number|#))[ \t]*#?[ \t]*)(?:\d{2,4}(?:-\d{1,4})?|\d-\d{1,4})"
                               r"(?![\w/-]|\.\d|[ \t]+(?i:felony|felonies|misdemeanor|weapons?|vehicles?|"
                               r"shooters?|licen[cs]es?|cdl|rounds))", 0.7, CS,
               needs="class|camp|session|cohort|recruit|trainee|cadet"),
            # year-sequence and agency-prefixed formats without a cue word
            Rx("year_sequence", r"\b(?:19|20)\d{2}-?[A-Z]{0,3}-\d{3,8}\b", 0.7, CS),
            Rx("short_year_sequence", r"\b\d{2}-\d{4,8}(?:-\d+)?\b", 0.6, CS),
            Rx("prefixed_sequence", r"\b[A-Z]{1,4}\d{0,4}-\d{4,9}\b", 0.6, CS),
            # a court's or a lab's docket in segments: "CP-51-CR-0004418-2024", "27-CR-25-4417",
            # "NIBIN-24-NASH-00871", "TSB-381-1" (a letter in it: no phone, no date; digits in
            # pairs are a phone, "04-72-33-18-90")
            Rx("segmented_code", r"(?<![\w./-])(?=(?:[A-Z0-9-]*?\d){4})(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,8}"
               r"(?:-[A-Z0-9]{1,10}){2,7}(?![\w/-]|\.\w)", 0.75, CS),
            Rx("long_number", r"(?<![\w.,/$-])\d{7,12}(?![\w,/-]|\.\d)", 0.5, CS),
            Rx("card_or_account", r"(?<![\w.,/$-])\d{13,19}(?![\w,/-]|\.\d)", 0.6, CS),
            # a file's or a transaction's hash (MD5, SHA-1, SHA-256) in hexadecimal, letters and digits
            Rx("hex_hash", r"(?<![\w-])(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\d)"
               r"(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64})(?![\w-])",
               0.7, CS, needs=r"[0-9a-fA-F]{32}"),
            # an interpreter's, a member's or a credential's number after its word: "INTERPRETER
            # 38877", "interpreter id 40213", "RID MEMBER NO. 71188", "VI number 21887", and the
            # rest of a list of them ("RID nos. 44188, 50217, 60301"); no year, clock time or house
            # number ("interpreter 1430 arrived", "family member 2112 Elm St")
            Rx("credential_number", r"(?:(?<=\b(?:(?i:interpreter|member|vi|roster|credential|"
               r"certification)(?:[ \t]+(?i:id|no\.?|nos\.?|number|numbers|#))?|(?i:nos)\.)"
               r"[ \t]*(?:[:#][ \t]*)?)|(?<=\b(?i:nos\.?|numbers)[ \t]*(?:\d{4,7},[ \t]*){1,4}))"
               r"(?!(?:19|20)\d\d\b|(?:[01]\d|2[0-3])[0-5]\d\b)\d{4,7}(?![\w-])(?![ \t]+\p{Lu}\p{Ll})",
               0.65, CS,
               needs=r"(?i:interpreter|member|vi\b|roster|credential|certification|nos\b|numbers)"),
            # a crypto wallet that stock Presidio's pattern (Base58: "1...", "3...") leaves: Bitcoin's
            # bech32 ("bc1q..."), Ethereum's and its tokens' hexadecimal ("0x" and forty digits)
            # (letters outside bech32's alphabet too: a report copies an address by hand)
            Rx("crypto_wallet", r"(?<![\w-])(?:bc1[a-z0-9]{20,71}|0x[0-9a-fA-F]{40})(?![\w-])", 0.85, CS,
               needs=r"bc1|0x"),
            # a parcel's or a member's number in groups of four ("7791 2204 5517", "4290 0577 1822"): no
            # phone's groups (not years nor clock times only: "2019 2020 2021", "0800 1200 1600")
            Rx("groups_of_four", r"(?<![\w.,/-])\d{4}(?:[ \t]\d{4}){2,4}(?:[ \t]\d{2,3})?(?![\w/-]|[.,]\d)",
               0.6, CS,
               refine=_not_years_nor_times),
            # a device's file or an export's name, its date and serial in it ("AXON_X81B4471_20240621_1412")
            Rx("file_name", rf"(?<![\w@./<-]){FILE_NAME.pattern}(?![\w@-])", 0.6, CS, needs=r"_\d{4}"),
            # an animal's electronic ID, fifteen digits in five groups ("840 003 218 774 412"): no phone
            Rx("groups_of_three", r"(?<![\w.,/+-])\d{3}(?:[ \t]\d{3}){4}(?![\w/-]|[.,]\d)", 0.6, CS),
            # a registered or certified letter's or a parcel's number as the post office prints it
            # ("RE 118 447 902 US", "EA123456785US")
            Rx("postal_article", r"(?<![\w-])[A-Z]{2}[ \t]?\d{3}[ \t]?\d{3}[ \t]?\d{3}[ \t]?"
               r"(?:US|CA|GB|MX)(?![\w-])", 0.8, CS),
            # a court's docket as Washington's Superior Court writes it: the year, the calendar's letters,
            # the sequence ("2025 CF3 001447", "2024 CMD 008871")
            # (five digits at least: "2019 RAM 1500" is a truck)
            Rx("year_calendar_sequence", r"(?<![\w-])(?:19|20)\d\d[ \t][A-Z]{1,4}\d?[ \t]\d{5,7}(?![\w-])",
               0.75, CS),
            *labelled_number_patterns(),
        ],
        context=["case", "incident", "report", "cfs", "number", "call"],
    )
    unit = RegexRecognizer(
        "CallSignRecognizer", "UNIT_NUMBER",
        [
            # on one line: "2ND UNIT\n0120 KX7 CLR" is a unit word, then the next log entry's time
            Rx("unit_number", rf"\b(?:{_UNIT_CUES})[ \t]*(?:number|no\.?|#)?[ \t]*#?[ \t]*"
               r"(?:\d[A-Za-z0-9-]*\d[A-Za-z]?|\d|[A-Z]{1,3}-?\d[A-Za-z0-9-]*)\b", 0.8, CI,
               refine=_not_radio_code),
            # a record's field: "UNIT: SA-217", "ASST: TC-5" (the label stays outside)
            Rx("unit_field", r"\b(?:UNIT|Unit|ASST|Asst|ASSIST|PRIMARY|BACKUP|CAR|Car|BEAT|Beat)S?"
               r"[ \t]*:[ \t]*"
               r"(\d[A-Za-z0-9-]*\d[A-Za-z]?|\d{1,4}|[A-Z]{1,3}-?\d[A-Za-z0-9-]*)(?![\w-])", 0.8, CS, 1,
               refine=_not_radio_code),
            # units named together with one word: "car 6120 and 6124", "units 12, 14 and 16"
            Rx("unit_number_listed", rf"(?<=\b(?i:{_VEHICLES})s?[ \t]+#?{_NUM}(?:{_COMMA}{_NUM})*,?{_AND}|"
                                     rf"\b(?i:{_VEHICLES})s[ \t]+#?{_NUM}(?:{_COMMA}{_NUM})*{_COMMA})"
                                     rf"\d{{2,4}}[A-Z]?{_NUM_END}",
               0.7, CS, refine=_not_radio_code, needs=_LISTED_NUMBERS),
            Rx("units_plural_first", rf"(?<=\b(?i:{_VEHICLES})s[ \t]+#?){_NUM}"
                                     rf"(?=(?:{_COMMA}|{_AND}){_NUM}{_NUM_END})",
               0.7, CS, refine=_not_radio_code, needs=_LISTED_NUMBERS),
            # a runner's bib, the word left out ("bib 4471", "Bib #K-118")
            Rx("bib_number", r"(?<=\b(?i:bib)[ \t]{0,3}(?:#|(?i:no\.?|number)[ \t]{0,3}#?)?[ \t]{0,3})"
               r"(?:[A-Z]-?)?\d{1,5}(?![\w-])", 0.7, CS, needs=r"(?i:bib)"),
            Rx("phonetic_call_sign", rf"\b(?:\d{{1,2}}-?)?(?:{_PHON})[- ]?\d{{1,3}}[A-Z]?\b", 0.75, CS),
            Rx("phonetic_call_sign_caps", rf"\b(?:\d{{1,2}}-?)?(?i:{_PHON})-\d{{1,3}}[A-Z]?\b", 0.7, CS),
            # "4-L-20", "1-X-33", "12-S4": division, letter, number (the letter of a unit's kind)
            Rx("letter_call_sign", r"(?<![\w-])\d{1,2}-[A-Z]{1,2}-?\d{1,3}(?![\w-])", 0.7, CS),
            Rx("alnum_call_sign", r"\b\d{1,2}[A-Z]{1,3}\d{1,3}[A-Z]?\b", 0.7, CS),
        ],
        context=["unit", "radio", "call", "sign", "car"],
    )
    # its own finder: where it matches, its label decides the merged span (spans.LABEL_DECIDED_BY)
    officer_call_sign = RegexRecognizer(
        "OfficerCallSignRecognizer", "UNIT_NUMBER",
        [Rx("call_sign_after_officer", _CALL_SIGN_AFTER_OFFICER, 0.7, CS, needs=r",[ \t]\w+[ \t]\d"),
         Rx("hyphenated_after_officer", _HYPHENATED_AFTER_OFFICER, 0.7, CS, needs=r"\d-\d")],
        context=["unit", "call", "sign"],
    )
    ori = RegexRecognizer(
        "OriRecognizer", "ORI",
        [
            Rx("ori", _state_ori(), 0.9, CS),
            Rx("ori_with_cue", r"\bORI\s*(?:number|no\.?|#)?\s*[:#]?\s*([A-Z]{2}[0-9A-Z]{7})\b", 0.95, CI, 1),
        ],
        context=["ori", "agency"],
    )
    plate = RegexRecognizer(
        "LicensePlateRecognizer", "LICENSE_PLATE",
        [
            Rx("plate_with_cue",
               r"\b(?:plates?|tags?|license\s+plate|licen[cs]e|registration|reg\.?|lp|lic\.?)(?<=\.|\b)(?![A-Za-z])"
               r"(?:\s+(?:number|no\.?|#|reading|read|of|was|is|as|came\s+back|"
               # (what a witness saw of it: "plate ending 4418", "tag starting with 7K", "partial GX4")
               rf"{_SEEN_OF_A_PLATE}|partial|partially|"
               r"bearing|showing|displaying))*\s*[:#]?\s*"
               # (a state's or territory's code before the plate, not the plate's first letters: "tags GK
               # 4018", "plate GU BCG 2714")
               rf"(?:(?-i:{_state_code_alternation()}|{'|'.join(PLATE_TERRITORIES)})\s+)?"
               # (no function word as its second group, "plate of 7KR and"; "ON AT 44817" is a plate)
               r"((?=[A-Za-z0-9 -]*\d)[A-Za-z0-9]{1,4}"
               r"(?:-|[ ](?!(?:and|or|the|was|is|to|for|from|with|by|off|out|only|seen|visible)\b|"
               r"(?-i:on|in|at)\b))?"
               r"[A-Za-z0-9]{1,5}"
               r"(?:[- ](?!(?:and|or|the|on|in|at|was|is|to|for|from|with|by|off|out|only)\b)"
               # a third group in capitals or with a digit: "AR 5521 KT", not "AR 5521 KT came"
               r"(?:(?-i:[A-Z0-9]{1,4})|[A-Za-z0-9]{0,3}\d[A-Za-z0-9]{0,3}))?)\b",
               0.85, CI, 1, refine=_plate_code_ok),
            Rx("plate_shape",
               r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])(?:\d[A-Z]{3}[- ]?\d{3}|[A-Z]{3}[- ]?\d{3,4}|"
               # "GF12 ON SCENE": a unit and a word in a CAD log, not a plate "GF12 ON"
               rf"[A-Z]{{2}}\d{{1,2}}(?:-|(?![ ](?:{_LOG_WORDS})\b)[ ]?)"
               r"[A-Z]{2,3}\d{0,3}|\d{3}[- ]?[A-Z]{3})\b", 0.55, CS, refine=_code_ok),
            # a plate right after its state's code: "IMPALA MN KRT 558", "F-150 MN NHX 214"
            Rx("plate_after_state", rf"(?<=(?<![\w'’-])(?:{_state_code_alternation()})[ \t]){SPLIT_PLATE}",
               0.75, CS, refine=_code_ok),
            # a serial in brackets after a name: "Officer Kendall Price (DSN 1184)"
            # (not its label: "(PLACA 30811)")
            Rx("bracketed_serial", r"(?<=\()(?!(?:PLACA|BADGE|BDG|STAR|SHIELD|UNIT|CASE|PAGE|ITEM|ROOM|APT|"
               r"AGE)[ #-]?\d)[A-Z]{2,5}[ #-]?\d{3,6}(?=\))", 0.7, CS),
            # ... or a unit's call sign in brackets after its officer: "Deputy J. Ortiz (LC-12)",
            # "Ofc. Nadia Farouk (Port 3)"
            Rx("bracketed_call_sign", r"(?<=\()(?<=\b[A-Z][a-z]+[ \t]\()(?:[A-Z]{1,3}-\d{1,3}[A-Z]?|"
               r"(?!(?:Age|Exhibit|Page|Item|Room|Photo|Lot|Apt|Tab|Figure|Step|Case|Count)\b)"
               r"[A-Z][a-z]+[ \t]\d{1,3})"
               r"(?=\))", 0.65, CS),
            # a boat's state number: two letters, four digits, one or two letters ("CF 8814 GT",
            # "AK 9120 CT", "HA 4472 F"), in capitals, or in lower case after "reg"
            Rx("boat_number", r"(?<![\w-])(?:[A-Z]{2}[ -]\d{3,4}[ -][A-Z]{1,2}|"
               r"(?i:[a-z]{2}[ -]\d{4}[ -][a-z]{2}))(?![\w-])", 0.6, CS, refine=_boat_ok),
            # the part of a plate a witness caught: "AZ partial CV4", "got a partial, co BXV", "partial
            # plate of 7KR" (a state's code before it stays out; capitals, or a digit in it)
            # (a digit in it unless "plate" or "tag" says so: "partial latent print", "NO PARTIAL OR FULL
            # PLATE", "partial DNA profile" name no plate)
            Rx("partial_plate", rf"(?<=\b(?i:partial)(?:[ \t]{{1,3}}(?i:plate|tag|read|plate[ \t]read)"
                                r"(?:[ \t]{1,3}(?i:number|no\.?|\#))?)?"
                                rf"(?:[ \t]{{1,3}}(?i:of|was|is|reading|read|only))?"
                                rf"[ \t]{{0,3}}[,:]?[ \t]{{0,3}}"
                                rf"(?:(?i:{_state_code_alternation()})[ \t]{{1,3}})?)"
                                rf"(?!(?i:{_state_code_alternation()})(?![\w-]))"
                                r"(?!(?:UNK|VIN|DNA|SSN|NFI|FULL|PLATE|TAG|LATENT|PRINT)\b)"
                                r"(?:(?-i:[A-Z0-9]{2,7})|(?=[a-z]*\d)[a-z0-9]{2,7})(?![\w-])", 0.6, CS,
               refine=_partial_plate, needs="partial"),
        ],
        context=["plate", "plates", "tag", "tags", "registration", "license"],
    )
    vin = RegexRecognizer(
        "VinRecognizer", "VIN",
        [Rx("vin", r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}\b", 0.9, CI)],
        context=["vin", "vehicle"],
    )
    licence = RegexRecognizer(
        "DriverLicenseRecognizer", "US_DRIVER_LICENSE",
        [Rx("driver_licence",
            r"\b(?:driver'?s?\s+licen[cs]e|DL|OLN|ODL|CDL|licen[cs]e)\s*(?:number|no\.?|#)?\s*[:#]?\s*"
            r"([A-Z]{0,2}-?\d[\d-]{4,15}\d|[A-Z]\d{3}-\d{4}-\d{4})\b", 0.9, CI, 1),
         # Michigan's in groups after its state and "OL": "MI OL S 452 118 703 221"
         Rx("grouped_licence", r"(?<=\b[A-Z]{2}[ \t]+(?:OL|OLN|DL)[ \t]+)[A-Z][ \t]\d{3}(?:[ \t]\d{3}){3}\b",
            0.85, CS)],
        context=["license", "licence", "dl"],
    )
    other = RegexRecognizer(
        "OtherIdRecognizer", "ID",
        [
            Rx("ssn", r"\b\d{3}-\d{2}-\d{4}\b", 0.9, CS),
            # a card's number in groups of four ("TAP card 0114 5521 8840 2217")
            Rx("grouped_card", r"(?<![\w-])\d{4}(?:[ -]\d{4}){3}(?![\w-])", 0.6, CS),
            Rx("hash_number", r"(?<!\w)#\s?(\d[\w-]*)", 0.6, CS, 1, refine=_not_radio_code),
            # "Gurpreet Sandhu, ID 21447", "I.D. # 4471": a number after its label in capitals
            # (an Idaho ZIP code, 832xx-838xx, is no identifier)
            Rx("id_label", r"(?<![\w'’/.-])(?:ID|I\.D\.)(?:[ \t]*(?:#|No\.?|number))?[ \t]*[:#]?[ \t]*"
               r"(?!83[2-8]\d\d\b)(\d[\w-]{1,14}\d)(?![\w-])", 0.6, CS, 1),
            # "last 4 of the VIN 8816", "VIN ending 4471AB": part of a VIN
            Rx("partial_vin", r"(?<=\b(?i:vin|v\.i\.n\.)[ \t:#]{1,3}(?:(?i:ending|ends[ \t]+in)[ \t]+)?)"
               r"(?=[A-Za-z0-9]*\d)[A-HJ-NPR-Za-hj-npr-z0-9]{4,8}(?![\w-])", 0.7, CS),
            # a gate's, a door's or an alarm's code and a key fob's number: "gate code 1379", "door code
            # is 2580#", "vehicle gate, *4471", "Fob 0044718" (what opens a home is an identifier)
            Rx("access_code", r"(?<=\b(?i:(?:gate|door|access|alarm|entry|keypad|lockbox|garage|building)"
               r"(?:[ \t]+code)?(?:[ \t]+(?:is|was|of))?|code|(?:key[ \t]?)?fob(?:[ \t]+(?:no\.?|number|#))?)"
               r"[ \t]*(?:[:,#][ \t]*)?)[*#]?\d{3,8}(?:#|\*)?(?![\w-])", 0.6, CS, refine=_an_access_code,
               needs=r"(?i:code|fob|gate)"),
            # a number read out digit by digit after its word: "trip number is 5 5 4 1 8 2"
            Rx("digits_read_out", r"(?<=\b(?i:number|no\.?|id|trip|order|ticket|case|badge|account)(?:[ \t]+"
               r"(?i:is|was))?[ \t]*(?:[:#][ \t]*)?)\d(?:[ \t]\d){4,11}(?![\w-]|[ \t]\d)", 0.6, CS,
               needs=r"\d \d \d \d \d"),
            Rx("mixed_code", r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,}(?:-[A-Z0-9]+){0,3}\b",
               0.4, CS, refine=_code_ok),
        ],
        context=["number", "id", "#"],
    )
    return [badge, case, unit, officer_call_sign, ori, plate, vin, licence, other]
