"""Peak memory of the GUI, with and without the detector's model loaded.

Each run is a fresh process (peak resident memory only grows, so runs must not share a
process): it unlocks the demo database, shows the main window at 1366x768 (offscreen),
opens a report in the review view, and, in the "with model" runs, loads the real spaCy
model and runs the residual scan on that report, as signing stage 1 does. The peak
resident set size (ru_maxrss) is read at the end. The "without model" runs are the
baseline the model's share is measured against. Medians of several runs.

    python benchmarks/bench_gui_memory.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import machine  # noqa: E402


def resident_mb() -> float:
    """Resident memory now (the peak includes Argon2id's 256 MiB during unlock, since freed)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(database: Path, with_model: bool) -> int:
    """One GUI process; prints its peak resident memory in MB."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workstation.demo.demo_database import DEMO_PASSPHRASE, DEMO_REVIEWERS
    from workstation.session import unlock
    from workstation.ui.main_window import MainWindow
    from workstation.ui.settings import UiSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(database.parent / "qs"))
    QCoreApplication.setOrganizationName("nmw-bench")
    app = QApplication([])
    session = unlock(database, DEMO_REVIEWERS[0], DEMO_PASSPHRASE)
    window = MainWindow(session, UiSettings())
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    report_id = session.db.query_one("SELECT min(id) FROM reports")[0]
    window.open_report(report_id)
    view = window.review_view
    while view.review is None:
        app.processEvents()  # the report is read by a worker thread
    window.repaint()
    if with_model:
        from workstation.detect.detector import get_detector
        from workstation.workflow.residual import residual_scan

        residual_scan(session.db, get_detector().load(), report_id)
        app.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{peak_mb:.1f} {resident_mb():.1f}")
    window.close()
    session.lock()
    app.shutdown()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["with-model", "without-model"])
    parser.add_argument("--database", type=Path)
    args = parser.parse_args()
    if args.child:
        return child(args.database, args.child == "with-model")

    from workstation.demo.demo_database import build_demo_database

    work = Path(tempfile.mkdtemp(prefix="bench-gui-memory-"))
    try:
        database = work / "demo.db"
        build_demo_database(database)
        peaks: dict[str, list[float]] = {"without-model": [], "with-model": []}
        residents: dict[str, list[float]] = {"without-model": [], "with-model": []}
        for _ in range(args.runs):
            for mode, runs in peaks.items():
                done = subprocess.run(
                    [sys.executable, __file__, "--child", mode, "--database", str(database)],
                    capture_output=True, text=True, check=True,
                    env={**os.environ, "WORKSTATION_LOG_DIR": str(work / "logs")})
                peak, resident = done.stdout.strip().splitlines()[-1].split()
                runs.append(float(peak))
                residents[mode].append(float(resident))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    medians = {mode: statistics.median(runs) for mode, runs in peaks.items()}
    steady = {mode: statistics.median(runs) for mode, runs in residents.items()}
    result = {
        "benchmark": "gui_memory",
        "qt_platform": "offscreen",
        "window": "1366x768",
        "peak_rss_mb": {mode: {"runs": runs, "median": round(medians[mode], 1)}
                        for mode, runs in peaks.items()},
        "resident_after_mb": {mode: {"runs": runs, "median": round(steady[mode], 1)}
                              for mode, runs in residents.items()},
        "model_share_resident_mb": round(steady["with-model"] - steady["without-model"], 1),
        "note": "the peak includes Argon2id's 256 MiB while unlocking (freed after)",
        "machine": machine.describe(),
    }
    out = ROOT / "benchmarks" / "results" / "gui_memory.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"GUI memory (medians of {args.runs}): peak {medians['with-model']:.0f} MB with the model loaded, "
          f"{medians['without-model']:.0f} MB without (unlock's Argon2id takes 256 MiB for a moment); "
          f"resident afterwards {steady['with-model']:.0f} MB with the model, "
          f"{steady['without-model']:.0f} MB without")
    return 0


if __name__ == "__main__":
    sys.exit(main())
