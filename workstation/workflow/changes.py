"""What changed since stage 1 signed: the spans and coding stage 1 signed are kept with its
sign-off (a snapshot), so that the stage-1 reviewer sees exactly what stage 2 changed
before signing again, with the changes that reveal something marked: a redaction stage 1
made that is now published (kept or removed), a redaction narrowed, or a replacement that
brings the original's words back. Offsets and kinds only, never text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from workstation.review.coding import coding_to_dict
from workstation.review.report_review import load_report
from workstation.review.spans import Decision, SpanState
from workstation.store.database import Database

_WORD = re.compile(r"\w{3,}")
_HIDDEN = (Decision.REDACT, Decision.PENDING)  # what the publishable content keeps out


@dataclass(frozen=True)
class Snapshot:
    spans_json: str
    coding_json: str


def stage1_snapshot(db: Database, report_id: int) -> Snapshot:
    review = load_report(db, report_id)
    spans = [{"uid": s.uid, **s.state.to_dict()} for s in review.spans]
    coding = coding_to_dict(review.coding)
    return Snapshot(json.dumps(spans, sort_keys=True), json.dumps(coding, sort_keys=True))


@dataclass(frozen=True)
class ChangeNote:
    kind: str  # kept, removed, narrowed, replacement, relabelled, decision, added, coding
    field: str
    start: int
    end: int
    revealing: bool  # something stage 1 kept out of the publication would now be in it
    words: str  # what changed, in plain words (no report text)


def _hidden(state: SpanState | None) -> bool:
    return state is not None and state.decision in _HIDDEN


def _covered(field: str, start: int, end: int, states: list[SpanState]) -> bool:
    return any(s.field == field and s.start <= start and end <= s.end and _hidden(s) for s in states)


def _note(uid_before: SpanState | None, after: SpanState | None, now: list[SpanState],
          original: dict[str, str]) -> ChangeNote | None:
    before = uid_before
    if before is None and after is not None:
        return ChangeNote("added", after.field, after.start, after.end, False, f"{after.label} span added")
    assert before is not None
    if after is None:
        revealing = _hidden(before) and not _covered(before.field, before.start, before.end, now)
        why = "" if revealing else " (a wider one covers it)"
        return ChangeNote("removed", before.field, before.start, before.end, revealing,
                          f"{before.label} redaction removed{why}")
    if _hidden(before) and not _hidden(after):
        return ChangeNote("kept", after.field, after.start, after.end, True,
                          f"{before.label} that stage 1 redacted is now kept (published as written)")
    if _hidden(before) and (after.start > before.start or after.end < before.end):
        return ChangeNote("narrowed", after.field, after.start, after.end, True,
                          f"{before.label} redaction narrowed")
    if after.replacement != before.replacement and after.replacement:
        source = original.get(after.field, "")[after.start:after.end].casefold()
        back = any(w.casefold() in source for w in _WORD.findall(after.replacement))
        return ChangeNote("replacement", after.field, after.start, after.end, back,
                          "replacement brings the original's words back" if back else "replacement changed")
    if after.label != before.label:
        return ChangeNote("relabelled", after.field, after.start, after.end, False,
                          f"label {before.label} changed to {after.label}")
    if after != before:
        return ChangeNote("decision", after.field, after.start, after.end, False, "span changed")
    return None


def changes_since_stage1(db: Database, report_id: int) -> list[ChangeNote]:
    """What differs from the last stage-1 sign-off's snapshot (empty when nothing does, or
    when stage 1 was never signed with a snapshot)."""
    row = db.query_one("SELECT p.spans, p.coding FROM signoffs s "
                       "JOIN signoff_snapshots p ON p.signoff_id = s.id "
                       "WHERE s.report_id = ? AND s.stage = 1 ORDER BY s.id DESC LIMIT 1", (report_id,))
    if row is None:
        return []
    review = load_report(db, report_id)
    signed = {item.pop("uid"): SpanState.from_dict(item) for item in json.loads(row[0])}
    current = {s.uid: s.state for s in review.spans}
    now = list(current.values())
    notes = [note for uid in sorted(set(signed) | set(current))
             if (note := _note(signed.get(uid), current.get(uid), now, review.texts)) is not None]
    coding_then, coding_now = json.loads(row[1]), coding_to_dict(review.coding)
    notes.extend(ChangeNote("coding", f"coding.{name}", 0, 0, False, f"{name.replace('_', ' ')} changed")
                 for name in coding_now if coding_now[name] != coding_then.get(name))
    return sorted(notes, key=lambda n: (not n.revealing, n.field, n.start))
