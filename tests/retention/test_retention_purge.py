"""Retention (issue 18, section 3): after a run, no row, full-text index entry or quarantine
blob of a purged report holds its original text (every table and column, found through
SQL: a table added later is covered too), the file has shrunk, `audit verify` passes, the
leak guard still finds what was redacted in purged reports, and briefings still export."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workstation.demo.build import build_demo
from workstation.demo.demo_database import DEMO_REVIEWERS
from workstation.demo.submissions import generate_submissions
from workstation.export.briefing import export_briefing
from workstation.export.leak_guard import Part, load_needles, scan
from workstation.intake.bundle_writer import make_bundle_from_raw, write_bundle_file
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.submissions import TEXT_FIELDS
from workstation.intake.trust import trust_intake_key, workstation_recipient
from workstation.keys.keyfile import keyfile_path_for
from workstation.retention.plan import plan_retention
from workstation.retention.purge import run_retention
from workstation.retention.snapshots import kept_content
from workstation.session import Session, unlock
from workstation.store.database import Database
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import current_signoff
from workstation.workflow.verification import verify_everything

PASSPHRASE = "orbit tulip seventy gravel"
CANARY = "Quillfeather Zanzibarre"  # in a quarantined submission's raw bytes only
_WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, detector: Any) -> Path:
    """A demo database with published reports and two quarantined submissions."""
    path = tmp_path_factory.mktemp("retention") / "demo.db"
    build_demo(path, reports=16, agencies=3, passphrase=PASSPHRASE, publish_share=1.0, analyser=detector)
    session = unlock(path, DEMO_REVIEWERS[0], PASSPHRASE)
    try:
        key = Ed25519PrivateKey.generate()
        trust_intake_key(session, public_bytes(key), label="retention test")
        bad = generate_submissions(2, seed=99)
        for n, item in enumerate(bad):
            # About 20 KB of raw bytes each, so destroying them frees whole pages whatever the
            # demo's own content: the file then always shrinks (3 pages is too close to call).
            bulk = " ".join(s["narrative"] for s in generate_submissions(64, seed=100 + n))
            item["narrative"] = f"Sergeant {CANARY} stopped the van. {item['narrative']} {bulk}"
            del item["title"]  # invalid: quarantined with its raw bytes
        raw = [(s["submission_id"], json.dumps(s).encode("utf-8")) for s in bad]
        bundle = path.parent / "bad.nmbundle"
        write_bundle_file(bundle, make_bundle_from_raw(raw, signing_key=key,
                                                       recipient=workstation_recipient(session.db)))
        import_bundle(session, bundle, analyser=detector)
        bundle.unlink()
    finally:
        session.lock()
    return path


@pytest.fixture
def coordinator(built: Path, tmp_path: Path) -> Iterator[Session]:
    """alice... the demo's stage-1 reviewer, on a private copy of the built database."""
    copy = tmp_path / "db" / "demo.db"
    copy.parent.mkdir()
    shutil.copy(built, copy)
    shutil.copy(keyfile_path_for(built), keyfile_path_for(copy))
    session = unlock(copy, DEMO_REVIEWERS[0], PASSPHRASE)
    yield session
    session.lock()


def published(db: Database) -> list[int]:
    return [int(r[0]) for r in db.query("SELECT id FROM reports WHERE stage = 'published' ORDER BY id")]


def cell_texts(value: Any) -> list[str]:
    """What a cell says: its text; a blob as UTF-8, and decompressed when it is zlib."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        found = [data.decode("utf-8", errors="ignore")]
        with contextlib.suppress(zlib.error):
            found.append(zlib.decompress(data).decode("utf-8", errors="ignore"))
        return found
    return []


def every_cell(db: Database) -> Iterator[tuple[str, str, str]]:
    """(table, column, text) of every cell of every table in the database, shadow tables of
    the full-text index included."""
    tables = [r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    assert "reports" in tables and "quarantine" in tables and "report_search_data" in tables
    for table in tables:
        columns = [r[1] for r in db.query(f'PRAGMA table_info("{table}")')]
        for row in db.query(f'SELECT * FROM "{table}"'):
            for column, value in zip(columns, row, strict=True):
                for text in cell_texts(value):
                    yield table, column, text.casefold()


def index_terms(db: Database) -> set[str]:
    """Every term of every FTS5 index in the database (fts5vocab), whatever its storage."""
    terms: set[str] = set()
    for (name,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                            "AND sql LIKE '%USING fts5(%'"):
        db.conn.execute(f'CREATE VIRTUAL TABLE temp."vocab_{name}" USING fts5vocab(main, "{name}", row)')
        terms |= {str(r[0]) for r in db.query(f'SELECT term FROM temp."vocab_{name}"')}
        db.conn.execute(f'DROP TABLE temp."vocab_{name}"')
    return terms


def found_in(probe: str, text: str) -> bool:
    """`probe` in `text` as words (a house number is not found inside a hash or a uuid: a
    number of digits alone is not found between a uuid's hyphens either, "…-9996-…", which a
    random command id holds now and then)."""
    edge = r"[\w-]" if probe.isdigit() else r"\w"
    return probe in text and re.search(rf"(?<!{edge}){re.escape(probe)}(?!{edge})", text) is not None


def originals(db: Database, report_ids: list[int]) -> tuple[set[str], set[str]]:
    """The purged reports' original words that nothing kept may hold: each free-text field
    whole, and the strings under their spans (as written), less any that a kept text (another
    report's original, what was published) also holds. And their words (for the index)."""
    strings: set[str] = set()
    for rid in report_ids:
        document = json.loads(db.query_row("SELECT submission FROM reports WHERE id = ?", (rid,))[0])
        strings |= {document[f] for f in TEXT_FIELDS if isinstance(document.get(f), str)}
        for field, start, end in db.query("SELECT field, span_start, span_end FROM review_spans "
                                          "WHERE report_id = ? AND decision = 'redact'", (rid,)):
            strings.add(document[field][start:end])
    marks = ",".join("?" * len(report_ids))
    others = " ".join(r[0] for r in db.query(
        f"SELECT submission FROM reports WHERE id NOT IN ({marks})", report_ids)).casefold()
    kept = " ".join(json.dumps(publishable_content(db, rid), ensure_ascii=False) for rid in report_ids)
    kept = (kept + " " + " ".join(r[0] + " " + r[1] for r in db.query(
        "SELECT name, display_name FROM reviewers"))).casefold()
    probes = {s.strip().casefold() for s in strings if len(s.strip()) >= 4}
    probes = {p for p in probes if p not in kept and p not in others}
    words = {w for s in strings for w in _WORD.findall(s.casefold()) if len(w) >= 4}
    words = {w for w in words if w not in _WORD.findall(kept) and w not in _WORD.findall(others)}
    return probes, words


def test_after_a_run_no_table_column_or_index_holds_a_purged_original(coordinator: Session) -> None:
    db = coordinator.db
    purged = published(db)
    assert len(purged) >= 8
    probes, words = originals(db, purged)
    assert len(probes) > 20 and words  # names, places, whole narratives...
    quarantined = [bytes(r[0]) for r in db.query("SELECT raw FROM quarantine")]
    assert len(quarantined) == 2 and all(CANARY.encode() in raw for raw in quarantined)
    probes.add(CANARY.casefold())
    words |= {w.casefold() for w in CANARY.split()}
    # The probes are really there before the run (the check below can fail).
    before = [p for p in probes if any(found_in(p, text) for _, _, text in every_cell(db))]
    assert len(before) == len(probes)
    assert words & index_terms(db)

    result = run_retention(coordinator, days=0)
    assert (result.reports, result.quarantined) == (len(purged), 2)

    leaks = sorted({(table, column, p) for table, column, text in every_cell(db) for p in probes
                    if found_in(p, text)})
    assert leaks == []
    assert words & index_terms(db) == set()
    assert all(len(bytes(r[0])) == 0 for r in db.query("SELECT raw FROM quarantine"))


def file_pages(session: Session) -> tuple[int, int]:
    session.db.checkpoint()
    return session.path.stat().st_size, int(session.db.query_row("PRAGMA page_count")[0])


def test_the_run_keeps_what_was_signed_and_the_file_shrinks(coordinator: Session, tmp_path: Path) -> None:
    db = coordinator.db
    purged = published(db)
    signed = {rid: publishable_content(db, rid) for rid in purged}
    size_before, pages_before = file_pages(coordinator)
    result = run_retention(coordinator, days=0)
    size_after, pages_after = file_pages(coordinator)
    print(f"file {size_before} -> {size_after} bytes, pages {pages_before} -> {pages_after}, "
          f"{result.free_pages} free pages given back")
    assert pages_after < pages_before and size_after < size_before
    assert db.query_row("PRAGMA freelist_count")[0] == 0
    assert db.query_row("PRAGMA auto_vacuum")[0] == 2  # incremental
    report = verify_everything(db)
    assert report.intact, report.lines()
    for rid in purged:
        content = kept_content(db, rid)
        assert content == signed[rid] == publishable_content(db, rid)
        for stage, decision in ((1, "signed"), (2, "approved")):
            signoff = current_signoff(db, rid, stage, decision)
            assert signoff is not None and signoff.content_sha256 == content_sha256(content)
        document = json.loads(db.query_row("SELECT submission FROM reports WHERE id = ?", (rid,))[0])
        assert not set(TEXT_FIELDS) & set(document)
        assert document["incident_date"] and document["agency_type"]  # the structured fields stay
    out = export_briefing(coordinator, purged[0], tmp_path / "briefing.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    entries = db.query("SELECT payload FROM audit WHERE action = 'retention.purge'")
    assert entries
    for (payload,) in entries:  # counts only
        values = json.loads(payload)
        assert set(values) == {"days", "reports", "quarantined", "held"}
        assert all(isinstance(v, int) for v in values.values())
    assert sum(json.loads(p[0])["reports"] for p in entries) == len(purged)


def disguises(text: str) -> list[str]:
    """The same words as a careless or hostile writer might print them."""
    spaced = " ".join(text)
    return [f"We met {text} there.", text.upper(), f"x {text.replace(' ', chr(10))} y",
            text[: len(text) // 2] + "\u00ad" + text[len(text) // 2:], spaced]


def test_the_leak_guard_finds_purged_reports_redactions_as_before(coordinator: Session) -> None:
    db = coordinator.db
    purged = published(db)
    redacted = []
    for rid in purged:
        document = json.loads(db.query_row("SELECT submission FROM reports WHERE id = ?", (rid,))[0])
        redacted += [document[f][a:b] for f, a, b in db.query(
            "SELECT field, span_start, span_end FROM review_spans WHERE report_id = ? "
            "AND decision = 'redact' AND label = 'PERSON'", (rid,))]
    texts = [t for name in sorted(set(redacted))[:12] for t in disguises(name)]
    parts = [Part(f"probe {i}", text) for i, text in enumerate(texts)]
    before = scan(parts, load_needles(db))
    assert len({f.where for f in before}) > len(texts) // 2  # the probes are found

    run_retention(coordinator, days=0)
    needles = load_needles(db)
    after = scan(parts, needles)
    assert sorted((f.where, f.what) for f in after) == sorted((f.where, f.what) for f in before)
    assert scan([Part("clean", "The officer waited for cover at the corner.")], needles) == []
    hashed = db.query_row("SELECT count(*) FROM retention_needles")[0]
    assert hashed > 0


def test_a_dry_run_changes_nothing_and_nothing_goes_before_its_day(coordinator: Session) -> None:
    db = coordinator.db
    head = db.query_row("SELECT max(seq), count(*) FROM audit")[:]
    dry = run_retention(coordinator, dry_run=True, days=0)
    assert dry.reports == len(published(db)) and dry.quarantined == 2
    assert db.query_row("SELECT max(seq), count(*) FROM audit")[:] == head
    assert db.query_row("SELECT count(*) FROM retention_snapshots")[0] == 0

    result = run_retention(coordinator)  # the default: 90 days after publication
    assert (result.reports, result.quarantined) == (0, 0)
    plan = plan_retention(db, 90)
    assert len(plan.upcoming) == min(len(published(db)), 20) and plan.upcoming_quarantine
    first = plan.upcoming[0]
    assert first.due_at[:10] == (datetime.fromisoformat(first.since.replace("Z", "+00:00"))
                                 + timedelta(days=90)).date().isoformat()
    later = plan_retention(db, 90, now=datetime.now(UTC) + timedelta(days=91))
    assert len(later.reports) == len(published(db)) and len(later.quarantined) == 2


def private_copy(built: Path, folder: Path) -> Path:
    folder.mkdir()
    copy = folder / "demo.db"
    shutil.copy(built, copy)
    shutil.copy(keyfile_path_for(built), keyfile_path_for(copy))
    return copy


def test_the_cli_shows_sets_runs_and_audit_verify_passes(built: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.cli.main import main

    db = private_copy(built, tmp_path / "cli")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    who = ["--db", str(db), "--reviewer", DEMO_REVIEWERS[0], "--passphrase-file", str(secret)]
    assert main(["retention", "show", *who]) == 0
    shown = capsys.readouterr().out
    assert "kept 90 days" in shown and "Due now: 0 published report(s), 0 quarantined" in shown
    assert main(["retention", "set", "0", *who]) == 0
    assert main(["retention", "run", "--dry-run", *who]) == 0
    dry = capsys.readouterr().out
    assert "Dry run: nothing was changed." in dry and "quarantined submission(s)" in dry
    assert main(["retention", "run", *who]) == 0
    out = capsys.readouterr().out
    assert "Destroyed the original text of" in out and "2 quarantined submission(s)" in out
    sizes = re.search(r"Database file: (\d+) bytes before, (\d+) after", out)
    assert sizes is not None and int(sizes.group(2)) < int(sizes.group(1))
    assert CANARY not in out
    assert main(["retention", "run", *who]) == 0  # nothing left to do
    assert "Destroyed the original text of 0 published report(s)" in capsys.readouterr().out
    assert main(["audit", "verify", *who]) == 0


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")  # offscreen
def test_tools_retention_shows_what_goes_and_runs_in_the_background(built: Path, tmp_path: Path,
                                                                   qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    from workstation.ui import tasks
    from workstation.ui.retention_dialog import RetentionActions

    session = unlock(private_copy(built, tmp_path / "gui"), DEMO_REVIEWERS[0], PASSPHRASE)
    tasks.set_pool(tasks.SyncThreadPool())
    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        actions = RetentionActions(session, window)
        assert actions.start_background()  # the run after unlock: nothing is due at 90 days
        assert actions.last_result is not None and actions.last_result.reports == 0
        dialog = actions.show_dialog()
        count = len(published(session.db))
        assert dialog.days.value() == 90 and not dialog.run_button.isEnabled()
        assert dialog.table.rowCount() == min(count, 20) + 2  # what goes next, and when
        dialog.days.setValue(0)
        dialog.save_days()
        assert f"{count} published report(s)" in dialog.summary.text() and dialog.run_button.isEnabled()
        assert dialog.table.item(0, 2).text() == "now"
        dialog.confirm_run().accept()  # "This cannot be undone" -> Yes
        assert actions.last_result is not None
        assert (actions.last_result.reports, actions.last_result.quarantined) == (count, 2)
        assert not dialog.run_button.isEnabled() and dialog.table.rowCount() == 0
        assert session.db.query_row("SELECT count(*) FROM retention_snapshots")[0] == count
    finally:
        tasks.set_pool(None)
        session.lock()
