"""Full-text search and unlock with 100,000 reports in the encrypted database.

The database is filled the way a real one is: generated submissions imported through
signed, encrypted bundles of 10,000 (without analysis, which search does not need).

1. Search latency: the queue's search box, `search_reports` (SQLite FTS5, contentless,
   inside SQLCipher), for several kinds of query a reviewer types. The competitor, run
   on the same database in the same process, is what search would be without an index:
   a `LIKE` scan over the stored submissions. Ratio = scan median / FTS median.
   Also the whole queue refresh for a search (`queue_rows(search=...)`), what the user waits for.
2. Unlock: `workstation.session.unlock` on the 100,000-report database as the GUI does it
   (`background_check=True`: Argon2id key derivation, key file HMAC, SQLCipher key check,
   schema version, chain head and roster against the key file; the full page-HMAC and
   structure check then runs in a background thread, and writes wait for it), the
   Argon2id share alone, the background check's duration, and for comparison the
   foreground unlock the CLI does (every check before returning).

Medians of several runs; not a timed test.

    python benchmarks/bench_search.py [--reports 100000] [--runs 15] [--scan-runs 3] [--keep DIR]
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
from workstation.intake.bundle_format import MAX_REPORTS  # noqa: E402
from workstation.intake.bundle_writer import make_bundle  # noqa: E402
from workstation.intake.importer import import_bundle  # noqa: E402
from workstation.intake.intake_keys import public_bytes  # noqa: E402
from workstation.intake.trust import trust_intake_key, workstation_recipient  # noqa: E402
from workstation.review.queue import queue_rows  # noqa: E402
from workstation.review.search import search_reports  # noqa: E402
from workstation.session import create_workstation, unlock  # noqa: E402

PASSPHRASE = "benchmark only passphrase words"
REVIEWER = "bench"
# What reviewers type: a common word, a rarer one, two words, a prefix as they type.
QUERIES = {
    "common word": "suspect",
    "rarer word": "knife",
    "two words": "traffic stop",
    "prefix while typing": "vehic",
}


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def build_database(path: Path, reports: int) -> float:
    """A workstation database holding `reports` imported reports; returns seconds taken."""
    started = time.perf_counter()
    created = create_workstation(path, REVIEWER, PASSPHRASE)
    session = created.session
    intake_key = Ed25519PrivateKey.generate()
    trust_intake_key(session, public_bytes(intake_key))
    recipient = workstation_recipient(session.db)
    bundle = path.parent / "part.nmbundle"
    for start in range(0, reports, MAX_REPORTS):
        count = min(MAX_REPORTS, reports - start)
        batch = generate_submissions(count, seed=7000 + start)
        bundle.write_bytes(make_bundle(batch, signing_key=intake_key, recipient=recipient))
        summary = import_bundle(session, bundle)
        assert summary.imported == count, summary
        print(f"  imported {start + count} reports", flush=True)
    bundle.unlink()
    session.lock()
    return time.perf_counter() - started


def timed(fn, runs: int) -> tuple[list[float], object]:
    seconds, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def like_scan(db, words: list[str]) -> list[int]:
    """The competitor: every word as a substring of the stored submission, no index."""
    where = " AND ".join("submission LIKE ?" for _ in words)
    rows = db.query(f"SELECT id FROM reports WHERE {where}", tuple(f"%{w}%" for w in words))
    return [row[0] for row in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--scan-runs", type=int, default=3)
    parser.add_argument("--unlock-runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the database here once and reuse it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = work / f"search-{args.reports}.db"
    try:
        build_seconds = None
        if not db_path.exists():
            print(f"building a database of {args.reports} reports (once)", flush=True)
            build_seconds = round(build_database(db_path, args.reports), 1)

        unlock_seconds, check_seconds, foreground_seconds = [], [], []
        for _ in range(args.unlock_runs):
            started = time.perf_counter()
            session = unlock(db_path, REVIEWER, PASSPHRASE, background_check=True)
            unlock_seconds.append(time.perf_counter() - started)
            session.integrity.wait()
            assert session.integrity.passed, session.integrity.problem
            check_seconds.append(session.integrity.seconds)
            session.lock()
            started = time.perf_counter()
            unlock(db_path, REVIEWER, PASSPHRASE).lock()
            foreground_seconds.append(time.perf_counter() - started)
        kdf_seconds = _argon2_seconds(args.unlock_runs)

        session = unlock(db_path, REVIEWER, PASSPHRASE)
        db = session.db
        count = db.query("SELECT count(*) FROM reports")[0][0]
        assert count == args.reports, count
        queries = {}
        for kind, text in QUERIES.items():
            search_reports(db, text)  # warm the page cache once, as a session in use would be
            fts, hits = timed(lambda text=text: search_reports(db, text), args.runs)
            refresh, rows = timed(lambda text=text: queue_rows(db, search=text), max(3, args.runs // 3))
            scan, scanned = timed(lambda text=text: like_scan(db, text.split()), args.scan_runs)
            assert len(rows) == len(hits), (kind, len(rows), len(hits))
            # The scan matches substrings, FTS whole words (and a prefix): FTS finds a subset.
            assert set(hits) <= set(scanned) or kind == "prefix while typing", kind
            queries[kind] = {
                "query": text,
                "hits": len(hits),
                "fts_median_ms": ms(statistics.median(fts)),
                "queue_refresh_median_ms": ms(statistics.median(refresh)),
                "like_scan_median_ms": ms(statistics.median(scan)),
                "ratio_scan_over_fts": round(statistics.median(scan) / statistics.median(fts), 1),
            }
            print(f"  {kind!r}: {len(hits)} hits, FTS {queries[kind]['fts_median_ms']} ms, "
                  f"queue refresh {queries[kind]['queue_refresh_median_ms']} ms, "
                  f"LIKE scan {queries[kind]['like_scan_median_ms']} ms "
                  f"({queries[kind]['ratio_scan_over_fts']}x)", flush=True)
        session.lock()
        result = {
            "benchmark": "search_and_unlock",
            "reports": args.reports,
            "database_bytes": db_path.stat().st_size,
            "database_build_seconds": build_seconds,
            "runs": args.runs,
            "queries": queries,
            "unlock": {
                "runs_seconds": [round(s, 3) for s in unlock_seconds],
                "median_seconds": round(statistics.median(unlock_seconds), 3),
                "background_check_median_seconds": round(statistics.median(check_seconds), 3),
                "foreground_unlock_median_seconds": round(statistics.median(foreground_seconds), 3),
                "argon2id_median_seconds": round(kdf_seconds, 3),
            },
            "machine": machine.describe(),
        }
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    out = ROOT / "benchmarks" / "results" / "search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    unlocked = result["unlock"]
    print(f"unlock of a {args.reports}-report database ({result['database_bytes'] / 1e6:.0f} MB): "
          f"median {unlocked['median_seconds']} s, "
          f"of which Argon2id {unlocked['argon2id_median_seconds']} s; "
          f"then the background page and structure check {unlocked['background_check_median_seconds']} s "
          f"(unlock with every check in the foreground, as the CLI does: "
          f"{unlocked['foreground_unlock_median_seconds']} s)")
    return 0


def _argon2_seconds(runs: int) -> float:
    """The key derivation alone, with the parameters a workstation uses."""
    from workstation.keys import kdf

    seconds, _ = timed(lambda: kdf.derive_key(PASSPHRASE, b"0" * kdf.SALT_SIZE, kdf.DEFAULT_KDF), runs)
    return statistics.median(seconds)


if __name__ == "__main__":
    sys.exit(main())
