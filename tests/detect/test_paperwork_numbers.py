"""Numbers of fleet and insurance paperwork after their word, and a record number that looks
like a phone number after its paperwork's word (issue 19, stop 38). The texts are new, in none
of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_fleet_and_insurance_numbers_after_their_word(detector):
    text = ("Patrol car 4-B-11, fleet 30914, was towed. Invoice 77120 attached; RO 60218 opened at the "
            "body shop. Claim number 3318-552 and policy no. 7741882 are on file.")
    spans = _spans(detector, text)
    assert {("30914", "ID"), ("77120", "ID"), ("60218", "ID"), ("3318-552", "ID"), ("7741882", "ID")} <= spans


def test_a_departments_policy_and_a_phone_stay_what_they_are(detector):
    text = "Per policy 2210 we stage. Call me at 907-555-0166 about the claim."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t == "2210"]
    assert ("907-555-0166", "CONTACT") in spans


def test_a_flight_by_its_airlines_code_and_a_car_by_its_hyphenated_number(detector):
    text = ("We flew flight UA 2291 home. My partner and I were in scout 6-14 when Medic 2-11 pulled up; "
            "RMP 4471 blocked the street. The bus came 4-5 minutes later.")
    spans = _spans(detector, text)
    assert ("UA 2291", "ID") in spans
    assert ("scout 6-14", "ID") in spans
    assert ("Medic 2-11", "ID") in spans
    assert ("RMP 4471", "ID") in spans
    assert not [t for t, _ in spans if "4-5" in t]


def test_a_units_hyphenated_call_sign_before_its_officer_and_in_a_callsign_field(detector):
    text = ('Charlie (rear) -- 3-14 Ofc. Haddad. 6-22 (ofc Marisol Reyes) caught him. 10-4 Ofc Lee copied.\n'
            '<Unit callsign="7-12" crew="P.O. HOANG"/>')
    spans = _spans(detector, text)
    assert {("3-14", "ID"), ("6-22", "ID"), ("7-12", "ID")} <= spans
    assert not [t for t, _ in spans if t == "10-4"]


def test_a_hyphenated_call_sign_right_after_the_officers_name(detector):
    text = "2210 HRS TPR K. OYELARAN 6-31 CONDUCTED A STOP ON M-66. Ofc. Lee 10-8 at scene."
    spans = _spans(detector, text)
    assert ("6-31", "ID") in spans
    assert not [t for t, _ in spans if t == "10-8"]
