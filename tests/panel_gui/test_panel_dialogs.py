"""The panel dialogs' other ways: returned work discarded in the conflict dialog, only with
a reason, the coordinator's state kept as it was; an assignment cancelled before its packet
is written writes and records nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.panel_gui.panel_setup import CAROL, PASSPHRASE, PanelDatabases
from workstation.exchange.assign import assign
from workstation.exchange.conflicts import conflicts
from workstation.exchange.exchange_folder import outgoing_path, pick_up
from workstation.exchange.laptop import export_return
from workstation.exchange.panel_view import load_laptop, load_panel
from workstation.exchange.revoke import revoke
from workstation.review.report_review import open_report
from workstation.ui import tasks
from workstation.ui.panel.assign_dialog import AssignRun
from workstation.ui.panel.conflict_dialog import ConflictDialog
from workstation.workflow import actions
from workstation.workflow.publishable import publishable_content


@pytest.fixture(autouse=True)
def sync_pool(qapp: QApplication) -> Iterator[None]:
    tasks.set_pool(tasks.SyncThreadPool())
    yield
    tasks.set_pool(None)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, 0)


def test_returned_work_is_discarded_only_with_a_reason(qtbot: QtBot, panel_dbs: PanelDatabases,
                                                       tmp_path: Path) -> None:
    coordinator, carol, folder = panel_dbs.coordinator, panel_dbs.carol, panel_dbs.exchange
    report_id = panel_dbs.report_ids[0]
    assign(coordinator, CAROL, 1, [report_id], "2099-12-31", outgoing_path(folder, CAROL, "assignment"))
    pick_up(carol)
    here = load_laptop(carol).held[0].report_id
    coding = open_report(carol, here).coding
    actions.save_coding(carol, here, replace(coding, publishable_title="Returned too late to use"), coding)
    revoke(coordinator, [report_id], tmp_path / "back.nmrevoke")
    export_return(carol, outgoing_path(folder, CAROL, "return"), PASSPHRASE)
    assert [p.kind for p in pick_up(coordinator).picked_up] == ["return"]
    before = publishable_content(coordinator.db, report_id)

    dialog = ConflictDialog(coordinator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload()
    assert dialog.list.count() == 1 and dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)  # no reason given
    assert dialog.error_label.isVisible() and dialog.list.count() == 1
    qtbot.keyClicks(dialog.reason_edit, "Revoked: the report was re-assigned to dave")
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0 and dialog.empty_label.isVisible()
    (found,) = conflicts(coordinator, open_only=False)
    assert found.resolution == "discarded" and found.note == "Revoked: the report was re-assigned to dave"
    assert publishable_content(coordinator.db, report_id) == before  # nothing overwritten


def test_an_assignment_cancelled_before_writing_writes_nothing(qtbot: QtBot,
                                                               panel_dbs: PanelDatabases) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    out = outgoing_path(panel_dbs.exchange, CAROL, "assignment")
    run = AssignRun(panel_dbs.coordinator, CAROL, 1, panel_dbs.report_ids[:2], "2099-12-31", out, parent)
    results: list[object] = []
    run.finished.connect(results.append)
    run.cancel()  # pressed while the reports were being checked
    run.start()
    assert results == [None] and not out.exists()
    assert run.message is not None and "no packet was written" in run.message.text()
    assert load_panel(panel_dbs.coordinator).held == ()
