"""A pattern's gate read as plain words (needed_words.py) lets through exactly the texts its
pattern lets through: on every annotated corpus, as typed and recased."""

from __future__ import annotations

import pytest

from tests.detect.corpora import CORPORA
from workstation.detect import evaluation as ev
from workstation.detect.recognizers.base import RegexRecognizer, Rx, _gate_passes
from workstation.detect.recognizers.needed_words import needed_words


@pytest.fixture(scope="module")
def gated(detector) -> list[tuple[str, Rx]]:
    return [(r.name, rx) for r in detector._get_engine().analyzer.registry.recognizers
            if isinstance(r, RegexRecognizer) for rx in r.rx if rx.needed_words is not None]


@pytest.fixture(scope="module")
def texts(detector) -> list[str]:
    """Every third text of every corpus, as typed and recased, and a few not ASCII."""
    recaser = detector._get_engine().recaser
    out: list[str] = ["Día de Reyes at the Policía Municipal", "NAVIDAD en la Calle Sol"]
    for path in CORPORA.values():
        if path.exists():
            for doc in ev.load_corpus(path)[::3]:
                out.append(doc.text)
                out.append(recaser.recase(doc.text))
    return out


def test_most_gates_are_words_some_with_boundaries(gated):
    assert len(gated) >= 50
    assert any(not rx.needed_words[1] for _, rx in gated)  # "\b(?:co|county)\b" still searched


def test_the_words_gate_agrees_with_the_pattern_on_every_corpus(gated, texts):
    assert len(texts) > 2000
    differ = []
    for recognizer, rx in gated:
        assert rx.needed is not None
        for text in texts:
            if _gate_passes(rx, text) != (rx.needed.search(text) is not None):
                differ.append(f"{recognizer}:{rx.name}")
                break
    assert differ == []


@pytest.mark.parametrize("needs, expected", [
    ("christmas|new year|fourth", (("christmas", "new year", "fourth"), True)),
    ("(?i:coach|Vessel)", (("coach", "vessel"), True)),
    (r"\b(?:co|cnty|county)\b", (("co", "cnty", "county"), False)),
    (r"ER|E\.R|ED", (("er", "e.r", "ed"), True)),
    (r"k-?9|canine", None),  # an optional character is no word
    (r"qu[ée]bec", None),
    (r"\d:\d\d", None),
    (r"(?-i:NYE)", None),  # a case-sensitive gate
    ("a||b", None),  # an empty alternative would let every text through
    ("ſtate", None),  # the long s matches "s" without case: no plain substring test
    (r"\p{Han}", ((), True)),  # other scripts' letters: never in ASCII text
    (r"[\p{Arabic}\p{Hebrew}\p{Greek}]", ((), True)),
    (r"\p{Lu}", None),  # letters ASCII has
    (r"[\p{Latin}\p{Han}]", None),
])
def test_which_gates_read_as_words(needs, expected):
    assert needed_words(needs) == expected


def test_text_not_ascii_is_searched_by_the_pattern():
    rx = Rx("x", "x", 0.5, needs="kelvin")
    assert _gate_passes(rx, "KELVIN") and _gate_passes(rx, "\u212aelvin")  # the Kelvin sign
    assert not _gate_passes(rx, "kelvim")


def test_a_gate_of_other_scripts_passes_only_text_that_has_them():
    rx = Rx("x", "x", 0.5, needs=r"[\p{Arabic}\p{Han}]")
    assert _gate_passes(rx, "Ali Al-Saedi (علي الساعدي)") and _gate_passes(rx, "陈先生 came by")
    assert not _gate_passes(rx, "Ali Al-Saedi (Ali)") and not _gate_passes(rx, "Café Olé, no script")
