"""A workstation holding one imported report whose text we know, ready for review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.databases import Workstation
from tests.helpers.intake import open_bench
from tests.helpers.stories import Reviewed, import_story


@pytest.fixture
def reviewed(template_workstation: Workstation, tmp_path: Path) -> Iterator[Reviewed]:
    bench = open_bench(template_workstation, tmp_path)
    report_id, submission_id = import_story(bench)
    yield Reviewed(bench, report_id, submission_id)
    bench.session.lock()
