"""Render the Panel tab (coordinator and laptop) and the conflict dialog to PNG files, on
real databases built as the tests build them (not collected by pytest: run it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.panel_gui.make_panel_screenshots OUT_DIR

The coordinator's tab is shown as it reads five days after the assignment (load_panel's
`now`), so that the overdue highlighting shows; nothing in the databases is altered."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from tests.panel_gui.panel_setup import CAROL, DAVE, PASSPHRASE, enrol_laptop, installed_panel, open_panel
from workstation.detect.detector import get_detector
from workstation.exchange import enrolment
from workstation.exchange.assign import assign
from workstation.exchange.exchange_folder import outgoing_path, pick_up
from workstation.exchange.laptop import export_return
from workstation.exchange.panel_view import load_laptop, load_panel
from workstation.exchange.revoke import revoke
from workstation.review.report_review import open_report
from workstation.ui import tasks
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings
from workstation.workflow import actions


def stamp(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    tasks.set_pool(tasks.SyncThreadPool())
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        panel = open_panel(Path(folder), get_detector())
        try:
            coordinator, carol, exchange = panel.coordinator, panel.carol, panel.exchange
            dave = enrol_laptop(panel, DAVE)
            key_file = panel.built.coordinator.parent / "panel-keys" / "coordinator.nmkey"
            enrolment.trust_coordinator(dave, key_file, panel.built.coordinator_fingerprint)
            first, second, third, fourth = panel.report_ids
            soon = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
            later = (datetime.now(UTC) + timedelta(days=9)).date().isoformat()
            assign(coordinator, CAROL, 1, [first, second], soon, outgoing_path(exchange, CAROL, "assignment"))
            assign(coordinator, DAVE, 1, [third, fourth], later, outgoing_path(exchange, DAVE, "assignment"))
            pick_up(carol)
            pick_up(dave, exchange)
            mine = [h.report_id for h in load_laptop(carol).held]
            actions.start_stage1(carol, mine[0])
            export_return(carol, outgoing_path(exchange, CAROL, "return"), PASSPHRASE)
            theirs = [h.report_id for h in load_laptop(dave).held]
            coding = open_report(dave, theirs[0]).coding
            actions.save_coding(dave, theirs[0], replace(coding, publishable_title="Knife under the cushion"),
                                coding)
            revoke(coordinator, [third], Path(folder) / "back.nmrevoke")
            export_return(dave, outgoing_path(exchange, DAVE, "return"), PASSPHRASE)
            pick_up(coordinator)

            window = MainWindow(coordinator, UiSettings())
            actions_ = installed_panel(window)
            window.resize(1100, 680)
            window.show()
            actions_.tab.show_panel(load_panel(coordinator, now=stamp(5)))
            window.database_view.tabs.setCurrentWidget(actions_.tab)
            app.processEvents()
            window.grab().save(str(out / "panel-tab.png"))
            dialog = actions_.show_conflicts()
            app.processEvents()
            dialog.grab().save(str(out / "conflict-dialog.png"))
            dialog.close()
            window.close()

            laptop = MainWindow(carol, UiSettings())
            on_laptop = installed_panel(laptop)
            laptop.resize(1100, 520)
            laptop.show()
            on_laptop._show_laptop(load_laptop(carol, now=stamp(1)))
            laptop.database_view.tabs.setCurrentWidget(on_laptop.tab)
            app.processEvents()
            laptop.grab().save(str(out / "panel-laptop.png"))
            laptop.close()
        finally:
            panel.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/panel-shots"))
