"""Reading the real detector's suggestions in the kinds tests of tests/detect."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workstation.detect import evaluation as ev
from workstation.detect.allow_list import allowed_regions
from workstation.detect.labels import to_label


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


def surfaces_and_labels(detector: Any, text: str) -> set[tuple[str, str]]:
    """Each suggestion as its text and its label."""
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def missed_stock_tokens(docs: Sequence[ev.Document], results: Sequence[Sequence[Any]],
                        stock_recognizers: Sequence[Any]) -> list[tuple[str, str, str]]:
    """(document, stock recognizer, token) for every token one of stock Presidio's own pattern
    recognizers flags and the workstation does not, outside the allow-list's phrases."""
    missed = []
    for doc, result in zip(docs, results, strict=True):
        found = [(s.start, s.end) for s in result]
        allowed = allowed_regions(doc.text)
        for recognizer in stock_recognizers:
            for hit in recognizer.analyze(doc.text, recognizer.supported_entities, None):
                if to_label(hit.entity_type) is None:
                    continue
                for tok in ev.tokens(doc.text):
                    if not ev.overlaps(tok, (hit.start, hit.end)) or any(ev.overlaps(tok, f) for f in found):
                        continue
                    if any(a <= tok[0] and tok[1] <= b for a, b in allowed):
                        continue  # deliberately removed (allow-list)
                    missed.append((doc.id, recognizer.name, doc.text[tok[0]:tok[1]]))
    return missed
