"""Recall and precision on the development corpus must not fall below the level reached."""

from __future__ import annotations

import json

import pytest

from tests.detect.corpora import CORPORA
from workstation.detect import evaluation as ev
from workstation.detect.labels import LABELS

CORPUS = CORPORA["dev"]

# Level reached on each corpus, rounded down to two decimals: token recall, the lowest
# per-label recall, precision, label accuracy. "heldout" was never tuned on; "external"
# is the presidio-research synthetic set (DATE left out of its per-label floor: bare
# years, weekdays and clock times are not identifiers here, see recognizers/dates.py).
LEVELS: dict[str, tuple[float, float, float, float]] = {
    "dev": (0.98, 0.98, 0.96, 0.99),
    "dev2": (0.98, 0.97, 0.97, 0.98),
    "heldout": (0.97, 0.95, 0.96, 0.98),
    # recall 0.92 -> 0.91 and agencies 0.84 -> 0.80 when the police NER was retrained on every
    # police tuning part (stop 30); still far above stock Presidio (0.502 recall). Retrained on
    # thirty more in stop 44: recall 0.9197 -> 0.9211, precision 0.9138 -> 0.9149, label
    # accuracy 0.9236 -> 0.9190 (more of its organisations, companies, read as people)
    "external": (0.92, 0.81, 0.91, 0.91),
}
# Stock Presidio on the external set as `eval --baseline` runs it (README of the set):
# the workstation must not fall below it on these labels.
EXTERNAL_STOCK = {"PERSON": 0.681, "LOCATION": 0.331, "CONTACT": 0.878, "ID": 0.986}


@pytest.fixture(scope="module")
def results(analysed) -> dict[str, ev.Result]:
    out = {}
    for name in LEVELS:
        if CORPORA[name].exists():
            docs, suggestions = analysed(name)
            cached = iter([[(s.start, s.end, s.label) for s in found] for found in suggestions])
            out[name] = ev.evaluate(docs, lambda texts, cached=cached: [next(cached) for _ in texts])
    return out


def _result(results: dict[str, ev.Result], name: str) -> ev.Result:
    if name not in results:
        pytest.skip(f"{name} corpus not present")
    return results[name]


@pytest.mark.parametrize("name", list(LEVELS))
def test_overall_recall(results, name):
    assert _result(results, name).counts.recall >= LEVELS[name][0]


# DATE on the external set counts bare years, weekdays and clock times, which the program
# leaves alone on purpose (month and year are published): that pair has no level.
@pytest.mark.parametrize(("name", "label"), [(n, lab) for n in LEVELS for lab in LABELS
                                             if (n, lab) != ("external", "DATE")])
def test_recall_per_label(results, name, label):
    counts = _result(results, name).counts
    if name != "external":
        assert counts.per_label_gold[label] > 0
    if counts.per_label_gold[label]:
        assert counts.label_recall(label) >= LEVELS[name][1]


@pytest.mark.parametrize("name", list(LEVELS))
def test_precision(results, name):
    assert _result(results, name).counts.precision >= LEVELS[name][2]


@pytest.mark.parametrize("name", list(LEVELS))
def test_label_accuracy(results, name):
    accuracy = _result(results, name).counts.label_accuracy
    assert accuracy is not None and accuracy >= LEVELS[name][3]


@pytest.mark.parametrize("label", list(EXTERNAL_STOCK))
def test_not_below_stock_on_the_external_set(results, label):
    assert _result(results, "external").counts.label_recall(label) >= EXTERNAL_STOCK[label]


def test_eval_command_json_with_baseline(tmp_path, capsys):
    from workstation.cli.main import main  # imported here: the CLI pulls in the whole program

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
        assert set(data[name]) == {"recall", "precision", "label_accuracy", "per_label", "chars_per_second"}
        assert set(data[name]["per_label"]) == set(LABELS)
        assert data[name]["per_label"]["PERSON"]["gold_tokens"] == 2
    assert data["workstation"]["recall"] == 1.0


def test_eval_command_refuses_a_bad_corpus(tmp_path, capsys):
    from workstation.cli.main import main

    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("{not json\n")
    assert main(["eval", str(corpus)]) != 0
    assert "not a valid corpus" in capsys.readouterr().err
