"""The re-identification check on a reviewer laptop counts from the table the coordinator
sends in the assignment packet (version 2): the same figure and proposals as the
coordinator's whole database gives; counts only; replaced by each packet, gone with the
last report of its month; a version-1 assignment and malformed counts are refused."""

from __future__ import annotations

import json

from tests.helpers.exchange import (
    CAROL,
    LAPTOP_PASSPHRASES,
    ThreeDatabases,
    holding,
    laptop_id,
    refused,
    reseal,
)
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, complete_stage1, story
from workstation.exchange import container, enrolment
from workstation.exchange.assign import assign
from workstation.exchange.laptop import export_return, import_assignment, import_receipt
from workstation.exchange.merge import merge_return
from workstation.intake.trust import workstation_recipient
from workstation.review.structured import QUASI_FIELDS
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.disclosure_check import DATABASE, PACKET, check_report

DUE = "2099-12-31"
FIELDS = {"role_rank": "k9_handler", "years_of_service": "15_to_19", "agency_type": "sheriff",
          "agency_size": "1_to_10", "time_of_day": "1800_2359", "officers_on_scene": 3,
          "incident_date": "2026-02-27"}
ROLES = ("patrol_officer", "field_training_officer", "k9_handler", "detective_investigator",
         "detective_investigator", "tactical_team")


def test_the_laptop_counts_what_the_coordinator_counts(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    others = three.panel.import_reports(*[story(NARRATIVE, **{**FIELDS, "role_rank": r}) for r in ROLES],
                                        story(NARRATIVE, **{**FIELDS, "incident_date": "2026-03-02"}))
    with coordinator.db.transaction() as tx:  # approved and published reports of that month and the next
        tx.executemany("UPDATE reports SET stage = ? WHERE id = ?",
                       [(Stage.APPROVED.value if i % 2 else Stage.PUBLISHED.value, r)
                        for i, r in enumerate(others)])
        tx.execute("INSERT INTO meta(key, value) VALUES ('disclosure_k', '4')")
    target, twin = (story(NARRATIVE, **FIELDS), story(NARRATIVE, **FIELDS))
    target_id, twin_id = three.panel.import_reports(target, twin)
    assign(coordinator, CAROL, 1, [target_id], DUE, three.file("a.nmwork"))
    import_assignment(carol, three.file("a.nmwork"))
    here = laptop_id(carol, target["submission_id"])

    # The same choices on the laptop's report and on its twin at the coordinator (not assigned).
    for choices in ({}, {"role_rank": "publish"}, {"role_rank": "publish", "agency_type": "publish"},
                    {"role_rank": "generalise"}):
        for field, choice in choices.items():
            actions.set_disclosure(carol, here, field, choice)
            actions.set_disclosure(coordinator, twin_id, field, choice)
        on_laptop, at_coordinator = check_report(carol.db, here), check_report(coordinator.db, twin_id)
        assert (on_laptop.matching, on_laptop.k, on_laptop.proposal) == \
            (at_coordinator.matching, at_coordinator.k, at_coordinator.proposal)
        assert on_laptop.counted_from == PACKET and at_coordinator.counted_from == DATABASE
        assert on_laptop.counts_as_of is not None and at_coordinator.counts_as_of is None
    assert check_report(carol.db, here).k == 4  # the panel's k travels with the counts
    figures = [check_report(carol.db, here).matching]
    actions.set_disclosure(carol, here, "role_rank", "publish")
    figures.append(check_report(carol.db, here).matching)
    assert figures == [5, 2]  # generalised: the 4 specialists and it; published: the other K-9 handler and it

    # Counts only: per month, combinations of the reporters' codes and how many gave them.
    months = [m for (m,) in carol.db.query("SELECT month FROM disclosure_count_months")]
    assert months == ["2026-02"]  # the month of the assigned report only
    rows = carol.db.query("SELECT combination, reports FROM disclosure_counts")
    assert sum(n for _, n in rows) == len(ROLES) and len(rows) == len(ROLES) - 1
    for combination, _ in rows:
        assert set(json.loads(combination)) <= set(QUASI_FIELDS)
    assert NARRATIVE[:20] not in " ".join(c for c, _ in rows)

    # Signed on the laptop below k with a reason: the reason travels as its own command and the
    # merge does not count again (the signer saw the laptop's figure).
    actions.start_stage1(carol, here)
    complete_stage1(carol, three.panel.detector, here)
    actions.sign_stage1(carol, here, LAPTOP_PASSPHRASES[CAROL], three.panel.detector,
                        low_k_reason=LOW_K_REASON)
    export_return(carol, three.file("1.nmreturn"), LAPTOP_PASSPHRASES[CAROL])
    merge_return(coordinator, three.file("1.nmreturn"), three.file("1.nmreceipt"))
    assert report_stage(coordinator.db, target_id) == Stage.STAGE1_SIGNED
    assert check_report(coordinator.db, target_id).acknowledged
    import_receipt(carol, three.file("1.nmreceipt"))
    assert holding(carol) == []  # the month's counts went with its last report


def test_old_assignments_and_malformed_counts_are_refused(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    (report_id,) = three.panel.import_reports(story(NARRATIVE, **FIELDS))
    work = three.file("a.nmwork")
    assign(coordinator, CAROL, 1, [report_id], DUE, work)
    data = work.read_bytes()
    seed = enrolment.coordinator_seed(coordinator)
    bad = three.file("bad.nmwork")

    def old(document: dict) -> None:
        document["version"] = 1
        del document["body"]["disclosure"]

    bad.write_bytes(reseal(data, carol, seed=seed, edit=old))
    refused(carol, lambda: import_assignment(carol, bad), "version-1 assignment from an older coordinator")
    for broken in ({"k": 5}, {"k": 1, "as_of": "x", "months": {}},
                   {"k": 5, "as_of": "x", "months": {"Feb 2026": []}},
                   {"k": 5, "as_of": "x", "months": {"2026-02": [[{"narrative": "My partner"}, 1]]}},
                   {"k": 5, "as_of": "x", "months": {"2026-02": [[{"role_rank": "Dave Reyes"}, 1]]}},
                   {"k": 5, "as_of": "x", "months": {"2026-02": [[{"role_rank": "k9_handler"}, 0]]}}):
        def edit(document: dict, broken: dict = broken) -> None:
            document["body"]["disclosure"] = broken

        bad.write_bytes(reseal(data, carol, seed=seed, edit=edit))
        refused(carol, lambda: import_assignment(carol, bad), "counts for the re-identification check")
    # A version-1 return, receipt or revocation is still read (their bodies did not change).
    assert container.READS["receipt"] == (1, 2)
    _, receipt = container.seal("receipt", {}, seed=seed, recipient=workstation_recipient(carol.db),
                                assignment_id=container.new_id(), version=1)
    assert receipt
    import_assignment(carol, work)
    assert carol.db.query_one("SELECT count(*) FROM disclosure_count_months")[0] == 1
