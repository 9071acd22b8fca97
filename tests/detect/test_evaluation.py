"""The token metric of `workstation eval`, on tiny hand-made cases."""

from __future__ import annotations

import json

import pytest

from workstation.detect import evaluation as ev
from workstation.detect.evaluation import GoldSpan


def test_tokens_are_word_runs():
    assert ev.tokens("Sgt. O'Neill, 10-50!") == [(0, 3), (5, 6), (7, 12), (14, 16), (17, 19)]


def test_overlap_needs_one_character():
    assert ev.overlaps((0, 3), (2, 5))
    assert not ev.overlaps((0, 3), (3, 5))  # ends are exclusive


def test_gold_token_found_by_any_overlapping_suggestion_whatever_its_label():
    text = "Call Dave Reyes now"
    gold = [GoldSpan(5, 15, "PERSON")]
    counts = ev.score_document(text, gold, [(5, 6)])  # one character of "Dave"
    assert (counts.gold_tokens, counts.found_tokens) == (2, 1)
    assert counts.per_label_gold["PERSON"] == 2 and counts.per_label_found["PERSON"] == 1
    assert counts.recall == 0.5


def test_precision_counts_suggested_tokens_inside_gold_spans():
    text = "Sgt. Dave Reyes drove"
    gold = [GoldSpan(5, 15, "PERSON")]
    counts = ev.score_document(text, gold, [(0, 15), (16, 21)])
    assert counts.suggested_tokens == 4  # Sgt, Dave, Reyes, drove
    assert counts.suggested_in_gold == 2
    assert counts.precision == 0.5
    assert counts.recall == 1.0


def test_partial_gold_overlap_makes_a_gold_token():
    counts = ev.score_document("abc def", [GoldSpan(2, 3, "ID")], [])
    assert counts.gold_tokens == 1 and counts.found_tokens == 0


def test_no_gold_and_no_suggestions_is_perfect():
    counts = ev.score_document("nothing here", [], [])
    assert counts.recall == 1.0 and counts.precision == 1.0


def test_counts_add_up_and_result_dict_shape():
    total = ev.Counts()
    total.add(ev.score_document("Dave Reyes", [GoldSpan(0, 10, "PERSON")], [(0, 4)]))
    total.add(ev.score_document("RPD", [GoldSpan(0, 3, "AGENCY")], [(0, 3)]))
    result = ev.Result(total, chars=13, seconds=0.5)
    data = result.to_dict()
    assert data["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert data["precision"] == 1.0
    assert data["per_label"]["PERSON"] == {"recall": 0.5, "gold_tokens": 2}
    assert data["per_label"]["AGENCY"] == {"recall": 1.0, "gold_tokens": 1}
    assert data["chars_per_second"] == 26.0


def test_evaluate_runs_the_analyzer_once_over_all_texts():
    docs = ev.parse_corpus([
        json.dumps({"id": "a", "text": "Unit 2A14", "spans": [{"start": 5, "end": 9, "label": "ID"}]}),
        "",
        json.dumps({"id": "b", "text": "no identifiers", "spans": []}),
    ])
    calls = []

    def analyze(texts):
        calls.append(texts)
        return [[(0, 9)], []]

    result = ev.evaluate(docs, analyze)
    assert len(calls) == 1 and calls[0] == ["Unit 2A14", "no identifiers"]
    assert result.counts.recall == 1.0
    assert result.counts.precision == 0.5  # "Unit" is not gold


@pytest.mark.parametrize("line", [
    "not json",
    json.dumps({"id": "x", "spans": []}),
    json.dumps({"id": "x", "text": "abc", "spans": [{"start": 0, "end": 9, "label": "ID"}]}),
    json.dumps({"id": "x", "text": "abc", "spans": [{"start": 0, "end": 1, "label": "NAME"}]}),
])
def test_bad_corpus_lines_are_refused(line):
    with pytest.raises(ev.CorpusError):
        ev.parse_corpus([line])


def test_table_lists_every_label():
    total = ev.score_document("Dave", [GoldSpan(0, 4, "PERSON")], [(0, 4)])
    table = ev.format_table({"workstation": ev.Result(total, 4, 1.0)})
    for label in ("PERSON", "AGENCY", "LOCATION", "DATE", "CONTACT", "ID", "precision", "recall"):
        assert label in table


def test_label_accuracy_counts_found_tokens_with_the_gold_label():
    text = "Call Dave Reyes at Elm Street"
    gold = [GoldSpan(5, 15, "PERSON"), GoldSpan(19, 29, "LOCATION")]
    counts = ev.score_document(text, gold, [(5, 15, "PERSON"), (19, 29, "AGENCY")])
    assert counts.found_tokens == 4 and counts.labelled_found == 4
    assert counts.label_correct == 2 and counts.label_accuracy == 0.5


def test_label_accuracy_is_none_without_labels():
    counts = ev.score_document("Call Dave", [GoldSpan(5, 9, "PERSON")], [(5, 9)])
    assert counts.label_accuracy is None


def test_misses_and_mislabels_are_listed():
    text = "Dave Reyes met Amy Cho at Elm Street"
    docs = [ev.Document("d1", text, (GoldSpan(0, 10, "PERSON"), GoldSpan(15, 22, "PERSON"),
                                     GoldSpan(26, 36, "LOCATION")))]
    result = ev.evaluate(docs, lambda texts: [[(0, 4, "PERSON"), (26, 36, "AGENCY")]])
    assert [(m.surface, m.missed, m.found_as) for m in result.misses] == [
        ("Dave Reyes", ("Reyes",), "PERSON"), ("Amy Cho", ("Amy", "Cho"), None)]
    assert result.mislabels == [("d1", "LOCATION", "Elm Street", "AGENCY")]
    listing = ev.format_misses(result)
    assert "Amy Cho" in listing and "Elm Street" in listing
