"""Real encrypted databases for tests: the two reviewers, the session's template, raw access.

Creating a workstation costs two Argon2id derivations (about 2 s), so one template is made
per test session (`make_template`) and its two files are copied into each test's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from tests.helpers.files import copy_database, fingerprint
from workstation.keys.keyfile import keyfile_path_for
from workstation.roster.membership import add_reviewer
from workstation.session import create_workstation
from workstation.store.database import _raw_key

ALICE = "alice"
ALICE_DISPLAY_NAME = "Alice Example"
ALICE_PASSPHRASE = "correct horse battery staple"
BOB = "bob"
BOB_DISPLAY_NAME = "Bob Example"
BOB_PASSPHRASE = "river lantern quietly eleven"
PASSPHRASES = {ALICE: ALICE_PASSPHRASE, BOB: BOB_PASSPHRASE}

# The store's own tests: a raw data key and the meta a bare database is created with.
KEY = bytes(range(32))
META = {"database_id": "test-db"}


@dataclass(frozen=True)
class Workstation:
    """A database as files on disk (the database and its key file), locked."""

    path: Path
    recovery_code: str

    @property
    def keyfile(self) -> Path:
        return keyfile_path_for(self.path)

    def fingerprint(self) -> dict[str, str]:
        """Hashes of every file next to the database, to show nothing was changed."""
        return fingerprint(self.path.parent)

    def copy_to(self, folder: Path, name: str | None = None) -> Workstation:
        """A private copy (database and key file) in `folder`."""
        return Workstation(copy_database(self.path, folder, name), self.recovery_code)


@dataclass(frozen=True)
class Template(Workstation):
    """The session's template: a database with two reviewers (alice, bob), and `alice_only`,
    the same database taken before bob was added (the GUI tests' one-reviewer database)."""

    alice_only: Workstation


def make_template(folder: Path) -> Template:
    """Create alice's database, keep a copy of it as it is, then add bob: one creation for both."""
    path = folder / "workstation.db"
    created = create_workstation(path, ALICE, ALICE_PASSPHRASE, display_name=ALICE_DISPLAY_NAME)
    created.session.db.checkpoint()  # every page in the database file: the copy is complete
    alone = copy_database(path, folder / "alice-only")
    add_reviewer(created.session, BOB, BOB_PASSPHRASE, display_name=BOB_DISPLAY_NAME)
    created.session.lock()
    return Template(path, created.recovery_code, Workstation(alone, created.recovery_code))


def raw_connection(path: Path, key: bytes | bytearray = KEY) -> sqlcipher3.dbapi2.Connection:
    """A connection behind the store's back, with the raw key (as an attacker with it would)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.set_key(_raw_key(key))
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn
