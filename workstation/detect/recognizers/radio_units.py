"""Units named by their number alone in radio transcripts and CAD logs (issue 19): a unit
speaking ("612: 612 copy."), a unit called by another ("Sam 22: 612, terminate."), a unit's
status on a logged line ("22:43 520 ENRT", "22:47 520 OS, 530 DELAYED"), the units dispatched
("22:41 DISP 520 530"), and a unit table's first column under its heading ("UNIT  DISP  ENRT",
then "1821  0212  0212"). A number is a unit only where the log's shape says so: elsewhere a
short number is a count ("386 miles")."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.recognizers.speakers import LOG_STAMP, NOT_SPEAKERS
from workstation.detect.spans import RANK_WORDS
from workstation.detect.vocab import ROLES_BEFORE_A_NAME

_UNIT = r"\d{2,4}[A-Z]?"
# an officer's name in brackets after a unit: "(Price)", "(HALVORSEN)"; no acronym ("1075 (LPG)")
_BRACKETED = r"\p{Lu}(?:\p{Ll}|[\p{Lu}'’-]{4})[\p{L}'’-]*"
_CALL_SIGN = r"\p{Lu}[\p{L}'’-]+[ \t]+\d{1,4}[A-Z]?"
# what a CAD log writes after a unit: its status, or what it reports
_STATUS = (  # (the analysis reads a log in capitals recased: "Enrt", "Os")
    r"(?i:enrt|enr|enrte|os|ons|onscene|arr|arrd|arv|clr|clrd|avail|avl|adv|advs|req|reqs|delayed|"
    r"delay|cxl|cncl|trans|transporting|engaged|pursuing|busy|asgn|ack|resp|staged|staging|oos|"
    r"10-\d{1,2}|en[ \t]?route|on[ \t]?scene|arrived|cleared|responding|advises|requests|available|"
    r"copies|copy)"
)
_DISPATCHED = r"(?i:disp|dispd|dispatched|assigned|asgn|added|add|asignado|asignados)"
# a unit with letters: "PR-11", "M-9", "GF12" (a road's shape too, but a log line's subject is a
# unit); "I-" and "US" are only ever roads
_LETTERED = r"(?!I-|US)[A-Z]{1,4}-?\d{1,4}[A-Z]?(?![\w-])"
# a unit's letters, a blank and its number: "TP 14" (a road's shape too: "I-94", "US 41")
_LETTERS_NUMBER = r"(?!I-|US\b)[A-Z]{1,4}[ \t-]?\d{1,4}[A-Z]?"
# a unit named by its agency or its town and a number: "WCSO 11", "RCFD ENG 5", "Aguadilla 21"
_NAMED = rf"(?:(?!{_STATUS}\b)\p{{Lu}}[\p{{L}}]{{1,11}}[ \t]+){{1,2}}\d{{1,4}}[A-Z]?(?![\w-])"
# one item of a list of units: an agency before a lettered unit stays the agency ("VSP A-43")
_LISTED = rf"(?:[A-Z]{{2,6}}[ \t]+)?{_LETTERED}|{_NAMED}|{_UNIT}(?![\w:/-])"
# between the items: a comma, "and", "y", a slash, a bracketed officer ("(AGTE. VARGAS)"); runs of
# blanks bounded, as a look-behind reads them (an unbounded run backtracks over a field of blanks)
_LIST_GAP = (r"(?:[ \t]{0,8}\([^()\n]{1,30}\))?"
             r"(?:[ \t]{0,8}[,/&][ \t]{0,8}|[ \t]{1,8}(?:(?i:and|y)[ \t]{1,8})?)")
# the date a log line may carry before its time ("09/15 01:02")
_LINE_STAMP = rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?[ \t]+)?{LOG_STAMP}"
# what starts a list of units: a log line's dispatch, or a record's "UNITS:" field
_LIST_CUE = rf"(?:^[ \t]{{0,8}}{_LINE_STAMP}[ \t]{{1,8}}{_DISPATCHED}|^[ \t]{{0,8}}(?i:units?)[ \t]{{0,8}}:)"
# a whole line listing units: no street on it ("DISP WCSO 15", "ASIGNADO AGUADILLA 24")
UNIT_LIST_LINE = re.compile(rf"(?m){_LIST_CUE}[^\n]*")
_ANY_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t]*(?:" + LOG_STAMP + r"[ \t]+)?[\p{L}\d][\p{L}\d'’ .-]{0,24}:[ \t]+\S")
_TABLE_HEADING = re.compile(r"(?im)^[ \t]*units?\b[^\n]*\b(?:disp|enrt|arr|clr|onscene|os|avail)\b")


@lru_cache(maxsize=64)
def _conversation(text: str) -> bool:
    """Three speaker lines or more, a unit's number or a name before the colon (counted once
    per text, not once per match)."""
    return len(_ANY_SPEAKER_LINE.findall(text)) >= 3


def _spoken_again(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A number heading a line in a conversation that the conversation says again (heading
    another line or not): no clock time written before a colon once."""
    if not _conversation(text):
        return None
    number = re.escape(text[start:end])
    return (start, end) if len(re.findall(rf"(?<![\w.:/-]){number}(?![\w./-]|:\d)", text)) >= 2 else None


_MONTHS_AND_DAYS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december mon monday tue tues tuesday wed wednesday
    thu thur thurs thursday fri friday sat saturday sun sunday day week page item line step
    count exhibit figure table part chapter section""".split())


_NOT_UNITS = (NOT_SPEAKERS | RANK_WORDS | frozenset(ROLES_BEFORE_A_NAME) | frozenset(
    "arrestee arrestees detainee edit speaker person party juvenile voice caller subj susp".split())) - {
    "unit", "car", "medic"}


def _no_role_numbered(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"OFC 1 (Hosseini):", "VIC 2 (Ruiz)": a role numbered in a transcript, no unit."""
    word = text[start:end].split()[0].rstrip("0123456789-").lower()
    return None if word in _NOT_UNITS or word in ("vic", "pt", "agt", "v", "s", "w", "p") else (start, end)


def _calls_another(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"ROVER 11 TO BASE:": a word and a number calling another is a unit, an everyday word too;
    not a date ("March 12 to DA:") nor a role numbered ("OFC 1 to OFC 2:")."""
    word = text[start:end].split()[0].lower().rstrip(".")
    return None if word in _MONTHS_AND_DAYS or word in _NOT_UNITS else _no_role_numbered(text, start, end)


def _call_sign_speaks(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        """"Lahaina 5: copy", "Chinle 21: rollover": a named unit speaking, in a conversation or
        named with a word no dictionary holds ("Lesson 1:" is a list's item)."""
        word = text[start:end].split()[0].lower().rstrip(".")
        if word in _MONTHS_AND_DAYS or word in _NOT_UNITS:
            return None  # "OFC 1:", "Arrestee 3:", "edit 2:": a role numbered, no call sign
        if lexicon.is_common(word) and not _conversation(text):
            return None
        return start, end

    return refine


# who a unit calls by no number: its base, dispatch, or an agency's letters ("TO BASE:", "to GSP:")
_CALLED = r"(?:(?i:base|dispatch|central|control|command|comms|radio|ops)|\p{Lu}{2,6})"
_RADIO_WORD = r"(?i:dispatch|copy|copy[ \t]+that|roger|go[ \t]+ahead|10-4|central|control|radio|comms|base)"
_RADIO_WORD_BEFORE = re.compile(rf"\b{_RADIO_WORD}[,.]?[ \t]+$")
# what only a unit on the air says after its call sign ("Sitka 3, show me en route")
_ON_THE_AIR = (r"(?i:show[ \t]+(?:me|us)|copy|go[ \t]+ahead|en[ \t]?route|on[ \t]?scene|10-\d{1,2}|"
               r"be[ \t]+advised|requesting|stand[ \t]+by|negative|affirmative)")
_ON_THE_AIR_AFTER = re.compile(rf",[ \t]+{_ON_THE_AIR}\b")
_ROAD_WORDS = frozenset(
    "highway hwy route rte rt interstate exit road rd county cr fm sr us i mile mm".split())


def _on_the_air(lexicon: Lexicon):
    speaks = _call_sign_speaks(lexicon)

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        """"Copy, Bethel 2." is a unit (its town an everyday word or not); "Roger, Highway 9."
        a road; "Sitka 3, show me en route" a unit by what it says."""
        word = text[start:end].split()[0].lower().rstrip(".")
        if word in _ROAD_WORDS or word in _MONTHS_AND_DAYS or word in _NOT_UNITS:
            return None
        if _RADIO_WORD_BEFORE.search(text, max(0, start - 16), start) or _ON_THE_AIR_AFTER.match(text, end):
            return start, end
        return speaks(text, start, end)

    return refine


def _under_a_unit_heading(text: str, start: int, end: int) -> tuple[int, int] | None:
    heading = _TABLE_HEADING.search(text, 0, start)
    return (start, end) if heading is not None and start - heading.end() < 1500 else None


def radio_unit_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer("RadioUnitRecognizer", "UNIT_NUMBER", [
            Rx("unit_speaks", rf"(?m)^[ \t]*(?:{LOG_STAMP}[ \t]+)?({_UNIT})(?=[ \t]*:[ \t]+\S)", 0.6, CS, 1,
               refine=_spoken_again, needs=":"),
            # at a line's start, after a sentence, or called by another ("ADAM 4 TO ADAM 5:")
            Rx("call_sign_speaks", rf"(?m)(?:^[ \t]*(?:{LOG_STAMP}[ \t]+)?"
                                   rf"(?:(?:{_CALL_SIGN}|{_CALLED})[ \t]+(?i:to)[ \t]+)?|(?<=[.!?][ \t]+))"
                                   rf"({_CALL_SIGN})"
                                   r"(?=[ \t]*:[ \t]+\S)", 0.6, CS, 1,
               refine=_call_sign_speaks(lexicon), needs=r"\d:"),
            # ... calling another or its base: "ROVER 11 TO BASE: FIGHT", "HERO 612 to GSP: ..."
            Rx("call_sign_calls", rf"(?m)^[ \t]*(?:{LOG_STAMP}[ \t]+)?(?:[A-Z]{{2,6}}[ \t]+)?({_CALL_SIGN})"
                                  rf"(?=[ \t]+(?i:to)[ \t]+(?:{_CALL_SIGN}|{_CALLED})[ \t]*:[ \t]+\S)",
               0.6, CS, 1,
               refine=_calls_another, needs=r"(?i:\d to )"),
            # a named unit on the air in a narrative: "Dispatch, Bethel 2, we're out", "Copy, Medic
            # 4.", "Sitka 3, show me en route"
            Rx("call_sign_addressed",
               rf"(?<=\b{_RADIO_WORD}[,.]?[ \t]+)({_CALL_SIGN})(?=[ \t]*[,.;!?]|[ \t]*$)|"
               rf"(?:^|(?<=[.!?\n\"“][ \t]*))({_CALL_SIGN})(?=,[ \t]+{_ON_THE_AIR}\b)",
               0.6, CS, refine=_on_the_air(lexicon), needs=r"\d[,.;!?]"),
            Rx("unit_status", rf"(?m)(?:^[ \t]*{LOG_STAMP}[ \t]+(?:{_DISPATCHED}[ \t]+)?"
                              rf"|(?<=^[ \t]*{LOG_STAMP}[ \t][^\n]*?,[ \t]*))({_UNIT})"
                              rf"(?=[ \t]+{_STATUS}\b)", 0.6, CS, 1,
               needs=rf"\d[ \t]+{_STATUS}\b"),
            Rx("units_dispatched", rf"(?m)(?<=^[ \t]*{LOG_STAMP}[ \t]+{_DISPATCHED}(?:[ \t,/&]+{_UNIT})*"
                                   rf"[ \t,/&]+)({_UNIT})(?![\w:/-])", 0.6, CS, 1,
               needs=rf"{_DISPATCHED}[ \t]+\d"),
            # "DISP WCSO 11, WCSO 15, VSP A-43", "UNITS: SD HP 214, PC 33, RCFD ENG 5": each item
            # a unit, its agency before a lettered number left to the agency
            Rx("units_listed", rf"(?m)(?<={_LIST_CUE}[ \t]{{0,8}}(?:(?:{_LISTED}){_LIST_GAP})*)"
                               rf"(?:[A-Z]{{2,6}}[ \t]+(?={_LETTERED}))?({_LETTERED}|{_NAMED})",
               0.6, CS, 1, needs=rf"(?:{_DISPATCHED}|units?[ \t]*:)[ \t]+\p{{L}}"),
            # "21:15 PR-11 ENRT", "22:17 MCSO M-9 ENRT": a lettered unit heading a log line with its
            # status, an agency before it or not
            Rx("lettered_unit_status", rf"(?m)^[ \t]*{_LINE_STAMP}[ \t]+(?:[A-Z]{{2,6}}[ \t]+)?"
                                       rf"({_LETTERED})(?=[ \t]+{_STATUS}\b)", 0.6, CS, 1,
               needs=rf"\d[ \t]+{_STATUS}\b"),
            # a unit numbered as a beat and a car on the air: "DISPATCH: 23-17, copy, 23-22 en route"
            # (no 10-code: "10-4, copy")
            Rx("hyphened_unit_on_air", rf"(?<![\w.:/-])(?!10-)\d{{1,3}}-\d{{1,3}}[A-Z]?(?:(?=,[ \t]+"
                                       rf"{_ON_THE_AIR}\b|[ \t]+(?i:en[ \t]?route|on[ \t]?scene)\b)|"
                                       rf"(?<=\b{_RADIO_WORD}[,.:]?[ \t]+\d{{1,3}}-\d{{1,3}})"
                                       r"(?=[ \t]*[,.;!?]))",
               0.6, CS, needs=r"\d-\d"),
            # a unit numbered as a beat and a car opening a log line after its time: "0231  15-31 HAS A
            # POSSIBLE", "2218 4-12: OUT WITH ONE" (not a 10-code, "0231  10-97 AT SCENE")
            Rx("hyphened_unit_opens_line", rf"(?m)^[ \t]*{LOG_STAMP}[ \t]+(?!10-)(\d{{1,3}}-\d{{1,3}}[A-Z]?)"
                                           rf"(?=[ \t]*:?[ \t]+\p{{Lu}})", 0.6, CS, 1,
               needs=r"\d[ \t]+\d{1,3}-\d"),
            Rx("unit_table_row", rf"(?m)^[ \t]*({_UNIT})(?=[ \t]{{2,}}\d{{2}}:?\d{{2}}\b)", 0.6, CS, 1,
               refine=_under_a_unit_heading, needs="UNIT"),
            # a unit opening a log line or a note, or after its colon, with its officers in brackets:
            # "0510  825 (Price) recovered a stolen Altima", "- NEAR MISS 2150: 1023 (Ocampo / Lind)",
            # "* near miss: 2N13 (Hwang) almost got swiped", "1712  TP 14 (Akins) at" (not "Room 214 (Marsh)")
            Rx("unit_with_officers", rf"(?m)(?:^[ \t]*(?:[-*•>][ \t]*)?(?:{LOG_STAMP}[ \t]+)?|(?<=:[ \t])|"
                                     rf"(?<=—[ \t]))({_UNIT}|\d[A-Z]\d{{1,3}}|{_LETTERS_NUMBER})"
                                     rf"(?=[ \t]+\({_BRACKETED}"
                                     rf"(?:[ \t]*[/&,][ \t]*{_BRACKETED}){{0,3}}\))", 0.6, CS, 1,
               refine=_no_role_numbered, needs=r"\d[ \t]+\("),
        ]),
    ]
