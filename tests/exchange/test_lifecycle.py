"""Partial returns, late returns, an expired assignment with work done, and conflicts
resolved both ways: nothing is lost and nothing is overwritten."""

from __future__ import annotations

import pytest

from tests.helpers.exchange import CAROL, LAPTOP_PASSPHRASES, ThreeDatabases, holding, laptop_id
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, complete_stage1, story
from workstation.errors import InputError
from workstation.exchange.assign import assign
from workstation.exchange.conflicts import conflicts, resolve
from workstation.exchange.laptop import export_return, import_assignment, import_receipt, import_revocation
from workstation.exchange.merge import merge_return
from workstation.exchange.revoke import revoke
from workstation.review.report_review import open_report
from workstation.review.spans import Decision
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.history import history_sha256

DUE = "2099-12-31"
PASS = LAPTOP_PASSPHRASES[CAROL]


def test_partial_then_late_returns_merge_in_order_and_duplicates_are_skipped(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    submission = story(NARRATIVE, ori="TX1234567")
    (report_id,) = three.panel.import_reports(submission)
    assign(coordinator, CAROL, 1, [report_id], DUE, three.file("a.nmwork"))
    import_assignment(carol, three.file("a.nmwork"))
    here = laptop_id(carol, submission["submission_id"])
    actions.start_stage1(carol, here)
    export_return(carol, three.file("1.nmreturn"), PASS)
    merged = merge_return(coordinator, three.file("1.nmreturn"), three.file("1.nmreceipt"))
    assert merged.outcomes == {submission["submission_id"]: "in_progress"} and not merged.late
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1
    with pytest.raises(InputError, match="assigned out"):  # still out: locked here
        actions.set_aside(coordinator, report_id, "duplicate")
    deleted, kept = import_receipt(carol, three.file("1.nmreceipt"))
    assert deleted == [] and kept == [submission["submission_id"]]  # in progress stays
    with pytest.raises(InputError, match="no work to return"):
        export_return(carol, three.file("none.nmreturn"), PASS)

    complete_stage1(carol, three.panel.detector, here)
    actions.sign_stage1(carol, here, PASS, three.panel.detector, low_k_reason=LOW_K_REASON)
    export_return(carol, three.file("2.nmreturn"), PASS)
    # The coordinator's clock is past the due date when the return arrives: merged, flagged late.
    with coordinator.db.transaction() as tx:
        tx.execute("UPDATE work_assignments SET due = '2000-01-01T23:59:59.999999Z'")
    merged = merge_return(coordinator, three.file("2.nmreturn"), three.file("2.nmreceipt"))
    assert merged.late and merged.skipped == 1 and merged.applied > 1
    assert history_sha256(coordinator.db, report_id) == history_sha256(carol.db, here)
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1_SIGNED
    assert coordinator.db.query_one("SELECT late FROM work_packets WHERE packet_id = ?",
                                    (merged.packet_id,))[0] == 1
    import_receipt(carol, three.file("2.nmreceipt"))
    assert holding(carol) == []


def test_an_expired_assignment_returns_its_work_before_anything_is_deleted(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    submission = story(NARRATIVE)
    (report_id,) = three.panel.import_reports(submission)
    assign(coordinator, CAROL, 1, [report_id], DUE, three.file("a.nmwork"))
    import_assignment(carol, three.file("a.nmwork"))
    here = laptop_id(carol, submission["submission_id"])
    actions.start_stage1(carol, here)
    with carol.db.transaction() as tx:  # the due date passes on the laptop
        tx.execute("UPDATE work_holds SET due = '2000-01-01T23:59:59.999999Z'")
    with pytest.raises(InputError, match="was due 2000-01-01"):
        actions.decide(carol, here, [open_report(carol, here).spans[0].id], Decision.REDACT)
    export_return(carol, three.file("e.nmreturn"), PASS, give_back=True)
    merged = merge_return(coordinator, three.file("e.nmreturn"), three.file("e.nmreceipt"))
    assert set(merged.outcomes.values()) == {"given_back"}
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1  # the work done is kept
    actions.set_aside(coordinator, report_id, "duplicate")  # and the report is free here again
    import_receipt(carol, three.file("e.nmreceipt"))
    assert holding(carol) == []


def test_conflicts_are_queued_and_resolved_both_ways(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    first, second = story(NARRATIVE), story(NARRATIVE)
    ids = three.panel.import_reports(first, second)
    assign(coordinator, CAROL, 1, ids, DUE, three.file("a.nmwork"))
    import_assignment(carol, three.file("a.nmwork"))
    for submission in (first, second):
        actions.start_stage1(carol, laptop_id(carol, submission["submission_id"]))
    # The coordinator takes both back; carol's work was not returned yet, so the notice waits.
    revoke(coordinator, ids, three.file("n.nmrevoke"))
    with pytest.raises(InputError, match="write a return first"):
        import_revocation(carol, three.file("n.nmrevoke"))
    actions.start_stage1(coordinator, ids[1])  # staff work on the second meanwhile
    export_return(carol, three.file("c.nmreturn"), PASS)
    merged = merge_return(coordinator, three.file("c.nmreturn"), three.file("c.nmreceipt"))
    assert set(merged.outcomes.values()) == {"conflict"} and merged.applied == 0
    assert report_stage(coordinator.db, ids[0]) == Stage.RECEIVED  # nothing overwritten
    queued = conflicts(coordinator)
    assert [c.report_id for c in queued] == ids
    assert [c["kind"] for c in queued[1].ours] == ["start_stage1"]  # both sides shown
    assert queued[1].theirs[0]["kind"] == "start_stage1"
    resolve(coordinator, queued[0].id, apply=True)
    assert report_stage(coordinator.db, ids[0]) == Stage.STAGE1
    with pytest.raises(InputError, match="Say why"):
        resolve(coordinator, queued[1].id, apply=False, reason="")
    resolve(coordinator, queued[1].id, apply=False, reason="staff started it here already")
    assert conflicts(coordinator) == []
    assert [c.resolution for c in conflicts(coordinator, open_only=False)] == ["applied", "discarded"]
    import_receipt(carol, three.file("c.nmreceipt"))  # the coordinator holds it all: deleted here
    assert holding(carol) == []
