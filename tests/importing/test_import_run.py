"""The one bundle import loop (workstation.intake.import_run) that the CLI and the GUI share:
one outcome per file, a refused bundle does not stop the others, a cancel stops inside the
current bundle and skips the rest."""

from __future__ import annotations

import uuid
from pathlib import Path

from tests.helpers.intake import ImportBench, valid_submission
from workstation.errors import ExitCode
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.import_run import BundleOutcome, import_bundles


def _bundle(bench: ImportBench, name: str, count: int, *, key: object | None = None) -> Path:
    path = bench.folder / name
    subs = [valid_submission(str(uuid.uuid4())) for _ in range(count)]
    data = make_bundle(subs, signing_key=key or bench.ctx.signing_key, recipient=bench.ctx.recipient)
    path.write_bytes(data)
    return path


def test_outcomes_progress_and_exit_codes(bench: ImportBench) -> None:
    good = _bundle(bench, "good.nmbundle", 3)
    forged = _bundle(bench, "forged.nmbundle", 2, key=bench.ctx.untrusted_key)
    second = _bundle(bench, "second.nmbundle", 1)
    heard: list[BundleOutcome] = []
    steps: list[tuple[int, int, int, int]] = []
    run = import_bundles(bench.session, [good, forged, second], on_outcome=heard.append,
                         progress=lambda *step: steps.append(step))
    assert [o.path for o in heard] == [good, forged, second] and list(run.outcomes) == heard
    assert run.imported == 4 and run.refused == 1 and not run.all_well
    assert heard[1].summary is None and "untrusted intake key" in heard[1].refusal
    assert heard[1].exit_code == ExitCode.INPUT and run.exit_code == ExitCode.FAILURE
    assert (1, 3, 0, 0) in steps and (3, 3, 0, 0) in steps and steps[-1][0] == 3
    alone = import_bundles(bench.session, [forged])
    assert alone.exit_code == ExitCode.INPUT  # every bundle refused: the refusal's own code
    assert import_bundles(bench.session, [_bundle(bench, "third.nmbundle", 1)]).exit_code == ExitCode.OK


def test_cancel_skips_the_rest_and_saves_nothing_of_the_current(bench: ImportBench) -> None:
    first, second, third = (_bundle(bench, f"b{i}.nmbundle", 2) for i in range(3))
    def cancelled() -> bool:  # cancel once the second bundle is being read
        return any(step[0] == 2 and step[2] > 0 for step in steps)

    steps: list[tuple[int, int, int, int]] = []
    run = import_bundles(bench.session, [first, second, third], cancelled=cancelled,
                         progress=lambda *step: steps.append(step))
    assert run.cancelled_at == second and run.not_started == (third,)
    assert run.imported == 2 and run.exit_code == ExitCode.CANCELLED
    assert bench.session.db.query_one("SELECT count(*) FROM reports")[0] == 2
