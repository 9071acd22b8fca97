"""Which detection patterns scan faster on the standard library's `re` than on `regex`.

Every pattern of the regex recognizers is written for `regex`; those that also compile on
`re` are timed on both engines (median of a few scans), over the benchmark's synthetic
narratives and over the annotated corpora's texts (as typed and recased), and their matches
compared. A pattern at least a fifth faster on `re` on both sets, with the same matches, is
a candidate for `workstation/detect/recognizers/stdlib_engine.py`; the script prints the
candidates and the saving of the patterns already listed there.

    python benchmarks/bench_regex_engines.py [--narratives 150] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402
from benchmarks.bench_detect import narrative  # noqa: E402
from tests.detect.corpora import CORPORA  # noqa: E402
from workstation.detect import evaluation as ev  # noqa: E402
from workstation.detect.detector import Detector  # noqa: E402
from workstation.detect.recognizers.base import RegexRecognizer  # noqa: E402
from workstation.detect.recognizers.stdlib_engine import compile_stdlib, runs_on_stdlib  # noqa: E402

_FASTER = 0.8  # a candidate takes at most this share of `regex`'s time on both sets


def _scan(pattern, texts: list[str], runs: int) -> tuple[float, list[list[tuple[int, int]]]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        spans = [[m.span() for m in pattern.finditer(t)] for t in texts]
        times.append(time.perf_counter() - started)
    return statistics.median(times), spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--narratives", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()

    detector = Detector(workers=1).load()
    engine = detector._get_engine()
    rng = random.Random(2026)
    narratives = [narrative(rng) for _ in range(args.narratives)]
    corpus = [doc.text for path in CORPORA.values() if path.exists() for doc in ev.load_corpus(path)]

    def with_recased(texts: list[str]) -> list[str]:
        return texts + [r for t in texts if (r := engine.recaser.recase(t)) is not t]

    sets = {"narratives": with_recased(narratives), "corpora": with_recased(corpus)}
    rows = []
    for recognizer in engine.analyzer.registry.recognizers:
        if not isinstance(recognizer, RegexRecognizer):
            continue
        for rx in recognizer.rx:
            try:
                stdlib = compile_stdlib(rx.regex, rx.flags)
            except Exception:  # \p{..}, a look-behind of varying width: `regex` only
                continue
            row = {"recognizer": recognizer.name, "pattern": rx.name,
                   "listed": runs_on_stdlib(recognizer.name, rx.name), "same": True}
            for label, texts in sets.items():
                regex_s, regex_spans = _scan(rx.compiled, texts, args.runs)
                stdlib_s, stdlib_spans = _scan(stdlib, texts, args.runs)
                row[f"{label}_regex_s"], row[f"{label}_re_s"] = regex_s, stdlib_s
                row["same"] = row["same"] and regex_spans == stdlib_spans
            rows.append(row)

    def faster(row: dict) -> bool:
        return row["same"] and all(row[f"{s}_re_s"] <= _FASTER * row[f"{s}_regex_s"] for s in sets)

    listed = [r for r in rows if r["listed"]]
    result = {
        "benchmark": "regex_engines",
        "texts": {label: len(texts) for label, texts in sets.items()},
        "patterns_on_both": len(rows),
        "listed": len(listed),
        "candidates_not_listed": [f"{r['recognizer']}:{r['pattern']}" for r in rows
                                  if faster(r) and not r["listed"]],
        "listed_but_not_faster": [f"{r['recognizer']}:{r['pattern']}" for r in listed if not faster(r)],
        "listed_with_other_matches": [f"{r['recognizer']}:{r['pattern']}" for r in listed if not r["same"]],
        "machine": machine.describe(),
    }
    for label in sets:
        regex_total = sum(r[f"{label}_regex_s"] for r in rows)
        saved = sum(r[f"{label}_regex_s"] - r[f"{label}_re_s"] for r in listed)
        result[f"{label}_all_patterns_regex_s"] = round(regex_total, 2)
        result[f"{label}_listed_saving_s"] = round(saved, 2)
    if not args.no_save:
        out = ROOT / "benchmarks" / "results" / "regex_engines.json"
        out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "machine"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
