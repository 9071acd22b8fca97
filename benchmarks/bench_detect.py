"""Identifier detection throughput: the workstation's batch analysis against stock Presidio
(default recognizers, same spaCy model) run two ways, in one run: a loop of
`AnalyzerEngine.analyze`, and Presidio's own `BatchAnalyzerEngine` with the same number of
processes as the workstation's workers.

Generates synthetic narratives of about 2,500 characters from the demo story templates
(`workstation.demo.stories`, generated data only), then times, several times each:
  * batch: `Detector.analyze_reports` over all narratives (nlp.pipe, worker processes);
  * stock: `AnalyzerEngine.analyze` called once per narrative;
  * stock batch: `BatchAnalyzerEngine.analyze_iterator(texts, n_process=workers)`;
and the re-analysis latency of one ~3,000-character field (`Detector.analyze_text`).
Medians are reported; the ratio is stock median / batch median (the per-run ratios too). Model loading and the
start of the worker processes are done before timing (they happen once per session).

    python benchmarks/bench_detect.py [--narratives 1000] [--runs 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402
from workstation.demo import stories  # noqa: E402
from workstation.demo import vocabulary as v  # noqa: E402
from workstation.detect.detector import Detector  # noqa: E402
from workstation.detect.engine import build_stock_analyzer  # noqa: E402

_SLOT = re.compile(r"\{(\w+)\}")
_PLATE_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def _slot_value(rng: random.Random, slot: str) -> str:
    first, last = rng.choice(v.FIRST_NAMES), rng.choice(v.LAST_NAMES)
    short, _ = rng.choice(v.RANKS)
    city, county = rng.choice(v.CITIES), rng.choice(v.COUNTIES)
    values = {
        "partner": f"my partner {first}",
        "suspect": f"{rng.choice(v.FIRST_NAMES)} {last}",
        "witness": f"{first} {last}",
        "backup": f"{short} {last}",
        "sgt": f"Sgt. {last}",
        "lt": f"Lt. {last}",
        "on_date": rng.choice([f"On March {rng.randint(1, 28)}",
                               f"On {rng.randint(1, 12)}/{rng.randint(1, 28)}/2025",
                               "Last July", "On Christmas Eve 2024"]),
        "time": f"{rng.randint(0, 23):02d}{rng.choice(['00', '15', '30', '45'])} hours",
        "weapon": rng.choice(v.WEAPONS),
        "vehicle": rng.choice(v.VEHICLES),
        "radio_code": rng.choice(v.RADIO_CODES),
        "hospital": rng.choice(v.HOSPITALS),
        "business": rng.choice(v.BUSINESSES),
        "street": rng.choice(v.STREETS),
        "address": f"{rng.randint(100, 9999)} {rng.choice(v.STREETS)}",
        "intersection": f"{rng.choice(v.STREETS)} and {rng.choice(v.STREETS)}",
        "highway": rng.choice(v.HIGHWAYS),
        "agency": f"{city} Police Department",
        "other_agency": f"the {county} County Sheriff's Office",
        "backup_agency_area": f"{county} County",
        "city": city,
        "case": f"{rng.randint(2019, 2025)}-{rng.randint(1000, 999999):06d}",
        "cfs": f"{rng.randint(20, 25)}-{rng.randint(10000, 999999)}",
        "booking": f"B{rng.randint(100000, 999999)}",
        "badge": str(rng.randint(100, 9999)),
        "unit": f"{rng.randint(1, 9)}A{rng.randint(10, 99)}",
        "plate": f"{rng.randint(1, 9)}{''.join(rng.choices(_PLATE_LETTERS, k=3))}{rng.randint(100, 999)}",
        "phone": f"({rng.randint(200, 989)}) 555-{rng.randint(1000, 9999)}",
        "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@{rng.choice(v.EMAIL_DOMAINS)}",
        "years": str(rng.randint(2, 25)),
        "shift_word": rng.choice(["day", "swing", "night"]),
        "activity_word": rng.choice(list(stories.ACTIVITY_WORDS.values())),
    }
    return values.get(slot, slot)


def narrative(rng: random.Random, target: int = 2500) -> str:
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < target:
        profile = rng.choice(list(stories.PROFILES.values()))
        for step in profile["steps"]:
            template = rng.choice(step)
            sentences.append(_SLOT.sub(lambda m: _slot_value(rng, m.group(1)), template))
        sentences.append(rng.choice(stories.LESSONS).replace("{agency}", "the department"))
    text = " ".join(sentences)
    cut = text.rfind(". ", 0, target + 100)
    return text[: cut + 1] if cut > target * 0.8 else text[:target]


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--narratives", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--latency-runs", type=int, default=15)
    parser.add_argument("--no-save", action="store_true",
                        help="do not write benchmarks/results/detect.json (smoke runs)")
    args = parser.parse_args()

    rng = random.Random(2026)
    texts = [narrative(rng) for _ in range(args.narratives)]
    field = narrative(random.Random(7), 3000)
    reports = [{"narrative": t} for t in texts]
    chars = sum(len(t) for t in texts)

    detector = Detector(workers=args.workers).load()
    detector.warm_pool()
    stock = build_stock_analyzer()
    stock.analyze("warm up", language="en")

    from presidio_analyzer import BatchAnalyzerEngine  # after workstation.detect's offline setup

    stock_batch = BatchAnalyzerEngine(analyzer_engine=stock)
    batch_s: list[float] = []
    stock_s: list[float] = []
    stock_batch_s: list[float] = []
    for _ in range(args.runs):
        batch_s.append(timed(lambda: detector.analyze_reports(reports)))
        stock_s.append(timed(lambda: [stock.analyze(t, language="en") for t in texts]))
        stock_batch_s.append(timed(lambda: list(stock_batch.analyze_iterator(
            texts, language="en", batch_size=16, n_process=args.workers))))
    detector.close()

    detector.analyze_text(field)
    latency = [timed(lambda: detector.analyze_text(field)) for _ in range(args.latency_runs)]

    batch_median, stock_median = statistics.median(batch_s), statistics.median(stock_s)
    stock_batch_median = statistics.median(stock_batch_s)
    result = {
        "benchmark": "detect",
        "narratives": args.narratives,
        "narrative_chars_mean": round(chars / args.narratives),
        "workers": args.workers,
        "runs": args.runs,
        "batch_runs_seconds": [round(s, 2) for s in batch_s],
        "stock_loop_runs_seconds": [round(s, 2) for s in stock_s],
        "batch_median_seconds": round(batch_median, 2),
        "stock_loop_median_seconds": round(stock_median, 2),
        "speedup_batch_vs_stock_loop": round(stock_median / batch_median, 2),
        # each run times batch then stock back to back: the ratio within a run is less
        # sensitive to other load on the machine than the ratio of the medians
        "speedup_per_run": [round(st / b, 2) for b, st in zip(batch_s, stock_s, strict=True)],
        "speedup_median_of_runs": round(statistics.median(st / b for b, st in zip(batch_s, stock_s,
                                                                                  strict=True)), 2),
        "stock_batch_runs_seconds": [round(s, 2) for s in stock_batch_s],
        "stock_batch_median_seconds": round(stock_batch_median, 2),
        "speedup_batch_vs_stock_batch": round(stock_batch_median / batch_median, 2),
        "speedup_vs_stock_batch_per_run": [round(st / b, 2) for b, st in zip(batch_s, stock_batch_s,
                                                                             strict=True)],
        "batch_chars_per_second": round(chars / batch_median),
        "stock_chars_per_second": round(chars / stock_median),
        "field_chars": len(field),
        "field_reanalysis_median_ms": round(statistics.median(latency) * 1000, 1),
        "field_reanalysis_max_ms": round(max(latency) * 1000, 1),
        "machine": machine.describe(),
    }
    if not args.no_save:
        out = ROOT / "benchmarks" / "results" / "detect.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")

    print(f"{args.narratives} narratives, mean {result['narrative_chars_mean']} chars, "
          f"{args.runs} runs, {args.workers} workers")
    print(f"{'':32}{'median s':>10}{'chars/s':>12}")
    print(f"{'workstation batch':32}{batch_median:>10.2f}{result['batch_chars_per_second']:>12,}")
    print(f"{'stock AnalyzerEngine loop':32}{stock_median:>10.2f}{result['stock_chars_per_second']:>12,}")
    stock_batch_cps = round(chars / stock_batch_median)
    print(f"{'stock BatchAnalyzerEngine':32}{stock_batch_median:>10.2f}{stock_batch_cps:>12,}")
    print(f"runs (s): batch {result['batch_runs_seconds']}, stock batch "
          f"{result['stock_batch_runs_seconds']}, stock loop {result['stock_loop_runs_seconds']}")
    print(f"speed-up vs BatchAnalyzerEngine ({args.workers} processes): "
          f"{result['speedup_batch_vs_stock_batch']}x; per run {result['speedup_vs_stock_batch_per_run']}")
    print(f"speed-up: {result['speedup_batch_vs_stock_loop']}x (ratio of medians); per run "
          f"{result['speedup_per_run']}, median {result['speedup_median_of_runs']}x")
    print(f"re-analysis of one {len(field)}-char field: median {result['field_reanalysis_median_ms']} ms, "
          f"max {result['field_reanalysis_max_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
