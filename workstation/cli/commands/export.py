"""export publication / export briefing / export agency-pdfs: what leaves the workstation.

Every export passes the leak guard before anything is written; a refused export prints
what was found (never the text itself) and exits with code 8. A publication batch leaves
out a report it cannot publish, and an agency export a PDF it cannot write; both list
what they left out and why on stderr, publish or write the rest, and exit with code 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workstation.cli.common import (
    database_options,
    reviewer_options,
    unlock_with_passphrase,
)
from workstation.errors import ExitCode, InputError
from workstation.export.disclosure import DEFAULT_K
from workstation.reports import find_report_id


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="publish reports, briefings and agency summaries")
    commands = export.add_subparsers(dest="export_command", required=True)
    parents = [database_options(), reviewer_options()]

    pub = commands.add_parser(
        "publication", parents=parents,
        help="publish every approved report: JSON, library PDF and a signed manifest",
        description="Write every approved, not yet published report to DIR (de-identified JSON, "
        "index.json, a library PDF and manifest.json signed with your key) and mark them "
        "published. DIR must be new or empty. Your passphrase unlocks the database and signs.",
    )
    pub.add_argument("--out", type=Path, required=True, metavar="DIR")
    pub.set_defaults(handler=run_publication)

    brief = commands.add_parser(
        "briefing", parents=parents, help="a one- or two-page roll-call briefing PDF of one report",
    )
    brief.add_argument("--report", required=True, metavar="ID",
                       help="the report's submission id (see `reports list`) or its number; "
                       "approved or published")
    brief.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    brief.set_defaults(handler=run_briefing)

    agency = commands.add_parser(
        "agency-pdfs", parents=parents, help="one summary PDF per partner agency (ORI) for a period",
        description="Write one PDF per partner agency for PERIOD (a quarter like 2026-Q3 or a "
        "year like 2026) to DIR. Counts below K are printed as 'fewer than K'; an agency with "
        "fewer than K reports gets a one-page notice. Periods may not overlap earlier exports.",
    )
    agency.add_argument("--period", required=True, metavar="PERIOD")
    agency.add_argument("--out", type=Path, required=True, metavar="DIR")
    agency.add_argument("--k", type=int, default=DEFAULT_K, metavar="K",
                        help=f"small-count threshold (default {DEFAULT_K})")
    agency.add_argument("--workers", type=int, default=None, metavar="N",
                        help="worker processes for the audits and PDFs (default: one a core, at most 4)")
    agency.add_argument("--quiet", action="store_true", help="no progress line")
    agency.set_defaults(handler=run_agency_pdfs)

    retract = commands.add_parser(
        "retraction", parents=parents, help="withdraw a published report (a leak found after publication)",
        description="Mark a published report withdrawn: it goes back to stage 1 (both sign-offs "
        "stale) with the reason as its note, and the retraction, signed with your key, is "
        "recorded in the audit chain. The next publication batch carries retractions.json "
        "(publication ids and dates, no reasons) so the library's host removes it; a batch may "
        "carry only retractions. The reason stays in this database.",
    )
    retract.add_argument("--report", required=True, metavar="ID",
                         help="the report's submission id or its number (see `reports list`)")
    retract.add_argument("--reason", required=True, metavar="TEXT", help="what leaked, in a few words")
    retract.set_defaults(handler=run_retraction)


def _progress(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


# The exports load ReportLab, NumPy and SciPy: imported by the command that needs them, so
# that every other command starts quickly.
def run_publication(args: argparse.Namespace) -> int:
    from workstation.export.publication import export_publication

    session, passphrase = unlock_with_passphrase(args)
    try:
        result = export_publication(session, args.out, passphrase)
    finally:
        session.lock()
    print(f"Published {len(result.publications)} report{'s' if len(result.publications) != 1 else ''} "
          f"to {result.out} ({len(result.files)} files).")
    print(f"Manifest SHA-256: {result.manifest_sha256}")
    if result.left_out:
        count = len(result.left_out)
        print(f"workstation: {count} approved report{'s were' if count != 1 else ' was'} left out of "
              f"this batch (still approved):\n{result.describe_left_out()}", file=sys.stderr)
        return ExitCode.FAILURE
    return ExitCode.OK


def run_retraction(args: argparse.Namespace) -> int:
    from workstation.export.retraction import retract

    session, passphrase = unlock_with_passphrase(args)
    try:
        report = find_report_id(session.db, args.report)
        done = retract(session, report, args.reason, passphrase)
    finally:
        session.lock()
    print(f"Report {report} (publication {done.publication_id}) is retracted and back in stage 1. "
          "The next publication batch lists it in retractions.json.")
    return ExitCode.OK


def run_briefing(args: argparse.Namespace) -> int:
    from workstation.export.briefing import export_briefing

    session, _ = unlock_with_passphrase(args)
    try:
        out = export_briefing(session, find_report_id(session.db, args.report), args.out)
    finally:
        session.lock()
    print(f"Wrote the roll-call briefing to {out}.")
    return ExitCode.OK


def run_agency_pdfs(args: argparse.Namespace) -> int:
    from workstation.export.agency_export import default_workers, export_agency_pdfs

    if args.workers is None:
        args.workers = default_workers()
    if args.k < 2:
        raise InputError("--k must be at least 2.")
    if args.workers < 1:
        raise InputError("--workers must be at least 1.")
    session, _ = unlock_with_passphrase(args)
    try:
        result = export_agency_pdfs(session, args.period, args.out, k=args.k, workers=args.workers,
                                    progress=None if args.quiet else _progress)
    finally:
        session.lock()
    print(f"Wrote {len(result.files)} agency summaries to {result.out} "
          f"({result.notices} one-page notices for agencies with fewer than {args.k} reports) "
          f"in {result.seconds:.1f} s.")
    if result.refused:
        lines = "\n".join(f"  - {r.describe()}" for r in result.refused)
        count = len(result.refused)
        print(f"workstation: {count} agency summar{'ies were' if count != 1 else 'y was'} not written:\n"
              f"{lines}", file=sys.stderr)
        return ExitCode.FAILURE
    return ExitCode.OK
