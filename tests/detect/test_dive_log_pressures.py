"""A dive log's start and end pressures ("3000/1500") are no phone number: stock Presidio's
phone pattern flags them, and the allow-list removes them on purpose (allow_list.py), so the
superset check (test_superset.py) stands on dive logs; a phone in the same table is found."""

from __future__ import annotations

from tests.helpers.detection import missed_stock_tokens
from workstation.detect import evaluation as ev
from workstation.detect.allow_list import allowed_regions

_LOG = ("DIVE LOG, Lake Vermilion recovery\n"
        "| diver | role | cert | in | out | max depth | psi start/end |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Arne Lindqvist | primary | PSD-2231 | 0912 | 0931 | 28 ft | 3000/1500 |\n"
        "| Fola Adeyemi | safety | PSD-2240 | 0931 | 0950 | 30 ft | 3300/1200 |\n"
        "Dive supervisor cell 218-555-0177.\n")


def test_pressures_are_allow_listed_and_the_phone_is_found(detector, stock_recognizers) -> None:
    found = detector.analyze_text(_LOG)
    surfaces = {_LOG[s.start:s.end] for s in found}
    assert "218-555-0177" in surfaces
    assert not any("3000" in s or "3300" in s for s in surfaces)
    allowed = {_LOG[a:b] for a, b in allowed_regions(_LOG)}
    assert {"3000/1500", "3300/1200"} <= allowed
    doc = ev.Document(id="dive", text=_LOG, spans=[])
    assert missed_stock_tokens([doc], [found], stock_recognizers) == []


def test_other_numbers_with_a_slash_are_not_taken_for_pressures() -> None:
    for text in ("call 555/1200 now", "case 3000/15001", "on 1200/1300/1400", "rd 3000/1550"):
        assert not any(text[a:b].count("/") == 1 and text[a:b][0].isdigit()
                       for a, b in allowed_regions(text)), text
