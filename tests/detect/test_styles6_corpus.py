"""The sixth yardstick corpus (tests/detect/data/styles6_tune*: rural deputies' long
narratives, terse big-city patrol notes, troopers' crash scenes, surveillance logs, SWAT
and warrant-service after-action reviews, school-bus and transit, wildland fire and search
and rescue, tribal police, federal task forces, probation and parole visits, ER security,
jail booking, courthouse, marine, mounted and bike units, off-duty incidents, training
ranges, dog bites, roll-call briefings, peer-support letters, anonymous app posts, officers
writing in a second language): recall, per-label recall, precision and label accuracy must
not fall below the level reached. It is a tuning part: its misses are read to fix kinds of
problems."""

from __future__ import annotations

import pytest

from tests.detect.build_styles6 import PARTS
from tests.helpers.corpus_build import assert_built_from_source, score_parts
from workstation.detect import evaluation as ev
from workstation.detect.labels import LABELS

# Level reached, rounded down to two decimals: token recall, the lowest per-label recall,
# precision, label accuracy (first measured at 0.957 / 0.942 / 0.917 / 0.943; its misses were
# read to fix kinds; the police NER was not trained on it).
LEVELS: dict[str, tuple[float, float, float, float]] = {
    "styles6_tune": (0.97, 0.96, 0.93, 0.97),
}


@pytest.fixture(scope="module")
def results(detector) -> dict[str, ev.Result]:
    return score_parts(detector, PARTS)


def test_corpus_is_built_from_its_source():
    assert_built_from_source(PARTS, least={"styles6_tune": 90})


@pytest.mark.parametrize("name", list(LEVELS))
def test_overall_recall(results, name):
    assert results[name].counts.recall >= LEVELS[name][0]


@pytest.mark.parametrize("name", list(LEVELS))
@pytest.mark.parametrize("label", LABELS)
def test_recall_per_label(results, name, label):
    counts = results[name].counts
    assert counts.per_label_gold[label] > 0
    assert counts.label_recall(label) >= LEVELS[name][1]


@pytest.mark.parametrize("name", list(LEVELS))
def test_precision(results, name):
    assert results[name].counts.precision >= LEVELS[name][2]


@pytest.mark.parametrize("name", list(LEVELS))
def test_label_accuracy(results, name):
    accuracy = results[name].counts.label_accuracy
    assert accuracy is not None and accuracy >= LEVELS[name][3]
