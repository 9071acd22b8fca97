"""Signing below k needs a written reason (issue 18 §1): refused without one, nothing written;
with one, an audited acknowledgement and then the sign-off; the acknowledgement holds for
the content it was given for only; the CLI's `review apply --low-k-reason`; and the
publication batch leaves out a report below k with no reason on record. Real database,
real bundles, real detector, real signatures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from workstation.audit import chain
from workstation.cli.main import main
from workstation.errors import AuthenticationError, ExitCode, InputError, SigningRefused
from workstation.export import publication
from workstation.session import unlock
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow import commands as c
from workstation.workflow.disclosure_check import DATABASE, acknowledged
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import signoffs

FIELDS = {"role_rank": "k9_handler", "years_of_service": "15_to_19", "agency_type": "sheriff",
          "agency_size": "1_to_10", "time_of_day": "1800_2359", "officers_on_scene": 3,
          "incident_date": "2026-02-27"}


def written(session) -> tuple[int, ...]:
    db = session.db
    return (db.query_one("SELECT count(*) FROM audit WHERE action NOT LIKE 'session.%'")[0],
            db.query_one("SELECT count(*) FROM signoffs")[0],
            db.query_one("SELECT count(*) FROM disclosure_acknowledgements")[0],
            db.query_one("SELECT count(*) FROM review_commands")[0])


def ready(panel: Panel, **fields: object) -> int:
    (report_id,) = panel.import_reports(story(NARRATIVE, **{**FIELDS, **fields}))
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    return report_id


def approved_alike(panel: Panel, count: int, **fields: object) -> list[int]:
    """`count` other reports of the same month and fields, already through both stages (their
    stage set directly: only the count of approved reports matters here)."""
    ids = panel.import_reports(*[story(NARRATIVE, **{**FIELDS, **fields}) for _ in range(count)])
    with panel.as_(ALICE).db.transaction() as tx:
        tx.executemany("UPDATE reports SET stage = ? WHERE id = ?", [(Stage.APPROVED.value, r) for r in ids])
    return ids


def test_signing_below_k_without_a_reason_is_refused_and_writes_nothing(panel: Panel) -> None:
    report_id = ready(panel)
    alice = panel.as_(ALICE)
    check = actions.disclosure_for_signing(alice, report_id)
    assert (check.matching, check.k, check.below_k, check.acknowledged, check.needs_reason) == \
        (1, 5, True, False, True)
    assert check.counted_from == DATABASE and check.counts_as_of is None
    before = written(alice)
    for reason in (None, "", "   "):
        with pytest.raises(SigningRefused) as refused:
            actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=reason)
        assert refused.value.low_k == check
        assert refused.value.problems == (f"{check.in_words()} Give a written reason to sign below k",)
        assert "Only 1 report (this one) shares" in refused.value.message
    assert written(alice) == before and report_stage(alice.db, report_id) == Stage.STAGE1
    with pytest.raises(InputError, match="a few words at least"):  # a reason of a word is none
        actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason="ok")
    with pytest.raises(AuthenticationError):  # the passphrase is checked before the reason is kept
        actions.sign_stage1(alice, report_id, "not my passphrase at all", panel.detector,
                            low_k_reason=LOW_K_REASON)
    assert written(alice) == before
    # Other problems and k are told together; `low_k` says the k check is among them.
    other = panel.import_reports(story(NARRATIVE, **FIELDS))[0]
    actions.start_stage1(alice, other)
    with pytest.raises(SigningRefused) as refused:
        actions.sign_stage1(alice, other, ALICE_PASSPHRASE, panel.detector)
    assert refused.value.low_k is not None and len(refused.value.problems) > 1
    with pytest.raises(SigningRefused) as refused:  # a reason does not sign past other problems
        actions.sign_stage1(alice, other, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert refused.value.low_k is None and not acknowledged(
        alice.db, other, content_sha256(publishable_content(alice.db, other)))


def test_a_reason_is_recorded_and_audited_then_both_stages_sign(panel: Panel) -> None:
    report_id = ready(panel)
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    first = actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector,
                                low_k_reason="  The handler's unit is   large enough; nothing else points. ")
    actions_after = [(e.action, e.payload) for e in chain.entries(alice.db)[-3:]]
    assert actions_after[0] == ("disclosure.acknowledge_low_k", {"matching": 1, "k": 5})
    assert ("signoff.sign", first.id) in [(a, p.get("signoff")) for a, p in actions_after[1:]]
    content = content_sha256(publishable_content(alice.db, report_id))
    assert first.content_sha256 == content
    row = alice.db.query_one("SELECT reason, acknowledged_by, matching, k FROM disclosure_acknowledgements "
                             "WHERE report_id = ? AND content_sha256 = ?", (report_id, content))
    assert tuple(row) == ("The handler's unit is large enough; nothing else points.", ALICE, 1, 5)
    kinds = [json.loads(b)["kind"] for (b,) in alice.db.query(
        "SELECT body FROM review_commands WHERE report_id = ? ORDER BY seq", (report_id,))]
    assert kinds[-2:] == [c.AcknowledgeLowK.kind, c.SignStage1.kind]  # the sign-off covers the reason
    # Stage 2 approves the same content: the reason on record holds, none is asked again.
    actions.start_stage2(bob, report_id)
    check = actions.disclosure_for_signing(bob, report_id)
    assert check.below_k and check.acknowledged and not check.needs_reason
    approval = actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector)
    assert approval.decision == "approved"
    assert "disclosure.acknowledge_low_k" not in [e.action for e in chain.entries(bob.db)[-3:]]
    assert bob.db.query_one("SELECT count(*) FROM disclosure_acknowledgements")[0] == 1
    assert chain.verify(alice.db).intact


def test_the_reason_holds_for_its_content_only(panel: Panel) -> None:
    report_id = ready(panel)
    alice = panel.as_(ALICE)
    actions.acknowledge_low_k(alice, report_id, LOW_K_REASON)
    assert actions.disclosure_for_signing(alice, report_id).acknowledged
    actions.set_disclosure(alice, report_id, "role_rank", "publish")  # other content now
    check = actions.disclosure_for_signing(alice, report_id)
    assert check.below_k and not check.acknowledged and check.needs_reason
    with pytest.raises(SigningRefused) as refused:
        actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector)
    assert refused.value.low_k == check
    actions.set_disclosure(alice, report_id, "role_rank", "withhold")  # back to what was acknowledged
    assert actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector).decision == "signed"


def test_at_k_no_reason_is_asked(panel: Panel) -> None:
    approved_alike(panel, 4)
    report_id = ready(panel)
    alice = panel.as_(ALICE)
    check = actions.disclosure_for_signing(alice, report_id)
    assert (check.matching, check.below_k, check.needs_reason) == (5, False, False)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    assert alice.db.query_one("SELECT count(*) FROM disclosure_acknowledgements")[0] == 0  # not needed


def test_the_cli_signs_below_k_only_with_low_k_reason(panel: Panel, tmp_path: Path) -> None:
    report_id = ready(panel)
    alice = panel.as_(ALICE)
    unsigned = c.SignStage1(report=actions.submission_id(alice.db, report_id),
                            actor=actions.local_actor(alice), statement="", signature="")
    commands = tmp_path / "sign.jsonl"
    commands.write_text(json.dumps(unsigned.to_dict()) + "\n")
    secret = tmp_path / "alice.pass"
    secret.write_text(ALICE_PASSPHRASE + "\n")
    path = panel.bench.session.path
    panel.lock()

    def cli(*extra: str) -> int:
        return main(["review", "apply", "--report", str(report_id), str(commands), *extra, "--db", str(path),
                     "--reviewer", ALICE, "--passphrase-file", str(secret)])

    assert cli() == ExitCode.INPUT
    assert cli("--low-k-reason", "Only the month and night are published.") == ExitCode.OK
    alice = unlock(path, ALICE, ALICE_PASSPHRASE)
    try:
        assert report_stage(alice.db, report_id) == Stage.STAGE1_SIGNED
        content = content_sha256(publishable_content(alice.db, report_id))
        assert acknowledged(alice.db, report_id, content)
        assert [s.decision for s in signoffs(alice.db, report_id)] == ["signed"]
    finally:
        alice.lock()


def test_the_publication_batch_leaves_out_a_report_below_k_with_no_reason(panel: Panel,
                                                                           tmp_path: Path) -> None:
    alike = approved_alike(panel, 4)
    at_k = ready(panel)
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.sign_stage1(alice, at_k, ALICE_PASSPHRASE, panel.detector)  # 5 share it: no reason needed
    actions.start_stage2(bob, at_k)
    actions.approve(bob, at_k, BOB_PASSPHRASE, panel.detector)
    below = ready(panel, agency_size="1000_plus", incident_date="2025-07-04")  # alone in its month
    actions.sign_stage1(alice, below, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, below)
    actions.approve(bob, below, BOB_PASSPHRASE, panel.detector)
    with alice.db.transaction() as tx:  # the look-alikes were never approved after all
        tx.executemany("UPDATE reports SET stage = ? WHERE id = ?",
                       [(Stage.RECEIVED.value, r) for r in alike])
    assert actions.disclosure_for_signing(alice, at_k).needs_reason
    result = publication.export_publication(alice, tmp_path / "library", ALICE_PASSPHRASE)
    assert list(result.publications) == [below]  # a reason is on record for its content
    assert [item.report_id for item in result.left_out] == [at_k]
    assert "only 1 approved or published report (it included)" in result.left_out[0].reason
    assert "no written reason" in result.left_out[0].reason
    assert report_stage(alice.db, at_k) == Stage.APPROVED
    # Alone, it refuses the whole batch, naming it.
    with pytest.raises(publication.NothingPublishable, match=f"Report {at_k}: only 1 approved"):
        publication.export_publication(alice, tmp_path / "library-2", ALICE_PASSPHRASE)
    # A reason recorded for the approved content (no re-signing: the content is the same) lets it go.
    actions.acknowledge_low_k(alice, at_k, LOW_K_REASON)
    assert list(publication.export_publication(alice, tmp_path / "library-3",
                                               ALICE_PASSPHRASE).publications) == [at_k]


def test_a_reason_too_short_in_a_command_is_refused_in_the_words_of_k(panel: Panel) -> None:
    """The command itself (as it arrives merged from a laptop, not only through the signing
    dialog) refuses a reason of a word with the k wording, and writes nothing."""
    report_id = ready(panel)
    alice = panel.as_(ALICE)
    before = written(alice)
    with pytest.raises(InputError, match="fewer than k reports share its details") as refused:
        actions.acknowledge_low_k(alice, report_id, "ok")
    assert "not an identifier" not in refused.value.message
    assert written(alice) == before
    actions.acknowledge_low_k(alice, report_id, LOW_K_REASON)
    assert acknowledged(alice.db, report_id, content_sha256(publishable_content(alice.db, report_id)))
