"""An import bench shared by a whole module (the per-test `bench` is the plugin's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.databases import Workstation
from tests.helpers.intake import ImportBench, open_bench


@pytest.fixture(scope="module")
def shared_bench(template_workstation: Workstation,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImportBench]:
    opened = open_bench(template_workstation, tmp_path_factory.mktemp("bench"))
    yield opened
    opened.session.lock()
