"""People who speak in transcripts and message threads (issue 19): in "Mick O.: eyes on the
blue Malibu" or "DEPUTY OSEI (guest): a hundred percent" the speaker before the colon is a
person, whatever the words mean elsewhere. Only in a text that is a conversation (three
speaker lines or more), and never a form's field ("Name:", "OLN:", "Subject:"), a role
("Caller:", "Host:") or report shorthand ("DISP:", "SUBJ:")."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect.census import is_census_name
from workstation.detect.foreign_words import foreign_everyday_word
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.spans import LOG_TIME_STAMP
from workstation.detect.vocab import RANKS_BEFORE_A_NAME, REPORT_SHORTHAND, ROLES_BEFORE_A_NAME

# ranks, and the roles of a deposition or a hearing ("ATTORNEY RASMUSSEN:", "JUDGE OKAFOR:")
_RANK = "|".join((*RANKS_BEFORE_A_NAME, "sarge", "sheriff", "chief", "co", "spc", "pfc", "sa",
                  "attorney", "atty", "counsel", "judge", "prosecutor", "ada"))
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’-]*\.?|\p{Hangul}{2,5})"  # (a Korean name: "김민준")
# a log line's time: "[22:43]", "10:05 pm", or a military "2243"
LOG_STAMP = (rf"(?:\[?{LOG_TIME_STAMP}\]?|\[?\d{{1,2}}:\d{{2}}(?:[ \t]*(?i:am|pm))?\]?"
             r"|(?:[01]\d|2[0-3])[0-5]\d)")
# a chat export's stamp before its sender: "1/9/25, 07:02 - ", "[3/14/24, 9:41:07 PM] ",
# "2024-09-03 21:17 " (WhatsApp, Signal and the like)
_CHAT_STAMP = (r"(?:\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
               r"(?:[ \t]*(?i:am|pm))?\]?[ \t]*(?:[-–][ \t]*)?"
               # ... and KakaoTalk's "2024. 11. 2. 오후 11:41, "
               r"|\d{4}\.[ \t]*\d{1,2}\.[ \t]*\d{1,2}\.[ \t]*(?:오전|오후)?[ \t]*\d{1,2}:\d{2},[ \t]*)")
# the start of a line, a bullet, a time stamp, a rank; then the speaker and a colon
_SPEAKER = (
    rf"(?m)^[ \t]*(?:[-•*>][ \t]*)?"
    rf"(?:{_CHAT_STAMP}|{LOG_STAMP}[ \t]+)?"
    rf"(?:(?:(?i:county|district|state|assistant|defense|city)[ \t]+)?(?i:{_RANK})\.?[ \t]+)?"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})"
    # a role in brackets or the time after the name: "Renata 11:52 PM: u ok??"
    r"(?=(?:[ \t]*\([^()\n]{1,24}\)|[ \t]+\[?\d{1,2}:\d{2}(?:[ \t]*(?i:am|pm))?\]?)?[ \t]*:[ \t]+\S)"
)
_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-•*>][ \t]*)?(?:[\d:\[\]apmAPM.,/–\t 오전후-]{3,30})?[\p{L}][\p{L}'’. -]{0,30}"
    r"(?:[ \t]*\([^()\n]{1,24}\)|[ \t]+\[?\d{1,2}:\d{2}(?:[ \t]*(?i:am|pm))?\]?)?[ \t]*:[ \t]+\S"
)
_CHAT_HEADER = re.compile(
    # ("Ngo, Tuan  9:15 AM", "Ray Tolliver  Oct 2  01:14": a team chat's sender, surname first or
    # with the day)
    rf"(?m)^[ \t]*(?P<name>{_NAME_WORD}(?:,?[ \t]+{_NAME_WORD}){{0,2}})[ \t,]+(?:-[ \t]+)?"
    r"(?:\p{Lu}\p{Ll}{2}[ \t]+\d{1,2}[ \t,]+)?"
    r"\[?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?i:am|pm))?\]?[ \t]*$")
# what stands before a colon without being anyone: fields of forms, e-mail headers and
# reports, speakers by role, and transcript conventions
NOT_SPEAKERS = frozenset(
    """name names dob date time day to from cc bcc sent subject subj re fwd attn attention
    location loc address addr phone cell tel email e-mail vehicle veh plate tag vin oln dl
    case incident inc report narrative narr summary note notes update q a me us them host
    guest interviewer interviewee narrator moderator caller dispatch disp dispatcher operator unit
    unk unknown suspect susp victim vict witness wit rp officer ofc deputy agency dept
    department division supervisor sup sgt lt capt command reviewer author writer source
    posted reply quote edit tl dr tldr ps p.s lesson lessons takeaway takeaways result
    outcome disposition dispo status action actions injuries injury weapon weapons charges
    charge type call nature priority comments comment remarks description desc age race sex
    height weight hair eyes clothing dob/age ssn sid fbi ncic oca booking inmate cell
    handler k9 dog horse everyone all group admin mod anon anonymous edit2 update2 bodycam
    radio audio video transcript excerpt scene timeline background recommendation
    recommendations findings finding issue issues problem question answer translator
    interpreter speaker unidentified voice male female man woman client offender defendant
    plaintiff respondent petitioner complainant prepared approved reviewed submitted signed
    employer occupation relationship contact emergency partner probationer parolee juvenile
    student patient nurse doctor medic ems fire court judge attorney counsel prosecutor
    mom dad mother father wife husband son daughter brother sister friend neighbor
    rider customer dasher shopper support boss courier buyer seller vendor""".split()  # (an app's chat)
)


@lru_cache(maxsize=256)
def _conversation(text: str) -> bool:
    return len(_SPEAKER_LINE.findall(text)) >= 3


def _speaks_again(text: str, start: int, end: int) -> bool:
    """The same word heads another line as its speaker, after a time stamp or not: a nickname
    in a conversation ("Ski: u guys hear", ... "Ski: car fire"), not a heading written once."""
    if end - start < 3:
        return False  # "EN:", "ES:": the language of a bilingual note's lines
    return _line_heads(text).get(text[start:end], 0) >= 2


_LINE_HEAD = re.compile(rf"(?m)^[ \t]*(?:{LOG_STAMP}[ \t]+)?([^\n]+?)[ \t]*:[ \t]+\S")


@lru_cache(maxsize=64)
def _line_heads(text: str) -> dict[str, int]:
    """How many lines each head starts before its colon (read once a text)."""
    heads: dict[str, int] = {}
    for m in _LINE_HEAD.finditer(text):
        heads[m.group(1)] = heads.get(m.group(1), 0) + 1
    return heads


def _speaker(lexicon: Lexicon):
    roles = frozenset(ROLES_BEFORE_A_NAME) | frozenset(RANKS_BEFORE_A_NAME)

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        if not _conversation(text):
            return None
        return words_name_someone(text, start, end)

    def in_chat(text: str, start: int, end: int) -> tuple[int, int] | None:
        if len(_CHAT_HEADER.findall(text)) < 2:
            return None
        return words_name_someone(text, start, end)

    def words_name_someone(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = [w.strip(".'’-").lower() for w in text[start:end].split()]
        if not words or any(not w or w in NOT_SPEAKERS or w in roles or w in REPORT_SHORTHAND
                            for w in words):
            return None
        if all(lexicon.is_common(w) or lexicon.is_stop(w) for w in words) and not any(
                is_census_name(w) and not lexicon.is_stop(w) for w in words) and not (
                len(words) == 1 and not lexicon.is_stop(words[0]) and _speaks_again(text, start, end)):
            return None  # "Lessons learned:", "Bottom line:" (but "TANK:", "Ski:" speaking twice)
        if len(words) == 1 and foreign_everyday_word(words[0]) and not _speaks_again(text, start, end):
            return None  # "Fecha:", "Asunto:", "Confidente:": a Spanish form's fields
        single = text[start:end].strip(".")
        if len(words) == 1 and single.isupper() and len(single) <= 4 and not is_census_name(single) and not (
                lexicon.is_common(words[0]) and _speaks_again(text, start, end)):
            return None  # "OLN:", "VEH:": a field in capitals ("TANK:" speaking twice is someone)
        return start, end

    return refine, in_chat


def speaker_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    in_conversation, in_chat = _speaker(lexicon)
    return [
        RegexRecognizer(
            "SpeakerNameRecognizer", "PERSON",
            [Rx("speaker", _SPEAKER, 0.75, CS, "name", refine=in_conversation, needs=":"),
             # "Dispatch (Bethany): copy": the person speaking for a role
             Rx("speaker_in_brackets", rf"(?m)(?<=^[ \t]*\p{{L}}[\p{{L}}\d .'’-]{{0,24}}\()"
                rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)(?=\)[ \t]*:[ \t]+\S)", 0.7, CS, "name",
                refine=in_conversation, needs=r"\):"),
             # a chat's sender in lower case before the time: "pheng lor 11:02 PM: yall at ..."
             Rx("lower_sender", r"(?m)^[ \t]*(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})[ \t]+"
                r"\[?\d{1,2}:\d{2}(?:[ \t]*(?i:am|pm))?\]?[ \t]*:[ \t]+\S", 0.7, CS, "name",
                refine=in_conversation, needs=r"\d:\d\d"),
             # a chat export's header line: "Renata 11:52 PM", then the message below it
             Rx("chat_header", _CHAT_HEADER.pattern, 0.7, CS, "name", refine=in_chat, needs=r"\d:\d\d")],
        ),
    ]
