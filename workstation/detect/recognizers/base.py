"""A lean regex recognizer: patterns compiled once with their own flags, an optional
capture group for the span, and a hook to refine or reject a match."""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import regex as re
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.needed_words import needed_words
from workstation.detect.recognizers.stdlib_engine import compile_stdlib, runs_on_stdlib
from workstation.detect.spans import COLUMN_GAP

# refine(text, start, end) -> (start, end) to keep (possibly narrowed), or None to drop
Refine = Callable[[str, int, int], "tuple[int, int] | None"]

CS = re.MULTILINE  # case-sensitive: capitals carry meaning (names, plates)
CI = re.MULTILINE | re.IGNORECASE

_EDGE_PUNCT = " \t\n,;:!?\"“”()[]{}-–—/"


@dataclass
class Rx:
    name: str
    regex: str
    score: float
    flags: int = CS
    group: int | str = 0
    refine: Refine | None = None
    # a cheap pattern every match contains: texts without it are not searched
    needs: str | None = None
    # lower-cased words (runs of \w) one of which every match starts with, as a whole word
    # (the pattern must make sure of it): an ASCII text without any is not searched
    first_words: Collection[str] | None = None

    def __post_init__(self) -> None:
        self.compiled = re.compile(self.regex, self.flags)
        # what analyze scans with: `compiled`, or the same pattern on `re` where that is
        # faster (stdlib_engine.py; set by the recognizer, which knows its own name)
        self.scanner: re.Pattern[str] | stdlib_re.Pattern[str] = self.compiled
        self.needed = re.compile(self.needs, re.IGNORECASE) if self.needs else None
        # the gate as plain words where it is a list of them (needed_words.py)
        self.needed_words = needed_words(self.needs) if self.needs else None
        self.first = frozenset(self.first_words) if self.first_words is not None else None


_WORD_RUN = stdlib_re.compile(r"\w+")


class _Lowered:
    """The lower-cased text of the last ASCII text analysed ("" for other text): every
    recognizer of one analysis reads the same text object, so it is lowered once. The pair
    is replaced whole, so a second thread never reads one text's lowering for another."""

    last: tuple[str | None, str] = (None, "")

    @classmethod
    def of(cls, text: str) -> str:
        seen, lowered = cls.last
        if seen is not text:
            lowered = text.lower() if text.isascii() else ""
            cls.last = (text, lowered)
        return lowered


def _gate_passes(rx: Rx, text: str) -> bool:
    """False if the text lacks what every match of the pattern contains."""
    if rx.needed is None:
        return True
    if rx.needed_words is not None:
        lowered = _Lowered.of(text)
        if lowered:
            words, enough = rx.needed_words
            if not any(word in lowered for word in words):
                return False
            if enough:
                return True
    return rx.needed.search(text) is not None


def ascii_words(text: str) -> frozenset[str] | None:
    r"""The lower-cased \w runs of an ASCII text (None for other text: there, case-insensitive
    matching is not plain lower-casing)."""
    return frozenset(_WORD_RUN.findall(text.lower())) if text.isascii() else None


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and punctuation (a trailing '.' too, unless 'St.'-like)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    while end > start and text[end - 1] == "." and not (
        end - start >= 2 and text[end - 2].isalpha() and (end - 3 < start or text[end - 3] in " .")
    ):
        end -= 1
    return start, end


_LEADING_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CAPITAL_NEXT = re.compile(r"[ \t]+\p{Lu}")


def trim_leading_stopwords(lexicon: Lexicon, text: str, start: int, end: int) -> int:
    """New start after dropping leading stop words ('The', 'Then', 'We')."""
    while start < end:
        m = _LEADING_WORD.match(text, start, end)
        if not m or not lexicon.is_stop(m.group()) or (
                m.group() == "First" and _CAPITAL_NEXT.match(text, m.end(), end)):
            break  # ("First Interstate Bank", "First Baptist Church": a name's first word)
        start = m.end()
        while start < end and text[start] in " \t\n":
            start += 1
    return start


# a sentence's end inside a match: "... catch on 28th St. BPD", "Lancaster County SO. Highway 2"
SENTENCE_STOP = re.compile(r"(?:[a-z]{2}|\b(?:SO|PD|SD|FD|DPS|HP))[.!?][ \t]+(?=[A-Z])")
# people and places named in words (numbers, addresses and blocks may wrap, and an agency's
# long name on a letterhead)
_ONE_LINE = frozenset({"PERSON", "LOCATION"})


class RegexRecognizer(LocalRecognizer):
    """Regex patterns for one entity type, each with its own flags and span group."""

    def __init__(
        self,
        name: str,
        entity: str,
        patterns: Sequence[Rx],
        context: list[str] | None = None,
        allow: Callable[[str], bool] | None = None,
    ) -> None:
        self.rx = list(patterns)
        for rx in self.rx:
            if runs_on_stdlib(name, rx.name):
                rx.scanner = compile_stdlib(rx.regex, rx.flags)
        self.allow = allow  # matched text -> True if it is never an identifier
        super().__init__(
            supported_entities=[entity], name=name, supported_language="en", context=context
        )

    def load(self) -> None:  # patterns are compiled in Rx
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        entity = self.supported_entities[0]
        results: list[RecognizerResult] = []
        words: frozenset[str] | None = None
        words_known = False
        for rx in self.rx:
            if not _gate_passes(rx, text):
                continue
            if rx.first is not None:
                if not words_known:
                    words, words_known = ascii_words(text), True
                if words is not None and rx.first.isdisjoint(words):
                    continue
            for m in rx.scanner.finditer(text):
                start, end = m.span(rx.group)
                if start < 0:
                    continue
                start, end = strip_edges(text, start, end)
                if entity in _ONE_LINE and "\n" in text[start:end]:
                    continue  # "28th St.\nBPD Patrol": a name never runs over a line's end
                if COLUMN_GAP.search(text, start, end):
                    continue  # "WARRANT NO: 24-W-03391    ISSUING COURT": a form's next column
                if rx.refine is not None:
                    refined = rx.refine(text, start, end)
                    if refined is None:
                        continue
                    start, end = refined
                if end <= start or (self.allow is not None and self.allow(text[start:end])):
                    continue
                results.append(self.result(entity, start, end, rx.score, rx.name))
        return results

    def result(
        self, entity: str, start: int, end: int, score: float, pattern: str
    ) -> RecognizerResult:
        return explained_result(self, entity, start, end, score, pattern)


def explained_result(
    recognizer: LocalRecognizer, entity: str, start: int, end: int, score: float, pattern: str
) -> RecognizerResult:
    """A result with the explanation Presidio's context enhancer writes into."""
    explanation = AnalysisExplanation(
        recognizer=recognizer.name,
        original_score=score,
        pattern_name=pattern,
        textual_explanation=f"{recognizer.name}: {pattern}",
    )
    return RecognizerResult(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def alternation(words: Sequence[str]) -> str:
    """Regex alternation, longest first so 'Police Department' wins over 'Police'."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in ordered)
