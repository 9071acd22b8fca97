"""Never below stock Presidio (issue 19): every token that one of Presidio's own predefined
pattern recognizers flags (with an entity type that maps to a review label) is flagged by
the workstation too, on our corpora and on the external presidio-research set, except
inside the phrases the allow-list removes on purpose (allow_list.py documents each: report
designators "S1"/"V1", "K9", weapon models such as "P320", "X2", clock times "1640 hrs",
"TIME: 1640", "22:15:04 -0700", a teletype's "031125 0418 CST", a dive log's pressures
"3000/1500", an NCIC message's key "QW." and its fields that name no one, "SEX/M")."""

from __future__ import annotations

import pytest

from tests.detect.corpora import CORPORA
from tests.helpers.detection import missed_stock_tokens
from workstation.detect.labels import to_label
from workstation.detect.recognizers.stock import PREFIX, stock_pattern_recognizers


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


# The style corpora are checked in test_style_corpora.py, beside their scores, so that each is
# analysed once in the worker that runs that module.
@pytest.mark.parametrize("name", [n for n in CORPORA if not n.startswith("styles")])
def test_workstation_finds_every_token_stock_patterns_find(analysed, stock_recognizers, name):
    docs, results = analysed(name)
    assert missed_stock_tokens(docs, results, stock_recognizers) == []
