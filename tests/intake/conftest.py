from __future__ import annotations

import pytest

from tests.helpers.intake import BundleContext, make_context


@pytest.fixture(scope="session")
def ctx() -> BundleContext:
    return make_context()
