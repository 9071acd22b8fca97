"""US addresses read by `usaddress`, DataMade's trained CRF for US address strings.

The CRF labels any tokens it is given as address parts ("2 suspects fled" comes back as
AddressNumber, StreetName, StreetName), so it never decides alone whether a passage is an
address. Cheap anchors find the few windows worth reading: a house number followed by a
word, a post-office box or rural route, a county road, a unit after "in". The CRF then
says where the address ends (street type, post-directional, apartment, city, state, ZIP)
and which parts it holds; the span is kept only if those parts make a real address
(a house number and a street name, a box type and number, a road type and number) and the
words pass the checks below ("at 0315 hrs", "2 Suspects", "12 Gauge", "2019 Toyota" fail).
Offsets are exact: each CRF token is found again in the text it came from.

The model file ships inside the usaddress wheel (usaddr.crfsuite): nothing is downloaded."""

from __future__ import annotations

import regex as re
import usaddress
from presidio_analyzer import LocalRecognizer, RecognizerResult

from workstation.detect.gazetteer import places, state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import explained_result, strip_edges
from workstation.detect.spans import RANK_WORDS

_STREET_TYPES = frozenset(usaddress.STREET_NAMES)
_DIRECTIONS = frozenset(usaddress.DIRECTIONS)
_NUMBER_PARTS = frozenset({"AddressNumberPrefix", "AddressNumber", "AddressNumberSuffix"})
_STREET_PARTS = frozenset({
    "StreetNamePreModifier", "StreetNamePreDirectional", "StreetNamePreType", "StreetName",
    "StreetNamePostType", "StreetNamePostDirectional",
})
_UNIT_PARTS = frozenset({"OccupancyType", "OccupancyIdentifier", "SubaddressType", "SubaddressIdentifier"})
_PLACE_PARTS = frozenset({"PlaceName", "StateName", "ZipCode"})
_BOX_PARTS = frozenset({"USPSBoxType", "USPSBoxID", "USPSBoxGroupType", "USPSBoxGroupID"})
_ADDRESS_PARTS = _NUMBER_PARTS | _STREET_PARTS | _UNIT_PARTS | _PLACE_PARTS | _BOX_PARTS

_UNIT_WORDS = frozenset(
    "apt apartment unit suite ste lot space spc trailer trlr room rm bldg building fl floor # no".split()
)
# words that lead to an address: "at 410 Maple", "lives 2219 elm", "address: 18 Birch"
_CUES = frozenset(
    """at to on from of near address addr lives lived live living resides resided reside residence
    house home apartment located toward towards outside behind loc location""".split()
)
# a number after these is a call sign, a badge, a page or a time, not a house number
_NOT_BEFORE_NUMBER = frozenset(
    """unit units car badge case ch channel exit mile mm mp page code signal sector zone beat
    district post engine medic ladder truck station room rm cell bed bay line shift team squad
    dob age plate tag vin approx approximately about around over under only nearly almost
    number no nr id serial item count counts round rounds shot shots squad patrol adam boy
    charles david edward frank george henry ida john king lincoln mary nora ocean paul queen
    robert sam tom union victor william young zebra alpha bravo delta echo foxtrot golf hotel
    india kilo lima mike november oscar papa quebec romeo sierra tango uniform whiskey yankee
    zulu ten code tac""".split()
)
# measures, counts, times and things counted: "300 yards", "12 gauge", "1400 hours"
_NOT_STREET = frozenset(
    """hours hour hrs hr minutes minute mins min seconds secs days day weeks week months month
    years year yrs yoa yo am pm a.m. p.m. miles mile yards yard feet foot ft inches inch mph kph
    rounds round shots shot times percent dollars bucks grams gram kilos pounds lbs degrees
    gauge ga cal caliber mm door doors people persons kids adults officers deputies units cars
    vehicles suspects victims block blocks blk calls call inmates students others more less
    hundred thousand million counts count occasions dispatch hrs. jan january feb february mar
    march apr april may jun june jul july aug august sep sept september oct october nov
    november dec december monday tuesday wednesday thursday friday saturday sunday""".split()
)
# a house number followed by a word (an optional direction before it)
_NUMBER_ANCHOR = re.compile(
    r"(?<![\w.,$#/:'’-])(?:\d{1,6}[A-Za-z]?|\d{1,5}-\d{1,4})(?![\w,.:/-])[ \t]+"
    r"(?:(?i:[nsew]|ne|nw|se|sw|north|south|east|west)\.?[ \t]+)?[A-Za-z]"
)
# boxes, routes and county roads that are addressed by a number
_OTHER_ANCHOR = re.compile(
    r"\b(?:p\.?[ \t]?o\.?[ \t]*(?:box|drawer)|pob|post[ \t]+office[ \t]+box|"
    r"rural[ \t]+route|star[ \t]+route|(?:rr|r\.r\.|hc|hcr|rfd)[ \t]*#?[ \t]*\d{1,4},?[ \t]+box|"
    r"(?:county|co\.?|cnty|state|township|twp|parish|forest|farm)[ \t]+(?:road|rd|route|rte|line))"
    r"\.?[ \t]*#?[ \t]*\d{1,5}[a-z]?(?:,?[ \t]+box[ \t]*#?[ \t]*\d{1,5})?"
    r"(?:[ \t]+(?:[nsew]|north|south|east|west)\b\.?)?",
    re.IGNORECASE,
)
# a unit someone is in: "in unit 4B", "into apt 12" (not "unit 4 responded", a call sign)
_UNIT_ANCHOR = re.compile(
    r"\b(?:in|inside|into)[ \t]+(?:(?:the|his|her|their|apartment|housing)[ \t]+)?"
    r"((?:unit|apt|apartment|suite|ste|bldg|building)\.?[ \t]*#?[ \t]*(?:\d{1,5}[a-z]?|[a-z]\d{1,4}))"
    r"(?![\w-])",
    re.IGNORECASE,
)
_ROAD_OWNERS = frozenset("county co cnty state township twp parish forest farm".split())
_BOX_WORDS = frozenset("po p.o p.o. p o box drawer pob post office bin lockbox".split())
_ROUTE_WORDS = frozenset("rr r.r r.r. rural route star hc hcr rfd".split())
# small words that can sit inside a street name: "Avenue of the Americas", "Calle de la Paz"
_IN_NAMES = frozenset("of the de la del los las el".split())
_WORD = re.compile(r"[\w'’.-]+")
# words that follow a number and start no street: "2 near Devils Lake", "20 sec later"
_NOT_AFTER_NUMBER = frozenset("near sec secs nb sb eb wb ref went saying".split())
_SENTENCE_END = re.compile(r"[!?;:\n]|\.(?=[ \t]+\S|$)")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)", re.IGNORECASE)
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_DASH_BETWEEN = re.compile(r"[—–]|[ \t]-[ \t]")
_WINDOW = 64  # characters read after an anchor


def _clean(token: str) -> str:
    return token.strip(" ,;()#").rstrip(".").lower() if token not in ("#",) else token


def tag_window(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """usaddress's labels for text[start:end], each with the token's exact offsets."""
    window = text[start:end]
    out: list[tuple[int, int, str]] = []
    pos = 0
    for token, label in usaddress.parse(window):
        at = window.find(token, pos)
        if at < 0:  # the tokenizer rewrote an entity ("&amp;"): stop there
            break
        out.append((start + at, start + at + len(token), label))
        pos = at + len(token)
    return out


class UsAddressRecognizer(LocalRecognizer):
    """ADDRESS spans confirmed by the usaddress CRF (see the module's docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        if not hasattr(usaddress, "TAGGER"):  # usaddress only warns when its model is missing
            raise RuntimeError(f"usaddress's model file is missing: {usaddress.MODEL_PATH}")
        self.lexicon = lexicon
        self._states = {s.lower() for s in state_codes()} | {
            name for name, kind in places().items() if kind == "state"
        }
        super().__init__(supported_entities=["ADDRESS"], name="UsAddressRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        results: list[RecognizerResult] = []
        covered_to = -1
        # (start, end of the anchor's own words: the narrower window read if the wider fails)
        anchors = [(m.start(), -1) for m in _NUMBER_ANCHOR.finditer(text)
                   if self._worth_reading(text, m.start())]
        anchors += [(m.start(), m.end()) for m in _OTHER_ANCHOR.finditer(text)]
        anchors += [(m.start(1), m.end(1)) for m in _UNIT_ANCHOR.finditer(text)]
        for start, own_end in sorted(set(anchors)):
            if start < covered_to:
                continue
            found = self._read(text, start, self._window_end(text, start))
            if found is None and own_end > 0:
                found = self._read(text, start, own_end)
            if found is None:
                continue
            end, score, pattern = found
            covered_to = end
            results.append(explained_result(self, "ADDRESS", start, end, score, pattern))
        return results

    def _window_end(self, text: str, start: int) -> int:
        """End of the passage read after an anchor: the clause, at most _WINDOW characters,
        up to the first small word after the anchor's own ("410 Maple | for a fight"): the
        CRF reads a passage that runs on into a sentence as more street. A period after an
        abbreviation ("St. N.", "P.O. Box", "1401 s. main") does not end it."""
        limit = min(len(text), start + _WINDOW)
        for w in _WORD.finditer(text, start, limit):
            if w.start() > start and self.lexicon.is_stop(w.group()) and w.group().lower() not in _IN_NAMES:
                limit = w.start()
                break
        pos = start
        while True:
            m = _SENTENCE_END.search(text, pos, limit)
            if m is None:
                return limit
            if m.group() == ".":
                word = re.search(r"(?<![A-Za-z])([A-Za-z]{1,4})$", text[max(start, m.start() - 5):m.start()])
                after = re.match(r"[ \t]+([\w#]+)", text[m.end():m.end() + 12])
                before = word.group(1).lower() if word else ""
                next_word = after.group(1).lower() if after else ""
                if len(before) == 1 and next_word and not self.lexicon.is_stop(next_word):
                    pos = m.end()
                    continue
                if (before in _STREET_TYPES or before in _DIRECTIONS or before in _UNIT_WORDS) and (
                        next_word in _DIRECTIONS or next_word in _UNIT_WORDS or next_word[:1].isdigit()):
                    pos = m.end()
                    continue
            return m.start()

    # -- before the CRF: is the number worth reading? -------------------------------------
    def _previous_word(self, text: str, start: int) -> str:
        m = re.search(r"([\w'’]+)[^\w\n]{0,3}$", text[max(0, start - 40):start])
        return m.group(1).lower() if m else ""

    def _worth_reading(self, text: str, start: int) -> bool:
        """Cheap checks before the CRF: the word after the number could start a street.
        A one-digit number, a year or "911" needs a street type in the next words
        ("5 Elm St", "2014 Silverado" not); a lower-case word a cue or a street type."""
        if self._previous_word(text, start) in _NOT_BEFORE_NUMBER:
            return False
        words = _WORD.findall(text, start, min(len(text), start + 60))
        if len(words) < 2:
            return False
        number, first = words[0], words[1].rstrip(".").lower()
        if first in _NOT_STREET or self.lexicon.is_stop(first) or first in _NOT_AFTER_NUMBER:
            return False
        has_type = any(w.rstrip(".,").lower() in _STREET_TYPES for w in words[1:5])
        if first in RANK_WORDS and not has_type:
            return False  # "2242 OFC MCDERMOTT #19932 ON SCENE": a log's time, then an officer
        digits = re.match(r"\d+", number)
        n = digits.group() if digits else ""
        if len(n) < 2 or n == "911" or (len(n) == 4 and 1900 <= int(n) <= 2039):
            return has_type
        if first in _DIRECTIONS or _ORDINAL.fullmatch(first) or words[1][0].isupper():
            return True
        return has_type or self._previous_word(text, start) in _CUES

    # -- the CRF and the structure it found -----------------------------------------------
    def _read(self, text: str, start: int, end: int) -> tuple[int, float, str] | None:
        tagged = tag_window(text, start, end)
        parts: list[tuple[int, int, str]] = []
        for a, b, label in tagged:
            if label not in _ADDRESS_PARTS:
                break
            parts.append((a, b, label))
        parts = self._checked(text, parts)
        if not parts:
            return None
        labels = [p[2] for p in parts]
        kind = self._kind(text, start, parts, labels)
        if kind is None:
            return None
        last_a, last_b, last_label = parts[-1]
        if (last_label == "StreetNamePostDirectional" and len(parts) > 2 and last_b - last_a > 2
                and re.match(r"[ \t]+of\b", text[last_b:last_b + 4], re.IGNORECASE)):
            parts = parts[:-1]  # "County Road 12 | west of Millersburg": a bearing, not the road's
        _, end = strip_edges(text, start, parts[-1][1])
        score = 0.6 if kind == "bare" else 0.8
        return end, score, f"usaddress_{kind}"

    def _checked(self, text: str, parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The parts up to the first one whose word cannot be what the CRF says it is, or
        that comes out of order (a street name after the street type or the unit)."""
        kept: list[tuple[int, int, str]] = []
        stage = 0  # 0 number, 1 street name, 2 after the street type, 3 unit, 4 place
        numbered_route = False  # "County Road 12": nothing but a direction after the number
        for i, (a, b, label) in enumerate(parts):
            token = text[a:b]
            word = _clean(token)
            ok = True
            if word in _DIRECTIONS and (stage == 2 or numbered_route) and label.startswith("StreetName"):
                label = "StreetNamePostDirectional"  # "Hwy 61 N", "Ct. N." whatever the CRF said
            if label in _NUMBER_PARTS:
                ok = stage == 0 and any(c.isdigit() for c in word) and not word.startswith("0")
            elif label in ("StreetNamePreModifier", "StreetNamePreDirectional", "StreetNamePreType",
                           "StreetName"):
                ok = stage <= 1 and not numbered_route
                if label == "StreetName":
                    # "67 Locust, sitting on the porch": a comma ends the name
                    after_comma = bool(kept) and text[kept[-1][1] - 1] == ","
                    ok = ok and not after_comma and self._street_word(token, word)
                    numbered_route = word.isdigit()
                elif label == "StreetNamePreType":
                    ok = ok and (word in _STREET_TYPES or word in _ROAD_OWNERS)
                elif label == "StreetNamePreDirectional":
                    ok = ok and word in _DIRECTIONS
                stage = 1
            elif label == "StreetNamePostType":
                ok = stage == 1 and word in _STREET_TYPES and not numbered_route
                stage = 2
            elif label == "StreetNamePostDirectional":
                ok = stage in (1, 2) and word in _DIRECTIONS
                stage = 2
            elif label in ("OccupancyType", "SubaddressType"):
                # "Marrowbone Creek Rd — Unit 7 Dep. Slone": after a dash, a log's next item
                ok = stage <= 3 and (word in _UNIT_WORDS or token == "#") and not (
                    kept and _DASH_BETWEEN.search(text, kept[-1][1], a))
                stage = 3
            elif label in ("OccupancyIdentifier", "SubaddressIdentifier") and token == "#":
                ok = stage <= 3  # "Blvd #14": the CRF calls the sign an identifier
                stage = 3
            elif label in ("OccupancyIdentifier", "SubaddressIdentifier"):
                ok = any(c.isdigit() for c in word) or (len(word) == 1 and word.isalpha())
                ok = ok and i > 0 and (parts[i - 1][2] in ("OccupancyType", "SubaddressType")
                                       or text[parts[i - 1][0]:parts[i - 1][1]] == "#")
            elif label == "PlaceName":
                ok = stage >= 1 and self._place_word(token, word, parts[i:], text)
                stage = 4
            elif label == "StateName":
                ok = stage >= 1 and word in self._states and (len(word) > 2 or token.strip(" ,.").isupper())
                stage = 4
            elif label == "ZipCode":
                ok = stage >= 1 and bool(_ZIP.fullmatch(word))
                stage = 4
            elif label == "USPSBoxType":
                ok = word in _BOX_WORDS
            elif label == "USPSBoxGroupType":
                ok = word in _ROUTE_WORDS
            elif label in ("USPSBoxID", "USPSBoxGroupID"):
                ok = any(c.isdigit() for c in word)
                stage = 2
            if not ok:
                break
            kept.append((a, b, label))
        # a place name is kept only with the state or ZIP code that follows it
        while kept and kept[-1][2] == "PlaceName":
            kept.pop()
        while kept and kept[-1][2] in ("OccupancyType", "SubaddressType", "USPSBoxType",
                                       "USPSBoxGroupType", "StreetNamePreType"):
            kept.pop()
        return kept

    def _street_word(self, token: str, word: str) -> bool:
        if _ORDINAL.fullmatch(word) or word.isdigit() or word in _DIRECTIONS:
            return True
        if not word or not word[0].isalpha() or word in _NOT_STREET or self.lexicon.is_stop(word):
            return False
        # "Suspects", "Rounds", "Officers": a common word's plural is a count, not a street
        return not (word.endswith("s") and self.lexicon.is_common(word) and self.lexicon.is_common(word[:-1]))

    def _place_word(self, token: str, word: str, rest: list[tuple[int, int, str]], text: str) -> bool:
        if not word.isalpha() or self.lexicon.is_stop(word) or word in _NOT_STREET:
            return False
        if not token[0].isupper():
            return False
        return any(label in ("StateName", "ZipCode") for _, _, label in rest[:4])

    def _kind(self, text: str, start: int, parts: list[tuple[int, int, str]],
              labels: list[str]) -> str | None:
        """Which real address the parts make, or None."""
        if labels[0] in ("USPSBoxType", "USPSBoxGroupType"):
            if ("USPSBoxType" in labels and "USPSBoxID" in labels) or (
                    "USPSBoxGroupType" in labels and "USPSBoxGroupID" in labels):
                return "box"
            return None
        if labels[0] == "StreetNamePreType":
            return "road" if "StreetName" in labels else None
        if labels[0] in ("OccupancyType", "SubaddressType"):
            return "unit" if labels[1:2] in (["OccupancyIdentifier"], ["SubaddressIdentifier"]) else None
        if labels[0] not in _NUMBER_PARTS or "StreetName" not in labels:
            return None
        number = next(text[a:b] for a, b, lab in parts if lab == "AddressNumber") if (
            "AddressNumber" in labels) else ""
        if not number or not number[0].isdigit():
            return None
        names = [text[a:b].strip(" ,.") for a, b, lab in parts if lab == "StreetName"]
        if any(lab in labels for lab in ("StreetNamePostType", "StreetNamePreType", "ZipCode", "StateName")):
            return "street"
        # a direction or a unit makes a bare number and name likelier, not certain
        semi = "StreetNamePreDirectional" in labels or "OccupancyIdentifier" in labels
        if self._bare_street(text, start, number, names, parts[-1][1], semi):
            return "street" if semi else "bare"
        return None

    def _bare_street(self, text: str, start: int, number: str, names: list[str], end: int,
                     semi: bool = False) -> bool:
        """A house number and a street name without its type: "410 Maple", "at 2219 elm".
        semi: a direction or a unit came with it ("613 w. cherry", "88 Birch, lot 12")."""
        digits = re.match(r"\d+", number)
        if digits is None or len(names) > 2 or not 2 <= len(digits.group()) <= 5:
            return False
        n = digits.group()
        if n.startswith("0") or n == "911" or (len(n) == 4 and 1900 <= int(n) <= 2039):
            return False
        if any(w.isdigit() for w in names) or any(
                w.isupper() and len(w) <= 4 and not self.lexicon.is_common(w) for w in names if w.isalpha()):
            return False  # "2219 RCSO UNIT 4": an agency's initials, not a street
        time_like = len(n) == 4 and int(n[:2]) < 24 and int(n[2:]) < 60
        capitalised = all(w[:1].isupper() for w in names) and not all(w.isupper() for w in names)
        common = any(self.lexicon.is_common(w) for w in names) and not semi
        if self.lexicon.is_given_name(names[0]) and (len(names) == 2 or not self.lexicon.is_common(names[0])):
            return False  # "At 1130 John Miller walked in"
        cue = self._previous_word(text, start) in _CUES
        after = re.match(r"[ \t]*([\w'’]+)", text[end:end + 30])
        next_word = after.group(1) if after else ""
        if capitalised:
            if not cue:
                # no cue: an unusual word, not a given name, after a small word or a comma
                before = text[max(0, start - 30):start].rstrip()
                prev = re.search(r"[\w'’]+$", before)
                if prev is not None and prev.group()[0].isupper():
                    return False  # "Adam 12 Baker", "David 4 Ocean"
                return not common and not any(self.lexicon.is_given_name(w) for w in names) and not time_like
            return not (time_like and common)
        if semi and not all(w.isalpha() for w in names):
            return False
        # lower case: a cue, no time, and the clause goes on with a small word or ends
        if (not cue and not semi) or time_like or not all(w.isalpha() for w in names):
            return False
        return semi or not next_word or self.lexicon.is_stop(next_word) or next_word.lower() in _CUES
