"""Never below stock Presidio (issue 19): every token that one of Presidio's own predefined
pattern recognizers flags (with an entity type that maps to a review label) is flagged by
the workstation too, on our corpora and on the external presidio-research set, except
inside the phrases the allow-list removes on purpose (allow_list.py documents each: report
designators "S1"/"V1", "K9", weapon models such as "P320", "X2", clock times "1640 hrs",
"TIME: 1640", "22:15:04 -0700")."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerRegistry
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from tests.detect.corpora import CORPORA
from workstation.detect import evaluation as ev
from workstation.detect.allow_list import allowed_regions
from workstation.detect.labels import to_label
from workstation.detect.recognizers.stock import PREFIX, stock_pattern_recognizers


@pytest.fixture(scope="module")
def stock_recognizers():
    """Presidio's predefined recognizers exactly as stock Presidio loads them for English
    (not our configured copies), the NLP-engine one left out."""
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    return [r for r in registry.recognizers if not isinstance(r, SpacyRecognizer)]


def test_every_stock_pattern_recognizer_is_kept(detector, stock_recognizers):
    ours = {r.name for r in detector._get_engine().analyzer.registry.recognizers}
    assert {r.name for r in stock_pattern_recognizers()} <= ours
    assert stock_recognizers and all(PREFIX + r.name in ours for r in stock_recognizers)
    assert {"PresidioCreditCardRecognizer", "PresidioIpRecognizer", "PresidioIbanRecognizer",
            "PresidioUsSsnRecognizer", "PresidioPhoneRecognizer", "PresidioEmailRecognizer",
            "PresidioUrlRecognizer", "PresidioCryptoRecognizer"} <= ours
    for recognizer in stock_recognizers:
        for entity in recognizer.supported_entities:
            assert to_label(entity) is not None, entity


@pytest.mark.parametrize("name", list(CORPORA))
def test_workstation_finds_every_token_stock_patterns_find(analysed, stock_recognizers, name):
    docs, results = analysed(name)
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
    assert missed == []
