"""Before agency PDFs are written, the dialog preselects the newest complete quarter that has
reports and says how many agencies will get figures: the figures are those the export then
writes (checked against a real export of the demo database)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from workstation.demo.demo_database import build_demo_database
from workstation.export.agency_export import export_agency_pdfs
from workstation.export.agency_outlook import AgencyPeriods
from workstation.export.periods import parse_period
from workstation.session import Session, unlock


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    built = build_demo_database(tmp_path_factory.mktemp("demo") / "demo.db")
    session = unlock(built.path, built.reviewers[0], built.passphrase)
    yield session
    session.lock()


def test_the_newest_complete_quarter_with_reports_is_preselected(demo: Session) -> None:
    periods = AgencyPeriods(demo)
    received = sorted(r.received[:10] for r in periods.rows if r.ori)
    newest = parse_period(f"{received[-1][:4]}-Q{(int(received[-1][5:7]) - 1) // 3 + 1}")
    a_year_later = date(newest.end.year + 1, newest.end.month, 1)
    offered, preselected = periods.choices(a_year_later)
    assert preselected == newest.code and offered[-1].isdigit()  # added before the year
    assert periods.outlook(parse_period(preselected), 5).reports > 0
    empty = parse_period(offered[0])
    assert periods.outlook(empty, 5).reports == 0 and "notice only" in periods.outlook(empty, 5).describe()


def test_the_outlook_counts_what_the_export_writes(demo: Session, tmp_path: Path) -> None:
    periods = AgencyPeriods(demo)
    _offered, preselected = periods.choices(date(2030, 1, 1))
    k = 3  # a period is exported with one k only (another would let readers difference counts)
    outlook = periods.outlook(parse_period(preselected), k)
    assert periods.outlook(parse_period(preselected), 2).with_figures >= outlook.with_figures
    written = export_agency_pdfs(demo, preselected, tmp_path / "out", k=k)
    assert len(written.files) == outlook.agencies
    assert written.notices == outlook.agencies - outlook.with_figures
    assert f"{outlook.with_figures} agenc" in outlook.describe()
