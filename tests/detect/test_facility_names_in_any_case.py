"""A business or public building named in capitals or in lower case (issue 19, stop 30): the
words before its head word are its name ("RUSTY SPUR SALOON", "oklahoma county detention
center"); one everyday word before it is no name ("the rodeo arena", "THE COUNTY JAIL"). The
sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, place", [
    ("R/O RESPONDED TO THE BROKEN WHEEL TAVERN FOR A FIGHT IN THE LOT.", "BROKEN WHEEL TAVERN"),
    ("SUBJ WAS TRANSPORTED TO THE NORTH RIVER JAIL WITHOUT INCIDENT.", "NORTH RIVER JAIL"),
    ("we dropped him at tulsa county juvenile center around 3", "tulsa county juvenile center"),
    ("MET THE RP AT THE CRESTVIEW TOWER LOBBY.", "CRESTVIEW TOWER"),
])
def test_a_facility_in_capitals_or_lower_case_is_a_place(detector, text, place):
    assert found_as(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text", [
    "I WENT BACK TO THE COUNTY JAIL AND WROTE IT UP.",
    "other deputy was over by the rodeo arena and couldnt hear me",
    "OFFENSE: AGG ASSAULT PUB SERV / RESISTING",
])
def test_one_everyday_word_before_a_facility_word_is_no_name(detector, text):
    assert flagged(detector, text) == []
