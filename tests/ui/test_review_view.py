"""The review GUI driven through its real widgets and keys, against a real encrypted
database whose suggestions come from the real detector (imported through a real bundle)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Template
from tests.helpers.files import copy_database
from tests.helpers.intake import Intake, trusted_intake
from tests.helpers.review_data import identified_submissions, import_with_suggestions, shared_analyser
from tests.ui.signing import answer_keep_popup, fill_signing_dialog, open_signing_dialog
from workstation.audit import chain
from workstation.review.coding import load_coding
from workstation.review.decisions import occurrences
from workstation.review.span_store import load_spans
from workstation.review.spans import Decision, Origin, ReviewSpan
from workstation.session import Session, unlock
from workstation.ui.listing import ROW_ROLE
from workstation.ui.main_window import MainWindow
from workstation.ui.queue_view import QueueModel
from workstation.ui.review.dialogs import SetAsideDialog
from workstation.ui.review.palette import fill_colour, ink_colour
from workstation.ui.review.residual_dialog import ResidualDialog
from workstation.ui.review.span_model import SpanModel
from workstation.ui.review.text_sync import Offsets
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings
from workstation.workflow.actions import link_reports
from workstation.workflow.holdings import QueueItem
from workstation.workflow.publishable import publishable_content
from workstation.workflow.review_reads import earlier_book


@pytest.fixture(scope="session", autouse=True)
def detector_loaded() -> None:
    """Load the real detector once for the whole test session (a few seconds)."""
    shared_analyser()


@dataclass
class Desk:
    window: MainWindow
    session: Session
    report_ids: list[int]

    @property
    def view(self) -> ReviewView:
        return self.window.review_view

    def spans(self, report_id: int | None = None) -> dict[int, ReviewSpan]:
        rid = report_id if report_id is not None else self.view.report_id
        assert rid is not None
        return {s.id: s for s in load_spans(self.session.db, rid)}


@pytest.fixture(scope="module")
def desk_session(template_workstation: Template, tmp_path_factory: pytest.TempPathFactory,
                 ) -> Iterator[tuple[Session, Intake]]:
    """One unlocked copy of the test database (alice alone) for this module (unlocking costs
    an Argon2id derivation); each test imports reports of its own into it."""
    folder = tmp_path_factory.mktemp("review")
    target = copy_database(template_workstation.alice_only.path, folder, "x.db")
    opened = unlock(target, ALICE, ALICE_PASSPHRASE)
    yield opened, trusted_intake(opened, folder / "intake")
    opened.lock()


@pytest.fixture
def desk(qtbot: QtBot, desk_session: tuple[Session, Intake], settings: UiSettings) -> Desk:
    session, intake = desk_session
    submissions = identified_submissions(4, seed=6)  # seed 6: the reports hold a date
    for sub in submissions:
        sub["submission_id"] = str(uuid.uuid4())  # this test's own reports
    ids = import_with_suggestions(session, intake, submissions, f"{uuid.uuid4()}.nmbundle")
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading)
    window.activateWindow()
    return Desk(window, session, ids)


def mine(desk: Desk, items: list[QueueItem]) -> list[QueueItem]:
    return [i for i in items if i.report_id in desk.report_ids]


def open_in_review(qtbot: QtBot, desk: Desk, report_id: int) -> ReviewView:
    desk.window.open_report(report_id)
    view = desk.view
    qtbot.waitUntil(lambda: view.review is not None and not view.loading, timeout=10_000)
    assert desk.window.pages.currentWidget() is view
    return view


def busiest(desk: Desk) -> int:
    rows = mine(desk, desk.window.database_view.queue_page.rows())
    return max(rows, key=lambda item: item.row.suggestions).report_id


def key(qtbot: QtBot, view: ReviewView, keys: str,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view.original_edit.setFocus()
    for k in keys:
        qtbot.keyClick(view.original_edit, k, modifier)
        if k == "x" and modifier == Qt.KeyboardModifier.NoModifier:
            answer_keep_popup(qtbot, view)  # a sure suggestion asks why: 1, "not an identifier"


# ----- queue ----------------------------------------------------------------------------


def test_queue_shows_stage_pending_and_opens_on_enter(qtbot: QtBot, desk: Desk,
                                                     qtmodeltester: ModelTester) -> None:
    page = desk.window.database_view.queue_page
    assert desk.window.database_view.tabs.tabText(0) == f"Queue ({page.model.rowCount()})"
    items = mine(desk, page.rows())
    assert {i.report_id for i in items} == set(desk.report_ids)
    assert all(isinstance(i, QueueItem) for i in items)
    assert sum(i.row.suggestions for i in items) > 0  # the detector's suggestions
    model = desk.window.database_view.queue_model
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(QueueModel.STAGE, Qt.Orientation.Horizontal) == "Stage"
    assert model.index(0, QueueModel.STAGE).data() == "Received"
    first = model.index(0, 0).data(ROW_ROLE).row
    assert model.index(0, QueueModel.TO_DECIDE).data() == f"{first.pending} of {first.suggestions}"
    assert model.index(0, QueueModel.NUMBER).data() == str(first.report_id)

    page.table.setFocus()
    page.select_report(items[0].report_id)
    views = "SELECT count(*) FROM audit WHERE action = 'report.view' AND object = ?"
    target = f"report:{items[0].report_id}"
    assert desk.session.db.query_one(views, (target,))[0] == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = desk.view
    qtbot.waitUntil(lambda: view.review is not None and not view.loading, timeout=10_000)
    assert view.report_id == items[0].report_id
    assert desk.session.db.query_one(views, (target,))[0] == 1  # the view of the original is audited

    qtbot.keyClick(view.original_edit, Qt.Key.Key_Escape)
    assert desk.window.pages.currentWidget() is desk.window.database_view


def test_search_filters_the_queue_with_full_text_search(qtbot: QtBot, desk: Desk) -> None:
    page = desk.window.database_view.queue_page
    target = mine(desk, page.rows())[0]
    word = max(target.row.title.split(), key=len)
    qtbot.keyClicks(page.filter_edit, word)
    qtbot.waitUntil(lambda: page.search_text == word, timeout=3000)
    qtbot.waitUntil(lambda: not desk.window.database_view.loading, timeout=3000)
    found = page.rows()
    assert target.report_id in {i.report_id for i in found}
    assert all(word.lower() in i.row.title.lower() or i.row.title for i in found)

    page.filter_edit.setText("zzqxnothingmatches")
    qtbot.waitUntil(lambda: page.search_text == "zzqxnothingmatches", timeout=3000)
    qtbot.waitUntil(lambda: not desk.window.database_view.loading and not page.rows(), timeout=3000)
    assert page.count_label.text() == "no matches"
    page.filter_edit.setText("")
    qtbot.waitUntil(lambda: len(mine(desk, page.rows())) == 4, timeout=3000)


def test_stage_and_status_filters(qtbot: QtBot, desk: Desk) -> None:
    page = desk.window.database_view.queue_page
    decided = busiest(desk)
    view = open_in_review(qtbot, desk, decided)
    for _ in range(len(view.review.spans)):  # decide all of one report
        key(qtbot, view, "a")
    view.go_back()
    qtbot.waitUntil(lambda: not desk.window.database_view.loading, timeout=3000)
    qtbot.waitUntil(lambda: any(not i.row.pending for i in mine(desk, page.rows())), timeout=3000)

    page.status_combo.setCurrentIndex(page.status_combo.findData("decided"))
    assert decided in {i.report_id for i in page.rows()}
    assert all(not i.row.pending for i in page.rows())
    page.status_combo.setCurrentIndex(page.status_combo.findData("to_decide"))
    assert decided not in {i.report_id for i in page.rows()}
    page.status_combo.setCurrentIndex(0)
    page.stage_combo.setCurrentIndex(page.stage_combo.findData("approved"))
    assert page.rows() == []
    page.stage_combo.setCurrentIndex(page.stage_combo.findData("received"))
    assert len(mine(desk, page.rows())) == 4


# ----- review: keys, saved decisions, undo -------------------------------------------------


def test_accept_and_reject_with_keys_are_saved_and_undoable(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    total = len(view.review.spans)
    assert total >= 3
    assert view.progress_label.text() == f"0 of {total} suggestions decided"
    first = view.current_id
    key(qtbot, view, "a")
    assert desk.spans()[first].decision == Decision.REDACT  # saved at once
    second = view.current_id
    assert second != first  # moved on to the next suggestion
    key(qtbot, view, "x")
    assert desk.spans()[second].decision == Decision.KEEP
    assert view.progress_label.text() == f"2 of {total} suggestions decided"

    key(qtbot, view, "z", Qt.KeyboardModifier.ControlModifier)
    assert desk.spans()[second].decision == Decision.PENDING
    assert view.current_id == second
    key(qtbot, view, "z", Qt.KeyboardModifier.ControlModifier)
    assert desk.spans()[first].decision == Decision.PENDING
    assert view.progress_label.text() == f"0 of {total} suggestions decided"
    key(qtbot, view, "Z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert desk.spans()[first].decision == Decision.REDACT
    assert view.undo_action.isEnabled() and view.redo_action.isEnabled()

    actions = [r[0] for r in desk.session.db.query("SELECT action FROM audit ORDER BY seq")]
    assert actions[-5:] == ["review.accept", "review.reject", "review.undo", "review.undo", "review.redo"]


def test_accept_shows_the_placeholder_in_the_preview(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    span = view.current_span()
    assert span is not None
    original = view.review.texts[span.field][span.start:span.end]
    key(qtbot, view, "a")
    preview = view.preview_edit.toPlainText()
    assert view.field == span.field or view.redacted[span.field].text
    redacted = view.redacted[span.field].text
    assert "[" in redacted and original not in redacted.split("[")[0][-len(original):]
    if view.field == span.field:
        assert preview == redacted


def test_navigation_and_relabel_with_number_keys(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    order = [s.id for s in view.span_model.spans()]
    view.set_current(order[0])
    key(qtbot, view, "j")
    assert view.current_id == order[1]
    qtbot.keyClick(view.original_edit, Qt.Key.Key_Down)
    assert view.current_id == order[2]
    key(qtbot, view, "k")
    assert view.current_id == order[1]
    target = order[1]
    key(qtbot, view, "6")  # ID
    assert desk.spans()[target].label == "ID"
    key(qtbot, view, "2")  # AGENCY
    assert desk.spans()[target].label == "AGENCY"
    assert view.label_combo.currentData() == "AGENCY"
    assert view.span_model.index(view.span_model.row_of(target), SpanModel.LABEL).data() == "Agency"


def test_single_keys_are_text_while_typing_in_the_coding_panel(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    before = desk.spans()
    edit = view.coding_panel.title_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "ax jk 12")
    assert edit.text() == "ax jk 12"
    assert desk.spans() == before  # no decision was made


def test_redact_a_missed_identifier_by_selection_and_all_occurrences(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    view.show_field("narrative")
    text = view.review.texts["narrative"]
    taken = [(s.start, s.end) for s in view.review.spans if s.field == "narrative"]
    # a word no suggestion covers
    position = 0
    choice = None
    for part in text.split(" "):
        if part.isalpha() and len(part) > 4 and not any(a <= position < b for a, b in taken):
            choice = (position, position + len(part))
            break
        position += len(part) + 1
    assert choice is not None
    cursor = view.original_edit.textCursor()
    cursor.setPosition(choice[0])
    cursor.setPosition(choice[1], QTextCursor.MoveMode.KeepAnchor)
    view.original_edit.setTextCursor(cursor)
    key(qtbot, view, "3")  # a selection and a number: mark it as a location
    added = [s for s in desk.spans().values() if s.state.origin == Origin.REVIEWER]
    assert [(s.field, s.start, s.end, s.label, s.decision) for s in added] == [
        ("narrative", choice[0], choice[1], "LOCATION", Decision.REDACT)]
    assert view.current_id == added[0].id
    assert "[Location" in view.preview_edit.toPlainText()

    key(qtbot, view, "z", Qt.KeyboardModifier.ControlModifier)  # undo removes it again
    assert not [s for s in desk.spans().values() if s.state.origin == Origin.REVIEWER]

    # `r` marks the selection with the last label chosen; `o` every occurrence of it
    view.original_edit.setTextCursor(cursor)
    key(qtbot, view, "r")
    assert [s.label for s in desk.spans().values() if s.state.origin == Origin.REVIEWER] == ["LOCATION"]
    word = text[choice[0]:choice[1]]
    view.original_edit.setTextCursor(cursor)
    key(qtbot, view, "o")
    found = occurrences(view.review.texts, word)
    covered = {(s.field, s.start, s.end) for s in desk.spans().values() if s.decision == Decision.REDACT}
    for field_name, ranges in found.items():
        for start, end in ranges:
            assert any(f == field_name and a <= start and end <= b for f, a, b in covered)


def test_switch_fields_with_tabs(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    names = [view.field_tabs.tabData(i) for i in range(view.field_tabs.count())]
    assert names[:3] == ["title", "narrative", "lessons_learned"]
    for i, name in enumerate(names):
        view.field_tabs.setCurrentIndex(i)
        assert view.field == name
        assert view.original_edit.toPlainText() == view.review.texts[name]
        current = view.current_span()
        assert current is None or current.field == name
    # moving to a suggestion in another field switches the tab too
    other = next(s for s in view.span_model.spans() if s.field != view.field)
    view.span_table.setCurrentIndex(view.span_model.index(view.span_model.row_of(other.id), 0))
    assert view.field == other.field
    assert view.field_tabs.tabData(view.field_tabs.currentIndex()) == other.field


def test_own_replacement_and_month_and_year(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    person = next(s for s in view.span_model.spans() if s.label == "PERSON")
    view.set_current(person.id)
    view.replacement_edit.setFocus()
    view.replacement_edit.setText("the other officer")
    qtbot.keyClick(view.replacement_edit, Qt.Key.Key_Return)
    saved = desk.spans()[person.id]
    assert (saved.state.replacement, saved.decision) == ("the other officer", Decision.REDACT)
    assert "the other officer" in view.redacted[person.field].text

    dates = [s for rid in desk.report_ids for s in desk.spans(rid).values() if s.label == "DATE"]
    if not dates:
        pytest.skip("the generated reports hold no date this time")
    date = dates[0]
    view = open_in_review(qtbot, desk, next(r for r in desk.report_ids if date.id in desk.spans(r)))
    view.set_current(date.id)
    assert view.generalise_check.isEnabled()
    view.generalise_check.click()
    saved = desk.spans()[date.id]
    assert saved.state.generalise and saved.decision == Decision.REDACT


def test_coding_panel_saves_what_is_typed(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    panel = view.coding_panel
    assert panel.date_label.text() != "—"  # month and year
    panel.title_edit.setFocus()
    qtbot.keyClicks(panel.title_edit, "Unsearched prisoner hides a knife")
    panel.activity_combo.setCurrentIndex(panel.activity_combo.findData("traffic_stop"))
    panel.factors_list.item(0).setCheckState(Qt.CheckState.Checked)
    panel.takeaways_edit.setPlainText("Search every prisoner yourself\n\nWatch the hands")
    panel.questions_edit.setPlainText("Who searches at a hand-over?")
    view.go_back()  # leaving saves what is waiting
    coding = load_coding(desk.session.db, view.report_id, view.review.submission)
    assert coding.publishable_title == "Unsearched prisoner hides a knife"
    assert coding.activity_type == "traffic_stop"
    assert panel.factors_list.item(0).data(Qt.ItemDataRole.UserRole) in coding.contributing_factors
    assert coding.takeaways == ("Search every prisoner yourself", "Watch the hands")
    assert coding.discussion_questions == ("Who searches at a hand-over?",)
    entries = desk.session.db.query("SELECT count(*) FROM audit WHERE action = 'coding.update'")
    assert entries[0][0] >= 1


def test_span_model_passes_qtmodeltester(qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    model = view.span_model
    qtmodeltester.check(model, force_py=True)
    key(qtbot, view, "a")  # dataChanged for one row
    assert model.index(0, SpanModel.DECISION).data() == "redact"
    assert model.index(0, SpanModel.SCORE).data(Qt.ItemDataRole.TextAlignmentRole)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_opening_does_not_block_and_late_results_are_ignored(qtbot: QtBot, desk: Desk) -> None:
    view = desk.view
    desk.window.open_report(desk.report_ids[0])
    desk.window.open_report(desk.report_ids[1])  # the first result arrives late: dropped
    qtbot.waitUntil(lambda: view.review is not None and not view.loading, timeout=10_000)
    qtbot.wait(50)
    assert view.review.report_id == desk.report_ids[1]


def formats_at(edit: QPlainTextEdit, position: int) -> list[QTextCharFormat]:
    block = edit.document().findBlock(position)
    offset = position - block.position()
    return [QTextCharFormat(r.format) for r in block.layout().formats()
            if r.start <= offset < r.start + r.length]


def test_highlights_follow_labels_decisions_and_the_current_suggestion(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    current = view.current_span()
    assert current is not None
    [fmt] = formats_at(view.original_edit, current.start)
    assert fmt.background().color() == ink_colour(current.label)  # the current one stands out
    others = [s for s in view.review.spans if s.field == view.field and s.id != current.id]
    if others:
        [fmt] = formats_at(view.original_edit, others[0].start)
        assert fmt.background().color().rgb() == fill_colour(others[0].label).rgb()
    # after a run of decisions, undos and redos, the preview edited in place is exactly the
    # redacted text, and every redacted placeholder is highlighted in it
    for keys in ("a", "a", "x", "a"):
        key(qtbot, view, keys)
    key(qtbot, view, "z", Qt.KeyboardModifier.ControlModifier)
    key(qtbot, view, "a")
    for name in list(view.review.texts):
        view.show_field(name)
        redacted = view.redacted[name]
        assert view.preview_edit.toPlainText() == redacted.text
        for seg in redacted.segments:
            if seg.span_id is not None:
                assert formats_at(view.preview_edit, seg.out_start), name


def test_offsets_count_characters_outside_the_bmp_twice() -> None:
    text = "a\U0001F600b c"
    offsets = Offsets(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6]
    assert [offsets.from_qt(offsets.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert Offsets("plain").to_qt(3) == 3


# ----- workflow from the review view -------------------------------------------------------


def stage_of(desk: Desk, report_id: int) -> str:
    return desk.session.db.query_one("SELECT stage FROM reports WHERE id = ?", (report_id,))[0]


def test_start_stage1_then_set_aside_from_the_workflow_menu(qtbot: QtBot, desk: Desk) -> None:
    rid = busiest(desk)
    view = open_in_review(qtbot, desk, rid)
    flow = view.workflow
    assert flow.start1_action.isEnabled() and not flow.sign1_action.isEnabled()
    flow.start1_action.trigger()
    qtbot.waitUntil(lambda: not flow.busy, timeout=5000)
    assert stage_of(desk, rid) == "stage1"
    assert view.stage_label.text() == "Stage 1 in progress"
    assert flow.sign1_action.isEnabled() and not flow.start1_action.isEnabled()

    flow.set_aside_action.trigger()
    dialog = flow.last_dialog
    assert isinstance(dialog, SetAsideDialog)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("test_entry"))
    dialog.comment_edit.setText("entered while training")
    dialog.accept()
    qtbot.waitUntil(lambda: stage_of(desk, rid) == "set_aside", timeout=5000)
    qtbot.waitUntil(lambda: view.stage_label.text().startswith("Set aside"), timeout=5000)
    before = desk.spans()
    desk.window.activateWindow()  # the dialog had it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window, timeout=3000)
    # A report set aside cannot be changed: shown read-only and said plainly; a key saves nothing.
    assert view.error_label.isVisible() and "can no longer be changed" in view.error_label.text()
    assert not view.accept_action.isEnabled() and not view.coding_panel.isEnabled()
    key(qtbot, view, "a")
    assert desk.spans() == before


def test_signing_is_refused_with_the_reasons_while_work_is_left(qtbot: QtBot, desk: Desk) -> None:
    rid = busiest(desk)
    view = open_in_review(qtbot, desk, rid)
    flow = view.workflow
    flow.start1_action.trigger()
    qtbot.waitUntil(lambda: not flow.busy and flow.sign1_action.isEnabled(), timeout=5000)
    dialog = open_signing_dialog(qtbot, flow, flow.sign1_action.trigger)
    fill_signing_dialog(qtbot, dialog, ALICE_PASSPHRASE)
    qtbot.waitUntil(lambda: not flow.busy, timeout=20_000)
    message = flow.last_dialog
    assert isinstance(message, QMessageBox)
    assert "cannot be signed yet" in message.text() and "not decided yet" in message.text()
    assert stage_of(desk, rid) == "stage1"


def test_residual_scan_does_not_list_what_you_kept_yourself(qtbot: QtBot, desk: Desk) -> None:
    """Every suggestion kept with `x` (asked why where the detector was sure): the residual
    scan from the menu does not ask again (see test_signing_desk.py for what it lists)."""
    rid = busiest(desk)
    view = open_in_review(qtbot, desk, rid)
    for _ in range(len(view.review.spans)):
        key(qtbot, view, "x")  # keep every suggestion: the names stay in the text
    assert all(s.decision == Decision.KEEP for s in desk.spans().values())
    flow = view.workflow
    flow.scan_action.trigger()
    qtbot.waitUntil(lambda: not flow.busy, timeout=20_000)
    dialog = flow.last_dialog
    assert isinstance(dialog, ResidualDialog) and dialog is flow.residual_dialog
    assert dialog.remaining() == 0
    assert dialog.summary.text().startswith("The residual scan finds nothing left in the redacted text.")


def test_queue_flags_linked_reports(qtbot: QtBot, desk: Desk) -> None:
    first, second = desk.report_ids[:2]
    link_reports(desk.session, first, [second])
    view = desk.window.database_view
    with qtbot.waitSignal(view.refreshed):
        desk.window.refresh()
    flags = {i.report_id: i.flags for i in view.queue_page.rows()}
    assert flags[first] == flags[second] == "linked (1)"
    assert flags[desk.report_ids[2]] == ""
    page = view.queue_page
    page.status_combo.setCurrentIndex(page.status_combo.findData("flagged"))
    assert {first, second} <= {i.report_id for i in page.rows()}
    assert desk.report_ids[2] not in {i.report_id for i in page.rows()}


def test_linked_reports_share_their_placeholders_in_the_preview(qtbot: QtBot, desk: Desk) -> None:
    first, second = desk.report_ids[:2]
    link_reports(desk.session, first, [second])
    primary = open_in_review(qtbot, desk, first)
    people = [s for s in primary.review.spans if s.label == "PERSON"]
    if not people:
        pytest.skip("no person in the primary report this time")
    name = primary.review.texts[people[0].field][people[0].start:people[0].end]
    assert primary.earlier_book.placeholder("PERSON", name) == "[Person]"  # nothing read before it
    view = open_in_review(qtbot, desk, second)
    # the primary's first person keeps number 1 in the supplemental report's preview
    assert view.earlier_book.placeholder("PERSON", name) == "[Person 1]"
    assert earlier_book(desk.session.db, second).placeholder("PERSON", name) == "[Person 1]"


def test_published_details_are_shown_and_withheld_or_generalised_with_keys(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, busiest(desk))
    tabs = view.side_tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tabs.currentWidget() is view.details_panel
    combos = view.details_panel.combos
    role = combos["role_rank"]
    assert role.currentData() == "withhold"  # the default for a new report
    assert role.itemText(0).startswith("As given: ")
    qtbot.waitUntil(lambda: "share" in view.details_panel.k_label.text(), timeout=10_000)
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Home)  # the first choice: as given
    assert role.currentData() == "publish"
    db = view.session.db
    structured = publishable_content(db, view.report_id)["structured"]
    assert structured["role_rank"] == view.review.submission["role_rank"]
    assert chain.entries(db)[-1].action == "review.disclosure"
    time = combos["time_of_day"]
    assert time.currentData() == "generalise" and time.currentText() in ("Generalised: Day (06:00 to 17:59)",
                                                                        "Generalised: Night (18:00 to 05:59)")
    qtbot.keyClick(time, Qt.Key.Key_End)  # withheld
    assert publishable_content(db, view.report_id)["structured"]["time_of_day"] == "withheld"


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\u2066", "\ufeff", "\U000e0041"])
def test_invisible_characters_in_the_reporters_text_are_shown_and_named(
        qtbot: QtBot, desk: Desk, desk_session: tuple[Session, Intake], hidden: str) -> None:
    """A right-to-left override, zero-width space, isolate, BOM or tag character in the
    reporter's text could hide or reorder words: the original pane shows each as a mark (one
    character for one, so every highlight stays on its words) and the view names them."""
    session, intake = desk_session
    submission = identified_submissions(1, seed=9)[0]
    submission["submission_id"] = str(uuid.uuid4())
    submission["narrative"] = f"My partner Dave{hidden} Reyes saw it first. " + submission["narrative"]
    (report_id,) = import_with_suggestions(session, intake, [submission], f"{uuid.uuid4()}.nmbundle")
    view = open_in_review(qtbot, desk, report_id)
    view.show_field("narrative")
    shown = view.original_edit.toPlainText()
    assert hidden not in shown and "Dave\u2370 Reyes" in shown
    assert "invisible or text-direction characters (U+" in view.error_label.text()
    assert view.review is not None and hidden in view.review.texts["narrative"]  # the data is as received
