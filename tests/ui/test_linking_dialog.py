"""Linked reports from the review view (Workflow > Linked reports…, Ctrl+Shift+L): the
incident, likely links computed in the background, linking and unlinking, errors in one
plain message; and the preview numbering its placeholders as the incident does. Also the
signing refusal for the residual scan, which offers the findings one key away.

Everything runs against a real encrypted database, reports imported through a real signed
bundle with the real detector; nothing of the domain is patched. Background work runs on
the real thread pool, as in the application.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE_PASSPHRASE
from tests.helpers.intake import Intake, valid_submission
from tests.helpers.review_data import import_with_suggestions, shared_analyser
from tests.helpers.stories import NARRATIVE, PARTNER, UNRELATED
from tests.ui.signing import fill_signing_dialog, open_signing_dialog
from workstation.audit import chain
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.session import Session
from workstation.ui.main_window import MainWindow
from workstation.ui.review.linking_dialog import LinkingDialog
from workstation.ui.review.residual_dialog import ResidualDialog
from workstation.ui.review.view import ReviewView
from workstation.ui.review.workflow_actions import LINKS_SHORTCUT
from workstation.workflow import actions, signoff
from workstation.workflow.actions import link_reports
from workstation.workflow.linking import linked_reports

OTHER = ("Serving a warrant at the back door, a dog ran out of the yard and knocked the "
         "sergeant over before anyone saw it coming.")
WAIT = 20_000  # ms: a busy 2-core machine


@pytest.fixture(scope="module", autouse=True)
def detector_loaded() -> None:
    shared_analyser()


def story(narrative: str, title: str, **fields: Any) -> dict[str, Any]:
    submission = valid_submission(str(uuid.uuid4()))
    submission.update({"narrative": narrative, "title": title,
                       "lessons_learned": "Always wait for cover before you approach.", **fields})
    return submission


@dataclass
class Desk:
    window: MainWindow
    session: Session
    first: int  # NARRATIVE: Dave Reyes, then Tom Okafor
    partner: int  # PARTNER, the same stop and date: Tom Okafor first
    unrelated: int
    other: int

    @property
    def view(self) -> ReviewView:
        return self.window.review_view


def accept_all(session: Session, report_id: int) -> None:
    review = open_report(session, report_id)
    pending = [s.id for s in review.spans if s.decision == Decision.PENDING]
    if pending:
        actions.decide(session, report_id, pending, Decision.REDACT)


@pytest.fixture
def desk(qtbot: QtBot, session: Session, intake: Intake, main_window: MainWindow) -> Desk:
    ids = import_with_suggestions(session, intake, [
        story(NARRATIVE, "Weapon under the seat", incident_date="2026-02-27"),
        story(PARTNER, "Second officer on the stop", incident_date="2026-02-27"),
        story(UNRELATED, "Cuffs slipped in a hospital bathroom", incident_date="2026-01-11",
              activity_type="hospital_guard", location_type="hospital_medical"),
        story(OTHER, "Dog at the back door", incident_date="2025-11-02", activity_type="warrant_service",
              location_type="residence_house"),
    ])
    for rid in ids[:2]:
        accept_all(session, rid)
    main_window.activateWindow()
    return Desk(main_window, session, *ids)


def open_in_review(qtbot: QtBot, desk: Desk, report_id: int) -> ReviewView:
    desk.window.open_report(report_id)
    view = desk.view
    qtbot.waitUntil(lambda: view.report_id == report_id and view.review is not None and not view.loading,
                    timeout=WAIT)
    activate(qtbot, desk.window)
    return view


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def open_dialog(qtbot: QtBot, view: ReviewView) -> LinkingDialog:
    """Ctrl+Shift+L in the review view; wait for the likely links."""
    view.original_edit.setFocus()
    qtbot.keyClick(view.original_edit, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.workflow.last_dialog
    assert isinstance(dialog, LinkingDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=WAIT)
    return dialog


def wait_done(qtbot: QtBot, dialog: LinkingDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy and not dialog.searching, timeout=WAIT)


def okafor(view: ReviewView, before: str) -> str:
    """The placeholder the narrative's preview gives the name just before `before`."""
    view.show_field("narrative")
    found = re.search(r"(\[Person \d+\])" + re.escape(before), view.preview_edit.toPlainText())
    assert found, view.preview_edit.toPlainText()
    return found.group(1)


IN_FIRST, IN_PARTNER = ", had a Glock 17", " was in the driver seat"


def audit(session: Session, action: str) -> list[chain.AuditEntry]:
    return [e for e in chain.entries(session.db, limit=500) if e.action == action]


def incident_state(session: Session) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in session.db.query("SELECT * FROM incident_reports ORDER BY report_id")]


def test_the_action_is_in_the_workflow_menu_with_a_free_shortcut(desk: Desk) -> None:
    flow = desk.view.workflow
    assert flow.links_action in flow.menu.actions()
    assert flow.links_action.shortcut().toString() == LINKS_SHORTCUT
    assert not flow.links_action.isEnabled()  # no report open
    taken = {a.shortcut().toString() for w in (desk.window, desk.view, *desk.window.findChildren(QWidget))
             for a in w.actions() if a is not flow.links_action and not a.shortcut().isEmpty()}
    assert "Ctrl+L" in taken and LINKS_SHORTCUT not in taken


def test_link_a_suggested_report_with_enter(qtbot: QtBot, desk: Desk) -> None:
    view = open_in_review(qtbot, desk, desk.first)
    in_first = okafor(view, IN_FIRST)
    dialog = open_dialog(qtbot, view)
    assert dialog.incident_note.text() == "This report is not linked to other reports."
    assert not dialog.unlink_button.isEnabled()
    rows = dialog.shown_suggestions()
    numbers = [row[1] for row in rows]
    assert numbers[0] == str(desk.partner)  # the other officer's report of the stop, best first
    assert str(desk.unrelated) not in numbers and str(desk.other) not in numbers
    match, _number, received, stage, title, why = rows[0]
    assert re.fullmatch(r"\d{1,3} %", match)
    assert (received, stage, title) == ("2026-03-02", "Received", "Second officer on the stop")
    assert "same incident date" in why and "same activity" in why

    # Keyboard only: the first suggestion is current; Enter links it.
    tree = dialog.suggestion_tree
    assert tree.currentItem() is tree.topLevelItem(0) and dialog.link_button.isEnabled()
    head = chain.head(desk.session.db)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    wait_done(qtbot, dialog)
    assert not dialog.error_label.isVisible()
    assert dialog.status_label.text() == f"Linked as supplemental: report {desk.partner}."
    assert linked_reports(desk.session.db, desk.partner) == [desk.first, desk.partner]
    [entry] = audit(desk.session, "incident.link")
    assert entry.payload == {"primary": desk.first, "supplemental": [desk.partner]}
    assert entry.seq == head[0] + 1 and entry.actor == "alice"
    assert dialog.shown_incident() == [
        ("Primary", f"{desk.first} (open)", "2026-03-02", "Received", "Weapon under the seat"),
        ("Supplemental", str(desk.partner), "2026-03-02", "Received", "Second officer on the stop")]
    assert str(desk.partner) not in [row[1] for row in dialog.shown_suggestions()]

    qtbot.keyClick(tree, Qt.Key.Key_Escape)  # Esc closes
    assert not dialog.isVisible()
    activate(qtbot, desk.window)
    assert okafor(view, IN_FIRST) == in_first  # the primary numbers its own people first

    # The supplemental report, opened: Tom Okafor has the primary's placeholder.
    partner = open_in_review(qtbot, desk, desk.partner)
    assert okafor(partner, IN_PARTNER) == in_first


def test_the_open_report_joins_an_incident_and_its_preview_renumbers(qtbot: QtBot, desk: Desk) -> None:
    session = desk.session
    link_reports(session, desk.first, [desk.unrelated])
    view = open_in_review(qtbot, desk, desk.first)
    in_first = okafor(view, IN_FIRST)
    view = open_in_review(qtbot, desk, desk.partner)
    alone = okafor(view, IN_PARTNER)
    assert alone != in_first  # unlinked, the partner's report numbers Okafor first

    dialog = open_dialog(qtbot, view)
    row = next(r for r in dialog.shown_suggestions() if r[1] == str(desk.first))
    assert row[5].endswith("already in another incident")
    tree = dialog.suggestion_tree
    tree.setCurrentItem(tree.topLevelItem(dialog.shown_suggestions().index(row)))
    with qtbot.waitSignal(view.workflow.placeholders_refreshed, timeout=WAIT):
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, dialog)
    assert dialog.status_label.text() == f"This report joined the incident of report {desk.first}."
    assert linked_reports(session.db, desk.partner)[0] == desk.first
    assert set(linked_reports(session.db, desk.partner)) == {desk.first, desk.partner, desk.unrelated}
    joined = audit(session, "incident.link")[-1]  # oldest first
    assert joined.payload == {"primary": desk.first, "supplemental": [desk.partner]}
    # The open report's preview, at once: Okafor is the primary's placeholder.
    assert okafor(view, IN_PARTNER) == in_first
    roles = [(r[0], r[1]) for r in dialog.shown_incident()]
    assert roles[0] == ("Primary", str(desk.first)) and ("Supplemental", f"{desk.partner} (open)") in roles

    # Unlink: the primary selected would end the incident; the open report only leaves it.
    incident = dialog.incident_tree
    incident.setFocus()
    assert incident.currentItem() is incident.topLevelItem(0)
    assert dialog.unlink_button.text() == "&Unlink all"
    mine = next(i for i in range(incident.topLevelItemCount())
                if incident.topLevelItem(i).text(1) == f"{desk.partner} (open)")
    incident.setCurrentItem(incident.topLevelItem(mine))
    assert dialog.unlink_button.text() == "&Unlink"
    with qtbot.waitSignal(view.workflow.placeholders_refreshed, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    wait_done(qtbot, dialog)
    assert dialog.status_label.text() == "Unlinked."
    assert linked_reports(session.db, desk.partner) == [desk.partner]
    assert linked_reports(session.db, desk.first) == [desk.first, desk.unrelated]
    [unlinked] = audit(session, "incident.unlink")
    assert unlinked.payload == {"report": desk.partner, "role": "supplemental"}
    assert okafor(view, IN_PARTNER) == alone
    assert dialog.incident_note.text() == "This report is not linked to other reports."


def test_errors_are_one_message_and_change_nothing(qtbot: QtBot, desk: Desk) -> None:
    session = desk.session
    link_reports(session, desk.first, [desk.partner])
    link_reports(session, desk.unrelated, [desk.other])
    dialog = open_dialog(qtbot, open_in_review(qtbot, desk, desk.unrelated))
    before, head = incident_state(session), chain.head(session.db)
    edit = dialog.number_edit
    cases = [
        ("", "Type the number of the report to link (the No. column shows them)."),
        ("4x", "A report number is digits only, e.g. 42."),
        ("99999", "That report is not in the database."),
        (str(desk.unrelated), "That is the report open in the review; choose another report to link."),
        (str(desk.other), f"Report {desk.other} is already linked with this one."),
        (str(desk.partner), "One of those reports is already linked to another incident; unlink it first."),
    ]
    for typed, message in cases:
        edit.setText("")
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        wait_done(qtbot, dialog)
        assert dialog.error_label.isVisible() and dialog.error_label.text() == message, typed
        assert dialog.isVisible()  # Enter in the field does not close the dialog
        assert incident_state(session) == before and chain.head(session.db) == head
    assert [row[0] for row in dialog.shown_incident()] == ["Primary", "Supplemental"]


def test_link_by_number_clears_the_field_and_the_error(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_dialog(qtbot, open_in_review(qtbot, desk, desk.other))
    edit = dialog.number_edit
    qtbot.keyClicks(edit, "abc")
    qtbot.mouseClick(dialog.number_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    edit.setText("")
    qtbot.keyClicks(edit, str(desk.unrelated))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_done(qtbot, dialog)
    assert not dialog.error_label.isVisible() and edit.text() == ""
    assert linked_reports(desk.session.db, desk.unrelated) == [desk.other, desk.unrelated]
    assert audit(desk.session, "incident.link")[-1].payload == {"primary": desk.other,
                                                               "supplemental": [desk.unrelated]}


def test_a_residual_refusal_shows_the_findings_on_enter(qtbot: QtBot, desk: Desk) -> None:
    """Work left and a name in the panel's draft title: the refusal lists both, and Enter
    shows the findings (a decision alice made herself is never one: see test_signing_desk)."""
    session = desk.session
    actions.start_stage1(session, desk.first)
    review = open_report(session, desk.first)
    titled = replace(review.coding, publishable_title="Tom Okafor finds a gun")
    actions.save_coding(session, desk.first, titled, review.coding)
    view = open_in_review(qtbot, desk, desk.first)
    flow = view.workflow
    assert flow.sign1_action.isEnabled()
    dialog = open_signing_dialog(qtbot, flow, flow.sign1_action.trigger)
    fill_signing_dialog(qtbot, dialog, ALICE_PASSPHRASE)
    qtbot.waitUntil(lambda: isinstance(flow.last_dialog, QMessageBox), timeout=WAIT * 2)
    box = flow.last_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "the residual scan found 1 possible identifier in the redacted text" in box.text()
    show = box.defaultButton()
    assert show is not None and show.text() == "Show &findings"
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Ok)
    assert signoff.signoffs(session.db, desk.first) == []
    activate(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button: the findings
    qtbot.waitUntil(lambda: isinstance(flow.last_dialog, ResidualDialog), timeout=WAIT * 2)
    findings = flow.last_dialog
    assert isinstance(findings, ResidualDialog) and findings.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert findings.list.count() == 1 and "Tom Okafor" in findings.list.item(0).text()
