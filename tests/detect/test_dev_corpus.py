"""Recall and precision on the development corpus must not fall below the level reached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workstation.cli.main import main
from workstation.detect import evaluation as ev
from workstation.detect.labels import LABELS

CORPUS = Path(__file__).resolve().parents[1] / "data" / "dev_corpus.jsonl"

# Level reached on the development corpus, rounded down to two decimals.
MIN_RECALL = 0.98
MIN_LABEL_RECALL = 0.95
MIN_PRECISION = 0.80


@pytest.fixture(scope="module")
def dev_result(detector):
    if not CORPUS.exists():
        pytest.skip("development corpus not written yet")
    docs = ev.load_corpus(CORPUS)
    return ev.evaluate(docs, ev.workstation_analyzer(detector))


def test_overall_recall(dev_result):
    assert dev_result.counts.recall >= MIN_RECALL


@pytest.mark.parametrize("label", LABELS)
def test_recall_per_label(dev_result, label):
    assert dev_result.counts.per_label_gold[label] > 0
    assert dev_result.counts.label_recall(label) >= MIN_LABEL_RECALL


def test_precision(dev_result):
    assert dev_result.counts.precision >= MIN_PRECISION


def test_eval_command_json_with_baseline(tmp_path, capsys):
    corpus = tmp_path / "tiny.jsonl"
    text = "Sgt. O'Neill of the Riverside Police Department ran plate 7ABC123 on March 3rd."
    spans = [
        {"start": text.index("O'Neill"), "end": text.index("O'Neill") + 7, "label": "PERSON"},
        {"start": text.index("Riverside"), "end": text.index(" ran"), "label": "AGENCY"},
        {"start": text.index("7ABC123"), "end": text.index("7ABC123") + 7, "label": "ID"},
        {"start": text.index("March"), "end": text.index("March") + 9, "label": "DATE"},
    ]
    corpus.write_text(json.dumps({"id": "t1", "text": text, "spans": spans}) + "\n")
    assert main(["eval", str(corpus), "--baseline", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for name in ("workstation", "baseline"):
        assert set(data[name]) == {"recall", "precision", "per_label", "chars_per_second"}
        assert set(data[name]["per_label"]) == set(LABELS)
        assert data[name]["per_label"]["PERSON"]["gold_tokens"] == 2
    assert data["workstation"]["recall"] == 1.0


def test_eval_command_refuses_a_bad_corpus(tmp_path, capsys):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("{not json\n")
    assert main(["eval", str(corpus)]) != 0
    assert "not a valid corpus" in capsys.readouterr().err
