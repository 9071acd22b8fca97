"""Import throughput: one 10,000-report bundle into a fresh encrypted database, without
and with identifier analysis.

Without analysis it measures bundle reading (decrypt, verify, hash checks), strict parsing
and validation, and the single transaction that stores the reports; with analysis the
detector (real spaCy model, --workers processes) suggests identifiers for every report
in the same import. Each run uses a fresh copy of the same database; medians are reported.

    python benchmarks/bench_import.py [--reports 10000] [--runs 3] [--analysis-runs 2] [--workers 2]
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

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from benchmarks import machine  # noqa: E402
from workstation.demo.submissions import generate_submissions  # noqa: E402
from workstation.detect.detector import Detector  # noqa: E402
from workstation.intake.bundle_writer import make_bundle  # noqa: E402
from workstation.intake.importer import import_bundle  # noqa: E402
from workstation.intake.intake_keys import public_bytes  # noqa: E402
from workstation.intake.trust import trust_intake_key, workstation_recipient  # noqa: E402
from workstation.keys.keyfile import keyfile_path_for  # noqa: E402
from workstation.session import create_workstation, unlock  # noqa: E402

PASSPHRASE = "benchmark only passphrase words"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--analysis-runs", type=int, default=2, help="0 skips the runs with analysis")
    parser.add_argument("--workers", type=int, default=2, help="detector worker processes")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        template = work / "template.db"
        created = create_workstation(template, "bench", PASSPHRASE)
        intake_key = Ed25519PrivateKey.generate()
        trust_intake_key(created.session, public_bytes(intake_key))
        recipient = workstation_recipient(created.session.db)
        created.session.lock()

        submissions = generate_submissions(args.reports, seed=2026)
        bundle = work / "big.nmbundle"
        bundle.write_bytes(make_bundle(submissions, signing_key=intake_key, recipient=recipient))
        text_chars = sum(len(s["narrative"]) for s in submissions)

        def timed_imports(runs: int, analyser: object | None) -> list[float]:
            seconds: list[float] = []
            for run in range(runs):
                db = work / f"run{run}-{analyser is not None}.db"
                shutil.copy2(template, db)
                shutil.copy2(keyfile_path_for(template), keyfile_path_for(db))
                session = unlock(db, "bench", PASSPHRASE)
                started = time.perf_counter()
                summary = import_bundle(session, bundle, analyser=analyser)
                seconds.append(time.perf_counter() - started)
                assert summary.imported == args.reports, summary
                session.lock()
            return seconds

        seconds = timed_imports(args.runs, None)
        analysed: list[float] = []
        if args.analysis_runs:
            detector = Detector(workers=args.workers).load()
            detector.warm_pool(args.workers)  # worker start-up is not part of an import
            analysed = timed_imports(args.analysis_runs, detector)
            detector.close()

        median = statistics.median(seconds)
        result = {
            "benchmark": "import",
            "reports": args.reports,
            "bundle_bytes": bundle.stat().st_size,
            "narrative_chars_mean": round(text_chars / args.reports),
            "runs_seconds": [round(s, 3) for s in seconds],
            "median_seconds": round(median, 3),
            "reports_per_second": round(args.reports / median, 1),
            "with_analysis": {
                "workers": args.workers,
                "runs_seconds": [round(x, 3) for x in analysed],
                "median_seconds": round(statistics.median(analysed), 3) if analysed else None,
                "reports_per_second": round(args.reports / statistics.median(analysed), 1)
                if analysed else None,
            },
            "machine": machine.describe(),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    out = ROOT / "benchmarks" / "results" / "import.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"import of {result['reports']} reports ({result['bundle_bytes'] / 1e6:.1f} MB bundle): "
          f"median {result['median_seconds']} s over {args.runs} runs, "
          f"{result['reports_per_second']} reports/s")
    if analysed:
        with_analysis = result["with_analysis"]
        print(f"  with analysis ({args.workers} workers): median {with_analysis['median_seconds']} s, "
              f"{with_analysis['reports_per_second']} reports/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
