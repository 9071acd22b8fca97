"""Quarantine actions (view, fix-and-accept, discard: all audited) and re-analysing one
field, with real bundles and the real detector."""

from __future__ import annotations

import json

import pytest

from tests.helpers.databases import ALICE
from tests.helpers.intake import write
from tests.helpers.stories import Panel, story
from workstation.analysis import load_suggestions, reanalyse_field
from workstation.audit import chain
from workstation.errors import InputError
from workstation.intake.bundle_writer import encode_report, make_bundle_from_raw
from workstation.intake.importer import import_bundle
from workstation.intake.quarantine import accept_fixed, discard, list_quarantine, open_quarantined
from workstation.reports import list_reports
from workstation.review.report_review import open_report
from workstation.review.search import search_reports
from workstation.review.spans import Decision
from workstation.workflow import actions


def quarantined_bundle(panel: Panel, *submissions: dict) -> None:
    raw = [(s["submission_id"], encode_report(s)) for s in submissions]
    data = make_bundle_from_raw(raw, signing_key=panel.bench.ctx.signing_key,
                                recipient=panel.bench.ctx.recipient)
    import_bundle(panel.as_(ALICE), write(panel.bench.folder, data, "q.nmbundle"), analyser=panel.detector)


def test_fix_and_accept_then_discard(panel: Panel) -> None:
    alice = panel.as_(ALICE)
    broken = story("Deputy Hannah Voss and I searched the Pioneer Motel room.", weather="hail")
    other = story("A second broken one.", shift="siesta")
    quarantined_bundle(panel, broken, other)
    held = {q.submission_id: q for q in list_quarantine(alice.db)}
    assert set(held) == {broken["submission_id"], other["submission_id"]}
    item = open_quarantined(alice, held[broken["submission_id"]].id)
    assert chain.entries(alice.db)[-1].action == "quarantine.view"
    assert json.loads(item.raw)["weather"] == "hail" and "weather" in item.reason

    still_bad = dict(broken, weather="sleet storm")
    with pytest.raises(InputError, match="still not valid"):
        accept_fixed(alice, item.id, json.dumps(still_bad).encode())
    with pytest.raises(InputError, match="submission_id"):
        accept_fixed(alice, item.id, json.dumps(dict(broken, weather="rain",
                                                     submission_id=other["submission_id"])).encode())
    report_id = accept_fixed(alice, item.id, json.dumps(dict(broken, weather="rain")).encode(),
                             analyser=panel.detector)
    assert [r.submission_id for r in list_reports(alice.db)] == [broken["submission_id"]]
    assert search_reports(alice.db, "pioneer") == [report_id]
    review = open_report(alice, report_id)
    assert any(review.texts[s.field][s.start:s.end] == "Hannah Voss" for s in review.spans)
    with pytest.raises(InputError, match="already resolved"):
        discard(alice, item.id, "changed my mind about it")

    with pytest.raises(InputError, match="why"):
        discard(alice, held[other["submission_id"]].id, "no")
    discard(alice, held[other["submission_id"]].id, "test entry from the intake team")
    assert list_quarantine(alice.db) == []
    everything = list_quarantine(alice.db, include_resolved=True)
    assert sorted(q.resolution.split(" ")[0] for q in everything) == ["accepted", "discarded:"]
    actions = [e.action for e in chain.entries(alice.db)]
    assert actions[-1] == "quarantine.discard" and "quarantine.accept" in actions


def test_reanalysing_a_field_keeps_decisions_and_adds_new_pending_spans(panel: Panel) -> None:
    (report_id,) = panel.import_reports(story("Sgt. Lena Brightwater met me at 1423 Kessler Ave."))
    alice = panel.as_(ALICE)
    review = open_report(alice, report_id)
    first = review.spans[0]
    actions.decide(alice, report_id, [first.id], Decision.KEEP)
    # Forget the other spans, as if the model that made them had missed them.
    with alice.db.transaction() as tx:
        tx.execute("DELETE FROM review_spans WHERE report_id = ? AND id != ?", (report_id, first.id))
    added = reanalyse_field(alice, panel.detector, report_id, "narrative")
    review = open_report(alice, report_id)
    assert added == len(review.spans) - 1 >= 1
    assert next(s for s in review.spans if s.id == first.id).decision == Decision.KEEP
    assert all(s.decision == Decision.PENDING for s in review.spans if s.id != first.id)
    assert load_suggestions(alice.db, report_id)["narrative"]
    assert chain.entries(alice.db)[-2].action == "report.reanalyse"
    with pytest.raises(InputError):
        reanalyse_field(alice, panel.detector, report_id, "what_went_right")
