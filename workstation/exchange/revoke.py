"""Taking reports back from a laptop (coordinator): they are unlocked here at once, and the
notice tells the laptop to delete them once any work on them has gone out in a return."""

from __future__ import annotations

from pathlib import Path

from workstation.audit import chain
from workstation.errors import InputError
from workstation.exchange import roles
from workstation.exchange.container import seal, write_packet
from workstation.exchange.enrolment import coordinator_seed
from workstation.session import Session


def revoke(session: Session, report_ids: list[int], out: Path) -> tuple[str, list[str]]:
    """Returns (the reviewer whose laptop gets the notice, the submission ids revoked)."""
    db = session.db
    roles.require(db, roles.COORDINATOR, "Revoking assigned reports")
    rows = []
    for report_id in dict.fromkeys(report_ids):
        row = db.query_one(
            "SELECT h.assignment_id, a.id, a.reviewer, a.peer, r.submission_id FROM work_holds h "
            "JOIN work_assignments a ON a.assignment_id = h.assignment_id JOIN reports r "
            "ON r.id = h.report_id WHERE h.report_id = ? AND h.side = 'out'",
            (report_id,),
        )
        if row is None:
            raise InputError(f"Report {report_id} is not assigned out.")
        rows.append((report_id, row))
    if len({r["assignment_id"] for _, r in rows}) != 1:
        raise InputError("Revoke the reports of one assignment at a time (one notice goes to one laptop).")
    first = rows[0][1]
    names = [r["submission_id"] for _, r in rows]
    seed = coordinator_seed(session)
    try:
        packet_id, data = seal(
            "revocation",
            {"reports": names},
            seed=seed,
            recipient=first["peer"],
            assignment_id=first["assignment_id"],
        )
    finally:
        seed[:] = bytes(len(seed))
    with db.transaction() as tx:
        for report_id, row in rows:
            tx.execute("DELETE FROM work_holds WHERE report_id = ?", (report_id,))
            tx.execute(
                "UPDATE work_reports SET state = 'revoked' WHERE assignment_ref = ? AND submission_id = ?",
                (row["id"], row["submission_id"]),
            )
        chain.append(
            tx,
            actor=session.reviewer,
            action="work.revoke",
            obj=f"assignment:{first['assignment_id']}",
            payload={"packet": packet_id, "reports": [r for r, _ in rows]},
        )
        write_packet(out, data)
    return str(first["reviewer"]), names
