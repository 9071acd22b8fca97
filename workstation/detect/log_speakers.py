"""Call signs as the speakers of radio logs and transcripts (issue 19): in
"01:12:40 K-12: in the water" or "1027 SR 471: copy" the speaker with a number is a unit's
call sign, an ID, whatever its words look like (a road, a town, a rank). Every other
mention of that call sign in the same text is the same ID ("Copy, Lahaina 3."). A radio
transcript's speakers written as codes ("TF-4: I've got the eye") are call signs too, and a
unit that answers with the last digits of its own call sign ("4S12: 12 copies", "62B7: 7,
I'm in the complex") names itself."""

from __future__ import annotations

import regex as re

from workstation.detect.allow_list import allowed_regions, inside, is_generic
from workstation.detect.gazetteer import places
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


# a speaker that is a code: letters and a number, or digits around a letter ("TF-4", "4S12")
# (or two numbers joined, as Detroit's scout cars talk: "8-3: Radio, eight-three")
_CODE_SPEAKER = re.compile(r"(?m)^[ \t]*(?:\[?[\d:]{4,8}\]?[ \t]+)?(?P<sign>\p{Lu}{1,4}-?\d{1,4}[A-Z]?|"
                           r"\d{1,3}[A-Z]{1,2}\d{1,3}|[1-9]\d?-\d{1,3}[A-Z]?)[ \t]*:[ \t]+(?P<talk>\S)")
_SELF_NUMBER = re.compile(r"(?P<number>\d{1,4})(?=,|[ \t]+(?i:copies|copy|coming|en[ \t]?route|enroute|is|"
                          r"on|at|clear|out|with|here|responding|arriving|arrived|go|going|has|had|"
                          r"will|I['’]m|I)\b)")


# a timed log's speaker by a word and a number, its holder in brackets perhaps: "2038  Sheriff 1 (Sgt.
# Wade Cotter): copy", "2031  Med Cart 2: at the fence" (not a transcript's "Witness 2:")
_WORD_SPEAKER = re.compile(r"(?m)^[ \t]*\[?[\d:]{4,8}\]?[ \t]+"
                           r"(?P<sign>(?P<word>\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?)[ \t]\d{1,3})"
                           r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:[ \t]+\S")
_NOT_CALL_SIGN_WORDS = frozenset("""witness caller speaker juror subject suspect victim male female person
    inmate patient officer deputy trooper agent detective sergeant step item page line question
    exhibit day week slide part""".split())


def radio_call_signs(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Code speakers (two lines or more) and the numbers they call themselves by are IDs."""
    spans = _word_call_signs(text, spans)
    speakers = [m for m in _CODE_SPEAKER.finditer(text) if not m.group("sign").startswith("Q")]
    if len(speakers) < 2:
        return spans
    allowed = allowed_regions(text)  # only now: it costs more than the rest (benchmarks/)
    speakers = [m for m in speakers if not inside(allowed, m.start("sign"), m.end("sign"))]  # "S1:", "V2:"
    if len(speakers) < 2:
        return spans
    out = list(spans)

    def add(start: int, end: int, score: float) -> None:
        nonlocal out
        out = [s for s in out if not (s.start < end and start < s.end and s.label != "ID"
                                      and start <= s.start and s.end <= end)]
        if not any(s.start < end and start < s.end for s in out):
            out.append(RawSpan(start, end, "ID", score, "LogSpeakers"))

    signs = set()
    for m in speakers:
        signs.add(m.group("sign"))
        add(m.start("sign"), m.end("sign"), 0.8)
        number = _SELF_NUMBER.match(text, m.start("talk"))
        digits = re.search(r"\d+$", m.group("sign"))
        if number is not None and digits is not None and digits.group().endswith(number.group("number")):
            add(number.start(), number.end(), 0.7)
    for sign in signs:
        for m in re.finditer(rf"(?<![\w-]){re.escape(sign)}(?![\w-])", text):
            add(m.start(), m.end(), 0.8)
    return sorted(out, key=lambda s: (s.start, s.end))


# "T-21 (QUINATA)", "Unit 14 (Okafor)", "K9-2 (MANIBUSAN/"BRUNO")": the officer, and the dog,
# in brackets after a unit's call sign
_CREW = re.compile(r"[ \t]*\((?P<who>\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){0,2})"
                   r"(?:[ \t]*/[ \t]*[\"“]?(?P<dog>\p{Lu}[\p{L}'’-]+)[\"”]?)?\)")
# a call sign: a word or letters and a short number ("T-21", "Unit 14", "4A12", "K9-2")
_CALL_SIGN_SHAPE = re.compile(r"(?:\p{L}{1,8}[ \t-]?)?\d{1,3}[A-Z]?(?:-\d{1,2})?|\d{1,2}[A-Z]{1,2}\d{1,3}")
_NAMED_VEHICLE = re.compile(r"(?i:train|bus|run|flight|ferry|vessel|boat)\b")


def crews_after_call_signs(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """The names in brackets after a call sign are people (a K9's after a slash too)."""
    if "(" not in text:
        return spans
    out = list(spans)
    for sign in [s for s in spans if s.label == "ID" and _CALL_SIGN_SHAPE.fullmatch(text, s.start, s.end)]:
        m = _CREW.match(text, sign.end)
        if m is not None and _NAMED_VEHICLE.match(text, sign.start):
            # "train 516 (Cascades)": the train's name, a place as named trains are
            start, end = m.span("who")
            out = [RawSpan(s.start, s.end, "LOCATION", s.score, s.recognizer)
                   if s.label == "PERSON" and (s.start, s.end) == (start, end) else s for s in out]
            continue
        if m is None:
            continue
        for group in ("who", "dog"):
            start, end = m.span(group)
            if start < 0 or is_generic(text[start:end]) or places().get(text[start:end].lower()) == "state":
                continue  # "(Texas)" after a plate: the state that issued it
            inner = [s for s in out if s.start < end and start < s.end]
            if not inner:
                out.append(RawSpan(start, end, "PERSON", 0.7, "LogSpeakers"))
            elif (len(inner) == 1 and (inner[0].start, inner[0].end) == (start, end)
                  and inner[0].label in ("LOCATION", "AGENCY") and " " not in (who := text[start:end])
                  and who.lower() not in places()):
                # "TP 9 (Grzelak)": the surname a model took for a place is the crew's ("Engine 5
                # (Aurora)" a town's engine)
                out = [RawSpan(s.start, s.end, "PERSON", s.score, s.recognizer) if s is inner[0] else s
                       for s in out]
    return sorted(out, key=lambda s: (s.start, s.end))


def _word_call_signs(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Speakers of a timed log by a word and a number (two lines or more) are call signs, and so
    is their word with any other number: "Sheriff 1 (Sgt. Cotter): copy, Sheriff 3 and Sheriff 4"."""
    speakers = [m for m in _WORD_SPEAKER.finditer(text)
                if not any(w.lower() in _NOT_CALL_SIGN_WORDS for w in m.group("word").split())]
    if len(speakers) < 2:
        return spans
    out = list(spans)
    for word in {m.group("word") for m in speakers}:
        mention = rf"(?<![\w-]){re.escape(word)}[ \t]\d{{1,3}}(?![\w/-]|[.:]\d|{_MEASURE_AFTER})"
        for m in re.finditer(mention, text):
            if any(s.start < m.end() and m.start() < s.end and not (
                    m.start() <= s.start and s.end <= m.end()) for s in out):
                continue  # a longer span over it stays
            out = [s for s in out if not (m.start() <= s.start and s.end <= m.end())]
            out.append(RawSpan(m.start(), m.end(), "ID", 0.75, "LogSpeakers"))
    return sorted(out, key=lambda s: (s.start, s.end))
