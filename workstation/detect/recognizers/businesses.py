"""Businesses named by their trade (issue 19): carriers, tow firms, contractors, rental outfits,
farms and shops ("Prairie Lines Trucking", "Ritchie's Towing", "Summit Heavy Wrecker",
"Canyonlands Trail Rentals"), and a company's name in quotes where a crash or inspection report
writes what is painted on a truck's door ('a dump truck "HERMANOS CANTU MATERIALES"', '("SUNCOAST
LINEN", FL NQ4 77B)'). Every corpus marks a business a LOCATION. In a report typed in capitals
the analysis reads the words recased, so the quoted form does not rely on capitals."""

from __future__ import annotations

import regex as re

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx

# what a business's name ends with: its trade (its company's form may follow)
TRADE_HEADS = (
    "trucking", "transport", "transportation", "freight", "freightways", "logistics", "carriers",
    "haulers", "hauling", "drayage", "towing", "wrecker", "recovery", "rentals", "rental",
    "rent-a-car", "repair", "mechanical", "construction", "constructors", "contracting",
    "excavating", "paving", "materials", "materiales", "supply", "orchards", "dairy", "linen",
    "welding", "roofing", "plumbing", "landscaping", "pawn", "salvage", "proppant",
    # insurers and their adjusters ("Wawel Mutual", "Pinnacol Assurance", "Heartland Public Claims")
    "mutual", "insurance", "assurance", "casualty", "indemnity", "underwriters", "adjusting", "claims",
    # newspapers ("Lakefront Ledger", "Koreatown Weekly", "the Scioto Courier")
    "ledger", "gazette", "tribune", "herald", "courier", "chronicle", "sentinel", "enquirer",
    "inquirer", "weekly",
    # care for a family or an officer ("Tideline Counseling", "Tiny Steps Daycare", "Heartland
    # Family Refuge"): a program or a practice is a place, not the agency that refers to it
    "counseling", "counselling", "daycare", "preschool", "refuge",
    # the oil patch's operators and service companies ("Dakota Wireline", "Anschutz Exploration"; not
    # "operating", as in an operating room), a farm, a club, a salon ("Harmon Family Farms", "Gaylord
    # Area Snowmobile Club", "Woori Nails")
    "wireline", "exploration", "drilling", "oilfield", "farms", "club", "nails", "salon",
    "karaoke", "laundromat", "cleaners", "wellness", "spa", "xpress",
    # contract security and a lender's agents ("Northstar Protective", "Piedmont Recovery Solutions",
    # "Carolina Auto Credit"; not "security": "Plant Security", "Hennepin Healthcare Security" are a
    # site's or an agency's own, nor "guard": "Coast Guard")
    "protective", "solutions", "credit", "lending", "finance",
    # cash carriers ("Pinnacle Armored Services", "Loomis Armored")
    "armored",
    # builders and their trades, event and staffing firms, a utility ("Castellan Builders", "Gulf
    # Coast Aggregate", "Acadiana Elevator", "Great Plains Event Staffing", "ChipSplit Timing",
    # "Red Cedar Barn & Events", "Alliant Energy", "Gladesmen Wildlife Removal")
    "builders", "homebuilders", "aggregate", "aggregates", "elevator", "elevators", "staffing",
    "timing", "events", "energy", "removal", "homes", "drywall", "renovation", "renovations",
    # a wedding's and a street's trades ("Bella Bridal", "Saltwater Florals", "Ishikawa Studio",
    # "Fade Factory Barbershop")
    "bridal", "florals", "floral", "florist", "photography", "studio", "catering", "caterers",
    "barbershop",
    # body art ("Hearth & Hammer Tattoo", "Desert Rose Body Art", "Wicked Wade Ink")
    "tattoo", "tattoos", "piercing", "body art", "ink",
    # film and photo outfits ("Bluefin Productions", "Peachline Pictures", "Splashlight Photo Agency")
    "productions", "pictures", "films", "photo agency", "cruise line", "cruise lines",
)
# ... which name a business only after a name of its own, and never before "Order" or "Services"
# ("Domestic Violence Protective Order", "Child Protective Services", "Child Tax Credit")
NAMED_TRADES = frozenset({"protective", "solutions", "credit", "lending", "finance", "removal", "events",
                          "timing", "elevator", "elevators", "energy", "studio", "homes", "ink", "pictures",
                          "productions", "films"})
# where a tattoo is on the body (a record's "SMT: Left Forearm Tattoo"): no studio's name
_BODY_PARTS = frozenset("""left right upper lower forearm arm arms chest back neck hand hands leg legs calf
    shoulder wrist ankle face finger fingers knuckles thigh hip abdomen stomach ear eye lip tongue
    nose""".split())
_COMPANY_AFTER = re.compile(r"[ \t]+(?:Services|Service|Company|Inc\.?|LLC|Corp\.?)(?![\w'’-])")
_ORDER_OR_SERVICES = re.compile(r"[ \t]+(?i:orders?|services?)\b")
# a company's form after its trade ("Qureshi Freight LLC")
_SUFFIXES = ("llc", "inc", "co", "corp")
# what a quoted company's name may end with instead of its trade
_COMPANY_FORMS = (*_SUFFIXES, "company", "lines", "express", "enterprises", "services", "brothers", "bros",
                  "ltd")
_HEAD = "|".join(sorted(TRADE_HEADS, key=len, reverse=True))
# trade unions: an organisation like a company (a LOCATION), with or without its local ("UAW Local
# 31", "IBEW", "the Teamsters strike"); a police or corrections officers' union is an AGENCY, as
# the Teamsters' corrections locals are ("Teamsters Local 700 corrections members")
TRADE_UNIONS = (r"UAW|IBEW|SEIU|UFCW|USW|CWA|IUOE|LIUNA|ATU|TWU|ILWU|ILA|IAM|AFT|UNITE[ \t]+HERE|"
                r"Steelworkers|Machinists|Boilermakers|Ironworkers|Carpenters|Laborers|Teamsters")
# ... named alone only by their letters or as "the Teamsters" ("Carpenters on the crew" are workers;
# "AFT" and "IAM" are words of a log in capitals)
_UNIONS_ALONE = r"UAW|IBEW|SEIU|UFCW|CWA|IUOE|LIUNA|ILWU|UNITE[ \t]+HERE|Teamsters"
_TRADE_UNION_LOCAL = re.compile(rf"(?:{TRADE_UNIONS})[ \t]+(?i:local)\b")
# the members named after the local, in its clause: "Teamsters Local 700 corrections members", "the
# Local 700 steward for the corrections officers" (not the officers who came to a picket before it)
_POLICE_MEMBERS_AFTER = re.compile(r"[^.;!?\n]{0,40}?\b(?:(?i:corrections?|correctional|police|officers|"
                                   r"deputies|troopers|sheriff'?s?|jail|detention)\b)")


def police_union(text: str, start: int, end: int) -> bool:
    """A union local whose members are officers: the words after it, in its clause, say so."""
    return _POLICE_MEMBERS_AFTER.match(text, end) is not None


def trade_union_local(text: str, start: int, end: int) -> bool:
    """A trade union's local, "UAW Local 31", also "UNITE HERE Local 11" found from "HERE"."""
    return _TRADE_UNION_LOCAL.match(text, start) is not None or text[max(0, start - 6):start] == "UNITE "


def _trade_union(text: str, start: int, end: int) -> tuple[int, int] | None:
    return None if police_union(text, start, end) else (start, end)


def agency_union_local(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A union's local as an agency (kinds.py): any but a trade union's, unless officers are its
    members (the trade union's is _trade_union's organisation above)."""
    return (start, end) if not trade_union_local(text, start, end) or police_union(text, start, end) else None
# what someone's words hold and a company's name does not ("I didn't see no lights")
_SPEECH_WORDS = frozenset("""i you he she we they it me him her us them my your his our their is was were
    are am be been do did don't didn't not no can can't will won't would get got gonna what why
    how""".split())
# a capitalised word of a name, "&" between two ("Chesapeake Line & Sign")
# (a period only after an initial)
_NAME_WORD = r"(?:[A-Z0-9](?:[\w'’-]|[.&](?=\w))*(?:(?<![\w'’-]\w\w)\.)?|&)"
# what a report says just before a truck's or a company's quoted name
_VEHICLE_BEFORE = re.compile(
    r"(?i:truck|tractor|semi|van|trailer|pickup|rental|carrier|contractor|marking|markings|company|"
    r"wrecker|tow|bus|door|logo|reads|says|lettered|from|for|by|volvo|kenworth|peterbilt|"
    r"freightliner|international|mack|ford|chevy|ram)\b[^\n\"“]{0,24}[(\[,]?[ \t]*[\"“]$")
_AFTER_QUOTE = re.compile(
    r"[\"”][ \t]*(?:[,)\];]|(?i:on[ \t]+(?:the[ \t]+)?door|unit|usdot|truck|trailer)\b)")


def business_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    def trade_name(text: str, start: int, end: int) -> tuple[int, int] | None:
        """"High Country Towing", "Ritchie's Towing"; not "Heavy Towing" nor "Auto Repair"
        (one everyday word before the trade), nor a sentence's "The Towing" (stop words go)."""
        words = text[start:end].split()
        while words and (lexicon.is_stop(words[0]) or words[0].lower() in ("the", "a", "an", "&")):
            start += len(words[0]) + 1
            words = words[1:]
        company = _COMPANY_AFTER.match(text, end)  # "Pinnacle Armored Services": a company's whole name
        if len(words) < 2 or (len(words) == 2 and lexicon.is_common(words[0].lower()) and company is None):
            return None
        head = next(w for w in reversed(words) if w.lower().rstrip(".,") not in _SUFFIXES)
        before = words[words.index(head) - 1] if words.index(head) > 0 else ""
        if not head[:1].isupper() and not before.endswith(("'s", "’s")):
            return None  # "a Peterbilt hauling", "Medic 11 transport": a verb or a noun, no name
        if head.lower() in ("tattoo", "tattoos", "piercing") and any(
                w.lower() in _BODY_PARTS for w in words):
            return None  # "SMT: Left Forearm Tattoo": a mark on the body, no studio
        if head.lower() in NAMED_TRADES and (_ORDER_OR_SERVICES.match(text, end) or all(
                lexicon.is_common(w.lower()) for w in words[:words.index(head)])):
            return None
        return (start, end) if company is None else (start, company.end())

    def quoted_name(text: str, start: int, end: int) -> tuple[int, int] | None:
        """What a quote holds is a company's name where it ends with a trade or a company's form,
        or where a vehicle is named before it and a plate or a comma follows; never what someone
        said ("I didn't see no lights")."""
        words = re.findall(r"[\w'’.-]+", text[start:end])
        if len(words) < 2 or any(w.lower() in _SPEECH_WORDS for w in words):
            return None
        last = words[-1].lower().rstrip(".")
        if (last in TRADE_HEADS or last in _COMPANY_FORMS) and not lexicon.is_verb_form(words[0].lower()):
            return start, end  # (a verb first is what someone did: '"taking pictures"')
        if "," not in text[start:end] and _AFTER_QUOTE.match(text, end) and (
                _VEHICLE_BEFORE.search(text, max(0, start - 48), start)):
            return start, end
        return None

    return [
        RegexRecognizer("BusinessNameRecognizer", "FACILITY", [
            Rx("trade_name", rf"(?<![\w'’-])(?:{_NAME_WORD}[ \t]+){{1,4}}(?i:{_HEAD})"
                             rf"(?:,?[ \t]+(?i:{'|'.join(_SUFFIXES)})\.?)?(?![\w'’-])"
                             # (an agency's own section: "CPD PUBLIC TRANSPORTATION SECTION")
                             r"(?![ \t]+(?i:section|division|unit|bureau|department|dept|authority|district|"
                             r"detail|squad|team|office)\b)", 0.7, CS,
               refine=trade_name, needs=rf"\b(?:{_HEAD})\b"),
            Rx("union_local", rf"\b(?:{TRADE_UNIONS})[ \t]+(?i:local)[ \t]+(?:No\.[ \t]*|#[ \t]*)?\d{{1,5}}"
                              r"(?![\w-])", 0.8, CS, refine=_trade_union, needs="local"),
            Rx("union", rf"\b(?:{_UNIONS_ALONE})(?![\w'’-])(?![ \t]+(?i:local)\b)", 0.6, CS,
               refine=_trade_union, needs=r"uaw|ibew|seiu|ufcw|cwa|iuoe|liuna|ilwu|unite|teamsters"),
            Rx("quoted_name", r"(?<=[\"“])[\w&'’.-]+(?:[ \t]+[\w&'’.,-]+){0,5}(?=[\"”])", 0.7, CI,
               refine=quoted_name, needs=r"[\"“]"),
        ]),
    ]
