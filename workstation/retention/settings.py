"""The coordinator's setting: keep original texts N days after publication (default 90)."""

from __future__ import annotations

from workstation.audit import chain
from workstation.errors import InputError
from workstation.session import Session
from workstation.store.database import Database

DAYS_META = "retention_days"
DEFAULT_DAYS = 90
MAX_DAYS = 3650  # ten years


def retention_days(db: Database) -> int:
    """How many days after publication a report's original text is kept."""
    value = db.meta(DAYS_META)
    try:
        return int(value) if value is not None else DEFAULT_DAYS
    except ValueError:
        return DEFAULT_DAYS


def check_days(days: int) -> int:
    if not 0 <= days <= MAX_DAYS:
        raise InputError(f"Keep original texts between 0 and {MAX_DAYS} days after publication.")
    return days


def set_retention_days(session: Session, days: int) -> None:
    """Change the setting (audited: the old and new number of days)."""
    days = check_days(days)
    before = retention_days(session.db)
    with session.db.transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (DAYS_META, str(days)))
        chain.append(tx, actor=session.reviewer, action="retention.settings", obj="database",
                     payload={"days": days, "before": before})
