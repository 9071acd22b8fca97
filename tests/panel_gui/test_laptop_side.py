"""The reviewer laptop's side: the demo panel is enrolled both ways; a warning a few days
before an assignment is due (in the Panel tab and above the queue), and at expiry the
step the protocol asks for (write a return; nothing is deleted before the receipt or the
revocation notice)."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from tests.panel_gui.panel_setup import CAROL, PanelDatabases, installed_panel
from workstation.exchange import enrolment
from workstation.exchange.assign import assign
from workstation.exchange.exchange_folder import exchange_folder, outgoing_path, pick_up
from workstation.exchange.panel_view import load_laptop
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings
from workstation.workflow import actions


def test_the_demo_panel_is_enrolled_both_ways(panel_dbs: PanelDatabases) -> None:
    built = panel_dbs.built
    (laptop,) = [lap for lap in enrolment.laptops(panel_dbs.coordinator.db) if lap.retired_at is None]
    assert laptop.reviewer == CAROL and laptop.fingerprint == built.laptop_fingerprint
    assert load_laptop(panel_dbs.carol).coordinator_fingerprint == built.coordinator_fingerprint
    assert exchange_folder(panel_dbs.coordinator) == built.exchange.resolve()
    assert exchange_folder(panel_dbs.carol) == built.exchange.resolve()


def test_the_laptop_warns_before_the_due_date_and_asks_for_a_return_at_expiry(
        qtbot: QtBot, panel_dbs: PanelDatabases) -> None:
    coordinator, carol, folder = panel_dbs.coordinator, panel_dbs.carol, panel_dbs.exchange
    soon = (date.today() + timedelta(days=1)).isoformat()
    assign(coordinator, CAROL, 1, panel_dbs.report_ids[:1], soon, outgoing_path(folder, CAROL, "assignment"))
    pick_up(carol)
    (warning,) = load_laptop(carol).warnings
    assert not warning.expired and f"due {soon}" in warning.text()
    window = MainWindow(carol, UiSettings())
    qtbot.addWidget(window)
    panel = installed_panel(window)
    window.show()
    qtbot.waitUntil(lambda: panel.tab.here_model.rowCount() == 1, timeout=5000)
    assert panel.queue_banner.isVisible() and f"due {soon}" in panel.queue_banner.text()
    assert window.database_view.tabs.currentIndex() == 0  # seen above the queue, not only in the tab
    assert panel.tab.banner.text() == panel.queue_banner.text()

    here = load_laptop(carol).held[0].report_id
    actions.start_stage1(carol, here)
    later = (date.today() + timedelta(days=30)).isoformat() + "T00:00:00.000000Z"
    (expired,) = load_laptop(carol, now=later).warnings
    assert expired.expired and expired.work_to_return
    assert "Write a return of your work now" in expired.text()
    assert "only once the coordinator's receipt or revocation notice arrives" in expired.text()
