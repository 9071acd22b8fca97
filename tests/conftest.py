"""The root of the tests: the shared fixtures come from one plugin, tests/helpers/plugin.py
(isolated per-user folders for every test, the template database, the detector...); the
shared helpers are in tests/helpers/. Sub-directories' conftest.py files hold only fixtures
of their own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.plugin"]
