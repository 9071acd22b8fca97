"""No pattern of ours backtracks without bound on hostile text (issue 19 review): a report
field of 3,000 spaces, tabs or blank lines between cue words once took one look-behind
30 seconds ("tail" then spaces). Each pattern gets a generous time-out on such texts; the
`regex` module raises TimeoutError when it is exceeded. The limit is far above a normal
pattern's milliseconds, so this guards against runaway matching, not speed."""

from __future__ import annotations

import pytest

from tests.helpers.hostile_text import HOSTILE
from workstation.detect.recognizers.base import RegexRecognizer


@pytest.fixture(scope="module")
def patterns(detector):
    return [(r.name, rx) for r in detector._get_engine().analyzer.registry.recognizers
            if isinstance(r, RegexRecognizer) for rx in r.rx]


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_no_pattern_runs_away_on_hostile_text(patterns, kind):
    text = HOSTILE[kind]
    assert len(patterns) > 100
    slow = []
    for name, rx in patterns:
        try:
            for _ in rx.compiled.finditer(text, timeout=3.0):
                pass
        except TimeoutError:
            slow.append(f"{name}:{rx.name}")
    assert slow == []
