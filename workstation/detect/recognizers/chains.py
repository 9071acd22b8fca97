"""Chain stores, motels and fuel stops named in lower case ("circle k", "waffle house", "motel
6"): places, though some are everyday words ("shell", "target", "pilot")."""

from __future__ import annotations

import regex as re

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
