"""Importing several bundles one after the other: the one loop the CLI and the GUI share.

Each file is imported in its own transaction by `importer.import_bundle`; a refused bundle
does not stop the others. The run collects one outcome per file (its summary, or the
typed error it was refused with). New reports get their identifier suggestions from the
analyser as they are imported. Cancelling stops inside the current bundle, whose
transaction is rolled back, and skips the rest. No Qt here: the GUI relays `progress` to
its dialog and sets the cancel flag from its Cancel button.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workstation.analysis import ReportAnalyser
from workstation.errors import Cancelled, ExitCode, WorkstationError
from workstation.intake.importer import ImportSummary, import_bundle
from workstation.session import Session
from workstation.wording import plural

log = logging.getLogger(__name__)

# (bundle number from 1, bundles chosen, reports done, reports in this bundle; 0 = opening)
Progress = Callable[[int, int, int, int], None]


@dataclass(frozen=True)
class BundleOutcome:
    path: Path
    summary: ImportSummary | None = None
    refusal: str = ""  # the plain message the bundle was refused with
    exit_code: int = ExitCode.OK  # the refusal's exit code (ExitCode.OK when imported)

    def describe(self) -> str:
        if self.summary is not None:
            return self.summary.describe()
        return f"{self.path.name}: {self.refusal}"


@dataclass(frozen=True)
class ImportOutcome:
    outcomes: tuple[BundleOutcome, ...] = ()
    cancelled_at: Path | None = None  # the bundle being imported when Cancel was pressed
    not_started: tuple[Path, ...] = ()
    seconds: float = 0.0

    @property
    def imported(self) -> int:
        return sum(o.summary.imported for o in self.outcomes if o.summary)

    @property
    def quarantined(self) -> int:
        return sum(o.summary.quarantined for o in self.outcomes if o.summary)

    @property
    def duplicates(self) -> int:
        return sum(o.summary.duplicates for o in self.outcomes if o.summary)

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.summary is None)

    @property
    def all_well(self) -> bool:
        return self.cancelled_at is None and not self.refused

    @property
    def exit_code(self) -> int:
        """OK when every bundle was imported; the refusal's own code when every bundle was
        refused; FAILURE for a mix; CANCELLED after a cancel."""
        if self.cancelled_at is not None:
            return ExitCode.CANCELLED
        refused = [o for o in self.outcomes if o.summary is None]
        if not refused:
            return ExitCode.OK
        if len(refused) == len(self.outcomes):
            return refused[-1].exit_code
        return ExitCode.FAILURE

    def status_line(self) -> str:
        """The import's outcome in one line (the status bar), in the words `describe` uses."""
        summaries = [o.summary for o in self.outcomes if o.summary is not None]
        if summaries and all(s.already_imported for s in summaries) and not self.refused:
            return ("The bundle was already imported; nothing changed." if len(summaries) == 1
                    else "These bundles were already imported; nothing changed.")
        parts = [f"{plural(self.quarantined, 'quarantined', 'quarantined')}" if self.quarantined else "",
                 plural(self.duplicates, "duplicate") if self.duplicates else "",
                 f"{plural(self.refused, 'bundle')} refused" if self.refused else "",
                 "cancelled" if self.cancelled_at is not None else ""]
        details = ", ".join(p for p in parts if p)
        return f"Imported {plural(self.imported, 'report')}" + (f" ({details})." if details else ".")

    def describe(self) -> str:
        """The one message shown at the end: a line per bundle, then what a cancel left out."""
        lines = [o.describe() for o in self.outcomes]
        if self.cancelled_at is not None:
            lines.append(
                f"{self.cancelled_at.name}: the import was cancelled; nothing from this bundle "
                "was saved."
            )
            if self.not_started:
                names = ", ".join(p.name for p in self.not_started)
                lines.append(f"Not imported: {names}.")
        if len(self.outcomes) > 1:
            lines.append(
                f"In all: {self.imported} imported, {self.quarantined} quarantined, "
                f"{self.duplicates} duplicates, in {self.seconds:.2f} s."
            )
        return "\n\n".join(lines)


def import_bundles(
    session: Session,
    paths: Sequence[Path],
    *,
    analyser: ReportAnalyser | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_outcome: Callable[[BundleOutcome], None] | None = None,
) -> ImportOutcome:
    """Import each file in its own transaction; a refused bundle does not stop the others.
    With an `analyser`, the new reports get their suggestions in the same transaction.
    `on_outcome` hears each file's outcome as soon as it is known (the CLI prints it).

    Expected problems (a refused bundle, a missing file) become that file's outcome; a
    cancel ends the run. Anything else is a bug and propagates.
    """
    started = time.perf_counter()
    is_cancelled = cancelled or (lambda: False)
    outcomes: list[BundleOutcome] = []
    count = len(paths)
    for number, path in enumerate(paths, start=1):
        if is_cancelled():
            return ImportOutcome(tuple(outcomes), path, tuple(paths[number:]),
                                 time.perf_counter() - started)
        if progress is not None:
            progress(number, count, 0, 0)

        def report(done: int, total: int, number: int = number) -> None:
            if progress is not None:
                progress(number, count, done, total)

        try:
            summary = import_bundle(session, path, analyser=analyser, progress=report,
                                    cancelled=is_cancelled)
        except Cancelled:
            log.info("Import cancelled in bundle %d of %d", number, count)
            return ImportOutcome(tuple(outcomes), path, tuple(paths[number:]),
                                 time.perf_counter() - started)
        except WorkstationError as exc:
            log.info("Bundle %d of %d refused: %s", number, count, type(exc).__name__)
            outcome = BundleOutcome(path, refusal=exc.message, exit_code=exc.exit_code)
        else:
            outcome = BundleOutcome(path, summary)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return ImportOutcome(tuple(outcomes), seconds=time.perf_counter() - started)
