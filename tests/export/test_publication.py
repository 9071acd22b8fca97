"""Publication export: files, manifest signature, library PDF, leak guard, all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB_PASSPHRASE
from tests.helpers.exports import assert_clean, keep_sample, pdf_text, read_tree
from tests.helpers.stories import Approved, approve_report, story
from workstation.audit import chain
from workstation.errors import AuthenticationError
from workstation.export import publication
from workstation.export.leak_guard import LeakError
from workstation.keys import signing
from workstation.stages import Stage
from workstation.workflow import moves, signoff
from workstation.workflow.publishable import content_sha256


def stages(approved: Approved) -> list[str]:
    db = approved.panel.as_(ALICE).db
    return [signoff.report_stage(db, rid) for rid in approved.report_ids]


def test_publication_export_writes_signed_deidentified_files(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    submission_ids = [alice.db.query_one("SELECT submission_id FROM reports WHERE id = ?", (rid,))[0]
                      for rid in approved.report_ids]
    out = tmp_path / "exports" / "out"
    result = publication.export_publication(alice, out, ALICE_PASSPHRASE)
    assert stages(approved) == [Stage.PUBLISHED, Stage.PUBLISHED]
    files = read_tree(out)
    pub_ids = list(result.publications.values())
    assert sorted(files) == sorted([*(f"reports/{p}.json" for p in pub_ids), "index.json", "manifest.json",
                                    next(n for n in files if n.endswith(".pdf"))])
    for data in files.values():
        if not data.startswith(b"%PDF"):
            assert_clean(data.decode("utf-8"), *submission_ids)

    manifest = json.loads(files["manifest.json"])
    assert publication.verify_manifest(manifest)
    assert manifest["audit_head"]["hash"] != "0" * 64
    assert "alice" not in files["manifest.json"].decode() and "bob" not in files["manifest.json"].decode()
    for entry in manifest["files"]:
        import hashlib
        assert hashlib.sha256(files[entry["path"]]).hexdigest() == entry["sha256"]
    for item in manifest["reports"]:
        report = json.loads(files[f"reports/{item['publication_id']}.json"])
        assert content_sha256(report["content"]) == item["content_sha256"]
        first, second = item["signoffs"]
        assert (first["stage"], second["stage"]) == (1, 2) and first["key_id"] != second["key_id"]
        for s in (first, second):
            assert s["content_sha256"] == item["content_sha256"]
            assert signing.key_id(bytes.fromhex(s["public_key"])) == s["key_id"]
        assert report["content"]["period"] in ("February 2026",)
        narrative = report["content"]["text"]["narrative"]
        assert "Glock 17" in narrative or "rifle" in narrative
    tampered = {**manifest, "reports": manifest["reports"][:1]}
    assert not publication.verify_manifest(tampered)

    pdf = next(data for name, data in files.items() if name.endswith(".pdf"))
    keep_sample("library.pdf", pdf)
    text, meta, pages = pdf_text(pdf)
    assert pages >= 4  # cover, contents, one section per report
    assert "Near-Miss Lessons Library" in text and "Contents" in text
    assert "Weapon under the seat on a routine stop" in text and "Search the reach area" in text
    assert "Page 1 of" in text
    assert_clean(text, *submission_ids)
    assert_clean(" ".join(meta.values()))
    for key in ("/Title", "/Author", "/Subject", "/Creator", "/Producer", "/Keywords"):
        assert meta.get(key), key
    # The audit chain records the export and each publication.
    actions = [e.action for e in chain.entries(alice.db, limit=5)]
    assert actions[-1] == "export.publication" and actions.count("workflow.publish") == 2
    assert chain.verify(alice.db).intact
    assert publication.publication_ids(alice.db) == result.publications
    # Nothing left to publish: a second export says so.
    with pytest.raises(Exception, match="no approved reports"):
        publication.export_publication(alice, tmp_path / "exports" / "again", ALICE_PASSPHRASE)


def test_a_name_planted_behind_the_workflow_is_refused(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    rid = approved.report_ids[0]
    # Someone edits the approved coding directly in the database (not through save_coding,
    # so nothing makes the approval stale): the publishable title now names an officer
    # whose name was redacted in the narrative. Re-signing is faked too, so only the leak
    # guard stands between this and publication.
    with alice.db.transaction() as tx:
        tx.execute("UPDATE coding SET lessons_learned = lessons_learned || ' Thanks to Dave Reyes.' "
                   "WHERE report_id = ?", (rid,))
    from workstation.workflow.publishable import publishable_content
    new_hash = content_sha256(publishable_content(alice.db, rid))
    with alice.db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?", (new_hash, rid))
    out = tmp_path / "exports" / "out"
    result = publication.export_publication(alice, out, ALICE_PASSPHRASE)
    # That report is left out, listed with the reason; the other one is published.
    (left,) = result.left_out
    assert left.report_id == rid and list(result.publications) == [approved.report_ids[1]]
    message = left.describe()
    assert f"string redacted in report {rid} (PERSON)" in message
    assert "Dave" not in message and "Reyes" not in message  # findings never repeat the string
    assert stages(approved) == [Stage.APPROVED, Stage.PUBLISHED]
    written = b"".join(read_tree(out).values())
    assert b"Reyes" not in written
    assert chain.entries(alice.db, limit=1)[-1].payload["left_out"] == [rid]
    # Alone in a batch, it refuses the export as before: nothing written.
    with pytest.raises(LeakError) as refused:
        publication.export_publication(alice, tmp_path / "exports" / "again", ALICE_PASSPHRASE)
    assert f"string redacted in report {rid} (PERSON)" in refused.value.message
    assert not (tmp_path / "exports" / "again").exists()


def test_an_ori_planted_in_a_title_is_refused(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    rid = approved.report_ids[1]
    with alice.db.transaction() as tx:
        tx.execute("UPDATE coding SET publishable_title = 'Rifle behind the door (agency oh0770100)' "
                   "WHERE report_id = ?", (rid,))
    from workstation.workflow.publishable import publishable_content
    new_hash = content_sha256(publishable_content(alice.db, rid))
    with alice.db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?", (new_hash, rid))
    result = publication.export_publication(alice, tmp_path / "exports" / "out", ALICE_PASSPHRASE)
    assert [item.report_id for item in result.left_out] == [rid]
    assert "an ORI held in the database" in result.left_out[0].reason
    assert list(result.publications) == [approved.report_ids[0]]


def test_a_report_changed_after_approval_is_not_published(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    with alice.db.transaction() as tx:
        tx.execute("UPDATE coding SET publishable_title = 'Changed behind the workflow' WHERE report_id = ?",
                   (approved.report_ids[0],))
    result = publication.export_publication(alice, tmp_path / "exports" / "out", ALICE_PASSPHRASE)
    assert [item.report_id for item in result.left_out] == [approved.report_ids[0]]
    assert "changed after it was approved" in result.left_out[0].reason
    assert stages(approved) == [Stage.APPROVED, Stage.PUBLISHED]
    with pytest.raises(publication.NothingPublishable, match="changed after it was approved"):
        publication.export_publication(alice, tmp_path / "exports" / "again", ALICE_PASSPHRASE)
    assert stages(approved) == [Stage.APPROVED, Stage.PUBLISHED]


def test_a_failed_export_publishes_nothing(approved: Approved, tmp_path: Path, monkeypatch) -> None:
    alice = approved.panel.as_(ALICE)
    head = chain.head(alice.db)
    calls = []

    def failing(tx, session, report_id, publication_id):
        calls.append(report_id)
        if len(calls) == 2:
            raise OSError("disk went away")
        return original(tx, session, report_id, publication_id)

    original = moves.mark_published
    monkeypatch.setattr(moves, "mark_published", failing)
    with pytest.raises(OSError):
        publication.export_publication(alice, tmp_path / "exports" / "out", ALICE_PASSPHRASE)
    assert stages(approved) == [Stage.APPROVED, Stage.APPROVED]
    assert chain.head(alice.db) == head
    assert list((tmp_path / "exports").iterdir()) == []  # neither the folder nor its partial sibling


def test_wrong_passphrase_and_non_empty_target(approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    with pytest.raises(AuthenticationError):
        publication.export_publication(alice, tmp_path / "exports" / "out", BOB_PASSPHRASE)
    busy = tmp_path / "exports" / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    with pytest.raises(Exception, match="not an empty folder"):
        publication.export_publication(alice, busy, ALICE_PASSPHRASE)
    assert stages(approved) == [Stage.APPROVED, Stage.APPROVED]


def test_only_approved_reports_are_published(approved: Approved, tmp_path: Path) -> None:
    panel = approved.panel
    (waiting,) = panel.import_reports(story("I stopped a car and the driver reached under the seat."))
    result = publication.export_publication(panel.as_(ALICE), tmp_path / "exports" / "out", ALICE_PASSPHRASE)
    assert set(result.publications) == set(approved.report_ids)
    assert signoff.report_stage(panel.as_(ALICE).db, waiting) == Stage.RECEIVED
    approve_report(panel, waiting)
    second = publication.export_publication(panel.as_(ALICE), tmp_path / "exports" / "out2", ALICE_PASSPHRASE)
    assert set(second.publications) == {waiting}
