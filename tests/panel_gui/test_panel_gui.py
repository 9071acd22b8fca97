"""The panel driven through the real windows of two workstations: the coordinator's main
window and dave's laptop's, each with the Panel tab and menu installed. Enrolment with the
fingerprint confirmed, an assignment (its refusals shown first), the packet picked up from
the exchange folder on the laptop, stage 1 signed there through the Workflow menu, the
return exported, merged with its receipt, the receipt taken in, and a conflict (work
returned on a revoked report) resolved in the conflict dialog."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.panel_gui.panel_setup import DAVE, FAST, PASSPHRASE, STAFF, PanelDatabases, installed_panel
from tests.ui.signing import sign_with_dialog
from workstation.exchange.panel_view import load_laptop, load_panel
from workstation.exchange.roles import REVIEWER, set_role
from workstation.review.coding import Coding
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.session import Session, create_workstation
from workstation.stages import Stage, report_stage
from workstation.ui.main_window import MainWindow
from workstation.ui.panel import PanelActions
from workstation.ui.panel.assign_dialog import AssignDialog
from workstation.ui.panel.conflict_dialog import ConflictDialog
from workstation.ui.panel.forms import ExportReturnsDialog, RevokeDialog
from workstation.ui.panel.key_dialogs import AcceptKeyDialog, WriteKeyDialog
from workstation.ui.panel.tab import grouped
from workstation.ui.settings import UiSettings
from workstation.workflow import actions
from workstation.workflow.residual import residual_scan
from workstation.workflow.verification import verify_everything

SHOTS = os.environ.get("PANEL_SHOTS")  # a folder: render the Panel tab and the conflict dialog there


def window_for(qtbot: QtBot, session: Session) -> tuple[MainWindow, PanelActions]:
    window = MainWindow(session, UiSettings())
    qtbot.addWidget(window)
    panel = installed_panel(window)
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
    return window, panel


def close_messages() -> list[str]:
    """Close the message boxes shown, returning their texts."""
    texts = []
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            texts.append(box.text())
            box.close()
    return texts


def click(qtbot: QtBot, widget: Any) -> None:
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def stage1_work(session: Session, detector: Any, report_id: int) -> None:
    """What a stage-1 reviewer does before signing: every suggestion decided, the coding
    written, and what the residual scan still finds redacted."""
    actions.start_stage1(session, report_id)
    review = open_report(session, report_id)
    pending = [s.id for s in review.spans if s.decision == Decision.PENDING]
    if pending:
        actions.decide(session, report_id, pending, Decision.REDACT)
    for finding in residual_scan(session.db, detector, report_id):
        if not finding.field.startswith("coding."):
            actions.add_spans(session, report_id, finding.field, [(finding.source_start, finding.source_end)],
                              finding.label)
    actions.save_coding(session, report_id, Coding(
        publishable_title="Weapon under the seat on a routine stop", activity_type="traffic_stop",
        contributing_factors=("complacency",), loss_potential=("officer_serious_injury",),
        lessons_learned="Search the reach area before you relax.", takeaways=("Search the reach area",),
        discussion_questions=("Where would you look first?",)), open_report(session, report_id).coding)


def test_a_panel_through_the_windows(qtbot: QtBot, panel_dbs: PanelDatabases, detector: Any,
                                     tmp_path: Path) -> None:
    coordinator, folder = panel_dbs.coordinator, panel_dbs.exchange
    dave_path = tmp_path / "dave" / "workstation.db"
    dave_path.parent.mkdir()
    dave = create_workstation(dave_path, DAVE, PASSPHRASE, display_name="Dave Laptop", kdf=FAST).session
    panel_dbs.others[DAVE] = dave
    set_role(dave, REVIEWER)
    office, office_panel = window_for(qtbot, coordinator)
    laptop, laptop_panel = window_for(qtbot, dave)
    assert office.database_view.tabs.tabText(2) == "Panel" and laptop_panel.tab.here_model.rowCount() == 0

    # ----- enrolment: the laptop writes its file, the coordinator confirms the fingerprint ----
    write = laptop_panel.write_enrolment()
    assert isinstance(write, WriteKeyDialog)
    write.file_edit.setText(str(tmp_path / "dave.nmenrol"))
    qtbot.keyClicks(write.passphrase_edit, PASSPHRASE)
    click(qtbot, write.write_button)
    assert write.printed and write.fingerprint_label.text() == grouped(write.printed)
    write.accept()
    enrol = office_panel.enrol_reviewer()
    assert isinstance(enrol, AcceptKeyDialog) and not enrol.ok_button.isEnabled()
    qtbot.keyClicks(enrol.file_edit, str(tmp_path / "dave.nmenrol"))
    qtbot.keyClick(enrol.file_edit, Qt.Key.Key_Return)  # Enter in the field reads the file
    assert enrol.fingerprint_label.text() == grouped(write.printed)
    assert enrol.fingerprint_label.font().pointSize() >= 20 and "Dave Laptop" in enrol.who_label.text()
    assert not enrol.ok_button.isEnabled()  # not before the person confirms it was read aloud
    click(qtbot, enrol.confirm)
    click(qtbot, enrol.ok_button)
    assert not enrol.isVisible()
    assert [r.name for r in office_panel.tab.reviewer_model._rows] == ["carol", DAVE]
    key = office_panel.write_coordinator_key()
    key.file_edit.setText(str(tmp_path / "coordinator.nmkey"))
    click(qtbot, key.write_button)
    key.accept()
    trust = laptop_panel.trust_coordinator()
    trust.set_file(tmp_path / "coordinator.nmkey")
    assert trust.fingerprint_label.text() == grouped(key.printed)
    click(qtbot, trust.confirm)
    click(qtbot, trust.ok_button)
    assert load_laptop(dave).coordinator_fingerprint == key.printed

    # ----- assignment from the queue's selection: refusals first, then the packet ------------
    first, second = panel_dbs.report_ids[:2]
    office.database_view.queue_page.select_report(first)
    dialog = office_panel.assign()
    assert isinstance(dialog, AssignDialog) and dialog.reports_edit.text() == str(first)
    dialog.reviewer_combo.setCurrentText(DAVE)
    dialog.stage_combo.setCurrentIndex(1)  # stage 2 of a report nobody has signed
    assert dialog.error_label.isVisible() and not dialog.ok_button.isEnabled()
    dialog.stage_combo.setCurrentIndex(0)
    qtbot.keyClicks(dialog.reports_edit, f" {second}")
    assert not dialog.error_label.isVisible() and dialog.ok_button.isEnabled()
    packet = Path(dialog.file_edit.text())
    assert packet.parent == folder
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible() and packet.is_file()
    assert any("Assigned stage 1 of 2 report(s) to dave" in t for t in close_messages())
    assert sorted(h.report_id for h in office_panel.tab.held_model._rows) == [first, second]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        office.database_view.tabs.setCurrentWidget(office_panel.tab)
        office.resize(1100, 680)
        QApplication.processEvents()
        office.grab().save(str(Path(SHOTS) / "panel-tab.png"))
    again = office_panel.assign()
    again.reviewer_combo.setCurrentText(DAVE)
    assert again.error_label.isVisible() and not again.ok_button.isEnabled()  # already out
    again.reject()

    # ----- the laptop picks the packet up from the exchange folder -------------------------
    assert laptop_panel.pick_up() is None  # no folder set yet: it says so
    assert close_messages()
    laptop_panel.set_folder(folder)  # what Panel > Exchange folder… sets once a folder is chosen
    assert str(folder.resolve()) in laptop_panel.tab.folder_status.text()
    run = laptop_panel.pick_up()
    assert run is not None and run.status is not None
    assert [p.kind for p in run.status.picked_up] == ["assignment"]
    assert "picked up 1" in laptop_panel.tab.folder_status.text()
    close_messages()
    qtbot.waitUntil(lambda: laptop_panel.tab.here_model.rowCount() == 2, timeout=5000)
    held = {h.title: h.report_id for h in load_laptop(dave).held}
    assert laptop.database_view.queue_model.rowCount() == 2
    here_first, here_second = sorted(held.values())

    # ----- stage 1 on the laptop, signed through the Workflow menu -------------------------
    stage1_work(dave, detector, here_first)
    actions.start_stage1(dave, here_second)  # begun only: in progress
    laptop.refresh()
    qtbot.waitUntil(lambda: not laptop.database_view.loading, timeout=5000)
    page = laptop.database_view.queue_page
    page.table.setFocus()
    page.select_report(here_first)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = laptop.review_view
    qtbot.waitUntil(lambda: view.report_id == here_first and view.review is not None and not view.loading,
                    timeout=10_000)
    flow = view.workflow
    # The k figure first (the laptop counts from the coordinator's table in the packet);
    # below k, a written reason, as the reviewer would type it; then the passphrase.
    sign_with_dialog(qtbot, flow, flow.sign1_action.trigger, PASSPHRASE)
    assert report_stage(dave.db, here_first) == Stage.STAGE1_SIGNED
    laptop.show_queue()

    # ----- the return, merged on the coordinator with its receipt ------------------------
    export = laptop_panel.export_returns()
    assert isinstance(export, ExportReturnsDialog)
    qtbot.keyClicks(export.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(export.passphrase_edit, Qt.Key.Key_Return)
    assert not export.isVisible(), export.error_label.text()
    returned = Path(export.file_edit.text())
    assert returned.is_file() and "1 done, 1 in progress" in export.done_message
    merge = office_panel.start_import_returns([returned])
    summary = merge.message.text() if merge.message else ""
    assert "1 report(s) done, 1 in progress" in summary and "0 to the conflict queue" in summary
    receipt = merge.outcome.merged[0][2]
    assert receipt.is_file() and receipt.suffix == ".nmreceipt"
    close_messages()
    assert report_stage(coordinator.db, first) == Stage.STAGE1_SIGNED
    again = office_panel.start_import_returns([returned])  # the same return twice: nothing changes
    assert again.outcome is not None and again.outcome.merged == [] and again.outcome.refused == []
    assert "skipped, merged before" in (again.message.text() if again.message else "")
    close_messages()
    assert office_panel.tab.reviewer_model._rows[1].last_return is not None
    laptop_panel.take_in("receipt", receipt)
    assert any("1 report(s) deleted from this laptop, 1 kept" in t for t in close_messages())
    assert [h.report_id for h in load_laptop(dave).held] == [here_second]

    # ----- a conflict: the report is revoked while work on it is on its way back ---------------
    office_panel.tab.held_page.table.selectRow(0)
    revoke = office_panel.revoke()
    assert isinstance(revoke, RevokeDialog) and revoke.reports_edit.text() == str(second)
    click(qtbot, revoke.buttons.buttons()[0] if revoke.buttons.buttons()[0].text() == "Revoke"
          else revoke.buttons.buttons()[1])
    assert not revoke.isVisible(), revoke.error_label.text()
    notice = Path(revoke.file_edit.text())
    coding = open_report(dave, here_second).coding
    titled = replace(coding, publishable_title="A knife from under the cushion")
    actions.save_coding(dave, here_second, titled, coding)
    export = laptop_panel.export_returns()
    qtbot.keyClicks(export.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(export.passphrase_edit, Qt.Key.Key_Return)
    merge = office_panel.start_import_returns([Path(export.file_edit.text())])
    assert "1 to the conflict queue" in (merge.message.text() if merge.message else "")
    close_messages()
    assert office_panel.tab.conflicts_button.isEnabled() and load_panel(coordinator).open_conflicts == 1
    click(qtbot, office_panel.tab.conflicts_button)
    conflicts = office_panel.last_dialog
    assert isinstance(conflicts, ConflictDialog) and conflicts.list.count() == 1
    assert "revoked" in conflicts.header.text()
    assert "coding saved: title 'A knife from under the cushion'" in conflicts.theirs.toPlainText()
    assert conflicts.previews[0].changed == ("Title",) and "the cushion" not in conflicts.ours.toPlainText()
    assert "Published preview" in conflicts.ours.toPlainText()
    if SHOTS:
        QApplication.processEvents()
        conflicts.grab().save(str(Path(SHOTS) / "conflict-dialog.png"))
    click(qtbot, conflicts.apply_button)
    assert conflicts.list.count() == 0 and conflicts.empty_label.isVisible()
    assert load_panel(coordinator).open_conflicts == 0
    conflicts.accept()
    laptop_panel.take_in("revocation", notice)
    assert any("took back 1 report(s)" in t for t in close_messages())
    assert load_laptop(dave).held == ()
    for session in (coordinator, dave):
        assert verify_everything(session.db).intact
    assert coordinator.reviewer == STAFF
