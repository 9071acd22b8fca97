"""How many reports fall below k with the default disclosure of structured fields.

Generates the demo's submissions (20,000 reports from 500 agencies, as `workstation demo
build --reports 20000 --agencies 500` does) and counts, for each report, the reports that
share its published month and structured fields under a policy: with every field published
as given, and with the defaults of workstation/review/structured.py. The share below k is
what reviewers would have to act on by hand.

    python benchmarks/disclosure_defaults.py [--reports 20000] [--agencies 500] [--k 5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workstation.demo.submissions import generate_submissions
from workstation.review.coding import published_date
from workstation.review.structured import DEFAULTS, QUASI_FIELDS, Disclosure, published_value


def share_below_k(submissions: list[dict], policy: dict[str, str], k: int) -> float:
    keys = [(published_date(s["incident_date"]),
             *(repr(published_value(f, s[f], policy[f])) if f in s else "-" for f in QUASI_FIELDS))
            for s in submissions]
    counts = Counter(keys)
    return sum(1 for key in keys if counts[key] < k) / len(keys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()
    submissions = generate_submissions(args.reports, agencies=args.agencies, seed=3)
    as_given = share_below_k(submissions, {f: Disclosure.PUBLISH for f in QUASI_FIELDS}, args.k)
    defaults = share_below_k(submissions, dict(DEFAULTS), args.k)
    print(f"{args.reports} demo reports, {args.agencies} agencies, k = {args.k}")
    print(f"below k with every field as given: {as_given:.1%}")
    print(f"below k with the defaults:         {defaults:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
