"""One report never blocks a publication batch.

Before this change, one approved report whose content no longer matched its sign-offs (or
in which the leak guard found something) refused the whole batch, and every later batch
too: `_signed_report` raised for the first such report (checked against the code before:
`git show HEAD~:workstation/export/publication.py`). Now the batch publishes the others and
lists what it left out, with the reason; the report left out stays approved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exports import read_tree
from tests.helpers.files import run_cli
from tests.helpers.stories import Approved
from workstation.audit import chain
from workstation.errors import ExitCode
from workstation.export import publication
from workstation.stages import Stage, report_stage
from workstation.workflow.publishable import content_sha256, publishable_content


def _edit(approved: Approved, report_id: int, sql: str, *, fake_signoffs: bool = False) -> None:
    db = approved.panel.as_(ALICE).db
    with db.transaction() as tx:
        tx.execute(sql, (report_id,))
    if fake_signoffs:
        with db.transaction() as tx:
            tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?",
                       (content_sha256(publishable_content(db, report_id)), report_id))
            # and the written reason to publish below k that signing again records
            tx.execute("UPDATE disclosure_acknowledgements SET content_sha256 = ? WHERE report_id = ?",
                       (content_sha256(publishable_content(db, report_id)), report_id))


CHANGED = "UPDATE coding SET publishable_title = 'Edited after approval' WHERE report_id = ?"
LEAKY = "UPDATE coding SET lessons_learned = 'Thanks to Okafor.' WHERE report_id = ?"


@pytest.mark.parametrize(("sql", "fake", "reason"), [
    (CHANGED, False, "changed after it was approved"),
    (LEAKY, True, "the leak guard found"),
], ids=["changed after approval", "leak guard finding"])
def test_the_batch_publishes_the_others(approved: Approved, tmp_path: Path, sql: str, fake: bool,
                                        reason: str) -> None:
    bad, good = approved.report_ids
    _edit(approved, bad, sql, fake_signoffs=fake)
    alice = approved.panel.as_(ALICE)
    result = publication.export_publication(alice, tmp_path / "exports" / "out", ALICE_PASSPHRASE)
    assert list(result.publications) == [good]
    (left,) = result.left_out
    assert left.report_id == bad and reason in left.reason
    assert report_stage(alice.db, bad) == Stage.APPROVED and report_stage(alice.db, good) == Stage.PUBLISHED
    files = read_tree(tmp_path / "exports" / "out")
    published = sorted(n for n in files if n.startswith("reports/"))
    assert published == [f"reports/{result.publications[good]}.json"]
    assert b"Edited after approval" not in b"".join(files.values())
    entry = chain.entries(alice.db, limit=1)[-1]
    assert entry.action == "export.publication" and entry.payload["left_out"] == [bad]


def test_a_later_batch_is_not_blocked_either(approved: Approved, tmp_path: Path) -> None:
    bad, _ = approved.report_ids
    _edit(approved, bad, CHANGED)
    alice = approved.panel.as_(ALICE)
    publication.export_publication(alice, tmp_path / "exports" / "one", ALICE_PASSPHRASE)
    # Nothing else approved: the batch is refused, nothing written, and it says why.
    head = chain.head(alice.db)
    with pytest.raises(publication.NothingPublishable) as refused:
        publication.export_publication(alice, tmp_path / "exports" / "two", ALICE_PASSPHRASE)
    assert [item.report_id for item in refused.value.left_out] == [bad]
    assert not (tmp_path / "exports" / "two").exists() and chain.head(alice.db) == head
    # Signed again (faked here: the re-approval path is the workflow's), it is published.
    _edit(approved, bad, "SELECT ?", fake_signoffs=True)
    result = publication.export_publication(alice, tmp_path / "exports" / "three", ALICE_PASSPHRASE)
    assert list(result.publications) == [bad] and result.left_out == ()


def test_cli_lists_what_was_left_out(approved: Approved, tmp_path: Path) -> None:
    bad, _ = approved.report_ids
    _edit(approved, bad, CHANGED)
    db_path = approved.panel.as_(ALICE).db.path
    for session in approved.panel.sessions.values():
        session.lock()
    approved.panel.bench.session.lock()
    pw = tmp_path / "pw"
    pw.write_text(ALICE_PASSPHRASE + "\n")
    ran = run_cli("export", "publication", "--db", str(db_path), "--reviewer", ALICE, "--passphrase-file",
                  str(pw), "--out", str(tmp_path / "exports" / "cli"))
    assert ran.returncode == ExitCode.FAILURE, ran.stderr
    assert "Published 1 report" in ran.stdout
    assert f"Report {bad}: it changed after it was approved" in ran.stderr and "Traceback" not in ran.stderr
