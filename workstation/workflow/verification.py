"""Everything `audit verify` (and the GUI's Tools > Verify audit chain) checks, in one place.

1. The hash chain, recomputed from the first entry.
2. Every sign-off's signature and statement, against the roster's public keys.
3. Sign-off records against the audit: each `signoff.sign` entry names a sign-off row that
   exists and matches it (report, stage, decision, content hash, key), and each row has
   exactly one such entry. A row deleted, or one slipped in, behind the store's back (raw
   key, triggers dropped) no longer has its partner.
4. Optionally an anchor (a publication manifest or the .anchor file each lock writes): the
   chain must still hold the entry it names, so cutting off the chain's tail shows.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from workstation.audit import chain
from workstation.audit.anchor import Anchor
from workstation.keys.signing import key_id
from workstation.store.database import Database
from workstation.workflow.retraction_record import retraction_count, retraction_problems
from workstation.workflow.signoff import verify_signoffs

SIGN_ACTION = "signoff.sign"


@dataclass(frozen=True)
class AnchorCheck:
    anchor: Anchor
    problem: str = ""  # empty when the chain holds the anchored entry

    @property
    def held(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class VerificationReport:
    chain: chain.Verification
    signoffs: int  # sign-off rows checked
    signature_problems: tuple[str, ...]  # one line per sign-off whose signature does not verify
    record_problems: tuple[str, ...]  # sign-off rows and `signoff.sign` entries without their partner
    anchor: AnchorCheck | None = None
    retractions: int = 0  # signed retraction records checked
    retraction_problems: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return (self.chain.intact and not self.signature_problems and not self.record_problems
                and not self.retraction_problems and (self.anchor is None or self.anchor.held))

    def lines(self) -> list[str]:
        """The result in plain words, one finding a line (what the CLI prints)."""
        result = self.chain
        if result.intact:
            out = [f"Audit chain intact: {result.entries} entries, head {result.head}"]
        else:
            out = [f"Audit chain BROKEN at entry {result.first_broken}: {result.reason}.",
                   f"The {result.entries} entries before it verify."]
        out += [f"Sign-off signature BROKEN: {p}." for p in self.signature_problems]
        if not self.signature_problems:
            out.append(f"Sign-off signatures: all {self.signoffs} verify with the reviewers' public keys.")
        out += [f"Sign-off record BROKEN: {p}." for p in self.record_problems]
        if not self.record_problems:
            out.append(f"Sign-off records: all {self.signoffs} match their audit entries.")
        out += [f"Retraction BROKEN: {p}." for p in self.retraction_problems]
        if self.retractions and not self.retraction_problems:
            out.append(f"Retractions: all {self.retractions} verify with the retracting reviewers' keys.")
        if self.anchor is not None:
            a = self.anchor.anchor
            if self.anchor.held:
                out.append(f"Anchor held: the chain holds entry {a.seq} with hash {a.hash}.")
            else:
                out.append(f"Anchor NOT held: {self.anchor.problem}.")
        return out


def verify_everything(db: Database, anchor: Anchor | None = None) -> VerificationReport:
    """All the checks above; reads only (safe to run in a worker thread on the session's db)."""
    rows = _signoff_rows(db)
    return VerificationReport(
        chain=chain.verify(db),
        signoffs=len(rows),
        signature_problems=tuple(verify_signoffs(db)),
        record_problems=tuple(signoff_record_problems(db, rows)),
        anchor=None if anchor is None else check_anchor(db, anchor),
        retractions=retraction_count(db),
        retraction_problems=tuple(retraction_problems(db)),
    )


def _signoff_rows(db: Database) -> dict[int, Any]:
    found = db.query(
        "SELECT s.id, s.report_id, s.stage, s.decision, s.content_sha256, k.public_key "
        "FROM signoffs s LEFT JOIN reviewer_keys k ON k.id = s.reviewer_key_id ORDER BY s.id")
    return {int(r["id"]): r for r in found}


def signoff_record_problems(db: Database, rows: dict[int, Any] | None = None) -> list[str]:
    """Each `signoff.sign` audit entry against its sign-off row, and each row against its entry."""
    rows = _signoff_rows(db) if rows is None else rows
    problems: list[str] = []
    recorded: Counter[int] = Counter()
    deleted_at = _purged_signoffs(db)
    for entry in db.query("SELECT seq, object, payload FROM audit WHERE action = ? ORDER BY seq",
                          (SIGN_ACTION,)):
        seq = entry["seq"]
        try:
            payload = json.loads(entry["payload"])
            signoff_id = int(payload["signoff"])
        except (ValueError, KeyError, TypeError):
            problems.append(f"audit entry {seq} records a sign-off without naming it")
            continue
        if seq < deleted_at.get(signoff_id, 0):
            continue  # deleted with its report after the coordinator's receipt (ids may be reused)
        recorded[signoff_id] += 1
        row = rows.get(signoff_id)
        if row is None:
            problems.append(f"audit entry {seq} records sign-off {signoff_id}, which is missing from the "
                            "sign-offs table (deleted behind the store's back)")
            continue
        differs = _differences(entry["object"], payload, row)
        if differs:
            problems.append(f"audit entry {seq} and sign-off {signoff_id} disagree ({', '.join(differs)})")
    for signoff_id in rows:
        if recorded[signoff_id] == 0:
            problems.append(f"sign-off {signoff_id} has no audit entry (added behind the store's back)")
        elif recorded[signoff_id] > 1:
            problems.append(f"sign-off {signoff_id} is recorded by {recorded[signoff_id]} audit entries")
    return problems


def _purged_signoffs(db: Database) -> dict[int, int]:
    """Sign-offs a reviewer laptop deleted with their report once the coordinator's receipt
    confirmed the merge (workstation/exchange): id -> the seq of the `work.delete` entry that
    lists them. Only on a reviewer laptop: a coordinator never deletes a sign-off."""
    if db.meta("panel_role") != "reviewer":
        return {}
    deleted_at: dict[int, int] = {}
    for gone in db.query("SELECT seq, payload FROM audit WHERE action = 'work.delete' ORDER BY seq"):
        try:
            listed = json.loads(gone["payload"]).get("signoffs", [])
        except (ValueError, AttributeError):
            continue
        for signoff_id in listed if isinstance(listed, list) else []:
            if isinstance(signoff_id, int):
                deleted_at[signoff_id] = int(gone["seq"])
    return deleted_at


def _differences(obj: str, payload: dict[str, Any], row: Any) -> list[str]:
    public = row["public_key"]
    expected = {
        "report": (obj, f"report:{row['report_id']}"),
        "stage": (payload.get("stage"), row["stage"]),
        "decision": (payload.get("decision"), row["decision"]),
        "content hash": (payload.get("content_sha256"), row["content_sha256"]),
        "key": (payload.get("key_id"), key_id(bytes(public)) if public is not None else None),
    }
    return [name for name, (recorded, held) in expected.items() if recorded != held]


def check_anchor(db: Database, anchor: Anchor) -> AnchorCheck:
    """Whether the chain still holds the entry `anchor` names."""
    database_id = db.meta("database_id")
    if anchor.database_id is not None and anchor.database_id != database_id:
        return AnchorCheck(anchor, "the anchor was written for another database")
    if anchor.seq == 0:
        return AnchorCheck(anchor, "" if anchor.hash == chain.GENESIS else "entry 0 is not a real entry")
    row = db.query_one("SELECT hash FROM audit WHERE seq = ?", (anchor.seq,))
    if row is None:
        count = chain.head(db)[0]
        return AnchorCheck(anchor, f"the anchor names entry {anchor.seq}, but the chain ends at entry "
                                   f"{count}: its tail was removed")
    if row["hash"] != anchor.hash:
        return AnchorCheck(anchor, f"entry {anchor.seq} is not the entry the anchor names: the chain was "
                                   "rewritten from there on")
    return AnchorCheck(anchor)
