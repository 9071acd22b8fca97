"""A publication batch of several reports approved through the real workflow (real
detector, both stages signed), one of which contains a phrase redacted in another report.

Decision (stop 23, kept for the leak guard): the report in which the guard finds something
is left out by name, with its findings, and stays approved; the rest of the batch is
published; nothing of the phrase is written; the audit entry lists it. Once fixed and taken
back through both stages, a later batch publishes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE, BOB, BOB_PASSPHRASE
from tests.helpers.exports import read_tree_text
from tests.helpers.stories import LOW_K_REASON, Approved, approve_report, story
from workstation.audit import chain
from workstation.export import publication
from workstation.export.leak_guard import load_needles
from workstation.review.report_review import open_report
from workstation.stages import Stage, report_stage
from workstation.workflow import actions

NAMED = ("On June 2nd my partner Mei Tanaka and I stopped a pickup on Route 9. The driver reached "
         "under the seat for a knife before we could see his hands.")
ALONE = "Training saved me. I did what we practiced at the range and kept the car between us."
# A badge number redacted in one report; the same digits as a radio code in another, which
# the detector rightly does not suggest (the guard joins "10-78" to "1078": it cannot tell).
BADGE = ("The crash was on the Millbrook overpass; my sergeant, Tom Okafor, closed the ramp while I "
         "directed traffic. My badge number is 1078 if the coordinator needs to reach me.")
_RADIO_CODE = re.compile(r"(?<![\w-])10-?78(?![\w-])")
RADIO = "The driver came out of the car swinging. I called 10-78 on the radio and waited for cover."


def _approve_all(approved: Approved, *narratives: str) -> list[int]:
    ids = approved.panel.import_reports(*(story(n) for n in narratives))
    for rid in ids:
        approve_report(approved.panel, rid)
    return ids


def test_words_that_spell_a_redacted_name_across_a_sentence_do_not_hold_a_report_back(
        approved: Approved, tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    named, alone = _approve_all(approved, NAMED, ALONE)
    assert "Mei" in load_needles(alice.db).phrases  # redacted in the first report (a part of the name)
    result = publication.export_publication(alice, tmp_path / "exports" / "out", ALICE_PASSPHRASE)
    # Before the change, "me. I" was a finding for "Mei": the second report was left out.
    assert result.left_out == ()
    assert sorted(result.publications) == sorted([*approved.report_ids, named, alone])
    assert not re.search(r"\bMei\b", read_tree_text(tmp_path / "exports" / "out"))


def test_a_report_with_a_phrase_redacted_in_another_is_left_out_and_published_once_fixed(
        approved: Approved, tmp_path: Path) -> None:
    alice, bob = approved.panel.as_(ALICE), approved.panel.as_(BOB)
    badge, radio = _approve_all(approved, BADGE, RADIO)
    out = tmp_path / "exports" / "out"
    result = publication.export_publication(alice, out, ALICE_PASSPHRASE)
    (left,) = result.left_out
    assert left.report_id == radio
    assert left.findings and all(f.source is not None for f in left.findings)
    assert [f.what for f in left.findings] == [f"a string redacted in report {badge} (ID)"]
    assert "1078" not in left.describe() and "10-78" not in left.describe()
    assert sorted(result.publications) == sorted([*approved.report_ids, badge])
    # as a number of its own: a random publication id ("NM-3f1078...") may hold the digits
    assert not _RADIO_CODE.search(read_tree_text(out))
    assert chain.entries(alice.db, limit=1)[-1].payload["left_out"] == [radio]
    assert report_stage(alice.db, radio) == Stage.APPROVED.value

    # The panel fixes it: the phrase redacted here too makes the approval stale (stage 2),
    # stage 2 returns it, stage 1 signs again, stage 2 approves.
    review = open_report(alice, radio)
    start = review.texts["narrative"].index("10-78")
    actions.add_spans(alice, radio, "narrative", [(start, start + len("10-78"))], "ID")
    assert report_stage(alice.db, radio) == Stage.STAGE2.value
    actions.return_to_stage1(bob, radio, "The leak guard named a number redacted elsewhere.", BOB_PASSPHRASE)
    actions.start_stage1(alice, radio)
    actions.sign_stage1(alice, radio, ALICE_PASSPHRASE, approved.panel.detector, low_k_reason=LOW_K_REASON)
    actions.start_stage2(bob, radio)
    actions.approve(bob, radio, BOB_PASSPHRASE, approved.panel.detector, low_k_reason=LOW_K_REASON)
    again = publication.export_publication(alice, tmp_path / "exports" / "again", ALICE_PASSPHRASE)
    assert list(again.publications) == [radio] and again.left_out == ()
    assert not _RADIO_CODE.search(read_tree_text(tmp_path / "exports" / "again"))
