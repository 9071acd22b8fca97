"""Every hostile bundle is refused whole with its specific message, or its bad report
is quarantined with its specific reason while the good report still imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.hostile_bundles import CASES, Case
from tests.helpers.intake import BAD_ID, GOOD_ID, BundleContext
from workstation.errors import InputError
from workstation.intake.bundle_format import BundleRejected
from workstation.intake.submissions import check_submission


def test_enough_distinct_cases() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    assert len(names) >= 25


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_bundle(case: Case, tmp_path: Path, ctx: BundleContext) -> None:
    path = case.build(tmp_path, ctx)
    kind, text = case.expected
    if kind == "reject":
        with pytest.raises(BundleRejected) as info:
            ctx.read(path)
        assert isinstance(info.value, InputError)
        assert text in info.value.message
        assert info.value.message.startswith("Bundle refused: ")
        return
    opened = ctx.read(path)
    assert [sid for sid, _ in opened.reports] == [GOOD_ID, BAD_ID]
    results = {sid: check_submission(raw, expected_id=sid) for sid, raw in opened.reports}
    assert results[GOOD_ID].ok
    bad = results[BAD_ID]
    assert not bad.ok
    assert bad.reason is not None and text in bad.reason, bad.reason
