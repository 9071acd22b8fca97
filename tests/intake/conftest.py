from __future__ import annotations

import pytest

from tests.intake.hostile_bundles import BundleContext, make_context


@pytest.fixture(scope="session")
def ctx() -> BundleContext:
    return make_context()
