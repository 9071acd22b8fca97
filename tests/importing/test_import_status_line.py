"""The status bar's line after an import says what the dialog says: a bundle imported again
is 'already imported, nothing changed', not '0 duplicates'; counts are in words."""

from __future__ import annotations

from pathlib import Path

from workstation.intake.import_run import BundleOutcome, ImportOutcome
from workstation.intake.importer import ImportSummary

BUNDLE = Path("monday.nmbundle")


def outcome(*summaries: ImportSummary | None) -> ImportOutcome:
    return ImportOutcome(tuple(BundleOutcome(BUNDLE, s, refusal="" if s else "bad signature", exit_code=0 if s
                                             else 8) for s in summaries))


def test_a_bundle_imported_again_says_nothing_changed_like_the_dialog() -> None:
    again = outcome(ImportSummary(BUNDLE, "b1", already_imported=True))
    assert "nothing changed" in again.status_line() and "nothing changed" in again.describe()
    assert "duplicates" not in again.status_line()


def test_counts_are_in_words_and_zero_counts_are_left_out() -> None:
    assert outcome(ImportSummary(BUNDLE, "b1", imported=1)).status_line() == "Imported 1 report."
    mixed = outcome(ImportSummary(BUNDLE, "b1", imported=12, quarantined=2, duplicates=1), None)
    assert mixed.status_line() == "Imported 12 reports (2 quarantined, 1 duplicate, 1 bundle refused)."
