"""Every bad packet gets one clear message and leaves both databases as they were."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exchange import (
    CAROL,
    DAVE,
    LAPTOP_PASSPHRASES,
    ThreeDatabases,
    laptop_id,
    make_laptop,
    refused,
    reseal,
    state,
)
from tests.helpers.intake import write
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, complete_stage1, story
from workstation.errors import InputError
from workstation.exchange import container, enrolment
from workstation.exchange.assign import assign
from workstation.exchange.container import PacketRefused, open_packet, seal
from workstation.exchange.laptop import export_return, import_assignment, import_receipt
from workstation.exchange.merge import CRASH_ENV, merge_return
from workstation.intake.bundle_format import BundleRejected
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key, workstation_identity, workstation_recipient
from workstation.keys import signing
from workstation.session import unlock
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.history import history_sha256

DUE = "2099-12-31"


def test_bad_assignments_are_refused_and_change_nothing(three: ThreeDatabases) -> None:
    coordinator, carol, dave = three.coordinator, three.laptops[CAROL], three.laptops[DAVE]
    (report_id,) = three.panel.import_reports(story(NARRATIVE))
    work = three.file("a.nmwork")
    assign(coordinator, CAROL, 1, [report_id], DUE, work)
    data = work.read_bytes()
    refused(dave, lambda: import_assignment(dave, work), "wrong recipient")
    bad = three.file("bad.nmwork")
    bad.write_bytes(data[: len(data) // 2])
    refused(carol, lambda: import_assignment(carol, bad), "damaged or truncated")
    bad.write_bytes(b"PK\x03\x04 not a packet")
    refused(carol, lambda: import_assignment(carol, bad), "not an age-encrypted")
    bad.write_bytes(reseal(data, carol, flip=True))
    refused(carol, lambda: import_assignment(carol, bad), "signature does not verify")
    stranger = signing.new_signing_seed()
    bad.write_bytes(reseal(data, carol, seed=stranger))
    refused(carol, lambda: import_assignment(carol, bad), "coordinator this laptop does not trust")
    seed = enrolment.coordinator_seed(coordinator)
    bad.write_bytes(seal("assignment", {}, seed=seed, recipient=workstation_recipient(carol.db),
                         assignment_id=container.new_id(), version=3)[1])
    refused(carol, lambda: import_assignment(carol, bad), "version is 3")
    bad.write_bytes(seal("receipt", {}, seed=seed, recipient=workstation_recipient(carol.db),
                         assignment_id=container.new_id())[1])
    refused(carol, lambda: import_assignment(carol, bad), "not a assignment|'receipt' packet")
    # The signer the packet names must be the key that signed it.
    _, receipt = seal("receipt", {}, seed=seed, recipient=workstation_recipient(carol.db),
                   assignment_id=container.new_id())
    other = signing.public_key_of(signing.new_signing_seed())
    def rename(document: dict) -> None:
        document["signer"] = container.key_text(other)
    forged = reseal(receipt, carol, seed=seed, edit=rename)
    with pytest.raises(PacketRefused, match="not the key that signed it"):
        open_packet(forged, identity=workstation_identity(carol.db), kind="receipt",
                    signers=[signing.public_key_of(seed)])
    import_assignment(carol, work)
    refused(carol, lambda: import_assignment(carol, work), "taken in before")
    # Stage 2 never goes to the stage-1 signer; an incident is never split.
    refused(coordinator, lambda: assign(coordinator, DAVE, 1, [report_id], DUE, three.file("b.nmwork")),
            "already assigned out to carol")
    assert not three.file("b.nmwork").exists()


def test_bad_enrolments_are_refused(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    again = three.file("again.enrol")
    printed = enrolment.write_enrolment(carol, again, LAPTOP_PASSPHRASES[CAROL])
    refused(coordinator, lambda: enrolment.enrol(coordinator, again, "0" * 20), "fingerprint does not match")
    text = again.read_text().replace('"display_name": "Carol"', '"display_name": "Mallory"')
    again.write_text(text)
    refused(coordinator, lambda: enrolment.enrol(coordinator, again, printed), "signature does not verify")
    # A reviewer's laptop never imports intake bundles (nor writes a coordinator's files).
    ctx = three.panel.bench.ctx
    bundle = write(three.folder, make_bundle([story("A quiet night on patrol.")], signing_key=ctx.signing_key,
                                         recipient=workstation_recipient(carol.db)), "b.nmbundle")
    trust_intake_key(carol, public_bytes(ctx.signing_key), label="intake")  # else refused for that
    before = carol.db.query_one("SELECT count(*) FROM audit")[0]
    with pytest.raises(BundleRejected, match="coordinator's workstation"):
        import_bundle(carol, bundle)
    assert carol.db.query_one("SELECT count(*) FROM audit")[0] == before
    other = three.file("alice.enrol")
    with pytest.raises(InputError, match="done on a reviewer's laptop"):
        enrolment.write_enrolment(coordinator, other, ALICE_PASSPHRASE)


def _signed_on_carol(three: ThreeDatabases) -> tuple[int, int]:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    submission = story(NARRATIVE, ori="TX1234567")
    (report_id,) = three.panel.import_reports(submission)
    assign(coordinator, CAROL, 1, [report_id], DUE, three.file("s1.nmwork"))
    import_assignment(carol, three.file("s1.nmwork"))
    here = laptop_id(carol, submission["submission_id"])
    actions.start_stage1(carol, here)
    complete_stage1(carol, three.panel.detector, here)
    actions.sign_stage1(carol, here, LAPTOP_PASSPHRASES[CAROL], three.panel.detector,
                        low_k_reason=LOW_K_REASON)
    export_return(carol, three.file("s1.nmreturn"), LAPTOP_PASSPHRASES[CAROL])
    return report_id, here


def test_bad_returns_are_refused_whole_and_a_good_one_merges_once(three: ThreeDatabases) -> None:
    coordinator, carol = three.coordinator, three.laptops[CAROL]
    report_id, _ = _signed_on_carol(three)
    good = three.file("s1.nmreturn").read_bytes()
    receipt = three.file("r.nmreceipt")
    bad = three.file("bad.nmreturn")
    seed = carol.signing_seed(LAPTOP_PASSPHRASES[CAROL])

    def flip_signoff(document: dict) -> None:
        for command in document["body"]["reports"][0]["commands"]:
            if command["kind"] == "sign_stage1":
                sig = bytes.fromhex(command["args"]["signature"])
                command["args"]["signature"] = (bytes([sig[0] ^ 1]) + sig[1:]).hex()

    bad.write_bytes(reseal(good, coordinator, seed=seed, edit=flip_signoff))
    refused(coordinator, lambda: merge_return(coordinator, bad, receipt), "does not verify")
    def other_actor(document: dict) -> None:
        document["body"]["reports"][0]["commands"][1]["actor"]["name"] = ALICE
    bad.write_bytes(reseal(good, coordinator, seed=seed, edit=other_actor))
    refused(coordinator, lambda: merge_return(coordinator, bad, receipt), "another reviewer")
    def forged_evidence(document: dict) -> None:
        document["body"]["reports"][0]["evidence"][0]["payload"]["x"] = 1
    bad.write_bytes(reseal(good, coordinator, seed=seed, edit=forged_evidence))
    refused(coordinator, lambda: merge_return(coordinator, bad, receipt), "audit entry does not verify")
    bad.write_bytes(reseal(good, coordinator, seed=signing.new_signing_seed()))
    refused(coordinator, lambda: merge_return(coordinator, bad, receipt), "not enrolled, or whose key")
    assert not receipt.exists()
    seed[:] = bytes(32)

    merged = merge_return(coordinator, three.file("s1.nmreturn"), receipt)
    assert merged.outcomes and set(merged.outcomes.values()) == {"done"}
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1_SIGNED
    refused(coordinator, lambda: merge_return(coordinator, three.file("s1.nmreturn"), three.file("r2")),
            "merged before")
    import_receipt(carol, receipt)
    refused(carol, lambda: import_receipt(carol, receipt), "taken in before")
    # Merging again wrote the same receipt again (for one that was lost): it deletes nothing more.
    assert import_receipt(carol, three.file("r2")) == ([], [])
    refused(coordinator, lambda: assign(coordinator, CAROL, 2, [report_id], DUE, three.file("x.nmwork")),
            "never assigned to carol")


def test_kill_9_during_a_merge_leaves_nothing_merged(three: ThreeDatabases) -> None:
    coordinator = three.coordinator
    report_id, _ = _signed_on_carol(three)
    path = coordinator.path
    before, history = state(coordinator), history_sha256(coordinator.db, report_id)
    coordinator.lock()
    secret = three.file("alice.pass")
    secret.write_text(ALICE_PASSPHRASE + "\n")
    command = [sys.executable, "-m", "workstation", "returns", "import", str(three.file("s1.nmreturn")),
               "--receipt-out", str(three.file("r.nmreceipt")), "--db", str(path), "--reviewer", ALICE,
               "--passphrase-file", str(secret)]
    killed = subprocess.run(command, env={**os.environ, CRASH_ENV: "recorded"}, capture_output=True,
                            timeout=120, check=False)
    assert killed.returncode == -9
    three.panel.bench.session = unlock(path, ALICE, ALICE_PASSPHRASE)
    coordinator = three.panel.bench.session
    after = state(coordinator)
    assert after[1:] == before[1:] and history_sha256(coordinator.db, report_id) == history
    assert not three.file("r.nmreceipt").exists()
    merge_return(coordinator, three.file("s1.nmreturn"), three.file("r.nmreceipt"))
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1_SIGNED


def test_an_incident_travels_whole_and_is_never_split(three: ThreeDatabases) -> None:
    coordinator = three.coordinator
    first, second, third = three.panel.import_reports(story(NARRATIVE), story(NARRATIVE), story(NARRATIVE))
    actions.link_reports(coordinator, first, [second])
    made = assign(coordinator, CAROL, 1, [first, third], DUE, three.file("a.nmwork"))
    assert made.report_ids == (first, second, third) and made.added == (second,)
    refused(coordinator, lambda: assign(coordinator, DAVE, 1, [second], DUE, three.file("b.nmwork")),
            "already assigned out to carol")
    # Out on a laptop, a report is locked here until its return is merged or it is revoked.
    refused(coordinator, lambda: actions.start_stage1(coordinator, third), "assigned out")
    # Nor may staff link a report held here with one out there (its placeholders would change).
    (fourth,) = three.panel.import_reports(story(NARRATIVE))
    refused(coordinator, lambda: actions.link_reports(coordinator, fourth, [third]), "assigned out")
    refused(coordinator, lambda: actions.link_reports(coordinator, fourth, [first]), "assigned out")


def test_a_return_signed_by_a_retired_laptop_key_is_refused(three: ThreeDatabases) -> None:
    coordinator = three.coordinator
    _signed_on_carol(three)
    replacement = make_laptop(three.folder / "new", CAROL)  # carol's new laptop: the old key retires
    try:
        enrol_file = three.file("new.enrol")
        enrolment.enrol(coordinator, enrol_file,
                        enrolment.write_enrolment(replacement, enrol_file, LAPTOP_PASSPHRASES[CAROL]))
    finally:
        replacement.lock()
    refused(coordinator, lambda: merge_return(coordinator, three.file("s1.nmreturn"), three.file("r")),
            "not enrolled, or whose key")
