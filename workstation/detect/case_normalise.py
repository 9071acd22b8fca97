"""A recased copy of ALL-CAPS or all-lower-case passages, with identical offsets.

The small spaCy model and our case-sensitive patterns rely on capitals to spot names.
Passages typed in capitals or without any are recased word by word: ordinary English
words go lower case, names and unknown words get a capital, codes with digits stay
as they are. Passages with normal casing are copied unchanged.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect import census
from workstation.detect.caps_agencies import (
    AMBIGUOUS_CODES,
    BODY_HEADS,
    OF_HEADS,
    a_state_code,
    named_after_of,
    place_before,
    state_body,
)
from workstation.detect.foreign_sentences import (
    function_or_everyday_foreign_word,
    written_in_spanish_or_portuguese,
)
from workstation.detect.gazetteer import (
    COMMON_WORD_PLACES,
    known_place,
    places,
    small_places,
    state_codes,
)
from workstation.detect.lexicon import Lexicon
from workstation.detect.names import COMMON_WORD_NAMES
from workstation.detect.plate_state import SPLIT_PLATE
from workstation.detect.vocab import NOT_NAME_AFTER_TITLE, RANK_TITLES, REGION_WORDS

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Za-z]\.\s?$")
_NAME_CUE_WORDS = frozenset({"named", "name", "aka", "alias", "nicknamed", "called"})

# Lines: casing is judged per line (a narrative may mix styles); a sentence is too short
# to tell "the S.O. assisted." from text typed without capitals.
_PASSAGE = re.compile(r"[^\n]+\n?|\n")
_HEADING = re.compile(r"[^.!?\n]{8,160}[.!?][ \t]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CHUNK = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][ \t]+$")
# a clause's start, and what a person then does ("..., lena stood by him", "and bruno found him")
_CLAUSE_START = re.compile(r"(?:^|[.,;:!?][ \t]+|\b(?:and|but|then|so|when)[ \t]+)$")
_ACTS_NEXT = re.compile(
    r"[ \t]+(?:was|were|stood|found|got|went|came|said|grabbed|saw|had|did|ran|yelled|called|told|took|"
    r"pulled|pushed|jumped|tackled|stayed|waited|drove|walked|watched|kept|held|hit|shot)\b")
_TOWN_CUE_BEFORE = re.compile(
    r"(?i:\b(?:[nsew]|north|south|east|west|northeast|northwest|southeast|southwest)\.?[ \t]+of|\bnr\.?|"
    r"\bnear|\boutside(?:[ \t]+of)?)[ \t]+$")

_TITLE_WORDS = frozenset(t for t in RANK_TITLES if " " not in t) | {
    "partner", "named", "k9", "mr", "mrs", "ms", "co",
}
# A word right before one of these is part of a proper name ("elm street").
_NAME_ANCHORS = frozenset(
    """
    street st avenue ave road rd boulevard blvd drive dr lane ln court ct place pl way
    circle cir terrace parkway pkwy highway hwy trail county parish township police
    sheriff's sheriffs hospital medical clinic school elementary academy university college
    jail motel hotel apartments apts mall plaza park pd
    mountain mtn bridge crossing reservoir forest island canyon bayou campground trailhead
    nursing lake river creek
    """.split()
)
# Natural features and facilities: every word of the name before them gets a capital
# ("LOOKOUT MOUNTAIN", "SHADY REST NURSING HOME"), up to three, stopping at a stop word.
_FEATURE_HEADS = frozenset(
    """mountain mtn bridge crossing reservoir forest island canyon bayou campground trailhead nursing
    zoo grounds fairgrounds aquarium brook pond marsh slough butte mesa dam substation wilderness""".split()
)
# Businesses and public buildings: the words of the name before them, up to two ("RUSTY SPUR
# SALOON", "LOWER BUCKEYE JAIL", "oklahoma county detention center"), and the head itself.
_FACILITY_HEADS = frozenset(
    """saloon tavern lounge grill diner cafe motel inn hotel casino stadium arena jail
    courthouse annex tower apartments apts mall plaza church chapel academy clinic hospital
    center centre elementary townhomes townhouses condos villas lofts residences arcade rink
    sportsplex quarry""".split()
)
# "FRIENDSHIP TOWN HALL": the town's name before a municipal building.
_TOWN_BUILDINGS = frozenset({("town", "hall"), ("city", "hall"), ("village", "hall"), ("town", "limits"),
                             ("city", "limits"), ("post", "office")})
# Agency abbreviations that are no English word: upper case after a name ("BERLIN PD").
_AGENCY_TAILS = frozenset("pd fd sd ems swat dps vfd".split())
# Words before "PD" that say which police without naming it ("CALLED LOCAL PD")
_NOT_AGENCY_NAMES = frozenset(
    """local city county state area campus tribal other another neighboring neighbouring nearby
    outside their our your his her its my every each any no some which whose called call
    assisted assist with by from for and or but""".split()
)
# Kinds of fire that are no fire department ("HOUSE FIRE", "RETURNED FIRE").
_FIRE_KINDS = frozenset(
    """house brush grass structure car vehicle trash kitchen open return returned cross friendly wild
    camp forest range rapid dumpster chimney attic garage barn field mattress electrical
    grease cease""".split()
)
_LETTER_ROADS = frozenset("route rte highway hwy".split())
# a command named by a letter ("TROOP A", "troop e"): "a" is a letter here too
_LETTER_COMMANDS = frozenset(["troop"])
_AFTER_A_TROOP = frozenset("dispatch radio headquarters hq station post commander troopers".split())
_TOWN_PREPOSITIONS = frozenset("in near outside from of to".split())
_PREPOSITIONS = frozenset("near outside past toward towards along inside beside behind via".split())
# Words before a date of birth are a name ("HUNTER MAJOR (DOB 3/3/2001)").
_DOB = frozenset({"dob", "d.o.b"})
_ACRONYM_HINT = re.compile(
    r"^(?:[b-df-hj-np-tv-z]{2,5}|[a-z]{0,3}(?:pd|so|sd|sp|hp|dps|cso|fd)|[a-z]{2,4}dot)$", re.IGNORECASE
)  # no vowels (RPD, CHP) or an agency-abbreviation shape (LASD, OCSO, SAFD, WVDOT)
_AGENCY_SHAPE = re.compile(r"^(?:[a-z]{1,4}(?:pd|so|sd|sp|hp|dps|cso|fd)|[a-z]{2,4}dot)$")
# Report shorthand that is not an agency ("SUSP", "RESP", "VICT").
SHORTHAND = frozenset(
    "susp resp vict approx info misc asap adv advd veh wit comp rp def dept poss req".split()
)
# Words that continue a proper name when the word before them is one ("Mercy Valley
# Hospital", "Kessler Avenue", "Harlan County Sheriff's Office").
_CONTINUERS = frozenset(
    """
    street st avenue ave road rd boulevard blvd drive dr lane ln court ct place pl way circle
    cir terrace parkway pkwy highway hwy trail pike turnpike expressway freeway loop square
    hospital medical center centre clinic health regional memorial general behavioral
    elementary middle high school academy college university jail detention correctional
    facility prison motel hotel inn apartments apts park mall plaza casino tavern bar grill
    market store storage church police department dept sheriff's sheriffs sheriff office
    patrol state county parish city township falls springs ridge creek valley lake heights
    hills landing ferry bluff hollow village station stop barn lube tire kitchen inn lodge
    zoo grounds airport terminal stadium arena cemetery library courthouse penitentiary pier
    dock marina harbor resort ranch housing aquarium campus hall
    coroner's examiner's funeral mortuary crematory hospice
    """.split()
)


def _same_length(new: str, old: str) -> str:
    # str.lower()/upper() can change the length of a few characters (İ, ß): keep those.
    if len(new) == len(old):
        return new
    return "".join(
        (n if len(n) == 1 else o)
        for o, n in zip(old, (c.lower() if c.isupper() else c.upper() for c in old), strict=True)
    )


def _lower(word: str) -> str:
    return _same_length(word.lower(), word)


@lru_cache(maxsize=1)
def _known_acronyms() -> frozenset[str]:
    from workstation.detect.recognizers.agencies import FEDERAL
    from workstation.detect.recognizers.kinds import AGENCY_ACRONYMS

    # (not "ICE", the word, in "THE ICE WAS THICK")
    return frozenset(a for a in (*FEDERAL, *AGENCY_ACRONYMS) if a.isupper() and a.isalpha() and len(a) >= 2
                     and a != "ICE")


def _capitalise(word: str) -> str:
    return _same_length(word[:1].upper(), word[:1]) + _lower(word[1:])


# Function words: capitalised, most of them, only in Title Case ("I Was Working A Crash On").
_FUNCTION_WORDS = frozenset(
    "a an the and or but of at on in to from with by for was were is are we he she it they".split())


def _title_case(passage: str) -> bool:
    """Every word with a capital, the small ones too: dictation software's Title Case."""
    words = _WORD.findall(passage)
    if len(words) < 8:
        return False
    small = [w for w in words if w.lower() in _FUNCTION_WORDS]
    capitals = sum(1 for w in words if w[:1].isupper())
    return (len(small) >= 3 and sum(1 for w in small if w[:1].isupper()) >= 0.8 * len(small)
            and capitals >= 0.85 * len(words))


def passage_style(passage: str) -> str | None:
    """'upper', 'lower' or 'title' for a passage typed without normal casing, else None."""
    letters = len(_LETTER.findall(passage))  # counted by the regex engine: a long field's loop cost
    if letters < 12:
        return None
    upper = len(_UPPER.findall(passage))
    ratio = upper / letters
    if ratio > 0.75:
        return "upper"
    # a name spelled out letter by letter is no casing ("medeiros M E D E I R O S")
    spelled = sum(len(run) // 2 + 1 for run in _SPELLED_CAPITALS.findall(passage)) if (
        upper and ratio < 0.05) else 0  # (only where it could make the passage lower case)
    if upper == spelled or (letters >= 60 and (upper - spelled) / letters < 0.012):
        return "lower"
    # Title Case has a capital every word or so; ordinary prose one in twenty letters or fewer
    return "title" if ratio > 0.07 and _title_case(passage) else None


_LETTER = re.compile(r"\p{L}")
_UPPER = re.compile(r"\p{Lu}")
_CAPITAL_ALONE = re.compile(r"(?<![\p{L}'’.])\p{Lu}(?![\p{L}'’.])")
_SPELLED_CAPITALS = re.compile(r"(?<![\p{L}'’.])\p{Lu}(?:[ \t]\p{Lu}){2,}(?![\p{L}'’.])")


def _capitals_alone_kept(passage: str, recased: str) -> str:
    """The letters of a name spelled out in capitals stay capitals ("M E D E I R O S")."""
    out = list(recased)
    for m in _CAPITAL_ALONE.finditer(passage):
        out[m.start()] = m.group()
    return "".join(out)


_DIGIT_CHUNK = re.compile(r"[ \t-]?\d")


# (or letters and digits mixed in both groups: "FL KQ4 71B")
_PLATE_NEXT = re.compile(rf"[ \t]+(?:{SPLIT_PLATE}|"
                         r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}(?![\w-]))")


# a road's prefix keeps its capitals even as a passage's last word ("DETOUR VIA US 70 |")
_ROAD_PREFIXES = frozenset("us sr cr fm rm hwy rt rte sh ih".split())


def _digits_follow(passage: str, pos: int) -> bool:
    return _DIGIT_CHUNK.match(passage, pos) is not None


# "UNION PACIFIC POLICE": the words before an agency word name the agency.
_AGENCY_HEADS = frozenset(
    "police sheriff sheriff's sheriffs patrol marshals constable rangers troopers".split())
# "SHERIFF'S DEPARTMENT COURT SECURITY": an office's court duty, no street called "... Department Court"
_OFFICE_WORDS_BEFORE_COURT = frozenset("department dept office sheriff's sheriffs police marshal's".split())
_STREET_HEADS = frozenset(
    "street st avenue ave road rd boulevard blvd drive dr lane ln court ct way pkwy parkway highway hwy "
    "trail pike freeway fwy expressway".split()
)


@lru_cache(maxsize=1)
def _multiword_places() -> frozenset[str]:
    return frozenset(p for p in set(places()) | small_places() if " " in p)


def _plain_word(lexicon: Lexicon, low: str, last: bool = False) -> bool:
    """A word that can be part of a name: no stop word, rank (except right before the date
    of birth: "HUNTER MAJOR DOB"), role or report shorthand."""
    from workstation.detect.vocab import KIN_AND_ROLES, REPORT_SHORTHAND

    return not (lexicon.is_stop(low) or (low in _TITLE_WORDS and not last) or low in SHORTHAND
                or low in REPORT_SHORTHAND
                or low in KIN_AND_ROLES or low in ("to", "file", "note", "re", "subj", "subject"))


class Recaser:
    def __init__(self, lexicon: Lexicon, extra_names: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.extra_names = extra_names  # e.g. gazetteer place names, lower case

    def _is_name(self, word: str) -> bool:
        return self.lexicon.is_name(word) or word.lower() in self.extra_names

    def _plain(self, low: str) -> bool:
        return _plain_word(self.lexicon, low)

    @staticmethod
    def _after_name_cue(lowered: list[str], i: int) -> bool:
        prev = lowered[i - 1] if i else ""
        return prev in _NAME_CUE_WORDS or (prev in ("is", "was", "as") and i > 1 and lowered[i - 2] == "name")

    def _after_given_name(self, lowered: list[str], i: int) -> bool:
        prev, low = lowered[i - 1] if i else "", lowered[i]
        prev2 = lowered[i - 2] if i > 1 else ""
        if not prev or prev in _TITLE_WORDS or self.lexicon.is_stop(prev):
            return False
        named = (self.lexicon.is_given_name(prev) and prev not in COMMON_WORD_NAMES) or (
            not self.lexicon.is_common(prev) or prev2 in _TITLE_WORDS or prev2 in _NAME_CUE_WORDS
        )
        if not named:
            return False
        if self.lexicon.is_stop(low) or low in NOT_NAME_AFTER_TITLE or low in _PREPOSITIONS or (
                self.lexicon.is_irregular_verb(low) and low not in census.surnames()):
            return False  # ("officer rivas wrote it", "tyler took the keys": a verb, no surname)
        return not low.endswith(("ed", "ing")) and (not low.endswith("s") or low.endswith("ss"))

    def _name_by_shape(self, passage: str, m: re.Match, low: str, prev_cap: bool) -> bool:
        """A surname after initials, a nickname in quotes after a name and the surname after
        it: the census lists (census.py) confirm the surname, the quotes the nickname."""
        if self.lexicon.is_stop(low) or low in NOT_NAME_AFTER_TITLE or low in _PREPOSITIONS:
            return False
        before = passage[max(0, m.start() - 3):m.start()]
        after = passage[m.end():m.end() + 1]
        if _INITIAL_BEFORE.search(before):
            return low in census.surnames() or not self.lexicon.is_common(low)
        if prev_cap and before.endswith(("\"", "“")) and after in ("\"", "”"):
            return True
        if prev_cap and before.rstrip().endswith(("\"", "”")):
            return low in census.surnames() or not self.lexicon.is_common(low)
        prev = _WORD_BEFORE.search(passage, 0, m.start())
        # "DUSTIN OAKES": a census given name, then a census surname that looks like a plural
        return bool(prev_cap and prev
                    and self.lexicon.is_census_or_plain_given_name(prev.group(1).lower())
                    and low in census.surnames() and not low.endswith(("ed", "ing")))

    def _named_runs(
        self, passage: str, words: list[re.Match], lowered: list[str]
    ) -> tuple[set[int], set[int]]:
        """Indices of words in a known multi-word place ("LAME DEER", "NORTH PLATTE"), in
        the name before a natural feature, facility or street word ("LOOKOUT MOUNTAIN",
        "SPRING CYPRESS RD") or before a state code ("HAZARD, KY"); and of the state
        codes, which keep their capitals."""
        out: set[int] = set()
        codes: set[int] = set()
        multi = _multiword_places()
        for i in range(len(lowered)):
            for n in (3, 2):
                if " ".join(lowered[i:i + n]) in multi:
                    out.update(range(i, i + n))
                    break
            head = lowered[i]
            if i and (head in _FEATURE_HEADS or head in _STREET_HEADS or head in _AGENCY_HEADS
                      or head in _FACILITY_HEADS):
                reach = 3 if head in _FEATURE_HEADS or head in ("center", "centre") else 2
                j = i - 1
                run: list[int] = []
                while (j >= 0 and i - j <= reach and not self.lexicon.is_stop(lowered[j])
                       and lowered[j] not in _TITLE_WORDS and lowered[j] not in SHORTHAND
                       and not self.lexicon.is_verb_form(lowered[j])
                       and not passage[words[j].end():words[j + 1].start()].strip(" \t")):
                    run.append(j)  # only words joined by spaces: "NORTH, SPRING" is two things
                    j -= 1
                if head in _FACILITY_HEADS and head not in _FEATURE_HEADS and len(run) == 1 and (
                        self.lexicon.is_common(lowered[run[0]])):
                    run, j = [], i - 1  # "rodeo arena", "COUNTY JAIL": one everyday word is no name
                out.update(run)
                if j < i - 1:
                    out.add(i)
            if head in _AGENCY_TAILS and i:
                j = i - 1
                while (j >= 0 and i - j <= 3 and _plain_word(self.lexicon, lowered[j])
                       and lowered[j] not in _NOT_AGENCY_NAMES and not self.lexicon.is_verb_form(lowered[j])
                       and not passage[words[j].end():words[j + 1].start()].strip(" \t")):
                    out.add(j)  # "PORT AUTHORITY PD": the words before an agency's initials
                    j -= 1
            if head == "force" and i > 2 and lowered[i - 1] == "task":
                j = i - 2
                while j >= 0 and i - j <= 6 and _plain_word(self.lexicon, lowered[j]) and (
                        not passage[words[j].end():words[j + 1].start()].strip(" \t")):
                    j -= 1
                # only one named for its region ("GREAT LAKES REGIONAL"), not a unit ("violent crimes")
                named = [lowered[k] for k in range(j + 1, i - 1)]
                pairs = [" ".join(named[k:k + 2]) for k in range(len(named) - 1)]  # ("BIG SKY")
                if j < i - 3 and any(known_place(w) or w in REGION_WORDS
                                     for w in named + pairs):
                    out.update(range(j + 1, i + 1))  # "GREAT LAKES REGIONAL FUGITIVE TASK FORCE"
            if head in OF_HEADS and i and place_before(self.lexicon, lowered, i, out):
                # "MISSOURI DEPARTMENT OF REVENUE", "ND BOARD OF ANIMAL HEALTH"
                named_of = named_after_of(self.lexicon, self._plain, self._is_name, passage, words,
                                          lowered, i)
                out.update(named_of)
                if named_of and a_state_code(lowered[i - 1]):
                    codes.add(i - 1)
            if head in BODY_HEADS and i > 1:  # "IOWA RACING AND GAMING COMMISSION"
                out.update(state_body(self.lexicon, self._plain, passage, words, lowered, i))
            if i > 1 and lowered[i - 1] == "animal" and head in ("care", "control", "services", "welfare"):
                out.update(self._animal_agency(passage, words, lowered, i))
            town_building = i > 1 and (lowered[i - 1], head) in _TOWN_BUILDINGS
            if town_building and (
                    known_place(lowered[i - 2])) and not (
                    self.lexicon.is_stop(lowered[i - 2])):
                out.update((i - 2, i - 1, i))  # "FRIENDSHIP TOWN HALL"
            if head == "fire" and i and lowered[i - 1] not in _FIRE_KINDS and (
                    known_place(lowered[i - 1])) and (
                    not self.lexicon.is_stop(lowered[i - 1])):
                out.update((i - 1, i))  # "INDEPENDENCE FIRE": a town's fire department
            if head in _DOB and i:
                j = i - 1
                while j >= 0 and i - j <= 3 and _plain_word(self.lexicon, lowered[j], last=j == i - 1) and (
                        passage[words[j].end():words[j + 1].start()].strip(" \t(") == ""):
                    out.add(j)  # "HUNTER MAJOR (DOB": a name
                    j -= 1
            if (i + 1 < len(words) and words[i + 1].group().upper() in state_codes()
                    and words[i + 1].group().isupper()
                    and re.fullmatch(r",[ \t]*", passage[words[i].end():words[i + 1].start()])
                    and not self.lexicon.is_stop(head)):
                out.add(i)
                codes.add(i + 1)
            elif (i and i + 1 < len(words) and lowered[i - 1] in _TOWN_PREPOSITIONS
                    and words[i + 1].group().upper() in state_codes()
                    and lowered[i + 1] not in AMBIGUOUS_CODES
                    and re.fullmatch(r",?[ \t]*", passage[words[i].end():words[i + 1].start()])
                    and known_place(head) and not self.lexicon.is_stop(head)):
                out.add(i)  # "in surprise az", "IN LIBERTY MO": a town, then its state
                codes.add(i + 1)
        return out, codes

    def _animal_agency(self, passage: str, words: list[re.Match], lowered: list[str], i: int) -> range:
        """"GREENVILLE COUNTY ANIMAL CARE", "TULSA ANIMAL WELFARE": a town's or a county's agency
        (its name before "animal"; "county animal control" alone names none)."""

        def named(j: int) -> bool:  # a town's name ("TULSA"), no everyday word ("SAID ANIMAL CONTROL")
            word = lowered[j] if j >= 0 else ""
            town = known_place(word) or not self.lexicon.is_common(word)
            return j >= 0 and _plain_word(self.lexicon, word) and word not in _NOT_AGENCY_NAMES and (
                not self.lexicon.is_stop(word) and town
                and not passage[words[j].end():words[j + 1].start()].strip(" \t"))

        first = i - 2
        if lowered[first] in ("county", "city", "parish") and named(first - 1):
            first -= 1  # "GREENVILLE COUNTY"
        elif not named(first):
            return range(0)
        while first - 1 >= 0 and i - first < 4 and named(first - 1):
            first -= 1
        return range(first, i + 1)

    def _troop_letter(self, passage: str, words: list[re.Match], lowered: list[str], i: int) -> bool:
        """The letter of a troop ("TROOP A:", "troop e has"; not "THE TROOP A FEW OF US")."""
        if not (0 < i < len(lowered) and len(lowered[i]) == 1 and lowered[i - 1] in _LETTER_COMMANDS):
            return False
        nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
        if lowered[i] == "i" or (nxt == "at" and "dot" in lowered[i:i + 8]):
            return False  # "troop c at gsp dot example dot gov": an address read aloud
        return (lowered[i] != "a" or not passage.startswith(" ", words[i].end())
                or not self.lexicon.is_common(nxt) or nxt in _AFTER_A_TROOP)

    def _prev_is_name(self, lowered: list[str], i: int) -> bool:
        prev = lowered[i - 1] if i else ""
        return bool(prev) and not self.lexicon.is_stop(prev) and prev not in _TITLE_WORDS

    def _recase_passage(self, passage: str, keep_capitals: bool = False, lower_case: bool = False) -> str:
        out = list(passage)
        # a Spanish note typed in lower case: its everyday words are no names (in capitals, its
        # agencies' and places' words are read from the capitals: "NEGOCIADO DE LA POLICÍA")
        foreign = lower_case and written_in_spanish_or_portuguese(passage)
        words = [m for m in _WORD.finditer(passage)]
        # Chunks with digits (plates, call signs, ORIs) keep their case; so do acronyms in
        # Title Case ("TFC", "GDOT"), the one thing its capitals still tell.
        keep = [False] * len(passage)
        for chunk in _CHUNK.finditer(passage):
            if any(c.isdigit() for c in chunk.group()) or (
                    keep_capitals and sum(c.isupper() for c in chunk.group()) >= 2):
                for i in range(chunk.start(), chunk.end()):
                    keep[i] = True
        lowered = [m.group().lower() for m in words]
        named, codes = self._named_runs(passage, words, lowered)
        prev_cap = False
        for i, m in enumerate(words):
            if keep[m.start()]:
                continue
            word, low = m.group(), lowered[i]
            prev = lowered[i - 1] if i else ""
            nxt = lowered[i + 1] if i + 1 < len(words) else ""
            name_ctx = prev in _TITLE_WORDS or (bool(nxt) and self._is_name(nxt)) or (
                # "dale vanderhoek": a census given name before an unknown word
                self.lexicon.is_census_or_plain_given_name(low) and len(nxt) > 2 and nxt.isalpha()
                and not self.lexicon.is_common(nxt) and not self.lexicon.is_stop(nxt))
            if low == "i":
                new = "I"
            elif len(word) == 2 and word.isupper() and word in state_codes() and _PLATE_NEXT.match(
                    passage, m.end()):
                new = word  # "IMPALA MN KRT 558", "(FL KQ4 71B)": a plate's state keeps its capitals
            elif foreign and prev not in _TITLE_WORDS and function_or_everyday_foreign_word(low):
                new = _lower(word)  # "en la plaza", "rozando la cara": a Spanish note's words
            elif word.isupper() and word in _known_acronyms():
                new = word  # "CID NOTIFIED", "USSS": an agency's initials stay capitals
            elif len(low) == 1 and prev_cap and passage.startswith(".", m.end()) and nxt and (
                    self._is_name(nxt) or not self.lexicon.is_common(nxt)):
                new = _same_length(word.upper(), word)  # "PATRICE A. LOWERY": a middle initial
            elif len(low) == 1 and low not in "aivnsew" and passage.startswith(".", m.end()) and nxt and (
                    self._is_name(nxt) or not self.lexicon.is_common(nxt)):
                new = _same_length(word.upper(), word)  # "OFFICERS: R. ALVARENGA": an initial first
                # (not "v." of a case, nor a direction: "N. KINGSHIGHWAY")
            elif len(low) == 1 and ((low != "a" and prev in _LETTER_ROADS)
                                    or self._troop_letter(passage, words, lowered, i)):
                new = _same_length(word.upper(), word)  # "ROUTE B", "TROOP A": a lettered road, a troop
            elif ((low in _LETTER_ROADS and nxt not in ("a", "i")) or self._troop_letter(
                    passage, words, lowered, i + 1)) and (
                    len(nxt) == 1 and
                    i + 1 < len(words) and not keep[words[i + 1].start()]):
                new = _capitalise(word)
            elif low in ("court", "ct") and prev in _OFFICE_WORDS_BEFORE_COURT:
                new = _lower(word)  # "SHERIFF'S DEPARTMENT COURT SECURITY": the office's duty
            elif i in codes:
                new = _same_length(word.upper(), word)  # "HAZARD, KY": the state code
            elif i in named:
                new = _capitalise(word)  # a multi-word place or a feature's name
            elif low in _AGENCY_TAILS and i and prev_cap and prev not in SHORTHAND and (
                    not self.lexicon.is_common(prev) or known_place(prev)
                    or i - 1 in named):
                new = _same_length(word.upper(), word)  # "BERLIN PD", "COOK COUNTY SWAT"
            elif (_AGENCY_SHAPE.match(low) and len(low) <= 6 and low not in SHORTHAND
                  and not self.lexicon.is_common(low)):
                new = _same_length(word.upper(), word)
            elif word.isupper() and (i + 1 < len(words) or low in _ROAD_PREFIXES) and _digits_follow(
                    passage, m.end()) and (
                    len(low) <= 3 or (len(low) <= 5 and not self.lexicon.is_common(low))):
                new = word  # "SR 17", "US 30", "MSCU 482913-7", "TRL 4471": prefixes keep their case
            elif keep_capitals and _digits_follow(passage, m.end()) and not self.lexicon.is_stop(low):
                new = word  # Title Case "Post 45", "Troop 3": a numbered thing keeps its capital
            elif low in _CONTINUERS and prev_cap and self._prev_is_name(lowered, i):
                new = _capitalise(word)
            elif prev_cap and self._after_given_name(lowered, i):
                new = _capitalise(word)  # "TAMMY RUSK": a surname that is also a word
            elif self._name_by_shape(passage, m, low, prev_cap):
                new = _capitalise(word)  # "J.D. MARSH", 'RONALD "DEUCE" PETTIGREW'
            elif self._after_name_cue(lowered, i) and not self.lexicon.is_stop(low):
                new = _capitalise(word)  # "her name was hope villanueva"
            elif (low in census.given_names() and not self.lexicon.is_stop(low)
                  and low not in COMMON_WORD_NAMES and _ACTS_NEXT.match(passage, m.end())
                  and _CLAUSE_START.search(passage, 0, m.start())):
                new = _capitalise(word)  # "nothing happened, lena stood by him": a name that acts
            elif self.lexicon.is_stop(low) and prev not in _TITLE_WORDS:
                new = _lower(word)
            elif len(low) >= 5 and known_place(low) and _TOWN_CUE_BEFORE.search(
                    passage, max(0, m.start() - 24), m.start()):
                new = _capitalise(word)  # "MM 142 N OF GREENBRIER", "NR GALLIANO": a town, a word too
            elif low in COMMON_WORD_NAMES or low in COMMON_WORD_PLACES:
                new = _capitalise(word) if name_ctx else _lower(word)
            elif self._is_name(low) or (nxt in _NAME_ANCHORS and low not in _NAME_ANCHORS):
                new = _capitalise(word)
            elif self.lexicon.is_common(low):
                new = _capitalise(word) if prev in _TITLE_WORDS else _lower(word)
            elif _ACRONYM_HINT.match(low):
                new = _same_length(word.upper(), word)
            else:
                new = _capitalise(word)
            out[m.start() : m.end()] = new
            prev_cap = new[:1].isupper() and low != "i"
        # Sentence start gets its capital back (in Title Case, every sentence's).
        starts = words[:1] + [w for w in words[1:] if keep_capitals and _SENTENCE_END.search(
            passage, 0, w.start())]
        for m in starts:
            if not keep[m.start()]:
                out[m.start()] = _same_length(out[m.start()].upper(), out[m.start()])
        return "".join(out)

    def recase(self, text: str) -> str:
        """The text with abnormal passages recased; the same object if none is abnormal."""
        pieces: list[str] = []
        changed = False
        for m in _PASSAGE.finditer(text):
            passage = m.group()
            style = passage_style(passage)
            if style is not None:
                new = self._recase_passage(passage, keep_capitals=style == "title",
                                           lower_case=style == "lower")
                if style == "lower":
                    new = _capitals_alone_kept(passage, new)
                changed = changed or new != passage
                pieces.append(new)
                continue
            # a dictation after a typed heading: "Trooper X Y, Troop J dictation. ok. on january
            # nineteenth ... driver was gail thibodeau": the rest of the line, all in lower case
            heading = _HEADING.match(passage)
            rest = passage[heading.end():] if heading is not None else ""
            if heading is not None and passage_style(rest) == "lower":
                new = self._recase_passage(rest, lower_case=True)
                changed = changed or new != rest
                pieces += [heading.group(), new]
            else:
                pieces.append(passage)
        if not changed:
            return text
        result = "".join(pieces)
        assert len(result) == len(text)
        return result
