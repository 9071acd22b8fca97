"""The README's walkthrough step 7, "A panel on laptops", on the demo `make run` makes: the
demo coordinator database, its enrolled laptop database and the shared exchange folder.
Assign from the queue's selection through Panel > Assign…, pick the packet up on the
laptop with F6 (its due date in the queue), sign stage 1 there through the Workflow menu,
export the return, F6 on the coordinator merges it and writes the receipt into the
folder, F6 on the laptop takes the receipt in and deletes the merged report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.cheap_kdf import CHEAP_KDF
from tests.helpers.stories import complete_stage1
from tests.ui.signing import sign_with_dialog
from workstation.demo.demo_database import build_demo_database
from workstation.demo.demo_panel import build_demo_panel
from workstation.exchange.panel_view import load_laptop
from workstation.session import Session, unlock
from workstation.stages import Stage, report_stage
from workstation.ui.main_window import MainWindow
from workstation.ui.panel.assign_dialog import AssignDialog
from workstation.ui.panel.forms import ExportReturnsDialog
from workstation.ui.settings import UiSettings
from workstation.workflow import actions
from workstation.workflow.holdings import load_queue

FAST = CHEAP_KDF


def window_for(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session, UiSettings())
    qtbot.addWidget(window)
    assert window.panel is not None
    window.panel.timer.stop()  # the quiet pick-up every two minutes: F6 by hand here
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
    return window


def close_messages() -> list[str]:
    texts = []
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            texts.append(box.text())
            box.close()
    return texts


def press_f6(qtbot: QtBot, window: MainWindow) -> None:
    assert window.panel is not None and window.panel.pick_up_action.shortcut().toString() == "F6"
    window.panel.pick_up_action.trigger()  # what F6 does (Panel > Pick up from the exchange folder)
    qtbot.waitUntil(lambda: window.panel is not None and window.panel.run is None, timeout=30_000)


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_a_panel_on_laptops_as_the_readme_tells_it(qtbot: QtBot, tmp_path: Path, detector: Any,
                                                   sync_tasks: None) -> None:
    demo = build_demo_database(tmp_path / "demo" / "demo.db")
    built = build_demo_panel(demo.path, kdf=FAST)
    coordinator = unlock(demo.path, built.staff, built.passphrase)
    laptop = unlock(built.laptop, built.laptop_reviewer, built.passphrase)
    try:
        office = window_for(qtbot, coordinator)
        on_laptop = window_for(qtbot, laptop)
        assert office.panel is not None and on_laptop.panel is not None
        reviewers = office.panel.tab.reviewer_model._rows
        assert [r.name for r in reviewers] == [built.laptop_reviewer]  # enrolled, fingerprint shown
        assert reviewers[0].fingerprint == built.laptop_fingerprint

        # Select a report in the queue, Panel > Assign…: demo-laptop, stage 1, a due date.
        report = load_queue(coordinator)[0].report_id
        office.database_view.queue_page.select_report(report)
        office.panel.assign_action.trigger()
        dialog = office.panel.last_dialog
        assert isinstance(dialog, AssignDialog) and dialog.reports_edit.text() == str(report)
        dialog.reviewer_combo.setCurrentText(built.laptop_reviewer)
        assert dialog.ok_button.isEnabled() and Path(dialog.file_edit.text()).parent == built.exchange
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        close_messages()
        assert report_stage(coordinator.db, report) == Stage.RECEIVED  # out on the laptop now

        # On the laptop, F6 takes the packet in; the queue shows its due date.
        press_f6(qtbot, on_laptop)
        close_messages()
        (held,) = load_laptop(laptop).held
        assert "due " in load_queue(laptop)[0].flags

        # Stage 1 on the laptop, signed through Review > Workflow > Sign stage 1….
        actions.start_stage1(laptop, held.report_id)
        complete_stage1(laptop, detector, held.report_id)
        on_laptop.refresh()
        qtbot.waitUntil(lambda: not on_laptop.database_view.loading, timeout=5000)
        on_laptop.open_report(held.report_id)
        view = on_laptop.review_view
        qtbot.waitUntil(lambda: view.review is not None and not view.loading, timeout=10_000)
        sign_with_dialog(qtbot, view.workflow, view.workflow.sign1_action.trigger, built.passphrase)
        assert report_stage(laptop.db, held.report_id) == Stage.STAGE1_SIGNED
        on_laptop.show_queue()

        # Panel > Export returns… writes the return into the exchange folder.
        export = on_laptop.panel.export_returns()
        assert isinstance(export, ExportReturnsDialog)
        qtbot.keyClicks(export.passphrase_edit, built.passphrase)
        qtbot.keyClick(export.passphrase_edit, Qt.Key.Key_Return)
        assert not export.isVisible(), export.error_label.text()
        assert Path(export.file_edit.text()).parent == built.exchange
        close_messages()

        # F6 on the coordinator merges it and writes the receipt into the folder.
        press_f6(qtbot, office)
        close_messages()
        assert report_stage(coordinator.db, report) == Stage.STAGE1_SIGNED
        assert list(built.exchange.glob("*.nmreceipt"))

        # F6 on the laptop takes the receipt in: the merged report is deleted there.
        press_f6(qtbot, on_laptop)
        close_messages()
        assert not load_laptop(laptop).held
        assert (built.exchange / "taken-in").is_dir() and not list(built.exchange.glob("*.nmwork"))
    finally:
        laptop.lock()
        coordinator.lock()
