"""Which periods the export dialogs offer, where an export's files go, and what a file is
called. Suggested names never hold a submission id, an agency or a title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workstation.export.periods import Period, parse_period


def last_complete_quarter(today: date) -> Period:
    quarter = (today.month - 1) // 3 + 1
    return parse_period(f"{today.year - 1}-Q4" if quarter == 1 else f"{today.year}-Q{quarter - 1}")


def period_choices(today: date) -> list[str]:
    """Offered in the period box: the last four complete quarters, newest first, then the
    last complete year."""
    quarters = last_complete_quarter(today).trend(4)[::-1]
    return [q.code for q in quarters] + [str(today.year - 1)]


def export_folder(chosen: Path, name: str) -> Path:
    """Where an export goes: `chosen` if it is an empty folder, else a new folder `name`
    (numbered if taken) inside it. The exports refuse a folder that holds anything."""
    try:
        if chosen.is_dir() and not any(chosen.iterdir()):
            return chosen
    except OSError:
        pass  # unreadable: a new folder inside; the export says plainly if it cannot write
    candidate, number = chosen / name, 2
    while candidate.exists():
        candidate, number = chosen / f"{name}-{number}", number + 1
    return candidate


def publication_folder_name(today: date) -> str:
    return f"near-miss-publication-{today:%Y-%m-%d}"


def agency_folder_name(period: Period) -> str:
    return f"agency-summaries-{period.code}"


def briefing_file_name(publication_id: str | None, folder: Path) -> str:
    """A neutral name: the public publication id once published, never the submission id,
    agency or title (the file name passes the leak guard too); numbered if taken."""
    stem = f"roll-call-briefing-{publication_id}" if publication_id else "roll-call-briefing"
    name, number = f"{stem}.pdf", 2
    while (folder / name).exists():
        name, number = f"{stem}-{number}.pdf", number + 1
    return name
