"""Agency summary PDFs: time to produce one PDF per partner agency (500) from a database of
20,000 reports that went through the real workflow (`demo build`). Target (issue 18 §2):
under 60 s for the year, the suppression audit included.

The database is built once (it takes a while: every report is analysed, redacted, coded
and signed at both stages) and kept in --data (default: ~/.cache/workstation-bench/) for later runs.
Each run works on a fresh copy of it (a period once sent is frozen: sending it again would
skip the audit and measure nothing) and sends the year 2025, then the quarter 2026-Q3 (audited
against the year just sent), each for every agency into a fresh folder: reading the reports,
computing and suppressing the figures, the LP audit against everything the agency was sent,
the sign-off check of every quoted report, drawing the charts, the leak guard over every PDF,
writing the files and keeping the facts. `--workers` worker processes audit and draw (the
export's `workers`); the median of the runs is reported.

    python benchmarks/bench_agency_pdfs.py [--reports 20000] [--agencies 500] [--runs 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402
from workstation.demo.build import build_demo  # noqa: E402
from workstation.export.agency_export import export_agency_pdfs  # noqa: E402
from workstation.keys.keyfile import keyfile_path_for  # noqa: E402
from workstation.session import unlock  # noqa: E402

PASSPHRASE = "benchmark only passphrase words"
PERIODS = ("2025", "2026-Q3")  # a year (figures for most agencies) and a quarter (mostly notices)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="worker processes (1: none)")
    parser.add_argument("--data", type=Path, default=Path.home() / ".cache" / "workstation-bench",
                        help="where the built database is kept between runs (outside the repository)")
    parser.add_argument("--db", type=Path, default=None, help="use this demo-built database")
    parser.add_argument("--passphrase", default=PASSPHRASE, help="its demo reviewers' passphrase")
    parser.add_argument("--synthetic", action="store_true",
                        help="no database: the same figures and PDFs from generated coded rows "
                        "(measures computing, drawing and scanning, not reading the database)")
    args = parser.parse_args()
    if args.synthetic:
        return synthetic(args)

    db = args.db or args.data / f"agency-bench-{args.reports}-{args.agencies}.db"
    build_seconds = None
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {db} (once) ...", file=sys.stderr)
        built = build_demo(db, reports=args.reports, agencies=args.agencies, passphrase=args.passphrase,
                           publish_share=0.2)
        build_seconds = round(built.seconds, 1)
    runs: dict[str, list[float]] = {period: [] for period in PERIODS}
    results: dict[str, dict] = {}
    for _ in range(args.runs):
        work = Path(tempfile.mkdtemp(prefix="bench-agency-"))
        try:
            copy = work / db.name  # a fresh copy: nothing sent yet
            shutil.copy(db, copy)
            shutil.copy(keyfile_path_for(db), keyfile_path_for(copy))
            session = unlock(copy, "demo-stage1", args.passphrase)
            try:
                reports = session.db.query_row("SELECT count(*) FROM reports")[0]
                stages = dict(session.db.query("SELECT stage, count(*) FROM reports GROUP BY stage"))
                for period in PERIODS:
                    out = work / f"out-{period}"
                    started = time.perf_counter()
                    result = export_agency_pdfs(session, period, out, k=5, workers=args.workers)
                    runs[period].append(round(time.perf_counter() - started, 2))
                    entry = json.loads(session.db.query_row(
                        "SELECT payload FROM audit WHERE action = 'export.agency_pdfs' "
                        "ORDER BY seq DESC LIMIT 1")[0])
                    median = statistics.median(runs[period])
                    results[period] = {"agencies": len(result.files), "notices": result.notices,
                                       "refused": len(result.refused), "runs_seconds": runs[period],
                                       "median_seconds": median,
                                       "pdfs_per_second": round(len(result.files) / median, 1),
                                       "total_pdf_bytes": sum(p.stat().st_size for p in out.iterdir()),
                                       "audit": entry.get("audit")}
            finally:
                session.lock()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    summary = {
        "benchmark": "agency_pdfs (fresh copy each run: the year, then a quarter; LP audit included)",
        "reports": reports,
        "agencies": args.agencies,
        "k": 5,
        "workers": args.workers,
        "target_seconds": 60,
        "periods": results,
        "database_build_seconds": build_seconds,
        "database_state": stages,
        "machine": machine.describe(),
    }
    save("database", summary)
    return 0


def save(mode: str, summary: dict) -> None:
    """Both modes share benchmarks/results/agency_pdfs.json, one key each (the issue's size
    only: a smaller smoke run is printed, not kept)."""
    if summary["agencies"] != 500 or summary["reports"] < 20_000:
        print(json.dumps(summary, indent=2))
        return
    out = ROOT / "benchmarks" / "results" / "agency_pdfs.json"
    saved = json.loads(out.read_text()) if out.exists() else {}
    saved[mode] = summary
    out.write_text(json.dumps(saved, indent=2) + "\n")
    print(json.dumps(summary, indent=2))


def synthetic(args: argparse.Namespace) -> int:
    import random

    from workstation.demo.submissions import make_agencies
    from workstation.export.agency_export import plan
    from workstation.export.agency_figures import Row, summaries
    from workstation.export.agency_pdf import agency_pdf
    from workstation.export.leak_guard import Needles, guard
    from workstation.export.periods import parse_period
    from workstation.export.published_facts import Facts
    from workstation.intake.submission_schema import taxonomy_codes

    rng = random.Random(1)
    oris = [a.ori for a in make_agencies(args.agencies)]
    activities, factors = taxonomy_codes("activity_type"), taxonomy_codes("contributing_factors")
    quarters = parse_period("2026-Q3").trend(8)
    rows = []
    for i in range(args.reports):
        quarter = rng.choice(quarters)
        day = quarter.start.toordinal() + rng.randrange((quarter.end - quarter.start).days)
        stage = rng.choice(("published", "approved", "approved", "received"))
        reviewed = stage != "received"
        rows.append(Row(i, __import__("datetime").date.fromordinal(day).isoformat() + "T12:00:00Z", stage,
                        rng.choice(oris) if rng.random() < 0.7 else None,
                        rng.choice(activities) if reviewed else "",
                        tuple(rng.sample(factors, rng.randint(1, 3))) if reviewed else (),
                        f"Lesson title {i} from a generated report" if reviewed else "",
                        "Wait for cover, search the reach area, and tell dispatch where you are."))
    needles = Needles(oris={o.casefold() for o in oris})
    results = {}
    for period in PERIODS:
        runs = []
        for _ in range(args.runs):
            started = time.perf_counter()
            made = 0
            past: dict[str, dict[str, Facts]] = {}  # nothing sent before: the year comes first
            for printed, _facts, _audit in plan(rows, parse_period(period), 5, sorted(set(oris)), past):
                _, parts = agency_pdf(printed)
                guard(parts, needles)
                made += 1
            runs.append(round(time.perf_counter() - started, 2))
        notices = sum(s.notice_only for s in summaries(rows, parse_period(period), 5, sorted(set(oris))))
        results[period] = {"agencies": made, "notices": notices, "runs_seconds": runs,
                           "median_seconds": statistics.median(runs),
                           "pdfs_per_second": round(made / statistics.median(runs), 1)}
    summary = {"benchmark": "agency_pdfs (synthetic rows: figures, LP audit, charts, PDFs and leak "
                            "guard in one process; no database read, no file writes)",
               "reports": args.reports, "agencies": args.agencies, "k": 5, "periods": results,
               "machine": machine.describe()}
    save("synthetic", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
