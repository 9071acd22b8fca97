"""People written by their initials (issue 19): a juvenile or someone the writer will not name
("the student, T.W., was", "Student: J.M. (juvenile)", "a driver (J.T.L., 17)"), and an initial
before a surname in capitals ("C/O L. ATTAKAI", "SGT A. MACLEOD"). Dotted letters that are
abbreviations ("U.S.", "P.O.", "A.M.", "G.E.D.", a state's "N.C.") are not. Initials that sign a
message after a dash ("-- RT") name its writer."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import RawSpan
from workstation.detect.vocab import RANK_TITLES, REPORT_SHORTHAND, ROLES_BEFORE_A_NAME

# (a second surname's initial after a hyphen: "R.K.-M.", "B.T.-W.")
_INITIALS = re.compile(r"(?<![\w.'’-])(?:\p{Lu}\.[ \t]?){2,3}(?:-\p{Lu}\.)?(?!\w|\.?[ \t]*\p{Lu}\p{Ll})")
_INITIAL_BEFORE = re.compile(r"(?<![\w.'’-])\p{Lu}\.[ \t]+$")
# the word before an initial, if the initial follows one on its line (none after a mark: "| A. Mohamed")
_WORD_BEFORE = re.compile(r"(?:([\p{L}.]+)|[^\p{L}\s])?[ \t]*$")
_QUESTION_LINE = re.compile(r"(?m)^[ \t]*Q[.:]")  # a transcript's question
_NAMED_AFTER = frozenset("by and or to with from for of counselor disp tech".split())
_NOT_INITIALS = frozenset(
    """US UK PO AM PM DC LA NY NJ SO PD ER ID TV OK BS MD RN DA KC NE NW SE SW ET UC OC CO VA GE
    AD BC JR SR ST MT FT PT DR MR MS LT NB SB EB WB OT QT IV EU UN EP LP CD DJ MC PA PE PS AC
    USA GED POW DUI DWI APB RIP MRE EMT CPR DOA NYC DOB VIN ATV SUV OIS FBI DEA ATF CIA DOJ DOC DHS TSA
    LPN BSN EMS ESU UOF AKA BOL KIA MIA ETA PTO PTS OCS NCO CEO CFO IRS DMV SSN NRT ICE ERT SRT
    MO OR ME CT IA GA AK""".split()
)
# the states written with dots in running text ("N.C.", "D.C.", "R.I."): the other codes' letters
# with dots are a person's initials ("T.N., 7 YOA", "her friend K.Y.")
_DOTTED_STATES = frozenset("NC SC ND SD NH NJ NM NY RI WV DC PR VI".split())


# a message signed with its writer's initials after a dash, at its line's end: "-- RT", "— KA", "~JW"
# (one hyphen only after words on its line: "- MDT" opening a line is a list's item)
_SIGNED = re.compile(r"(?m)(?:(?:^|(?<=[ \t]))(?:--|—|–|~)|(?<=\S[ \t])-)[ \t]?"
                     r"(?P<initials>\p{Lu}{2,3}|(?:\p{Lu}\.){2,3})(?=[ \t]*[\"”\])]*[ \t]*$)")
_SET_OFF = re.compile(r"\w,[ \t]")
# letters that are set off by commas after a name or a number all the same: "Feldstein, M.D., board"
_DEGREES_AND_TIMES = frozenset("""MD DO RN JD PA NP DDS DVM LPN BSN EMT PHD ESQ AM PM US PO OK ID TV ER DA AKA
    UK EU UN CD DJ MC LP EP PS AC BS USA GED DUI DWI VIN DOB""".split())


def initials_as_people(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out = _signed_with_initials(text, spans)
    if "." not in text:
        return out
    out = [_with_initial(text, s) for s in out]
    for m in _INITIALS.finditer(text):
        letters = "".join(c for c in m.group().split("-")[0] if c.isalpha())
        # (set off by commas, dotted letters name a person whatever else they abbreviate: "a
        # kindergartner, L.T., was", "the girl in the room, S.B., went")
        apart = _SET_OFF.match(text, max(0, m.start() - 3)) is not None and text.startswith(",", m.end())
        if (letters in _NOT_INITIALS and not (apart and letters not in _DEGREES_AND_TIMES)) or (
                letters in _DOTTED_STATES) or (
                len(letters) == 3 and letters.endswith(("PD", "SO", "SD", "FD"))):  # "M.P.D.": an agency
            continue
        start, end = m.start(), m.end()
        while text[end - 1] in " \t":
            end -= 1
        inner = [s for s in out if s.start < end and start < s.end]
        if any(s.label != "PERSON" or s.start < start or s.end > end for s in inner):
            continue
        out = [s for s in out if s not in inner]  # "B" of "B.T." found by a cue: the whole initials
        out.append(RawSpan(start, end, "PERSON", 0.6, "InitialsRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))


def _with_initial(text: str, span: RawSpan) -> RawSpan:
    """"L. ATTAKAI": the initial before a surname in capitals is the person's too; before a
    surname in Title Case ("Disp. A. Haskins", "| A. Mohamed #2395") only after a line's start,
    a mark, a rank, a role or a small word, not after a thing's letter ("Plan A. Mohamed said")."""
    if span.label != "PERSON":
        return span
    m = _INITIAL_BEFORE.search(text, max(0, span.start - 4), span.start)
    if m is None:
        return span
    if not text[span.start:span.end].isupper():
        if span.start - m.start() > 3 or (text[m.start()] in "AQ" and _QUESTION_LINE.search(text) and not (
                text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip())):
            return span  # "Q. Who was the child?\nA. Mateo Quiroz.", "A.  Naquin": an answer's letter
        word = _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
        before = word.group(1).lower().rstrip(".") if word and word.group(1) else ""
        if before and not (before in _NAMED_AFTER or before in RANK_TITLES or before in ROLES_BEFORE_A_NAME):
            return span
    return RawSpan(m.start(), span.end, span.label, span.score, span.recognizer)


def _signed_with_initials(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """"Please start a Life Saving nomination. -- RT": the writer, by the initials that sign it
    (not a state's code nor an everyday word in capitals: "-- OK", "- CO")."""
    out = list(spans)
    for m in _SIGNED.finditer(text):
        letters = m.group("initials").replace(".", "")
        dotted = "." in m.group("initials")  # ("-- M.E.": dotted, they sign; "-- ME" is Maine)
        if (letters in _NOT_INITIALS and not dotted) or (letters in state_codes() and not dotted) or (
                letters.lower() in _EVERYDAY_CAPITALS):
            continue
        start, end = m.span("initials")
        if not any(s.start < end and start < s.end for s in out):
            out.append(RawSpan(start, end, "PERSON", 0.6, "InitialsRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))


_EVERYDAY_CAPITALS = frozenset("ok no yes hi all end out new am pm tbd eom cc fyi asap ty thx".split())


# a name's words, its quoted nickname and bracketed asides left out ('James "Sonny" Whitlow')
_NAME_WORD = re.compile(r"(?<![\w'’\"“(])\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*(?![\w'’\"”])")
# what follows a speaker's or an entry's tag: "RM: What do you remember?", "RM = Ruth", "MO - New claim"
_TAG_AFTER = re.compile(r"[ \t]*(?::|=|[-—–][ \t])")
_CAPITALS = re.compile(r"(?<![\w.'’/&-])\p{Lu}{2,3}(?![\w'’&]|\.\w)")


def initials_of_named_people(lexicon: Lexicon, text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """"RM = Ruth Mandelbaum ... RM: What do you remember?", "staff TK placed his knee ... Tomas
    Kiel, MHT": the initials of someone the text names in full, in mixed case, as transcripts and
    staff logs write them, are that person wherever they stand alone in capitals on a line that
    is not in capitals (not a word, a state or a record's shorthand: "OF", "RP"; an abbreviation
    only where it tags a line: "ML: Tell me about it", not "the CS was searched")."""
    initials: set[str] = set()
    for s in spans:
        if s.label == "PERSON" and not text[s.start:s.end].isupper():
            initials |= _initials_of(text[s.start:s.end])
    initials = {i for i in initials - _NOT_INITIALS - state_codes()
                if i.lower() not in REPORT_SHORTHAND and i.lower() not in _EVERYDAY_CAPITALS
                and not lexicon.is_stop(i)}
    if not initials:
        return spans
    out = list(spans)
    for m in _CAPITALS.finditer(text):
        if m.group() not in initials or any(s.start < m.end() and m.start() < s.end for s in out):
            continue
        if lexicon.is_common(m.group()) and not _TAG_AFTER.match(text, m.end()):
            continue  # "the CS was searched", "5 ML": an abbreviation, unless it tags a line ("ML: ...")
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        if not any(c.islower() for c in text[line_start:line_end if line_end >= 0 else len(text)]):
            continue  # a line in capitals: "HT 5-4  WT 120"
        out.append(RawSpan(m.start(), m.end(), "PERSON", 0.6, "InitialsRecognizer"))
    return sorted(out, key=lambda s: (s.start, s.end))


def _initials_of(name: str) -> set[str]:
    """"Ruth Mandelbaum": RM; "Marie-Louise Batiste": MB, MLB and ML (her given names'); none for
    a single word."""
    words = _NAME_WORD.findall(name)
    if len(words) < 2 or any(len(w) < 2 for w in words):
        return set()
    parts = [w.split("-") for w in words]
    found = {words[0][0] + words[-1][0], "".join(p[0] for w in parts for p in w)}
    if len(parts[0]) > 1:
        found.add("".join(p[0] for p in parts[0]))
    return {i.upper() for i in found if 2 <= len(i) <= 3}
