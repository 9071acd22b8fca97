"""The preview is updated in place from the common prefix and suffix of old and new text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workstation.ui.review.text_sync import common_prefix_length, common_suffix_length

TEXT = st.text(alphabet="ab\n[]é", max_size=40)


def _slow_prefix(a: str, b: str, limit: int) -> int:
    n = 0
    while n < limit and a[n] == b[n]:
        n += 1
    return n


@given(TEXT, TEXT)
def test_prefix_and_suffix_match_a_character_by_character_scan(a: str, b: str) -> None:
    limit = min(len(a), len(b))
    prefix = common_prefix_length(a, b, limit)
    assert prefix == _slow_prefix(a, b, limit)
    suffix = common_suffix_length(a, b, limit - prefix)
    assert suffix == _slow_prefix(a[::-1], b[::-1], limit - prefix)
    # What lies between is exactly what changed.
    assert a[:prefix] + a[len(a) - suffix:] == b[:prefix] + b[len(b) - suffix:]
