"""Agency summary PDFs for a period: one per partner agency (by ORI), in one folder written
at once, after every PDF has passed the leak guard. A PDF the guard finds something in, or
one that would quote a report whose content is no longer what both reviewers signed, is
refused and listed with the reason; the others are written (none written: the export is
refused). The export is recorded in the audit chain (period, k, number of agencies and of
refused files; never an ORI), which is also how a later export is kept from overlapping
an earlier one.

Every figure sent is kept (workstation.export.published_facts), in the transaction of the
export's audit entry. Before a PDF is made, the suppression audit checks it against all an
agency was sent before and withholds more where a suppressed count could be worked out
(workstation.export.suppression_audit). A period already sent is frozen: sending it again
reproduces, for each agency that got it, the figures sent the first time; a report of that
period approved after it was sent counts in the period of its approval instead (see
agency_figures; the method note says so)."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from workstation.audit import chain
from workstation.errors import ExportError, InputError
from workstation.export.agency_figures import AgencySummary, Released, Row, load_rows, partner_oris, summaries
from workstation.export.agency_pdf import agency_pdf, file_name
from workstation.export.disclosure import DEFAULT_K, check_k
from workstation.export.files import check_target_folder, export_cancelled, staged
from workstation.export.leak_guard import Part, describe_findings, load_needles, scan
from workstation.export.periods import Period, parse_period
from workstation.export.published_facts import (
    RELEASED,
    Facts,
    load_facts,
    overlay,
    released,
    released_fact,
    store_facts,
    summary_facts,
)
from workstation.export.signed import signoff_problem
from workstation.export.suppression_audit import AuditResult, protect
from workstation.session import Session
from workstation.store.database import Database
from workstation.text.invisible import refuse_invisible
from workstation.workflow.publishable import publishable_content

ACTION = "export.agency_pdfs"
MIN_PER_WORKER = 40  # agencies per worker process below which the export stays in this process
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class RefusedFile:
    """An agency's PDF that was not written, and why (plain words, no identifier)."""

    name: str
    reason: str

    def describe(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(frozen=True)
class AgencyExportResult:
    out: Path
    files: list[str]
    notices: int  # agencies that got the one-page notice
    seconds: float
    refused: tuple[RefusedFile, ...] = ()  # files left out; the others were written


class AgencyExportRefused(ExportError):
    """Every agency's PDF was refused: nothing was written. `refused` says why, file by file."""

    def __init__(self, refused: list[RefusedFile]) -> None:
        lines = "\n".join(f"  - {r.describe()}" for r in refused[:20])
        more = f"\n  ... and {len(refused) - 20} more" if len(refused) > 20 else ""
        super().__init__(f"Export refused: no agency summary could be written; nothing was written.\n"
                         f"{lines}{more}")
        self.refused = refused


def previous_exports(db: Database) -> list[tuple[Period, int]]:
    return [(period, k) for period, k, _ in _exports(db)]


def first_exports(db: Database) -> dict[str, int]:
    """Each period exported: the audit sequence number of its first export."""
    found: dict[str, int] = {}
    for period, _, seq in _exports(db):
        found.setdefault(period.code, seq)
    return found


def _exports(db: Database) -> list[tuple[Period, int, int]]:
    found = []
    for seq, payload in db.query("SELECT seq, payload FROM audit WHERE action = ? ORDER BY seq", (ACTION,)):
        data = json.loads(payload)
        found.append((parse_period(data["period"]), int(data["k"]), int(seq)))
    return found


def check_no_overlap(db: Database, period: Period, k: int) -> None:
    """Periods never overlap: the same period again (with the same k) is fine; a period that
    contains, or lies in, one already exported is refused (differencing would reveal counts)."""
    for earlier, earlier_k in previous_exports(db):
        if earlier == period and earlier_k != k:
            raise InputError(f"{period.code} was exported with k = {earlier_k}; export it again with "
                             "the same threshold (a different one would let readers difference counts).")
        if earlier != period and earlier.overlaps(period):
            raise InputError(f"{period.code} overlaps {earlier.code}, which was already exported; "
                             "agency summaries never cover overlapping periods.")


def default_workers() -> int:
    """Worker processes for an export started by a person: one a core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


def export_agency_pdfs(session: Session, period_text: str, out: Path, *, k: int = DEFAULT_K,
                       oris: list[str] | None = None, progress: Progress | None = None,
                       cancelled: IsCancelled | None = None, workers: int = 1) -> AgencyExportResult:
    """`workers` > 1: each agency's audit and PDF drawing run in that many worker processes
    (they get the figures and the quoted titles and lessons, never the database, its key or
    the leak guard's needles); the sign-off checks, the leak guard and the writing stay here."""
    started = time.perf_counter()
    db = session.db
    period = parse_period(period_text)
    try:
        check_k(k)
    except ValueError:
        raise InputError("The threshold k must be a whole number of at least 2.") from None
    refuse_invisible(out.name, "The folder name")
    check_target_folder(out)
    check_no_overlap(db, period, k)
    rows = load_rows(db)
    agencies = partner_oris(rows) if oris is None else oris
    if not agencies:
        raise InputError("No report names a partner agency (ORI); there is nothing to summarise.")
    needles = load_needles(db)
    files: dict[str, bytes] = {}
    sent: dict[str, Facts] = {}
    refused: list[RefusedFile] = []
    notices = 0
    past = load_facts(db, agencies)
    # Every agency's (the all-agency figures count each report where its own agency has it).
    sent_before = released(past if oris is None else load_facts(db), first_exports(db))
    jobs = [(summary, past.get(summary.ori, {}), k)
            for summary in summaries(rows, period, k, agencies, sent_before)]
    total = len(jobs)
    audit = AuditResult()
    for done, (summary, facts, checked, (data, parts)) in enumerate(_made(jobs, workers, cancelled), start=1):
        audit.programs += checked.programs
        audit.added += checked.added
        audit.quotes_dropped += checked.quotes_dropped
        audit.exposed += checked.exposed
        if cancelled and cancelled():
            raise export_cancelled()
        name = file_name(summary.ori, period.code)
        # Titles and lessons are quoted only as both reviewers signed them.
        unsigned = _changed_reports(db, summary.published_ids)
        if unsigned:
            refused.append(RefusedFile(name, "it would quote a report whose content is not what both "
                                             f"reviewers signed (report {', '.join(map(str, unsigned))}); "
                                             "it must be signed and approved again"))
        else:
            findings = scan(parts, needles)  # each PDF before anything is written
            if findings:
                refused.append(RefusedFile(name, f"the leak guard found {len(findings)} possible "
                                                 f"identifier{'s' if len(findings) != 1 else ''}:\n"
                                                 f"{describe_findings(findings)}"))
            else:
                files[name] = data
                sent[summary.ori] = facts
                notices += summary.notice_only
        if progress:
            progress(done, total)
    if not files:
        raise AgencyExportRefused(refused)
    if cancelled and cancelled():  # the last chance: from here the export runs to the end
        raise export_cancelled()
    with staged(out) as folder:
        folder.write_all(files)
        with db.transaction() as tx:
            # When each agency got the period (the first time only, kept with its facts): a
            # later approval of one of its reports counts in the period of that approval.
            seq = int(tx.execute("SELECT COALESCE(MAX(seq), 0) FROM audit").fetchone()[0]) + 1
            for ori, facts in sent.items():
                first = sent_before.get(ori, {}).get(period.code, seq)
                facts.setdefault(RELEASED, released_fact(period.code, first))
            facts_added = sum(store_facts(tx, ori, facts) for ori, facts in sent.items())
            entry = chain.append(tx, actor=session.reviewer, action=ACTION, obj=f"period:{period.code}",
                         payload={"period": period.code, "k": k, "agencies": total, "notices": notices,
                                  "refused": len(refused), "facts_added": facts_added,
                                  "audit": {"programs": audit.programs, "withheld_added": audit.added,
                                            "quotes_dropped": audit.quotes_dropped,
                                            "exposed_before": len(audit.exposed)}})
            if entry.seq != seq:
                raise RuntimeError("the audit chain moved during the export")
            folder.place()
    return AgencyExportResult(out, sorted(files), notices, time.perf_counter() - started, tuple(refused))


Job = tuple[AgencySummary, dict[str, Facts], int]  # the live summary, what the agency was sent, k
Made = tuple[AgencySummary, Facts, AuditResult, tuple[bytes, list[Part]]]


def _made(jobs: list[Job], workers: int, cancelled: IsCancelled | None) -> Iterator[Made]:
    """Each agency's summary as printed, its facts, its audit and its PDF, in order."""
    if workers <= 1 or len(jobs) < MIN_PER_WORKER * workers:  # starting one costs a few seconds
        for job in jobs:
            if cancelled and cancelled():
                raise export_cancelled()
            yield _make(job)
        return
    context = multiprocessing.get_context("spawn")  # never fork a process with threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            yield from pool.map(_make, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8))))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _make(job: Job) -> Made:
    summary, earlier, k = job
    printed, facts, checked = _audited(summary, earlier, k)
    return printed, facts, checked, agency_pdf(printed)


def _audited(summary: AgencySummary, earlier: dict[str, Facts], k: int) -> tuple[AgencySummary, Facts,
                                                                                   AuditResult]:
    frozen = earlier.get(summary.period.code)
    if frozen is not None:
        return overlay(summary, frozen), frozen, AuditResult()
    facts, checked = protect(earlier, summary_facts(summary), k)
    return overlay(summary, facts), facts, checked


def plan(rows: list[Row], period: Period, k: int, oris: list[str], past: dict[str, dict[str, Facts]],
         cancelled: IsCancelled | None = None,
         sent: Released | None = None) -> list[tuple[AgencySummary, Facts, AuditResult]]:
    """Each agency's summary as it will be printed, the facts it adds, and its audit: the
    stored figures for a frozen period, else the new figures after the suppression audit
    against everything the agency was sent before (`past`: by agency, then period; `sent`:
    when each period was sent, see published_facts.released)."""
    planned = []
    for summary in summaries(rows, period, k, oris, sent):
        if cancelled and cancelled():
            raise export_cancelled()
        planned.append(_audited(summary, past.get(summary.ori, {}), k))
    return planned


def _changed_reports(db: Database, report_ids: list[int]) -> list[int]:
    return [rid for rid in report_ids
            if signoff_problem(db, rid, publishable_content(db, rid)) is not None]
