"""The suppression audit of agency summaries (issue 18 §2): time to work out, for every
agency of a demo-size program (20,000 reports, 500 agencies), the figures of its PDF after
the linear-programming audit against everything it was sent before. Target: under 60 s for
a period.

The rows are generated like `bench_agency_pdfs.py --synthetic` (no database read, no PDF
drawn: the audit alone, with the figures it needs). The periods are sent in order as a
program would: the year 2025, then 2026-Q1, Q2 and Q3, each audited against the facts the
earlier ones stored, so the last ones carry the most history.

    python benchmarks/bench_agency_audit.py [--reports 20000] [--agencies 500]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402
from workstation.demo.submissions import make_agencies  # noqa: E402
from workstation.export.agency_export import plan  # noqa: E402
from workstation.export.agency_figures import Row  # noqa: E402
from workstation.export.periods import parse_period  # noqa: E402
from workstation.export.published_facts import Facts  # noqa: E402
from workstation.intake.submission_schema import taxonomy_codes  # noqa: E402

PERIODS = ("2025", "2026-Q1", "2026-Q2", "2026-Q3")
K = 5


def rows(reports: int, agencies: int, seed: int = 1) -> list[Row]:
    rng = random.Random(seed)
    oris = [a.ori for a in make_agencies(agencies)]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(oris))]  # a few big agencies, many small
    activities, factors = taxonomy_codes("activity_type"), taxonomy_codes("contributing_factors")
    quarters = parse_period("2026-Q3").trend(8)
    out = []
    for i in range(reports):
        quarter = rng.choice(quarters)
        day = date.fromordinal(quarter.start.toordinal() + rng.randrange((quarter.end - quarter.start).days))
        stage = rng.choice(("published", "approved", "approved", "received"))
        reviewed = stage != "received"
        out.append(Row(i, f"{day.isoformat()}T12:00:00Z", stage,
                       rng.choices(oris, weights)[0] if rng.random() < 0.9 else None,
                       rng.choice(activities) if reviewed else "",
                       tuple(rng.sample(factors, rng.randint(1, 3))) if reviewed else (),
                       f"Lesson title {i}" if stage == "published" else "", "Wait for cover."))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--agencies", type=int, default=500)
    args = parser.parse_args()
    data = rows(args.reports, args.agencies)
    oris = sorted({r.ori for r in data if r.ori})
    past: dict[str, dict[str, Facts]] = {}
    results = {}
    for code in PERIODS:
        started = time.perf_counter()
        planned = plan(data, parse_period(code), K, oris, past)
        seconds = time.perf_counter() - started
        for summary, facts, _ in planned:
            past.setdefault(summary.ori, {})[code] = facts
        audits = [audit for _, _, audit in planned]
        results[code] = {
            "agencies": len(planned),
            "with_figures": sum(not s.notice_only for s, _, _ in planned),
            "seconds_figures_and_audit": round(seconds, 2),
            "seconds_audit": round(sum(a.seconds for a in audits), 2),
            "linear_programs": sum(a.programs for a in audits),
            "withheld_by_audit": sum(a.added for a in audits),
            "quotes_dropped": sum(a.quotes_dropped for a in audits),
            "exposed_by_earlier_pdfs": sum(len(a.exposed) for a in audits),
            "slowest_agency_seconds": round(max(a.seconds for a in audits), 3),
        }
        print(code, json.dumps(results[code]), file=sys.stderr)
    report = {"benchmark": "agency_audit (synthetic rows: figures and LP audit, no database, no PDFs)",
               "reports": args.reports, "agencies": args.agencies, "k": K, "target_seconds": 60,
               "periods": results, "machine": machine.describe()}
    out = ROOT / "benchmarks" / "results" / "agency_audit.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
