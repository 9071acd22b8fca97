"""Identifier kinds recognised by their shape in police writing of every casing (issue 19):
agencies typed in lower case ("polk co so", "ames pd"), troops and precincts, road
abbreviations ("cr 118", "fm 1960", "county rd 300 e"), chain businesses named in lower
case, initials before a surname ("J.D. Marsh"), nicknames in quotes, K9 names and K9 call
signs, spelled-out call signs ("two david fourteen") and plates written with their state
("OK 4417 BT")."""

from __future__ import annotations

import regex as re

from workstation.detect import census, vocab
from workstation.detect.gazetteer import places, small_places, state_codes, state_names
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx, alternation
from workstation.detect.recognizers.chains import CHAIN_FIRST_WORDS, CHAINS_LOWER, chain_refine
from workstation.detect.recognizers.city_state import city_state_refine
from workstation.detect.recognizers.identifiers import PHONETIC_WORDS, TIME_AWAY
from workstation.detect.recognizers.road_context import (
    NEEDS_NUMBER_WORD,
    ROUTE_STATES,
    SPOKEN_NUMBER,
    TRAVEL,
    after_place_word,
    after_road_name,
    spoken_road,
)
from workstation.detect.spans import time_then_word
from workstation.detect.vocab import AGENCY_SUBJECT_WORDS, RANK_TITLES, REPORT_SHORTHAND

_SUBJECT = rf"(?i:{alternation(sorted(AGENCY_SUBJECT_WORDS))})(?![\w'’-])"

_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred"
)
_NUM = rf"(?:{_NUMBER_WORDS})"
_PHON = PHONETIC_WORDS

# Agency tails after a place name; "co"/"county" before them makes lower case safe.
_AGENCY_TAIL = (
    r"(?:so|sd|pd|fd|sheriff'?s?(?:\s+(?:office|dept\.?|department))?|police(?:\s+dept\.?|"
    r"\s+department)?|fire(?:\s+(?:dept\.?|department|rescue|(?:and|&)\s+(?:ems|rescue)))?|ems|911|dispatch|"
    r"parks\s+(?:and|&)\s+rec(?:reation)?|"
    r"(?:pct|precinct)\.?\s*\d{1,2}|constable(?:\s+(?:pct|precinct)\.?\s*\d{1,2})?|da)"
)
_COUNTY = r"(?:co|cnty|county|parish|par)\.?"
# Acronyms after "transported to" that are no particular place.
_GENERIC_CARE = frozenset("er icu ed or jail hosp ems ems er".split())
# After a house number, these are times, counts or measures, not street names.
_NOT_STREET_NAME = frozenset(
    """hours hrs hour block blocks feet foot yards miles mile times rounds people units officers
    degrees pounds monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december am pm hrs side bound
    end""".split()
)
# road prefixes that are also words: taken in lower case only after a place word ("its 86 degrees")
_WORD_ROADS = ("us ", "k ", "m ", "n-", "its", "bia")
# Words before a feature word that do not name it ("the old bridge", "a steep mountain").
_GENERIC_FEATURE_FIRST = frozenset(
    """the a an this that old new big small little steep narrow wooden concrete railroad rail
    nearest next same other local county state city private public back front north south
    east west upper lower my our his her their""".split()
)
# Words after a given name that make a place or an organisation, not a surname.
_NOT_SURNAME = frozenset(
    """street st avenue ave road rd drive dr lane ln boulevard blvd court ct way place pl park
    county city parish township hospital school church center centre mall plaza motel hotel
    inn apartments apts station police sheriff department office fire lake river creek bay
    island beach mountain ridge valley hills springs falls bridge highway hwy route trail""".split()
)
_ANIMALS = "horse|mare|gelding|stallion|pony|mule|donkey|bull|steer|cow|heifer|dog|puppy"
_K9_NOT_NAME = frozenset(
    """unit units handler handlers team officer deputy sgt trooper partner search track
    tracked tracking sniff sniffed alert alerted bite bit training vehicle car truck was
    is had has and the a an to on in at of for with from deployed deploy deployment
    named dog dogs called found bark barked apprehension certified officer's program
    units sweep sweeps scan scans sniffs alerts bites tracks searches deployments handlers
    teams officers cars trucks vehicles van vans kennel kennels cage vest sergeant corporal
    """.split()
)
_CONTRACTION = re.compile(r"['’](?:m|re|ll|ve|d|t)$")
_SHORTHAND = frozenset("req adv advd ref susp rp cb via notify notified request requests requested".split())
_QUOTED_NAME = r"[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]*)?"  # ("Big Q")
# what a bracket after a quoted name says it names: a horse, a dog, a person known by it
_ALIAS_DESCRIPTIONS = (
    r"gelding|mare|stallion|horse|pony|mule|bay|chestnut|sorrel|palomino|grey|gray|percheron|"
    r"thoroughbred|dog|mix|shepherd|malinois|retriever|lab|labrador|pit|pitbull|mastiff|hound|"
    r"terrier|rottweiler|husky|k-?9|canine|unk|unknown|refused|real[ \t]+name|aka|nickname|alias|"
    r"street[ \t]+name")


# "its" and a count, no Maine trail ("ITS 83"): "ITS 4 WAY FLASHERS", "its 2 doors", "its 3 occupants"
_COUNTED_AFTER_ITS = re.compile(r"[ \t-]*(?i:ways?|doors?|occupants?|passengers?|wheels?|tires?|tyres?|"
                                r"windows?|seats?|lanes?|people|men|women|kids|children|dogs?|shots?|rounds?|times?|"
                                r"hours?|minutes?|days?|weeks?|months?|years?|feet|ft|miles?|blocks?|units?|"
                                r"stor(?:y|ies)|floors?|cylinders?|axles?)\b")


# what follows "so" the word, not a sheriff's office
_SO_THE_WORD = re.compile(r"[ \t]+(?i:far|that|much|many|long|good|bad|i|we|he|she|they|it|you|"
                          r"he'?d|we'?d|the|now|then|there)\b")


def _its_count(text: str, start: int, end: int) -> bool:
    return text[start:start + 3].lower() == "its" and _COUNTED_AFTER_ITS.match(text, end) is not None


def shape_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    codes = "|".join(sorted(state_codes()))
    issuers = "|".join((codes, *vocab.PLATE_PROVINCES))  # a plate's or a licence's: a state or a province
    issuer_codes = frozenset(issuers.split("|"))
    known_places = places()
    small = small_places()

    state_alternation = "|".join(sorted(state_names(), key=len, reverse=True))

    def town_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        if words[0].lower().rstrip(".") in RANK_TITLES or lexicon.is_stop(words[0]):
            if len(words) == 1:
                return None
            start += len(words[0]) + text[start + len(words[0]):end].index(words[1])
            words = words[1:]
        if " ".join(words).lower() in known_places or " ".join(words).lower() in small:
            return start, end
        if any(lexicon.is_common(w) and not lexicon.is_name(w) for w in words) or (
                len(words) == 2 and all(census.is_census_name(w) or census.is_given_name(w) for w in words)):
            return None  # "Tell Dave, Arkansas"; "Faith Okoro, Arkansas" (a person)
        return start, end

    def place_before(text: str, start: int, end: int) -> tuple[int, int] | None:
        """'ames pd', 'garden grove pd', 'polk co so': the words before the county word
        or the tail must be a place or not everyday English ('the pd', 'called pd' are not
        agencies); a leading ordinary word is dropped ('for polk co so')."""
        span = text[start:end]
        m = re.match(rf"(?i)(?P<p>.+?)\s+(?:{_COUNTY}\s+)?(?:{_AGENCY_TAIL})$", span)
        if not m or (span[-3:].lower() == " so" and _SO_THE_WORD.match(text, end) and not re.search(
                r"(?i)\s(?:co|cnty)\.?\s+so$", span)):
            return None  # "mission so far", "dallas so we could" (not "jefferson co so i think")
        words = m.group("p").split()
        ordinary_first = (lexicon.is_common(words[0].rstrip("."))
                          and " ".join(words).lower() not in known_places)
        if len(words) > 1 and (lexicon.is_stop(words[0]) or ordinary_first):
            start += len(words[0]) + 1
            while start < end and text[start].isspace():
                start += 1
            words = words[1:]
        place = " ".join(words).lower()
        # a small town's police or service by its capital ("Larned EMS", "Harvey PD"; in small letters
        # many are everyday words: "post pd", "west pd"), not its "so", mostly the word
        small_ok = words[-1][:1].isupper() and not span.endswith((" so", "\tso"))
        if place in known_places or (small_ok and len(words) > 1 and place in small):
            return start, end
        last_town = text.rindex(words[-1], start, end - len(span) + m.end("p"))
        if small_ok and words[-1].lower() not in known_places and words[-1].lower() in small:
            return last_town, end  # "I was with Sitka PD": the small town alone
        if words[-1].lower() in known_places:
            if len(words) > 1 and census.is_census_name(words[0]) and not lexicon.is_common(words[0]):
                return last_town, end  # "Ortiz Marion Co SO": a person's name, then the county's
            return start, end
        if any(lexicon.is_stop(w) or w.lower() in _SHORTHAND for w in words):
            return None  # "UNITS REQ PD": shorthand is no town
        county = re.search(rf"(?i)\s{_COUNTY}\s", span) is not None
        if not county and re.search(r"(?i)\sso$", span):
            return None  # "first so": only a known place or a county makes "so" an agency
        if not county and any(lexicon.is_common(w) and not lexicon.is_name(w) for w in words):
            return None  # "the pd", "called pd"; with "co" the county name may be a word ("story co")
        return start, end

    def initials_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        surname = re.search(r"[\w'’-]+$", text[start:end])
        if surname is None:
            return None
        word = surname.group()
        if re.match(r"(?i)(?:p\.\s?o|u\.\s?s|d\.\s?c|a\.\s?m|p\.\s?m)\.", text[start:end]):
            return None  # "P.O. Box", "U.S. Marshals", "A.M."
        line_start = start == 0 or text[start - 1] == "\n"
        if text[start] in "QA" and text[start + 1:start + 2] == "." and line_start:
            return None  # "Q. Officer, tell the jury...": a transcript's question and answer
        if lexicon.is_common(word) and not lexicon.is_name(word) and word.lower() not in census.surnames():
            return None
        return start, end

    def colon_name(text: str, start: int, end: int) -> tuple[int, int] | None:
        """A "sovereign" name, never a transcript's speaker ("MENSAH-DOBBS: Because") nor a
        heading ("Follow-up: Deputy"): given names before the colon, no everyday word after it."""
        line = text[text.rfind("\n", 0, start) + 1:start]
        if not line.strip() or line.rstrip().endswith(("-", "–", "—")):
            return None
        given = text[start:text.index(":", start)].lower().split("-")
        after = text[start:end].rsplit(None, 1)[-1]
        if not all(lexicon.is_census_or_plain_given_name(g) for g in given) or (
                after.lower() not in census.surnames() and after.lower() not in ("bey", "el")
                and lexicon.is_common(after)):  # (Moorish names end in "Bey" or "El")
            return None
        return start, end

    def surname_lower(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        if word not in census.surnames() or lexicon.is_stop(word) or lexicon.is_common(word):
            return None  # ("sgt. major", "lt. col": a rank goes on)
        return start, end

    def census_pair(text: str, start: int, end: int) -> tuple[int, int] | None:
        given, surname = text[start:end].lower().split()
        # Social Security names only where they are no everyday word ("MINOR INJ", "Rider")
        if not lexicon.is_census_or_plain_given_name(given) or surname in _NOT_SURNAME or (
                lexicon.is_stop(surname) or _CONTRACTION.search(surname)):  # "So I'm", "Will doesn't"
            return None
        if f"{given} {surname}" in known_places or f"{given} {surname}" in small:
            return None  # "Belle Vernon", "Glen Carbon": a town
        if surname in census.surnames() or lexicon.is_name(surname) or not lexicon.is_common(surname):
            return start, end
        return None

    def acronym_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        if lexicon.is_stop(word) or lexicon.is_common(word) or word.lower() in _GENERIC_CARE:
            return None  # "taken to jail", "flown to the ER"
        return start, end

    def possessive_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        owner = re.match(r"[a-z]+", text[start:end]).group()  # type: ignore[union-attr]
        if lexicon.is_stop(owner) or owner in ("someone", "everyone", "nobody", "anybody"):
            return None  # "his dad's garage" stays, "someone's car" does not
        return start, end

    def house_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        number, word = text[start:end].split()[0], text[start:end].split()[-1].lower()
        if word in _NOT_STREET_NAME or lexicon.is_stop(word) or word.endswith("s"):
            return None  # "at 2230 Hours", "to 300 Yards", "at 0300 Monday"
        if time_then_word(number, word):
            return None  # "At 1645 Dispatch advised", "At 2245 Sgt. Ramos", "At 1130 John Miller"
        return start, end

    def direction_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end].split()[1].lower()
        if lexicon.is_stop(word) or word in _NOT_STREET_NAME:
            return None
        return start, end

    def feature_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        while len(words) > 1 and (lexicon.is_stop(words[0])
                                  or words[0].lower() in _GENERIC_FEATURE_FIRST):
            start += len(words[0]) + 1
            while text[start] in " \t":
                start += 1
            words = words[1:]
        # "Gideon Marsh": a person, as the name recognizers will say ("the Morrison Bridge" a place)
        after_the = text[max(0, start - 4):start].lower().endswith("the ")
        if len(words) == 2 and census.is_given_name(words[0], wide=True) and (
                words[1].lower() in census.surnames() and not after_the):
            return None
        return (start, end) if len(words) > 1 else None

    def caps_place(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        common = lexicon.is_common(word) and word.lower() not in known_places
        if common or not re.search(r"[AEIOUYÀ-ÿ]", word, re.IGNORECASE):
            return None  # acronyms ("DMV") and shouting ("in PURSUIT") are not places
        line = text[max(0, start - 80):start]
        if sum(c.isupper() for c in line) > 0.5 * max(1, sum(c.isalpha() for c in line)):
            return None  # inside a passage typed in capitals
        return start, end

    def middle_initial(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        first, last = words[0].lower(), words[-1].lower()
        if lexicon.is_stop(first) or first in _NOT_SURNAME or last in _NOT_SURNAME:
            return None
        if first in census.given_names() or last in census.surnames() or not (
            lexicon.is_common(first) or lexicon.is_common(last)
        ):
            return start, end
        return None

    def surnames_only(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = re.findall(r"[A-Za-z'’]+", text[start:end])
        names = [w for w in words if w != "and"]
        if all(w.lower() in census.surnames() or not lexicon.is_common(w) for w in names):
            return start, end
        return None

    def company_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        while words and (lexicon.is_stop(words[0]) or words[0].lower() in ("the", "a", "an")):
            start += len(words[0]) + 1
            words = words[1:]
        # (one everyday word and its form: longer names of everyday words are read as businesses)
        legal_form = len(words) == 2 and words[-1].rstrip(".").lower() in ("inc", "llc", "ltd", "corp")
        if len(words) < 2 or (not legal_form and all(lexicon.is_common(w) and not w[:1].isdigit()
                                                     for w in words[:-1])):
            return None  # "the Express", "Delivery Company" (but "Apple Inc.", "Snap Inc.": a company)
        return start, end

    def k9_name(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        if word.lower() in _K9_NOT_NAME or lexicon.is_stop(word) or word.isdigit():
            return None
        if word.lower().endswith(("ed", "ing", "ly")) and text[start - 1:start] not in ("(", '"', "“"):
            return None  # "the k9 sniffed", "canine alerting": dogs' names are often words
        if word.islower() and lexicon.is_stop(word):
            return None
        return start, end

    def quoted_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].split()
        if all(lexicon.is_stop(w) or w.lower() in REPORT_SHORTHAND for w in words):
            return None  # 'aka "NONE"', 'Dog: "UNK"'
        return start, end

    def plate_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        groups = text[start:end].split()[1:]
        body = "".join(groups)
        if not (any(c.isdigit() for c in body) and any(c.isalpha() for c in body)):
            return None
        if any(g.isalpha() and (lexicon.is_stop(g) or (g not in issuer_codes and lexicon.is_common(g)))
               for g in groups):
            return None  # "IN 2024 WE" (but "AR AB 41877": a plate's letters may be a state's code)
        return start, end

    return [
        RegexRecognizer(
            "AgencyShapeRecognizer", "AGENCY",
            [
                Rx("county_agency", rf"(?<![\w'’])[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*)?\s+{_COUNTY}"
                   rf"\s+{_AGENCY_TAIL}(?![\w'’])", 0.8, CI, refine=place_before,
                   needs=rf"{_COUNTY}\s+{_AGENCY_TAIL}"),
                Rx("place_pd", r"(?<![\w'’])[a-z][\w'’.-]*(?:\s+[a-z][\w'’.-]*)?\s+"
                   r"(?i:pd|so|sd|fd|police[ \t]+(?:department|dept\.?)|"
                   r"sheriff'?s?[ \t]+(?:office|department|dept\.?)|"
                   r"fire[ \t]+(?:department|dept\.?))(?![\w'’])",
                   0.7, CI, refine=place_before),
                Rx("place_service", r"(?<![\w'’])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?[ \t]+"
                   # ("Sumter County Fire & EMS", "Austin Parks and Recreation": the longer first)
                   r"(?:Fire[ \t]+(?:and|&)[ \t]+(?:EMS|Rescue)|Parks[ \t]+(?:and|&)[ \t]+Rec(?:reation)?|"
                   r"Fire|EMS|911|Dispatch|Fire[ \t]+Rescue|Fire[ \t]+Department|FD)(?![\w'’])",
                   0.7, CS, refine=place_before),
                # a fire department's or a state DOT's acronym: "SAFD", "GFD", "MNDOT" (not a
                # "PFD", the life jacket)
                Rx("fd_dot_acronym",
                   r"(?<![\w'’./-])(?!PFD\b)(?:[A-Z]{1,3}FD|FDNY|[A-Z]{2,4}DOT)(?![\w'’/-])", 0.7, CS),
                Rx("troop", r"\b(?:Troop|TROOP|troop)\s+[A-Z]\b(?!['’])", 0.75, CS),
                Rx("precinct", r"\b(?i:precinct|pct\.?)\s*\d{1,3}\b", 0.7, CS),
                Rx("number_precinct", r"\b\d{1,3}(?i:st|nd|rd|th)?[ \t]+(?i:precinct|pct)\b|"
                   r"\b\d{1,3}(?i:st|nd|rd|th)[ \t]+(?i:district|dist)\b", 0.7, CS),  # "5TH DISTRICT"
                # "Probation and Parole", "Fish and Wildlife", "Parks and Wildlife"
                Rx("and_agency", r"\b(?i:probation\s+and\s+parole|fish\s+and\s+(?:wildlife|game)|"
                   r"(?:parks|wildlife)\s+and\s+(?:wildlife|fisheries|parks)|alcohol,?\s+tobacco"
                   r"(?:,?\s+firearms)?(?:,?\s+and\s+explosives)?)(?:\s+(?i:department|division|"
                   r"commission|office|service))?(?![\w'’-])", 0.7, CS),
                # what it is "of", in words of government work, in any case ("BUREAU OF LAND
                # MANAGEMENT", "department of fish and wildlife", "Office of the Inspector General")
                Rx("division_of", r"\b(?i:division|department|dept\.?|bureau|office)\s+of\s+(?i:the\s+)?"
                   rf"{_SUBJECT}(?:(?:,?\s+(?i:and|&)\s+(?!(?i:state|sheriff|highway)\b)|,\s+|\s+){_SUBJECT}){{0,5}}"
                   r"(?![\w'’-])", 0.8, CS),
            ],
        ),
        RegexRecognizer(
            "RoadShapeRecognizer", "LOCATION",
            [
                # the state or province that issued a plate or a licence: "BC plates", "CA license"
                # (codes that are also words are left out: "SHOW ME LICENSE", "IN PLATES")
                Rx("state_before_document", rf"(?<![\w'’/-])(?!(?:IN|ON|OR|ME|HI|OH)\b)"
                   rf"(?:{issuers})(?=[ \t]+(?i:plates?|tags?|licen[cs]e|lic\.?|"
                   r"dl|oln|registration|reg\.?|driver'?s?[ \t]+licen[cs]e|id[ \t]+card)\b)", 0.6, CS,
                   needs=r"(?-i:\b[A-Z]{2}[ \t]+)(?:plate|tag|lic|dl|oln|reg|driver|id)"),
                # "I am in TROMSØ", "moved here from ALFRICK": a word in capitals after a place
                # preposition in normally typed text (ALL-CAPS passages are recased first)
                Rx("caps_place", r"\b(?:in|from|to|near|of|visiting|visit)\s+(?P<x>\p{Lu}{4,}"
                   r"(?:[ -]\p{Lu}{3,})?)"
                   r"(?![\w'’-])", 0.5, CS, "x", refine=caps_place),
                # "cr 118", "fm 1960", "sr 51", "us 69", "co rd 5", "county rd 300 e", "mm 14", "STH 47"
                # forest and tribal roads too: "FR 151", "FSR 2810", "BIA 15", "N-59", "ITS 86"
                Rx("road_abbreviation", r"(?<![\w'’-])(?:cr|fm|rm|sr|sh|sth|ush|cth|us|hwy|rte?|rt\.|"
                   r"co\.?\s*rd|county\s+rd|cty\s+rd|state\s+hwy|(?:k|m|n)(?=-)|mm|mp|exit|fr|fsr|bia|its)"
                   r"[ \t-]?\d{1,4}[a-z]?(?:[ \t]+(?:[nsew]|[nsew]b)(?![\w'’]))?(?![\w'’-])", 0.7, CI,
                   refine=lambda t, s, e: None if (t[s:e].lower().startswith(_WORD_ROADS)
                   and not t[s:e][:2].isupper() and not after_place_word(t, s)) or _its_count(t, s, e)
                   else (s, e)),
                # dictated roads, the number in words: "i eighty eastbound", "highway ninety five"
                Rx("spoken_road", rf"\b(?:(?i:i|interstate|highway|hwy|route|state[ \t]+route|"
                   rf"county[ \t]+road|exit|mile[ \t]+marker)|US)[ \t-]+{SPOKEN_NUMBER}(?![\w'’-])",
                   0.6, CS, refine=spoken_road, needs=NEEDS_NUMBER_WORD),
                # ... a state's route after a word of travel: "on LA one"
                Rx("spoken_state_route", rf"(?<=\b(?i:{TRAVEL})[ \t])(?:{ROUTE_STATES})[ \t-]+"
                   rf"{SPOKEN_NUMBER}(?![\w'’-])", 0.6, CS, refine=spoken_road,
                   needs=rf"\b(?:{TRAVEL})[ \t](?:{ROUTE_STATES})[ \t-]"),
                # a freeway by its number alone, as California says it: "the 99 southbound", "got on the
                # 5 at Lost Hills" (not "the 3 count", "the 2 of them")
                Rx("freeway_by_number", r"(?<=\b(?i:the)[ \t]+)\d{1,3}(?=[ \t]+(?i:north|south|east|west)"
                   r"bound\b|[ \t]+(?i:freeway|fwy|nb|sb|eb|wb)\b|(?<=\b(?i:on|off|onto|take|took|via|exit|"
                   r"exited)[ \t]+the[ \t]+\d{1,3})[ \t]+(?i:at|near|past|toward|towards|through|between|"
                   r"by)\b)", 0.6, CS,
                   needs=r"(?i:the)[ \t]+\d"),
                # a state route by its state's code: "KY 15", "WY-28", "NM 14", "AL 77" (codes that
                # are also words or titles are left out: "IN 15 MINUTES", "OK 4", "OH", "PA", "MD", "CO")
                Rx("state_route", rf"(?<![\w'’/-])(?:{ROUTE_STATES})[ -]\d{{1,4}}"
                   rf"(?![\w'’-]|[ \t-]?[A-Z0-9]{{2}})", 0.6, CS),
                # "Seward Hwy, mile 104", "on US 2 at mile 31.5": a mile along the road just named
                Rx("mile_on_road", r"\b(?i:mile|milepost|km|kilometer|kilometre)[ \t]+\d{1,4}(?:\.\d)?"
                   r"(?![\w'’-]|\.\d)", 0.7, CS, refine=after_road_name, needs=r"mile|km|kilomet"),
                Rx("road_direction", r"(?<![\w'’-])(?:i|ih|us|sr|hwy|highway|interstate|route|rte?|"
                   r"county\s+road|state\s+route)[ \t-]?\d{1,4}[a-z]?[ \t]+(?:[nsew]b?|north|south|east|"
                   r"west)(?:bound)?(?![\w'’])", 0.75, CI),
                # "gate N7", "CONCOURSE C", "site C-44": a letter designator too
                Rx("berth_campsite", r"\b(?i:berth|campsite|camp\s*site|site|slip|pier|dock|lot|space|"
                   r"stall|gate|platform|track|concourse|terminal|hangar|wing)[ \t]*#?[ \t]*"
                   r"(?:\d{1,4}[A-Za-z]?\b|[A-Z]{1,2}-?\d{1,3}\b|[A-Z](?![\w'’-]))", 0.6, CS,
                   refine=lambda t, s, e: (s, e) if not t[s:e].lower().startswith(("site", "gate",
                                                                                     "track", "lot"))
                   or after_place_word(t, s) or t[s:e][0].isupper() else None),
                # a numbered trail or corridor: "Trail 102", "VAST Corridor 7", "ITS Trail 83", in any case
                # (not a chair or a lift by its number: a seat, a count; not "ITS 2 DOORS")
                Rx("numbered_trail", r"\b(?:VAST[ \t]+(?:(?:Corridor|CORRIDOR|Trail|TRAIL)[ \t]+)?|"
                   r"ITS[ \t]+(?:Corridor|CORRIDOR|Trail|TRAIL)[ \t]+|"
                   r"(?i:trail|corridor)[ \t]+)#?\d{1,3}[A-Z]?\b"
                   r"(?![-/.]\d|[ \t]+(?i:miles?|mi|min|minutes|hours?|feet|ft|yards?|blocks?|times?|doors?|"
                   r"more|of|percent|%)\b)", 0.6, CS, needs=r"(?i:trail|corridor)[ \t]+#?\d"),
                # natural features and named facilities: "Lookout Mountain", "Lake Tawakoni",
                # "State Forest 12", "Shady Rest Nursing Home", "Port of Tacoma"
                Rx("feature", r"(?<![\w'’-])(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:Mountains?|Mtn|Bridge|Crossing|"
                   r"Reservoir|Forest|Wilderness|Island|Islands|Bayou|Butte|Mesa|Wash|Campground|Trailhead|Marsh|"
                   r"Swamp|Pond|Brook|Slough|Lagoon|Inlet|Cove|Dam|Levee|Peak|Nursing[ \t]+Home|"
                   r"Care[ \t]+Center|Rail[ \t]?Yard|Yard)"
                   r"(?![\w'’-])", 0.6, CS, refine=feature_refine),
                Rx("feature_first", r"(?<![\w'’-])(?:(?i:Lake|Mount|Mt\.|Camp|Fort|Ft\.|Port[ \t]+of|"
                   r"Isle[ \t]+of)[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?|(?i:State|National)[ \t]+"
                   r"(?i:Forest)[ \t]+(?:[A-Z][\w'’-]+|\d{1,4}))(?![\w'’-])", 0.6, CS),
                # "transported to HCMC", "flown to OHSU": a hospital by its acronym
                Rx("care_acronym", r"\b(?i:transported|taken|flown|airlifted|rushed|brought|admitted|"
                   r"transferred|released\s+from|discharged\s+from)\s+(?i:to|at|from)?\s*(?i:the\s+)?"
                   r"(?P<x>[A-Za-z]{2,6})\b", 0.55, CS, "x", refine=acronym_refine),
                # "obi's auto", "tony's bar": a business named by a possessive, in lower case
                Rx("possessive_business_lower", r"(?<![\w'’-])[a-z]{2,}['’]s[ \t]+(?i:auto|garage|bar|grill|"
                   r"diner|market|tavern|pawn|liquor|liquors|tire|towing|body\s+shop|place|pub|cafe|"
                   r"motel|inn|store|shop|lounge|club|salon|kitchen)(?![\w'’-])", 0.55, CS,
                   refine=possessive_refine),
                # "at 2219 Elm", "to 1532 Pierce": a house number and a street name without "St"
                Rx("house_number_street", r"\b(?i:at|to|on|from|of)\s+(?P<x>\d{2,6}[ \t]+[A-Z][a-z]{2,})"
                   r"(?![\w'’-])", 0.5, CS, "x", refine=house_refine),
                # "on e main", "off w 7th": a direction letter and a street
                Rx("direction_street", r"\b(?i:on|at|to|from|off|near|down|up)\s+(?P<x>(?i:[nsew]\.?)[ \t]+"
                   r"(?:\d{1,3}(?:st|nd|rd|th)|[a-z][a-z]{2,})"
                   r"(?:[ \t]+(?i:st|ave|rd|blvd|dr|ln|street|avenue|road))?)(?![\w'’-])", 0.5, CS, "x",
                   refine=direction_refine),
                Rx("chain", rf"(?<![\w'’-])(?i:{alternation(CHAINS_LOWER)})(?![\w'’-])", 0.6, CS,
                   refine=chain_refine, first_words=CHAIN_FIRST_WORDS),
                # "Hope, Arkansas", "(Liberty, Missouri)": the town before its state's name
                Rx("city_state_name", rf"(?<![\w'’-])([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?),[ \t]*"
                   rf"(?:{state_alternation})(?![\w'’-])", 0.6, CS, 1, refine=town_refine,
                   needs=rf",[ \t]*(?:{state_alternation})(?![\w'’-])"),
                Rx("city_state", rf"(?<![\w'’-])[A-Za-z][\w'’.-]*(?:[ \t]+[A-Za-z][\w'’.-]*)?,[ \t]*"
                   rf"(?:{codes})(?![\w'’-])", 0.6, CS, refine=city_state_refine(lexicon, known_places),
                   needs=rf"(?-i:,[ \t]*(?:{codes})(?![\w'’-]))"),
            ],
        ),
        RegexRecognizer(
            "NameShapeRecognizer", "PERSON",
            [
                # a record's "LAST, FIRST MIDDLE" before the person's race and sex: "GRIDER, COLT ALLEN
                # W/M 24", "Okafor, Chidi B/M" (the code says a person, whatever the words are besides)
                Rx("name_before_race_sex", r"(?<![\w'’-])\p{Lu}[\p{L}'’-]+,[ \t]+\p{Lu}[\p{L}'’-]+"
                   r"(?:[ \t]+\p{Lu}[\p{L}'’-]*\.?)?(?=[ \t]*,?[ \t]*[WBHAIU][ \t]?/[ \t]?[MF]\b)", 0.85, CS,
                   needs=r"\b[WBHAIU][ \t]?/[ \t]?[MF]\b"),
                # a "sovereign" style name: given names joined by hyphens, a colon, the family name
                # ("RICHARD-EARL: HOCHSTETLER", "robert-allen: of the family Keene", "Rubén-Ángel: de la
                # familia Guerra")
                Rx("colon_name", r"(?<![\w'’/-])\p{L}[\p{L}'’]+(?:-\p{L}[\p{L}'’]+)+:[ \t]+(?:(?i:of[ \t]+the"
                   r"[ \t]+family|de[ \t]+la[ \t]+familia|of[ \t]+the[ \t]+house[ \t]+of)[ \t]+)?"
                   r"\p{L}[\p{L}'’-]+", 0.8, CS, refine=colon_name, needs=r"\w-\w+:[ \t]"),
                # (a surname's accent may end it: "R. Cantú", "Á. Peña")
                Rx("initials", r"(?<![\w.])\p{Lu}\.(?:[ \t]?[A-Za-z]\.){0,2}[ \t]?\p{Lu}[\w'’-]*\p{L}"
                   r"(?:-\p{Lu}[\w'’]+)?",
                   0.85, CS, refine=initials_refine),
                Rx("initials_lower", r"(?<=\b(?i:ofc|officer|sgt|fto|deputy|dep|det|cpl|tpr|lt|"
                   r"my|partner)\.?\s+)(?:[a-z]\.[ \t]?){1,3}[a-z][\w'’-]+", 0.7, CS,
                   refine=initials_refine),
                # a surname in lower case after an abbreviated rank, whatever the text's case: "ofc. draper",
                # "det. ruiz", "dep. mcallister" (a surname, no everyday word: "sgt. major"; not after
                # "officer": "officer bell rang")
                Rx("titled_lower", r"(?<=\b(?:ofc|sgt|dep|det|cpl|tpr|lt)\.[ \t]+)[a-z][a-z'’-]{2,}"
                   r"(?![\w'’-])", 0.65, CS, refine=surname_lower,
                   needs=r"\b(?:ofc|sgt|dep|det|cpl|tpr|lt)\."),
                # between a given name and a surname: Ronald "Deuce" Pettigrew, JIMMY "TWO TIMES" KOWALSKI
                # '"Boomer" Haskins': a capitalised nickname in quotes, then the surname
                Rx("quoted_nickname_surname", r"[\"“][A-Z][\w'’-]*[\"”][ \t]+[A-Z][\w'’-]+", 0.7, CS,
                   refine=lambda t, s, e: (s, e) if not lexicon.is_common(t[s:e].split()[-1])
                   or t[s:e].split()[-1].lower() in census.surnames() else None),
                Rx("quoted_nickname", r"(?<=(?<![\w'’])[A-Z][\w'’-]+[ \t])[\"“](?P<n>[A-Za-z][\w'’-]*"
                   r"(?:[ \t][A-Za-z][\w'’-]*)?)[\"”](?=[ \t]+[A-Z][\w'’-])", 0.85, CS, "n"),
                Rx("k9_name", r"(?<=\b(?i:k-?9|canine|police\s{1,3}dog|k9\s{1,3}partner|dog)\s{1,4}"
                   r"(?i:partner\s{1,4}|named\s{1,4})?)"
                   r"[A-Z][a-z]{2,}\b|(?<=\b(?i:k-?9|canine)\s{1,4}(?i:partner\s{1,4}|named\s{1,4})?)"
                   r"[A-Z]{3,}\b|"
                   r"(?<=\b(?i:k-?9|canine)\s{1,4}(?:partner\s{1,4}|named\s{1,4})?)[a-z]{3,}\b", 0.8, CS,
                   refine=k9_name,
                   needs=r"k-?9|canine|dog"),
                # an animal named beside its kind: "The horse, Biscuit, was returned", "the horse (Dolly)",
                # 'Horses ("Thunder" and "Major")', "a bull called Widowmaker" (the corpora mark animals'
                # names as people's)
                Rx("animal_named", rf"(?:(?<=\b(?i:{_ANIMALS}),[ \t])\p{{Lu}}[\p{{Ll}}'’]{{2,}}(?=,)|"
                   rf"(?<=\b(?i:{_ANIMALS})s?[ \t]\([\"“]?(?:\p{{Lu}}[\p{{Ll}}'’]{{2,15}}[\"”]?[ \t]+and"
                   rf"[ \t]+[\"“]?)?)\p{{Lu}}[\p{{Ll}}'’]{{2,}}(?=[\"”]?(?:\)|,|[ \t]+and[ \t]))|"
                   rf"(?<=\b(?i:{_ANIMALS})[ \t]{{1,3}}(?i:named|called)[ \t]{{1,3}})"
                   r"\p{Lu}[\p{Ll}'’]{2,}\b)",
                   0.7, CS, refine=k9_name, needs=_ANIMALS),
                # a form's K9 field ('K9: "Major"'), and the dog named right after a question or a
                # sentence about it ("Where was your K9?\nA. Ajax was in the car")
                Rx("k9_field", r"(?<=\b(?i:k-?9|canine)[ \t]{0,3}(?:name)?[ \t]{0,3}:[ \t]{0,3}[\"“]?)"
                   r"[A-Z][a-z]{2,}\b",
                   0.8, CS, refine=k9_name, needs=r"k-?9|canine"),
                Rx("k9_next_sentence", r"(?<=\b(?i:k-?9|canine|dog)[?.!][\"”]?\s{1,4}(?:A[.:]\s{1,4})?)"
                   r"[A-Z][a-z]{2,}"
                   r"(?=\s+(?:was|is|had|went|bit|alerted|found|tracked|stayed|came|ran|jumped|barked|"
                   r"took|grabbed|hit|apprehended)\b)", 0.7, CS, refine=k9_name, needs=r"k-?9|canine|dog"),
                # a name in quotes after its field or a word that says whose it is ('Dog: "Tyson"',
                # 'Companions: "Smoke"'), or before a description of a horse, a dog or an alias
                # ('on "Murphy" (bay gelding)', '"JUNIOR" (refused full name)')
                Rx("quoted_alias", r"(?<=\b(?i:dog|k-?9|horse|mount|aka|a\.k\.a\.|a/k/a|nickname|nicknamed|"
                   r"moniker|street[ \t]+name|goes[ \t]+by|known[ \t]+as|companions?|associates?|"
                   r"calls?[ \t]+(?:him|her|me|them))[ \t]*:?[ \t]*[\"“])"  # (any case: 'A/K/A "big q"')
                   rf"(?i:{_QUOTED_NAME})(?=[\"”])|(?<=[\"“]){_QUOTED_NAME}(?=[\"”][ \t]*\("
                   rf"(?:[^()\n]{{0,30}}[ \t/,])?(?i:{_ALIAS_DESCRIPTIONS})\b)", 0.75, CS,
                   refine=quoted_refine, needs=r'["“]'),
                # "Gladys L. Leblanc", "Martim A Pereira": a middle initial between two names
                Rx("middle_initial", r"(?<![\w'’-])\p{Lu}\p{Ll}+[ \t]+\p{Lu}\.?[ \t]+\p{Lu}\p{Ll}+"
                   r"(?:-\p{Lu}\p{Ll}+)?"
                   r"(?![\w'’-])", 0.6, CS, refine=middle_initial),
                # "Greta Lindgren", "Dustin Oakes": a census given name, then a surname
                Rx("census_pair", r"(?<![\w'’-])[A-Z][a-z'’]+[ \t]+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
                   r"(?![\w'’-])",
                   0.6, CS, refine=census_pair),
            ],
        ),
        RegexRecognizer(
            "OrganisationShapeRecognizer", "ORGANIZATION",
            [
                # "Owens, Duran and Oneal", "Shepherd Ltd.", "Palantir Technologies"
                Rx("firm", r"(?<![\w'’-])[A-Z][a-z'’]+,[ \t]+[A-Z][a-z'’]+,?[ \t]+and[ \t]+[A-Z][a-z'’]+"
                   r"(?![\w'’-])", 0.6, CS, refine=surnames_only),
                Rx("company", r"(?<![\w'’-])(?:[A-Z0-9][\w&'’.-]*[ \t]+){1,4}(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|"
                   r"Corp\.?|Corporation|Company|Group|Technologies|Software|Consulting|Partners|Holdings|"
                   r"Enterprises|Solutions|Systems|Labs|Associates|Transportation|Trucking|Logistics|"
                   r"Freight|Lines|Express)(?![\w'’-])", 0.6, CS, refine=company_refine),
            ],
        ),
        RegexRecognizer(
            "NumberShapeRecognizer", "ID",
            [
                Rx("spelled_call_sign", rf"\b(?i:{_NUM}(?:[ -]{_NUM})?[ -](?:{_PHON})[ -]{_NUM}"
                   rf"(?:[ -]{_NUM}){{0,2}})\b", 0.8, CS),
                Rx("spaced_call_sign", rf"\b\d{{1,2}}[ -](?i:{_PHON})[ -]\d{{1,3}}\b", 0.75, CS),
                # "VAN T-14", "BUS 4471": the number of a named vehicle or apparatus
                Rx("vehicle_number", r"(?<=\b(?i:van|car|unit|truck|bus|wagon|engine|medic|ladder|boat|"
                   r"cruiser|squad|rescue|tanker|brush)\s)[A-Z]{1,2}-?\d{1,4}\b", 0.6, CS),
                # a transit vehicle by its fleet number, the word kept: "Coach 7041", "Train 1088"
                Rx("fleet_number", r"\b(?:Coach|COACH|Train|TRAIN|Ferry|FERRY|Trolley|TROLLEY|Railcar)"
                   r"[ \t]+#?\d{2,5}\b", 0.7, CS),
                # a badge or call sign in brackets after a name: "TPR ESQUIVEL (4-412)", "Ofc. Lee (#1187)"
                Rx("number_after_name", r"(?<=\p{Lu}[\p{L}'’-]+[ \t]\()#?(?:\d{1,3}-\d{1,4}|\d{3,5}|"
                   r"[A-Z]-?\d{2,4})(?=\))", 0.6, CS),
                # ISO 6346 shipping containers: owner code ending in U/J/Z, serial, check digit
                Rx("container", r"\b[A-Z]{3}[UJZ][ \t-]?\d{6}[ \t-]?\d\b", 0.85, CS),
                Rx("k9_call_sign", rf"\b(?i:k-?9)(?:[ -](?i:unit))?[ -]?#?\d{{1,3}}\b(?!{TIME_AWAY})",
                   0.75, CS),
                Rx("plate_with_state", rf"\b(?:{issuers})[ \t](?:[A-Z0-9]{{1,4}}[ -]){{0,2}}[A-Z0-9]{{1,5}}"
                   r"\b", 0.6, CS, refine=plate_refine),
                # (not a label naming the number's kind: "REF 25-031107", "INC 07-1144-24"; the
                # corpora split on "CFS")
                Rx("prefixed_case", r"\b(?!(?:IN|ON|AT|TO|OF|NO|OR|AN|AS|BY|IS|IT|BE|DO|GO|SO|UP|US|WE|"
                   r"ME|MY|HE|ID|DL|PD|SO|INC|REF|CAD|RMS|CCN|EVT|RPT|CASE|FILE|ITEM|TAG|LOG|CALL|NUM|"
                   r"NBR|OCA|RD|DR|IR|EO)\b)[A-Z]{2,4}[ \t]\d{2}-\d{3,7}\b", 0.7, CS),
            ],
        ),
    ]
