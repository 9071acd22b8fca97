"""Places named the local way (issue 19): a transit line by its colour ("on the red line", "RED
LINE, ROOSEVELT STATION") in a report about trains or stations, a quarter by its local nickname
("a close one at the flats", "down in the bottoms"), a county's jail by the county's
abbreviation ("RANKIN CO JAIL"), and the grid addresses of the Mountain West ("3950 S 1300 E")."""

from __future__ import annotations

import regex as re

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CI, CS, Refine, RegexRecognizer, Rx
from workstation.detect.vocab import COUNTIES_AFTER, REPORT_SHORTHAND, TRAVEL_DIRECTION

# a report about a railway, where a colour and "line" name a line ("the yellow line" of a
# platform's edge is written in lower case; the Yellow Line capitalised)
_TRANSIT = re.compile(r"(?i:\b(?:station|stations|train|trains|platform|platforms|tracks|third[ \t]+rail|"
                      r"transit|subway|metro|light[ \t]+rail|rail|cta|mbta|marta|septa|wmata|bart|dart|"
                      r"trimet|l[ \t]+train|el)\b)")


_NAME = r"\p{L}[\p{L}'’-]{2,}"  # (in capitals the text is read recased: "rankin Co Jail")
_JAIL = (r"(?i:(?:adult|juvenile|juv|regional|central)\.?[ \t]+)?(?i:jail|det(?:ention)?\.?[ \t]+"
         r"(?:ctr|center|centre|facility|fac)|detention|corr(?:ectional)?\.?[ \t]+(?:ctr|center|facility|fac|"
         r"complex)|justice[ \t]+center|courthouse|booking)")
_BEARING = r"(?:[NSEW]|North|South|East|West)"
_WORD = re.compile(r"[\p{L}'’-]+")


def _about_trains(text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[start:end].lower().startswith("yellow") and text[start].islower():
        return None
    return (start, end) if _TRANSIT.search(text) else None


def _county_named(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        """The county's name only, not the words before it ("booked rankin co jail"): the word
        before "Co", and one more when both are capitalised ("San Juan Co. Jail")."""
        words = list(_WORD.finditer(text, start, end))
        county = next((i for i, w in enumerate(words) if w.group().lower() in ("co", "cnty", "county")), 0)
        if county == 0 or lexicon.is_stop(words[county - 1].group()):
            return None
        first = words[county - 1]
        before = words[county - 2] if county >= 2 else None
        if before is not None and before.group()[:1].isupper() and first.group()[:1].isupper() and not (
                lexicon.is_stop(before.group()) or before.group().isupper()):
            first = before
        return first.start(), end

    return refine


# a street named in lower case after where one is: "on north front street", "off elm ave"; its
# name is a word no dictionary has, an ordinal, or one of the commonest street names (a "dirt
# road", a "side street" and a "service road" are no names)
_STREET_NAMES = frozenset(
    """main front park church market water mill spring high center centre elm oak pine maple
    cedar walnut chestnut washington lake hill river bridge view ridge union state broad
    jefferson lincoln franklin madison jackson adams grant college school railroad canal""".split())
_NUMBERED = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth""".split())
_DIRECTIONS = ("north", "south", "east", "west", "n", "s", "e", "w")
_LOWER_SUFFIXES = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|parkway|pkwy|way|"
                   r"court|ct|place|pl)")
_LOWER_STREET = (
    r"\b(?:on|at|off|onto|near|down|up|along|crossing|across|of)[ \t]+"  # (a group: no look-behind to try)
    rf"(?P<x>(?:(?:{'|'.join(_DIRECTIONS)})[ \t]+)?[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?[ \t]+"
    rf"{_LOWER_SUFFIXES}(?![\w'’-]))")


def _named_street(lexicon: Lexicon) -> Refine:
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = text[start:end].lower().split()[:-1]
        if words and words[0] in _DIRECTIONS:
            words = words[1:]
        named = [w in _STREET_NAMES or w in _NUMBERED for w in words]
        if not words or any(lexicon.is_stop(w) and not n for w, n in zip(words, named, strict=True)):
            return None  # "on the street", "off that road" ("front" and "first" are stop words too)
        if all(n or not lexicon.is_common(w) for w, n in zip(words, named, strict=True)):
            return start, end
        return None

    return refine


# a place as Puerto Rico and the Spanish-speaking Southwest write it: the kind first ("Calle
# Luna", "la Ave. Lomas Verdes", "Urb. Santa Rosa", "Bo. Borinquen", "Plaza Río Hondo"), a road
# by its number and kilometre ("Carr. 107 km 2.3"); an English "Webster Ave. Fight broke out" ends
# its sentence
_SPANISH_PLACE = (
    r"(?<![\w'’-])(?:(?:Calle|Avenida|(?<=(?:^|\b(?i:la|en|de|desde|hasta|por|a|al)[ \t]+))Ave\.|"
    r"Plaza|Urb\.|Urbanización|Barrio|Bo\.|Residencial|Res\.|"
    r"Parcelas|Camino|Paseo|Callejón)[ \t]+(?!(?i:de|del|la|el)\b)\p{Lu}[\p{L}'’.-]*"
    r"(?:[ \t]+(?:de|del|la|las|los|el|\p{Lu}[\p{L}'’.-]*)){0,3}(?<![ \t](?:de|del|la|las|los|el))"
    r"|(?:Carr\.|Carretera|PR)[ \t-]?\d{1,4}[A-Z]?)"
    r"(?:,?[ \t]+(?i:km)\.?[ \t]*\d{1,3}(?:\.\d{1,2})?)?(?![\w'’-])")


# a direction of travel, then the street travelled: "SB YALE", "FLED EB ON AIRPORT", "now EB
# Sunset past Gower" (a record in capitals reads recased, so case says nothing here)
_STREET_WORD = r"[A-Za-z0-9][\w'’.-]*"
_STREET_END = r"(?=[ \t]*[,.;)]|[ \t]+(?:from|to|past|toward|towards|near|at|x|&|/|and|@)\b|[ \t]*$)"
_NOT_A_STREET = frozenset("""lane lanes ln lns shoulder median ramp ramps on-ramp off-ramp traffic side
    direction bound travel travelling traveling roadway road hwy highway interstate exit mile mm mp foot
    feet toward towards away across through into past behind ahead speed speeds fast slow high low approx
    approximately veh vehicle vehicles car cars truck trucks semi unit units ofc officer deputy trooper
    subj susp suspect driver then again still now only last nr platform""".split())


def _street_travelled(lexicon: Lexicon) -> Refine:
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        """No lane, foot, speed or shorthand after the direction: "SB LANES", "NB on foot"."""
        from workstation.detect.vehicles import vehicle_words  # (vehicles reads places that read this)

        words = [w.lower().rstrip(".") for w in text[start:end].split()]
        if any(lexicon.is_stop(w) or w in _NOT_A_STREET or w in REPORT_SHORTHAND
               or (w.endswith("ing") and lexicon.is_common(w)) for w in words) or (
                vehicle_words(text, start, end)) or words[-1].isdigit():
            return None  # (nor a railroad's track, "WB ON MAIN 1", nor "EB blocking scenes")
        return start, end

    return refine


_PLACE_WORD = r"(?<![\w'’-])\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?"


def _no_stop_word(lexicon: Lexicon) -> Refine:
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        return None if any(lexicon.is_stop(w.lower()) for w in text[start:end].split()) else (start, end)

    return refine


def local_place_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer("LocalPlaceRecognizer", "LOCATION", [
            Rx("transit_line", r"(?<![\w'’-])(?i:red|blue|green|orange|yellow|silver|purple|brown|pink|gold)"
                               r"[ \t]+(?i:line)(?![\w'’-])", 0.6, CS, refine=_about_trains,
               needs=r"\bline\b"),
            # an elevated line by its nickname: "under the El at Allegheny", "on the El"
            Rx("the_el", r"(?<=\b(?:the|The|THE)[ \t]+)(?:El|EL)(?![\w'’-])(?![ \t]+\p{Lu}\p{Ll})", 0.6, CS,
               needs=r"\bthe[ \t]+el\b"),
            # a county's jail by its abbreviation: "RANKIN CO JAIL", "Pima Co. Adult Det. Ctr."
            Rx("county_jail", rf"(?<![\w'’-]){_NAME}(?:[ \t]+{_NAME})?[ \t]+(?i:co|cnty|county)\.?[ \t]+"
                              rf"{_JAIL}\.?(?![\w'’-])", 0.75, CS, refine=_county_named(lexicon),
               needs=r"\b(?:co|cnty|county)\b"),
            Rx("lower_street", _LOWER_STREET, 0.6, CI, "x", refine=_named_street(lexicon),
               needs=rf"\b{_LOWER_SUFFIXES}\b"),
            Rx("spanish_place", _SPANISH_PLACE, 0.7, CS,
               needs=r"\b(?:calle|avenida|ave\.|plaza|urb|barrio|bo\.|residencial|res\.|parcelas|camino|"
                     r"paseo|callej|carr|pr[ -]?\d)"),
            # a grid address of the Mountain West: "3950 S 1300 E", "450 N 200 W"
            Rx("grid_address", rf"(?<![\w'’-])\d{{1,5}}[ \t]+{_BEARING}\.?[ \t]+\d{{1,5}}[ \t]+{_BEARING}"
                               r"\b\.?(?:[ \t]+(?i:st|street|rd|road))?", 0.7, CS),
            # (a direction spelled out is none: "an eastbound train", "the westbound platform")
            Rx("street_travelled", rf"(?<=\b{TRAVEL_DIRECTION}[ \t]+"
                                   r"(?:(?:on|onto|to|from|along|down|up)[ \t]+)?)"
                                   rf"{_STREET_WORD}(?:[ \t]+{_STREET_WORD})?{_STREET_END}", 0.6, CI,
               refine=_street_travelled(lexicon), needs=rf"\b{TRAVEL_DIRECTION}\b"),
            # counties named together before their kind: "Baca and Prowers counties", "Otero, Bent and
            # Crowley counties" (each its own place)
            Rx("counties_listed", rf"{_PLACE_WORD}(?=(?:,[ \t]+{_PLACE_WORD})*,?[ \t]+(?:and|&)[ \t]+"
                                  rf"{_PLACE_WORD}{COUNTIES_AFTER})"
                                  rf"|(?<=\b(?:and|&)[ \t]+){_PLACE_WORD}(?={COUNTIES_AFTER})",
               0.6, CS,
               refine=_no_stop_word(lexicon), needs=r"\b(?:counties|parishes)\b"),
            # a family's land by its name: "the Heetland farm", "the Benally homesite", "the Carl
            # Christensen farm", "the Ramírez ranch" (7 of the 8 such in the tuning parts are one
            # place; a residence or a property stays the family's: "the O'Hara residence")
            Rx("family_land", r"(?<=\b(?:the|The|THE)[ \t]+)\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}"
                              r"[ \t]+(?:farm|ranch|orchard|homesite|homestead|dairy|farmstead)(?![\w'’-])",
               0.85, CS, needs=r"\b(?:farm|ranch|orchard|homesite|homestead|dairy|farmstead)\b"),
            # after a word that leads to a place: "at the flats", "down in the bottoms"
            Rx("quarter_nickname", r"(?<=\b(?i:at|in|to|from|near|through|into|outta|out[ \t]+of)[ \t]+"
                                   r"(?i:the)[ \t]+)(?i:flats|bottoms)(?![\w'’-])", 0.7, CS,
               needs=r"\bthe\s+(?:flats|bottoms)\b"),
        ]),
    ]
