"""Call signs as the speakers of radio logs and transcripts (issue 19): in
"01:12:40 K-12: in the water" or "1027 SR 471: copy" the speaker with a number is a unit's
call sign, an ID, whatever its words look like (a road, a town, a rank). Every other
mention of that call sign in the same text is the same ID ("Copy, Lahaina 3.")."""

from __future__ import annotations

import regex as re

from workstation.detect.spans import LOG_TIME_STAMP, RawSpan

# what may come before the speaker on its line: a time stamp and a rank
_LINE_LEAD = re.compile(
    rf"(?:^|\n)[ \t]*(?:{LOG_TIME_STAMP}[ \t]+|\d{{4}}[ \t]+)?"
    r"(?:(?i:sgt|lt|cpl|ofc|dep|tpr|capt|officer|deputy|trooper|sergeant)\.?[ \t]+)?$"
)
_SPEAKER_END = re.compile(r"[ \t]*:(?!\d)")
_CALL_SIGN = re.compile(
    r"\p{L}{1,12}(?:[ \t-]+\p{L}{1,12})?[ \t-]*\d{1,4}[A-Za-z]?|\d{1,2}[A-Za-z]\d{1,3}"
)
_NAMED = ("PERSON", "AGENCY", "LOCATION", "ID")
_MEASURE_AFTER = r"[ \t]*(?i:hrs|hours|miles?|mi|feet|ft|yards|lbs|pounds|minutes|mins|mph|rounds)\b"
_SIGN_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?$")


def is_speaker(text: str, span: RawSpan) -> bool:
    """The span is all of a log line's speaker, and a call sign's shape."""
    fragment = text[span.start:span.end]
    return (span.label in _NAMED and _CALL_SIGN.fullmatch(fragment) is not None
            and _SPEAKER_END.match(text, span.end) is not None
            and _LINE_LEAD.search(text, max(0, span.start - 40), span.start) is not None)


def speakers_are_call_signs(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Speakers that are call signs become IDs, and so does every other mention of them,
    their number alone included ("1024 SR 471: ..." then "Disp: 471, returns to ...")."""
    signs = {text[s.start:s.end] for s in spans if is_speaker(text, s)}
    if not signs:
        return spans
    out = [RawSpan(s.start, s.end, "ID", s.score, s.recognizer)
           if s.label in _NAMED and text[s.start:s.end] in signs else s for s in spans]
    numbers = {m.group() for sign in signs if (m := _SIGN_NUMBER.search(sign)) and len(m.group()) >= 3}
    for number in numbers:
        for m in re.finditer(rf"(?<![\w.:/#-]){re.escape(number)}(?![\w.:/-]|{_MEASURE_AFTER})", text):
            if not any(s.start < m.end() and m.start() < s.end for s in out):
                out.append(RawSpan(m.start(), m.end(), "ID", 0.7, "LogSpeakers"))
    return sorted(out, key=lambda s: (s.start, s.end))
