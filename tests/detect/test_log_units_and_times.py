"""A unit after a log line's time with its officers in brackets is a call sign, and a clock time
before where something happened is no number (issue 19, stop 40): stock Presidio's phone pattern
reads both as phone numbers, so the workstation must find the one and allow the other. The texts
are new, in none of the corpora."""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from tests.helpers.detection import missed_stock_tokens, surfaces_and_labels
from workstation.detect import evaluation as ev


def test_a_unit_with_its_officers_in_brackets_is_a_call_sign(detector):
    text = ("PASS-ON, B SHIFT\n0120  Quiet on the east side.\n0445  612 (Halvorsen) cleared the "
            "crash on Hwy 2.\n0530  2214 31B (Okafor/Lind) took the domestic at the trailer court.")
    spans = surfaces_and_labels(detector, text)
    assert ("612", "ID") in spans and ("31B", "ID") in spans
    assert ("Halvorsen", "PERSON") in spans
    assert not [t for t, _ in spans if t in ("0120", "0445", "0530", "2214")]


def test_a_room_with_its_occupant_is_no_call_sign(detector):
    text = "Checked the rooms at 0200. Room 214 (Marsh) was empty and 216 stayed locked."
    assert ("214", "ID") not in surfaces_and_labels(detector, text)


def test_a_time_before_where_it_happened_is_no_number(detector):
    text = ("Log truck near miss 1640 on KY 15 at the mouth of Lotts Creek; a second one 2210 near Boone "
            "Dam. Car 2215 near the Dollar General. FM 2222 near City Park Rd was closed.")
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if t in ("1640", "2210")]
    assert ("Car 2215", "ID") in spans and ("FM 2222", "LOCATION") in spans


def test_never_below_stock_on_a_pass_on_log(detector):
    text = ("0510  825 (Price) recovered a stolen Altima, MD 3EJ 4471.\n"
            "Coal truck near miss 1640 on KY 699, driver shaken.")
    doc = ev.Document("pass-on", text, [])
    result = detector.analyze_text(text)
    assert missed_stock_tokens([doc], [result], [PhoneRecognizer()]) == []


def test_a_unit_after_a_notes_colon_or_bullet_with_its_officers_is_a_call_sign(detector):
    text = ("- NEAR MISS 0140: 2217 (Nakamura / Brzezinski) nearly struck at Pine & 9th.\n"
            "* near miss: 3K21 (Oyelaran) almost got swiped by a plow.\n"
            "- placards to know: 1075 (LPG), 1005 (NH3)")
    spans = surfaces_and_labels(detector, text)
    assert ("2217", "ID") in spans and ("3K21", "ID") in spans
    assert ("1075", "ID") not in spans and ("1005", "ID") not in spans
