"""Each annotated corpus analysed once, for all the tests that score it, by the session's one
real detector (the `detector` fixture of tests/helpers/plugin.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from presidio_analyzer import RecognizerRegistry
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from tests.detect.corpora import CORPORA
from workstation.detect import evaluation as ev
from workstation.detect.detector import Detector
from workstation.detect.suggestion import Suggestion

Analysed = tuple[list[ev.Document], list[list[Suggestion]]]


@pytest.fixture(scope="session")
def flagged(detector: Detector):
    """text -> list of the flagged substrings (in order)."""

    def run(text: str) -> list[str]:
        return [text[s.start : s.end] for s in detector.analyze_text(text)]

    return run


@pytest.fixture(scope="session")
def analysed(detector: Detector) -> Callable[[str], Analysed]:
    """corpus name -> (documents, suggestions per document), computed once per session."""
    cache: dict[str, Analysed] = {}

    def get(name: str) -> Analysed:
        path = CORPORA[name]
        if not path.exists():
            pytest.skip(f"{path} not present")
        if name not in cache:
            docs = ev.load_corpus(path)
            results = detector.analyze_reports([{"text": d.text} for d in docs])
            cache[name] = (docs, [r["text"] for r in results])
        return cache[name]

    return get


@pytest.fixture(scope="session")
def stock_recognizers():
    """Presidio's predefined recognizers exactly as stock Presidio loads them for English
    (not our configured copies), the NLP-engine one left out."""
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    return [r for r in registry.recognizers if not isinstance(r, SpacyRecognizer)]
