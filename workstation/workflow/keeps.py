"""What a reviewer kept (not redacted), as the residual scan and stage 2 need it: who kept
each span and why (the reason given at `x` time rides on the Decide command, so it is in
the report's history, which every sign-off hashes), and which of another reviewer's keeps
the signer has confirmed since (ConfirmKeeps, not a change of content). And the handler of
ConfirmKeeps, registered in apply.py."""

from __future__ import annotations

import json
from dataclasses import dataclass

from workstation.errors import InputError
from workstation.review.span_store import load_spans
from workstation.review.spans import Decision, ReviewSpan
from workstation.stages import check_editable
from workstation.store.database import Database
from workstation.workflow import commands as c
from workstation.workflow.context import Context, Effect, Handler

# A suggestion scoring this much or more is asked a reason when kept with `x`: the detector
# was sure, so the reviewer says why it is not an identifier (quick choices or their words).
REASON_SCORE = 0.85
QUICK_REASONS = ("not an identifier", "generic term", "public place")
MAX_REASON = 200


@dataclass(frozen=True)
class Kept:
    """A span whose current decision is keep."""

    uid: str
    field: str
    start: int
    end: int
    label: str
    kept_by: str | None  # who made the decision the span has now
    reason: str | None  # why, when asked at `x` time
    confirmed_by: frozenset[str]  # reviewers who confirmed it since it was last changed

    def settled_for(self, signer: str) -> bool:
        """The signer decided it themself, or confirmed it as it is: not asked again."""
        return self.kept_by == signer or signer in self.confirmed_by


def clean_keep_reason(reason: str | None) -> str | None:
    if reason is None:
        return None
    reason = " ".join(reason.split())
    if not reason:
        return None
    if len(reason) > MAX_REASON:
        raise InputError(f"Keep the reason short (at most {MAX_REASON} characters).")
    if any(ord(ch) < 32 or 0x200B <= ord(ch) <= 0x200F or 0x202A <= ord(ch) <= 0x202E for ch in reason):
        raise InputError("The reason has invisible characters; type it again.")
    return reason


def _keep_reasons(db: Database, report_id: int) -> dict[str, str | None]:
    """For each span uid, the reason of the latest Decide that touched it (None: none given)."""
    reasons: dict[str, str | None] = {}
    for (body,) in db.query("SELECT body FROM review_commands WHERE report_id = ? AND kind = 'decide' "
                            "ORDER BY seq", (report_id,)):
        args = json.loads(body).get("args", {})
        for uid in args.get("span_uids", ()):
            reasons[uid] = args.get("reason") if args.get("decision") == Decision.KEEP else None
    return reasons


def _confirmations(db: Database, report_id: int) -> list[tuple[str, str, frozenset[str]]]:
    """(reviewer, applied_at, span uids) of each ConfirmKeeps on the report."""
    found = []
    for actor, applied_at, body in db.query(
            "SELECT actor, applied_at, body FROM review_commands WHERE report_id = ? AND kind = ? "
            "ORDER BY seq", (report_id, c.ConfirmKeeps.kind)):
        found.append((str(actor), str(applied_at), frozenset(json.loads(body)["args"]["span_uids"])))
    return found


def kept_spans(db: Database, report_id: int) -> list[Kept]:
    """The report's kept spans, each with who kept it, why, and who confirmed it since it last
    changed (applied_at and decided_at are both this database's clock)."""
    reasons = _keep_reasons(db, report_id)
    confirmations = _confirmations(db, report_id)
    kept = []
    for span in load_spans(db, report_id):
        if span.decision != Decision.KEEP:
            continue
        since = span.decided_at or ""
        confirmed = frozenset(who for who, at, uids in confirmations if span.uid in uids and at >= since)
        kept.append(Kept(span.uid, span.field, span.start, span.end, span.label, span.decided_by,
                         reasons.get(span.uid), confirmed))
    return kept


def covering(kept: list[Kept], field: str, start: int, end: int, text: str | None) -> Kept | None:
    """The kept span that covers the words [start, end) of `field` (spaces and punctuation
    at the edges of the finding aside), if any."""
    if text is not None:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
    return next((k for k in kept if k.field == field and k.start <= start and end <= k.end), None)


def confirm_keeps(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.ConfirmKeeps)
    check_editable(ctx.stage)
    spans: dict[str, ReviewSpan] = {s.uid: s for s in load_spans(ctx.db, ctx.report_id)}
    if not command.span_uids:
        raise InputError("Choose a kept suggestion to confirm.")
    for uid in command.span_uids:
        span = spans.get(uid)
        if span is None or span.decision != Decision.KEEP:
            raise InputError("That suggestion is no longer kept; reopen the report.")
    return Effect("review.confirm_keep", {"spans": list(command.span_uids)})


HANDLERS: dict[str, Handler] = {c.ConfirmKeeps.kind: confirm_keeps}
