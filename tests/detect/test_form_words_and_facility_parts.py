"""A form's field labels, an e-mail's subject topic, a pronoun's contraction and the parts
inside a facility are no identifiers; speakers' names, ranks' names and places' own patterns
stay (issue 19). The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text", [
    "Weapon Involved: folding knife, 3 inch blade\nInjuries Sustained: none",
    "Level of Resistance: active aggression\nReason for Stop: expired tag",
    "SUPV REVIEW: REVIEWED WITH THE OFFICER, NO FURTHER ACTION.",
    "[Voicemail, front desk line, left at 4:10 p.m.]",
    "Subject: Parking garage exit, close call",
    "RE: Warehouse alarm response",
    "Caller ID: blocked. Caller hung up.",
])
def test_field_labels_and_subject_topics_are_no_names(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text, name", [
    ("DEFENSE ATTORNEY ABERNATHY: What did you do next?\nTHE WITNESS: I backed up.\n"
     "DEFENSE ATTORNEY ABERNATHY: Why?\nTHE WITNESS: He had a knife.", "ABERNATHY"),
    ("Sgt. Bristow: Copy, hold the perimeter.", "Bristow"),
    ("Lou K.: eyes on the back door\nDee: copy", "Lou K."),
])
def test_a_speakers_name_before_a_colon_stays(detector, text, name):
    assert name in flagged(detector, text)
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "It's 0415 and you're the only car out.",
    "You're alone. It's raining. They're watching you.",
    "We told him he's new and he's fine.",
])
def test_a_pronouns_contraction_is_no_identifier(detector, text):
    assert flagged(detector, text) == []


def test_a_contraction_before_an_agency_leaves_the_agency(detector):
    text = "She's with the Yavapai County Sheriff's Office now."
    flags = flagged(detector, text)
    assert any(f.startswith("Yavapai") for f in flags), flags
    assert not any("She's" in f for f in flags)


@pytest.mark.parametrize("text", [
    "The hearing in Courtroom 3C ran past lunch.",
    "He climbed the fence into Rec Yard 4 before count.",
    "The suspect jumped down onto track 3 as the train came in.",
    "A fuel truck crossed Taxiway K in front of us.",
    "Boat was tied up at dock B with the engine running.",
    "I switched to CH 4 and called it out.",
])
def test_the_parts_inside_a_facility_are_no_places(detector, text):
    assert flagged(detector, text) == []


def test_a_facility_keeps_its_name_beside_its_part(detector):
    text = "He was held at the Coyote Ridge Corrections Center, Courtroom 2 video link."
    assert any("Coyote Ridge" in f for f in flagged(detector, text))


@pytest.mark.parametrize("text", [
    "Nota: Llamada de emergencia en la casa de la señora. Tenía miedo de su esposo.",
    "Revisión de pesca en el lago. Cuatro hombres, uno con un cuchillo en la mano.",
])
def test_words_of_a_spanish_sentence_are_no_names(detector, text):
    flags = flagged(detector, text)
    words = ("Llamada de emergencia", "Tenía", "Revisión de pesca", "Cuatro")
    assert not any(f in words for f in flags), flags


def test_a_name_in_a_spanish_sentence_stays(detector):
    text = "El sujeto Ramiro Castellanos tenía un revólver en la cintura y no quería salir."
    assert any("Castellanos" in f for f in flagged(detector, text))


def test_a_task_force_officer_is_a_title(detector):
    text = "TFO Brannigan (Lakewood PD) walked up on the car before the signal."
    flags = flagged(detector, text)
    assert "Brannigan" in flags and "TFO" not in flags
    assert found_as(detector, text, "Brannigan") == {"PERSON"}


@pytest.mark.parametrize("text", [
    "0915 AIRBOAT OPERATOR CITED. BAGS WENT THROUGH UNWATCHED FOR 40 SEC AND WERE RESCREENED.",
    "SUBJ ID'D BY DL. DEP LEFT THE X-RAY UNATTENDED.",
])
def test_everyday_words_of_a_log_in_capitals_are_no_names(detector, text):
    assert flagged(detector, text) == []
