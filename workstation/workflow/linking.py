"""Linked reports: several officers' reports of one incident, one primary and the others
supplemental. They share one placeholder book, so the same person is [Person 1] in all of
them; likely links are suggested by text similarity and matching incident fields."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import partial

from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.retention.hashes import book_digest, book_key
from workstation.review.placeholders import PlaceholderBook
from workstation.review.redaction import fill_book
from workstation.review.report_review import load_report
from workstation.store.database import Database
from workstation.store.transaction import Transaction, inserted_id

_WORD = re.compile(r"[a-z][a-z']{2,}")
# Words too common in these narratives to say two reports describe one event.
_COMMON = frozenset("""the and was were that with for had his her him she they them then
when from but not this there have him out our all one what about would could just into
over back after before said told like been did get got went came partner officer officers
suspect driver call car unit scene police""".split())
FIELDS_COMPARED = ("incident_date", "location_type", "activity_type", "ori", "agency_type")


def linked_reports(db: Database, report_id: int) -> list[int]:
    """The report and those linked with it, primary first (just the report if unlinked)."""
    row = db.query_one("SELECT incident_id FROM incident_reports WHERE report_id = ?", (report_id,))
    if row is None:
        return [report_id]
    rows = db.query("SELECT report_id FROM incident_reports WHERE incident_id = ? "
                    "ORDER BY role = 'supplemental', report_id", (row[0],))
    return [r[0] for r in rows]


def incident_of(db: Database, report_id: int) -> int | None:
    row = db.query_one("SELECT incident_id FROM incident_reports WHERE report_id = ?", (report_id,))
    return None if row is None else int(row[0])


def shared_book(db: Database, report_id: int, *, before: int | None = None) -> PlaceholderBook:
    """One placeholder book for the whole incident, numbered in the primary's reading order;
    with `before`, only the reports read before that one (the review preview's book).

    A member whose original text was destroyed (retention) gives its values as the keyed
    hashes kept for it (`retention_book`, in its reading order); the book then compares every
    value by that hash, so a report linked later that names the same person gets the number
    the person had."""
    members = linked_reports(db, report_id)
    hashed = _hashed_books(db, members)
    key = book_key(db) if hashed else None
    book = PlaceholderBook(None if key is None else partial(book_digest, key))
    for rid in members:
        if rid == before:
            break
        if rid in hashed and key is not None:
            for label, digest in hashed[rid]:
                book.add_digest(label, digest)
            continue
        review = load_report(db, rid)
        fill_book(book, review.texts, review.spans, include_pending=True)
    return book


def _hashed_books(db: Database, members: list[int]) -> dict[int, list[tuple[str, bytes]]]:
    """The purged members' kept placeholder values (label, hash), in reading order."""
    if len(members) < 2:
        return {}
    marks = ",".join("?" * len(members))
    found: dict[int, list[tuple[str, bytes]]] = {
        int(rid): [] for (rid,) in db.query(
            f"SELECT report_id FROM retention_snapshots WHERE report_id IN ({marks})", tuple(members))}
    for rid, label, digest in db.query(
            f"SELECT report_id, label, digest FROM retention_book WHERE report_id IN ({marks}) "
            "ORDER BY report_id, position", tuple(members)):
        if int(rid) in found:
            found[int(rid)].append((str(label), bytes(digest)))
    return found


def choose_primary(db: Database, open_id: int, chosen: list[int]) -> tuple[int, list[int]]:
    """Which report is the primary when `chosen` are linked with the report a reviewer has
    open, and which become supplemental. The open report's incident takes them (its primary
    stays primary); an unlinked open report becomes the primary, unless what was chosen is
    already in one incident, which the open report then joins."""
    chosen = [rid for rid in dict.fromkeys(chosen) if rid != open_id]
    if not chosen:
        raise InputError("That is the report open in the review; choose another report to link.")
    mine = linked_reports(db, open_id)
    already = [rid for rid in chosen if rid in mine]
    if already:
        raise InputError(f"Report {already[0]} is already linked with this one.")
    if len(mine) > 1:
        return mine[0], chosen
    incidents = [linked_reports(db, rid) for rid in chosen]
    theirs = {members[0] for members in incidents if len(members) > 1}
    if len(theirs) == 1:  # join the incident they are in
        primary = theirs.pop()
        return primary, [open_id, *[rid for rid in chosen if rid != primary]]
    return open_id, chosen


def write_link(tx: Transaction, db: Database, actor: str, primary_id: int,
               supplemental_ids: list[int]) -> int:
    """Make one incident of these reports (joining the primary's incident if it has one).
    Linking renumbers placeholders across the incident: `apply` then checks every member's
    sign-off, as after any edit."""
    others = [rid for rid in dict.fromkeys(supplemental_ids) if rid != primary_id]
    if not others:
        raise InputError("Choose at least one other report to link.")
    for rid in (primary_id, *others):
        if db.query_one("SELECT 1 FROM reports WHERE id = ?", (rid,)) is None:
            raise InputError("That report is not in the database.")
    existing = db.query_one("SELECT incident_id, role FROM incident_reports WHERE report_id = ?",
                            (primary_id,))
    if existing is not None and existing[1] != "primary":
        raise InputError("That report is a supplemental report; link to its primary instead.")
    if existing is None:
        incident_id = inserted_id(tx.execute("INSERT INTO incidents(created_at, created_by) VALUES (?, ?)",
                                     (utc_now(), actor)))
        tx.execute("INSERT INTO incident_reports(report_id, incident_id, role) VALUES (?, ?, 'primary')",
                   (primary_id, incident_id))
    else:
        incident_id = int(existing[0])
    for rid in others:
        held = tx.execute("SELECT incident_id FROM incident_reports WHERE report_id = ?", (rid,)).fetchone()
        if held is not None and held[0] != incident_id:
            raise InputError("One of those reports is already linked to another incident; unlink it first.")
        tx.execute("INSERT OR IGNORE INTO incident_reports(report_id, incident_id, role) "
                   "VALUES (?, ?, 'supplemental')", (rid, incident_id))
    return incident_id


def write_unlink(tx: Transaction, db: Database, report_id: int) -> tuple[int, str, list[int]]:
    """Unlink a report (a primary ends its incident): its incident, role, and the members
    before (each gets its own placeholder numbers back)."""
    members = linked_reports(db, report_id)
    row = db.query_one("SELECT incident_id, role FROM incident_reports WHERE report_id = ?", (report_id,))
    if row is None:
        raise InputError("That report is not linked to an incident.")
    incident_id, role = int(row[0]), str(row[1])
    if role == "primary":  # the incident goes with its primary
        tx.execute("DELETE FROM incident_reports WHERE incident_id = ?", (incident_id,))
    else:
        tx.execute("DELETE FROM incident_reports WHERE report_id = ?", (report_id,))
    return incident_id, role, members


@dataclass(frozen=True)
class LinkSuggestion:
    report_id: int
    score: float  # 0..1
    text_similarity: float
    matching_fields: tuple[str, ...]


def _vector(submission: dict) -> Counter[str]:
    text = " ".join(str(submission.get(f, "")) for f in ("title", "narrative", "lessons_learned"))
    return Counter(w for w in _WORD.findall(text.lower()) if w not in _COMMON)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0


def suggest_links(db: Database, report_id: int, *, limit: int = 5,
                  threshold: float = 0.35) -> list[LinkSuggestion]:
    """Reports that likely describe the same incident, best first."""
    rows = db.query("SELECT id, submission FROM reports WHERE stage != 'set_aside'")
    subs = {rid: json.loads(text) for rid, text in rows}
    if report_id not in subs:
        return []
    mine = subs.pop(report_id)
    linked = set(linked_reports(db, report_id))
    mine_vector = _vector(mine)
    found = []
    for rid, other in subs.items():
        if rid in linked:
            continue
        similarity = _cosine(mine_vector, _vector(other))
        same = tuple(f for f in FIELDS_COMPARED if mine.get(f) is not None and mine.get(f) == other.get(f))
        # Text carries most weight; the same date and place make a link much likelier.
        score = 0.6 * similarity + 0.4 * (len(same) / len(FIELDS_COMPARED))
        if "incident_date" not in same:
            score *= 0.6
        if score >= threshold:
            found.append(LinkSuggestion(rid, round(score, 3), round(similarity, 3), same))
    return sorted(found, key=lambda s: -s.score)[:limit]
