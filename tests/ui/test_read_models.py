"""The read models the views get instead of the database (workstation.workflow.holdings,
linking_view): the same answers as asking report by report, in one query
for a whole list (the queue and the linking dialog used to ask once per row)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from workstation.demo.submissions import generate_submissions
from workstation.intake.importer import import_bundle
from workstation.session import Session
from workstation.workflow.actions import link_reports
from workstation.workflow.holdings import load_holdings, load_queue
from workstation.workflow.linking import linked_reports
from workstation.workflow.linking_view import incident_sizes, load_incident, report_lines


@pytest.fixture
def linked(session: Session, intake: Any) -> list[int]:
    """Five reports; the first three one incident (the first the primary)."""
    import_bundle(session, intake.bundle(generate_submissions(5, seed=11), "five.nmbundle"))
    ids = [int(r[0]) for r in session.db.query("SELECT id FROM reports ORDER BY id")]
    link_reports(session, ids[0], ids[1:3])
    return ids


def count_queries(session: Session, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of every query the session's database answers from now on."""
    seen: list[str] = []
    real: Callable[..., Any] = session.db.query

    def counting(sql: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(session.db, "query", counting)
    return seen


def test_the_queue_counts_links_in_one_query_for_all_rows(
    session: Session, linked: list[int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = {rid: len(linked_reports(session.db, rid)) - 1 for rid in linked}
    assert sorted(expected.values()) == [0, 0, 2, 2, 2]
    seen = count_queries(session, monkeypatch)
    items = load_queue(session)
    assert {item.report_id: item.linked for item in items} == expected
    assert len(seen) == 3  # the queue's rows, every row's incident size, every work packet held
    assert [item.flags for item in items if item.report_id == linked[0]] == ["linked (2)"]
    holdings = load_holdings(session)
    assert [i.report_id for i in holdings.queue] == [i.report_id for i in items]
    assert holdings.quarantine == []


def test_report_lines_read_every_report_in_one_query(
    session: Session, linked: list[int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = count_queries(session, monkeypatch)
    lines = report_lines(session.db, [*linked, 999])
    assert len(seen) == 1
    assert sorted(lines) == linked  # a report that does not exist has no line
    assert {rid: line.incident_size for rid, line in lines.items()} \
        == {rid: len(linked_reports(session.db, rid)) for rid in linked}
    assert incident_sizes(session.db, [linked[4], linked[1], 999]) == {linked[4]: 1, linked[1]: 3, 999: 1}
    assert report_lines(session.db, []) == {} and incident_sizes(session.db, []) == {}


def test_the_incident_lists_the_primary_first(session: Session, linked: list[int]) -> None:
    incident = load_incident(session, linked[2])
    assert [m.report_id for m in incident.members] == linked[:3]
    assert incident.linked and incident.primary_id == linked[0]
    alone = load_incident(session, linked[4])
    assert not alone.linked and [m.report_id for m in alone.members] == [linked[4]]
