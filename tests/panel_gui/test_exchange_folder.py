"""The exchange folder: packets for this workstation are taken in, packets for another are
left alone, and a tampered, forged or replayed one is moved to rejected/ with a reason."""

from __future__ import annotations

import shutil

from tests.panel_gui.panel_setup import CAROL, DAVE, PASSPHRASE, PanelDatabases, enrol_laptop
from workstation.exchange.assign import assign
from workstation.exchange.container import seal, write_packet
from workstation.exchange.exchange_folder import (
    REJECTED,
    TAKEN_IN,
    exchange_folder,
    outgoing_path,
    pick_up,
)
from workstation.exchange.laptop import export_return
from workstation.exchange.panel_view import load_laptop, load_panel
from workstation.intake.trust import workstation_recipient
from workstation.keys import signing
from workstation.stages import Stage, report_stage
from workstation.workflow import actions

DUE = "2099-12-31"


def test_packets_for_here_are_taken_in_others_left_alone_bad_ones_rejected(panel_dbs: PanelDatabases) -> None:
    coordinator, carol, folder = panel_dbs.coordinator, panel_dbs.carol, panel_dbs.exchange
    assert exchange_folder(coordinator) == folder.resolve() and exchange_folder(carol) == folder.resolve()
    enrol_laptop(panel_dbs, DAVE)
    first, second, third, _ = panel_dbs.report_ids
    for_carol = outgoing_path(folder, CAROL, "assignment")
    assign(coordinator, CAROL, 1, [first], DUE, for_carol)
    for_dave = outgoing_path(folder, DAVE, "assignment")
    assign(coordinator, DAVE, 1, [second], DUE, for_dave)
    # Tampered: a byte of carol's second packet changed on the way.
    altered = outgoing_path(folder, CAROL, "assignment")
    assign(coordinator, CAROL, 1, [third], DUE, altered)
    data = bytearray(altered.read_bytes())
    data[-40] ^= 0x01
    altered.write_bytes(bytes(data))
    # Forged: well made and encrypted to carol, but signed by a key her laptop does not trust.
    forged = folder / "forged.nmwork"
    _, packet = seal("assignment", {"reviewer": CAROL}, seed=signing.new_signing_seed(),
                     recipient=workstation_recipient(carol.db),
                     assignment_id="0" * 8 + "-0000-4000-8000-" + "0" * 12)
    write_packet(forged, packet)
    (folder / "notes.txt").write_text("not a packet\n")

    # The coordinator opens none of these: every one is left where it is.
    status = pick_up(coordinator)
    assert status.picked_up == [] and status.rejected == [] and status.left_alone == 4
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == sorted(
        [for_carol.name, for_dave.name, altered.name, forged.name, "notes.txt"])

    status = pick_up(carol)
    assert [(p.name, p.kind) for p in status.picked_up] == [(for_carol.name, "assignment")]
    assert "1 report(s) for stage 1" in status.picked_up[0].summary
    assert status.left_alone == 1 and for_dave.exists()  # dave's packet: not carol's to touch
    assert not for_carol.exists() and (folder / TAKEN_IN / for_carol.name).exists()
    rejected = dict(status.rejected)
    assert set(rejected) == {altered.name, forged.name}
    assert "damaged or truncated" in rejected[altered.name]
    assert "signature does not verify" in rejected[forged.name]
    for name in (altered.name, forged.name):
        assert (folder / REJECTED / name).exists() and not (folder / name).exists()
        reason = (folder / REJECTED / f"{name}.reason.txt").read_text()
        assert rejected[name] in reason
    assert [h.report_stage for h in load_laptop(carol).held] == [Stage.RECEIVED]
    assert "picked up 1" in status.line() and "rejected 2" in status.line()

    # The same packet again (a copy put back): a replay, rejected with its reason.
    shutil.copy(folder / TAKEN_IN / for_carol.name, folder / for_carol.name)
    status = pick_up(carol)
    assert [n for n, _ in status.rejected] == [for_carol.name] and "taken in before" in status.rejected[0][1]
    assert (folder / REJECTED / f"{for_carol.name}.reason.txt").exists()
    assert len(load_laptop(carol).held) == 1  # nothing changed


def test_a_return_and_its_receipt_travel_through_the_folder(panel_dbs: PanelDatabases) -> None:
    coordinator, carol, folder = panel_dbs.coordinator, panel_dbs.carol, panel_dbs.exchange
    report_id = panel_dbs.report_ids[0]
    assign(coordinator, CAROL, 1, [report_id], DUE, outgoing_path(folder, CAROL, "assignment"))
    # Just written (a sync tool may still be writing it): the periodic pick-up lets it settle.
    settling = pick_up(carol, settle_seconds=60)
    assert settling.picked_up == [] and len(settling.waiting) == 1
    assert "still being written" in settling.waiting[0][1]
    assert pick_up(carol).picked_up
    here = load_laptop(carol).held[0].report_id
    actions.start_stage1(carol, here)
    export_return(carol, outgoing_path(folder, CAROL, "return"), PASSPHRASE)
    assert pick_up(carol).left_alone == 1  # its own return is for the coordinator

    status = pick_up(coordinator)
    assert [p.kind for p in status.picked_up] == ["return"] and len(status.written) == 1
    assert "1 in progress" in status.picked_up[0].summary
    receipt = status.written[0]
    assert receipt.parent == folder and receipt.exists()
    assert report_stage(coordinator.db, report_id) == Stage.STAGE1
    state = load_panel(coordinator)
    assert state.reviewers[0].name == CAROL and state.reviewers[0].last_return is not None
    assert [h.report_id for h in state.held] == [report_id]  # in progress: still out

    status = pick_up(carol)
    assert [p.kind for p in status.picked_up] == ["receipt"] and "1 kept" in status.picked_up[0].summary
    assert not receipt.exists() and (folder / TAKEN_IN / receipt.name).exists()
