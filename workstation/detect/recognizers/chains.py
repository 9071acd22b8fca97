"""Chain stores, motels and fuel stops named in lower case ("circle k", "waffle house", "motel
6"): places, though some are everyday words ("shell", "target", "pilot")."""

from __future__ import annotations

import regex as re

# chains as their signs write them (the lower-case forms are below)
CHAINS: tuple[str, ...] = (
    "Stripes", "Sinclair", "Maverik", "Kum & Go", "Conoco", "Phillips 66",
    "Valero", "Chevron", "Exxon", "Sunoco", "Citgo", "Murphy USA", "Allsup's",
    "Toot'n Totum", "Thorntons", "GetGo", "Speedway", "Hy-Vee", "Fred Meyer", "Winco",
    "WinCo", "Albertsons", "Food Lion", "Piggly Wiggly", "Ingles", "Dillons",
    "Save-On-Foods", "Tim Hortons", "Canadian Tire", "Shoppers Drug Mart", "Oxxo", "OXXO",
    "Motel 6", "Super 8", "Days Inn", "Red Roof Inn", "Best Western", "Holiday Inn",
    "La Quinta", "Econo Lodge", "Travelodge",
    "Walmart", "Wal-Mart", "Home Depot", "Lowe's", "Costco", "Walgreens", "CVS", "7-Eleven",
    "McDonald's", "Waffle House", "Circle K", "QuikTrip", "Wawa", "Sheetz", "Love's",
    "Flying J", "Dollar General", "Family Dollar", "Kroger", "Safeway", "Publix", "Starbucks",
    "Denny's", "Taco Bell", "Burger King", "Wendy's", "Buc-ee's", "Speedway", "Casey's",
    "Kwik Trip", "Meijer", "Target", "Best Buy", "Applebee's", "IHOP", "Chick-fil-A",
    "Dunkin'", "Dunkin", "Sonic", "Arby's", "Walmart Supercenter", "Sam's Club", "AutoZone",
    "Pilot", "Circle-K", "Racetrac", "RaceTrac", "Cumberland Farms", "H-E-B", "HEB",
    # carriers and providers that answer legal process, companies like any ("a Verizon return")
    "Comcast", "Xfinity", "XFINITY", "Verizon", "Verizon Wireless", "T-Mobile", "CenturyLink",
    "Cox Communications", "Coinbase",
    # banks, money transfer and rideshare: companies where a scam or a trip leaves its trace
    "Wells Fargo", "Bank of America", "Truist", "PNC Bank", "Capital One", "Fifth Third", "KeyBank",
    "Navy Federal", "TD Bank", "Citibank", "Hancock Whitney", "Regions Bank", "SunTrust", "JPMorgan Chase",
    "Western Union", "MoneyGram", "Uber", "Uber Eats", "Lyft", "DoorDash", "Instacart", "Grubhub", "Hertz",
    "Gopuff", "Postmates", "Shipt", "Amazon Flex",
    # more national chains, hotels, utilities and cash carriers, as their signs write them
    "Rite Aid", "Duane Reade", "Macy's", "Kohl's", "Dillard's", "JCPenney", "Nordstrom", "TJ Maxx", "Kmart",
    "Dick's Sporting Goods", "Tractor Supply", "Harbor Freight", "O'Reilly Auto Parts", "Advance Auto Parts",
    "GameStop", "Dollar Tree", "Big Lots", "Aldi", "Lidl", "Trader Joe's", "Whole Foods", "Giant Eagle",
    "Winn-Dixie", "ShopRite", "Stop & Shop", "Hannaford", "Price Chopper", "Jewel-Osco", "King Soopers",
    "Harris Teeter", "Food City", "Wegmans", "Vons", "Hardee's", "Culver's", "Popeyes", "Chipotle", "Panera",
    "Pizza Hut", "Domino's", "Papa John's", "KFC", "Whataburger", "In-N-Out", "Bojangles", "Zaxby's",
    "Raising Cane's", "Olive Garden", "Red Lobster", "Buffalo Wild Wings", "Hooters", "Jack in the Box",
    "Hampton Inn", "Comfort Inn", "Comfort Suites", "Quality Inn", "Extended Stay America", "Embassy Suites",
    "Fairfield Inn", "Residence Inn", "AT&T", "Duke Energy", "Consumers Energy", "Xcel Energy", "PG&E",
    "Georgia Power", "Entergy", "ComEd", "PSE&G", "Con Edison", "National Grid", "DTE Energy", "FedEx",
    "Brink's", "BRINK'S", "GardaWorld", "Loomis", "ADT", "Amazon", "UPS", "Panda Express", "Roadie",
    # plasma, blood and dialysis centers' operators ("CSL Plasma Delano", "a BioLife donor")
    "CSL Plasma", "BioLife", "BioLife Plasma", "Octapharma", "Octapharma Plasma", "Grifols", "KEDPlasma",
    "PlasmaCare", "Vitalant", "OneBlood", "DaVita", "Fresenius", "Fresenius Kidney Care",
)

CHAINS_LOWER: tuple[str, ...] = (
    "motel 6", "super 8", "circle k", "waffle house", "dollar general", "dollar tree",
    "family dollar", "walmart", "wal-mart", "walmart supercenter", "kwik trip", "quiktrip",
    "qt", "buc-ee's", "bucees", "love's", "loves travel stop", "flying j", "ta truck stop",
    "ta travel center", "petro", "casey's", "sheetz", "wawa", "7-eleven", "7-11", "racetrac",
    "speedway", "mcdonald's", "taco bell", "burger king", "wendy's", "dairy queen", "ihop",
    "denny's", "cracker barrel", "home depot", "lowe's", "costco", "sam's club", "kroger",
    "safeway", "publix", "walgreens", "cvs", "fiesta mart", "red roof inn", "la quinta",
    "days inn", "motel 8", "econo lodge", "holiday inn", "best western", "greyhound station",
    "greyhound", "stewart's shop", "cabela's", "bass pro", "hampton inn", "citgo", "exxon",
    "chevron", "valero", "marathon", "sunoco", "phillips 66", "conoco", "maverik",
    "pilot", "shell", "sonic", "target", "hy-vee", "meijer", "aldi", "dillons",
    # ("at&t" only as its sign writes it, CHAINS: "at" would open every text's chain search)
    "rite aid", "macy's", "kohl's", "wegmans", "brink's", "pizza hut", "whataburger",
    "wells fargo", "bank of america", "western union", "moneygram", "citibank",
    "doordash", "instacart", "grubhub", "uber eats", "postmates", "panda express", "csl plasma", "biolife",
    "octapharma", "davita",
)
# Each chain's first word (run of \w): a match starts with one of them, as a whole word, since
# the pattern is bounded by (?<![\w'’-]) and every chain name goes on with a non-word
# character or ends before (?![\w'’-]).
CHAIN_FIRST_WORDS = frozenset(re.match(r"\w+", c).group() for c in CHAINS_LOWER)  # type: ignore[union-attr]
# Chains that are everyday words: only after "at/to/from/near/behind the" or before
# "station/store/lot".
_AMBIGUOUS_CHAINS = frozenset(
    "pilot shell sonic target speedway marathon petro greyhound citgo exxon chevron "
    "valero sunoco conoco maverik qt".split()
)

def chain_refine(text: str, start: int, end: int) -> tuple[int, int] | None:
    name = text[start:end].lower()
    if name not in _AMBIGUOUS_CHAINS:
        return start, end
    before = text[max(0, start - 20):start].lower()
    after = text[end:end + 16].lower()
    # "at the shell", "behind pilot", "to the sonic": not "to target", "in shell casings", "from a
    # target known as", "Target: Marcus Dillard" (a surveillance log's subject)
    cue = (r"\b(?:at|to|from|near|behind|by|outside|inside|in)\s+the\s+$|"
           r"\b(?:at|near|behind|outside)\s+$")
    if re.search(cue, before) or re.match(
        r"\s+(?:station|store|gas|truck\s+stop|travel|on|in|at|off|parking)\b", after
    ):
        return start, end
    return None
