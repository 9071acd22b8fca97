"""The allow-list's phrases compiled by first character find exactly what their plain
alternation finds (workstation/detect/first_char_dispatch.py), on every corpus text and on
generated texts that mix the phrases' words in both cases."""

from __future__ import annotations

import random
import re

import pytest

from tests.detect.corpora import CORPORA
from workstation.detect import evaluation as ev
from workstation.detect.allow_list import _ALLOW, _PHRASES
from workstation.detect.first_char_dispatch import compile_dispatched, first_chars

_PLAIN = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in _PHRASES) + ")", re.IGNORECASE)


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", [n for n, p in CORPORA.items() if p.exists()])
def test_the_dispatched_allow_list_finds_what_the_alternation_finds_in_every_corpus(name):
    texts = [d.text for d in ev.load_corpus(CORPORA[name])]
    assert texts
    differ = [t[:60] for t in texts if _spans(_ALLOW, t) != _spans(_PLAIN, t)]
    assert differ == []


@pytest.mark.parametrize("seed", range(20))
def test_the_dispatched_allow_list_finds_what_the_alternation_finds_in_generated_text(seed):
    rng = random.Random(seed)
    words = ("10-4 code 3 Glock 17 glock taser X26P x2 s1 V2 1640 hrs 07/07 0310 22:15:04 -0700 "
             "Ford F-150 Chevy Tahoe tahoe in Tacoma Lake Tahoe target vehicle Target K9 k-9 unit "
             "AR-15 9mm sig p320 5150 SUSPECT 1 radio Motorola APX 6000 the of and").split()
    text = " ".join(rng.choice(words).upper() if rng.random() < 0.3 else rng.choice(words)
                    for _ in range(200))
    assert _spans(_PLAIN, text)
    assert _spans(_ALLOW, text) == _spans(_PLAIN, text)


def test_first_characters_are_worked_out_or_left_unknown():
    assert first_chars(r"\bglock\s*\d{1,2}\b", re.IGNORECASE) == {"g"}
    assert first_chars(r"\b(?:chevy)?\s*tahoe\b", re.IGNORECASE) >= {"c", "t", " "}
    assert first_chars(r"\b[^x]y") is None  # a negated class: any character
    assert first_chars(r"\b(?:a|)") is None  # may match nothing: any position


def test_a_phrase_of_unknown_start_keeps_its_place():
    phrases = [r"\b[^\d\s]bc\b", r"\babc\b"]
    dispatched = compile_dispatched(phrases, "", re.IGNORECASE)
    plain = re.compile("(?:" + "|".join(f"(?:{p})" for p in phrases) + ")", re.IGNORECASE)
    text = "abc xbc ABC 1bc"
    assert _spans(dispatched, text) == _spans(plain, text) == [(0, 3), (4, 7), (8, 11)]
