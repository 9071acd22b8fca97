"""What dictation and speech-to-text write in words where a typist writes digits (issue 19):
call signs ("two lincoln eleven", "unit two baker nine", "lincoln four" on the radio), numbers
read digit by digit ("case two four dash zero zero six one three", "badge four one seven seven
two"), hundred blocks ("twenty two hundred block of north elm street"), numbered streets
("sixty sixth street") and e-mail addresses read aloud ("j dot ruiz at example dot com"). A year
read aloud is here too (SPOKEN_YEAR): dates.py puts it after a day in words."""

from __future__ import annotations

from itertools import pairwise

import regex as re

from workstation.detect.gazetteer import places
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.recognizers.spoken import DIGIT

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER_UNITS, NUMBER_TEENS, NUMBER_TENS = _UNITS, _TEENS, _TENS  # (dates.py reads dates said aloud)
# one to ninety-nine in words: "four", "eleven", "twenty two", "sixty-six"
_NUMBER = rf"(?i:(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|{_TEENS}|{_UNITS})"
# the APCO alphabet of police call signs (the NATO one spells plates)
_APCO = (r"(?i:adam|boy|baker|charles|david|edward|frank|george|henry|ida|john|king|lincoln|mary|"
         r"nora|ocean|paul|queen|robert|sam|tom|union|victor|william|x-ray|xray|young|zebra)")
_APCO_WORDS = frozenset(_APCO[4:-1].replace("x-ray|", "").split("|")) | {"x"}
_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# fourth to ninety-ninth in words ("first" to "third" are everyday words)
ORDINAL_IN_WORDS = (rf"(?i:(?:{_TENS})[ \t-]+(?:{_ORDINAL_UNITS})|tenth|eleventh|twelfth|thirteenth|"
            r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
            r"fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|fourth|fifth|sixth|seventh|"
            r"eighth|ninth)")
_VALUE = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())} | {
    "oh": 0, "niner": 9}
_BETWEEN_DIGITS = r"(?:[ \t]+|[ \t]*(?i:dash|hyphen)[ \t]*|[ \t]*-[ \t]*)"
_STREET_WORD = r"(?i:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|way|place|court|ct)"
_DOMAIN_END = r"(?:com|org|net|gov|edu|us|mil|info|io)"
_WORDS_DOTTED = r"[a-z0-9]+(?:[ \t]+(?:dot|underscore)[ \t]+[a-z0-9]+)*"  # "j dot ruiz"
_NUMBER_WORD = rf"{_TENS}|{_TEENS}|{_UNITS}|zero|oh|hundred"
# a year read aloud: "nineteen eighty five", "two thousand twenty three", "twenty oh nine"
SPOKEN_YEAR = (rf"(?i:nineteen[ \t]+(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|nineteen[ \t]+(?:{_TEENS})|"
         rf"two[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?(?:(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|{_TEENS}"
         rf"|{_UNITS}))?|"
         rf"twenty[ \t]+(?:(?:{_TENS})(?:[ \t-]+(?:{_UNITS}))?|{_TEENS}|oh[ \t]+(?:{_UNITS})))")
_RADIO_CUE = re.compile(r"(?i:\b(?:copy|copies|dispatch|radio|unit|units|car|responding|en[ \t]?route|"
                        r"ten[ \t-]four|10-4|show[ \t]+me|go[ \t]+ahead|roger)\b)")
_NAME_WORDS = r"\p{Lu}[\p{L}'’]+(?:[ \t]+\p{Lu}[\p{L}'’]+)?"  # "Cermak", "Van Buren"
_NEEDS_NUMBER_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|twelve|teen|ty"


# a unit's number said on the air, digit word first: "four-seventeen" (417), "two-forty" (240),
# "one-one-four"; a clock's quarter hours ("four-thirty", "six-fifteen") are times, not units
# or its digits read one by one: "lincoln two-two", "adam one one four"
_DIGITS_READ = rf"(?i:(?:{_UNITS})(?:(?:-|[ \t]+)(?:{_UNITS}|oh|zero)){{1,2}})"
_MINUTES = "fifteen|thirty|forty[ \t-]+five|hundred|o['’]?clock"
_SPOKEN_UNIT = (rf"(?i:(?:{_UNITS})(?:-|[ \t]+)(?!(?:{_MINUTES})(?![\w-]))"
                rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|(?:{_UNITS}|oh|zero)(?:-(?:{_UNITS}|oh|zero))?))")
# where a number is a unit's: opening what is said, with a comma, in a text about the radio
# ("Four-seventeen, I'll be out"), or after a word only the radio says ("Copy, two-forty.")
_RADIO_WORDS = r"(?i:dispatch|copy|roger|go[ \t]+ahead|ten[ \t-]four|10-4|central|control|radio)"


def _on_the_air(number: str, after: str = "") -> str:
    """`number` (group 1) opening what is said, or after a word only the radio says, or after
    `after` (a look-behind of its own), and followed by a comma or a stop."""
    return (rf"(?:(?:^|{after}(?<=[.!?:\n\"“][ \t]*))(?:{_RADIO_WORDS}[ \t]*,?[ \t]+)?|"
            rf"(?<=\b{_RADIO_WORDS}[ \t]*,?[ \t]+))({number})(?=[ \t]*[,.!?;])")


_UNIT_ADDRESSED = _on_the_air(_SPOKEN_UNIT)

# any number said in words, a letter before it maybe: "eleven-thirty-two", "thirty-four", "F-twelve"
_ANY_PART = rf"(?:(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS})"
_ANY_SPOKEN = rf"(?:[A-Z]-)?(?i:{_ANY_PART}(?:-(?:{_ANY_PART}|oh|zero)){{0,2}})"
# (one after another too: "Eleven-thirty-two, eleven-thirty-four, shots fired"; a letter first,
# tested before the look-behinds: a run of spaces then fails at once; and a word's start: the middle
# of a word fails at once too)
_UNIT_SAID_AGAIN = "(?<!\\w)(?=[A-Za-z])" + _on_the_air(
    _ANY_SPOKEN, after=rf"(?<=(?<![\w-]){_ANY_SPOKEN},[ \t]{{1,3}})|")
_WORD_VALUE = {w: str(v) for w, v in _VALUE.items()} | {
    w: str(10 + i) for i, w in enumerate(_TEENS.split("|"))} | {
    w: str(20 + 10 * i) for i, w in enumerate(_TENS.split("|"))}


def spoken_digits(words: str) -> str:
    """The digits a number said in words writes: "eleven-thirty-two" 1132, "ten-twenty-two" 1022,
    "three-eleven" 311, "F-twelve" F12."""
    out, after_tens = "", False
    for word in re.split(r"[ \t-]+", words.strip()):
        low = word.lower()
        if after_tens and low in _UNIT_WORDS:
            out = out[:-1] + _WORD_VALUE[low]  # "thirty" "two": 32
        else:
            out += _WORD_VALUE.get(low, word)
        after_tens = low in _TENS_WORDS
    return out


_UNIT_WORDS = frozenset(_UNITS.split("|"))
_TENS_WORDS = frozenset(_TENS.split("|"))


def _said_as_digits(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A number in words that the report writes in digits as a unit's elsewhere: the short
    repeat of a call sign ("1132: Thirty-two, we're on Congress"), a beat said aloud
    ("Ten-twenty-two" where "Beat 1022" is written), "F-twelve" beside "F-12"."""
    if _in_radio_talk(text, start, end) is None:
        return None
    digits = spoken_digits(text[start:end])
    letters, number = re.match(r"([A-Z]*)(\d*)", digits).groups()  # type: ignore[union-attr]
    if len(number) < 2:
        return None
    if letters:
        written = rf"(?<![\w-]){letters}-?{number}(?![\w-])"
    elif len(number) >= 3:
        written = rf"(?<![\w.:/-])(?:[A-Z]{{1,3}}[ -]?)?{number}(?![\w./-]|:\d)"
    else:
        written = rf"(?<![\w.:/-])(?:\d{{1,2}}|[A-Z]{{1,3}}-){number}(?![\w./-]|:\d)"  # "1132", "F-17"
    return (start, end) if re.search(written, text) else None


_LEAD = re.compile(rf"(?:(?i:scout[ \t]+car|unit|car)[ \t]+)?(?:(?<![\w-]){_NUMBER}[ \t-]+)?$")


def _on_the_radio(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The letter word and its number, with the division's number and "unit" before them: a
    number first ("two lincoln eleven") is a call sign's shape wherever it stands; a letter
    word first ("lincoln four") only in a text about the radio."""
    lead = _LEAD.search(text, max(0, start - 30), start)
    if lead is not None and lead.start() < start:
        return lead.start(), end
    return (start, end) if _RADIO_CUE.search(text) else None


def _in_radio_talk(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A unit's spoken number only in a text that talks on the radio, and never a count or an
    age ("Two-twenty, maybe two-thirty pounds")."""
    if not _RADIO_CUE.search(text) or _NOT_A_UNIT_AFTER.match(text, end):
        return None
    return start, end


_NOT_A_UNIT_AFTER = re.compile(r"[ \t]*,?[ \t]*(?i:maybe|or|and|to|tops|max|about|years?|pounds|lbs|"
                               r"miles|mph|feet|ft|yards|rounds|hours|minutes|dollars|bucks)\b")


def _a_street_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Not a count of things ("at two two o'clock", "from one two three people")."""
    last = text[start:end].split()[-1].lower()
    return None if last in _NOT_STREETS else (start, end)


_NOT_STREETS = frozenset("""people times hours minutes seconds feet yards miles cars units rounds shots
    years months days weeks and or the then when copy""".split())


def _not_a_phone(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Four digits or more read one by one, not counted up; seven, ten or eleven without a dash
    are a phone number's (spoken.py)."""
    digits = [_VALUE.get(w.lower(), -1) for w in re.findall(DIGIT, text[start:end])]
    if len(digits) in (7, 10, 11) and not re.search(r"(?i:dash|hyphen)", text[start:end]):
        return None
    if all(b == a + 1 for a, b in pairwise(digits)):
        return None  # "one two three four": counting
    return (start, end) if len(digits) >= 4 else None


def _spelled_code(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Three digits or more after the letters; an article or "I" alone before the digits is no
    letter of the code ("a one seven four", "I two four"). An agency's letters spelled first are
    the record's too, as dictation runs them together ("g c s o two four one two zero one four")."""
    letters = re.match(r"(?:[A-Za-z](?:[ \t]+|-))+", text[start:end])
    if letters is not None and letters.group().replace("-", " ").split() in (["a"], ["A"], ["I"], ["i"]):
        return None
    digits = re.findall(DIGIT, text[start:end])
    return (start, end) if len(digits) >= 3 else None


_LOCAL_ACRONYMS = frozenset({"PD", "SO", "SD", "FD", "PSD", "DPS"})
_WORD_BEFORE = re.compile(r"(?i:[a-z][a-z'’-]{2,})")


def _spelled_acronym(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        """Letters read one by one that spell an agency ("f b i", "d o t d"), or a town's
        police after the town ("reno p d", "polk county s o")."""
        from workstation.detect.grow import known_agency_acronym

        acronym = "".join(text[start:end].split()).upper()
        if acronym not in _LOCAL_ACRONYMS:
            return (start, end) if len(acronym) >= 3 and known_agency_acronym(acronym) else None
        words = list(_WORD_BEFORE.finditer(text, max(0, start - 30), start))[-2:]
        words = [w for w in words if not text[w.end():start].strip(" \t").count("\n")]
        names = [w for w in words if not (lexicon.is_stop(w.group()) or lexicon.is_common(w.group()))]
        if len(words) == 2 and f"{words[0].group()} {words[1].group()}".lower() in places():
            return words[0].start(), end  # "garden grove p d": a town of everyday words
        if not names:
            # "the p d": no town named; a state's "d p s" stands alone ("called it in to d p s")
            return (start, end) if acronym == "DPS" else None
        first = names[0] if names[0] is words[-1] or len(names) == 2 else words[-1]
        return first.start(), end

    return refine


def dictated_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer("DictatedNumberRecognizer", "UNIT_NUMBER", [
            # found by its letter word, the lead before it added by the refinement (cheaper)
            Rx("call_sign_in_words", rf"(?<![\w-]){_APCO}[ \t-]+(?:{_DIGITS_READ}|{_NUMBER})(?![\w-])",
               0.6, CS,
               refine=_on_the_radio, first_words=_APCO_WORDS),
            Rx("unit_addressed", _UNIT_ADDRESSED, 0.6, CS, 1, refine=_in_radio_talk,
               needs=_NEEDS_NUMBER_WORD),
            Rx("unit_said_again", _UNIT_SAID_AGAIN, 0.6, CS, 1, refine=_said_as_digits,
               needs=_NEEDS_NUMBER_WORD),
            Rx("digits_in_words", rf"\b(?<!-){DIGIT}(?:{_BETWEEN_DIGITS}{DIGIT}){{3,14}}(?![\w-])",
               0.55, CS, refine=_not_a_phone,
               needs=_NEEDS_NUMBER_WORD),
            # a code's letters spelled, then its digits read: "g g four four one", "c b r five five
            # eight three", "t g dash two four dash one one zero nine" (a phone's seven or ten
            # digits after letters too: the letters make it a record's)
            # (or joined by hyphens, as a plate is written read aloud: "C-Q-R-eight-eight-one-four")
            Rx("letters_then_digits", rf"(?<![\w'’-])(?:[A-Za-z](?:[ \t]+|-)){{1,4}}"
                                      rf"(?:(?i:dash|hyphen)[ \t]+)?{DIGIT}"
                                      rf"(?:{_BETWEEN_DIGITS}{DIGIT}){{2,14}}(?![\w-])",
               0.55, CS, refine=_spelled_code, needs=r"\b[A-Za-z][ -](?:[A-Za-z][ -])*(?:dash )?[a-z]"),
        ]),
        RegexRecognizer("DictatedBadgeRecognizer", "UNIT_NUMBER", [
            # "badge fifteen oh nine", "serial number four one two", "my badge is one seven four":
            # the number after its cue
            Rx("number_after_cue", rf"(?<=\b(?i:badge|serial|star|shield|employee|payroll|unit|car|dsn)"
                                   r"(?:[ \t]+(?i:number|no\.?|num|is|was)){0,2}[ \t]+)"
                                   rf"(?:{_NUMBER_WORD})(?:[ \t-]+(?:{_NUMBER_WORD})){{1,6}}(?![\w-])",
               0.6, CS,
               needs=r"badge|serial|star|shield|employee|payroll|unit|car|dsn"),
            # a car or unit by its number, the word with it as "car 1222" has it: "car twelve twenty
            # two", "scout car eleven forty three", "Unit nine is at the ER" (one number word only
            # where a pause or the radio's next word follows, not "unit two days later"; "knocked on unit
            # two oh four" is a flat)
            Rx("vehicle_in_words", rf"(?<![\w'’-])(?:(?i:(?:scout|patrol|squad)[ \t]+car|car|rmp)|"
                                   r"(?<!\b(?i:on|at|in|into|inside|outside|to|of|from)[ \t])(?i:unit))"
                                   rf"(?:[ \t]+(?i:number|no\.?|num))?[ \t]+(?i:{_NUMBER_WORD})"
                                   rf"(?:(?:[ \t-]+(?i:{_NUMBER_WORD})){{1,6}}(?![\w-])|(?=[ \t]*[,.;:?!]|"
                                   r"[ \t]+(?i:is|was|coming|copies|copy|responding|en[ \t]+route|arrived|"
                                   r"advised|says|said)\b))",
               0.6, CS, needs=r"(?i:unit|car|rmp)"),
        ]),
        RegexRecognizer("DictatedAgencyRecognizer", "ORGANIZATION", [
            Rx("spelled_acronym", r"(?<![\w'’.-])(?i:[a-z](?:[ \t][a-z]){1,3})(?![\w'’.-])", 0.75, CS,
               refine=_spelled_acronym(lexicon), needs=r"\b[a-z] [a-z]\b"),
        ]),
        RegexRecognizer("DictatedPlaceRecognizer", "LOCATION", [
            # "from four two two zero west maple": a house number read digit by digit, its street
            Rx("house_number_digits", rf"(?<=\b(?i:at|from|to|on|address(?:[ \t]+is)?|lives)[ \t]+)"
                                      rf"{DIGIT}(?:[ \t]+{DIGIT}){{1,4}}[ \t]+(?:(?i:north|south|east|west)"
                                      r"[ \t]+)?(?i:[a-z][\w'’-]{2,})(?:[ \t]+" + _STREET_WORD + r"\b)?",
               0.65, CS,
               refine=_a_street_name, needs=_NEEDS_NUMBER_WORD),
            # a house number said as two numbers, or hundreds, then the street: "Thirty-three
            # twenty-one West Cermak", "thirty-two hundred West Van Buren", "nineteen ten Oak Street"
            Rx("house_number_said", rf"(?<![\w-]){_NUMBER}[ \t-]+(?:{_NUMBER}|(?i:hundred))[ \t]+"
                                    r"(?:(?i:north|south|east|west)[ \t]+" + _NAME_WORDS
                                    + r"|" + _NAME_WORDS + r"[ \t]+" + _STREET_WORD + r")(?![\w'’-])",
               0.6, CS, needs=_NEEDS_NUMBER_WORD),
            Rx("mile_marker_in_words", rf"(?<![\w-])(?i:mile[ \t]+(?:marker|post)|milepost|mm)[ \t]+{_NUMBER}"
                                       rf"(?:[ \t]+(?i:point)[ \t]+{DIGIT})?(?![\w-])", 0.6, CS,
               needs="mile|mm"),
            Rx("hundred_block_in_words", rf"(?<![\w-])(?:{_NUMBER}[ \t-]+)?{_NUMBER}[ \t]+(?i:hundred)[ \t]+"
                                         r"(?i:block|blk)[ \t]+(?i:of[ \t]+)?"
                                         r"(?:(?i:north|south|east|west)[ \t]+)?(?:\p{L}[\p{L}'’]+)"
                                         rf"(?:[ \t]+{_STREET_WORD}\b)?", 0.6, CS,
               needs="hundred"),
            Rx("numbered_street_in_words", rf"(?<![\w-]){ORDINAL_IN_WORDS}[ \t]+(?i:street|avenue|ave)\b",
               0.55, CS,
               needs=r"\s(?:street|avenue|ave)\b"),
        ]),
        RegexRecognizer("DictatedEmailRecognizer", "EMAIL_ADDRESS", [
            Rx("email_in_words", rf"(?i:(?<![\w.-]){_WORDS_DOTTED}[ \t]+at[ \t]+[a-z0-9]+"
                                 rf"(?:[ \t]+[a-z0-9]+){{0,3}}?(?:[ \t]+dot[ \t]+[a-z0-9]+)*"
                                 rf"[ \t]+dot[ \t]+{_DOMAIN_END})\b", 0.6, CS,
               needs=rf"dot\s+{_DOMAIN_END}\b"),
        ]),
    ]
