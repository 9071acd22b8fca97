"""Joining and leaving the panel on this database: a new reviewer gets a passphrase slot
and a signing key; deactivating removes the slot and re-keys the database, so that
passphrase opens nothing from now on; past signatures stay valid because keys are kept.

Each change commits the roster rows, their audit entry and the new key file together
(`Session.commit_with_keyfile` / `commit_rekeyed`, order in keys/pending.py)."""

from __future__ import annotations

from workstation.audit import chain
from workstation.errors import InputError
from workstation.keys import signing
from workstation.keys.kdf import DEFAULT_KDF, KdfParams
from workstation.keys.keyfile import KeyFile
from workstation.keys.passphrase_policy import check_new_passphrase
from workstation.roster.reviewers import (
    Reviewer,
    add_signing_key,
    check_reviewer_name,
    find_reviewer,
    insert_reviewer,
    list_reviewers,
)
from workstation.session import Session
from workstation.store.transaction import Transaction


def panel(session: Session) -> list[Reviewer]:
    """Everyone on the roster, active or not, by name."""
    return list_reviewers(session.db)


def unlocked_reviewer(session: Session) -> Reviewer | None:
    """The roster entry of the reviewer who unlocked this session."""
    return find_reviewer(session.db, session.reviewer)


def _new_slot(session: Session, name: str, passphrase: str, kdf: KdfParams) -> tuple[KeyFile, bytes]:
    """A key file with a slot for `name` and a new signing key, and that key's public half
    (the private half lives only in the slot)."""
    seed = signing.new_signing_seed()
    try:
        return session.keyfile_with_slot(name, passphrase, seed, kdf), signing.public_key_of(seed)
    finally:
        seed[:] = bytes(len(seed))


def add_reviewer(session: Session, name: str, passphrase: str, *, display_name: str = "",
                 kdf: KdfParams = DEFAULT_KDF) -> None:
    check_reviewer_name(name)
    if session.keyfile.has_reviewer(name) or find_reviewer(session.db, name) is not None:
        raise InputError(f"There is already a reviewer named {name!r}.")
    check_new_passphrase(passphrase, related_words=[name, display_name])
    updated, public = _new_slot(session, name, passphrase, kdf)

    def change(tx: Transaction) -> None:
        reviewer_id = insert_reviewer(tx, name, display_name, public)
        chain.append(tx, actor=session.reviewer, action="reviewer.add", obj=f"reviewer:{reviewer_id}",
                     payload={"key_id": signing.key_id(public)})

    session.commit_with_keyfile(updated, change)


def deactivate(session: Session, name: str) -> None:
    """Remove `name`'s key slot and re-key the database: their passphrase opens nothing
    from now on (copies taken before stay readable with it: inherent)."""
    reviewer = find_reviewer(session.db, name)
    if reviewer is None:
        raise InputError(f"There is no reviewer named {name!r}.")
    if name == session.reviewer:
        raise InputError("You cannot deactivate yourself; ask another reviewer.")
    if not reviewer.active and not session.keyfile.has_reviewer(name):
        return
    waiting = [n for n in session.keyfile.old_format_slots() if n != name]
    if waiting:
        who = ", ".join("the recovery code (use it once: workstation recover)" if n == "recovery"
                        else f"{n} (unlock once)" for n in waiting)
        raise InputError(f"{name} cannot be deactivated yet: the database would be re-keyed, and these "
                         f"key slots are in the old format and must be opened once first: {who}.")

    def change(tx: Transaction) -> None:
        tx.execute("UPDATE reviewers SET active = 0 WHERE id = ?", (reviewer.id,))
        chain.append(tx, actor=session.reviewer, action="reviewer.deactivate", obj=f"reviewer:{reviewer.id}",
                     payload={"rekeyed": True})

    session.commit_rekeyed(lambda key: session.keyfile.rekeyed(key, without=name), change)


def reactivate(session: Session, name: str, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF) -> None:
    """Let a deactivated reviewer work again: their slot was removed, so they get a new
    passphrase and a new signing key (the old key stays, retired, for old signatures)."""
    reviewer = find_reviewer(session.db, name)
    if reviewer is None:
        raise InputError(f"There is no reviewer named {name!r}.")
    if reviewer.active:
        return
    check_new_passphrase(passphrase, related_words=[name, reviewer.display_name])
    updated, public = _new_slot(session, name, passphrase, kdf)

    def change(tx: Transaction) -> None:
        tx.execute("UPDATE reviewers SET active = 1 WHERE id = ?", (reviewer.id,))
        add_signing_key(tx, reviewer.id, public)
        chain.append(tx, actor=session.reviewer, action="reviewer.activate", obj=f"reviewer:{reviewer.id}",
                     payload={"key_id": signing.key_id(public)})

    session.commit_with_keyfile(updated, change)


def set_active(session: Session, name: str, active: bool, passphrase: str | None = None) -> None:
    """Deactivate a reviewer (see `deactivate`), or reactivate one, which needs a new
    passphrase for them because their key slot was removed."""
    if active:
        if passphrase is None:
            reviewer = find_reviewer(session.db, name)
            if reviewer is None:
                raise InputError(f"There is no reviewer named {name!r}.")
            if reviewer.active:
                return
            raise InputError(f"Reactivating {name} needs a new passphrase for them: their key slot was "
                             "removed when they were deactivated.")
        reactivate(session, name, passphrase)
    else:
        deactivate(session, name)
