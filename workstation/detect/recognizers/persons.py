"""People: ranks and titles followed by a name, cue words ("my partner Dave"), and
given names from the packaged list."""

from __future__ import annotations

import regex as re

from workstation.detect import census
from workstation.detect.gazetteer import places, state_names_lower
from workstation.detect.lexicon import Lexicon
from workstation.detect.names import COMMON_WORD_NAMES, GIVEN_NAMES, SURNAMES
from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx, alternation
from workstation.detect.vocab import (
    COMPOUND_RANKS,
    NAME_CUES,
    NOT_NAME_AFTER_TITLE,
    RANK_TITLES,
    TITLES_AS_NAMES,
)

_PLURALS = ["officers", "deputies", "sergeants", "troopers", "detectives", "agents", "sgts"]
# "off" is a title only as "Off." or "OFF." ("a grow site off KY 15" names no one)
_TITLE_RX = re.compile(
    rf"(?<![\w.])(?:(?:{alternation([t for t in (*RANK_TITLES, *_PLURALS) if t != 'off'])})(?![\w'’])\.?|"
    rf"(?-i:Off|OFF)\.)", CI
)
_CUE_RX = re.compile(rf"(?<![\w])(?:{alternation(NAME_CUES)})(?![\w'’])[,:]?", CI)
# One name token in the (recased) text: capitalised word, O'Neill, McAllister, J.
# (a Korean given name's second syllable after its hyphen in lower case, as romanised: "Kyung-soo",
# "Ji-hoon", "Seo-yeon"; not "Off-duty", "Smith-based")
_TOKEN_RX = re.compile(r"(?:[A-Z]\.(?!\w)|[A-Z][\w]*(?:['’][A-Za-z]+)*"
                       r"(?:-[A-Z][\w']*|-[bcdghjkmnprstwy]{0,3}[aeiouy]{1,3}[mngkl]{0,2}(?![\w'’-]))?)", CS)
_GAP_RX = re.compile(r"[ \t]{1,3}")
_AND_RX = re.compile(r"[ \t]+(?:and|&)[ \t]+", CI)
_TITLE_WORDS = frozenset(t for t in RANK_TITLES if " " not in t)
_NOT_NAME = NOT_NAME_AFTER_TITLE | {
    "department", "dept", "office", "station", "academy", "division", "bureau", "county",
    "city", "state", "police", "patrol", "highway", "street", "road", "district", "court",
    "hospital", "school", "jail", "team", "squad", "unit", "units", "nurse", "staff",
    "security", "services", "service", "complaint", "mode", "investigations",
    "i", "i'm", "i’m", "i'd", "i'll", "i've", "pt",  # "the driver, I'm sure", "Pt" (patient)
    "fw", "fwd", "re",  # "Subject: FW: ..." in an e-mail's header
    "id",  # "her driver ID in the app": the title's number follows, no name
    # a rank's own papers in a heading: "LT LOG", "SGT NOTES", "SUPV SUMMARY"
    "log", "logs", "notes", "summary", "memo", "report", "brief", "briefing", "narrative",
}


# past tenses a log writes after the rank, with no "-ed": "DEP LEFT THE X-RAY", "OFC RAN EAST"
# (a short list, not Lexicon.is_irregular_verb: spaCy's 2,321 verb forms hold names after a
# rank too, "Deputy Rose", "Sgt. Bound", "Ofc. Dove")
_IRREGULAR_PAST = frozenset(
    """left ran went came got took saw told said made gave found held kept fell hit shot drove
    threw stood sat put set met heard felt brought caught fought sent struck spoke broke wore
    bit hid led fled lost paid laid""".split()
)


def _base(token: str) -> str:
    low = token.lower()
    for suffix in ("'s", "’s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


_PLACE_HEAD_AFTER = re.compile(
    r"[ \t]+(?i:county|parish|borough|township|co\.?|pd|so|sd|police|sheriff'?s?|"
    # "cpl dorothea quayle alabama state troopers": the state's police, after the name
    r"state[ \t]+(?:police|patrol|troopers|highway)|highway[ \t]+patrol)(?![\w'’])")


_PLACE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def place_then_agency(text: str, start: int) -> bool:
    """A town of one or two words at start, then its county, police or sheriff: "Marion
    County", "New Bedford Police" (no person's name, though "Marion" and "Bedford" are)."""
    first = _PLACE_WORD.match(text, start)
    if first is None:
        return False
    if first.group().lower() in places() and _PLACE_HEAD_AFTER.match(text, first.end()):
        return True
    second = _PLACE_WORD.match(text, first.end() + 1) if text[first.end():first.end() + 1] == " " else None
    return (second is not None and text[start:second.end()].lower() in places()
            and _PLACE_HEAD_AFTER.match(text, second.end()) is not None)


class TitledNameRecognizer(RegexRecognizer):
    """'Sgt. O'Neill', 'Deputy J. Ramirez', 'Officers Lee and Park', 'my partner Dave'."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        super().__init__(
            "TitledNameRecognizer", "PERSON", [],
            context=["partner", "officer", "deputy", "sergeant", "named"],
        )

    def _names_after(self, text: str, title_start: int, pos: int, plural: bool) -> tuple[int, int] | None:
        """(start, end) of the name tokens after pos, or None if there are none."""
        end: int | None = None
        first: int | None = None
        skipped: tuple[int, int] | None = None  # a second title ("Deputy Chief", "Officer Major")
        title_after_skipped = False
        count = 0
        while count < 4:
            gap = _GAP_RX.match(text, pos)
            if gap is None and pos == end:
                break
            start = gap.end() if gap else pos
            tok = _TOKEN_RX.match(text, start)
            if tok is None:
                break
            base = _base(tok.group()).rstrip(".")
            if end is None and tok.group() in ("II", "III", "IV") and _GAP_RX.match(text, tok.end()):
                pos = tok.end()  # "Police Officer II Manibusan": the rank's grade, then the name
                continue
            if base in _NOT_NAME and not (len(tok.group()) == 2 and tok.group().endswith(".")):
                break  # (an initial, "Deputy A. Mungo", is no article)
            verb = (base.endswith(("ed", "ing")) and self.lexicon.is_common(base)) or base in _IRREGULAR_PAST
            if verb and not self.lexicon.is_name(base) and base not in census.surnames():
                break  # "DEP ORDERED HIM", "OFC RIDING IN": a verb after the rank
            if base in _TITLE_WORDS and end is None and skipped is None:
                skipped = (tok.start(), tok.end())
                pos = tok.end()  # "Deputy Chief Ramos": skip the second title
                continue
            if base in _TITLE_WORDS:
                title_after_skipped = end is None
                break  # "Okafor and Trooper Nguyen": the next person has a title of their own
            if count and (_PLACE_HEAD_AFTER.match(text, tok.end()) or place_then_agency(text, tok.start())):
                break  # "deputy cole haney rankin county": the county's name, not the deputy's
            if first is None:
                first = tok.start()
            end = pos = tok.end()
            count += 1
            if plural and (conj := _AND_RX.match(text, pos)) and _TOKEN_RX.match(text, conj.end()):
                pos = conj.end() - 1
        if (first is None and skipped is not None and not title_after_skipped
                and self._title_as_name(text, title_start, skipped)):
            return skipped  # "Officer Major (yes, that is his name)": the title word is the name
        return None if first is None or end is None else (first, end)

    @staticmethod
    def _title_as_name(text: str, title_start: int, word: tuple[int, int]) -> bool:
        """A title word right after a title, with no name after it, is the person's name,
        unless the two make one rank ("Deputy Chief", "Staff Sergeant", "Sergeant Major")."""
        pair = " ".join(re.findall(r"\w+", text[title_start:word[1]].lower()))
        if _base(text[word[0]:word[1]]).rstrip(".") not in TITLES_AS_NAMES:
            return False
        # "Sgt. Major agreed": an abbreviated title with its period, then the word in full,
        # is a title and a name; "the Sergeant Major agreed", "Sgt Maj" are one rank
        abbreviated = re.fullmatch(r"[A-Za-z]{2,4}\.", text[title_start:word[0]].strip()) is not None
        return pair not in COMPOUND_RANKS or (abbreviated and len(text[word[0]:word[1]].rstrip(".")) > 4)

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        results = []
        # The span is the name only: the rank stays outside ("Sgt. [O'Neill]").
        for m in _TITLE_RX.finditer(text):
            if _NEAR_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue  # "NEAR-MISS FORM", "near miss report": no Miss
            plural = m.group().lower().rstrip(".").endswith("s") and len(m.group()) > 4
            span = self._names_after(text, m.start(), m.end(), plural)
            if span is not None:
                results.append(self.result("PERSON", *span, 0.85, "rank_and_name"))
        for m in _CUE_RX.finditer(text):
            span = self._names_after(text, m.start(), m.end(), True)
            if span is not None:
                results.append(self.result("PERSON", *span, 0.6, "cue_and_name"))
        return results


_NEAR_BEFORE = re.compile(r"(?i:near)[ \t-]?$")
_WORD_RX = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’][A-Za-z]+)?(?![\w])", CS)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


class NameListRecognizer(RegexRecognizer):
    """Capitalised given names (plus a following surname) and distinctive surnames."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        super().__init__("NameListRecognizer", "PERSON", [])

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        results = []
        words = list(_WORD_RX.finditer(text))
        i = 0
        while i < len(words):
            m = words[i]
            low = _base(m.group())
            given = low in GIVEN_NAMES
            surname = low in SURNAMES and low not in COMMON_WORD_NAMES
            if not (given or surname) or place_then_agency(text, m.start()):
                i += 1
                continue
            j = i
            # following capitalised words that are not ordinary words: the surname
            while (
                j + 1 < len(words)
                and words[j + 1].start() - words[j].end() == 1
                and text[words[j].end()] == " "
                and (
                    not self.lexicon.is_common(words[j + 1].group())
                    or self.lexicon.is_name(words[j + 1].group())
                )
                # "kyle vondracek nebraska state patrol": a state's name after the name is its force's
                and words[j + 1].group().lower() not in state_names_lower()
                # "Sam Ortiz Marion County Sheriff's Office": a town before its county or police
                and not place_then_agency(text, words[j + 1].start())
            ):
                j += 1
            ambiguous = low in COMMON_WORD_NAMES or self.lexicon.is_common(low)
            if ambiguous and j == i and _sentence_start(text, m.start()):
                i += 1
                continue
            score = 0.6 if j > i else (0.4 if ambiguous else 0.5)
            results.append(self.result("PERSON", m.start(), words[j].end(), score, "name_list"))
            i = j + 1
        return results


class NicknameRecognizer(RegexRecognizer):
    """A name with a nickname in quotes ('Darren "D-Bo" Lusk'); a family name before
    'residence', 'house'... ("the O'Hara residence")."""

    def __init__(self) -> None:
        super().__init__(
            "NicknameRecognizer", "PERSON",
            [
                Rx("quoted_nickname",
                   r"\b[A-Z][\w'’-]+\s+[\"“'‘][^\"”'’\n]{1,24}[\"”'’]\s+[A-Z][\w'’-]+", 0.75, CS),
                # a nickname in quotes in brackets after a name, with whom it is for: 'Ruby Lee Hatcher
                # ("Sister" to the family)', 'Bernice Tate, 66, homeowner ("Big Mama" to the kids)'
                Rx("bracketed_nickname",
                   r"(?<=\p{Lu}[\p{L}'’.-]{0,30}[ \t]\p{Lu}[\p{L}'’-]{1,30}(?:,[^()\n]{1,40})?[ \t]\([\"“])"
                   r"\p{Lu}[\p{L}'’-]*(?:[ \t-]\p{Lu}[\p{L}'’-]*){0,2}"
                   r"(?=[\"”][ \t]+(?i:to|for)[ \t]+(?:the|his|her|their|everyone|everybody|all|us)\b)",
                   0.7, CS, needs=r"\([\"“]"),
                Rx("family_place",
                   r"\b(?i:the)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:residence|house|home|family|"
                   r"household|property|farm|ranch|kids|brothers)\b", 0.6, CS, 1),
            ],
        )
