"""ORIs in groups, with separators or full-width digits, are found; times and words are not.

Before this change a stored ORI was found only as one token or two adjacent tokens, and the
generic shape only as one 9-character token: "CA 019 4200", "TX-227-0400" and full-width
digits passed (checked against the guard of the commit before, see test_leak_unicode.py).
"""

from __future__ import annotations

import pytest

from workstation.export.leak_guard import Needles, Part, scan

STORED = "CA0194200"


def whats(text: str, allowed: str | None = None) -> list[str]:
    return [f.what for f in scan([Part("x", text, allowed_ori=allowed)], Needles(oris=[STORED]))]


@pytest.mark.parametrize("text", [
    "agency CA 019 4200", "agency CA-019-4200", "agency ca 0194200", "agency CA-0194200",
    "agency \uff23\uff21\uff10\uff11\uff19\uff14\uff12\uff10\uff10", "agency CA 019\u00a04200",
    "agency \u0421\u0410 019 4200", "agency CA\u200b0194200", "agency C.A.019.4200",
])
def test_a_stored_ori_in_any_form(text: str) -> None:
    assert any(w.startswith("an ORI held in the database") for w in whats(text)), text


@pytest.mark.parametrize("text", ["agency TX 227 0400", "agency TX-227-0400", "agency TX-2270400",
                                  "agency NY 030 013A", "agency TX2270400",
                                  "agency \uff34\uff38\uff12\uff12\uff17\uff10\uff14\uff10\uff10"])
def test_the_generic_shape_compact_or_grouped(text: str) -> None:
    assert whats(text) == ["a token shaped like an ORI"], text


@pytest.mark.parametrize("text", ["at 0315 hrs", "AT 0315 HRS ON 2026-02-11", "EVERYBODY WAS CAREFUL",
                                  "call 555 1234", "a Ford F-150", "I-95 north", "10-50 on RT 9",
                                  "2026-Q3", "ON 555 1234", "Unit 12 and 14", "NM-1a2b3c4d5e6f"])
def test_times_and_ordinary_words_are_not_oris(text: str) -> None:
    assert whats(text) == [], text


def test_an_agencys_own_ori_stays_allowed_in_any_form() -> None:
    assert whats("agency CA 019 4200", allowed=STORED) == []
    assert whats("agency CA 019 4200 and TX 227 0400", allowed=STORED) == ["a token shaped like an ORI"]
