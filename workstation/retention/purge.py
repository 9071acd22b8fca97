"""A retention run: destroy the original text of reports published more than N days ago,
and the raw bytes of submissions quarantined more than N days ago, keeping what later code
needs in another form first. A dry run reports what would go and writes nothing.

For each due report, in one transaction with the others of its chunk and one audit entry
(counts only):

1. its publishable content as both reviewers signed it is kept (`retention_snapshots`); a
   report whose content no longer matches its sign-offs is held back, untouched;
2. the leak guard's phrases made from its redactions are kept as keyed hashes
   (`retention_needles`; the key: retention/hashes.py), never the words;
3. its part of its incident's placeholder book is kept as keyed hashes (`retention_book`);
4. its stored submission keeps the structured fields (the agency summaries and the
   re-identification check count them) without the officer's free text (title, narrative,
   lessons, prevention, what went right); its spans, the detector's suggestions and the
   residual-scan dismissals (offsets into, and hashes of, the original) are deleted, and so
   is its full-text index entry;
5. inside the transaction, the snapshot's hash must be both sign-offs' content hash and
   the report's publishable content, worked out again from what is left
   (workflow/publishable.py reads the snapshot), must be the snapshot; else nothing of the
   chunk is kept.

Sign-offs, the review commands, coding and audit entries are not touched: `audit verify`
still passes and exports of the report still pass their sign-off check. `secure_delete`
overwrites the freed cells; the free pages are then given back to the file system.

A run in the background is stopped through its `RetentionStop` (the workstation locking):
the run finishes the chunk it is in (its transaction commits), touches the database no more,
and `stop()` returns once it has; what was done stays done, the rest goes at the next run.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import WorkstationError
from workstation.export.leak_guard import detail_of, redacted_needles
from workstation.export.signed import NotSignedAsIs, signed_content, signoff_problem
from workstation.intake.submissions import TEXT_FIELDS
from workstation.retention.hashes import book_digest, book_key, ensure_secret, needle_key
from workstation.retention.plan import Due, RetentionPlan, plan_retention
from workstation.retention.settings import retention_days
from workstation.retention.snapshots import kept_content, pack
from workstation.review.redaction import redacts
from workstation.review.report_review import load_report
from workstation.review.search import unindex_report
from workstation.session import Session
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.text.needles import needle_digest
from workstation.workflow.linking import linked_reports
from workstation.workflow.publishable import content_sha256, publishable_content

CHUNK = 50  # reports a transaction (whole incidents): the GUI's reads wait for each one only
ACTION = "retention.purge"
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class RetentionStop:
    """The cancel hook of a run: `stop()` from any thread asks the run to end after the chunk
    it is in and waits until it no longer uses the database (or `timeout` seconds)."""

    def __init__(self) -> None:
        self._requested = threading.Event()
        self._idle = threading.Event()
        self._idle.set()

    @property
    def requested(self) -> bool:
        return self._requested.is_set()

    def request(self) -> None:
        """Ask the run to end after its current chunk, without waiting."""
        self._requested.set()

    def stop(self, timeout: float | None = None) -> bool:
        """Ask the run to end and wait for it; True once no run uses the database."""
        self._requested.set()
        return self._idle.wait(timeout)

    @property
    def running(self) -> bool:
        return not self._idle.is_set()

    @contextmanager
    def run(self) -> Iterator[None]:
        self._idle.clear()
        try:
            yield
        finally:
            self._idle.set()


class RetentionStopped(WorkstationError):
    """The run was stopped before it began (the workstation is locking)."""


class RetentionFailed(WorkstationError):
    """A purged report's content could not be reproduced from what is kept; nothing of its
    chunk was changed."""


@dataclass(frozen=True)
class RetentionResult:
    plan: RetentionPlan
    dry_run: bool
    reports: int  # reports whose original text was destroyed (or would be, in a dry run)
    quarantined: int  # quarantined submissions whose raw bytes were destroyed
    held: int  # due but kept: linked with a report not yet due, or no longer as signed
    free_pages: int = 0  # pages given back to the file system
    bytes_before: int = 0
    bytes_after: int = 0
    stopped: bool = False  # stopped before the end (the rest goes at the next run)


@dataclass(frozen=True)
class _Kept:
    """What is kept of one report, worked out before anything of its incident changes."""

    report_id: int
    published_at: str
    content: dict[str, Any]
    digest: str
    needles: list[tuple[str, int, str, int]]  # compact form (hashed in the transaction), length, ...
    book: list[tuple[str, str]]  # label, value (hashed in the transaction), in reading order


def _file_size(db: Database) -> int:
    return sum(p.stat().st_size for p in (db.path, db.path.with_name(db.path.name + "-wal")) if p.exists())


def run_retention(session: Session, *, dry_run: bool = False, now: datetime | None = None,
                  days: int | None = None, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None, stop: RetentionStop | None = None) -> RetentionResult:
    """Destroy what is due now (see the module's docstring). `days` overrides the setting
    (tests, the CLI's preview). Between chunks `cancelled()` is asked and `stop` looked at:
    what is done stays done."""
    if stop is None:
        return _run(session, dry_run, now, days, progress, cancelled)
    with stop.run():
        if stop.requested:  # checked once the run is marked running: stop() then waits for it
            raise RetentionStopped("The retention run was stopped before it began.")

        def asked() -> bool:
            return stop.requested or (cancelled is not None and cancelled())
        return _run(session, dry_run, now, days, progress, asked)


def _run(session: Session, dry_run: bool, now: datetime | None, days: int | None,
         progress: Progress | None, cancelled: IsCancelled | None) -> RetentionResult:
    db = session.db
    plan = plan_retention(db, retention_days(db) if days is None else days, now)
    if dry_run or plan.empty:
        return RetentionResult(plan, dry_run, len(plan.reports), len(plan.quarantined), len(plan.held))
    db.checkpoint()  # the file as it stands, without its WAL
    before = _file_size(db)
    chunks = _chunks(db, list(plan.reports))
    total = max(len(chunks), 1)
    purged = held = quarantined = 0
    stopped = False
    for done, chunk in enumerate(chunks or [[]], start=1):
        if cancelled is not None and cancelled():
            stopped = True
            break
        kept, refused = _prepare(db, chunk)
        with session.db.transaction() as tx:
            ensure_secret(tx, db)
            still = _still_published(tx, db, kept)  # a retraction meanwhile keeps its report
            refused += len(kept) - len(still)
            kept = still
            _purge_reports(tx, db, kept)
            gone = _purge_quarantine(tx, list(plan.quarantined), plan.days) if done == 1 else 0
            chain.append(tx, actor=session.reviewer, action=ACTION, obj="database",
                         payload={"days": plan.days, "reports": len(kept), "quarantined": gone,
                                  "held": refused})
        purged += len(kept)
        held += refused
        quarantined += gone
        if progress is not None:
            progress(done, total)
    if stopped:  # the database is about to close: the index and the free pages can wait
        return RetentionResult(plan, False, purged, quarantined, len(plan.held) + held, 0, before,
                               before, stopped=True)
    if purged:
        with db.transaction() as tx:  # merge the index's segments: the deleted entries' pages go
            tx.execute("INSERT INTO report_search(report_search) VALUES ('optimize')")
    free = db.reclaim_free_pages()
    return RetentionResult(plan, False, purged, quarantined, len(plan.held) + held, free, before,
                           _file_size(db))


def _chunks(db: Database, due: list[Due]) -> list[list[Due]]:
    """Chunks of about CHUNK reports; an incident's reports always in the same one."""
    chunks: list[list[Due]] = []
    current: list[Due] = []
    placed: set[int] = set()
    by_id = {d.id: d for d in due}
    for item in due:
        if item.id in placed:
            continue
        group = [by_id[m] for m in linked_reports(db, item.id) if m in by_id]
        placed.update(d.id for d in group)
        if current and len(current) + len(group) > CHUNK:
            chunks.append(current)
            current = []
        current.extend(group)
    if current:
        chunks.append(current)
    return chunks


def _prepare(db: Database, chunk: list[Due]) -> tuple[list[_Kept], int]:
    """What to keep of each report of the chunk, read before any of them changes (a linked
    report's content depends on the others' original text). An incident with a report no
    longer as signed is held back whole."""
    kept: list[_Kept] = []
    refused: set[int] = set()
    for item in chunk:
        try:
            content, _, _ = signed_content(db, item.id)
        except NotSignedAsIs:
            refused.update(linked_reports(db, item.id))
            continue
        review = load_report(db, item.id)
        spans = [(s.field, s.start, s.end, s.label) for s in review.spans if s.decision == "redact"]
        needles = [(n.key, len(n.key), n.description, int(n.numeric))
                   for n in redacted_needles(item.id, review.submission, spans)]
        order = {f: i for i, f in enumerate(TEXT_FIELDS)}
        book = [(s.label, review.texts[s.field][s.start:s.end])
                for s in sorted(review.spans, key=lambda s: (order.get(s.field, 99), s.start))
                if redacts(s, include_pending=True) and s.field in review.texts]
        kept.append(_Kept(item.id, item.since, content, content_sha256(content),
                          needles, book))  # hashed once the key exists (in the transaction)
    kept = [k for k in kept if k.report_id not in refused]
    return kept, len({d.id for d in chunk} & refused)


def _still_published(tx: Transaction, db: Database, kept: list[_Kept]) -> list[_Kept]:
    """The reports of `kept` still published and not yet purged, read inside the purge's
    transaction, whole incidents only (a retraction meanwhile keeps its incident)."""
    ok = {int(r[0]) for r in tx.execute(
        "SELECT id FROM reports WHERE stage = 'published' "
        "AND id NOT IN (SELECT report_id FROM retention_snapshots)").fetchall()}
    going = {k.report_id for k in kept if k.report_id in ok}
    return [k for k in kept if all(m in going or _purged(db, m)
                                   for m in linked_reports(db, k.report_id))]


def _purged(db: Database, report_id: int) -> bool:
    return db.query_one("SELECT 1 FROM retention_snapshots WHERE report_id = ?", (report_id,)) is not None


def _purge_reports(tx: Transaction, db: Database, kept: list[_Kept]) -> None:
    nkey, bkey = needle_key(db), book_key(db)
    assert nkey is not None and bkey is not None  # ensure_secret ran in this transaction
    now = utc_now()
    for item in kept:
        rid = item.report_id
        tx.execute("INSERT INTO retention_snapshots(report_id, content, content_sha256, published_at, "
                   "purged_at) VALUES (?, ?, ?, ?, ?)",
                   (rid, pack(item.content), item.digest, item.published_at, now))
        tx.executemany("INSERT OR IGNORE INTO retention_needles(report_id, digest, length, detail, numeric) "
                       "VALUES (?, ?, ?, ?, ?)",
                       [(rid, bytes.fromhex(needle_digest(nkey, key)), length, detail_of(rid, description),
                         numeric) for key, length, description, numeric in item.needles])
        tx.executemany("INSERT INTO retention_book(report_id, position, label, digest) VALUES (?, ?, ?, ?)",
                       [(rid, position, label, book_digest(bkey, value))
                        for position, (label, value) in enumerate(item.book)])
        row = tx.execute("SELECT submission FROM reports WHERE id = ?", (rid,)).fetchone()
        document = {k: v for k, v in json.loads(row[0]).items() if k not in TEXT_FIELDS}
        tx.execute("UPDATE reports SET submission = ? WHERE id = ?",
                   (json.dumps(document, ensure_ascii=False), rid))
        tx.execute("DELETE FROM review_spans WHERE report_id = ?", (rid,))
        tx.execute("DELETE FROM suggestions WHERE report_id = ?", (rid,))
        tx.execute("DELETE FROM residual_dismissals WHERE report_id = ?", (rid,))
        unindex_report(tx, rid)
    for item in kept:  # every report of an incident changed: now each must come out as signed
        snapshot = kept_content(db, item.report_id)
        try:
            recomputed = content_sha256(publishable_content(db, item.report_id))
        except (ValueError, KeyError):  # what is left does not give the content back
            recomputed = None
        if (snapshot is None or signoff_problem(db, item.report_id, snapshot) is not None
                or recomputed != item.digest):
            raise RetentionFailed(f"Report {item.report_id}'s published content could not be kept as "
                                  "signed; nothing was destroyed.")


def _purge_quarantine(tx: Transaction, due: list[Due], days: int) -> int:
    now = utc_now()
    for item in due:
        tx.execute("UPDATE quarantine SET raw = zeroblob(0), purged_at = ?, "
                   "resolved_at = coalesce(resolved_at, ?), resolution = coalesce(resolution, ?) "
                   "WHERE id = ? AND purged_at IS NULL",
                   (now, now, f"destroyed unresolved after {days} days", item.id))
    return len(due)
