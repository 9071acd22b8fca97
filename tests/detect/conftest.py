"""One real detector (the pinned spaCy model) for the whole detect test session."""

from __future__ import annotations

import pytest

from workstation.detect.detector import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector().load()


@pytest.fixture(scope="session")
def flagged(detector: Detector):
    """text -> list of the flagged substrings (in order)."""

    def run(text: str) -> list[str]:
        return [text[s.start : s.end] for s in detector.analyze_text(text)]

    return run
