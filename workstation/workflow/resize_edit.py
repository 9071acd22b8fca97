"""The handler of ResizeSpan (a span widened or narrowed by the reviewer): checked against
the report's stage and text, written like every other span change (undo restores it), and
audited with offsets only. Registered in apply.HANDLERS."""

from __future__ import annotations

from workstation.review import decisions
from workstation.review.report_review import load_report
from workstation.review.resize import plan_resize
from workstation.review.span_store import load_spans
from workstation.stages import check_editable
from workstation.workflow import commands as c
from workstation.workflow.context import Context, Effect, Handler


def resize_span(ctx: Context) -> Effect:
    command = ctx.command
    assert isinstance(command, c.ResizeSpan)
    check_editable(ctx.stage)
    spans = load_spans(ctx.db, ctx.report_id)
    span = next((s for s in spans if s.uid == command.span_uid), None)
    length = len(load_report(ctx.db, ctx.report_id).texts.get(span.field, "")) if span else 0
    changes = plan_resize(spans, command.span_uid, command.start, command.end, length)
    if not changes:
        return Effect("review.resize", noop=True)
    decisions.write_change(ctx.tx, ctx.report_id, changes, ctx.actor)
    before = changes[0].before
    assert before is not None
    return Effect("review.resize", {"spans": [command.span_uid],
                                    "wider": command.start <= before.start and command.end >= before.end},
                  changes=changes)


HANDLERS: dict[str, Handler] = {c.ResizeSpan.kind: resize_span}
