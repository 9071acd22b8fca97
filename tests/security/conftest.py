"""Attacks on the workstation, tried against real databases, keys, bundles and the detector.
The fixtures are the workflow's (a panel of two reviewers on a real database)."""

from __future__ import annotations

from tests.workflow.conftest import panel  # noqa: F401  (a fixture used here too)
