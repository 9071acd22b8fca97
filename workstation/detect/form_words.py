"""Words of a form and of speech that NER and the shape rules take for names: a form's field
labels ("Force Used:", "Date of Incident:", "SUPV NOTE:", "[Voicemail, ..."), the topic of an
e-mail's subject line ("Subject: Jury room"), and a pronoun's contraction at the start of a
span ("It's 0230", "and I'm")."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from workstation.detect.census import is_given_name
from workstation.detect.foreign_sentences import function_or_everyday_foreign_word
from workstation.detect.gazetteer import places
from workstation.detect.lexicon import Lexicon
from workstation.detect.spans import RANK_WORDS, RawSpan
from workstation.detect.vocab import CONTRACTIONS, REPORT_SHORTHAND, ROLES_BEFORE_A_NAME

# what takes a field's label for a name: NER, the transcript speaker rule, a chain store's name
_LABEL_TAKERS = ("SpacyNer", "SpeakerName")
# ... the speaker rule only when a word of it is a form's ("Force Used:", "Injuries Sustained:"):
# a speaker may go by everyday words
_FORM_VOCABULARY = frozenset(
    """used involved taken sustained observed reported force type level reason weapon weapons
    injury injuries action actions summary response resistance review reviewed findings
    narrative incident date time location number description disposition result results
    outcome factors factor contributing recommendation recommendations notes note
    grantee subgrantee vendor contractor award project program uei ein
    insurance insurer carrier policy claimant employer
    événement evenement policière policier partenaire chauffeur objet lieu heure""".split()
)
_ROLES = frozenset(ROLES_BEFORE_A_NAME)
_LEAD_IN = re.compile(r"[ \t]*\[?[ \t]*(?:[\p{L}'’]+[ \t]+){0,3}")
_LABEL_END = re.compile(r"[ \t]*(?::|,(?=[^\n]*\]))")
_SUBJECT_LINE = re.compile(r"(?:^|\n)[ \t]*(?i:subject|subj|re)[ \t]*:[ \t]*$")
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
_WORD = re.compile(r"[\p{L}'’]+")
_FUNCTION_WORDS = re.compile(r"(?:(?i:on|in|at|the|a|an|with|from|for|of)[ \t]+)*")
# a town's police in lower case, kept after a contraction ("i'm the harvey pd")
_LOWER_AGENCY = re.compile(r"(?:[a-z][\w'’.-]*[ \t]+)?([a-z][\w'’.-]*)[ \t]+(?:pd|sd|fd|so|police|sheriff)")
_LEAD = re.compile(r"(?i:and|or|but|so|then)?[ \t]*([\p{L}]+['’][\p{L}]+)[ \t]+")


def form_words_apart(lexicon: Lexicon, text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    out: list[RawSpan] = []
    for s in spans:
        if s.label not in ("PERSON", "AGENCY", "LOCATION"):
            out.append(s)
            continue
        if _field_label(lexicon, text, s) or _subject_topic(lexicon, text, s):
            continue
        lead = _LEAD.match(text, s.start, s.end)
        if lead is not None and lead.group(1).lower().replace("’", "'") in CONTRACTIONS:
            start = _FUNCTION_WORDS.match(text, lead.end(), s.end).end()
            rest = text[start:s.end]
            town = _LOWER_AGENCY.fullmatch(rest) if s.label == "AGENCY" else None
            if not any(c.isupper() for c in rest) and not (
                    town and town.group(1) in places() and not lexicon.is_common(town.group(1))):
                continue  # "It's 0230": a clock time after the contraction; "he's new" (not "harvey pd")
            s = RawSpan(start, s.end, s.label, s.score, s.recognizer)
        out.append(s)
    return out


def _plain(lexicon: Lexicon, word: str) -> bool:
    low = word.lower()
    return low in REPORT_SHORTHAND or (lexicon.is_common(low) and not is_given_name(low)) or (
        function_or_everyday_foreign_word(low))  # "LUGAR:", "Fecha del"


def _field_label(lexicon: Lexicon, text: str, span: RawSpan) -> bool:
    """"Force Used:", "Caller ID:" at the start of a line: every word of it an everyday one
    (a speaker's name, "DONNA:", is none; nor is "Officer Smith:", after a rank)."""
    if not span.recognizer.startswith(_LABEL_TAKERS) or _LABEL_END.match(text, span.end) is None:
        return False  # a place or an agency found by its own pattern is one, label or not
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[line_start:span.start]
    if not _LEAD_IN.fullmatch(before):
        return False
    lead = _WORD.findall(before)
    if any(w.lower() in RANK_WORDS or w.lower() in _ROLES for w in lead):
        return False  # "COUNTY ATTORNEY RASMUSSEN:", "Officer Smith:"
    words = lead + _WORD.findall(text[span.start:span.end])
    if span.recognizer.startswith("SpeakerName") and not any(w.lower() in _FORM_VOCABULARY for w in words):
        return False
    # ("Mick O.:" is a speaker; a grant's "Subgrantee:", "UEI:" are a form's words)
    return bool(words) and all(len(w) > 1 and (_plain(lexicon, w) or w.lower() in _FORM_VOCABULARY)
                               for w in words)


def _subject_topic(lexicon: Lexicon, text: str, span: RawSpan) -> bool:
    """"Subject: Jury room", "RE: Landowner call": an everyday word that starts the topic."""
    if span.label != "PERSON" or _SUBJECT_LINE.search(text, max(0, span.start - 16), span.start) is None:
        return False
    words = _WORD.findall(text[span.start:span.end])
    return len(words) == 1 and _plain(lexicon, words[0]) and _LOWER_NEXT.match(text, span.end) is not None
