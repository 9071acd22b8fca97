"""A found span never runs over the end of a sentence or a line (issue 19): patterns that extend a
place or an agency over following capitalised words, and NER in capitals, join what two
sentences name ("NY HKL-4420. Ulster County Sheriff", "Naples, ID. Boundary County
Sheriff's Office"). Each sentence's part is kept on its own, with the label its words
call for; a part that is one ordinary word ("Store", "Mr") is dropped."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.gazetteer import state_codes
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import _AGENCY_WORDS, RawSpan

# A period, then white space, then a capital or digit: a sentence end, unless the word
# before the period is an abbreviation that takes a name after it ("St. Louis", "Lt. Vang").
_STOP = re.compile(r"(?<=([\w'’-]+))\.[ \t]+(?=[\p{Lu}\d])")
_ABBREVIATIONS = frozenset(
    """st ste mt ft lt sgt dr mr mrs ms jr sr co inc ltd corp no ofc dep det cpl capt tpr gen col maj
    pct apt blvd ave rd ln hwy pkwy jct rte rt cir ct pl sq ter hts twp n s e w ne nw se sw u.s us
    dept div bldg fl rm p.o po mi approx vs etc ph d.c dc jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue tues wed thu thur thurs fri sat sun ul u str al av avda""".split()
)
# a line's end: a signature's name above its title ("Rania Haddad\nCourt Security Manager")
# (an address over several lines has numbers in it, and stays one place)
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_NUMBERED = re.compile(r"\d")
_WORD = re.compile(r"[\w'’]+")
_SHORT_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?")


def split_at_sentences(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for span in spans:
        if span.label in ("DATE", "CONTACT"):
            out.append(span)
            continue
        stops = [m.span() for m in _STOP.finditer(text, span.start, span.end) if _ends_sentence(text, m)]
        breaks = [] if _NUMBERED.search(text, span.start, span.end) else [
            m.span() for m in _LINE_BREAK.finditer(text, span.start, span.end)]
        cuts = sorted(stops + breaks)
        if not cuts:
            out.append(span)
            continue
        start = span.start
        for cut in [*cuts, None]:
            end = cut[0] if cut is not None else span.end
            part = _part(lexicon, text, span, start, end) if end > start else None
            if part is not None:
                out.append(part)
            if cut is not None:
                start = max(start, cut[1])
    return out


def _ends_sentence(text: str, m: re.Match) -> bool:
    word = m.group(1) or ""
    at = m.start() - len(word)
    if word in state_codes() and text[max(0, at - 2):at].startswith(","):
        return True  # "Cutbank, MT. Glacier County": a state after its town ("Mt." is a mountain)
    before = word.lower()
    if before in _ABBREVIATIONS or len(before) == 1:
        return False  # "St. Louis", "J. Marsh"
    return not (len(before) <= 4 and before.isalpha() and text[m.start() - len(before):m.start()].isupper()
                and before.upper() not in state_codes())  # "U.S.A. Today"-like acronyms


def _part(lexicon: Lexicon, text: str, span: RawSpan, start: int, end: int) -> RawSpan | None:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "'’":
        end -= 1
    words = _WORD.findall(text[start:end])
    if not words or (len(words) == 1 and (len(words[0]) < 3 or lexicon.is_common(words[0]))):
        return None
    return RawSpan(start, end, _label(text[start:end], words, span.label), span.score, span.recognizer)


def _label(fragment: str, words: list[str], label: str) -> str:
    if _SHORT_DATE.fullmatch(fragment):
        return "DATE"  # "... University. 10/04 2310": the log's date
    low = [w.lower() for w in words]
    if low[-1] in _AGENCY_WORDS or (
            len(low) > 1 and low[-2] in _AGENCY_WORDS and low[-1] in ("office", "dept")):
        return "AGENCY"
    if label == "AGENCY" and re.search(r",[ \t]*\p{Lu}{2}$", fragment) and words[-1] in state_codes():
        return "LOCATION"  # "Naples, ID"
    if label == "AGENCY" and not any(w in _AGENCY_WORDS for w in low):
        return "LOCATION" if not any(c.isdigit() for c in fragment) else "ID"
    return label
