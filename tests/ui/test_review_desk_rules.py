"""The rules behind the review desk's bulk decisions, find and redact, and widening or
narrowing (workstation.review.bulk and .resize, applied by workstation.workflow.actions as
ONE review command each), on a real database with the real detector; no Qt."""

from __future__ import annotations

import pytest

from tests.helpers.stories import NARRATIVE, Panel, story
from workstation.errors import InputError
from workstation.review import bulk
from workstation.review.report_review import load_report
from workstation.review.resize import stepped
from workstation.review.spans import Decision
from workstation.workflow import actions
from workstation.workflow import commands as c
from workstation.workflow.stage2_notice import stage2_change_notice

TEXT = "The driver, Tom Okafor, met Sgt. O'Neill near the F-150."


def test_stepped_moves_one_edge_by_one_whole_word() -> None:
    start = TEXT.index("Tom")
    end = start + len("Tom Okafor")
    assert stepped(TEXT, start, end, "end", False) == (start, start + 3)  # "Tom"
    assert stepped(TEXT, start, start + 3, "end", True) == (start, end)  # "Tom Okafor"
    assert stepped(TEXT, start, end, "start", True) == (TEXT.index("driver"), end)
    assert stepped(TEXT, start, end, "start", False) == (TEXT.index("Okafor"), end)
    oneill = TEXT.index("O'Neill")
    sgt = TEXT.index("Sgt.")
    assert stepped(TEXT, sgt, sgt + 3, "end", True) == (sgt, oneill + 7)  # O'Neill is one word
    assert stepped(TEXT, start, start + 3, "end", False) is None  # one word: nothing to leave out
    last = TEXT.index("F-150")
    assert stepped(TEXT, last, last + 5, "end", True) is None  # the text's end


def test_find_matches_text_and_patterns_case_insensitively_and_refuses_nonsense() -> None:
    texts = {"narrative": "Kessler Ave at night. kessler  ave again.", "prevention": "Not KESSLER AVE."}
    found = bulk.find_matches([], texts, "kessler ave")
    assert [(f, texts[f][a:b]) for f, a, b in found] == [
        ("narrative", "Kessler Ave"), ("narrative", "kessler  ave"), ("prevention", "KESSLER AVE")]
    assert [texts[f][a:b] for f, a, b in bulk.find_matches([], texts, r"k\w+r\s+ave", pattern=True)] == [
        "Kessler Ave", "kessler  ave", "KESSLER AVE"]
    assert bulk.find_matches([], texts, r"x*", pattern=True) == []  # empty matches mark nothing
    for bad in ("", "   "):
        with pytest.raises(InputError):
            bulk.find_matches([], texts, bad)
    with pytest.raises(InputError):
        bulk.find_matches([], texts, "([", pattern=True)
    with pytest.raises(InputError):
        bulk.find_matches([], {"narrative": "a " * 600}, "a")


def test_bulk_decisions_are_one_command_each_and_undo_in_one_step(panel: Panel) -> None:
    [rid] = panel.import_reports(story(NARRATIVE + " Later Dave Reyes searched the car.",
                                       lessons="Dave Reyes taught me."))
    session = panel.as_("alice")
    review = load_report(session.db, rid)
    people = bulk.with_label(review.spans, "PERSON")
    assert len(people) >= 3
    outcome = actions.decide(session, rid, people, Decision.REDACT)
    assert isinstance(outcome.command, c.Decide) and len(outcome.changes) == len(people)
    review = load_report(session.db, rid)
    assert bulk.with_label(review.spans, "PERSON") == []
    stack = actions.UndoStack(session)
    stack.push(outcome)
    stack.undo()
    review = load_report(session.db, rid)
    assert sorted(bulk.with_label(review.spans, "PERSON")) == sorted(people)

    dave = bulk.same_words(review.spans, review.texts, "dave  REYES")
    assert len(dave) == 3
    assert {s.field for s in review.spans if s.id in dave} == {"narrative", "lessons_learned"}
    high = bulk.with_score(review.spans, 0.9)
    assert all(s.state.score >= 0.9 for s in review.spans if s.id in high)

    marked = actions.redact_matches(session, rid, review.texts, "kessler ave", "LOCATION")
    assert isinstance(marked.command, c.AddSpans) and marked.command.all_occurrences
    again = actions.redact_matches(session, rid, review.texts, "kessler ave", "LOCATION")
    assert not again.applied  # every match is covered now


def test_resize_is_a_command_that_replays_from_json_and_keeps_the_decision(panel: Panel) -> None:
    [rid] = panel.import_reports(story(NARRATIVE))
    session = panel.as_("alice")
    review = load_report(session.db, rid)
    tom = next(s for s in review.spans if review.texts[s.field][s.start:s.end] == "Tom Okafor")
    actions.decide(session, rid, [tom.id], Decision.REDACT)
    outcome = actions.resize_span(session, rid, tom.id, review.texts, "end", False)
    assert isinstance(outcome.command, c.ResizeSpan)
    assert c.command_from_dict(outcome.command.to_dict()) == outcome.command
    after = next(s for s in load_report(session.db, rid).spans if s.uid == tom.uid)
    assert review.texts[after.field][after.start:after.end] == "Tom" and after.decision == Decision.REDACT
    with pytest.raises(InputError):  # one word left: it cannot be narrowed further
        actions.resize_span(session, rid, tom.id, review.texts, "end", False)
    actions.resize_span(session, rid, tom.id, review.texts, "end", True)  # "Tom Okafor" again
    with pytest.raises(InputError):  # word by word it runs into the next suggestion, and stops there
        for _ in range(30):
            actions.resize_span(session, rid, tom.id, review.texts, "end", True)
    now = next(s for s in load_report(session.db, rid).spans if s.uid == tom.uid)
    assert not any(s.uid != tom.uid and s.field == now.field and s.start < now.end and now.start < s.end
                   for s in load_report(session.db, rid).spans)
    assert stage2_change_notice(session, rid) is None  # not at stage 2: nothing to say
