"""Which side of the panel a database is: the coordinator's (the full database, the default)
or one reviewer's laptop (only what is assigned to its owner)."""

from __future__ import annotations

from workstation.errors import InputError
from workstation.session import Session
from workstation.store.database import Database

ROLE_KEY = "panel_role"
COORDINATOR = "coordinator"
REVIEWER = "reviewer"
ROLES = (COORDINATOR, REVIEWER)


def role(db: Database) -> str:
    """Databases made before roles existed are coordinators."""
    return db.meta(ROLE_KEY) or COORDINATOR


def set_role(session: Session, new_role: str) -> None:
    """Set once, when the database is made (audited)."""
    if new_role not in ROLES:
        raise InputError(f"A workstation's role is {' or '.join(ROLES)}.")
    if session.db.meta(ROLE_KEY) is not None:
        raise InputError("This database's role was set when it was made.")
    with session.audited("panel.role", "database", {"role": new_role}) as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (ROLE_KEY, new_role))


def require(db: Database, wanted: str, what: str) -> None:
    if role(db) != wanted:
        where = "the coordinator's workstation" if wanted == COORDINATOR else "a reviewer's laptop"
        raise InputError(
            f"{what} is done on {where}; this database is "
            f"{'a reviewer laptop' if role(db) == REVIEWER else 'the coordinator'}."
        )
