"""Import throughput: one 10,000-report bundle into a fresh encrypted database.

Measures bundle reading (decrypt, verify, hash checks), strict parsing and validation, and
the single transaction that stores the reports; identifier analysis is not included.
Each run uses a fresh copy of the same database; the median of the runs is reported.

    python benchmarks/bench_import.py [--reports 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from workstation.demo.submissions import generate_submissions  # noqa: E402
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

        seconds: list[float] = []
        for run in range(args.runs):
            db = work / f"run{run}.db"
            shutil.copy2(template, db)
            shutil.copy2(keyfile_path_for(template), keyfile_path_for(db))
            session = unlock(db, "bench", PASSPHRASE)
            started = time.perf_counter()
            summary = import_bundle(session, bundle)
            seconds.append(time.perf_counter() - started)
            assert summary.imported == args.reports, summary
            session.lock()

        median = statistics.median(seconds)
        result = {
            "benchmark": "import",
            "reports": args.reports,
            "bundle_bytes": bundle.stat().st_size,
            "narrative_chars_mean": round(text_chars / args.reports),
            "runs_seconds": [round(s, 3) for s in seconds],
            "median_seconds": round(median, 3),
            "reports_per_second": round(args.reports / median, 1),
            "machine": f"{platform.machine()} {platform.processor() or ''} "
                       f"python {platform.python_version()}".strip(),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    out = ROOT / "benchmarks" / "results" / "import.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"import of {result['reports']} reports ({result['bundle_bytes'] / 1e6:.1f} MB bundle): "
          f"median {result['median_seconds']} s over {args.runs} runs, "
          f"{result['reports_per_second']} reports/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
