"""Span cleaning: trimming recognizer output to the identifier itself, cutting allow-listed
phrases, merging overlaps, and choosing which sentences go through NER."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex as re

from workstation.detect.allow_list import GENERIC_WORDS
from workstation.detect.lexicon import DICTATED_PUNCTUATION, Lexicon
from workstation.detect.vocab import (
    KIN_AND_ROLES,
    LEAD_DROP,
    MAKES_AS_NAMES,
    MULTIWORD_ROLES,
    NUMBER_WORDS,
    RANK_TITLES,
    REPORT_SHORTHAND,
    TITLES_AS_NAMES,
    WHERE_WORDS,
)

WORD = re.compile(r"[\w'’]+")
_STREET_NEXT = re.compile(r"[ \t]+(?i:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|"
                          r"pl|place|ct|court|ter|terrace|pkwy|parkway|hwy|highway)\b\.?")
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_FIELD_TAGS = frozenset("LOC ADDR DISP NARR".split())  # "LOC LAKE MEAD BLVD": a CAD line's field
RANK_WORDS = frozenset(w for t in RANK_TITLES for w in t.split()) | {
    "officers", "deputies", "sergeants", "troopers", "detectives", "agents", "partner",
}


def names_a_title(recognizer: str, fragment: str) -> bool:
    """A rank word the title recognizer found as the person's name ("Officer Major"; it
    returns a rank word only then): kept, although ranks are allow-listed."""
    # ... or a name by its shape: a K9's ('K9: "Major"'), a nickname in quotes
    # ... or the same word found again by the report's memory where it is used as a name
    # ... or a vehicle's make after a rank: "Officer Ford", "Deputy Dodge"
    word = fragment.lower().rstrip(".")
    return (recognizer.startswith(("TitledNameRecognizer", "NameShapeRecognizer")) and (
        word in TITLES_AS_NAMES)) or recognizer == "ReportMemory:rank_as_name" or (
        recognizer.startswith("TitledNameRecognizer") and word in MAKES_AS_NAMES)


_SENTENCE_END = re.compile(
    r"(?<!\b(?:Ave|Blvd|Rd|Dept|Hwy|Apt|Ste|Pkwy|Ln|Dr|St|Mt|Ft|Jr|Sr|Co|Inc|Corp|Bros|Ltd|Mr|Mrs|Ms|"
    r"Sgt|Lt|Det|Ofc|Dep|Cpl|Capt|Tpr|Insp|Cmdr|Twp|Univ|ul|al|str|rkp|pl|os|nr|no|bldg|Bros|vs|"
    r"approx|est|dept|div|ext))(?<=[a-z]{2})[.!?][\"”’)]*\s+(?=[A-Z])|[，。！？；：、]\s*"  # (and CJK's)
)
_CAPS_SENTENCE_END = re.compile(
    r"(?<!\b(?:AVE|BLVD|HWY|DEPT|BROS|INC|CORP|CAPT|CMDR|SGT|DET|OFC|DEP|CPL|TPR|INSP|UNIV|EST|APPROX|DIV|"
    r"EXT|TWP|PKWY|APTS|NATL|INTL|MT|ST|DR|JR|SR|FT|CO|NO|VS|RD|LN|MR|MRS|MS|LT|GEN|GOV|CT|PL|CIR|TER|"
    r"APT|STE|BLDG|FL))(?<=\b[A-Z]{3,})\.[ \t]+(?=[A-Z]{2})"
)
# words a letter designates ("Route B", "Gate A", "Pod W"): the letter is no descriptor
_DESIGNATED = frozenset(
    """route rte rt hwy highway exit lane gate unit pod building bldg concourse terminal platform
    tier wing apt suite ste lot block section zone sector area dock pier berth level floor""".split()
)
# "B/M", "W/F 34", "M/B/34", "B/M 40S": race and sex (and an age) after a name, no part of it
_RACE_SEX_TAIL = re.compile(
    r"[ \t]+(?:[BWHAIbwhai]/[MFmf](?:/\d{1,2})?|[MFmf]/[BWHAIbwhai](?:/\d{1,2})?|[BWHA])"
    r"(?:[ \t]+\d{1,2}(?:[sS]|[ \t]*(?:yoa|yo|YOA|YO))?)?$"
)
# The gap between a form's columns ("NGUYEN, THI HOA  2230 Curry Ford Rd", "Sgt. W. Nakamura
# Reviewed 03/04/2024"): a tab, or two spaces not after a full stop (old typing puts two after
# one) and not before the ZIP code of "Springfield, IL  62704", after a word (a line's indent is
# none); never inside one identifier.
# (and an export's quoted fields, '"Oyelaran, Kemi",5530', an NCIC line's ".DOB/", a table's " | ")
COLUMN_GAP = re.compile(r"(?<=\S)(?:\t|(?<![.,:;]) {2}(?! ?\d{5}\b)| {3,}|\"[,:]|,\"|\.(?=[A-Z]{3}/)"
                        r"| \|(?= ))")
_ABBREVIATION_END = re.compile(r"(?i:\b(?:Ave|Blvd|Rd|Hwy|Pkwy|Ln|Dr|St))\.\s+(?=[A-Z])")
_PUNCT_EDGE = " \t\n,;:!?\"“”()[]{}–—/"


@dataclass(frozen=True)
class RawSpan:
    start: int
    end: int
    label: str
    score: float
    recognizer: str


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|\n+|$)")
_FIRST_WORD = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’][A-Za-z]+)?")
_MID_CAPITAL = re.compile(r"(?<=[\w,;:'’\"“”)(-]\s{1,3}|[\"“(])(?!I\b|I['’])[A-Z]")


def ner_chunks(
    text: str, changed_only: str | None = None, lexicon: Lexicon | None = None
) -> list[tuple[int, int]]:
    """Stretches of text worth running NER on: sentences with a capital after their first
    word (the model finds almost nothing else; lower-case and ALL-CAPS passages are
    recased first). Neighbouring sentences are joined so the model keeps some context.
    With changed_only, only sentences that differ from that (recased) copy count."""
    chunks: list[list[int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        sentence = m.group()
        if not sentence.strip():
            continue
        if changed_only is not None:
            keep = changed_only[start:end] != sentence
        else:
            keep = _MID_CAPITAL.search(sentence) is not None
            if not keep and lexicon is not None:
                first = _FIRST_WORD.search(sentence)
                keep = first is not None and not lexicon.is_common(first.group())
        if not keep:
            continue
        if chunks and start - chunks[-1][1] <= 1:
            chunks[-1][1] = end
        else:
            chunks.append([start, end])
    return [(a, b) for a, b in chunks]


def doc_with_entities(nlp, text: str, ents: list[tuple[int, int, str]]):
    from spacy.util import filter_spans

    doc = nlp.make_doc(text)
    spans = []
    for start, end, label in ents:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc

_TIME_TAIL = re.compile(
    r"[ \t]+(?:last|this|yesterday|today|tonight|earlier)(?:[ \t]+(?:night|morning|evening|week|weekend|"
    r"afternoon|shift|month|year))?$"
)
# A log's time stamp, "21:14:05" or "[00:00:14]" (log_speakers and the CAD unit rule use it too)
CLOCK_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?"
LOG_TIME_STAMP = rf"\[?{CLOCK_STAMP}\]?"
_TIME_STAMP_LEAD = re.compile(rf"{LOG_TIME_STAMP}[ \t]+")


# a form's field before a name: "Signed: ", "Witness: " (not a transcript's "Q: ")
_FIELD_JUST_BEFORE = re.compile(r"(?<![\w'’])\p{L}{3,}:[ \t]*$")
_RANK_JUST_BEFORE = re.compile(r"(?<![\w'’])(?i:" + "|".join(sorted(
    (t for t in RANK_TITLES if " " not in t and len(t) > 1), key=len, reverse=True)) + r")\.?[ \t]+$")


# a role of several words ("justice of the peace"), whose last word may start a span NER found
_ROLE_PHRASE_END = re.compile(rf"(?i:\b(?:{'|'.join(MULTIWORD_ROLES)}))$")
_BRACKET_JUST_BEFORE = re.compile(r"[(\[][ \t]*$")
_TITLE_WORD_NEXT = re.compile(r"[ \t]+\p{Lu}\p{Ll}")


def trim(lexicon: Lexicon, text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Drop edge punctuation, leading function words and (for people) ranks and titles;
    a span never runs over a sentence end (the part after it is kept: names end in
    their head word, "... Lindgren. Cook County Sheriff's Office")."""
    for cut in _SENTENCE_END.finditer(text, start, end):
        start = cut.end()
    if label != "PERSON":
        for cut in _CAPS_SENTENCE_END.finditer(text, start, end):
            start = cut.end()  # "INDEPENDENCE FIRE. COOK COUNTY": two sentences in capitals
    for cut in _ABBREVIATION_END.finditer(text, start, end):
        nxt = WORD.match(text, cut.end())
        if nxt and lexicon.is_common(nxt.group()) and not lexicon.is_name(nxt.group()):
            start = cut.end()  # "4TH ST. SUSPECT DESHAWN": "St." ended the sentence
    stamp = _TIME_STAMP_LEAD.match(text, start, end)
    if stamp is not None and label in ("PERSON", "AGENCY", "LOCATION"):
        start = stamp.end()  # "01:16:41 Narr": a log's time stamp is no part of a name
    gap = COLUMN_GAP.search(text, start, end)
    if gap is not None and label == "PERSON":
        end = gap.start()  # "R. Castellanos   Badge: S-114": a form's next column
    while start < end and text[start] in _PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE + ".-":
        if text[end - 1] == "." and keeps_period(text, start, end):
            break
        end -= 1
    while start < end:
        m = WORD.match(text, start)
        if m is None or m.end() > end:
            break
        low = m.group().lower().rstrip("'’")
        if (label == "ID" or len(m.group()) == 1) and text.startswith("-", m.end()):
            break  # "A-551902", "A-L-V-A-R-E-Z": the letter is part of the number or name
        if label == "CONTACT":
            break  # "a.frimpong@...": an e-mail's first letter is no article
        if label == "PERSON" and m.group().isupper() and len(m.group()) == 1 and text.startswith(
                ".", m.end()) and (_RANK_JUST_BEFORE.search(text, max(0, start - 16), start)
                                   or _FIELD_JUST_BEFORE.search(text, max(0, start - 16), start)
                                   or _BRACKET_JUST_BEFORE.search(text, max(0, start - 4), start)):
            break  # "Deputy A. Mungo", "Signed: A. Warsame", "(A. Whitcomb)": an initial after a rank,
            # a field's label or a bracket, no article (nor "A." of a transcript)
        if m.group() == "US" and _TITLE_WORD_NEXT.match(text, m.end()):
            break  # "US Bank Stadium", "US Foods": the country's letters in a name, no "us"
        role = _ROLE_PHRASE_END.search(text, max(0, m.end() - 24), m.end())
        if role is not None and role.start() < start and m.end() < end:
            start = m.end() + 1  # "Justice of the Peace Harriet Iwu": the role's last word is no name's
            continue
        nxt = WORD.match(text, m.end() + 1) if low in ("el", "la") else None
        drop = (low in LEAD_DROP and not text.startswith("&", m.end())) or (  # ("AT&T": a name)
            label == "LOCATION" and m.group() in _FIELD_TAGS) or (
            label == "PERSON" and (
            # "El Sargento Ramiro Quiñones": the article of a rank
            (nxt is not None and nxt.group().lower() in RANK_WORDS) or
            low in RANK_WORDS or low in GENERIC_WORDS or low in REPORT_SHORTHAND or low in KIN_AND_ROLES)
            and not (low in _ORDINALS and _STREET_NEXT.match(text, m.end())))  # "First Ave": a street
        if not drop or m.end() == end:
            break
        start = m.end()
        while start < end and (text[start] in _PUNCT_EDGE or text[start] == "."):
            start += 1
    if label == "PERSON":
        m = _RACE_SEX_TAIL.search(text, start, end)
        before = WORD.findall(text, start, m.start()) if m is not None else []
        if m is not None and before and ("/" in m.group() or (
                text[start:end].isupper() and before[-1].lower() not in _DESIGNATED)):
            end = m.start()  # "TREMAINE OSGOOD B/M", "KAIPO NAKAMURA W": a descriptor
    # a time phrase after a name: "28th St last night", "Mercy this morning"
    tail = _TIME_TAIL.search(text, start, end)
    if tail is not None and label in ("PERSON", "AGENCY", "LOCATION") and tail.start() > start:
        end = tail.start()
    # trailing function words: "Olive and I", "Good Samaritan Regional on"
    while start < end:
        last = None
        for last in WORD.finditer(text, start, end):  # noqa: B007
            pass
        if last is None or last.start() == start or last.end() != end:
            break
        if not text[last.start() - 1].isspace():
            break  # "teleworm.us", "site.be": a domain's last part, not a word
        w = last.group()
        if len(w) == 1 and _SPELLED_BEFORE.search(text, start, last.start()):
            break  # "f b i": the last of the letters read one by one
        spoken = w.lower() in DICTATED_PUNCTUATION  # "officer wells comma", "unit two baker nine comma"
        alias = label == "PERSON" and w.lower() in ("aka", "alias")  # "Ramon Ortiz AKA": the alias follows
        if not ((w.islower() and lexicon.is_stop(w)) or w in ("I", "My", "The") or spoken or alias):
            break
        if label == "AGENCY" and (w.lower() in ("so", "da") or (w == "I" and _LETTERED_PART.search(
                text, start, last.start()))):
            break  # "polk co so": the sheriff's office, not the word "so"; "Troop I", "Company I"
        if not spoken and (label in ("ID", "CONTACT") or (
                label in ("LOCATION", "DATE") and (w.lower() in NUMBER_WORDS or w.lower() in _ORDINALS))):
            break  # "two david twelve", "highway ninety five", a phone read aloud, "december thirty
            # first": number words are stop words too
        end = last.start()
        while end > start and text[end - 1] in " \t\n,;:&":
            end -= 1
    if end <= start:
        return None
    return start, end


# a given name of two joined syllables: "Ji-woo", "Hyun-woo", "Wen-li"
_LETTERED_PART = re.compile(r"\b(?i:troop|company|zone|sector|area|post|district)[ \t]+$")
JOINED_GIVEN = r"(?<![\w'’-])[A-Z][a-z]{0,3}-[a-z]{2,4}"
_SPELLED_BEFORE = re.compile(r"(?:^|[ \t])[A-Za-z][ \t]+$")

_FIELD_SEPARATOR = re.compile(
    # "AGENCY=SPRINGDALE PD|RPT=25-0031877": an export's fields, their keys left out
    r"(?<=\S)(?:\t|(?<![.,:;]) {2}(?! ?\d{5}\b)| {3,})[ \t]*|\"[,:]\"?|,\"|\.(?=[A-Z]{3}/)|"
    r"[ \t]*\|[ \t]*(?:[A-Z][A-Z_]{0,11}=)?|[ \t]+/[ \t]+|"
    r"[ \t]*;[ \t]*|[ \t]*\n\s*|[ \t]+[-–—][ \t]+|[ \t]+(?:of|from|with)[ \t]+the[ \t]+|"
    # "Club Voodoo on Bourbon St.", "QUIKTRIP AT 9100 E 71ST ST": a business, then its street
    r"[ \t]+(?:on|ON)[ \t]+(?=[A-Z0-9])|[ \t]+(?:at|AT)[ \t]+(?=\d)|"
    # "Car 440 near Towne East Square", "Sunset past Gower": two things and where they were
    rf"[ \t]+(?:{'|'.join(WHERE_WORDS)})[ \t]+(?=[A-Z0-9])|"
    # "1602 HOPE ST IN MARQUETTE": the street, then its town
    r"(?<=\b(?i:st|street|ave|avenue|rd|road|blvd|dr|drive|ln|lane|hwy|highway|ct|court|pkwy|trl|trail))"
    r"[ \t]+(?:in|IN)[ \t]+(?=[A-Z])|"
    r"(?<=\w\w)\.[ \t]+(?=\d)|"
    # a sentence end in capitals ("COLFAX. 0325", "HRS. BROWNSVILLE PD"), not "ST. MARY'S"
    r"(?<!\b(?i:ave|blvd|hwy|dept|bros|inc|corp|capt|cmdr|sgt|det|ofc|dep|cpl|tpr|insp|univ|est|"
    r"approx|div|ext|twp|pkwy|apts|natl|intl|mt|st|dr|jr|sr|ft|co|no|vs|rd|ln|mr|mrs|ms|lt|gen|gov))"
    r"(?<=[A-Za-z]{2})\.[ \t]+(?=[A-Z0-9])"
)


_AGENCY_HEAD = re.compile(r"(?i:\b(?:police|sheriff'?s?|department|dept|office|patrol|pd|so|troopers?|"
                          r"marshals?|bureau|agency|service|division|commission)\b)")


_FIELD_LABEL_AFTER = re.compile(r"[A-Za-z][\w/#.-]*(?:[ \t][A-Za-z][\w/#.-]*){0,2}[ \t]*[#]?:")


def split_fields(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span between field separators (" / ", " | ", ";", a line break) and
    around " of the " ("Priya Venkataraman of the Edison Police Department": a person and
    an agency)."""
    out, at = [], start
    for m in _FIELD_SEPARATOR.finditer(text, start, end):
        if _FIELD_LABEL_AFTER.match(text, m.end()) and COLUMN_GAP.match(text, m.start()):
            if m.start() > at:
                out.append((at, m.start()))
            return out  # "TUCSON    XST: E ELVIRA RD": the next column's label, then its value
        if m.group().strip().startswith(("of", "from", "with")) and not (
            _AGENCY_HEAD.search(text, m.end(), end) and not _AGENCY_HEAD.search(text, at, m.start())
        ):
            continue  # "Lake of the Ozarks": one name
        if m.start() > at:
            out.append((at, m.start()))
        at = m.end()
    if at < end:
        out.append((at, end))
    return out


_PHONE_TAIL = re.compile(r"[ \t(]*\d{3}[)\s.-]*\d{3}[\s.-]\d{4}$")
_CODE_GOES_ON = re.compile(r"-[A-Za-z0-9-]*[A-Za-z]")  # "-TKV", not a postcode's "-114"
# ... and so does a code of letters and digits ("Kentucky 4KT-338", "GA RHT4471")
_CODE_TAIL = re.compile(
    r"(?<=\p{L}[ \t,]*)[ \t]+(?=[A-Z0-9-]{5,}$)"
    r"(?:[A-Z0-9-]*[A-Z][A-Z0-9-]*\d|[A-Z0-9-]*\d[A-Z0-9-]*[A-Z])[A-Z0-9-]*$"
)


def ner_words(
    lexicon: Lexicon, text: str, start: int, end: int, strict: bool, recased: str | None = None
) -> tuple[int, int] | None:
    """Drop an NER span made only of ordinary words ("Prisoner", "uncuff"); with strict,
    also trim ordinary words off its edges ("GRABBED MY BELT", "CALVIN ODUYA DOB")."""
    words = list(WORD.finditer(text, start, end))

    def ordinary(m) -> bool:
        w = m.group()
        if recased is not None and w.islower() and recased[m.start()].isupper() and not sentence_initial(
                text, m.start()):
            return False  # the recaser gave it a capital from its context ("in liberty mo")
        if not strict and w[:1].isupper() and not w.isupper() and not sentence_initial(text, m.start()):
            return False  # capitalised mid-sentence in normally typed text: a name
        designator = text[m.end():m.end() + 1] == "-"  # "T-14": a unit designator, kept
        if w.isdigit() or (len(w) == 1 and not designator) or w.lower() in REPORT_SHORTHAND:
            return True  # "APPROX 0315 HRS R/O": times and shorthand are not names
        return (lexicon.is_common(w) or lexicon.is_stop(w)) and not lexicon.is_name(w) and not any(
            c.isdigit() for c in w
        )

    if not words or all(ordinary(m) for m in words):
        return None
    # a phone number at the end belongs to the phone pattern ("OLSON 701-555-0166")
    tail = _PHONE_TAIL.search(text, start, end) or _CODE_TAIL.search(text, start, end)
    if tail is None and len(words) > 1 and any(c.isdigit() for c in words[-1].group()) and (
            _CODE_GOES_ON.match(text, end)):
        tail = words[-1]  # "Nevada 448" of "Nevada 448-TKV": NER stopped inside a code
    if tail is not None:
        end = tail.start()
        while end > start and text[end - 1] in " \t,":
            end -= 1
        words = [m for m in words if m.end() <= end]
        if not words:
            return None
    if recased is not None:
        # a recased copy: the words the recaser left in lower case are ordinary; they do
        # not end a name ("Kissimmee ref", "Escobedo struck")
        def lowered(m) -> bool:
            low = m.group().lower()
            if low in _PLACE_HEADS or low in _AGENCY_WORDS:
                return False  # "Lake Tohopekaliga marsh", "Lacey fire"
            return recased[m.start()].islower() or low in REPORT_SHORTHAND

        while words and lowered(words[-1]):
            words.pop()
        while words and (words[0].group().isdigit() or lowered(words[0])) and len(words) > 1 and (
                not words[1].group().isdigit() or lexicon.is_stop(words[0].group())):
            words.pop(0)  # "BIN AT 3180 32ND AVE S": the ordinary words before it (not a house number)
        if not words:
            return None
        return words[0].start(), words[-1].end()
    if not strict:
        # normally typed text: lower-case everyday words at the edges are not the name NER
        # reached for ("tail N911AZ", "el día de los muertos"), except name particles and
        # the heads of places and agencies ("van Dyke", "Elm street")
        def loose(m, edge_only: bool = False) -> bool:
            low = m.group()
            return low.islower() and low.isalpha() and low not in _NAME_PARTICLES and (
                low not in _PLACE_HEADS) and low not in _AGENCY_WORDS and (edge_only or ordinary(m))

        # a lower-case word first is never the start of a name ("placa 50217", "tail N47TK")
        while len(words) > 1 and (loose(words[0], edge_only=True) or (
                words[0].group().lower() in KIN_AND_ROLES)) and not all(
                w.group().islower() for w in words[1:]):
            words.pop(0)
            start = words[0].start()
        while len(words) > 1 and loose(words[-1]):
            words.pop()
            end = words[-1].end()
        if all(loose(m) for m in words):
            return None  # "tail" left of "tail N911AZ" once the code went to its pattern
        return start, end
    while words and ordinary(words[0]):
        words.pop(0)
    for i, m in enumerate(words[1:], 1):
        low = m.group().lower()
        if low in KIN_AND_ROLES or low in REPORT_SHORTHAND or (low.endswith(("ed", "ing")) and ordinary(m)):
            words = words[:i]  # "NKECHI OKONKWO OBSERVED MALE JORDAN", "JOSUE OLN AZ D0447"
            break
    while words and ordinary(words[-1]):
        words.pop()
    if not words:
        return None
    return words[0].start(), words[-1].end()


_NAME_PARTICLES = frozenset(
    "van von der den de del della dela di da du des la le bin ibn al el ben ter ten st y e".split()
)


def sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“'‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def keeps_period(text: str, start: int, end: int) -> bool:
    """'S.O.', 'St.', 'Jr.', 'J.': the period belongs to the abbreviation."""
    m = re.search(r"(?:^|[\s(])((?:\w\.)+|St\.|Jr\.|Sr\.|Co\.|Dept\.|Ave\.|Rd\.|Blvd\.|Dr\.|Ln\.)$",
                  text[start:end])
    return m is not None and len(m.group(1)) <= 6


def cut_allowed(
    text: str, start: int, end: int, allowed: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Shrink a span so it does not begin or end inside an allow-listed phrase."""
    for a, b in allowed:
        if a <= start and end <= b:
            return None
        if a <= start < b:
            start = b
        elif a < end <= b:
            end = a
    while start < end and not (text[start].isalnum() or text[start] in "@#+"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if end <= start:
        return None
    return start, end


# A four-digit clock time ("0315", "2245"): not a house number or a street's.
CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
# Words a log puts after a clock time: "At 1645 Dispatch advised", "0300 units cleared"
_WORDS_AFTER_TIME = frozenset(
    """dispatch dispatched dispatcher radio command control medic medics ems fire units unit subject
    suspect victim caller rp we i he she they""".split()
)


def time_then_word(number: str, word: str) -> bool:
    """A clock time then a rank, a log's word or a given name ("At 2245 Sgt. Ramos", "At 1130
    John Miller"): no house number before a street."""
    from workstation.detect.census import given_names

    low = word.lower().rstrip(".")
    return CLOCK_TIME.fullmatch(number) is not None and (
        low in RANK_WORDS or low in _WORDS_AFTER_TIME or low in given_names())
_LABEL_PRIORITY = {"ID": 6, "CONTACT": 5, "DATE": 4, "AGENCY": 3, "LOCATION": 2, "PERSON": 1}


_EVENT_END = re.compile(r"[ \t](?:Parade|Marathon|Festival|Fest|Fair|Rodeo|Powwow|Regatta|Jamboree|Expo)$")


_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])")


def dates_apart(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """A date is never part of a name or a place ("BRIAN K. TOLLEFSON DOB 07/22/1988",
    "Eastern Kentucky University. 10/04"): a person's, agency's or place's span that runs
    into a date pattern's stops before it (or starts after it)."""
    # an ISO time stamp whole, as a log or an export writes it ("2024-12-21T16:02:10-07:00"), where
    # the allowed clock time with its offset has cut it
    spans = [RawSpan(s.start, m.end(), s.label, s.score, s.recognizer)
             if s.label == "DATE" and (m := _ISO_STAMP.match(text, s.start)) else s for s in spans]
    dates = [d for d in spans
             if d.label == "DATE" and d.recognizer.startswith(("DateRecognizer", "HolidayRecognizer"))]
    if not dates:
        return spans
    # ... except a named event's: "Lunar New Year Parade" is one place, its holiday no date
    events = [s for s in spans if s.label == "LOCATION" and _EVENT_END.search(text, s.start, s.end)]
    inside = [d for d in dates if any(e.start <= d.start and d.end <= e.end for e in events)]
    dates = [d for d in dates if d not in inside]
    out = []
    for s in spans:
        if s in inside:
            continue
        if s.label in ("PERSON", "AGENCY", "LOCATION") and s not in events:
            for d in dates:
                if not (d.start < s.end and s.start < d.end):
                    continue
                if d.start > s.start:
                    s = RawSpan(s.start, d.start, s.label, s.score, s.recognizer)
                elif d.end < s.end:
                    s = RawSpan(d.end, s.end, s.label, s.score, s.recognizer)
                else:
                    s = RawSpan(s.start, s.start, s.label, s.score, s.recognizer)
            span = cut_allowed(text, s.start, s.end, []) if s.end > s.start else None
            words = WORD.findall(text, span[0], span[1]) if span else []
            if span is not None and len(words) > 1 and words[-1].lower() in ("dob", "on", "of", "dated"):
                span = cut_allowed(text, span[0], span[0] + text[span[0]:span[1]].rstrip().rfind(" "), [])
            if span is None or not words or all(w in _NAME_PARTICLES for w in words):
                continue  # nothing but the date (and an article: "el día de los muertos")
            s = RawSpan(span[0], span[1], s.label, s.score, s.recognizer)
        out.append(s)
    return out


CALL_SIGN_MEMORY = "ReportMemory:call_sign"
# finders that know a span's label from the report's own evidence (a unit named again, a unit on
# the air, an officer's call sign after the name, a value under its field's name): where one
# covers exactly the merged span, its label stands, whatever the other finders' weight
# (memory.py, radio_units.py, identifiers.py, recognizers/fields.py)
LABEL_DECIDED_BY = (CALL_SIGN_MEMORY, "RadioUnitRecognizer", "OfficerCallSignRecognizer",
                    "FieldValueRecognizer")


def merge(spans: Iterable[RawSpan]) -> list[RawSpan]:
    """Overlapping spans become one. Its label is the one with the most weight (score times
    characters covered): "Childress County Sheriff's Office" is an agency although
    "Childress County" inside it is a place. NER weighs less than patterns, report memory
    least."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    known = [s for s in ordered if s.recognizer.startswith(LABEL_DECIDED_BY)]
    if len(known) > 1:  # NER's "NM SP 412, QC 21" over two units a log lists is neither
        ordered = [s for s in ordered if not (
            s.recognizer.startswith(("SpacyNer", "ReportMemory"))
            and not s.recognizer.startswith(LABEL_DECIDED_BY)
            and sum(k.start < s.end and s.start < k.end for k in known) > 1)]
    merged: list[list[RawSpan]] = []
    bounds: list[list[int]] = []
    for s in ordered:
        if bounds and s.start < bounds[-1][1]:
            bounds[-1][1] = max(bounds[-1][1], s.end)
            merged[-1].append(s)
        else:
            bounds.append([s.start, s.end])
            merged.append([s])
    out: list[RawSpan] = []
    for (start, end), group in zip(bounds, merged, strict=True):
        weight: dict[str, float] = {}
        for s in group:
            factor = 0.6 if s.recognizer == "ReportMemory" else (
                0.8 if s.recognizer.startswith("SpacyNer") else 1.0)
            weight[s.label] = weight.get(s.label, 0.0) + s.score * (s.end - s.start) * factor
        label = max(weight, key=lambda lab: (weight[lab], _LABEL_PRIORITY[lab]))
        # only NER against the report's memory: the memory knows what this string is in
        # this report ("VALENTIN", a person's name here, that NER calls an organisation)
        others = [s for s in group if s.recognizer != "ReportMemory"]
        remembered = [s for s in group if s.recognizer == "ReportMemory"]
        # nor against a one-word town of the gazetteer ("Ofc. Olivia Sandoval" ... "Sandoval")
        if remembered and others and all(s.recognizer.startswith(("SpacyNer", "Gazetteer")) for s in others
                                         if s.label != remembered[0].label):
            label = remembered[0].label
        # e.g. a unit the radio calls by its prefix ("Bethel 4:" speaks; "Copy Bethel 2") is that
        # unit, whatever the town's name in it was taken for (memory.py, _same_prefix_call_signs)
        decided = next((s for s in group if s.recognizer.startswith(LABEL_DECIDED_BY)
                        and (s.start, s.end) == (start, end)), None)
        label = label if decided is None else decided.label
        # named: the decider, not the memory; unless a person, a pattern before NER (doubted later: "gate N7")
        best = decided or max((s for s in group if s.label == label), key=lambda s: (
            s.recognizer != "ReportMemory", label == "PERSON" or not s.recognizer.startswith("SpacyNer"),
            s.score, s.end - s.start))
        out.append(RawSpan(start, end, label, max(s.score for s in group), best.recognizer))
    return out


_AGENCY_WORDS = frozenset(
    """police sheriff sheriff's sheriffs pd so sd fd patrol troopers trooper marshal marshals
    marshal's constable constable's fire ems 911 dispatch department dept bureau division office
    agency commission service services troop precinct pct enforcement rangers wardens clerk recorder
    corrections parole probation guard customs immigration communications emergency authority da elections
    administration comms ecc psap vfd vfr fpd coroner coroner's examiner examiner's des compliance
    recreation hazmat""".split()
)
_PLACE_HEADS = frozenset(
    """street st avenue ave road rd boulevard blvd drive dr lane ln court ct place pl way circle
    cir terrace parkway pkwy highway hwy trail pike turnpike expressway freeway fwy loop square
    causeway thruway throughway bypass beltway connector cutoff
    route rte rt bridge station park lake river creek forest mountain mtn canyon reservoir
    county parish township twp borough yard ranch farm marina campground trailhead
    island beach bay hospital school jail center centre mall plaza motel hotel inn apartments
    apts building church stadium airport terminal pier dock casino market store club bar grill
    diner cafe depot stop courthouse library museum cemetery marina nation reservation pueblo
    rancheria hall health penitentiary prison housing ridge acres speedway superspeedway raceway arena
    campus college university brook canyon gate concourse lodge resort zoo grounds fairgrounds
    aquarium pier dock wharf high elementary chapter regional memorial medical tower
    point pond inlet cove slough bayou channel harbor harbour swamp lagoon glacier bluff
    butte mesa gulch arroyo overlook summit rapids levee jetty boardwalk jct junction hs hosp
    estates laundry laundromat bakery tortilleria taqueria carniceria pharmacy clinic garage salon feedlot
    restaurant pizzeria tavern saloon pub brewery winery mart grocery deli dairy barn schools""".split()
)
# First words that are census names and everyday words: "Lake County", "Union Pacific".
_EVERYDAY_FIRST = frozenset(
    """lake union north south east west new old grand little big green white black young
    long short high low king rich bell hill wood stone mill river field park church
    glen rose may june april summer winter spring star""".split()
)
