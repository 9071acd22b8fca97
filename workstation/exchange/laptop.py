"""The reviewer's laptop: take in an assignment, write returns, and delete what the
coordinator has confirmed (a receipt) or taken back (a revocation notice)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.audit import chain
from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.exchange import disclosure_counts, roles
from workstation.exchange.bulk import roomy_cache
from workstation.exchange.container import (
    Packet,
    open_packet,
    parse_key,
    read_file,
    refuse,
    seal,
    write_packet,
)
from workstation.exchange.enrolment import coordinator_keys
from workstation.exchange.rows import place, purge
from workstation.intake.trust import workstation_identity
from workstation.keys.signing import key_id
from workstation.roster.reviewers import check_reviewer_name, find_reviewer
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.store.transaction import Transaction, inserted_id

DONE_STAGES = {
    1: (Stage.STAGE1_SIGNED, Stage.SET_ASIDE),
    2: (Stage.APPROVED, Stage.RETURNED, Stage.SET_ASIDE),
}
STATUSES = ("done", "in_progress", "given_back")


def _open(session: Session, path: Path, kind: str) -> Packet:
    db = session.db
    roles.require(db, roles.REVIEWER, "Taking in a work packet")
    trusted = [k for k, _ in coordinator_keys(db)]
    if not trusted:
        raise refuse("this laptop trusts no coordinator yet (workstation panel trust)")
    packet = open_packet(
        read_file(path),
        identity=workstation_identity(db),
        kind=kind,
        signers=trusted,
        unknown_signer="a coordinator this laptop does not trust",
    )
    seen = db.query_one("SELECT accepted_at FROM work_packets WHERE packet_id = ?", (packet.packet_id,))
    if seen is not None:
        raise refuse(f"it was taken in before ({seen[0][:16]}); nothing was changed")
    return packet


def _roster(tx: Transaction, session: Session, roster: Any) -> dict[str, int]:
    """The roster's public keys (for verifying sign-offs here): reviewers new to this laptop
    are added inactive, keys new to it as retired. Returns key id by public key hex."""
    if not isinstance(roster, list):
        raise InputError("The assignment's roster is not a list.")
    for entry in roster:
        if not isinstance(entry, dict) or not isinstance(entry.get("keys"), list):
            raise InputError("The assignment's roster has an entry without keys.")
        name = check_reviewer_name(str(entry.get("name", "")))
        row = tx.execute("SELECT id FROM reviewers WHERE name = ?", (name,)).fetchone()
        reviewer_id = (
            int(row[0])
            if row
            else inserted_id(
                tx.execute(
                    "INSERT INTO reviewers(name, display_name, created_at, active) VALUES (?, ?, ?, 0)",
                    (name, str(entry.get("display_name", ""))[:80], utc_now()),
                ))
        )
        for key in entry["keys"]:
            public = parse_key(key.get("public_key") if isinstance(key, dict) else None, "A roster key")
            if not tx.execute("SELECT 1 FROM reviewer_keys WHERE public_key = ?", (public,)).fetchone():
                tx.execute(
                    "INSERT INTO reviewer_keys(reviewer_id, public_key, created_at, retired_at) "
                    "VALUES (?, ?, ?, ?)",
                    (reviewer_id, public, utc_now(), utc_now()),
                )
    return {bytes(k).hex(): int(i) for i, k in tx.execute("SELECT id, public_key FROM reviewer_keys")}


@dataclass(frozen=True)
class Received:
    assignment_id: str
    stage: int
    due: str
    report_ids: tuple[int, ...]


def import_assignment(session: Session, path: Path) -> Received:
    """Take in an assignment: its reports, with their history, spans and sign-offs, in one step."""
    packet = _open(session, path, "assignment")
    db, body = session.db, packet.body
    mine = find_reviewer(db, session.reviewer)
    if (
        body.get("reviewer") != session.reviewer
        or mine is None
        or mine.public_key is None
        or body.get("reviewer_key") != "ed25519:" + mine.public_key.hex()
    ):
        raise refuse(f"it was made for {body.get('reviewer')!r}, not for this laptop's {session.reviewer}")
    stage, due, reports = body.get("stage"), body.get("due"), body.get("reports")
    if stage not in (1, 2) or not isinstance(due, str) or not isinstance(reports, list) or not reports:
        raise refuse("its body does not have a stage, a due date and reports")
    for item in reports:
        if not isinstance(item, dict) or not isinstance(item.get("submission_id"), str):
            raise refuse("a report entry has no submission id")
        if db.query_one("SELECT 1 FROM reports WHERE submission_id = ?", (item["submission_id"],)):
            raise InputError(
                "A report of this assignment is still on this laptop from an earlier one: "
                "import that assignment's receipt first (or give the report back)."
            )
    placed: list[int] = []

    def change(tx: Transaction) -> None:
        keys = _roster(tx, session, body.get("roster"))
        intake = tx.execute("SELECT id FROM intake_keys WHERE public_key = ?", (packet.signer,)).fetchone()
        bundle = inserted_id(
            tx.execute(
                "INSERT INTO bundles(bundle_id, file_sha256, intake_key_id, created_at, imported_at, "
                "imported_by, "
                "imported, quarantined, duplicates) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)",
                (
                    packet.packet_id,
                    packet.file_sha256,
                    intake[0],
                    packet.created_at,
                    utc_now(),
                    session.reviewer,
                    len(reports),
                ),
            ))
        entry = chain.append(
            tx,
            actor=session.reviewer,
            action="work.import",
            obj=f"assignment:{packet.assignment_id}",
            payload={
                "packet": packet.packet_id,
                "stage": stage,
                "due": due,
                "reports": len(reports),
                "file_sha256": packet.file_sha256,
            },
        )
        ref = inserted_id(
            tx.execute(
                "INSERT INTO work_assignments(assignment_id, packet_id, reviewer, stage, due, "
                "created_at, peer) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    packet.assignment_id,
                    packet.packet_id,
                    session.reviewer,
                    stage,
                    due,
                    packet.created_at,
                    coordinator_keys(db)[0][1],
                ),
            ))
        incidents: dict[int, int] = {}
        for item in reports:
            report_id, signoff_ids = place(
                tx, item.get("rows"), bundle_ref=bundle, keys=keys, audit_seq=entry.seq, incidents=incidents
            )
            for signoff_id in signoff_ids:  # each sign-off row has its audit entry (audit verify)
                row = tx.execute(
                    "SELECT s.stage, s.decision, s.content_sha256, k.public_key FROM signoffs s "
                    "JOIN reviewer_keys k ON k.id = s.reviewer_key_id WHERE s.id = ?",
                    (signoff_id,),
                ).fetchone()
                chain.append(
                    tx,
                    actor=session.reviewer,
                    action="signoff.sign",
                    obj=f"report:{report_id}",
                    payload={
                        "signoff": signoff_id,
                        "stage": row[0],
                        "decision": row[1],
                        "content_sha256": row[2],
                        "key_id": key_id(bytes(row[3])),
                        "carried": packet.packet_id,
                    },
                )
            last = tx.execute(
                "SELECT coalesce(max(seq), 0) FROM review_commands WHERE report_id = ?", (report_id,)
            ).fetchone()[0]
            tx.execute(
                "INSERT INTO work_reports(assignment_ref, submission_id, state, base_history, "
                "base_content, expected_history, base_seq, returned_seq) VALUES (?, ?, 'out', ?, ?, ?, ?, ?)",
                (
                    ref,
                    item["submission_id"],
                    str(item.get("base_history")),
                    str(item.get("base_content")),
                    str(item.get("base_history")),
                    last,
                    last,
                ),
            )
            tx.execute(
                "INSERT INTO work_holds(report_id, assignment_id, side, due) VALUES (?, ?, 'here', ?)",
                (report_id, packet.assignment_id, due),
            )
            placed.append(report_id)
        disclosure_counts.take_in(tx, body.get("disclosure"))
        tx.execute(
            "INSERT INTO work_packets(packet_id, kind, assignment_id, accepted_at) VALUES (?, ?, ?, ?)",
            (packet.packet_id, "assignment", packet.assignment_id, utc_now()),
        )

    try:
        with roomy_cache(db):
            session.commit_roster_change(change)  # the roster's keys may be new here: the key file follows
    except (AttributeError, TypeError, KeyError, ValueError):
        raise refuse("its reports are not in the expected form") from None
    return Received(packet.assignment_id, int(stage), due, tuple(placed))


# ----- returns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    packet_id: str
    sequence: int
    statuses: dict[str, str]  # submission id -> done, in_progress or given_back


def _held(session: Session) -> list[Any]:
    return session.db.query(
        "SELECT a.id, a.assignment_id, a.stage, a.returns, a.peer, w.submission_id, w.base_seq, "
        "w.returned_seq, "
        "r.id AS report_id FROM work_reports w JOIN work_assignments a ON a.id = w.assignment_ref "
        "JOIN reports r ON r.submission_id = w.submission_id ORDER BY a.id, r.id"
    )


def export_return(
    session: Session,
    out: Path,
    passphrase: str,
    *,
    report_ids: list[int] | None = None,
    give_back: bool = False,
) -> list[Written]:
    """One return per assignment with work to send (each report's commands since the
    assignment, cumulative, so a lost return loses nothing), signed with the reviewer's key,
    encrypted to the coordinator. Several assignments: files OUT, OUT.2, ..."""
    db = session.db
    roles.require(db, roles.REVIEWER, "Writing a return")
    held = _held(session)
    if report_ids is not None:
        unknown = set(report_ids) - {r["report_id"] for r in held}
        if unknown:
            raise InputError(f"Report {min(unknown)} is not held on this laptop.")
    last_seq = {
        r["report_id"]: db.query_row(
            "SELECT coalesce(max(seq), 0) FROM review_commands WHERE report_id = ?", (r["report_id"],)
        )[0]
        for r in held
    }
    chosen = [
        r
        for r in held
        if (
            r["report_id"] in report_ids
            if report_ids is not None
            else give_back or last_seq[r["report_id"]] > r["returned_seq"]
        )
    ]
    if not chosen:
        raise InputError("There is no work to return since the last return.")
    by_assignment: dict[str, list[Any]] = {}
    for row in chosen:
        by_assignment.setdefault(row["assignment_id"], []).append(row)
    seed = session.signing_seed(passphrase)
    written: list[Written] = []
    try:
        for number, (assignment_id, rows) in enumerate(by_assignment.items(), start=1):
            target = Path(out) if number == 1 else Path(f"{out}.{number}")
            written.append(_write_return(session, seed, target, assignment_id, rows, give_back, last_seq))
    finally:
        seed[:] = bytes(len(seed))
    return written


def _write_return(
    session: Session,
    seed: bytearray,
    out: Path,
    assignment_id: str,
    rows: list[Any],
    give_back: bool,
    last_seq: dict[int, int],
) -> Written:
    db = session.db
    stage, sequence, peer = rows[0]["stage"], rows[0]["returns"] + 1, rows[0]["peer"]
    reports, statuses = [], {}
    for row in rows:
        commands = db.query(
            "SELECT c.body, a.seq, a.at, a.actor, a.action, a.object, a.payload, a.prev_hash, "
            "a.hash FROM review_commands c JOIN audit a ON a.seq = c.audit_seq "
            "WHERE c.report_id = ? AND c.seq > ? ORDER BY c.seq",
            (row["report_id"], row["base_seq"]),
        )
        status = (
            "given_back"
            if give_back
            else "done"
            if report_stage(db, row["report_id"]) in DONE_STAGES[stage]
            else "in_progress"
        )
        statuses[row["submission_id"]] = status
        reports.append(
            {
                "submission_id": row["submission_id"],
                "status": status,
                "commands": [json.loads(c[0]) for c in commands],
                "evidence": [
                    {
                        "seq": c[1],
                        "at": c[2],
                        "actor": c[3],
                        "action": c[4],
                        "object": c[5],
                        "payload": json.loads(c[6]),
                        "prev_hash": c[7],
                        "hash": c[8],
                    }
                    for c in commands
                ],
            }
        )
    body = {"reviewer": session.reviewer, "sequence": sequence, "reports": reports}
    packet_id, data = seal("return", body, seed=seed, recipient=peer, assignment_id=assignment_id)
    with session.audited(
        "work.return",
        f"assignment:{assignment_id}",
        {"packet": packet_id, "sequence": sequence, "reports": len(reports), "given_back": give_back},
    ) as tx:
        for row in rows:
            tx.execute(
                "UPDATE work_reports SET returned_seq = ?, state = ? WHERE assignment_ref = ? AND "
                "submission_id = ?",
                (last_seq[row["report_id"]], statuses[row["submission_id"]], row["id"], row["submission_id"]),
            )
        tx.execute("UPDATE work_assignments SET returns = ? WHERE id = ?", (sequence, rows[0]["id"]))
        write_packet(out, data)
    return Written(packet_id, sequence, statuses)


# ----- receipts and revocations ---------------------------------------------------------------


def _unreturned(session: Session, report_id: int) -> bool:
    row = session.db.query_one(
        "SELECT w.returned_seq FROM work_reports w JOIN reports r ON r.submission_id = w.submission_id "
        "WHERE r.id = ? ORDER BY w.assignment_ref DESC LIMIT 1",
        (report_id,),
    )
    last = session.db.query_row(
        "SELECT coalesce(max(seq), 0) FROM review_commands WHERE report_id = ?", (report_id,)
    )[0]
    return row is not None and last > row[0]


def _delete(session: Session, packet: Packet, action: str, submission_ids: list[str]) -> list[str]:
    deleted: list[str] = []
    with session.audited(action, f"assignment:{packet.assignment_id}", {"packet": packet.packet_id}) as tx:
        tx.execute(
            "INSERT INTO work_packets(packet_id, kind, assignment_id, accepted_at) VALUES (?, ?, ?, ?)",
            (packet.packet_id, packet.kind, packet.assignment_id, utc_now()),
        )
        for submission_id in submission_ids:
            row = tx.execute("SELECT id FROM reports WHERE submission_id = ?", (submission_id,)).fetchone()
            if row is None:
                continue
            signoffs = [r[0] for r in tx.execute("SELECT id FROM signoffs WHERE report_id = ?", (row[0],))]
            purge(tx, int(row[0]))
            tx.execute("DELETE FROM work_reports WHERE submission_id = ?", (submission_id,))
            # `signoffs`: the sign-off rows deleted with it, whose earlier signoff.sign entries
            # no longer have a row (audit verify excuses exactly those; ids may be reused later).
            chain.append(
                tx,
                actor=session.reviewer,
                action="work.delete",
                obj=f"report:{row[0]}",
                payload={"submission_id": submission_id, "packet": packet.packet_id, "signoffs": signoffs},
            )
            deleted.append(submission_id)
        disclosure_counts.prune(tx)
    return deleted


def import_receipt(session: Session, path: Path) -> tuple[list[str], list[str]]:
    """Delete the reports the coordinator merged as done or given back (or holds as a
    conflict); those with work after the return stay. Returns (deleted, kept)."""
    packet = _open(session, path, "receipt")
    if not session.db.query_one(
        "SELECT 1 FROM work_assignments WHERE assignment_id = ?", (packet.assignment_id,)
    ):
        raise refuse("it is for an assignment this laptop does not have")
    entries = packet.body.get("reports")
    if not isinstance(entries, list):
        raise refuse("it lists no reports")
    delete, kept = [], []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("submission_id"), str):
            raise refuse("a report entry has no submission id")
        row = session.db.query_one(
            "SELECT id FROM reports WHERE submission_id = ?", (entry["submission_id"],)
        )
        if entry.get("delete") is True and row is not None and not _unreturned(session, int(row[0])):
            delete.append(entry["submission_id"])
        elif row is not None:
            kept.append(entry["submission_id"])
    return _delete(session, packet, "work.receipt", delete), kept


def import_revocation(session: Session, path: Path) -> list[str]:
    """The coordinator took these reports back: delete them, unless work on them has not
    gone out in a return yet (then refused whole: write a return first, nothing is lost)."""
    packet = _open(session, path, "revocation")
    names = packet.body.get("reports")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise refuse("it lists no reports")
    for name in names:
        row = session.db.query_one("SELECT id FROM reports WHERE submission_id = ?", (name,))
        if row is not None and _unreturned(session, int(row[0])):
            raise InputError(
                "A revoked report has work that has not been returned yet: write a return first "
                "(workstation returns export), then import the notice again."
            )
    return _delete(session, packet, "work.revoked", names)
