"""Units named by their number or a place's name in radio transcripts and CAD logs, and the
people of chat exports (issue 19, stop 31): "22:43 520 ENRT", "DISP 520 530", a unit table's
first column, "612: 612 copy.", "Kihei 12: backing", "Dispatch (Bethany):", "Renata 11:52 PM".
Shapes that only look like them stay unflagged: a count ("386 miles"), a clock time before a
colon written once, a numbered role ("OFC 1:"), a list's item ("Lesson 1:"). The texts are new,
in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


def _labels_at(detector, text: str, part: str, nth: int = 0) -> set[str]:
    """Labels of the suggestions over the nth mention of `part`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    end = start + len(part)
    return {s.label for s in detector.analyze_text(text) if s.start <= start and end <= s.end}


CAD_LOG = ("CAD UNIT LOG, Eastside Precinct\n21:10 DISP 314 322\n21:12 314 ENRT\n21:16 314 OS, "
           "322 DELAYED AT THE RR CROSSING\n21:18 314 ADV SUBJ FLED ON FOOT\n")


@pytest.mark.parametrize("nth", [0, 1, 2, 3, 4])
def test_units_of_a_cad_log_are_ids(detector, nth):
    unit = "322" if nth in (1, 4) else "314"
    position = {0: 0, 1: 0, 2: 1, 3: 2, 4: 1}[nth]
    assert _labels_at(detector, CAD_LOG, unit, position) == {"ID"}


def test_a_unit_table_lists_its_units_under_the_heading(detector):
    text = ("UNIT    DISP   ENRT   ARR    CLR\n2214    0305   0305   0311   0420\n"
            "2231    0305   0307   0316   0415\n")
    flags = flagged(detector, text)
    assert "2214" in flags and "2231" in flags
    assert not any(f in flags for f in ("0305", "0311", "0420"))


def test_a_unit_speaking_and_called_by_its_number(detector):
    text = ("Sam 4: all ground units back off, Air 2 has it.\n734: 734 copy, still behind him.\n"
            "Sam 4: 734, terminate.\nAir 2: he ran the light at Indian School.\n")
    flags = flagged(detector, text)
    assert flags.count("734") == 3


@pytest.mark.parametrize("text, sign", [
    ("Kihei 12: backing, two minutes out.\nWailea 3: copy.", "Kihei 12"),
    ("0215 ADAM 4 TO ADAM 6: MEET AT THE SCHOOL LOT.\nSUSPECT RAN EAST. BAKER 2: IN PURSUIT.", "BAKER 2"),
    ("Dispatch: Copy 4410, running it now.\nCar 4410: copy.\nDispatch: go ahead.", "4410"),
])
def test_a_call_sign_named_for_a_place_or_answered_is_an_id(detector, text, sign):
    assert found_as(detector, text, sign) == {"ID"}


@pytest.mark.parametrize("text", [
    "We drove 386 miles that night.\n0114: Units arrived.\nDispatch: copy.\nMedic: copy.",
    "OFC 1: Drop it.\nSUBJ: It's a lighter.\nOFC 2: Step back.\nOFC 1: Turn around.",
    "Lesson 1: cover the side door.\nLesson 2: wait for the second car.",
])
def test_counts_times_roles_and_lessons_are_no_units(detector, text):
    assert not any(label == "ID" for label in (s.label for s in detector.analyze_text(text)))


@pytest.mark.parametrize("text, name", [
    ("Dispatch (Corinne): Copy 214, stand by.\nUnit 214: copy.\nDispatch (Corinne): go ahead.", "Corinne"),
    ("Marisol 11:52 PM\nu ok??\nMe 11:53 PM\nya. hands still shaking\nMarisol 11:54 PM\ngood", "Marisol"),
    ("Marisol 11:52 PM: u ok??\nMe 11:52 PM: ya\nMarisol 11:53 PM: i didnt see the gun", "Marisol"),
])
def test_people_of_radio_logs_and_chat_exports(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, name", [
    ("It was 0300. Call from Ottilie Marchbanks, her son went out on the ice and did not come back.",
     "Ottilie Marchbanks"),
    ("His brother in the back seat, Quincy, had a pistol down by the door.", "Quincy"),
])
def test_a_caller_and_a_name_set_off_by_commas_are_people(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, part, label", [
    ("LOC: LAKE DORA, NEAR THE BOAT RAMP\nCOORD: N28 47.905 W081 41.118\nUNITS: MARINE 2",
     "N28 47.905 W081 41.118", "LOCATION"),
    ("RTO: 3-Adam-14 requesting backup. 3-K-22 responding.", "3-K-22", "ID"),
    ("Dispatch (Odessa): Copy 31. Fire has a unit on the way.\nUnit 31: copy.\nDispatch: go ahead.",
     "31", "ID"),
])
def test_marine_coordinates_letter_call_signs_and_units_answered(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize("text, part, label", [
    ("Involved officers: Officer Lena Brandt (DSN 2291); Officer Omar Sayed (DSN 2307).", "DSN 2291", "ID"),
    ("I, OFC T. HALVERSON #5521, WAS ON PATROL IN CAR 44 AT 9TH ST / ELM AVE WHEN I SAW HIM.",
     "CAR 44", "ID"),
    ("0212 OFC BRENNAN #20417 ON SCENE, REQUESTS POWER DOWN.", "BRENNAN", "PERSON"),
])
def test_an_officers_number_a_car_and_a_logged_officer_are_no_addresses(detector, text, part, label):
    assert found_as(detector, text, part) == {label}
