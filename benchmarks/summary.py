"""The benchmark results in benchmarks/results/*.json as one Markdown table.

Written to benchmarks/results/summary.md and printed; `make bench` runs it last. The
README's table is copied from it, with the machine line.

    python benchmarks/summary.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
Row = tuple[str, str, str]


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _detect(r: dict[str, Any]) -> list[Row]:
    return [
        (f"Identifier analysis, {r['narratives']:,} narratives of {r['narrative_chars_mean']:,} characters "
         f"({r['workers']} workers)",
         f"{r['batch_median_seconds']} s",
         f"stock Presidio loop {r['stock_loop_median_seconds']} s: "
         f"**{r['speedup_batch_vs_stock_loop']}× faster**"
         + (f"; Presidio's BatchAnalyzerEngine ({r['workers']} processes) "
            f"{r['stock_batch_median_seconds']} s: "
            f"**{r['speedup_batch_vs_stock_batch']}× faster** (target 1.5×)"
            if "speedup_batch_vs_stock_batch" in r else "")),
        (f"Re-analysis of one {r['field_chars']:,}-character field",
         f"{r['field_reanalysis_median_ms']} ms", ""),
    ]


def _exchange(r: dict[str, Any]) -> list[Row]:
    return [
        (f"Assign {r['reports']} reports to a laptop (packet written, reports out)",
         f"{r['assign_reports_per_second']} reports/s ({r['assign_seconds']:.3f} s)",
         "target ≥ 500 reports/s"),
        (f"Merge a return of {r['reports']} reports × {r['commands_per_report']} commands",
         f"{r['merge_reports_per_second']} reports/s ({r['merge_seconds']:.3f} s)", "target ≥ 100 reports/s"),
    ]


def _import(r: dict[str, Any]) -> list[Row]:
    rows = [(f"Import of a {r['reports']:,}-report bundle, without analysis",
             f"{r['reports_per_second']:,} reports/s ({r['median_seconds']} s)", "")]
    analysed = r.get("with_analysis") or {}
    if analysed.get("reports_per_second"):
        rows.append((f"Import of a {r['reports']:,}-report bundle, with analysis "
                     f"({analysed['workers']} workers)",
                     f"{analysed['reports_per_second']:,} reports/s ({analysed['median_seconds']} s)", ""))
    return rows


def _search(r: dict[str, Any]) -> list[Row]:
    rows = []
    for kind, q in r["queries"].items():
        rows.append((f"Search with {r['reports']:,} reports: {kind} (“{q['query']}”, {q['hits']:,} hits)",
                     f"{q['fts_median_ms']} ms (queue refreshed: {q['queue_refresh_median_ms']} ms)",
                     f"LIKE scan {q['like_scan_median_ms']} ms: **{q['ratio_scan_over_fts']}× faster**"))
    unlock = r["unlock"]
    checked = unlock.get("background_check_median_seconds")
    after = f" (then the page and structure check in the background: {checked} s)" if checked else ""
    target = "target < 1.5 s; " if checked else ""
    foreground = unlock.get("foreground_unlock_median_seconds")
    also = f"; every check before returning (the CLI): {foreground} s" if foreground else ""
    rows.append((f"Unlock of the {r['reports']:,}-report database ({r['database_bytes'] / 1e6:.0f} MB)",
                 f"{unlock['median_seconds']} s{after}",
                 f"{target}of which Argon2id {unlock['argon2id_median_seconds']} s{also}"))
    return rows


def _memory(r: dict[str, Any]) -> list[Row]:
    peak, steady = r["peak_rss_mb"], r["resident_after_mb"]
    return [("GUI memory with the model loaded (report open, residual scan run)",
             f"peak {peak['with-model']['median']:.0f} MB, resident {steady['with-model']['median']:.0f} MB",
             f"without the model: peak {peak['without-model']['median']:.0f} MB, "
             f"resident {steady['without-model']['median']:.0f} MB")]


def _review(r: dict[str, Any]) -> list[Row]:
    opened, key = r["open_to_first_paint_ms"], r["accept_key_to_preview_repaint_ms"]
    return [
        (f"Open a report with {r['report_suggestions']} suggestions, to first paint",
         f"{opened['median']} ms",
         f"target < {opened['target']:.0f} ms"),
        ("Accept keystroke to repainted preview", f"{key['median']} ms (p90 {key['p90']} ms)",
         f"target < {key['target']:.0f} ms"),
    ]


def _agency(r: dict[str, Any]) -> list[Row]:
    measured = r.get("database")
    if not measured:
        return []
    rows = []
    stages = measured.get("database_state") or {}
    state = (f" ({stages.get('published', 0):,} published, {stages.get('approved', 0):,} approved)"
             if stages else "")
    for period, p in measured["periods"].items():
        rows.append((f"Agency PDFs for {p['agencies']} agencies from {measured['reports']:,} reports{state}, "
                     f"period {period} ({p['notices']} notices)",
                     f"{p['median_seconds']} s ({p['pdfs_per_second']} PDFs/s)", ""))
    return rows


SECTIONS: list[tuple[str, Callable[[dict[str, Any]], list[Row]]]] = [
    ("detect", _detect), ("import", _import),
    ("exchange", _exchange), ("search", _search), ("gui_memory", _memory),
    ("review_gui", _review), ("agency_pdfs", _agency),
]


def summary() -> str:
    rows: list[Row] = []
    machines: set[str] = set()
    missing = []
    for name, rows_of in SECTIONS:
        result = _load(name)
        if result is None:
            missing.append(name)
            continue
        rows.extend(rows_of(result))
        machine = result.get("machine") or (result.get("database") or {}).get("machine")
        if machine:
            machines.add(machine)
    lines = ["| Measure | Median | Competitor or target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    lines.append("")
    lines.append("Machine: " + "; ".join(sorted(machines)) if machines else "Machine: not recorded")
    if missing:
        lines.append(f"Not yet measured: {', '.join(missing)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    text = summary()
    (RESULTS / "summary.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
