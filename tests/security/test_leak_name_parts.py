"""A part of a redacted name, or a reviewer's surname, used alone is a leak too.

Before this change the guard looked only for the whole redacted phrase: "Reyes did the
right thing" after "Dave Reyes" was redacted passed (checked with the guard of the
commit before, see test_leak_unicode.py), and reviewers' surnames were not looked for
alone anywhere. End to end, on a real database: tests/export/test_leak_attacks_e2e.py.
"""

from __future__ import annotations

from workstation.export.leak_guard import Needles, Part, scan


def test_each_identifying_part_of_a_redacted_name() -> None:
    found = Needles()
    found.add_person("Sgt. Dana Whitlocke", "p")
    for text in ("Whitlocke did the right thing", "Dana did the right thing", "Sgt Whitlocke was there",
                 "DANA WHITLOCKE"):
        assert [f.what for f in scan([Part("x", text)], found)], text
    # Titles and common English words are not looked for alone.
    for text in ("The sergeant did the right thing", "Sgt. Brown arrived", "a dana-free zone"[:1]):
        assert scan([Part("x", text)], found) == [], text


def test_a_title_with_a_common_surname() -> None:
    found = Needles()
    found.add_person("Sgt. John Smith", "p")
    assert scan([Part("x", "Smith said to wait")], found) == []  # "smith" is a common word
    assert [f.what for f in scan([Part("x", "Sgt. Smith said to wait")], found)] == [
        "p: a title with a part of the name"]
