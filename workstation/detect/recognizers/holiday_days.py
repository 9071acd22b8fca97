"""Holidays named as the day of an incident ("on Christmas Eve", "the Fourth", "Holy
Saturday", "Cape Verdean Independence Day", "St. Joseph's Day"): the patterns of the
HolidayRecognizer. A greeting names no day ("Merry Christmas"), nor do the season's things
("the Christmas tree")."""

from __future__ import annotations

from workstation.detect.recognizers.base import CS, Rx
from workstation.detect.recognizers.dates import WORLD_HOLIDAYS

_CHRISTMAS_THINGS = (
    r"trees?|lights?|decorations?|ornaments?|gifts?|presents?|cards?|carols?|music|songs?|"
    r"sweaters?|spirit|season|wreaths?|stockings?|shopping|market|bonus|list|movies?|"
    r"parade|display|inflatables?|village|cheer"
)
_HOLIDAY_DAY = (
    rf"(?:Christmas[ \t]+(?:Eve|Day)|X-?mas(?:[ \t]+Eve|(?![ \t]+(?i:{_CHRISTMAS_THINGS})\b))|"
    # "on the Christmas overnight" is the day; "the Christmas tree" is a thing
    rf"Christmas(?![ \t]+(?i:{_CHRISTMAS_THINGS})\b)|"
    r"New[ \t]+Year'?s(?:[ \t]+(?:Eve|Day))?|Thanksgiving(?:[ \t]+(?:Day|Eve))?|(?-i:NYE)|"
    # "on NYE and the Fourth,": the Fourth of July said short (not "the Fourth Precinct")
    r"(?<=\b(?i:the)[ \t]+)(?-i:Fourth)(?:[ \t]+of[ \t]+July)?(?![ \t]*[A-Za-z0-9])|"
    r"Easter[ \t]+Sunday|Halloween|Independence[ \t]+Day|Memorial[ \t]+Day|Labor[ \t]+Day|"
    # "Easter weekend", "(Easter)": the day, not its eggs; days of regions and seasons
    r"(?<!['’])(?-i:Easter|EASTER)(?![ \t]+(?i:egg|eggs|bunny|basket|baskets|lily|lilies|candy|dress|service|"
    r"services|ham|sunday)\b)|Groundhog[ \t]+Day|Lundi[ \t]+Gras|Ash[ \t]+Wednesday|Palm[ \t]+Sunday|"
    r"Pioneer[ \t]+Day|Patriots'?[ \t]+Day|Flag[ \t]+Day|"
    r"Veterans'?[ \t]+Day|Mother'?s[ \t]+Day|Father'?s[ \t]+Day|Valentine'?s[ \t]+Day|"
    # ... and said short after "on", "for": "a meeting on Valentine's", "working St. Patrick's."
    r"(?<=\b(?i:on|for|over|before|after|until|till|since)[ \t]+)(?:Valentine'?s|St\.?[ \t]+Patrick'?s)"
    r"(?![ \t]+(?i:Day|church|cathedral|hospital|school|parish|academy|home|center|centre)\b)|"
    r"Cinco[ \t]+de[ \t]+Mayo|Juneteenth|Black[ \t]+Friday|Super[ \t]+Bowl[ \t]+Sunday|"
    r"Good[ \t]+Friday|St\.?[ \t]+Patrick'?s[ \t]+Day|Presidents'?[ \t]+Day|Columbus[ \t]+Day|"
    r"Election[ \t]+Day|Canada[ \t]+Day|Victoria[ \t]+Day|Boxing[ \t]+Day|"
    r"Carnival[ \t]+(?:Monday|Tuesday)|Mardi[ \t]+Gras|Fat[ \t]+Tuesday|"
    r"Holy[ \t]+(?:Thursday|Saturday)|Maundy[ \t]+Thursday|Easter[ \t]+Monday|Dyngus[ \t]+Day|"
    r"Marathon[ \t]+Monday|Day[ \t]+of[ \t]+the[ \t]+Dead|"
    r"(?:MLK|Martin[ \t]+Luther[ \t]+King(?:[ \t]+Jr\.?)?)[ \t]+Day|"
    r"Pulaski[ \t]+Day|Portugal[ \t]+Day|Hmong[ \t]+New[ \t]+Year|"
    # in Spanish, as reports from Puerto Rico and the border write them
    r"Nochebuena|Nochevieja|Navidad|A[ñn]o[ \t]+Nuevo|D[ií]a[ \t]+de[ \t]+(?:los[ \t]+)?(?:Reyes|Muertos)|"
    # a country's own ("Ghana Independence Day", "Ukrainian Independence Day")
    # ("Cape Verdean Independence Day": two words)
    r"(?!(?i:happy|merry|last|this|next|every|on|the)\b)(?-i:\p{Lu}\p{Ll}{2,}(?:[ \t]+\p{Lu}\p{Ll}{2,})?)"
    r"[ \t]+Independence[ \t]+Day|"
    rf"{WORLD_HOLIDAYS})"
)
_NEEDS_HOLIDAY = (
    r"christmas|new year|thanksgiving|easter|halloween|independence|memorial|labor|veterans|"
    r"mother|father|valentine|cinco|juneteenth|friday|super bowl|patrick|presidents|columbus|xmas|x-mas|nye|"
    r"fourth|"
    r"election|canada day|victoria day|boxing|carnival|mardi|fat tuesday|noche|navidad|nuevo|reyes|muertos|"
    r"eid|ciid|nowruz|norooz|diwali|deepavali|holi|lunar|chinese|tet|tết|vesak|kwanzaa|hanukkah|chanukah|rosh|"
    r"yom|passover|purim|czki|orthodox|holy thursday|holy saturday|maundy|dyngus|marathon monday|"
    r"day of the dead|groundhog|ash wednesday|palm sunday|pioneer day|patriots|flag day|lundi|mlk|"
    r"luther king|pulaski|portugal day|hmong new"
)


def _holiday(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A holiday in any case ("christmas eve" in a post typed in lower case), except those
    whose lower-case words are everyday speech ("have a good friday", "a black friday sale",
    "a red flag day")."""
    if text[start].isupper() or text[start:end].lower().split()[0] not in ("good", "black", "flag"):
        return start, end
    return None


def holiday_patterns() -> list[Rx]:
    return [
        # (a word's start asked first, the cheap question: the same matches, found in half the time)
        Rx("holiday_day", rf"(?<!\w)(?<!\b(?i:merry|happy)[ \t])\b(?i:{_HOLIDAY_DAY})(?![\w'’])", 0.6, CS,
           refine=_holiday, needs=_NEEDS_HOLIDAY),
        # a saint's day, as a parish or a pueblo keeps it ("St. Joseph's Day", "San José Feast
        # Day"), not a place named for the saint ("St. Joseph's Hospital")
        Rx("saints_day", r"\b(?:St\.?|Saint|San|Santa|Santo)[ \t]+\p{Lu}\p{Ll}+(?:['’]s)?[ \t]+"
           r"(?:Feast[ \t]+)?Day\b(?![ \t]+(?i:school|care|center|centre|academy|spa)\b)", 0.6, CS,
           needs=r"(?i:feast|['’]s[ \t]+day)"),
    ]
