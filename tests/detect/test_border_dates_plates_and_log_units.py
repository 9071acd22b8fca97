"""French dates ("12 décembre 2024", "le 1er mars", which OCR repair once read as "ler"), a
province's code before its plate, and a unit numbered beat-and-car opening a log line after its
time (issue 19, stop 41). The texts are new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_french_dates_are_dates(detector):
    text = ("Date : 12 décembre 2024. Le 1er mars 2025 vers 03 h 15, l'agente a vu le camion. "
            "Rappel : la semaine du 3 JUIN.")
    spans = surfaces_and_labels(detector, text)
    assert ("12 décembre 2024", "DATE") in spans
    assert ("1er mars 2025", "DATE") in spans
    assert ("3 JUIN", "DATE") in spans


def test_a_number_then_a_month_on_the_next_line_is_no_date(detector):
    text = "Subject: RE: range ND 5/20\n\nMai,\n\nthe round went into the berm."
    assert not [t for t, label in surfaces_and_labels(detector, text) if "\n" in t]


def test_a_province_before_its_plate_is_a_place_and_the_plate_an_id(detector):
    text = "A car from Quebec (QC V41 RTK) came south, then a RAV4 (BC PK4 17T) ran the lane."
    spans = surfaces_and_labels(detector, text)
    assert ("QC", "LOCATION") in spans and ("V41 RTK", "ID") in spans
    assert ("BC", "LOCATION") in spans and ("PK4 17T", "ID") in spans


def test_a_hyphened_unit_opening_a_log_line_is_a_call_sign(detector):
    text = ("0218  15-22 OUT ON ROADSIDE, I-88 EB MP 118.4\n"
            "0231  15-31 HAS A POSSIBLE AT THE EXIT\n"
            "0233  10-97 AT SCENE\n")
    spans = surfaces_and_labels(detector, text)
    assert ("15-22", "ID") in spans and ("15-31", "ID") in spans
    assert not [t for t, _ in spans if "10-97" in t]


def test_canadian_agencies_by_their_letters(detector):
    text = ("SPVM -- PDQ 38. Un autobus de la STM s'est arrêté. L'ASFC et la SAAQ ont été avisées; "
            "the MTO inspector and a VPD unit attended.")
    spans = surfaces_and_labels(detector, text)
    for agency in ("SPVM", "STM", "ASFC", "SAAQ", "MTO", "VPD"):
        assert (agency, "AGENCY") in spans
