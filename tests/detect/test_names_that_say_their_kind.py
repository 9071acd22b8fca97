"""Names whose own words say what they are (issue 19): a county's communications centre and
"Bureau of ..." are agencies; a town with its state's code and "Little <country>" are
places; a person after "Operator" is a person. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


@pytest.mark.parametrize("text, name, label", [
    ("The call was taken by Lakeland County Emergency Communications Center at 0140.",
     "Lakeland County Emergency Communications Center", "AGENCY"),
    ("He did twenty years with the Bureau of Prisons before this.", "Bureau of Prisons", "AGENCY"),
    ("Tewksbury MA. Midnight shift, a man on the roof of the school.", "Tewksbury MA", "LOCATION"),
    ("Shots fired call in Little Haiti, two blocks from the market.", "Little Haiti", "LOCATION"),
    ("Operator Delbert Pike, 79, was confused and kept driving.", "Delbert Pike", "PERSON"),
])
def test_the_words_of_a_name_say_its_kind(detector, text, name, label):
    assert found_as(detector, text, name) == {label}


def test_a_doctors_title_is_no_state(detector):
    text = "The ER doctor, Renata Oyelowo MD, said the cut needed stitches."
    assert "LOCATION" not in found_as(detector, text, "Renata Oyelowo")


@pytest.mark.parametrize("text, acronym", [
    ("HFD was already staging at the corner when we pulled up.", "HFD"),
    ("WE WAITED FOR KYTC AND WVDOT TO CLOSE THE RAMP.", "WVDOT"),
])
def test_a_fire_department_or_dot_acronym_is_an_agency(detector, text, acronym):
    assert found_as(detector, text, acronym) == {"AGENCY"}



@pytest.mark.parametrize("text, post", [
    ("I was working out of the Dillingham post that winter.", "Dillingham post"),
    ("Tpr. Ana Ruiz, Sandusky Post, reporting.", "Sandusky Post"),
])
def test_a_town_and_post_is_an_agency(detector, text, post):
    assert found_as(detector, text, post) == {"AGENCY"}


def test_a_trading_post_is_no_agency(detector):
    from tests.helpers.detection import flagged

    assert flagged(detector, "He bought ammo at the trading post.") == []


@pytest.mark.parametrize("text, agency", [
    ("Case 24-1187 was sent on to HSI Tucson the next morning.", "HSI Tucson"),
    ("1840 AST KETCHIKAN: copy, en route.", "AST KETCHIKAN"),
    ("NOPD 5TH DISTRICT UNITS ON SCENE.", "NOPD 5TH DISTRICT"),
])
def test_an_agency_and_its_command_are_one(detector, text, agency):
    assert found_as(detector, text, agency) == {"AGENCY"}


def test_a_towns_own_force_and_the_town_stay_apart(detector):
    text = "Worked for KPD in Kodiak; KPD Kodiak handled the scene."
    assert "LOCATION" in found_as(detector, text, "Kodiak")


@pytest.mark.parametrize("text, body", [
    ("We briefed the Vermont Sheriffs Association on the stop.", "Vermont Sheriffs Association"),
    ("Southeast Area Command sent two more units.", "Southeast Area Command"),
])
def test_an_association_or_command_is_an_agency(detector, text, body):
    assert found_as(detector, text, body) == {"AGENCY"}


def test_an_agency_acronym_alone_is_an_agency(detector):
    assert found_as(detector, "NHSP. 3/14. Kancamagus Hwy. Car off the road.", "NHSP") == {"AGENCY"}
