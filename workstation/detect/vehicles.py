"""Things described, not places or organisations: a vehicle by its model year ("a white 2018
Chevrolet Malibu", "VEH: 2011 GRY FORD F-150", "2012 BMW 328i"), which NER and the address
parsers read as a place with a house number; and a brand before the thing it made or the team
on it ("a Falcons jersey", "his Samsung phone", "a Stearns float coat", "after the Michigan
game"). An agency's own gear keeps its name ("a Metro PD jacket")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex as re

from workstation.detect.allow_list import allowed_regions, inside
from workstation.detect.gazetteer import places, state_codes
from workstation.detect.plate_state import PLATE_SHAPE, RECORD_WORD
from workstation.detect.spans import RawSpan

# NCIC vehicle colour codes, and the colours written out
_COLOURS = frozenset(
    """
    blk blu bro brz gry gra grn mar ong pnk ple red sil tan tea trq whi wht yel gld bge crm cpr
    dbl lbl dgr lgr cam mul
    black blue brown bronze gray grey green maroon orange pink purple silver tan teal white
    yellow gold beige cream copper burgundy charcoal
    """.split()
)
# NCIC vehicle make codes that are no word of their own (full names are on the allow-list)
_MAKE_CODES = frozenset(
    """
    niss chev chevy toyt hond dodg hyun volk merz cadi buic linc mazd mits suba pont chry acur
    infi lexs volv tesl gmc kia audi bmw ford jeep ram
    """.split()
)
# a vehicle's model year
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MODEL_YEAR = re.compile(rf"{_YEAR}[ \t]+(?P<next>[A-Za-z][\w-]*)")
_MAKES = frozenset(
    """
    ford chevrolet dodge toyota honda nissan gmc hyundai kia harley harley-davidson bmw mercedes
    mercedes-benz subaru volkswagen vw tesla buick cadillac lexus acura pontiac chrysler mazda
    kenworth peterbilt freightliner lincoln mitsubishi volvo infiniti mini saturn mercury scion
    bayliner cessna beechcraft polaris yamaha kawasaki suzuki seadoo sea-doo skidoo ski-doo
    mercruiser evinrude winnebago airstream kubota
    """.split()
)
# models the allow-list has no make before ("MAXIMA" alone is a model to an NCIC message)
_MODELS = frozenset(
    """
    maxima altima sentra rogue murano versa frontier pathfinder camry corolla tacoma tundra
    accord civic pilot odyssey malibu impala tahoe silverado equinox cruze explorer escape
    fusion focus taurus mustang ranger charger durango caravan challenger wrangler cherokee
    sonata elantra tucson santa optima sorento soul forte jetta passat outback forester
    """.split()
)
# ... but "2000 Ford Ave", "2011 Silver Lake Rd" are addresses: a street word within two words
_STREET_AFTER = re.compile(r"(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2}[ \t]+(?i:st|street|ave|avenue|rd|road|blvd|"
                           r"boulevard|dr|drive|ln|lane|way|ct|court|pl|place|pkwy|parkway|hwy|highway|cir|"
                           r"circle|trl|trail|ter|terrace|loop|pike|run|row|sq|square)\b")
_WORD = re.compile(r"[\w][\w'’-]*")
_SEPARATORS = re.compile(r"[\s,;:()/-]+")
_YEAR_BEFORE = re.compile(rf"(?<![\w-]){_YEAR}[ \t]+(?:(?:" + "|".join(sorted(_COLOURS))
                          + r")[ \t]+)?$", re.IGNORECASE)
_STATE_AND_PLATE = re.compile(
    rf"\b(?P<state>[A-Z]{{2}})[ \t]+(?:{RECORD_WORD})?(?P<plate>{PLATE_SHAPE})(?![\w-])")

# a number written with a vehicle that is no model of it: a plate's groups, a VIN, a unit number
_CODE = re.compile(r"(?<![\w-])#?(?:[A-Z]{1,4}[ -]?\d{2,5}[A-Z]{0,3}|\d{1,4}[ -]?[A-Z]{2,4}\d{0,3}|"
                   r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,})(?![\w-])")
_STATE_NAME = re.compile(r"\b\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+)?\b")

# what a brand or a team is printed on, or what it plays
_PRODUCTS = (
    "jersey", "jerseys", "jacket", "hoodie", "sweatshirt", "shirt", "t-shirt", "tee", "hat", "cap",
    "beanie", "shoes", "sneakers", "boots", "backpack", "phone", "cellphone", "cell phone", "laptop",
    "tablet", "smartwatch", "cooler", "coat", "float coat", "vest", "gloves", "sunglasses",
    "flashlight", "logo", "sticker", "game", "fan", "fans",
)
_BEFORE_PRODUCT = re.compile(r"[ \t]+(?:" + "|".join(re.escape(p) for p in _PRODUCTS) + r")\b",
                             re.IGNORECASE)
# an article, maybe a colour, before one capitalised word: a make or a brand ("a black Lincoln",
# "sell a Rolex"), no person ("a Smith" is no way to name one)
_A_THING_BEFORE = re.compile(
    r"(?<![\w'’])(?i:a|an)[ \t]+(?:(?i:" + "|".join(sorted(_COLOURS)) + r")[ \t]+)?$")
# ... a vehicle where it is driven or ridden in, or by its colour ("a Colorado native" is a person)
_DRIVEN = re.compile(r"\b(?i:in|into|drove|drives|drive|driving|driven|rode|riding|ride|got[ \t]+out[ \t]+of)"
                     r"[ \t]+(?i:a|an)[ \t]+\S*[ \t]*$|\b(?i:" + "|".join(sorted(_COLOURS)) + r")[ \t]+$")
_CLAUSE_GOES_ON = re.compile(r"[ \t]*[,.;:!?)]|[ \t]+(?!(?i:native|resident|county|police|family)\b)\p{Ll}")
# ... a company's, by the thing of its named after it ("a Loomis truck", "a Garda guard")
_COMPANY_THING_AFTER = re.compile(r"[ \t]+(?i:truck|trucks|van|vans|car|guard|guards|driver|drivers|courier|"
                                  r"crew|employee|employees|worker|workers|store|box|package|tech|technician|"
                                  r"delivery|armored)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an|the|his|her|their|my|your|our|its|some)[ \t]+$")
_AGENCY_HEAD = re.compile(r"\b(?i:police|sheriff|sheriff's|pd|so|sd|dps|patrol|trooper|troopers|"
                          r"department|dept|fire|ems|corrections|marshals?|swat)\b")


def things_not_places(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """The spans less the vehicles and brands described."""
    regions: list[tuple[int, int]] | None = None
    out: list[RawSpan] = []
    for s in spans:
        if s.label in ("LOCATION", "AGENCY", "PERSON") and _MODEL_YEAR.match(text, s.start, s.end):
            if regions is None:
                regions = allowed_regions(text)
            if _a_vehicle(text, s):
                out += _after_the_vehicle(text, s, regions)
                continue
        year_before = _YEAR_BEFORE.search(text, max(0, s.start - 24), s.start)
        if s.label in ("LOCATION", "AGENCY", "PERSON") and year_before is not None:
            word = text[s.start:s.end].split()[0].lower()
            if word in _MAKE_CODES or word in _COLOURS:  # "2016 NISS ALTIMA", NER's "NISS"
                out += _its_plate(text, s, 0)
                continue
        if s.label in ("LOCATION", "AGENCY") and _a_brand(text, s):
            continue
        if s.label in ("PERSON", "LOCATION") and re.fullmatch(r"\p{Lu}[\p{L}-]+", text[s.start:s.end]) and (
                _A_THING_BEFORE.search(text, max(0, s.start - 40), s.start)):
            if text[s.start:s.end].lower() in _ANY_MODEL | _MAKES and _DRIVEN.search(
                    text, max(0, s.start - 40), s.start) and _CLAUSE_GOES_ON.match(text, s.end):
                continue  # "in a black Lincoln,", "in a Chevelle": a vehicle, no one's name nor a place
            if s.label == "PERSON" and _COMPANY_THING_AFTER.match(text, s.end):
                # "a Loomis truck", "an Amazon van": a company's, no person's
                out.append(RawSpan(s.start, s.end, "LOCATION", s.score, s.recognizer))
                continue
        if s.label in ("LOCATION", "AGENCY") and _MAKE_BEFORE.search(text, max(0, s.start - 24), s.start):
            # "a white Chevrolet Express, AZ partial CV4", "Jeep Grand Cherokee": the make's model, then
            # what follows it
            rest = s.start
            while (model := _FIRST_WORD.match(text, rest, s.end)) and model.group(1).lower() in _ANY_MODEL:
                rest = model.end()
            if rest > s.start:
                if rest < s.end:
                    out.append(RawSpan(rest, s.end, s.label, s.score, s.recognizer))
                continue
        out.append(s)
    return out


# a make right before a span: the span's first word is its model ("Chevrolet Express", "FORD TRANSIT")
_NAMES_TOO = frozenset({"lincoln", "mercury", "saturn", "ram", "harley", "genesis", "mini", "smart"})
_MAKE_BEFORE = re.compile(r"(?<![\w-])(?i:" + "|".join(sorted(_MAKES - _NAMES_TOO)) + r")[ \t]+$")
_FIRST_WORD = re.compile(r"([\w'’-]+)[,;]?[ \t]*")
# models that are places' or everyday words too, a model only after their make ("Chevrolet Express",
# "Dodge Journey", "GMC Sierra")
_MORE_MODELS = frozenset("""express transit savana sprinter econoline promaster journey edge expedition
    bronco escalade suburban yukon sierra colorado canyon traverse trailblazer blazer acadia envoy
    avalanche denali navigator continental highlander sequoia sienna prius odyssey ridgeline
    titan armada xterra quest dakota magnum nitro liberty compass patriot grand prix
    chevelle camaro corvette cutlass regal firebird thunderbird bonneville lesabre""".split())
_ANY_MODEL = _MODELS | _MORE_MODELS


def vehicle_words(text: str, start: int, end: int) -> bool:
    """Only a vehicle's make, model and colour: "MAXIMA", "SIL NISS", "Honda Civic", "the Volvo"
    (a make that is no one's name: "Ford", "Lincoln" and "Honda" are surnames too)."""
    regions = allowed_regions(text[start:end])
    words = list(re.finditer(r"[\w-]+", text[start:end]))
    return bool(words) and all(w.group().lower() in _COLOURS or w.group().lower() in _MAKE_CODES
                               or w.group().lower() in _unnamed_makes()
                               or inside(regions, w.start(), w.end()) or (w.group().isupper()
                               and w.group().lower() in _MODELS) for w in words)


@lru_cache(maxsize=1)
def _unnamed_makes() -> frozenset[str]:
    from workstation.detect.census import is_census_name

    return frozenset(m for m in _MAKES if not is_census_name(m))


def a_colour_or_make(word: str) -> bool:
    """"GREEN", "BENZ": a colour's or a make's word ("KELLY GREEN", "MERCEDES BENZ" name no one)."""
    return word.lower() in _COLOURS or word.lower() in _MAKES or word.lower() in ("benz", "royce", "romeo")


def a_make_alone(fragment: str) -> bool:
    """"The Volvo took a dent": a make that is no one's name, no place either."""
    return fragment.lower() in _unnamed_makes()


# a vehicle's kind, as a record writes it after its colour ("WHI PICKUP", "BLK BOX TRUCK")
_BODIES = frozenset("""pickup pu sedan sdn suv van minivan truck trk box coupe semi tractor trailer wagon
    hatchback motorcycle mc moped scooter bus""".split())
_A_YEAR = re.compile(_YEAR)
_VEHICLE_WORDS = _COLOURS | _MAKE_CODES | _MAKES | _MODELS | _BODIES
_NAMING_WORDS = _COLOURS | _MAKE_CODES | _MAKES  # (a kind or a model alone names no vehicle)


def only_a_vehicle(text: str, start: int, end: int) -> bool:
    """Two words or more, all a vehicle's colour, year, make, model or kind, one of them its colour,
    year or make: "WHI PICKUP", "BLK 2019", "WHI VOLVO" (a record's shorthand, no place)."""
    words = [w.lower() for w in _WORD.findall(text, start, end)]
    return len(words) >= 2 and all(w in _VEHICLE_WORDS or _A_YEAR.fullmatch(w) for w in words) and any(
        w in _NAMING_WORDS or _A_YEAR.fullmatch(w) for w in words)


def _a_vehicle(text: str, span: RawSpan) -> bool:
    year = _MODEL_YEAR.match(text, span.start, len(text))
    if year is None:
        return False
    word = year.group("next")
    if _STREET_AFTER.match(text, year.start("next") - 1):
        return False
    # a model right after its year names the vehicle too: "(2017 Rogue, MN GKR 118"
    return word.lower() in _COLOURS or word.lower() in _MAKE_CODES or word.lower() in _MAKES or (
        word.lower() in _MODELS)


def _after_the_vehicle(text: str, span: RawSpan, regions: list[tuple[int, int]]) -> list[RawSpan]:
    """What the span holds after the vehicle's year, colour, make and model ("2015 Kia Soul,
    1400 Elm St" keeps the address), or else the numbers written with it."""
    at = span.start
    for word in _WORD.finditer(text, span.start, span.end):
        low = word.group().lower()
        if not (word.start() == span.start or low in _COLOURS or low in _MAKE_CODES or low in _MAKES
                or low in _MODELS or inside(regions, word.start(), word.end())
                or (len(low) <= 5 and any(c.isdigit() for c in low) and not low.isdigit())):
            break
        at = word.end()
    gap = _SEPARATORS.match(text, at, span.end)
    start = gap.end() if gap is not None else at
    rest = text[start:span.end]
    if start >= span.end or (" " not in rest.strip() and not any(c.isdigit() for c in rest)):
        return []  # nothing after the vehicle, or one more word of it ("ENVOY")
    plate = _its_plate(text, RawSpan(start, span.end, span.label, span.score, span.recognizer), 0)
    return plate or [RawSpan(start, span.end, span.label, span.score, span.recognizer)]


def _its_plate(text: str, vehicle: RawSpan, year: int = 4) -> list[RawSpan]:
    """"2006 BLK GMC ENVOY MI REG EHK 8830", "2019 Camry, Texas plate KLM 2231": the numbers
    written with the vehicle (its plate, its VIN) and the state that issued them stay."""
    out: list[RawSpan] = []
    m = _STATE_AND_PLATE.search(text, vehicle.start, vehicle.end)
    if m is not None and m.group("state") in state_codes() and m.group("state") != "ID":
        out += [RawSpan(m.start("state"), m.end("state"), "LOCATION", vehicle.score, vehicle.recognizer),
                RawSpan(m.start("plate"), m.end("plate"), "ID", vehicle.score, vehicle.recognizer)]
    else:
        for name in _STATE_NAME.finditer(text, vehicle.start, vehicle.end):
            if places().get(name.group().lower()) == "state":
                out.append(RawSpan(name.start(), name.end(), "LOCATION", vehicle.score, vehicle.recognizer))
    regions = allowed_regions(text[vehicle.start:vehicle.end])
    for code in _CODE.finditer(text, vehicle.start + year, vehicle.end):
        if inside(regions, code.start() - vehicle.start, code.end() - vehicle.start):
            continue  # "F-150"
        if not any(o.start < code.end() and o.end > code.start() for o in out):
            out.append(RawSpan(code.start(), code.end(), "ID", vehicle.score, vehicle.recognizer))
    return out


def _a_brand(text: str, span: RawSpan) -> bool:
    if _BEFORE_PRODUCT.match(text, span.end) is None:
        return False
    if _DETERMINER_BEFORE.search(text, max(0, span.start - 8), span.start) is None:
        return False
    return _AGENCY_HEAD.search(text, span.start, span.end) is None
