"""The queue shows, for a report out on a laptop (coordinator) or held here (laptop), its
due date, and OVERDUE once it has passed; read for the whole queue in one query."""

from __future__ import annotations

from datetime import date, timedelta

from tests.panel_gui.panel_setup import CAROL, PanelDatabases
from workstation.exchange.assign import assign
from workstation.exchange.exchange_folder import outgoing_path, pick_up
from workstation.workflow.holdings import load_queue


def test_due_dates_and_overdue_in_the_queue_flags_on_both_sides(panel_dbs: PanelDatabases) -> None:
    coordinator, carol, folder = panel_dbs.coordinator, panel_dbs.carol, panel_dbs.exchange
    first, second = panel_dbs.report_ids[:2]
    soon = date.today() + timedelta(days=1)
    later = date.today() + timedelta(days=5)
    assign(coordinator, CAROL, 1, [first], soon.isoformat(), outgoing_path(folder, CAROL, "assignment"))
    assign(coordinator, CAROL, 1, [second], later.isoformat(), outgoing_path(folder, CAROL, "assignment"))
    in_three_days = f"{date.today() + timedelta(days=3)}T12:00:00.000000Z"
    flags = {item.report_id: item.flags for item in load_queue(coordinator, now=in_three_days)}
    assert flags[first] == f"out to {CAROL}, due {soon} OVERDUE"
    assert flags[second] == f"out to {CAROL}, due {later}"
    assert all(f == "" for rid, f in flags.items() if rid not in (first, second))
    assert all("OVERDUE" not in item.flags for item in load_queue(coordinator))  # not yet, today
    pick_up(carol)
    here = {item.report_id: item for item in load_queue(carol, now=in_three_days)}
    assert {item.flags for item in here.values()} == {f"due {soon} OVERDUE", f"due {later}"}
    assert all(item.hold is not None and item.hold.side == "here" for item in here.values())
