"""Review commands made on one database replay exactly on another through `apply`, are
applied once, all or nothing, and a signed command is checked, never signed again.

Two real encrypted databases (copies of one workstation: the same roster and keys) import
the same real bundle file; the report goes through both stages on the first through
`workstation.workflow.actions` (what the review view's keys and the Workflow menu call),
its history is exported with `workstation review history` and replayed on the second with
`workstation review apply`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import rfc8785

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE, Workstation
from tests.helpers.intake import write
from tests.helpers.stories import LOW_K_REASON, NARRATIVE, Panel, complete_stage1, story
from workstation.audit import chain
from workstation.cli.main import main
from workstation.errors import DuplicateCommand, ExitCode, InputError, SignatureInvalid
from workstation.intake.bundle_writer import make_bundle
from workstation.intake.importer import import_bundle
from workstation.intake.intake_keys import public_bytes
from workstation.intake.trust import trust_intake_key
from workstation.keys.keyfile import keyfile_path_for
from workstation.review.report_review import open_report
from workstation.session import Session, unlock
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow import commands as c
from workstation.workflow.apply import apply
from workstation.workflow.history import history_sha256, report_commands
from workstation.workflow.publishable import content_sha256, publishable_content
from workstation.workflow.signoff import signoffs, verify_signoffs


def state(session: Session, report_id: int) -> tuple[object, ...]:
    """Everything a refused command must leave as it was (unlocking adds audit entries of
    its own, so the audit is counted without them)."""
    db = session.db
    audited = db.query_one("SELECT count(*) FROM audit WHERE action NOT LIKE 'session.%'")[0]
    return (audited, history_sha256(db, report_id), report_stage(db, report_id),
            content_sha256(publishable_content(db, report_id)), len(signoffs(db, report_id)))


@dataclass
class Twins:
    panel: Panel
    first_id: int  # the report in the panel's database
    second_path: Path
    second_id: int  # the same report in the second database
    folder: Path

    def cli(self, *args: str, db: Path | None = None) -> int:
        secret = self.folder / "alice.pass"
        secret.write_text(ALICE_PASSPHRASE + "\n")
        return main([*args, "--db", str(db or self.second_path), "--reviewer", ALICE,
                     "--passphrase-file", str(secret)])

    def second(self) -> Session:
        return unlock(self.second_path, ALICE, ALICE_PASSPHRASE)


@pytest.fixture
def twins(panel: Panel, template_workstation: Workstation, tmp_path: Path) -> Iterator[Twins]:
    submission = story(NARRATIVE, ori="TX1234567")
    bundle = write(tmp_path, make_bundle([submission], signing_key=panel.bench.ctx.signing_key,
                                         recipient=panel.bench.ctx.recipient), "same.nmbundle")
    import_bundle(panel.bench.session, bundle, analyser=panel.detector)
    second = tmp_path / "second" / "workstation.db"
    second.parent.mkdir()
    shutil.copy2(template_workstation.path, second)
    shutil.copy2(template_workstation.keyfile, keyfile_path_for(second))
    session = unlock(second, ALICE, ALICE_PASSPHRASE)
    try:
        trust_intake_key(session, public_bytes(panel.bench.ctx.signing_key), label="intake")
        import_bundle(session, bundle, analyser=panel.detector)
        find = "SELECT id FROM reports WHERE submission_id = ?"
        second_id = session.db.query_one(find, (submission["submission_id"],))[0]
        first_id = panel.bench.session.db.query_one(find, (submission["submission_id"],))[0]
    finally:
        session.lock()
    yield Twins(panel, first_id, second, second_id, tmp_path)


def both_stages(panel: Panel, report_id: int) -> None:
    """Stage 1 by alice, stage 2 by bob (who reveals the original, then approves)."""
    alice, bob = panel.as_(ALICE), panel.as_(BOB)
    actions.start_stage1(alice, report_id)
    complete_stage1(alice, panel.detector, report_id)
    actions.sign_stage1(alice, report_id, ALICE_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, report_id)
    open_report(bob, report_id)
    actions.reveal_original(bob, report_id)
    actions.approve(bob, report_id, BOB_PASSPHRASE, panel.detector, low_k_reason=LOW_K_REASON)


def test_commands_replay_on_another_database_once_and_all_or_nothing(twins: Twins) -> None:
    panel = twins.panel
    both_stages(panel, twins.first_id)
    first = panel.as_(ALICE).db
    exported = twins.folder / "history.jsonl"
    assert twins.cli("review", "history", "--report", str(twins.first_id), "--out", str(exported),
                     db=panel.bench.session.path) == ExitCode.OK
    lines = exported.read_text().splitlines()
    kinds = [json.loads(line)["kind"] for line in lines]
    assert kinds[0] == "start_stage1" and kinds[-1] == "approve"
    assert {"decide", "save_coding", "sign_stage1", "reveal_original"} <= set(kinds)

    # A file whose fifth command is invalid changes nothing, whether it is malformed...
    session = twins.second()
    before = state(session, twins.second_id)
    session.lock()
    broken = twins.folder / "broken.jsonl"
    malformed = json.loads(lines[4])
    malformed["args"] = {"nonsense": 1}
    broken.write_text("\n".join([*lines[:4], json.dumps(malformed), *lines[5:]]) + "\n")
    assert twins.cli("review", "apply", "--report", str(twins.second_id), str(broken)) == ExitCode.INPUT
    # ... or well formed but naming a span this report does not have (found only when applied).
    wrong_span = json.loads(lines[4])
    wrong_span["kind"], wrong_span["args"] = "decide", {"span_uids": ["no-such-span"], "decision": "keep"}
    broken.write_text("\n".join([*lines[:4], json.dumps(wrong_span), *lines[5:]]) + "\n")
    assert twins.cli("review", "apply", "--report", str(twins.second_id), str(broken)) == ExitCode.INPUT
    session = twins.second()
    assert state(session, twins.second_id) == before
    session.lock()

    assert twins.cli("review", "apply", "--report", str(twins.second_id), str(exported)) == ExitCode.OK
    session = twins.second()
    try:
        db = session.db
        assert report_stage(db, twins.second_id) == Stage.APPROVED
        assert content_sha256(publishable_content(db, twins.second_id)) == \
            content_sha256(publishable_content(first, twins.first_id))
        assert history_sha256(db, twins.second_id) == history_sha256(first, twins.first_id)
        here, there = signoffs(db, twins.second_id), signoffs(first, twins.first_id)
        assert [(s.statement, s.signature) for s in here] == [(s.statement, s.signature) for s in there]
        assert len(here) == 2 and all(s.current for s in here)
        assert verify_signoffs(db) == [] and verify_signoffs(first) == []
        assert chain.verify(db).intact
        applied = state(session, twins.second_id)
    finally:
        session.lock()

    # The same file again: refused as duplicates, nothing changed.
    assert twins.cli("review", "apply", "--report", str(twins.second_id), str(exported)) == ExitCode.INPUT
    session = twins.second()
    try:
        assert state(session, twins.second_id) == applied
        with pytest.raises(DuplicateCommand):
            apply(session, report_commands(first, twins.first_id)[3], replay=True)
    finally:
        session.lock()


def _signed_stage1(twins: Twins) -> tuple[Session, c.Command]:
    """Report at stage 1, ready to sign, and alice's real sign command for it (not applied)."""
    panel = twins.panel
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, twins.first_id)
    complete_stage1(alice, panel.detector, twins.first_id)
    return alice, actions.signed_command(alice, twins.first_id, c.SignStage1.kind, ALICE_PASSPHRASE)


def _resigned_statement(command: c.SignStage1, **changes: object) -> str:
    body = json.loads(command.statement)
    body.update(changes)
    return rfc8785.dumps(body).decode("utf-8")


def test_a_sign_command_that_was_tampered_with_or_is_someone_elses_is_refused(twins: Twins) -> None:
    alice, good = _signed_stage1(twins)
    assert isinstance(good, c.SignStage1)
    bob_key = actions.local_actor(twins.panel.as_(BOB)).key_id
    flipped = bytes.fromhex(good.signature)
    flipped = (bytes([flipped[0] ^ 1]) + flipped[1:]).hex()
    forged = [
        replace(good, statement=_resigned_statement(good, content_sha256="0" * 64)),  # other content
        replace(good, statement=_resigned_statement(good, history_sha256="0" * 64)),  # other history
        replace(good, statement=_resigned_statement(good, stage=2)),
        replace(good, signature=flipped),
        replace(good, signature="zz"),
        # bob's name on alice's signature, and alice's name with bob's key id
        replace(good, actor=c.Actor(BOB, bob_key)),
        replace(good, actor=c.Actor(ALICE, bob_key)),
    ]
    before = state(alice, twins.first_id)
    for command in forged:
        with pytest.raises(InputError):
            apply(alice, replace(command, command_id=c.new_command_id()), analyser=twins.panel.detector,
                  replay=True)
        assert state(alice, twins.first_id) == before
    with pytest.raises(SignatureInvalid):
        apply(alice, forged[3], analyser=twins.panel.detector)
    apply(alice, good, analyser=twins.panel.detector)  # the genuine one still signs
    assert report_stage(alice.db, twins.first_id) == Stage.STAGE1_SIGNED


def test_a_command_made_for_other_content_is_refused_after_an_edit(twins: Twins) -> None:
    alice, good = _signed_stage1(twins)
    span = next(s for s in open_report(alice, twins.first_id).spans if s.label == "PERSON")
    actions.relabel(alice, twins.first_id, [span.id], "ID")  # the content changes after signing
    with pytest.raises(SignatureInvalid):
        apply(alice, good, analyser=twins.panel.detector)


def test_commands_round_trip_through_json_and_refuse_other_shapes() -> None:
    actor = c.Actor(ALICE, "abcd1234")
    made = [
        c.Decide(report="r", actor=actor, span_uids=("a", "b"), decision="redact"),
        c.SetReplacement(report="r", actor=actor, span_uids=("a",), replacement=None),
        c.SaveCoding(report="r", actor=actor, coding=actions.Coding(publishable_title="T",
                                                                    takeaways=("one",))),
        c.Link(report="r", actor=actor, primary="r", supplemental=("s",)),
        c.ReturnToStage1(report="r", actor=actor, comment="fix it", statement="{}", signature="00"),
    ]
    for command in made:
        assert c.command_from_dict(json.loads(json.dumps(command.to_dict()))) == command
    good = made[0].to_dict()
    for bad in ({**good, "kind": "drop_table"}, {**good, "version": 2}, {**good, "command_id": "x"},
                {**good, "args": {"span_uids": "a", "decision": "redact"}},
                {**good, "args": {"span_uids": ["a"]}}, {**good, "extra": 1},
                {**good, "actor": {"name": ALICE}}):
        with pytest.raises(InputError):
            c.command_from_dict(bad)


def test_review_show_gives_ids_and_decisions_and_text_only_when_asked(twins: Twins, capsys) -> None:
    panel = twins.panel
    alice = panel.as_(ALICE)
    actions.start_stage1(alice, twins.first_id)
    complete_stage1(alice, panel.detector, twins.first_id)
    capsys.readouterr()
    assert twins.cli("review", "show", "--report", str(twins.first_id), "--json",
                     db=panel.bench.session.path) == ExitCode.OK
    shown = json.loads(capsys.readouterr().out)
    review = open_report(alice, twins.first_id)
    assert [s["uid"] for s in shown["spans"]] == [s.uid for s in review.spans]
    assert {s["decision"] for s in shown["spans"]} == {"redact"}
    assert shown["stage"] == "stage1" and shown["coding"]["activity_type"] == "traffic_stop"
    assert shown["history_sha256"] == history_sha256(alice.db, twins.first_id)
    assert "Okafor" not in json.dumps(shown) and "fields" in shown
    assert isinstance(shown["coding"]["lessons_learned"], int)  # a length, not the panel's words
    assert twins.cli("review", "show", "--report", str(twins.first_id), "--json", "--text",
                     db=panel.bench.session.path) == ExitCode.OK
    assert "Okafor" in capsys.readouterr().out
