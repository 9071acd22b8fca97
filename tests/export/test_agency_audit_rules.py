"""The suppression audit's parts: the protection rule on small tables, facts kept in the
database in the export's transaction, a frozen period sent again as it was."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, Workstation
from workstation.export import agency_export
from workstation.export.agency_export import export_agency_pdfs, plan
from workstation.export.agency_figures import Row
from workstation.export.periods import parse_period
from workstation.export.published_facts import COUNT, FEWER, WITHHELD, Fact, load_facts
from workstation.export.suppression_audit import build, protect, ranges, violations
from workstation.session import Session, unlock
from workstation.store.transaction import Transaction

REEXPORT = "TX0000006"


def _write(session: Session, reports: list[tuple[str, str, str, str]]) -> list[int]:
    """(ori, received date, stage, activity) rows straight into reports and coding (the
    export only reads them)."""
    ids = []
    with session.db.transaction() as tx:
        key = tx.execute("INSERT INTO intake_keys (public_key, trusted_at, trusted_by) VALUES (?, ?, ?)",
                         (bytes(32), "2024-01-01T00:00:00Z", ALICE)).lastrowid
        bundle = tx.execute(
            "INSERT INTO bundles (bundle_id, file_sha256, intake_key_id, created_at, imported_at, "
            "imported_by, imported, quarantined, duplicates) VALUES ('b', ?, ?, ?, ?, ?, ?, 0, 0)",
            ("0" * 64, key, "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", ALICE, len(reports))).lastrowid
        for ori, day, stage, activity in reports:
            rid = tx.execute(
                "INSERT INTO reports (submission_id, bundle_ref, received_at, form_version, content_sha256, "
                "submission, stage, imported_at) VALUES (?, ?, ?, '1', ?, ?, ?, ?)",
                (str(uuid.uuid4()), bundle, f"{day}T12:00:00Z", "0" * 64, json.dumps({"ori": ori}), stage,
                 f"{day}T12:00:00Z")).lastrowid
            assert rid is not None
            if stage != "received":
                _code(tx, rid, activity)
            ids.append(rid)
    return ids


def _code(tx: Transaction, rid: int, activity: str) -> None:
    tx.execute("INSERT INTO coding (report_id, activity_type, contributing_factors) VALUES (?, ?, ?)",
               (rid, activity, json.dumps(["fatigue"])))


def _rows(ori: str, counts: dict[str, int], day: str = "2026-02-03") -> list[Row]:
    rows: list[Row] = []
    for activity, n in counts.items():
        rows += [Row(len(rows) + i, f"{day}T12:00:00Z", "approved", ori, activity, ("fatigue",), "", "")
                 for i in range(n)]
    return rows


def _others(n: int = 60) -> list[Row]:
    kinds = ["traffic_stop", "welfare_check", "vehicle_pursuit"]
    return [Row(1000 + i, "2026-02-10T12:00:00Z", "approved", f"CA{i % 6:07d}", kinds[i % 3],
                ("complacency",), "", "") for i in range(n)]


@pytest.mark.parametrize("counts", [
    {"traffic_stop": 6, "welfare_check": 2, "vehicle_pursuit": 5},  # complementary cell + total
    {"traffic_stop": 10, "welfare_check": 1, "vehicle_pursuit": 1},  # two small cells, known sum
])
def test_the_audit_leaves_no_suppressed_count_narrowed(counts: dict[str, int]) -> None:
    rows = _rows("TX0000001", counts) + _others()
    ((summary, facts, audit),) = plan(rows, parse_period("2026-Q1"), 5, ["TX0000001"], {})
    model = build({"2026-Q1": facts}, 5)
    found = ranges(model)
    assert found is not None and violations(model, found) == []
    assert audit.added >= 1 and audit.programs > 0 and not audit.exposed
    small = [key for key, n in counts.items() if 0 < n < 5]
    for key in small:
        lo, hi = found[f"a:2026-Q1:{key}"]
        assert lo <= 1 and hi >= 4, (key, lo, hi)
    assert summary.activities is not None
    assert sum(c.suppressed is not None for c in summary.activities.agency.values()) >= len(small) + 1


def test_a_published_count_beside_a_small_reviewed_count_is_not_printed() -> None:
    rows = [Row(i, "2026-02-03T12:00:00Z", "received", "TX0000003", "", (), "", "") for i in range(5)]
    rows += [Row(10 + i, "2026-02-03T12:00:00Z", "published", "TX0000003", "traffic_stop", ("fatigue",),
                 "", "") for i in range(3)]
    ((summary, facts, _),) = plan(rows + _others(), parse_period("2026-Q1"), 5, ["TX0000003"], {})
    assert summary.reviewed.text(5) == "fewer than 5"
    assert summary.published_count.text(5) != "3"
    assert facts["published"].shown in (FEWER, WITHHELD)


def test_a_year_and_a_later_trend_do_not_give_a_quarter_away() -> None:
    year = {"submitted": Fact("2025", "submitted", 16, COUNT)}
    current = {"submitted": Fact("2026-Q1", "submitted", 6, COUNT),
               **{f"trend:2025-Q{q}": Fact("2026-Q1", f"trend:2025-Q{q}", v,
                                            FEWER if 0 < v < 5 else COUNT)
                  for q, v in zip(range(1, 5), (6, 3, 7, 0), strict=True)}}
    before = build({"2025": year, "2026-Q1": current}, 5)
    assert violations(before, ranges(before) or {}) == ["s:2025-Q2"]  # 16 - 6 - 7 - 0 = 3
    protected, audit = protect({"2025": year}, current, 5)
    after = build({"2025": year, "2026-Q1": protected}, 5)
    assert violations(after, ranges(after) or {}) == [] and audit.added >= 1


def entry_seq(session: Session) -> int:
    return int(session.db.query_row("SELECT min(seq) FROM audit WHERE action = 'export.agency_pdfs'")[0])


def test_facts_are_kept_with_the_export_and_a_frozen_period_is_sent_again_as_it_was(
        workstation: Workstation, tmp_path: Path) -> None:
    session = unlock(workstation.path, ALICE, ALICE_PASSPHRASE)
    try:
        counts = (("traffic_stop", 6, "approved"), ("welfare_check", 3, "approved"),
                  ("vehicle_pursuit", 5, "approved"), ("vehicle_pursuit", 1, "received"))
        reports = [(REEXPORT, "2026-05-02", stage, activity)
                   for activity, n, stage in counts for _ in range(n)]
        reports += [(f"OH{i:07d}", "2026-05-09", "approved", a) for i in range(6)
                    for a in ("traffic_stop", "welfare_check")]
        ids = _write(session, reports)
        # The first time in two worker processes, the second in this one: the same files.
        with pytest.MonkeyPatch.context() as patch:  # a pool even for these few agencies
            patch.setattr(agency_export, "MIN_PER_WORKER", 1)
            first = export_agency_pdfs(session, "2026-Q2", tmp_path / "first", k=5, workers=2)
        entry = json.loads(session.db.query_row(
            "SELECT payload FROM audit WHERE action = 'export.agency_pdfs' ORDER BY seq DESC LIMIT 1")[0])
        stored = load_facts(session.db)
        kept = sum(len(facts) for periods in stored.values() for facts in periods.values())
        assert entry["facts_added"] == kept > 0
        assert all(facts["released"].value == entry_seq(session) for periods in stored.values()
                   for facts in periods.values())
        assert set(stored) == {REEXPORT, *(f"OH{i:07d}" for i in range(6))}
        columns = [row[1] for row in session.db.query("PRAGMA table_info(agency_facts)")]
        assert columns == ["ori", "period", "cell", "value", "shown"]  # counts only
        with session.db.transaction() as tx:  # one more approval in the frozen period
            tx.execute("UPDATE reports SET stage = 'approved' WHERE id = ?", (ids[14],))
            _code(tx, ids[14], "vehicle_pursuit")
        again = export_agency_pdfs(session, "2026-Q2", tmp_path / "again", k=5)
        entry = json.loads(session.db.query_row(
            "SELECT payload FROM audit WHERE action = 'export.agency_pdfs' ORDER BY seq DESC LIMIT 1")[0])
        assert entry["facts_added"] == 0 and load_facts(session.db) == stored
        assert first.files == again.files
        for name in first.files:
            assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()
        with pytest.raises(Exception, match="kept as sent"), session.db.transaction() as tx:
            tx.execute("UPDATE agency_facts SET value = value + 1")
    finally:
        session.lock()


def test_the_warm_solver_finds_the_ranges_linprog_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit's programs solved warm in one HiGHS instance per group give the same least
    and greatest values as scipy's linprog, on many small agencies over two periods."""
    import random

    from workstation.export import suppression_audit

    rng = random.Random(7)
    rows: list[Row] = []
    activities = ["traffic_stop", "welfare_check", "vehicle_pursuit"]
    for n in range(40):
        for day in ("2025-05-03", "2026-02-03"):
            for _ in range(rng.randint(0, 9)):
                stage = rng.choice(["received", "approved", "published"])
                rows.append(Row(len(rows), f"{day}T12:00:00Z", stage, f"OH{n:07d}",
                                rng.choice(activities) if stage != "received" else "",
                                ("fatigue",) if stage != "received" else (), "", ""))
    oris = sorted({r.ori for r in rows if r.ori})
    year = {s.ori: {"2025": facts} for s, facts, _ in plan(rows, parse_period("2025"), 5, oris, {})}
    quarter = plan(rows, parse_period("2026-Q1"), 5, oris, year)
    models = [build({**year[s.ori], "2026-Q1": facts}, 5) for s, facts, _ in quarter]
    warm = [ranges(m) for m in models]
    monkeypatch.setattr(suppression_audit._Warm, "make", classmethod(lambda cls, *a: None))
    cold = [ranges(m) for m in models]
    compared = 0
    for w, c in zip(warm, cold, strict=True):
        assert (w is None) == (c is None)
        if w is not None and c is not None:
            assert w.keys() == c.keys()
            for var, (lo, hi) in c.items():
                assert w[var][0] == pytest.approx(lo, abs=1e-6) and w[var][1] == pytest.approx(hi, abs=1e-6)
                compared += 1
    assert compared > 100
