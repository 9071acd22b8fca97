"""The whole panel through packets only: intake on the coordinator, stage 1 on carol's
laptop, stage 2 on dave's with a change, back to carol, dave approves, publication."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.databases import ALICE_PASSPHRASE
from tests.helpers.exchange import CAROL, DAVE, LAPTOP_PASSPHRASES, ThreeDatabases, holding, laptop_id
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, complete_stage1, story
from workstation.exchange.assign import assign
from workstation.exchange.laptop import export_return, import_assignment, import_receipt
from workstation.exchange.merge import merge_return
from workstation.export.publication import export_publication
from workstation.review.report_review import open_report
from workstation.session import Session
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.history import history_sha256
from workstation.workflow.verification import verify_everything

DUE = "2099-12-31"


def rows_of(session: Session, submission_ids: list[str]) -> list[str]:
    """Every table (the search index included) that still holds something of these reports."""
    db = session.db
    left = []
    marks = ",".join("?" * len(submission_ids))
    ids = [r[0] for r in db.query(f"SELECT id FROM reports WHERE submission_id IN ({marks})", submission_ids)]
    if ids:
        left.append("reports")
    for (table,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        columns = [c[1] for c in db.query(f'PRAGMA table_info("{table}")')]
        if table == "audit" or table.startswith("report_search"):
            continue
        for column in columns:
            where = f'CAST("{column}" AS TEXT) IN ({marks})'
            found = db.query_one(f'SELECT count(*) FROM "{table}" WHERE {where}', submission_ids)[0]
            if found:
                left.append(f"{table}.{column}")
    return left


def search_hits(session: Session, word: str) -> int:
    return session.db.query_one("SELECT count(*) FROM report_search WHERE report_search MATCH ?", (word,))[0]


def round_trip(three: ThreeDatabases, name: str, tag: str) -> Path:
    """The laptop returns its work, the coordinator merges it, the laptop takes the receipt."""
    laptop = three.laptops[name]
    returned = three.file(f"{tag}.nmreturn")
    export_return(laptop, returned, LAPTOP_PASSPHRASES[name])
    receipt = three.file(f"{tag}.nmreceipt")
    merge_return(three.coordinator, returned, receipt)
    import_receipt(laptop, receipt)
    return returned


def test_a_whole_panel_through_packets_only(three: ThreeDatabases) -> None:
    panel, coordinator = three.panel, three.coordinator
    submission = story(NARRATIVE, ori="TX1234567")
    (report_id,) = panel.import_reports(submission)
    sid = submission["submission_id"]
    carol, dave = three.laptops[CAROL], three.laptops[DAVE]

    # Stage 1 on carol's laptop.
    assign(coordinator, CAROL, 1, [report_id], DUE, three.file("s1.nmwork"))
    import_assignment(carol, three.file("s1.nmwork"))
    here = laptop_id(carol, sid)
    assert history_sha256(carol.db, here) == history_sha256(coordinator.db, report_id)
    actions.start_stage1(carol, here)
    complete_stage1(carol, panel.detector, here)
    actions.sign_stage1(carol, here, LAPTOP_PASSPHRASES[CAROL], panel.detector, low_k_reason=LOW_K_REASON)
    round_trip(three, CAROL, "s1")
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1_SIGNED
    assert rows_of(carol, [sid]) == [] and search_hits(carol, "Okafor") == 0

    # Stage 2 on dave's laptop: a change, so it goes back to stage 1.
    assign(coordinator, DAVE, 2, [report_id], DUE, three.file("s2.nmwork"))
    import_assignment(dave, three.file("s2.nmwork"))
    here = laptop_id(dave, sid)
    actions.start_stage2(dave, here)
    span = next(s for s in open_report(dave, here).spans if s.label == "PERSON")
    actions.relabel(dave, here, [span.id], "ID")
    actions.return_to_stage1(dave, here, "Please treat the name as an id number", LAPTOP_PASSPHRASES[DAVE])
    round_trip(three, DAVE, "s2")
    assert report_stage(coordinator.db, report_id) == Stage.RETURNED

    # Back to carol, who signs again; then dave approves.
    assign(coordinator, CAROL, 1, [report_id], DUE, three.file("s1b.nmwork"))
    import_assignment(carol, three.file("s1b.nmwork"))
    here = laptop_id(carol, sid)
    actions.start_stage1(carol, here)
    actions.sign_stage1(carol, here, LAPTOP_PASSPHRASES[CAROL], panel.detector, low_k_reason=LOW_K_REASON)
    round_trip(three, CAROL, "s1b")
    assign(coordinator, DAVE, 2, [report_id], DUE, three.file("s2b.nmwork"))
    import_assignment(dave, three.file("s2b.nmwork"))
    here = laptop_id(dave, sid)
    actions.start_stage2(dave, here)
    actions.approve(dave, here, LAPTOP_PASSPHRASES[DAVE], panel.detector, low_k_reason=LOW_K_REASON)
    round_trip(three, DAVE, "s2b")
    assert report_stage(coordinator.db, report_id) == Stage.APPROVED

    export_publication(coordinator, three.file("publication"), ALICE_PASSPHRASE)
    assert report_stage(coordinator.db, report_id) == Stage.PUBLISHED

    for session in (coordinator, carol, dave):
        assert verify_everything(session.db).lines() and verify_everything(session.db).chain.intact
        assert verify_everything(session.db).signature_problems == ()
    assert verify_everything(coordinator.db).intact
    for laptop in (carol, dave):
        assert rows_of(laptop, [sid]) == [] and holding(laptop) == []
        assert search_hits(laptop, "Okafor") == 0
        assert laptop.db.query_one("PRAGMA secure_delete")[0] == 1
        assert verify_everything(laptop.db).intact  # sign-offs deleted after a receipt are excused
