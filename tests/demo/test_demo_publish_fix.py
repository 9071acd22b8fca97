"""`demo build`: a report the leak guard leaves out of a publication batch is fixed as a careful
panel would (the named phrase redacted there too, the report back through both stages) and
the batch is tried again, so the build still publishes the requested share.

Before this change the build logged the refusal and went on: the report stayed approved and
was never published (the 20,000-report benchmark build published 3,586 of its 4,000).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from workstation.demo.build import BatchedAnalyser, _publish, _split_pattern, batch_signing, build_demo
from workstation.export import library_pdf, pdf_common
from workstation.review.report_review import open_report
from workstation.session import unlock
from workstation.stages import Stage, report_stage
from workstation.workflow import actions
from workstation.workflow.publishable import publishable_content

PASSPHRASE = "demo review panel practice only"


def test_a_phrase_is_found_however_the_guard_would_join_it() -> None:
    def found(words: tuple[str, ...], text: str) -> list[str]:
        return [m.group() for m in _split_pattern(words).finditer(text)]

    assert found(("1078",), "I called 10-78 on the radio") == ["10-78"]
    assert found(("1", "9", "30"), "at 1930 hours") == ["1930"]
    assert found(("unit", "1199"), "a second Unit 11-99 but") == ["Unit 11-99"]
    assert found(("1078",), "case 210789 and 1078a") == []  # whole words only


def test_a_report_left_out_by_the_guard_is_fixed_signed_again_and_published(tmp_path: Path,
                                                                          detector: object) -> None:
    path = tmp_path / "demo" / "demo.db"
    path.parent.mkdir()
    built = build_demo(path, reports=12, agencies=2, passphrase=PASSPHRASE, publish_share=0.0,
                       analyser=detector, quarters=2)
    assert (built.approved, built.published) == (12, 0)
    stage1 = unlock(path, "demo-stage1", PASSPHRASE)
    stage2 = unlock(path, "demo-stage2", PASSPHRASE)
    try:
        db = stage1.db
        ids = [r[0] for r in db.query("SELECT id FROM reports ORDER BY id")]
        narratives = {rid: open_report(stage1, rid).texts.get("narrative", "") for rid in ids}
        # Plant a collision the way the benchmark had them: a word of one approved report (`other`)
        # redacted in another (`source`), which thereby goes back to stage 2 and is not published.
        # not a word the batch itself prints (the library's cover): that refuses every batch
        batch_words = " ".join(Path(m.__file__).read_text() for m in (library_pdf, pdf_common)).casefold()

        def published_text(rid: int) -> str:
            return json.dumps(publishable_content(db, rid)["text"], ensure_ascii=False)

        source, other, word = next(
            (a, b, w) for a in ids for b in ids if a != b
            for w in sorted(set(re.findall(r"\b[A-Za-z]{6,}\b", narratives[a])))
            if re.search(rf"\b{w}\b", published_text(b)) and w.casefold() not in batch_words)
        start = narratives[source].index(word)
        actions.add_spans(stage1, source, "narrative", [(start, start + len(word))], "PERSON")
        assert report_stage(db, source) == Stage.STAGE2.value
        with batch_signing(stage1, PASSPHRASE), batch_signing(stage2, PASSPHRASE):
            count, why = _publish(stage1, stage2, BatchedAnalyser(detector), path, PASSPHRASE, 0)
        assert (count, why) == (11, [])
        assert report_stage(db, other) == Stage.PUBLISHED.value
        folders = sorted(path.parent.glob("demo-publication-*"))
        assert len(folders) >= 2  # the batch without it, then again once it is fixed and approved
        written = b"".join(p.read_bytes() for f in folders for p in f.rglob("*.json")).decode()
        assert not re.search(rf"\b{word}\b", written, re.IGNORECASE)
        done = [r[0] for r in db.query("SELECT action FROM audit WHERE object = ? ORDER BY seq",
                                       (f"report:{other}",))]
        assert {"workflow.stale", "workflow.return", "workflow.publish"} <= set(done)
    finally:
        stage1.lock()
        stage2.lock()
