"""Agency summary PDFs for a period: one per partner agency (by ORI), in one folder written
at once, after every PDF has passed the leak guard. The export is recorded in the audit
chain (period, k, number of agencies; never an ORI), which is also how a later export is
kept from overlapping an earlier one."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workstation.audit import chain
from workstation.errors import InputError
from workstation.export.agency_figures import load_rows, partner_oris, summaries
from workstation.export.agency_pdf import agency_pdf, file_name
from workstation.export.disclosure import DEFAULT_K, check_k
from workstation.export.files import check_target_folder, export_cancelled, staged
from workstation.export.leak_guard import guard, load_needles
from workstation.export.periods import Period, parse_period
from workstation.session import Session
from workstation.store.database import Database

ACTION = "export.agency_pdfs"
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class AgencyExportResult:
    out: Path
    files: list[str]
    notices: int  # agencies that got the one-page notice
    seconds: float


def previous_exports(db: Database) -> list[tuple[Period, int]]:
    found = []
    for (payload,) in db.query("SELECT payload FROM audit WHERE action = ? ORDER BY seq", (ACTION,)):
        data = json.loads(payload)
        found.append((parse_period(data["period"]), int(data["k"])))
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


def export_agency_pdfs(session: Session, period_text: str, out: Path, *, k: int = DEFAULT_K,
                       oris: list[str] | None = None, progress: Progress | None = None,
                       cancelled: IsCancelled | None = None) -> AgencyExportResult:
    started = time.perf_counter()
    db = session.db
    period = parse_period(period_text)
    try:
        check_k(k)
    except ValueError:
        raise InputError("The threshold k must be a whole number of at least 2.") from None
    check_target_folder(out)
    check_no_overlap(db, period, k)
    rows = load_rows(db)
    agencies = partner_oris(rows) if oris is None else oris
    if not agencies:
        raise InputError("No report names a partner agency (ORI); there is nothing to summarise.")
    needles = load_needles(db)
    files: dict[str, bytes] = {}
    notices = 0
    all_summaries = summaries(rows, period, k, agencies)
    total = len(all_summaries)
    for done, summary in enumerate(all_summaries, start=1):
        if cancelled and cancelled():
            raise export_cancelled()
        data, parts = agency_pdf(summary)
        guard(parts, needles)  # each PDF before anything is written
        files[file_name(summary.ori, period.code)] = data
        notices += summary.notice_only
        if progress:
            progress(done, total)
    if cancelled and cancelled():  # the last chance: from here the export runs to the end
        raise export_cancelled()
    with staged(out) as folder:
        folder.write_all(files)
        with db.transaction() as tx:
            chain.append(tx, actor=session.reviewer, action=ACTION, obj=f"period:{period.code}",
                         payload={"period": period.code, "k": k, "agencies": total, "notices": notices})
            folder.place()
    return AgencyExportResult(out, sorted(files), notices, time.perf_counter() - started)
