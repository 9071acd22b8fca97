"""Roll-call briefing (issue 20, Documents): the panel's key takeaways are printed, in a
highlighted box; a narrative written in capitals is printed in sentence case, while the
published JSON keeps the text as redacted."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from tests.helpers.databases import ALICE, ALICE_PASSPHRASE
from tests.helpers.exports import keep_sample, pdf_text, read_tree
from tests.helpers.stories import Approved
from workstation.export import publication
from workstation.export.briefing import briefing_pdf, export_briefing, is_shouting, sentence_case
from workstation.export.content_view import ReportView
from workstation.workflow.publishable import content_sha256, publishable_content

SHOUTED = ("I STOPPED A VAN AT 2 AM AND THE DRIVER, [Person 1], WOULD NOT SHOW HIS HANDS. I WAITED FOR "
           "COVER! EMS WAS STAGED NEARBY.\n\nTHE DUI TEST WAS NEGATIVE.")


def test_sentence_case_keeps_placeholders_acronyms_and_ordinary_text() -> None:
    assert sentence_case(SHOUTED) == (
        "I stopped a van at 2 am and the driver, [Person 1], would not show his hands. I waited for "
        "cover! EMS was staged nearby.\n\nThe DUI test was negative.")
    ordinary = "The driver said OK and the SUV left. NOT shouting."
    assert sentence_case(ordinary) == ordinary
    assert not is_shouting("[Person 1] [Location 2] OK")  # too few letters to judge


def _view(narrative: str, takeaways: list[str]) -> ReportView:
    return ReportView("NM-2026-0001", {
        "title": "Van stop with hidden hands", "period": "March 2026", "activity_type": "traffic_stop",
        "contributing_factors": ["complacency"], "loss_potential": [],
        "text": {"narrative": narrative}, "lessons_learned": "Wait for cover before you approach.",
        "takeaways": takeaways, "discussion_questions": ["What would you have done?"]})


def _highlight_fill(data: bytes) -> bool:
    """Whether the page paints the takeaways' pale yellow (1, 0.957, 0.8 in RGB)."""
    stream = PdfReader(io.BytesIO(data)).pages[0].get_contents()
    assert stream is not None
    content = stream.get_data().decode("latin-1")
    return "1 .956863 .8 rg" in content


def test_briefing_prints_takeaways_highlighted_and_shouting_in_sentence_case(tmp_path: Path) -> None:
    data, parts = briefing_pdf(_view(SHOUTED, ["Search the reach area first", "Call for cover early"]),
                               "briefing.pdf")
    keep_sample("briefing-takeaways.pdf", data)
    text = " ".join(pdf_text(data)[0].split())
    assert "Key takeaways" in text
    assert "Search the reach area first" in text and "Call for cover early" in text
    assert text.index("Lessons learned") < text.index("Key takeaways") < text.index("Discuss at roll call")
    assert "I stopped a van at 2 am and the driver, [Person 1], would not show his hands." in text
    assert "EMS was staged nearby" in text and "The DUI test was negative." in text
    assert "I STOPPED A VAN" not in text
    assert _highlight_fill(data)
    takeaway_parts = [p for p in parts if p.text == "Call for cover early"]
    assert takeaway_parts and all(p.panel for p in takeaway_parts)  # scanned by the leak guard
    plain, _ = briefing_pdf(_view("The driver would not show his hands.", []), "b.pdf")
    assert "Key takeaways" not in pdf_text(plain)[0] and not _highlight_fill(plain)


def test_exported_briefing_has_the_panels_takeaways_and_json_keeps_capitals(approved: Approved,
                                                                             tmp_path: Path) -> None:
    alice = approved.panel.as_(ALICE)
    rid = approved.report_ids[0]
    out = tmp_path / "exports" / "briefing.pdf"
    export_briefing(alice, rid, out)
    text = " ".join(pdf_text(out.read_bytes())[0].split())
    assert "Key takeaways" in text and "Search the reach area" in text  # what the panel wrote
    assert _highlight_fill(out.read_bytes())

    # The narrative in capitals, behind the workflow (sign-offs faked to match): the briefing
    # prints it in sentence case, the publication keeps it as it is.
    db = alice.db
    narrative = publishable_content(db, rid)["text"]["narrative"]
    with db.transaction() as tx:
        row = tx.execute("SELECT submission FROM reports WHERE id = ?", (rid,)).fetchone()
        submission = json.loads(row[0])
        submission["narrative"] = submission["narrative"].upper()
        tx.execute("UPDATE reports SET submission = ? WHERE id = ?", (json.dumps(submission), rid))
    shouted = publishable_content(db, rid)["text"]["narrative"]
    assert shouted != narrative and is_shouting(shouted)
    digest = content_sha256(publishable_content(db, rid))
    with db.transaction() as tx:
        tx.execute("UPDATE signoffs SET content_sha256 = ? WHERE report_id = ?", (digest, rid))
        tx.execute("UPDATE disclosure_acknowledgements SET content_sha256 = ? WHERE report_id = ?",
                   (digest, rid))  # the reason to publish below k, as signing again records it
    out2 = tmp_path / "exports" / "briefing-caps.pdf"
    export_briefing(alice, rid, out2)
    printed = " ".join(pdf_text(out2.read_bytes())[0].split())
    assert is_shouting(shouted) and shouted[:30] not in printed
    assert " ".join(sentence_case(shouted).split())[:40] in printed
    publication.export_publication(alice, tmp_path / "exports" / "library", ALICE_PASSPHRASE)
    files = read_tree(tmp_path / "exports" / "library")
    published = [v.decode("utf-8") for name, v in files.items() if name.startswith("reports/")]
    assert published and any(json.dumps(shouted)[1:-1] in body for body in published), "kept as redacted"
