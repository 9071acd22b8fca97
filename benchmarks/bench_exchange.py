"""Work packets at scale: assign 500 reports to a reviewer's laptop, and merge a return of
500 reports with 20 review commands each (docs/work-packets.md).

Two real encrypted databases in a temporary folder: a coordinator that imports the reports
(without analysis: the packets carry whatever rows there are) and a reviewer laptop. On the
laptop every report gets 20 commands (start stage 1, reveal the original, 18 coding saves),
then one return is written. Timed, several runs each on fresh copies, medians reported:
  * assign: writing the assignment packet and recording the reports as out;
  * merge: verifying the return, replaying its 10,000 commands through `apply`, writing
    the receipt.
Targets (issue 16): assign >= 500 reports/s, merge >= 100 reports/s.

    python benchmarks/bench_exchange.py [--reports 500] [--commands 20] [--runs 3]
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
from workstation.exchange import enrolment  # noqa: E402
from workstation.exchange.assign import assign  # noqa: E402
from workstation.exchange.laptop import export_return, import_assignment  # noqa: E402
from workstation.exchange.merge import merge_return  # noqa: E402
from workstation.exchange.roles import REVIEWER, set_role  # noqa: E402
from workstation.intake.bundle_writer import make_bundle  # noqa: E402
from workstation.intake.importer import import_bundle  # noqa: E402
from workstation.intake.intake_keys import public_bytes  # noqa: E402
from workstation.intake.trust import trust_intake_key, workstation_recipient  # noqa: E402
from workstation.keys.kdf import KdfParams  # noqa: E402
from workstation.keys.keyfile import keyfile_path_for  # noqa: E402
from workstation.review.coding import Coding  # noqa: E402
from workstation.session import Session, create_workstation, unlock  # noqa: E402
from workstation.workflow import commands as c  # noqa: E402
from workstation.workflow.actions import local_actor  # noqa: E402
from workstation.workflow.apply import apply_all  # noqa: E402

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024)  # unlocking is not what is measured
STAFF, STAFF_PASS = "staff", "benchmark staff passphrase one"
LAPTOP, LAPTOP_PASS = "carol", "benchmark laptop passphrase two"
DUE = "2099-12-31"


def copy_db(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True)
    shutil.copy2(source, target)
    shutil.copy2(keyfile_path_for(source), keyfile_path_for(target))
    return target


def prepare(folder: Path, reports: int) -> tuple[Path, Path]:
    """A coordinator holding `reports` reports and an enrolled, trusting laptop (both locked)."""
    for side in ("c", "l"):
        (folder / side).mkdir()
    coordinator = create_workstation(folder / "c" / "workstation.db", STAFF, STAFF_PASS, kdf=FAST).session
    laptop = create_workstation(folder / "l" / "workstation.db", LAPTOP, LAPTOP_PASS, kdf=FAST).session
    set_role(laptop, REVIEWER)
    intake = Ed25519PrivateKey.generate()
    trust_intake_key(coordinator, public_bytes(intake))
    bundle = folder / "in.nmbundle"
    bundle.write_bytes(make_bundle(generate_submissions(reports), signing_key=intake,
                                   recipient=workstation_recipient(coordinator.db)))
    import_bundle(coordinator, bundle)
    printed = enrolment.write_coordinator_key(coordinator, folder / "c.key")
    enrolment.trust_coordinator(laptop, folder / "c.key", printed)
    enrolment.enrol(coordinator, folder / "l.enrol", enrolment.write_enrolment(laptop, folder / "l.enrol",
                                                                                LAPTOP_PASS))
    paths = coordinator.path, laptop.path
    coordinator.lock()
    laptop.lock()
    return paths


def work_on_laptop(laptop: Session, commands: int) -> None:
    actor = local_actor(laptop)
    for (submission_id,) in laptop.db.query("SELECT submission_id FROM reports"):
        made: list[c.Command] = [c.StartStage1(report=submission_id, actor=actor),
                                 c.RevealOriginal(report=submission_id, actor=actor)]
        made += [c.SaveCoding(report=submission_id, actor=actor,
                              coding=Coding(publishable_title=f"Title draft {n}",
                                            activity_type="traffic_stop"))
                 for n in range(commands - 2)]
        apply_all(laptop, made, replay=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--commands", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    assign_s, merge_s = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base_c, base_l = prepare(folder, args.reports)
        for run in range(args.runs):
            here = folder / f"run{run}"
            coordinator = unlock(copy_db(base_c, here / "c" / "workstation.db"), STAFF, STAFF_PASS)
            laptop = unlock(copy_db(base_l, here / "l" / "workstation.db"), LAPTOP, LAPTOP_PASS)
            ids = [r[0] for r in coordinator.db.query("SELECT id FROM reports ORDER BY id")]
            started = time.perf_counter()
            assign(coordinator, LAPTOP, 1, ids, DUE, here / "a.nmwork")
            assign_s.append(time.perf_counter() - started)
            import_assignment(laptop, here / "a.nmwork")
            work_on_laptop(laptop, args.commands)
            export_return(laptop, here / "r.nmreturn", LAPTOP_PASS)
            started = time.perf_counter()
            merged = merge_return(coordinator, here / "r.nmreturn", here / "r.nmreceipt")
            merge_s.append(time.perf_counter() - started)
            assert merged.applied == args.reports * args.commands, merged.applied
            coordinator.lock()
            laptop.lock()
    result = {
        "machine": machine.describe(), "reports": args.reports, "commands_per_report": args.commands,
        "runs": args.runs,
        "assign_seconds": statistics.median(assign_s), "assign_reports_per_second":
            round(args.reports / statistics.median(assign_s), 1),
        "merge_seconds": statistics.median(merge_s), "merge_reports_per_second":
            round(args.reports / statistics.median(merge_s), 1),
        "targets": {"assign_reports_per_second": 500, "merge_reports_per_second": 100},
    }
    out = ROOT / "benchmarks" / "results" / "exchange.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
