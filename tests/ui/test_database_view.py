"""The Queue and Quarantine tabs: models checked by qtmodeltester, real rows, quarantine actions."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.helpers.intake import Intake, submission
from workstation.intake.bundle_writer import encode_report
from workstation.intake.importer import import_bundle
from workstation.intake.quarantine import QuarantineListing
from workstation.reports import ReportListing
from workstation.session import Session
from workstation.ui.database_view import (
    ROW_ROLE,
    SORT_ROLE,
    ListingPage,
    QuarantineTableModel,
    ReportTableModel,
)
from workstation.ui.main_window import MainWindow

REPORTS = [
    ReportListing("00000000-0000-4000-8000-00000000000b", "received", "2026-03-02T14:05:00Z", "b1"),
    ReportListing("00000000-0000-4000-8000-00000000000a", "received", "2026-01-20T08:30:00Z", "b1"),
    ReportListing("00000000-0000-4000-8000-00000000000c", "received", "2026-02-11T23:59:00Z", "b2"),
]
QUARANTINED = [
    QuarantineListing(2, "00000000-0000-4000-8000-0000000000bd", "invalid",
                      "title: must be a string", 2048, "b1", "2026-03-02T14:06:00Z", None),
    QuarantineListing(10, "00000000-0000-4000-8000-0000000000be", "conflict",
                      "conflict: this submission id is already held with different content",
                      512, "b2", "2026-03-03T09:00:00Z", None),
]


def test_report_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = ReportTableModel(REPORTS)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(REPORTS[:1])  # the tester watches the reset signals
    model.set_rows([])
    model.set_rows(REPORTS)


def test_quarantine_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = QuarantineTableModel(QUARANTINED)
    qtmodeltester.check(model, force_py=True)


def test_report_model_columns_roles_and_read_only() -> None:
    model = ReportTableModel(REPORTS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Received", "Submission id", "Stage", "From bundle",
    ]
    index = model.index(0, ReportTableModel.RECEIVED)
    assert index.data() == "2026-03-02 14:05 UTC"
    assert index.data(SORT_ROLE) == "2026-03-02T14:05:00Z"
    assert index.data(ROW_ROLE) is REPORTS[0]
    assert model.index(0, ReportTableModel.STAGE).data() == "Received"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_quarantine_model_sorts_numbers_as_numbers(qtbot: QtBot) -> None:
    page = ListingPage(QuarantineTableModel(QUARANTINED), ("one", "many"), "empty", "filter")
    qtbot.addWidget(page)
    page.table.sortByColumn(QuarantineTableModel.ID, Qt.SortOrder.AscendingOrder)
    assert [q.id for q in page.rows()] == [2, 10]  # as text, "10" would come first
    page.table.sortByColumn(QuarantineTableModel.SIZE, Qt.SortOrder.DescendingOrder)
    assert [q.size for q in page.rows()] == [2048, 512]
    assert page.model.index(0, QuarantineTableModel.SIZE).data() == "2.0 KiB"


def test_sorting_by_time_and_filtering(qtbot: QtBot) -> None:
    page = ListingPage(ReportTableModel(REPORTS), ("report", "reports"), "empty", "filter")
    qtbot.addWidget(page)
    page.table.sortByColumn(ReportTableModel.RECEIVED, Qt.SortOrder.AscendingOrder)
    assert [r.received_at[:7] for r in page.rows()] == ["2026-01", "2026-02", "2026-03"]
    page.filter_edit.setText("0C")  # case-insensitive, any column
    assert [r.submission_id[-1] for r in page.rows()] == ["c"]
    assert page.count_label.text() == "1 of 3 reports"
    page.filter_edit.setText("")
    assert page.count_label.text() == "3 reports"


def test_empty_database_shows_hints(main_window: MainWindow) -> None:
    view = main_window.database_view
    assert view.queue_page.stack.currentWidget() is view.queue_page.empty_label
    assert "Import bundle" in view.queue_page.empty_label.text()
    assert view.tabs.tabText(0) == "Queue (0)"
    assert view.tabs.tabText(1) == "Quarantine (0)"


def test_tabs_show_the_queue_and_quarantine_without_report_content(
    qtbot: QtBot, main_window: MainWindow, session: Session, intake: Intake, qtmodeltester: ModelTester
) -> None:
    good = [submission(n) for n in range(3)]
    bad_id = "00000000-0000-4000-8000-0000000000bd"
    bad = dict(submission(9), submission_id=bad_id, title=42)
    import_bundle(session, intake.bundle(good))
    import_bundle(session, intake.raw_bundle([(bad_id, encode_report(bad))]))

    view = main_window.database_view
    with qtbot.waitSignal(view.refreshed):
        main_window.refresh_action.trigger()
    assert view.tabs.tabText(0) == "Queue (3)"
    assert view.tabs.tabText(1) == "Quarantine (1)"
    assert {r.row.submission_id for r in view.queue_page.rows()} == {s["submission_id"] for s in good}
    assert view.queue_page.stack.currentWidget() is view.queue_page.table
    [held] = view.quarantine_page.rows()
    assert (held.submission_id, held.kind) == (bad_id, "invalid")
    qtmodeltester.check(view.queue_model, force_py=True)

    shown = [
        str(model.index(r, c).data())
        for model in (view.quarantine_model,)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    for text in (good[0]["narrative"], good[0]["lessons_learned"]):
        assert not any(text in cell for cell in shown)
    queue_cells = [str(view.queue_model.index(r, c).data())
                   for r in range(view.queue_model.rowCount()) for c in range(5)]
    assert not any(good[0]["narrative"] in cell for cell in queue_cells)  # titles only


def test_quarantine_shows_content_on_request_then_fix_and_accept_or_discard(
    qtbot: QtBot, main_window: MainWindow, session: Session, intake: Intake, sync_tasks: None
) -> None:
    bad_ids = ["00000000-0000-4000-8000-0000000000bd", "00000000-0000-4000-8000-0000000000be"]
    bad = [dict(submission(9 + i), submission_id=sid, title=42) for i, sid in enumerate(bad_ids)]
    import_bundle(session, intake.raw_bundle([(b["submission_id"], encode_report(b)) for b in bad]))
    view = main_window.database_view
    with qtbot.waitSignal(view.refreshed):
        main_window.refresh_action.trigger()
    view.tabs.setCurrentWidget(view.quarantine_page)
    detail = view.quarantine_detail
    assert detail is not None
    detail.analyser = lambda: None  # no identifier analysis needed here
    page = view.quarantine_page
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    chosen = detail.listing
    assert chosen is not None and "title" in detail.reason_label.text()
    assert detail.raw_edit.toPlainText() == ""  # nothing read until asked
    views = "SELECT count(*) FROM audit WHERE action = 'quarantine.view'"
    assert session.db.query_one(views)[0] == 0
    detail.show_button.click()
    assert chosen.submission_id in detail.raw_edit.toPlainText()
    assert session.db.query_one(views)[0] == 1  # the view is audited

    dialog = detail.fix_and_accept()
    assert dialog is not None
    fixed = json.loads(dialog.edit.toPlainText())
    fixed["title"] = "Corrected title"
    dialog.edit.setPlainText(json.dumps(fixed))
    dialog.accept()
    qtbot.waitUntil(lambda: view.tabs.tabText(1) == "Quarantine (1)", timeout=5000)
    assert view.tabs.tabText(0) == "Queue (1)"
    assert session.db.query_one("SELECT count(*) FROM reports WHERE submission_id = ?",
                                (chosen.submission_id,))[0] == 1

    page.table.setCurrentIndex(page.proxy.index(0, 0))
    discard = detail.discard()
    assert discard is not None
    discard.reason_edit.setText("a test entry from intake")
    discard.accept()
    qtbot.waitUntil(lambda: view.tabs.tabText(1) == "Quarantine (0)", timeout=5000)
    actions = [r[0] for r in session.db.query("SELECT action FROM audit ORDER BY seq")]
    assert "quarantine.accept" in actions and "quarantine.discard" in actions
