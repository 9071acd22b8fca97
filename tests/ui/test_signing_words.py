"""The signing dialog's words for the re-identification figure and its proposal, and the
findings list's rows (plain functions of ui/review; no window)."""

from __future__ import annotations

from workstation.ui.review.residual_dialog import row_text, sentence_html
from workstation.ui.review.signing_dialog import k_words, proposal_words
from workstation.workflow import commands as c
from workstation.workflow.disclosure_check import KCheck
from workstation.workflow.history import canonical
from workstation.workflow.keeps import Kept
from workstation.workflow.residual import Finding
from workstation.workflow.review_reads import ShownFinding, sentence_around


def test_the_figure_and_the_proposal_in_plain_words() -> None:
    below = KCheck(3, 5, (("agency_size", "generalise"), ("shift", "withhold")))
    assert k_words(below) == ("Below k: only 3 reports (this one included) share this report's month and "
                              "published details. Fewer than 5 could point at the officer.")
    assert proposal_words(below) == ("Proposed to reach 5: generalise agency size; withhold shift. Cancel "
                                     "and change them in the Published details tab, or sign with a written "
                                     "reason.")
    alone = KCheck(1, 5, ())
    assert k_words(alone).startswith("Below k: no other approved or published report shares")
    assert proposal_words(alone).startswith("No change of up to three fields reaches k")
    enough = KCheck(12, 5, ())
    assert k_words(enough).startswith("12 reports (this one included) share this report's month")
    assert proposal_words(enough) == ""
    laptop = KCheck(2, 5, (), counted_from="packet", counts_as_of="2026-11-30T08:00:00Z")
    assert k_words(laptop).endswith("(Counted from the coordinator's figures of 2026-11-30 in your "
                                    "assignment packet.)")


def test_a_finding_shows_its_sentence_with_the_words_marked() -> None:
    text = "We waited. Then Sgt. Dave Reyes came in through the back! Nobody saw."
    start = text.index("Dave Reyes")
    sentence, at = sentence_around(text, start, start + len("Dave Reyes"))
    assert sentence == "Then Sgt. Dave Reyes came in through the back!"
    kept = Kept("u1", "narrative", start, start + 10, "PERSON", "alice", "public place", frozenset())
    end = start + len("Dave Reyes")
    finding = Finding("narrative", start, end, "PERSON", "TitledNameRecognizer", start, end, kept)
    shown = ShownFinding(finding, "Dave Reyes", sentence, at)
    assert row_text(shown).splitlines() == [
        "Person \u201cDave Reyes\u201d in narrative (found by titled name)  "
        "\u2014 kept by alice: public place; C confirms",
        "   \u201cThen Sgt. Dave Reyes came in through the back!\u201d"]
    html = sentence_html(shown)
    assert html.startswith("Then Sgt. <span style=") and html.endswith(">Dave Reyes</span> came in through "
                                                                        "the back!")


def test_a_keep_without_a_reason_is_written_exactly_as_before() -> None:
    """The optional reason is left out of a command's JSON when not given: the commands made
    before it existed, and the histories and sign-offs hashing them, stay as they were."""
    common = {"report": "s-1", "actor": c.Actor("alice", "k1"),
              "command_id": "6c1b6c1e-0000-4000-8000-000000000001", "made_at": "2026-12-01T10:00:00.000000Z",
              "span_uids": ("u1",), "decision": "keep"}
    old = c.Decide(**common)  # type: ignore[arg-type]
    assert canonical(old) == (
        '{"actor":{"key_id":"k1","name":"alice"},"args":{"decision":"keep","span_uids":["u1"]},'
        '"command_id":"6c1b6c1e-0000-4000-8000-000000000001","format":"near-miss-review-command",'
        '"kind":"decide","made_at":"2026-12-01T10:00:00.000000Z","report":"s-1","version":1}')
    assert c.command_from_dict(old.to_dict()) == old
    with_reason = c.Decide(**common, reason="public place")  # type: ignore[arg-type]
    assert with_reason.to_dict()["args"]["reason"] == "public place"
    assert c.command_from_dict(with_reason.to_dict()) == with_reason
