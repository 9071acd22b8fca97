"""Importing bundles into a real encrypted database: round trip, idempotence, quarantine,
conflicts, refusals that change nothing, and interrupted imports that leave no trace."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tests.helpers.hostile_bundles import CASES, Case
from tests.helpers.intake import BAD_ID, GOOD_ID, ImportBench, valid_submission, write
from workstation.audit import chain
from workstation.errors import Cancelled
from workstation.intake.bundle_format import BundleRejected
from workstation.intake.bundle_writer import encode_report, make_bundle, make_bundle_from_raw
from workstation.intake.importer import import_bundle
from workstation.intake.quarantine import list_quarantine
from workstation.reports import list_reports


def state(bench: ImportBench) -> dict[str, object]:
    """Every row of the intake tables (the audit chain is checked separately)."""
    db = bench.session.db
    return {
        table: [tuple(row) for row in db.query(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("reports", "quarantine", "bundles", "intake_keys")
    }


def submissions(count: int) -> list[dict]:
    return [valid_submission(str(uuid.uuid4())) for _ in range(count)]


def bundle_file(bench: ImportBench, subs: list[dict], name: str = "b.nmbundle") -> Path:
    data = make_bundle(subs, signing_key=bench.ctx.signing_key, recipient=bench.ctx.recipient)
    return write(bench.folder, data, name)


def test_round_trip_then_reimport_changes_nothing(bench: ImportBench) -> None:
    subs = submissions(12)
    path = bundle_file(bench, subs)
    summary = import_bundle(bench.session, path)
    assert (summary.imported, summary.quarantined, summary.duplicates) == (12, 0, 0)
    stored = {r.submission_id for r in list_reports(bench.session.db)}
    assert stored == {s["submission_id"] for s in subs}
    row = bench.session.db.query_one("SELECT submission FROM reports WHERE submission_id = ?",
                                     (subs[0]["submission_id"],))
    assert json.loads(row[0]) == subs[0]
    assert chain.entries(bench.session.db)[-1].action == "bundle.import"

    before, head = state(bench), chain.head(bench.session.db)
    again = import_bundle(bench.session, path)
    assert again.already_imported
    assert "already imported" in again.describe()
    assert state(bench) == before
    assert chain.head(bench.session.db) == head
    assert chain.verify(bench.session.db).intact


def test_same_reports_in_a_new_bundle_are_duplicates(bench: ImportBench) -> None:
    subs = submissions(3)
    import_bundle(bench.session, bundle_file(bench, subs, "one.nmbundle"))
    summary = import_bundle(bench.session, bundle_file(bench, subs, "two.nmbundle"))
    assert (summary.imported, summary.duplicates, summary.quarantined) == (0, 3, 0)
    assert len(list_reports(bench.session.db)) == 3


def test_same_id_with_different_content_is_a_conflict(bench: ImportBench) -> None:
    original = submissions(1)
    import_bundle(bench.session, bundle_file(bench, original, "one.nmbundle"))
    changed = dict(original[0], title="A different title")
    summary = import_bundle(bench.session, bundle_file(bench, [changed], "two.nmbundle"))
    assert (summary.imported, summary.quarantined, summary.conflicts) == (0, 1, 1)
    held = list_quarantine(bench.session.db)
    assert [(q.submission_id, q.kind) for q in held] == [(original[0]["submission_id"], "conflict")]
    raw = bench.session.db.query_one("SELECT raw FROM quarantine")[0]
    assert json.loads(raw)["title"] == "A different title"  # nothing is lost
    stored = bench.session.db.query_one("SELECT submission FROM reports")[0]
    assert json.loads(stored)["title"] == original[0]["title"]


def test_interrupted_import_leaves_the_database_as_before(bench: ImportBench) -> None:
    path = bundle_file(bench, submissions(20))
    before, head = state(bench), chain.head(bench.session.db)
    asked: list[int] = []
    with pytest.raises(Cancelled):
        import_bundle(bench.session, path, cancelled=lambda: asked.append(1) or len(asked) > 7)
    assert len(asked) == 8
    assert state(bench) == before
    assert chain.head(bench.session.db) == head

    def crash(done: int, total: int) -> None:
        if done == 11:
            raise KeyboardInterrupt  # the user closes the terminal half-way

    with pytest.raises(KeyboardInterrupt):
        import_bundle(bench.session, path, progress=crash)
    assert state(bench) == before
    # And it still imports whole afterwards.
    assert import_bundle(bench.session, path).imported == 20


def test_progress_reports_every_report(bench: ImportBench) -> None:
    calls: list[tuple[int, int]] = []
    import_bundle(bench.session, bundle_file(bench, submissions(5)),
                  progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i, 5) for i in range(1, 6)]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_bundle_in_the_database(shared_bench: ImportBench, tmp_path: Path,
                                        case: Case) -> None:
    bench = shared_bench
    path = case.build(tmp_path, bench.ctx)
    kind, text = case.expected
    db = bench.session.db
    if kind == "reject":
        before, head = state(bench), chain.head(db)
        with pytest.raises(BundleRejected) as caught:
            import_bundle(bench.session, path)
        assert text in caught.value.message
        assert state(bench) == before  # nothing but an audit entry
        entries = chain.entries(db, limit=2)
        assert entries[-1].seq == head[0] + 1
        assert entries[-1].action == "bundle.refuse"
    else:
        summary = import_bundle(bench.session, path)
        assert summary.quarantined == 1
        bad = [q for q in list_quarantine(db) if q.submission_id == BAD_ID]
        assert text in bad[-1].reason
        raw = db.query_one("SELECT raw FROM quarantine WHERE id = ?", (bad[-1].id,))[0]
        assert len(raw) == bad[-1].size > 0
        assert {r.submission_id for r in list_reports(db)} >= {GOOD_ID}
    assert chain.verify(db).intact


def test_signed_by_the_second_trusted_key(bench: ImportBench) -> None:
    subs = submissions(1)
    data = make_bundle_from_raw([(subs[0]["submission_id"], encode_report(subs[0]))],
                                signing_key=bench.ctx.second_trusted_key,
                                recipient=bench.ctx.recipient)
    assert import_bundle(bench.session, write(bench.folder, data)).imported == 1
