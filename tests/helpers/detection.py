"""Reading the real detector's suggestions in the kinds tests of tests/detect."""

from __future__ import annotations

from typing import Any


def found_as(detector: Any, text: str, part: str) -> set[str]:
    """Labels of the suggestions over `part`; every character of it must be covered."""
    start = text.index(part)
    end = start + len(part)
    spans = [s for s in detector.analyze_text(text) if s.start < end and start < s.end]
    for i, ch in enumerate(part):
        if ch.isalnum():
            assert any(s.start <= start + i < s.end for s in spans), (part, text)
    return {s.label for s in spans}


def flagged(detector: Any, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.analyze_text(text)]
