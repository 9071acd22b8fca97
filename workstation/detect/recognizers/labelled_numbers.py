"""Numbers a writer labels as numbers, whatever the thing numbered (issue 19): "Reg. card no.:
08814", "the bull, number 114", "Lock ID no. VNG-0508", and the rest of a list after a plural
record word ("tickets 55120 and 55134", "units (531, 532)", "items 001–014"). The record words
the case-number patterns know are found there; these patterns take any other noun before
"no." or "number", except the things whose numbers are places or counts in every corpus
(rooms, seats, lanes, exits, pages, a phone's number)."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import CS, Rx

# a code with at least three digits ("114", "VNG-0508", "H-25-0044"), no year alone
_CODE = r"(?!(?:19|20)\d\d(?![\w-]))(?=[A-Za-z]{0,4}[-#]?(?:[\w-]*?\d){3})[A-Za-z]{0,4}[-#]?\d[\w-]*(?<=\w)"
# where a code can start, asked before a pattern's long look-behind (the same matches, found
# about four times faster: the look-behind is then tried only where a code begins)
_CODE_START = r"(?=[A-Za-z]{0,4}[-#]?\d)"
# ("no" needs its period or a capital: "no 180-day inspection" is the word no)
_NUMBER_WORD = r"(?:(?i:no|nos)\.|No(?=[ \t]*\d)|(?i:nbr)\.?|(?i:numbers?)|#)"
# a count after the number, not a record: "Season numbers: 212 contacts"; a clock's span: "0500-1400"
_NOT_A_COUNT = (r"(?![ \t]+(?!(?:is|was|has|as|does|this|his|its|thus)\b)\p{Ll}+s\b)"
                r"(?<!(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d)")
# what a number names in a place or a count, not a record: "room number 118", "seat no. 114",
# "exit number 212", "phone number 555..." (contacts have their own recognizers), "page no. 118"
_NOT_RECORDS = frozenset("""room rm seat row section sec lane exit apt apartment suite ste floor level
    door gate stall booth bed cot locker pew chute pen barn lot space pump aisle platform track bay
    dock pier slip berth site campsite phone cell fax tel telephone mobile contact callback page
    pages size pencil grade building bldg house home street st highway hwy route rt rte interstate
    mile marker mm channel ch frequency ward box question step rule chapter title hole volume vol
    rd road ave avenue blvd cr ln dr drive court ct work office pager
    issue episode version model caliber type class code signal test jersey shirt player pick
    the a an this that his her its their our my your one any same which what whose""".split())
_NOUN_BEFORE = re.compile(r"([A-Za-z]{2,})\.?[ \t]*$")
# a number said in a sentence ("number is", "number was") is a record's only after a paper's word
_SAID_NUMBER = re.compile(r"\b(?:is|was)\b")
_PAPERS = frozenset("""card case badge account acct policy license licence permit member membership report
    citation ticket tag plate serial claim order tracking confirmation booking registration id donor
    employee file incident docket receipt invoice certificate passport car unit store truck
    cruiser""".split())
# the number word itself, before the code (its look-ahead dropped: the text is cut at the code)
_CUE_BEFORE = re.compile(_NUMBER_WORD.replace(r"No(?=[ \t]*\d)", "No")
                         + r"(?:[ \t]+(?:is|was))?[ \t]*[:#]?[ \t]*#?[ \t]*$")  # ("card number is 44718")


def _labelled(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun before "no."/"number" is no place's nor a count's word."""
    cue = _CUE_BEFORE.search(text[max(0, start - 24):start])
    if cue is None:
        return start, end
    before = text[max(0, start - 64):start - len(cue.group())]
    noun = _NOUN_BEFORE.search(before)
    if noun is not None and noun.group(1).lower() in _NOT_RECORDS:
        return None
    if _SAID_NUMBER.search(cue.group()) and (noun is None or noun.group(1).lower() not in _PAPERS):
        return None  # "the total number was 150": a count ("his card number is 44718" is a record's)
    return start, end


# plural record words that a list of numbers follows
_PLURAL_RECORDS = (r"tickets|citations|cases|reports|incidents|warrants|items|seals|receipts|invoices|"
                   r"tags|serials|units|badges|orders|permits|notices|dockets|files|claims|bookings|"
                   r"transactions|numbers|nos\.?")
# the gate as plain words, which a substring test answers (needed_words.py)
_PLURAL_RECORD_WORDS = _PLURAL_RECORDS.replace(r"\.?", "")
_LIST_GAP = r"[ \t]{0,2}(?:,|;|and|&|or|to|through|thru|–|—|-)[ \t]{0,2}"


def labelled_number_patterns() -> list[Rx]:
    return [
        # any noun, then "no."/"number"/"#", then the code: "Reg. card no.: 08814", "bull, number 114"
        # (every run of spaces bounded: a field of blank space backtracks in a look-behind)
        Rx("labelled_number", rf"{_CODE_START}"
                              rf"(?<=(?:\b[A-Za-z]{{2,}}\.?[ \t]{{1,3}}|[,(;][ \t]{{0,3}}|^[ \t]{{0,3}})"
                              rf"{_NUMBER_WORD}(?:[ \t]{{1,3}}(?:is|was))?"
                              rf"[ \t]{{0,3}}[:#]?[ \t]{{0,3}}#?[ \t]{{0,3}})"
                              rf"(?>{_CODE})(?![\w-]){_NOT_A_COUNT}",
           0.6, CS, refine=_labelled, needs=r"(?i:no\b|nos\b|nbr|number|#)"),
        # a code of letters, a space and digits after its label: "Seal numbers on the bags: GB 881420,
        # GB 881421" (the label's noun and "numbers" may be apart by a few words)
        Rx("labelled_spaced_code", r"(?<=\b(?i:numbers?|nos?\.)[^\n.;]{0,24}:[ \t]{0,3}"
                                   r"(?:[A-Z]{1,4}[ ]\d{4,10},?[ \t]{0,3}(?:and[ \t]{1,3})?){0,6})"
                                   r"[A-Z]{1,4}[ ]\d{4,10}(?![\w-])", 0.6, CS, needs=r"(?i:number|nos?\.)"),
        # a sale's buyer or bidder and a show's exhibitor by their number: "Buyer 144", "BIDDER #22"
        Rx("numbered_participant", r"(?<=\b(?i:buyer|bidder|exhibitor)[ \t]{1,2}"
                                   rf"(?:(?i:no\.?|number)[ \t]?)?#?)\d{{1,5}}(?![\w-]){_NOT_A_COUNT}",
           0.6, CS, needs=r"(?i:buyer|bidder|exhibitor)"),
        # the numbers of a list after a plural record word: "tickets 55120 and 55134"
        # (one space at most after the word: "Speed citations     900    92" is a table's counts)
        Rx("listed_records", rf"{_CODE_START}"
                             rf"(?<=\b(?i:{_PLURAL_RECORDS})[ \t]?(?:{_NUMBER_WORD}[ \t]?)?[:(]?[ \t]?#?"
                             rf"(?:(?>{_CODE}){_LIST_GAP}#?){{0,6}})(?>{_CODE})(?![\w-]){_NOT_A_COUNT}",
           0.6, CS, needs=_PLURAL_RECORD_WORDS),
    ]
