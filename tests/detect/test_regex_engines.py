"""The patterns run on the standard library's `re` for speed (stdlib_engine.py) find
exactly what the same patterns find on `regex`, for which they are written: on every
annotated corpus, as typed and recased, and on hostile text in bounded time."""

from __future__ import annotations

import time

import pytest

from tests.detect.corpora import CORPORA
from tests.helpers.hostile_text import HOSTILE
from workstation.detect import evaluation as ev
from workstation.detect.recognizers.base import RegexRecognizer, Rx
from workstation.detect.recognizers.stdlib_engine import STDLIB_PATTERNS


@pytest.fixture(scope="module")
def on_stdlib(detector) -> list[tuple[str, Rx]]:
    return [(r.name, rx) for r in detector._get_engine().analyzer.registry.recognizers
            if isinstance(r, RegexRecognizer) for rx in r.rx if rx.scanner is not rx.compiled]


@pytest.fixture(scope="module")
def texts(detector) -> list[str]:
    """Every third text of every corpus (all their styles; the whole set takes 15 s), as
    typed and recased."""
    recaser = detector._get_engine().recaser
    out: list[str] = []
    for path in CORPORA.values():
        if path.exists():
            for doc in ev.load_corpus(path)[::3]:
                out.append(doc.text)
                recased = recaser.recase(doc.text)
                if recased is not doc.text:
                    out.append(recased)
    return out


def test_every_named_pattern_exists_and_runs_on_stdlib(on_stdlib):
    named = {(recognizer, pattern) for recognizer, patterns in STDLIB_PATTERNS.items()
             for pattern in patterns}
    running = {(recognizer, rx.name) for recognizer, rx in on_stdlib}
    assert running == named  # a renamed or removed pattern leaves no stale entry
    assert all(rx.scanner.__class__.__module__ == "re" for _, rx in on_stdlib)


def test_stdlib_finds_what_regex_finds_on_every_corpus(on_stdlib, texts):
    assert len(texts) > 1000
    differ = []
    for recognizer, rx in on_stdlib:
        for text in texts:
            ours = [m.span() for m in rx.scanner.finditer(text)]
            theirs = [m.span() for m in rx.compiled.finditer(text)]
            if ours != theirs:
                differ.append(f"{recognizer}:{rx.name}")
                break
    assert differ == []


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_stdlib_patterns_end_quickly_on_hostile_text(on_stdlib, kind):
    slow = []
    for recognizer, rx in on_stdlib:
        started = time.perf_counter()
        spans = [m.span() for m in rx.scanner.finditer(HOSTILE[kind])]
        if time.perf_counter() - started > 3.0:
            slow.append(f"{recognizer}:{rx.name}")
        assert spans == [m.span() for m in rx.compiled.finditer(HOSTILE[kind])]
    assert slow == []
