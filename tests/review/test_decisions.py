"""Decisions saved as they are made, audited, undoable; coding; search; the queue.
Real encrypted database, real bundles, real import."""

from __future__ import annotations

import pytest

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.stories import REVIEW_LESSONS, REVIEW_NARRATIVE, Reviewed, import_story
from workstation.analysis import store_suggestions
from workstation.audit import chain
from workstation.detect.suggestion import Suggestion
from workstation.errors import InputError
from workstation.review import decisions
from workstation.review.coding import Coding, load_coding
from workstation.review.queue import queue_rows
from workstation.review.report_review import open_report, refreshed
from workstation.review.search import fts_query, search_reports
from workstation.review.spans import Decision
from workstation.session import unlock
from workstation.workflow import actions
from workstation.workflow.actions import save_coding


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def suggest(r: Reviewed, *items: tuple[str, str, str, int]) -> None:
    """Store suggestions as the detector would have at import (field, needle, label, nth)."""
    texts = {"narrative": REVIEW_NARRATIVE, "lessons_learned": REVIEW_LESSONS}
    by_field: dict[str, list[Suggestion]] = {}
    for field, needle, label, nth in items:
        start, end = at(texts[field], needle, nth)
        by_field.setdefault(field, []).append(Suggestion(start, end, label, 0.85, "test-recognizer"))
    with r.session.db.transaction() as tx:
        store_suggestions(tx, r.report_id, by_field, "test")


def last_actions(r: Reviewed, count: int) -> list[str]:
    return [e.action for e in chain.entries(r.session.db)[-count:]]


def test_opening_seeds_spans_once_and_audits_the_view(reviewed: Reviewed) -> None:
    suggest(reviewed, ("narrative", "Dave Reyes", "PERSON", 0), ("narrative", "Kessler Ave", "LOCATION", 0))
    review = open_report(reviewed.session, reviewed.report_id)
    assert [s.label for s in review.spans] == ["PERSON", "LOCATION"]
    assert review.progress_text() == "0 of 2 suggestions decided"
    entry = chain.entries(reviewed.session.db)[-1]
    assert (entry.action, entry.actor, entry.object) == ("report.view", ALICE, f"report:{reviewed.report_id}")
    assert "Dave" not in str(entry.payload)
    again = open_report(reviewed.session, reviewed.report_id)
    assert [s.id for s in again.spans] == [s.id for s in review.spans]  # not seeded twice


def test_accept_reject_relabel_are_saved_audited_and_survive_a_lock(reviewed: Reviewed) -> None:
    suggest(reviewed, ("narrative", "Dave Reyes", "PERSON", 0), ("narrative", "Ford F-150", "PERSON", 0),
            ("narrative", "Millbrook PD", "LOCATION", 0))
    session = reviewed.session
    review = open_report(session, reviewed.report_id)
    dave, ford, pd = review.spans
    actions.decide(session, review.report_id, [dave.id], Decision.REDACT)
    actions.decide(session, review.report_id, [ford.id], Decision.KEEP)
    actions.relabel(session, review.report_id, [pd.id], "AGENCY")
    actions.decide(session, review.report_id, [pd.id], Decision.REDACT)
    assert last_actions(reviewed, 4) == ["review.accept", "review.reject", "review.relabel", "review.accept"]
    session.lock()  # an auto-lock: nothing is lost
    session = unlock(reviewed.bench.session.path, ALICE, ALICE_PASSPHRASE)
    reviewed.bench.session = session
    review = open_report(session, reviewed.report_id)
    assert [(s.label, s.decision, s.decided_by) for s in review.spans] == [
        ("PERSON", "redact", ALICE), ("PERSON", "keep", ALICE), ("AGENCY", "redact", ALICE)]
    text = review.redacted()["narrative"].text
    assert "Dave Reyes" not in text and "[Person 1] and I stopped a Ford F-150" in text
    assert "from [Agency]." in text
    assert chain.verify(session.db).intact


def test_undo_and_redo_restore_and_are_saved(reviewed: Reviewed) -> None:
    suggest(reviewed, ("narrative", "Tom Okafor", "PERSON", 0))
    session = reviewed.session
    review = open_report(session, reviewed.report_id)
    stack = actions.UndoStack(session)
    stack.push(actions.decide(session, review.report_id, [review.spans[0].id], Decision.REDACT))
    stack.push(actions.relabel(session, review.report_id, [review.spans[0].id], "ID"))
    assert refreshed(session, review).spans[0].label == "ID"
    stack.undo()
    assert refreshed(session, review).spans[0].label == "PERSON"
    stack.undo()
    assert refreshed(session, review).spans[0].decision == Decision.PENDING
    assert not stack.can_undo and stack.can_redo
    stack.redo()
    assert refreshed(session, review).spans[0].decision == Decision.REDACT
    assert last_actions(reviewed, 3) == ["review.undo", "review.undo", "review.redo"]
    # A new decision clears what could be redone.
    stack.push(actions.decide(session, review.report_id, [review.spans[0].id], Decision.KEEP))
    assert not stack.can_redo


def test_reviewer_adds_a_missed_name_replacing_an_overlapping_suggestion(reviewed: Reviewed) -> None:
    suggest(reviewed, ("narrative", "Reyes", "PERSON", 0))
    session = reviewed.session
    review = open_report(session, reviewed.report_id)
    stack = actions.UndoStack(session)
    start, end = at(REVIEW_NARRATIVE, "Dave Re")  # a selection that overlaps the suggestion
    stack.push(actions.add_spans(session, review.report_id, "narrative", [(start, end)], "PERSON"))
    review = refreshed(session, review)
    assert [(s.start, s.end, s.state.origin, s.decision) for s in review.spans] == [
        (start, at(REVIEW_NARRATIVE, "Dave Reyes")[1], "reviewer", "redact")]
    stack.undo()
    review = refreshed(session, review)
    assert [(s.start, s.state.origin, s.decision) for s in review.spans] == [
        (at(REVIEW_NARRATIVE, "Reyes")[0], "detector", "pending")]
    with pytest.raises(InputError):
        actions.add_spans(session, review.report_id, "narrative", [(5, 5)], "PERSON")


def test_apply_to_all_occurrences_across_fields_is_one_undoable_step(reviewed: Reviewed) -> None:
    session = reviewed.session
    review = open_report(session, reviewed.report_id)
    stack = actions.UndoStack(session)
    change = stack.push(actions.redact_all_occurrences(session, review.report_id, review.texts,
                                                         "o'neill", "PERSON"))
    assert len(change.changes) == 2  # "Sgt. O'Neill" in the narrative, "O'NEILL" in the lessons
    redacted = refreshed(session, review).redacted()
    assert "O'Neill" not in redacted["narrative"].text
    assert "Call [Person 1] early." in redacted["lessons_learned"].text
    # "Dave" occurs as "Dave Reyes", "Dave's" and in the title; whole words only.
    occurrences = decisions.occurrences(review.texts, "dave")
    assert len(occurrences["narrative"]) == 2 and len(occurrences["title"]) == 1
    assert decisions.occurrences({"t": "Davenport"}, "dave") == {}
    stack.undo()
    assert refreshed(session, review).spans == ()


def test_replacement_and_date_generalisation(reviewed: Reviewed) -> None:
    suggest(reviewed, ("narrative", "Tom Okafor", "PERSON", 0), ("narrative", "March 3rd", "DATE", 0))
    session = reviewed.session
    review = open_report(session, reviewed.report_id)
    march, tom = sorted(review.spans, key=lambda s: s.label)
    actions.set_replacement(session, review.report_id, [tom.id], "  the   driver ")
    actions.set_generalise(session, review.report_id, [march.id], True)
    text = refreshed(session, review).redacted()["narrative"].text
    assert text.startswith("On March 2026 my partner")  # the incident date (2026-02-27) gives the year
    assert "The driver, the driver, had a knife." in text
    payload = chain.entries(session.db)[-2].payload
    assert payload["custom"] is True and "driver" not in str(payload)
    with pytest.raises(InputError, match="Only dates"):
        actions.set_generalise(session, review.report_id, [tom.id], True)
    with pytest.raises(InputError, match="at most"):
        actions.set_replacement(session, review.report_id, [tom.id], "x" * 200)


def test_coding_is_checked_saved_and_audited_by_field(reviewed: Reviewed) -> None:
    session = reviewed.session
    review = open_report(session, reviewed.report_id)
    assert review.coding.activity_type == "traffic_stop"  # from the reporter's checklist
    assert review.coding.contributing_factors == ("complacency", "assumptions")
    new = Coding(publishable_title=" Knife missed  on a stop ", activity_type="traffic_stop",
                 contributing_factors=("complacency",), loss_potential=("officer_death",),
                 lessons_learned="Search every time.", takeaways=("Search again", " "),
                 discussion_questions=("Who searches?",))
    saved = save_coding(session, review.report_id, new, review.coding)
    assert saved.publishable_title == "Knife missed on a stop" and saved.takeaways == ("Search again",)
    assert load_coding(session.db, review.report_id, review.submission) == saved
    entry = chain.entries(session.db)[-1]
    assert entry.action == "coding.update"
    assert set(entry.payload["fields"]) == {"publishable_title", "contributing_factors", "loss_potential",
                                            "lessons_learned", "takeaways", "discussion_questions"}
    with pytest.raises(InputError):
        save_coding(session, review.report_id, Coding(activity_type="parade"), saved)


def test_search_and_queue(reviewed: Reviewed) -> None:
    session = reviewed.session
    other_id, _ = import_story(reviewed.bench, narrative="A quiet shift at the harbor. Nothing else.",
                               lessons_learned="Stay alert.", title="Harbor shift")
    assert search_reports(session.db, "okafor") == [reviewed.report_id]
    assert search_reports(session.db, "harb") == [other_id]  # prefix as you type
    assert search_reports(session.db, 'knife")* AND (') == [reviewed.report_id]  # no FTS syntax
    assert search_reports(session.db, "   ") == [] and fts_query("--") is None
    suggest(reviewed, ("narrative", "Dave Reyes", "PERSON", 0), ("narrative", "Tom Okafor", "PERSON", 0))
    rows = {row.report_id: row for row in queue_rows(session.db)}
    assert (rows[reviewed.report_id].suggestions, rows[reviewed.report_id].pending) == (2, 2)
    review = open_report(session, reviewed.report_id)
    actions.decide(session, review.report_id, [review.spans[0].id], Decision.REDACT)
    row = queue_rows(session.db, search="reyes")[0]
    assert (row.report_id, row.pending, row.title) == (reviewed.report_id, 1, "Knife on a stop with Dave")
