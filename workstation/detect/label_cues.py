"""Labels from the words around a span (issue 19): what NER or a word list cannot tell from
the span alone, the sentence often says. "at the Chatfield" and "out of Dunmore" are
places; "the driver, kyle" and "Vincent said" are people; "FCI ENGLEWOOD" is a prison,
whoever NER thinks it is."""

from __future__ import annotations

import regex as re

from workstation.detect.agency_numbers import RECORD_NUMBER
from workstation.detect.census import given_name_then_place_surname, is_census_name, is_given_name, surnames
from workstation.detect.courts_as_issuers import court_as_issuer
from workstation.detect.spans import _AGENCY_WORDS, _PLACE_HEADS, CLOCK_TIME, LABEL_DECIDED_BY, RawSpan
from workstation.detect.vocab import COUNTIES_AFTER, RANKS_BEFORE_A_NAME, ROLES_BEFORE_A_NAME

# "the Hyatt", "at the Dan Ryan": a person's name rarely follows "the" directly, unless a
# family word follows it ("the Okafor residence", "the Lindqvist boys").
_THE_BEFORE = re.compile(r"(?<![\w'’])(?i:the)[ \t]+$")
_FAMILY_AFTER = re.compile(
    r"[ \t]+(?i:residence|house|home|family|household|kids|boy|boys|girl|girls|brothers|sisters|"
    r"twins|couple|children|baby|clan|estate|property|farm|ranch|place|cousins|gang|crew)\b"
)
# a family's day named for its names ("the Patel-Shah wedding", "the Baca-Lujan reception")
_FAMILY_DAY_AFTER = re.compile(r"[ \t]+(?:wedding|reception|funeral|wake|engagement|baptism|christening|"
                               r"quincea[ñn]era|anniversary)\b")
# "out of Dunmore", "til lubbock", "thru Ocotillo": movement words that take a place
_MOVE_BEFORE = re.compile(
    r"(?<![\w'’])(?i:out[ \t]+of|til|till|thru|through|past|via|across|around|toward|towards|"
    r"outside(?:[ \t]+of)?|"
    r"headed[ \t]+to|drove[ \t]+to|driving[ \t]+to|moved[ \t]+to|back[ \t]+to|north[ \t]+of|south[ \t]+of|"
    r"east[ \t]+of|west[ \t]+of|outskirts[ \t]+of)[ \t]+$"
)
# two capitalised words joined by "and"; where they stand at, a corner
_PAIR = re.compile(r"\p{Lu}[\p{L}'’-]+[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'’-]+")
_CORNER_BEFORE = re.compile(
    r"(?<![\w'’])(?i:at|on|near|from|past|off|corner[ \t]+of|intersection[ \t]+of)[ \t]+$")
# "taken to Ben Taub", "flown him to Hurley", "went to Ben Taub on an emergency detention",
# "took him to AdventHealth Apopka", "transported by Guilford County EMS to Moses Cone": where
# patients and prisoners are carried (not "released to" someone)
_CARRIED_TO_BEFORE = re.compile(
    r"(?<![\w'’])(?i:transported|transport|taken|took|take|taking|brought|bring|flown|airlifted|"
    r"life[- ]?flighted|rushed|admitted|transferred|conveyed|went)"
    r"(?:[ \t]{1,3}(?i:him|her|them|me|us|the[ \t]+(?:patient|subject|suspect|victim|driver|man|woman|"
    r"kid|child|boy|girl|baby)))?(?:[ \t]+(?i:by)[ \t]+[^\n.,;:]{2,40}?)?[ \t]{1,3}(?i:to|at)[ \t]{1,3}$"
)
# ... but "went to Mia for help", "went to Kyle and asked": a person one turns to
_TURNED_TO_AFTER = re.compile(r"[ \t]+(?i:for[ \t]+(?:help|advice|backup)|and[ \t]+(?:asked|told|said))\b")
# Prisons, bases and hospitals named by an acronym before or after the place name.
_FACILITY_ACRONYMS = frozenset(
    "fci usp fdc mcc fmc fpc sci cci vamc afb nas mcas angb jb navsta nsa ci cf cc dc sp rmc".split()
)
_FACILITY_FIRST = frozenset("fci usp fdc mcc fmc fpc sci cci vamc nas mcas jb navsta".split())
# What people do in reports: a single word followed by one of these is a person.
_DEEDS = (
    r"said|says|told|stated|yelled|screamed|shouted|asked|replied|answered|admitted|"
    r"refused|agreed|laughed|cried|whispered|pointed|swung|kicked|spit|spat|fled|lunged|charged|"
    r"grabbed|punched|pulled|reached|ran|jumped|tackled|complied|surrendered|confessed|denied|"
    r"apologized|apologised|nodded|shrugged|smiled|mumbled|muttered|cursed|threatened|begged|"
    r"walked|stood|stepped|dropped|turned|looked|tried|backed|dove|fired|shot|threw|"
    r"texted|showed|picked|raised|opened|drew|froze|stopped|waved|hid|swore"
)
_PERSON_VERB_AFTER = re.compile(
    r"(?:['’]s[ \t]+(?i:mother|father|mom|dad|wife|husband|girlfriend|boyfriend|brother|sister|son|"
    r"daughter|hands?|arms?|face|head|gun|knife|truck|car))|"
    rf"[ \t]+(?i:{_DEEDS}|and[ \t]+I|and[ \t]+me)\b"
)
# a name set off by commas before what its bearer did: "the passenger, Quincy, had a pistol"
_APPOSITIVE_VERB_AFTER = re.compile(
    rf"[ \t]+(?i:{_DEEDS}|had|has|was|got|kept|came|went|took|saw|started|never|just|then|still)\b")
_ROLE_BEFORE = re.compile(
    rf"(?i:\b(?:{'|'.join((*RANKS_BEFORE_A_NAME, *ROLES_BEFORE_A_NAME))}))\.?[ \t]*,?[ \t]+$"
)
_WORD = re.compile(r"[\w'’]+")
# Recognizers that found a person by a title or a cue: their word stands ("Sgt. Brook").
_SURE_PERSON = ("TitledName", "CueName", "NameShape", "Nickname")
# a street by its direction and name, or any name after a log's "@" (a direction's initial is no
# one's: "W. Verner")
_STREET_BY_DIRECTION = re.compile(r"([NSEW]\.?[ \t]+)?\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?")
_ALONG_BEFORE = re.compile(r"(?i:\b(?:on|along|onto|down|up|off)[ \t]+)$")
_AT_SIGN_BEFORE = re.compile(r"@[ \t]*$")
_PREP_THE_BEFORE = re.compile(
    r"(?i:\b(?:at|near|in|on|to|from|into|across|along|through|thru|of|around|over|under|up|down|past|"
    r"behind|outside|inside|toward|towards|off)[ \t]+the)[ \t]+$"
)
# where a place stands, not a phrasal verb ("pulled up the Kowalczyks")
_PLACE_PREP_THE_BEFORE = re.compile(
    r"(?i:\b(?:at|near|in|into|to|from|of|across|through|around|past|toward|towards|outside|inside)"
    r"[ \t]+the)[ \t]+$"
)
# "the pilot, Henrik de Vries": who someone is, a comma, the name
_MORE_ROLES_BEFORE_A_COMMA = ("rp", "subject", "subj", "pilot", "copilot", "skipper", "operator", "mechanic")
_ROLE_COMMA_BEFORE = re.compile(
    rf"(?i:\b(?:{'|'.join((*ROLES_BEFORE_A_NAME, *_MORE_ROLES_BEFORE_A_COMMA))}))"
    r"[ \t]*,[ \t]*(?:\p{Lu}[\p{L}'’-]+[ \t]+)?$"
)
# A date read as a phone number or a number: "031425 0215" after "DATE/TIME:", "2025.03.14".
_DATE_SHAPED = re.compile(
    r"(?P<d>(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2}|(?:19|20)\d{2}[./-](?:0?[1-9]|1[0-2])[./-]"
    r"(?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01])[./-](?:\d{4}|\d{2})|"
    # a record system's day, month and year: "02-JAN-25", "15-JAN-2025"
    r"(?:0?[1-9]|[12]\d|3[01])-(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)-(?:\d{4}|\d{2}))"
    rf"(?:[ \t]+{CLOCK_TIME.pattern}(?:[ \t]*(?i:hrs|hours))?)?"
)
_DATE_CUE = re.compile(r"(?i:\b(?:date|dt|d/t|date/time|dob|occ(?:urred)?|on|eow))[:.]?[ \t]{1,3}$")


_AGENCY_ACRONYM_LOWER = re.compile(r"[a-z]{1,4}(?:so|pd|sd)")


def agency_not_number(text: str, span: RawSpan) -> RawSpan | None:
    """"hcso d3": a weak licence-number pattern over an agency's acronym and its district (or
    the acronym found as an agency with that number after it)."""
    if span.label not in ("ID", "AGENCY") or " " not in text[span.start:span.end].strip():
        return None
    if span.recognizer.startswith(LABEL_DECIDED_BY):
        return None  # "DISP WCSO 11, WCSO 15": units dispatched by the log, not the sheriff's office
    first, *rest = text[span.start:span.end].split()
    if rest and RECORD_NUMBER.fullmatch(" ".join(rest)):
        return None  # "LCSO 25-0387": a record number with its agency's acronym (agency_numbers.py)
    if _AGENCY_ACRONYM_LOWER.fullmatch(first.lower()) and not any(c.isdigit() for c in first):
        return RawSpan(span.start, span.end, "AGENCY", span.score, span.recognizer)
    return None


# an e-mail address or a web address: one contact whatever words and numbers it holds
EMAIL_OR_URL = re.compile(r"\w@\w|://|\bwww\.")


# (a lower-case "academy" only: "Tulsa Police Academy" is one name, "the sheriff's office academy" a thing)
_AGENCY_THEN_THING = re.compile(
    r"(?P<a>.*\b(?i:office|department|dept\.?|police|patrol|sheriff|pd|so))[ \t]+"
    r"(?:(?i:id|card|badge|patch|vest|car|cruiser|truck|unit|radio|jacket|uniform|policy|policies)|academy)"
)


def agency_before_a_thing(text: str, span: RawSpan) -> RawSpan | None:
    """"my Ramsey County Sheriff's Office ID": the agency, not the card after it (nor the
    state code "ID" a place pattern took it for)."""
    if span.label not in ("LOCATION", "AGENCY"):
        return None
    m = _AGENCY_THEN_THING.fullmatch(text, span.start, span.end)
    if m is None:
        return None
    return RawSpan(span.start, m.end("a"), "AGENCY", span.score, span.recognizer)


# an incident's command named for its place, as the ICS names it: "set up Tesota Command" (an
# agency's own "Convention Center Area Command", "Air Command", "Unified Command" are none)
_INCIDENT_COMMAND = re.compile(r"(?<![\w'’-])(?P<place>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)[ \t]+"
                               r"(?:Command|COMMAND)")
_COMMAND_SET_UP = re.compile(r"\b(?i:established|establishing|set[ \t]+up|set|sets|assumed|assuming|named|"
                             r"called|formed|stood[ \t]+up|transferred[ \t]+to)[ \t]+$")
_COMMAND_KINDS = frozenset("""area air regional central police patrol district field unified incident joint
    north south east west northeast northwest southeast southwest sector division special strategic
    training operations tactical emergency fire medical mobile county state city""".split())


def incident_command_place(text: str, span: RawSpan) -> RawSpan | None:
    """"established Wenonah Command", which NER takes for an organisation: the place, the word
    after it left out."""
    if span.label not in ("AGENCY", "LOCATION"):
        return None
    m = _INCIDENT_COMMAND.search(text, span.start, span.end)  # ("Battalion 4 established Kettle Run Command")
    if m is None or m.end() != span.end or any(
            w.lower() in _COMMAND_KINDS for w in m.group("place").split()) or (
            not _COMMAND_SET_UP.search(text, max(0, m.start() - 24), m.start())):
        return None  # (the Virgin Islands' "Christiansted Command" is a police command)
    return RawSpan(m.start(), m.end("place"), "LOCATION", span.score, span.recognizer)


_RANK_THEN_NAME = re.compile(
    r"(?:(?i:officer|ofc|deputy|dep|sgt|sergeant|trooper|tpr|det|detective|agent|cpl|corporal|lt|lieutenant|"
    r"capt|captain)|CO(?![ \t]+(?i:springs|river|plates?|state)\b)|C\.O)\.?[ \t]+"
    r"(?P<n>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2})"
)


def person_after_rank(text: str, span: RawSpan) -> RawSpan | None:
    """"with Officer Rhiannon Pike": a road pattern took the rank and a name ending in a
    road word for a street; after a rank, with no number and no street word before, a person."""
    if span.label != "LOCATION":
        return None
    m = _RANK_THEN_NAME.fullmatch(text, span.start, span.end)
    corrections = text.startswith(("CO", "C.O"), span.start)  # no street starts with it
    if m is None or (not corrections and _STREET_BEFORE.search(text, max(0, span.start - 12), span.start)):
        return None
    return RawSpan(m.start("n"), span.end, "PERSON", span.score, span.recognizer)


_TIME_THEN = re.compile(
    CLOCK_TIME.pattern + r"[ \t]+(?P<rest>\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*)*)"
)
_STREET_SUFFIXES = frozenset("st rd ave blvd dr ln ct pl way hwy pkwy cir ter trl".split())
_AT_TIME_BEFORE = re.compile(r"(?:^|\n|(?i:\b(?:at|@|approx\.?|approximately|around|about|by)))[ \t]*$")


def _street_word(words: list[str]) -> bool:
    """The last word, or the one before a compass direction ("Burton St SW"), is a street's."""
    last = words[-2 if len(words) > 2 and words[-1].lower() in "n s e w ne nw se sw".split() else -1]
    return last.lower().rstrip(".") in _PLACE_HEADS | _STREET_SUFFIXES


def time_then_person(text: str, span: RawSpan) -> RawSpan | None:
    """"At 1130 John Miller walked in": a clock time, then a person (or a rank alone, which
    is no identifier), not a house number and a street."""
    from workstation.detect.census import given_names
    from workstation.detect.spans import RANK_WORDS

    if span.label not in ("LOCATION", "PERSON"):  # (a merge may have joined NER's place and the name)
        return None
    m = _TIME_THEN.fullmatch(text, span.start, span.end)
    if m is None:
        return None
    rest = m.group("rest").split()
    first = rest[0].lower().rstrip(".")
    if not _AT_TIME_BEFORE.search(text, max(0, span.start - 16), span.start) or not (
            first in RANK_WORDS or (first in given_names() and len(rest) > 1)) or (
            _street_word(rest)):
        return None  # "at 1130 John Street", "at 2216 Burton St SW" are addresses
    return RawSpan(m.start("rest"), span.end, "PERSON", span.score, span.recognizer)


_COUNTED = re.compile(
    r"\d[\d,.]*[ \t]+(?i:yards?|yds|feet|foot|ft|miles?|mi|meters?|metres?|inches|bucks|dollars|"
    r"rounds|shots|times|hours|hrs|minutes|mins|seconds|secs|days|weeks|months|years|yrs|pounds|"
    r"lbs|grams|kilos|people|officers|units|cars|vehicles|degrees|percent|blocks)"
)


def counted(fragment: str) -> bool:
    """"300 Yards", "20 Bucks": a count or a measure, which a model may take for an address."""
    return _COUNTED.fullmatch(fragment) is not None


def date_instead(text: str, span: RawSpan) -> RawSpan | None:
    """A phone number or an ID that is a date (and perhaps a clock time after it): the
    date, labelled so (the time of day is no identifier)."""
    if span.label not in ("CONTACT", "ID"):
        return None
    m = _DATE_SHAPED.fullmatch(text, span.start, span.end)
    if m is None:
        return None
    six_digits = m.group("d").isdigit()
    if six_digits and not _DATE_CUE.search(text, max(0, span.start - 14), span.start):
        return None  # six digits alone are more often a case number than a date
    return RawSpan(span.start, m.end("d"), "DATE", span.score, span.recognizer)


_UNIT_SHAPED = re.compile(r"[A-Z]{1,2}-\d{1,3}")
_OFFICER_OR_STATUS_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?i:ofc|officer|dep|deputy|tpr|trooper|sgt|cpl|det|p\.?o)\b|"
    r"[ \t]+(?i:out[ \t]+of[ \t]+service|in[ \t]+service|10-[78])\b")


# a rank, a name, "and": the name after it is a second person's ("Det. Ruiz and Hollis")
_TITLED_NAME_AND = re.compile(r"\b(?i:det|detective|ofc|officer|dep|deputy|sgt|sergeant|tpr|trooper|cpl|"
                              r"lt|agent|detectives|officers|deputies|troopers)\.?[ \t]+\p{L}[\p{L}'’-]+"
                              r"[ \t]+and[ \t]+$")
# a store's number after its word or its sign: "store 11873", "Nordstrom Rack #0522"
_STORE_BEFORE = re.compile(r"(?:#|\b(?i:store|tienda)[ \t]*#?)[ \t]*$")
# a business's name in quotes after its kind: 'the truck was "Bao Down"', 'the spa, "Blue Orchid"'
_BUSINESS_QUOTED_BEFORE = re.compile(r"\b(?i:truck|trailer|cart|stand|booth|stall|shop|store|spa|salon|"
                                     r"bar|restaurant|taqueria|market)(?:[ \t]+(?:was|is|called|named))?"
                                     r"[ \t]*,?[ \t]*[\"“]$")
# an election's words: a precinct or a ward near them is where people vote
_ELECTION_WORDS = re.compile(r"(?i:\b(?:poll(?:ing|s)?|ballots?|voters?|voting|elections?|"
                             r"electoral|precinct[ \t]+(?:judge|captain|chair|worker))\b)")


def by_context(text: str, span: RawSpan, label: str) -> str:
    """The label the words around `span` call for (or `label` unchanged)."""
    if label not in ("PERSON", "AGENCY", "LOCATION"):
        return label
    fragment = text[span.start:span.end]
    words = [w.lower() for w in _WORD.findall(fragment)]
    if not words:
        return label
    if (court := court_as_issuer(text, span.start, span.end, label)) != label:
        return court
    if label in ("LOCATION", "AGENCY") and len(words) == 2 and _FAMILY_DAY_AFTER.match(text, span.end) and (
            all(is_census_name(w) for w in words) and re.fullmatch(r"\S+[-/&]\S+", fragment)):
        return "PERSON"  # "the Patel-Shah wedding": the families' names
    if label == "LOCATION" and len(words) == 1 and words[0] in surnames() and _TITLED_NAME_AND.search(
            text, max(0, span.start - 40), span.start):
        return "PERSON"  # "det. ruiz and hollis": the second of two officers, not the town
    if label == "LOCATION" and fragment.isdigit() and _STORE_BEFORE.search(text, max(0, span.start - 12),
                                                                         span.start):
        return "ID"  # "Ace Hardware #14418", "CVS STORE 7712": the store's number, not its address
    if label == "PERSON" and _BUSINESS_QUOTED_BEFORE.search(text, max(0, span.start - 30), span.start) and (
            text.startswith(('"', "”"), span.end)):
        return "LOCATION"  # 'the truck was "Bao Down"', 'truck "Queso Loco"': a business's name
    if label == "AGENCY" and words[0] in ("precinct", "pct", "ward") and _ELECTION_WORDS.search(
            text, max(0, span.start - 300), span.end + 300):
        return "LOCATION"  # "presiding judge at Precinct 14": where people vote, no police command
    if label == "LOCATION" and _UNIT_SHAPED.fullmatch(fragment) and _OFFICER_OR_STATUS_AFTER.match(
            text, span.end):
        return "ID"  # "M-11 (OFC. R. BAUTISTA)", "M-31 out of service": a unit, not Michigan's road
    if len(words) == 1 and _family(text, span, fragment) and not _PLACE_PREP_THE_BEFORE.search(
            text, max(0, span.start - 30), span.start):
        return "PERSON"  # "the Nowaks and the Brekkes": a family by its name (NER's person too,
        # which "the" before it would otherwise make a place; "covers most of the Bottoms" is one)
    if label in ("PERSON", "AGENCY") and (
            words[0] in _FACILITY_FIRST or (len(words) > 1 and words[-1] in _FACILITY_ACRONYMS
                                            and fragment.split()[-1].isupper())):
        return "LOCATION"  # "FCI ENGLEWOOD", "Two Rivers CI": prisons and bases
    before = text[max(0, span.start - 30):span.start]
    street = _STREET_BY_DIRECTION.fullmatch(fragment)
    if label == "PERSON" and street and text[span.end:span.end + 1] not in ("'", "’") and (
            _AT_SIGN_BEFORE.search(before) or (
            street.group(1) and _ALONG_BEFORE.search(before))):
        return "LOCATION"  # "leave the car on W. Verner", "along S. Lindale", "@ Millbranch": a street
    by_ner = span.recognizer.startswith("SpacyNer")
    if by_ner and _PAIR.fullmatch(fragment) and not _has_head(words):
        if _CORNER_BEFORE.search(before):
            return "LOCATION"  # "a man with a gun at Temple and Alvarado": an intersection
        if label == "AGENCY" and any(is_census_name(w) for w in words if w not in ("and", "&")):
            return "PERSON"  # "Abalos and Ng in 4-Adam-31": two people (split after)
    if label in ("LOCATION", "PERSON") and len(words) > 1 and _agency_headed(text, span, words):
        return "AGENCY"  # "Great Lakes Regional Fugitive Task Force", "Second District", "Troop T, X Station"
    if label in ("PERSON", "AGENCY") and (
            (len(words) in (1, 3) and _places_paired(text, span, fragment))
            or (_PLACES_LISTED.fullmatch(fragment) and _COUNTIES_AFTER.match(text, span.end))):
        return "LOCATION"  # "between Wilson and Victor, Idaho", "Otero, Bent and Crowley counties"
    if label == "PERSON" and by_ner and not _has_head(words):
        if _THE_BEFORE.search(before) and not (
                _FAMILY_AFTER.match(text, span.end) or _noun_after(text, span.end)):
            return "LOCATION"  # "at the Chatfield", "on the Dan Ryan", "the Red Line"
        if _MOVE_BEFORE.search(before) and not (_given_then_surname(words) or _OWNER_BEFORE.search(before)):
            return "LOCATION"  # "out of Dunmore", "til lubbock"
        if _CARRIED_TO_BEFORE.search(text, max(0, span.start - 64), span.start) and not (
                _TURNED_TO_AFTER.match(text, span.end)):
            return "LOCATION"  # "taken to Ben Taub", "airlifted to Hurley": a hospital
    if label == "PERSON" and not by_ner and 2 <= len(words) <= 3 and not span.recognizer.startswith(
            _SURE_PERSON) and _ROAD_THE_BEFORE.search(before) and not (
            _FAMILY_AFTER.match(text, span.end) or (_noun_after(text, span.end)
                                                    and not _MOVING_AFTER.match(text, span.end))):
        return "LOCATION"  # "a marked unit on the Dan Ryan": an expressway named for someone
    one_name = len(words) == 1 and fragment.replace("'", "").isalpha() and is_census_name(words[0])
    if label == "PERSON" and not by_ner and len(words) == 1 and not span.recognizer.startswith(_SURE_PERSON) \
            and _PREP_THE_BEFORE.search(before) and not (
                _FAMILY_AFTER.match(text, span.end) or _noun_after(text, span.end)):
        return "LOCATION"  # "a body out of the Platte near the bridge": a name list's word, a place here
    if label in ("AGENCY", "LOCATION") and by_ner and len(words) <= 3 and not _has_head(words) and \
            _ROLE_COMMA_BEFORE.search(before) and fragment.replace(" ", "").replace("-", "").isalpha():
        return "PERSON"  # "THE DRIVER, JUNIOR TALAVOU,": a role, a comma, a name NER calls an organisation
    if label == "LOCATION" and 2 <= len(words) <= 3 and _RANK_BEFORE.search(before) and not any(
            c.isdigit() for c in fragment):
        return "PERSON"  # "Officer Rhiannon Pike": a rank, then a name that ends in a road word
    if label == "PERSON" and len(words) == 1 and not span.recognizer.startswith(_SURE_PERSON) and (
            not _a_given_name_no_town(words[0]) and _ADDRESS_COMMA_BEFORE.search(before)):
        return "LOCATION"  # "PO Box 2210, Ely", "Post 13, Hazard": the town after an address
    if label in ("LOCATION", "AGENCY") and len(words) == 1 and is_census_name(words[0]) and (
            _COMPANION_BEFORE.search(before)) and span.recognizer.startswith(("Gazetteer", "SpacyNer")):
        return "PERSON"  # "me and Hollis were riding"
    if label == "LOCATION" and len(words) == 2 and given_name_then_place_surname(fragment, words) and not (
            (_STREET_BEFORE.search(before) and not _DONE_BY_BEFORE.search(before))
            or _PLACE_FIELD_BEFORE.search(before)
            or any(c.isdigit() for c in before[-8:])
            or _a_known_place(fragment) or _state_after(text, span.end)):
        return "PERSON"  # "The driver, Grady Pike, got out": a surname that is also a road word
    if label == "LOCATION" and one_name and span.recognizer.startswith(("Gazetteer", "SpacyNer")) and (
                _ROLE_BEFORE.search(before) or (_PERSON_VERB_AFTER.match(text, span.end)
                                                and not _FROM_OR_IN_BEFORE.search(before))):
        return "PERSON"  # "the driver, kyle", "Her brother Vincent", "Wright said"
    if label == "PERSON" and len(words) <= 2 and _POSSESSIVE_END.search(fragment) and (
            _AT_A_PLACE_BEFORE.search(before) and _NO_NOUN_AFTER.match(text, span.end)):
        return "LOCATION"  # "a shoplifter at Dale's on Hervey Street": the owner's business
    if label == "LOCATION" and one_name and span.recognizer.startswith(("Gazetteer", "SpacyNer")) and (
            before.rstrip(" \t").endswith(",") and text.startswith(",", span.end)
            and _APPOSITIVE_VERB_AFTER.match(text, span.end + 1)):
        return "PERSON"  # "His cousin in the passenger seat, Quincy, had a pistol"
    if label in ("LOCATION", "AGENCY") and _named_here(text, span, fragment, words, before):
        return "PERSON"
    return label


def _a_known_place(fragment: str) -> bool:
    """"Cameron Parish", "Jefferson Davis Parish": the gazetteer's own name for a place."""
    from workstation.detect.gazetteer import places

    return places().get(fragment.lower()) is not None


_WORDS_AFTER_COMMA = re.compile(r",[ \t]+(\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?|[A-Z]{2})(?![\w'’-])")


def _state_after(text: str, end: int) -> bool:
    """A place's state after it: "Cameron Parish, Louisiana", "Grand Forks, ND"."""
    from workstation.detect.gazetteer import state_codes, state_names

    m = _WORDS_AFTER_COMMA.match(text, end)
    return m is not None and (m.group(1) in state_names() or m.group(1) in state_codes())


# two places joined, then their kind or their state: "Otero and Crowley counties", "Wilson and
# Victor, Idaho"
_PAIRED_AFTER = re.compile(
    rf"(?:[ \t]+(?:and|&|or)[ \t]+(?P<other>\p{{Lu}}\p{{Ll}}+))?(?:(?P<kind>{COUNTIES_AFTER})|"
    r",[ \t]+(?P<state>\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?|[A-Z]{2})(?![\w'’-]))")
_PLACES_LISTED = re.compile(
    r"\p{Lu}[\p{L}'’-]+(?:,[ \t]+\p{Lu}[\p{L}'’-]+)*,?[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'’-]+")
_COUNTIES_AFTER = re.compile(COUNTIES_AFTER)
_PAIRED_BEFORE = re.compile(r"(?P<other>\p{Lu}\p{Ll}+)[ \t]+(?:and|&|or)[ \t]+$")


def _places_paired(text: str, span: RawSpan, fragment: str) -> bool:
    """Two places joined by "and" (one span or two), before their kind ("counties"), or before
    their state where both are towns and no rank names them ("Officers Wilson and Morgan, Texas")."""
    from workstation.detect.gazetteer import places, postal_towns, state_codes, state_names

    after = _PAIRED_AFTER.match(text, span.end)
    if after is None:
        return False
    pair = _PAIR.fullmatch(fragment)
    before = _PAIRED_BEFORE.search(text, max(0, span.start - 30), span.start)
    if pair is not None and after.group("other") is None:
        first, one, other = span.start, fragment.split()[0], fragment.split()[-1]
    elif pair is None and (after.group("other") or before is not None):
        one = fragment
        other = after.group("other") or before.group("other")  # type: ignore[union-attr]
        first = span.start if after.group("other") else before.start()  # type: ignore[union-attr]
    else:
        return False
    if after.group("kind"):
        return True
    state = after.group("state")
    return (state in state_names() or state in state_codes()) and all(
        w.lower() in places() or w.lower() in postal_towns() for w in (one, other)) and not (
        _RANKS_BEFORE.search(text, max(0, first - 30), first))


# a rank before a name, or ranks before names ("Officers Wilson and Morgan")
_RANKS = "|".join(RANKS_BEFORE_A_NAME)
_RANKS_BEFORE = re.compile(rf"(?i:\b(?:{_RANKS})s?|deputies|officers|troopers)\.?[ \t]+$")


def _a_given_name_no_town(word: str) -> bool:
    """"22, Bubba's on the ramp", "from the department, Nate": a given name of the wide list
    that names no town ("PO Box 2210, Ely" is the town)."""
    from workstation.detect.gazetteer import postal_towns

    return is_given_name(word) or (is_given_name(word, wide=True) and word.lower() not in postal_towns())


def _named_here(text: str, span: RawSpan, fragment: str, words: list[str], before: str) -> bool:
    """A name by what is said around it, whatever place it is also: "My name is Whitney",
    "My husband, Vik, is on SWAT", "Defendant Joaquim Tavares", "C/O WASHBURN #2217", and a
    signature block's name above a job title ("Rania Haddad\nCourt Security Manager")."""
    from workstation.detect.gazetteer import places

    if _has_head(words) or not fragment.replace(" ", "").replace("-", "").replace("'", "").isalpha():
        return False
    if len(words) == 1 and (_NAME_IS_BEFORE.search(before) and is_given_name(words[0], wide=True)):
        return True
    if len(words) == 1 and _KIN_COMMA_BEFORE.search(before) and text.startswith(",", span.end):
        return True
    if _MESSAGE_FROM_BEFORE.search(before) and (
            (len(words) == 1 and _a_given_name_no_town(words[0]))
            or (2 <= len(words) <= 3 and (is_given_name(words[0], wide=True) or is_census_name(words[-1]))
                and " ".join(words) not in places())):
        return True  # "Call from Nastasia Andrew", "a text from Marisol"
    if 2 <= len(words) <= 3 and _ROLE_BEFORE.search(before) and is_given_name(words[0], wide=True):
        return True
    if len(words) == 1 and fragment.isupper() and _CORRECTIONS_OFFICER_BEFORE.search(before):
        return True
    return 2 <= len(words) <= 3 and _SIGNATURE_LINE.match(text, span.end) is not None and (
        _LINE_START.search(before) is not None and is_given_name(words[0], wide=True))


def _family(text: str, span: RawSpan, fragment: str) -> bool:
    """A surname in the plural after "the" ("the Nowaks", "the Okafors"), not a place ("the
    Hamptons", "the Rockies")."""
    from workstation.detect.gazetteer import places

    if not (fragment[:1].isupper() and fragment.endswith("s") and fragment.isalpha()):
        return False
    if not _THE_BEFORE.search(text, max(0, span.start - 6), span.start):
        return False
    if _ONE_THING_AFTER.match(text, span.end):
        return False  # "The Bottoms is called that for a reason": one place, not a family
    low = fragment.lower()
    stems = {low[:-1], low[:-2]} if low.endswith("es") else {low[:-1]}
    return any(is_census_name(stem) and stem not in places() and low not in places() for stem in stems)


_ONE_THING_AFTER = re.compile(r"[ \t]+(?:is|was|has|covers|sits|lies|floods|flooded)\b")
# Words after a place that spaCy's stop list lacks: "the Platte near the bridge".
_FUNCTION_WORDS = frozenset("near past outside inside toward towards till til thru via".split())
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def _noun_after(text: str, end: int) -> bool:
    """"the Jensen novel", "the Castro case": a name used before a noun, not a place."""
    from spacy.lang.en.stop_words import STOP_WORDS

    m = _NEXT_WORD.match(text, end)
    word = m.group(1) if m is not None else ""
    return bool(word) and word not in STOP_WORDS | _PLACE_HEADS | _AGENCY_WORDS | _FUNCTION_WORDS


# Heads that make a name an organisation of the kind the program calls an agency.
_AGENCY_HEADS = frozenset("authority cscd hidta shelter".split())
_FORCE_BEFORE = frozenset("task strike enforcement".split())
_DISTRICT_BEFORE = frozenset("school judicial police fire patrol sheriff's ranger transit park water".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")
_POLICE_NEAR = re.compile(
    r"(?i:\b(?:police|sheriff'?s?|patrol|troop|trooper|pd|so|chp|usbp|border|ranger|precinct|marshals?|"
    r"[a-z]{2,4}pd)\b)"
)


_AT_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:at|in|near|outside|inside|to|into|on|through|thru|past|behind|by|toward|towards)"
    r"(?:[ \t]+the)?)[ \t]+$"
)


def _agency_headed(text: str, span: RawSpan, words: list[str]) -> bool:
    last, prev = words[-1], words[-2]
    if last in _AGENCY_HEADS or (last == "force" and prev in _FORCE_BEFORE) or (
            last == "control" and prev == "animal") or (last == "division" and prev == "field"):
        return True
    if last == "district":
        return prev in _DISTRICT_BEFORE or bool(_ORDINAL.fullmatch(words[0]))
    if last in ("station", "substation", "barracks", "detachment", "precinct"):
        # a police station named as a command ("Troop T, Bowmansville Station", "agents from
        # the Ajo Station"): police words on the same line before it; a station one is AT is
        # the place ("at Union Station")
        if _AT_PLACE_BEFORE.search(text, max(0, span.start - 20), span.start):
            return False
        line_start = text.rfind("\n", 0, span.start) + 1
        return _POLICE_NEAR.search(text, max(line_start, span.start - 60), span.start) is not None or any(
            w in ("pd", "police", "patrol") for w in words)
    return False


_RANK_BEFORE = re.compile(rf"(?i:\b(?:{_RANKS}))\.?[ \t]+$")
_ADDRESS_COMMA_BEFORE = re.compile(
    r"(?i:\b(?:box|post|rd|road|st|street|ave|avenue|hwy|highway|route|rte|lane|ln|dr|drive|blvd|way|"
    r"office|department|pd|so)\.?|(?<!:\d)\d)[ \t]*,[ \t]*$"  # (not a clock's "11:41, ")
)
_POSSESSIVE_END = re.compile(r"\p{Lu}[\p{L}'’-]*['’]s$")
_AT_A_PLACE_BEFORE = re.compile(r"(?i:\b(?:at|to|from|into|outside|behind|inside|across[ \t]+from))[ \t]+$")
_NO_NOUN_AFTER = re.compile(r"[ \t]*(?:[,.;:!?)\n]|$|[ \t](?i:on|in|at|off|near|by|across|over|out|up|down|"
                            r"and|when|where|with|for|that|after|before|around)\b)")
_ROAD_THE_BEFORE = re.compile(
    r"(?i:\b(?:on|onto|off|along|take|took|taking|via|exit|exited|merged[ \t]+onto)[ \t]+the)[ \t]+$")
_MOVING_AFTER = re.compile(r"[ \t]+(?:[a-z]+ing|(?i:north|south|east|west)(?:bound)?|near|at|by|when)\b")
_MESSAGE_FROM_BEFORE = re.compile(
    r"(?i:\b(?:call|calls|called|phone[ \t]+call|text|texts|message|messages|voicemail|email|e-mail|"
    r"letter|note|tip|visit|word)[ \t]+from)[ \t]+$")
_FROM_OR_IN_BEFORE = re.compile(r"(?i:\b(?:from|in|at|near|to|of))[ \t]+$")  # "a visitor from Germany walked"
# a plate or a number "came back to" its owner, not a place
_OWNER_BEFORE = re.compile(r"(?i:\b(?:came|comes|coming|come)[ \t]+back[ \t]+to|\breturn(?:s|ed)?[ \t]+to|"
                           r"\bregistered[ \t]+to)[ \t]+$")
_NAME_IS_BEFORE = re.compile(
    r"(?i:\b(?:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|i[ \t]+am|i['’]m|it['’]s|it[ \t]+is|"
    r"this[ \t]+is))[ \t]+$")
_KIN_COMMA_BEFORE = re.compile(
    r"(?i:\b(?:my|our|his|her|their)[ \t]+(?:husband|wife|son|daughter|brother|sister|father|mother|"
    r"partner|boyfriend|girlfriend|fiance|fiancee|cousin|uncle|aunt|nephew|niece|friend|neighbor|"
    r"neighbour|roommate|sergeant|sgt|fto|trainee|lieutenant|lt))[ \t]*,[ \t]*$")
_CORRECTIONS_OFFICER_BEFORE = re.compile(r"\b(?:C/O|CO|C\.O\.|IM|INMATE|DET|DEP|OFC|SGT|TPR)\.?[ \t]+$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
# the line after a signature's name: a job title
_SIGNATURE_LINE = re.compile(
    r"[ \t]*\n[ \t]*[^\n]{0,40}\b(?i:manager|officer|sergeant|supervisor|director|chief|coordinator|"
    r"deputy|lieutenant|captain|specialist|analyst|commander|investigator|detective|trooper|agent|"
    r"administrator|clerk|dispatcher|instructor|ranger|warden|marshal|sheriff)\b")
_COMPANION_BEFORE = re.compile(
    r"(?i:\b(?:me|i|he|she|my[ \t]+partner|partner|my[ \t]+fto)[ \t]+(?:and|&))[ \t]+$"
)
# "Location of contact: Reid Park", "the turnout above Lowell Point"
_PLACE_FIELD_BEFORE = re.compile(
    r"(?i:\b(?:loc|location|address|addr|scene|site|place)\b[^:\n]{0,20}:|"
    r"\b(?:above|below|beyond|beside|behind|over|under|outside|inside|around|through|thru))[ \t]*$"
)
# "driven by Jordan Pike", "shot by Grady Pike": what a person does to the writer or a thing
_DONE_BY_BEFORE = re.compile(
    r"(?i:\b(?:driven|operated|occupied|owned|rented|shot|stabbed|assaulted|attacked|punched|kicked|"
    r"bitten|approached|followed|confronted|threatened|arrested|detained|relieved|assisted|called|"
    r"contacted|reported|identified|rammed|tackled|grabbed|raised|hired|sent|told)[ \t]+by)[ \t]+$"
)
_STREET_BEFORE = re.compile(
    r"(?i:\b(?:on|at|off|along|onto|down|up|to|from|near|via|across|of|by|past|toward|towards|into|"
    r"in|the|and|&|/))[ \t]+$"
)


def _has_head(words: list[str]) -> bool:
    return any(w in _AGENCY_WORDS for w in words) or words[-1] in _PLACE_HEADS


def _given_then_surname(words: list[str]) -> bool:
    return len(words) >= 2 and is_given_name(words[0])


