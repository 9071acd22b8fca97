"""A vehicle maker's word inside a name, where the allow-list would cut it off: a dealership
named for its owner ("Rydell Chevrolet", "Hendrick Toyota of Concord", "Six Mile Cypress Ford"),
a town ("Rocky Ford"), a place named for the maker's family ("Ford Woods Park"). A maker after a
colour or a describing word ("a Silver Toyota", "the Unmarked Ford") stays the vehicle."""

from __future__ import annotations

import re as stdlib_re

from workstation.detect.gazetteer import known_place

_MAKERS = frozenset(
    "ford chevrolet dodge toyota honda nissan hyundai kia subaru buick cadillac lexus acura "
    "chrysler mazda volkswagen jeep".split())
# words before a maker that describe the vehicle: colours, state, use
_DESCRIBING = frozenset(
    """black blue brown bronze gray grey green maroon orange pink purple silver tan teal white
    yellow gold beige cream copper burgundy charcoal red dark light
    the a an his her their my our your its this that these those one old older new newer used
    marked unmarked stolen rental lifted loaner patrol police sheriff agency county city fleet
    suspect victim subject family company work personal private undercover tow model make vehicle veh
    """.split())
# the maker's name alone, Title case, then what may follow a dealership's name
_TITLE_WORD = stdlib_re.compile(r"[A-Z][a-z]+(?:['’][A-Z]?[a-z]+)?")
_WORD_BEFORE = stdlib_re.compile(r"([A-Z][a-z]+(?:['’][A-Z]?[a-z]+)?)[ \t]+$")
# a model or a number after the maker makes it the vehicle ("Ford Escape", "Toyota 4Runner")
_VEHICLE_AFTER = stdlib_re.compile(r"[ \t]+(?:[A-Z][a-z]|[A-Z]?\d|[A-Z]{2,}\b)")
# ... unless it is a dealership's own tail ("Hendrick Toyota of Concord", "Rydell Chevrolet Buick")
_DEALER_TAIL = stdlib_re.compile(r"[ \t]+(?:of|Of|OF|Dealership|Motors|Auto|Sales|Service|Center|Group)\b")
# a maker's family name on a place: "Ford Woods Park", "Dodge Memorial Park"
_PLACE_AFTER = stdlib_re.compile(
    r"(?:[ \t]+[A-Z][a-z]+){1,2}[ \t]+(?:Park|Woods|Forest|Field|Lake|Pond|Creek|Trail|Preserve|Cemetery|"
    r"Library|School|Elementary|Hall)\b")


def maker_in_a_name(text: str, start: int, end: int) -> bool:
    """True when the allow-listed maker text[start:end] is a word of a dealership's, a town's or
    a park's name."""
    word = text[start:end]
    if word.lower() not in _MAKERS or not _TITLE_WORD.fullmatch(word):
        return False
    if _PLACE_AFTER.match(text, end):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    prev = before.group(1)
    if known_place(f"{prev} {word}"):
        return True
    if prev.lower() in _DESCRIBING or len(prev) < 3 or prev.endswith(("'s", "’s")):
        return False  # ("Smith's Ford": his car)
    if _VEHICLE_AFTER.match(text, end) and not _DEALER_TAIL.match(text, end):
        return False
    # the word before is a name of its own (a surname, a place, a business's first words), not a
    # sentence's first word: "Hendrick Toyota", "... and Six Mile Cypress Ford"
    line_start = max(text.rfind("\n", 0, before.start()), 0)
    lead = text[line_start:before.start()].rstrip()
    return not (lead == "" or lead.endswith((".", "!", "?", ":")))


# makers that are nobody's surname: a name ending in one is a dealership's
_NO_SURNAME_MAKERS = frozenset(
    "chevrolet hyundai kia subaru buick cadillac lexus acura mazda volkswagen".split())


def names_a_dealer_or_town(fragment: str) -> bool:
    """"Rydell Chevrolet", "Hendrick Toyota of Concord", "Rocky Ford": a business or a town, not
    someone (a maker that is a surname too, "Tanisha Ford", stays a person unless a town)."""
    words = fragment.split()
    if len(words) < 2:
        return False
    last = words[-1].lower()
    if last in _NO_SURNAME_MAKERS:
        return True
    if "of" in (w.lower() for w in words[2:-1]) and words[1].lower() in _MAKERS:
        return True  # "Hendrick Toyota of Concord"
    return last in _MAKERS and known_place(fragment)
