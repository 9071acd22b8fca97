"""Cars and units by their number said in words, roads and precincts said aloud, two cars
that are no apartment, and a model named by its year (issue 19, stop 39). The texts are new,
in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_car_or_unit_said_in_words_keeps_its_word(detector):
    text = ("the bullet came through the roof of my patrol car unit nineteen twenty and out the door. "
            "I was in car thirty one forty that night, scout car twelve oh six was behind me. "
            "DISPATCH: Unit seven is at the hospital with a prisoner.")
    spans = _spans(detector, text)
    assert ("unit nineteen twenty", "ID") in spans
    assert ("car thirty one forty", "ID") in spans
    assert ("scout car twelve oh six", "ID") in spans
    assert ("Unit seven", "ID") in spans


def test_a_unit_counted_is_no_call_sign(detector):
    text = "We had one unit two streets over. The unit three days later was towed. My car two blocks away."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t.lower().startswith(("unit", "car"))]


def test_two_cars_by_number_are_two_ids_not_a_place(detector):
    text = "Units from PSA 6 responded, including RMP 5120 and RMP 2287, and Sgt. Oyelaran in Rm C upstairs."
    spans = _spans(detector, text)
    assert ("RMP 5120", "ID") in spans and ("RMP 2287", "ID") in spans
    assert not [t for t, _ in spans if "and RMP" in t]
    assert ("Rm C", "LOCATION") in spans


def test_interstates_and_state_routes_said_in_words(detector):
    text = ("i was on I seventy five alone when he passed me. we then took LA twenty three south. "
            "and then I ten minutes later called it in. CA one year ago was quieter.")
    spans = _spans(detector, text)
    assert ("I seventy five", "LOCATION") in spans
    assert ("LA twenty three", "LOCATION") in spans
    assert not [t for t, _ in spans if t.startswith(("I ten", "CA one"))]


def test_precincts_said_in_words_or_digit_by_digit(detector):
    text = ("ray from the ninth precinct called me. Units from the 4-6, and the 1-2-0 squad came too. "
            "Later the Twenty-Second District took the job.")
    spans = _spans(detector, text)
    assert ("ninth precinct", "AGENCY") in spans
    assert ("4-6", "AGENCY") in spans
    assert ("1-2-0", "AGENCY") in spans
    assert ("Twenty-Second District", "AGENCY") in spans


def test_a_score_after_the_is_no_precinct(detector):
    text = "They were up 3-2 and then the 5-4 game ended. We lost the 2-1 count."
    assert not [t for t, _ in _spans(detector, text) if "-" in t]


def test_a_model_after_its_year_is_a_vehicle_and_the_state_before_the_plate_a_place(detector):
    text = ("The other car (2019 Sentra, OH JKL 4471, driver Ifeoma Chukwu) hit the curb at 2210 Pilot Ave "
            "tonight.")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if "Sentra" in t]
    assert ("OH", "LOCATION") in spans and ("JKL 4471", "ID") in spans
    assert ("2210 Pilot Ave", "LOCATION") in spans


def test_units_talking_by_two_numbers_joined(detector):
    text = ("6-2: Radio, six-two, out with a grey Charger, Michigan plate.\n"
            "DISPATCH: Copy six-two. Who can back?\n"
            "6-5: Six-five, I'm close.\n"
            "6-2: Copy.")
    spans = _spans(detector, text)
    assert ("6-2", "ID") in spans and ("6-5", "ID") in spans


def test_bikes_patrol_cars_and_chiefs_by_their_number(detector):
    text = ("Ofc. Lena Varga (bike C-4) rode ahead; my unit, patrol 3318, stayed back. BC 207 was IC "
            "and Division Chief 3 came later. I was on patrol 4 nights a week; the Highway Patrol 2 weeks "
            "later.")
    spans = _spans(detector, text)
    assert {("bike C-4", "ID"), ("patrol 3318", "ID"), ("BC 207", "ID"), ("Division Chief 3", "ID")} <= spans
    assert not [t for t, _ in spans if t.endswith((" 4", " 2"))]


def test_a_coach_a_vessel_a_fleet_vehicle_and_a_trailer_by_their_number(detector):
    text = ("Metro Transit coach 3318 slid toward us; FWC vessel 512 stood off. PATROL VEH 4471 WAS STRUCK. "
            "Trailer KRT 2290 jackknifed. VEH 2 LEFT THE ROAD. A van with tags HJ 7710 sat there.")
    spans = _spans(detector, text)
    assert {("3318", "ID"), ("512", "ID"), ("4471", "ID"), ("KRT 2290", "ID"), ("HJ 7710", "ID")} <= spans
    assert not [t for t, _ in spans if t in ("2", "VEH 2")]
