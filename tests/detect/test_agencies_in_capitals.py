"""Agencies named in words that a header typed in capitals lowers as ordinary words: a federal
agency's name and a tribal nation's own agency (issue 19, stop 38). The texts are new, in none
of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_federal_agency_in_a_header_typed_in_capitals(detector):
    text = ("U.S. POSTAL INSPECTION SERVICE - SEATTLE DIVISION\nPARCEL INTERCEPT, CONTROLLED "
            "DELIVERY TO 2210 ALDER WAY.")
    spans = _spans(detector, text)
    assert any(label == "AGENCY" and "POSTAL INSPECTION SERVICE" in t for t, label in spans)


def test_a_tribal_nations_department_in_capitals_keeps_the_nation(detector):
    text = ("CHEROKEE NATION MARSHAL SERVICE - USE OF FORCE REVIEW\nDEPUTY MARSHAL L. "
            "FOURKILLER WAS STRUCK BY A TRUCK.")
    assert ("CHEROKEE NATION MARSHAL SERVICE", "AGENCY") in _spans(detector, text)


def test_a_tribal_nation_agency_in_lower_case_drops_the_article(detector):
    text = "we got backup from the navajo nation police around midnight and the guy gave up"
    assert ("navajo nation police", "AGENCY") in _spans(detector, text)


def test_military_police_in_lower_case_is_a_kind_not_an_agency(detector):
    text = "He said he had been in the military police before he moved to Tulsa."
    assert not [t for t, label in _spans(detector, text) if "military police" in t]


def test_a_citys_command_by_its_quarter(detector):
    text = "MEMPHIS POLICE -- NORTHEAST PATROL\nI am a two-year officer working Southwest District nights."
    spans = _spans(detector, text)
    assert ("NORTHEAST PATROL", "AGENCY") in spans
    assert ("Southwest District", "AGENCY") in spans


def test_the_south_area_of_a_lot_is_no_command(detector):
    text = "He ran across the south area of the lot toward the fence."
    assert not [t for t, label in _spans(detector, text) if label == "AGENCY"]


def test_a_citys_numbered_areas_and_squads(detector):
    text = ("Det. L. Ferrante -- Area 4 -- canvass notes. Units from PSA 3 responded. Command: 81 Squad. "
            "The staging area 3 was full and SQUAD 214 was out of service.")
    spans = _spans(detector, text)
    assert {("Area 4", "AGENCY"), ("PSA 3", "AGENCY"), ("81 Squad", "AGENCY")} <= spans
    assert ("SQUAD 214", "ID") in spans
    assert not [t for t, _ in spans if t.lower().startswith("staging") or t == "area 3"]


def test_a_state_police_station_by_its_town(detector):
    text = "Trooper Dana Okafor of SP Cobleskill was working the disabled truck on I-88."
    assert ("SP Cobleskill", "AGENCY") in _spans(detector, text)


def test_a_states_department_by_its_letters(detector):
    text = ("Nobody had called NDOT or the IDOC. The KDEA is assisting. USDOT 3308114 on the "
            "door. IDEA was good.")
    spans = _spans(detector, text)
    assert {("NDOT", "AGENCY"), ("IDOC", "AGENCY"), ("KDEA", "AGENCY")} <= spans
    assert not [t for t, label in spans if t in ("USDOT", "IDEA") and label == "AGENCY"]
