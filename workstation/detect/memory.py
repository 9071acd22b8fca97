"""Per-report memory: once a string is an identifier anywhere in a report, every other
occurrence in the report's fields is flagged too (possessives included)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from workstation.detect.allow_list import allowed_regions
from workstation.detect.grow import FAMILY_PLACE_WORDS
from workstation.detect.lexicon import Lexicon
from workstation.detect.phrase_search import PhraseSearch
from workstation.detect.spans import CALL_SIGN_MEMORY, JOINED_GIVEN, RANK_WORDS, WORD, RawSpan, cut_allowed
from workstation.text.normalise import prototypes, strip_invisible

KnownIdentifier = str | tuple[str, str]
_FAMILY_PLACE = re.compile(rf"(\w[\w'’-]+)[ \t]+(?:family|home)[ \t]+(?:{FAMILY_PLACE_WORDS})")
# the recognizer of a rank word found again where it is the name it was ("Ranger was off leash")
RANK_AS_NAME = "ReportMemory:rank_as_name"


def apply_memory(
    lexicon: Lexicon,
    fields: Mapping[str, str],
    per_field: dict[str, list[RawSpan]],
    known: Sequence[KnownIdentifier],
    allowed: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> dict[str, list[RawSpan]]:
    """``allowed``: the allowed_regions of each field when the caller has them already."""
    remembered: dict[str, str] = {}  # string -> label
    acronyms: dict[str, str] = {}
    for item in known:
        value, label = (item, "") if isinstance(item, str) else (item[0], item[1])
        value = value.strip()
        if value:
            remembered.setdefault(value, label or guess_label(value))
    for name, spans in per_field.items():
        text = fields[name] or ""
        # strongest first, so a string is remembered with its most trusted label (NER's
        # "organisation" for a name in capitals weighs less than a name pattern)
        for s in sorted(spans, key=lambda s: -s.score * (0.8 if s.recognizer.startswith("SpacyNer") else 1)):
            if s.score < 0.5:
                continue
            fragment = text[s.start : s.end].strip()
            for candidate in memory_strings(lexicon, fragment, s.label, s.score):
                if is_plain_word(lexicon, candidate):
                    acronyms.setdefault(candidate, s.label)  # matched with its capital only
                else:
                    remembered.setdefault(candidate, s.label)
            if s.label == "AGENCY":
                acro = acronym(fragment)
                if acro:
                    acronyms.setdefault(acro, "AGENCY")
            family = _FAMILY_PLACE.fullmatch(fragment) if s.label == "LOCATION" else None
            if family:  # "the Okerlund family cemetery": elsewhere, "Okerlund" is one of them
                remembered.setdefault(family.group(1), "PERSON")
    if not remembered and not acronyms:  # a unit's number may still come back alone
        return {name: [*spans, *unit_numbers_again(fields[name] or "", spans)]
                for name, spans in per_field.items()}
    # One search per casing mode, longest first (phrase_search.py: compiling a pattern per
    # report cost a tenth of the analysis).
    acronyms = {v: lab for v, lab in acronyms.items() if v not in remembered}
    patterns = [p for p in (_combined(remembered, True), _combined(acronyms, False)) if p is not None]
    out: dict[str, list[RawSpan]] = {}
    # names that are everyday words ("Tango", "Bill") are matched with their capital only,
    # except in a text whose writer starts sentences in lower case ("tango found him")
    lower_names = {v: lab for v, lab in acronyms.items() if lab == "PERSON" and not lexicon.is_stop(v)}
    for name, spans in per_field.items():
        text = fields[name] or ""
        added = list(spans)
        if text:
            given = allowed.get(name) if allowed is not None else None
            regions = list(given) if given is not None else allowed_regions(text)
            searched, where = folded(text)
            field_patterns = patterns
            lower = _combined(lower_names, True) if writes_lower_case(text) else None
            if lower is not None:
                field_patterns = [*patterns, lower]
            for search, labels, ignore_case in field_patterns:
                for start, end in search.finditer(searched):
                    found = labels.get(_key(searched[start:end], ignore_case))
                    if where is not None:  # back to the report's own offsets
                        start, end = where[start], where[end - 1] + 1
                    if found is None or cut_allowed(text, start, end, regions) != (start, end):
                        continue
                    if found == "PERSON" and text[start:end].lower() in RANK_WORDS:
                        if _NAME_USE_AFTER.match(text, end) is not None:
                            added.append(RawSpan(start, end, found, 0.8, RANK_AS_NAME))
                        continue  # "Major Hunter wants", "Major findings:": the rank, the word
                    added.append(RawSpan(start, end, found, 0.8, "ReportMemory"))
        out[name] = added + unit_numbers_again(text, added)
    return out


_RADIO_RECOGNIZERS = ("RadioUnit", "RadioCallSign", "CallSign", "SpeakerName")
_CALL_NUMBER = re.compile(r"(?:^|[ \t-])(\d{3,4})$")
# "Bethel 4:" speaks on the radio: "Bethel 2", "AGUADILLA 21" are units of the same agency
_NAMED_CALL_SIGN = re.compile(r"([A-Z][\w'’]+)[ \t-](\d{1,3}[A-Z]?)")
# what makes a number a count, a measure, a time or an address instead of a unit
_COUNT_AFTER = re.compile(
    r"[ \t]*(?:%|°|(?:F|C)\b|(?i:miles?|mi|feet|ft|foot|yards?|yds?|hours?|hrs?|minutes?|mins?|"
    r"seconds?|secs?|rounds?|dollars?|pounds?|lbs?|block|blk|times|people|cars|units|degrees|mph|kph|am|pm|"
    r"[A-Z][a-z]+[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Way|Ct|Pl)\b))")


def unit_numbers_again(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A unit's number said on the radio ("Sam 22: 612, terminate", "TP 214"), found again
    where the unit is named by it alone ("612 is still following", "I was 612"); never as a
    count, a measure or a house number ("612 feet", "612 Elm St")."""
    numbers = set()
    prefixes = set()
    for s in spans:
        if s.label == "ID" and s.recognizer.startswith(_RADIO_RECOGNIZERS):
            m = _CALL_NUMBER.search(text[s.start:s.end])
            if m is not None and m.group(1) != "911":  # the emergency line, whoever answers it
                numbers.add(m.group(1))
            named = _NAMED_CALL_SIGN.fullmatch(text, s.start, s.end)
            if named is not None and not named.group(1).isdigit():
                prefixes.add(named.group(1))
    found = _same_prefix_call_signs(text, spans, prefixes) if prefixes else []
    if not numbers:
        return found
    covered = [(s.start, s.end) for s in spans]
    alternation = "|".join(sorted(numbers, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w$#.,:/-])(?:{alternation})(?![\w-]|[.,:]\d)", text):
        start, end = m.span()
        if _COUNT_AFTER.match(text, end) or any(a < end and start < b for a, b in covered):
            continue
        found.append(RawSpan(start, end, "ID", 0.7, "ReportMemory:unit_number"))
    return found



_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([A-Za-z])")


def writes_lower_case(text: str) -> bool:
    """Most sentences start with a small letter (a post typed on a phone)."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text)]
    lower = sum(c.islower() for c in starts)
    return lower >= 2 and lower > len(starts) - lower


def folded(text: str) -> tuple[str, list[int] | None]:
    """The text the memory searches: invisible and format characters dropped, full-width and
    look-alike letters (TR39 prototypes, the leak guard's data) folded one for one (ASCII is
    kept as it is), so a
    name written once plainly and once disguised ("Da\u200bve", a Cyrillic "е") is one name.
    Positions map back to the text; plain ASCII is searched as it is."""
    if text.isascii():
        return text, None
    table = prototypes()
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():  # only what is not plain ASCII is folded (so "0" stays "0")
            chars.append(ch)
            where.append(i)
            continue
        if not strip_invisible(ch):
            continue
        plain = unicodedata.normalize("NFKC", ch)
        plain = plain if len(plain) == 1 else ch
        look = table.get(ord(plain), plain)
        chars.append(look if len(look) == 1 else plain)
        where.append(i)
    return "".join(chars), where


def guess_label(value: str) -> str:
    if "@" in value or value.lower().startswith(("http", "www.")):
        return "CONTACT"
    if any(c.isdigit() for c in value):
        return "ID"
    return "PERSON"


def _key(value: str, ignore_case: bool) -> str:
    value = " ".join(value.split())
    return value.lower() if ignore_case else value


def _combined(
    values: Mapping[str, str], ignore_case: bool
) -> tuple[PhraseSearch, dict[str, str], bool] | None:
    """One search for every remembered string (possessive 's allowed after it)."""
    if not values:
        return None
    values = {folded(value)[0]: label for value, label in values.items()}  # searched folded too
    labels: dict[str, str] = {}
    for value, label in values.items():
        labels.setdefault(_key(value, ignore_case), label)
    return PhraseSearch(values, ignore_case), labels, ignore_case


def is_plain_word(lexicon: Lexicon, value: str) -> bool:
    return " " not in value and lexicon.is_common(value) and value[:1].isupper()


def memory_strings(lexicon: Lexicon, fragment: str, label: str, score: float = 0.0) -> list[str]:
    """Strings worth remembering from one found identifier."""
    words = WORD.findall(fragment)
    if not words:
        return []
    out: list[str] = []
    has_digit = any(c.isdigit() for c in fragment)
    if has_digit:
        # a short bare number ("386", "4471") is an identifier only where its cue stands
        # ("Disp: 386,"): elsewhere it is a count ("drove 386 miles")
        if len(fragment) >= 3 and not (fragment.isdigit() and len(fragment) < 5):
            out.append(fragment)
        return out
    informative = [w for w in words if not lexicon.is_common(w) or lexicon.is_name(w)]
    if len(words) > 1 or (informative and len(fragment) >= 3):
        out.append(fragment)
    elif label == "PERSON" and score >= 0.8 and len(fragment) >= 3 and fragment[:1].isupper():
        out.append(fragment)  # "Lane", found after a rank: remembered with its capital
    elif label == "PERSON" and score >= 0.8 and _INITIALS.fullmatch(fragment):
        out.append(fragment)  # "I'll call him D.": later "D. was on the task force"
    elif label == "PERSON" and score >= 0.8 and len(fragment) >= 3 and fragment.islower():
        out.append(fragment.capitalize())  # "named sonny": remembered as "Sonny", see apply_memory
    record = _RECORD_NAME.match(fragment) if label == "PERSON" else None
    if record is not None and len(record.group(1)) >= 3 and record.group(1).lower() not in RANK_WORDS:
        out.append(record.group(1))  # "BARLEY, JOEL": a record's surname, whatever word it is
    if label == "PERSON" and " " in fragment:
        out += _JOINED_GIVEN.findall(fragment)  # "Park Ji-woo", later "Ji-woo"
    if label == "PERSON" and len(words) > 1 and words[-1] in _SHORT_SURNAMES:
        out.append(words[-1])  # "Officer Troy Anh Le", later "Le had his lights on"
    if label == "PERSON" and len(words) > 1:
        for w in words:
            w = re.sub(r"['’]s$", "", w)
            # a rank word that heads a person's span is the given name ("Major Okafor", grow.py)
            if len(w) >= 3 and (w.lower() not in RANK_WORDS or (w is words[0] and w.lower() == "major")) and (
                not lexicon.is_common(w) or lexicon.is_name(w) or (score >= 0.8 and w[:1].isupper())
                or (w is words[-1] and w[:1].isupper() and _given(words[0]))
                # "Yahir Ochoa", later "Ochoa": a census surname after an unknown given name
                or (w is words[-1] and w[:1].isupper() and _surname(w) and words[0][:1].isupper()
                    and not lexicon.is_common(words[0]))
                # "Jonah Andrew", later "Jonah": a given name, matched with its capital
                or (w is words[0] and len(words) == 2 and w[:1].isupper() and _given(w)
                    and w.lower() not in _NOT_ALONE and not lexicon.is_stop(w))
            ):
                out.append(w)
    return out


# A rank word the report uses as a name ("K9 Ranger", "Deputy Major Lindgren"), found again: a
# name where what follows it follows a name, never a rank: a verb, "and", the sentence's end
# ("Ranger was off leash", "Rich did; Major did not", "Good job, Ranger.")
_NAME_USE_AFTER = re.compile(
    r"(?:['’]s\b)?[ \t]*(?:[.,;!?)]|$|(?:and|or|was|is|did|didn't|does|had|has|went|got|came|saw|said|ran|"
    r"could|would|will|never|also|then|who|were|wasn't|stayed|found|alerted|barked|tracked|bit|"
    r"hit|made|took|kept|held|jumped|pulled|showed|stopped|started|tried|wanted|needed)\b)")


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_JOINED_GIVEN = re.compile(JOINED_GIVEN + r"(?![\w'’-])")
# a record's "SURNAME, GIVEN": the surname in capitals before the comma
_RECORD_NAME = re.compile(r"([A-Z][A-Z'’-]+),[ \t]*[A-Z]")

# Surnames of two letters that are no English word ("Do", "Ho", "Ma" are, and stay unremembered)
_SHORT_SURNAMES = frozenset("Le Vu Ng Wu Xu Yi Ko Ly Vo Li Lu Su Yu Tu".split())
# Given names that are months or auxiliaries: never remembered on their own.
_NOT_ALONE = frozenset("may june april august will can said".split())


def _surname(word: str) -> bool:
    from workstation.detect.census import is_census_name

    return is_census_name(word)


def _given(word: str) -> bool:
    """A census given name: the word after it is a surname ("Clifton Rhodes")."""
    from workstation.detect.census import given_names

    return word.lower() in given_names()


def acronym(fragment: str) -> str | None:
    words = [w for w in WORD.findall(fragment) if w[:1].isupper()]
    if len(words) < 2:
        return None
    acro = "".join(w[0] for w in words)
    return acro if len(acro) >= 3 else None


def _same_prefix_call_signs(text: str, spans: Sequence[RawSpan], prefixes: set[str]) -> list[RawSpan]:
    """Other units called by a prefix the radio already uses ("Bethel 4:", then "Copy Bethel
    2"), whatever else they were taken for (NER's person "Bethel")."""
    ids = {(s.start, s.end) for s in spans if s.label == "ID"}
    alternation = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    found = []
    for m in re.finditer(rf"(?<![\w'’-])(?:{alternation})[ \t-]\d{{1,3}}[A-Z]?(?![\w'’-]|[.,:]\d)", text):
        if m.span() not in ids and not _COUNT_AFTER.match(text, m.end()):
            found.append(RawSpan(m.start(), m.end(), "ID", 0.85, CALL_SIGN_MEMORY))
    return found
