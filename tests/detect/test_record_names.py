"""A record's name fields write the surname first (issue 19): "RP: OKAFOR, BEATRICE M",
"SUSP: HOLLOW, TRAVIS JAMES   DOB ...". The whole name is one person, an everyday surname
included; towns with their state, lists of given names and makes are not. The sentences
are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, name", [
    ("RP: OKAFOR, BEATRICE M   CB: 312-555-0148", "OKAFOR, BEATRICE M"),
    ("SUSP: HOLLOW, TRAVIS JAMES   DOB 07/14/1991", "HOLLOW, TRAVIS JAMES"),
    ("DRIVER: BRIDGES, MARCUS SR  OLN 44102933", "BRIDGES, MARCUS SR"),
    ("UNIT: K-412 LINDQVIST, P   ASST: 4-ADAM-2", "LINDQVIST, P"),
    ("V1 OPR: PHAM, MINH-CHAU (JUV)", "PHAM, MINH-CHAU"),
    ("0210 | DISTURBANCE | 400 BLK E 9TH | TUILAGI, SIONE | ARRESTED", "TUILAGI, SIONE"),
])
def test_a_record_writes_the_surname_first(detector, text, name):
    assert name in flagged(detector, text)
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, name", [
    ("AT THE SALLYPORT INMATE RUSSO, DANTE BKG P4471190 PULLED AWAY FROM DO KEMP.", "RUSSO, DANTE"),
    ("THE VICTIM'S NEIGHBOR LOR, MAI ADV SHE HEARD TWO SHOTS.", "LOR, MAI"),
    ("R/O WAS PUSHED BY A W/M LATER ID'D AS FENWICK, BRADY. R/O DEPLOYED OC.", "FENWICK, BRADY"),
    ("DRIVER: DO QUINTANA, EMILIO S#B2231   PARTNER: DO HALE", "QUINTANA, EMILIO"),
])
def test_a_rank_or_role_in_capitals_names_who_follows(detector, text, name):
    assert name in flagged(detector, text)
    assert found_as(detector, text, name) == {"PERSON"}


def test_the_surname_alone_later_is_the_same_person(detector):
    text = ("SUBJ: BARLEY, JOEL   DOB 02/11/1990\n"
            "NARR: R/O CONTACTED BARLEY AT THE DOOR. BARLEY REFUSED TO EXIT.")
    later = text.rindex("BARLEY")
    assert any(s.start == later and s.label == "PERSON" for s in detector.analyze_text(text))


def test_an_agency_after_the_name_stays_apart(detector):
    text = "R/O: OFC HADLEY, CORA RAWLINS PD UNIT 4"
    assert "HADLEY, CORA" in flagged(detector, text)
    assert "HADLEY, CORA RAWLINS" not in flagged(detector, text)


def test_a_relative_in_brackets_stays_outside_the_name(detector):
    text = "RP: FLOWERS, DOREEN (MOTHER)   PH 405-555-0172"
    assert "FLOWERS, DOREEN" in flagged(detector, text)
    assert not any("MOTHER" in f for f in flagged(detector, text))


@pytest.mark.parametrize("text, not_one", [
    ("LOC: MAPLETON, OREGON   RP: WALKER, DIANE", "MAPLETON, OREGON"),
    ("Present: Yusuf, Hannah, Oliver and Grace.", "Yusuf, Hannah"),
    ("VEH: PWC, SEA-DOO, FL REG FL 2210 KT", "PWC, SEA-DOO"),
])
def test_towns_lists_and_makes_are_no_record_names(detector, text, not_one):
    assert not_one not in flagged(detector, text)
