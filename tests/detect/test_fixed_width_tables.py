"""Tables (issue 19, stop 38): columns aligned with runs of spaces (a fixed-width export), a
header cell with a question mark, a field of two kinds ("AGENCY / UNIT") that says neither, and
a column that numbers the rows. The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_fixed_width_logs_ticket_numbers(detector):
    text = ("RIVERSIDE WRECKER -- ROTATION LOG\n\n"
            "TKT#     DATE     CALLED BY            NOTES\n"
            "55120    02/11    HPD                  ABANDONED ON SHOULDER\n"
            "55121    02/11    HCSO                 CRASH, 2 VEH\n"
            "55127    02/12    HPD                  OFFICER STOOD IN LANE\n")
    spans = _spans(detector, text)
    assert ("55120", "ID") in spans
    assert ("55127", "ID") in spans


def test_a_fixed_width_column_of_places_needs_a_number(detector):
    text = ("ITEM   EVIDENCE NO.       DESCRIPTION                     LOCATION\n"
            "1      KC-25-1187-01      Pistol, loaded                  Hall closet\n"
            "2      KC-25-1187-02      Scale w/ residue                4410 Birch Ln, garage\n")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("Hall closet", "1", "2")]
    assert ("KC-25-1187-01", "ID") in spans


def test_a_markdown_table_with_a_question_in_its_header(detector):
    text = ("| Date | Unit | Officer | Injury? |\n|---|---|---|---|\n"
            "| 05/02/25 | 3318 | Vang, Pa Houa | N |\n| 05/09/25 | 3342 | Reyes, T. | Y |\n")
    spans = _spans(detector, text)
    assert ("3318", "ID") in spans
    assert ("3342", "ID") in spans


def test_a_plate_column_keeps_the_state_apart(detector):
    text = ("TKT#    DATE    PLATE           DRIVER\n"
            "61102   02/03   MI HKW4410      OMAR\n"
            "61103   02/03   OH JRT 7719     LENA\n")
    spans = _spans(detector, text)
    assert ("MI", "LOCATION") in spans
    assert ("HKW4410", "ID") in spans
