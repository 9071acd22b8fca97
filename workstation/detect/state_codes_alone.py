"""A state's postal code standing alone (issue 19): "FL DL M642...", "FL TAG QKV-T44", "NM PLT
BGNR41", "ST TX", "OLN GU 0938412", "legal to carry in TX", "Bloomington PD in MN",
"Gainesville PD (GA)". Annotators mark a state as a place, and a record names the state that
issued a licence or plate before it. Codes that are also everyday words, titles or
directions ("IN", "OR", "ME", "OK", "HI", "CO", "PA", "MD", "NE", "VA") are left alone unless a
licence word follows them ("HOPE ST IN MARQUETTE" is a street and a town); "ID" always."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex as re

from workstation.detect.gazetteer import state_codes, state_names
from workstation.detect.spans import RawSpan

# after "ID": a number, "#" or ":" that no Idaho ZIP code (832xx-838xx) explains makes it an
# identifier's label ("Gurpreet Sandhu, ID 21447"), not Idaho
_ID_NUMBER_AFTER = re.compile(r"[ \t]*(?:[#:]|(?i:no\.?|number)[ \t]|(?!83[2-8]\d\d\b)\d|[A-Z]{1,4}-?\d{2,})")


def id_label_not_idaho(text: str, code_end: int) -> bool:
    return text[code_end - 2:code_end] == "ID" and _ID_NUMBER_AFTER.match(text, code_end) is not None


_CODE = r"(?P<code>[A-Z]{2})"
# the state that issued what follows: a licence, tag, plate or registration ("AZ custom
# plate", "OR trailer plate", "MI OL S 452 118")
_ISSUED = re.compile(
    rf"(?<![\w'’/-]){_CODE}[ \t]+(?:DL|D/L|TAG|TAGS|PLT|PLATE|LIC|LP|REG|OLN|OL|ID#|DLN|CDL|EXEMPT|exempt"
    r"|(?:(?:custom|trailer|vanity|dealer|temp|temporary|paper|personalized|specialty)[ \t]+)?"
    r"(?:plates?|tags?|licen[cs]e|registration))(?![\w'’])")
# ... or after the plate it issued: "LIC RKD4419 / TX", "BJRS41 (NM)" (sure), "1A4471 CA"
_PLATE_BEFORE = r"(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,7}"
_AFTER_PLATE_MARKED = re.compile(rf"{_PLATE_BEFORE}(?:[ \t]*/[ \t]*|[ \t]*\(){_CODE}\)?(?![\w'’-])")
_AFTER_PLATE = re.compile(rf"{_PLATE_BEFORE}[ \t]+{_CODE}(?![\w'’-])")
# a record's state field, or the state of an operator's licence: "ST TX", "OLN GU 0938412", "State:
# NM", "LIS: TX"
_FIELD = re.compile(
    rf"(?<![\w'’/-])(?:ST|STATE|State|OLS|OLN|LIS|LIC[ \t]+ST|(?i:(?:lic(?:ense)?|plate|dl|tag)[ \t]+state))"
    rf"[ \t]*:?[ \t]+{_CODE}(?![\w'’-])")
# a state in prose, or in brackets after a town or an agency
_PROSE = re.compile(
    r"(?<![\w'’/-])(?:(?i:in|from|of|to|into|near|outside|across|around)[ \t]+"
    rf"(?:(?i:the[ \t]+state[ \t]+of)[ \t]+)?{_CODE}(?![\w'’-])(?![ \t]+\d)|\({_CODE}\))"
)
# ... or a state's code closing a clause after a comma: "Transport near miss, GA." (a state's
# only: "CPT, MP" is a military policeman)
_CLAUSE_END = re.compile(rf"(?<=,[ \t]+){_CODE}(?=[ \t]*(?:[.;\n]|$))")
# ... or in brackets after a town's or an agency's name, any code ("Lawton PD (OK)", "Aurora Police
# Department (CO)")
_BRACKETED_AFTER_NAME = re.compile(rf"(?<=(?:\b(?:PD|SO|SD|DPS)|\p{{Lu}}\p{{Ll}}+)[ \t]*\(){_CODE}(?=\))")
# ... or a message's list of states, three or more in a row parted by spaces ("TO: ALL AGENCIES MO
# AR OK KS"), each run taken if two of it are no everyday word ("ME OR IN" is a phrase; commas part
# initials as often: "CC: MT, DC, GA")
_LIST = re.compile(r"(?<![\w'’/.-])[A-Z]{2}(?:[ \t]+[A-Z]{2}){2,}(?![\w'’/.-])")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")
# ... or a state before the state's own number for a person ("IN/IN20048812", "KY/KY0144271")
_BEFORE_ITS_NUMBER = re.compile(rf"(?<![\w'’/.-]){_CODE}/(?=(?P=code)[A-Z]?\d{{4,}})")
# codes that are also lower-case words ("in", "or", "me", "ok", "id", "co", "la", "ma"): never taken in
# lower case
_LOWER_CASE_WORDS = frozenset("in or me hi oh ok id de co al la ma ne".split())
_AMBIGUOUS = frozenset("IN OR ME OK HI ID CO PA MD DE AL LA MA OH NE VA MS SD".split())
# Guam, the Virgin Islands, the Marianas (not Samoa's "AS", the word)
_TERRITORIES = frozenset("GU VI MP".split())


def state_codes_alone(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out = list(spans)
    found: list[tuple[int, int, bool]] = []
    for rx, strong in ((_ISSUED, True), (_FIELD, False), (_PROSE, False),
                       (_AFTER_PLATE_MARKED, True), (_AFTER_PLATE, False), (_CLAUSE_END, False),
                       (_BRACKETED_AFTER_NAME, True), (_BEFORE_ITS_NUMBER, True)):
        for m in rx.finditer(text):
            code = m.group("code")
            start, end = m.span("code")
            if rx is _CLAUSE_END and code in _TERRITORIES:
                continue
            found.append((start, end, strong or code not in _AMBIGUOUS))
    states = state_codes() | _TERRITORIES
    for m in _LIST.finditer(text):
        run: list[tuple[int, int]] = []
        for code in [*_TWO_CAPITALS.finditer(text, m.start(), m.end()), None]:
            if code is not None and code.group() in states:
                run.append(code.span())
                continue  # ("ALL PD MO KS AR": the states' run after a word that is none)
            if len(run) >= 3 and sum(text[a:b] not in _AMBIGUOUS for a, b in run) >= 2:
                found += [(a, b, True) for a, b in run]
            run = []
    out = _issuer_split_off(text, out, states)
    # (the state is looked for just before each plate or tag: a scan of the whole text for every
    # state's name cost more than the rest of this function)
    for document in _DOCUMENT_WORD.finditer(text):
        m = _issuer_in_any_case().search(text, max(0, document.start() - 24), document.start())
        if m is None:
            continue
        # a span of the state and its document word alone ("indiana plate" as an agency) is the state
        out = [s for s in out if (s.start, s.end) != (m.start(), document.end())]
        if not any(s.start < m.end("state") and m.start() < s.end for s in out):
            out.append(RawSpan(m.start(), m.end("state"), "LOCATION", 0.6, "StateCodeRecognizer"))
    for start, end, sure in found:
        code = text[start:end]
        if not sure or code not in states or code == "ID":
            continue
        same = [i for i, s in enumerate(out) if (s.start, s.end) == (start, end)]
        if same and out[same[0]].label in ("PERSON", "AGENCY"):
            # "Plate: BJRS41 (NM)": NER's guess of a name or an organisation is the state
            s = out[same[0]]
            out[same[0]] = RawSpan(start, end, "LOCATION", s.score, s.recognizer)
            continue
        if any(s.start < end and start < s.end for s in out):
            continue
        out.append(RawSpan(start, end, "LOCATION", 0.6, "StateCodeRecognizer"))
    out = [s for s in out if not (text[s.start:s.end] in states and _a_speakers_role(text, s.start))]
    return sorted(out, key=lambda s: (s.start, s.end))


# a speaker's role in brackets at a line's start, the code's letters no state: "Jonah (PA): officer u
# still there?", a production assistant ("Springfield (MO): deputies responded" is the state)
_SPEAKERS_ROLE = re.compile(r"(?m)^[ \t]*(\p{Lu}\p{Ll}+)[ \t]*\([A-Z]{2}\):")


def _a_speakers_role(text: str, code_start: int) -> bool:
    from workstation.detect.census import is_given_name
    from workstation.detect.gazetteer import known_place

    line_start = text.rfind("\n", 0, code_start) + 1
    m = _SPEAKERS_ROLE.match(text, line_start)
    return (m is not None and m.end() == code_start + 4 and is_given_name(m.group(1), wide=True)
            and not known_place(m.group(1)))


@lru_cache(maxsize=1)
def _issuer_in_any_case() -> re.Pattern[str]:
    """A state named, or its code typed in lower case, before the plate or tag it issued: "his
    buddy's car was ohio plate JKW 4471", "TEXAS TAG", "tx plate R448114", "ms tag COA 1187"."""
    names = "|".join(sorted(state_names(), key=len, reverse=True))
    codes = "|".join(sorted(c.lower() for c in state_codes() if c.lower() not in _LOWER_CASE_WORDS))
    return re.compile(rf"(?<![\w'’/-])(?P<state>(?i:{names})|{codes})[ \t]+$")


_DOCUMENT_WORD = re.compile(r"(?<![\w'’-])(?i:plates?|tags?)(?![\w'’-])")


_RECORD_NUMBER = re.compile(r"[ \t]*#?:?[ \t]*(?=[A-Z0-9])")


def _issuer_split_off(text: str, spans: list[RawSpan], states: frozenset[str]) -> list[RawSpan]:
    """"MN OL K 118 220 447 901" found as one number (or a phone): the issuing state is a
    place and what follows its record word the licence, an identifier."""
    out: list[RawSpan] = []
    for s in spans:
        m = _ISSUED.match(text, s.start) if s.label in ("ID", "CONTACT") else None
        rest = _RECORD_NUMBER.match(text, m.end()) if m is not None and m.end() < s.end else None
        if m is None or rest is None or m.group("code") not in states or m.group("code") == "ID":
            out.append(s)
            continue
        out += [RawSpan(m.start("code"), m.end("code"), "LOCATION", s.score, s.recognizer),
                RawSpan(rest.end(), s.end, "ID", s.score, s.recognizer)]
    return out
