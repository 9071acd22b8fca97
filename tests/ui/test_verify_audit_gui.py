"""Tools > Verify audit chain checks what `workstation audit verify` checks: the hash chain
and every sign-off signature against the roster's public keys.

A real encrypted database; alice signs stage 1 of a report imported with the real detector
(a real Ed25519 signature); the signature is then changed behind the store's back, with the
data key, as someone holding it could.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation, raw_connection
from tests.helpers.files import copy_database
from tests.helpers.intake import trusted_intake, valid_submission
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, complete_stage1
from workstation.audit import chain
from workstation.intake.importer import import_bundle
from workstation.keys.keyfile import KeyFile, keyfile_path_for
from workstation.session import Session, unlock
from workstation.ui.main_window import MainWindow
from workstation.ui.settings import UiSettings
from workstation.workflow import actions


def verify_in_gui(qtbot: QtBot, session: Session, settings: UiSettings) -> tuple[str, str]:
    """Tools > Verify audit chain; the message's icon name and text."""
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.database_view.loading, timeout=5000)
    window.verify_action.trigger()
    assert not window.verify_action.isEnabled()  # running in the background
    qtbot.waitUntil(lambda: window.verify_action.isEnabled(), timeout=10_000)
    box = window.last_message
    assert box is not None and box.isVisible()
    shown = box.icon().name, box.text()
    window.close()
    return shown


def test_a_changed_signature_is_named_by_verify_audit_chain(
        qtbot: QtBot, template_workstation: Workstation, settings: UiSettings, tmp_path: Path,
        detector: object) -> None:
    path = copy_database(template_workstation.path, tmp_path / "db")
    alice = unlock(path, ALICE, ALICE_PASSPHRASE)
    try:
        intake = trusted_intake(alice, tmp_path / "intake")
        submission = dict(valid_submission(str(uuid.uuid4())), narrative=NARRATIVE)
        import_bundle(alice, intake.bundle([submission]), analyser=detector)
        report_id = int(alice.db.query_one("SELECT id FROM reports")[0])
        actions.start_stage1(alice, report_id)
        complete_stage1(alice, detector, report_id)
        first = actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, detector,
                                    low_k_reason=LOW_K_REASON)
        icon, text = verify_in_gui(qtbot, alice, settings)
        assert icon == "Information"
        assert text.startswith("The audit chain is intact:")
        assert "Sign-off signatures: all 1 verify with the reviewers' public keys." in text
    finally:
        alice.lock()

    key = KeyFile.load(keyfile_path_for(path)).unlock_reviewer(ALICE, ALICE_PASSPHRASE).data_key
    conn = raw_connection(path, key)
    forged = bytes([first.signature[0] ^ 1]) + first.signature[1:]
    conn.execute("UPDATE signoffs SET signature = ? WHERE id = ?", (forged, first.id))
    conn.close()

    alice = unlock(path, ALICE, ALICE_PASSPHRASE)
    try:
        assert chain.verify(alice.db).intact  # the chain alone does not see it
        icon, text = verify_in_gui(qtbot, alice, settings)
        assert icon == "Warning"
        assert text.startswith("The audit chain is intact:")
        assert "Sign-off signatures BROKEN: 1 of 1 do not verify with the reviewers' public keys:" in text
        assert (f"\u2022 sign-off {first.id}: the signature does not verify with alice's key "
                f"{first.key_id}.") in text
        assert text.endswith("Restore the database from a backup and report this to the panel chair.")
    finally:
        alice.lock()
