"""A person's name keeps its label where a cue around it would call it a place (issue 19, stop
31): a word the report names a person with, standing alone later; a given name after
"department," or a unit number; a title or rank before a surname that is also a road word;
"driven by" before a given name and such a surname. A wrong label is a wrong placeholder in
the published text. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


def labels_of_last(detector, text: str, word: str) -> set[str]:
    """Labels over the last mention of `word`, which must be flagged whole."""
    start = text.rindex(word)
    spans = [s for s in detector.analyze_text(text) if s.start <= start and start + len(word) <= s.end]
    assert spans, (word, text)
    return {s.label for s in spans}


@pytest.mark.parametrize("text, word", [
    ("The clerk Rashid Al-Tamimi was holding the man down. I pulled the man off from Rashid and "
     "cuffed him on the floor.", "Rashid"),
    ("0114 MOOSE: Out with two at the pumps.\n0115 DISPATCH: 14, copy.\n0116 MOOSE: One is running "
     "north.\n0117 DISPATCH: 14, Moose's got one running north.", "Moose"),
    ("Deputy Brennan Foley found the knife. Later that night the kid lunged from the couch toward "
     "Foley.", "Foley"),
])
def test_a_word_the_report_names_a_person_with_stays_the_person(detector, text, word):
    assert labels_of_last(detector, text, word) == {"PERSON"}


@pytest.mark.parametrize("text, place", [
    ("Our dispatcher Kent Varga took the call. The driver came here from Kent in 2019.", "Kent"),
    ("Officer Troy Ballard was off that day. The driver was from Troy, Ohio.", "Troy"),
])
def test_a_place_a_person_is_named_for_stays_a_place_where_it_is_one(detector, text, place):
    assert labels_of_last(detector, text, place) == {"LOCATION"}


@pytest.mark.parametrize("text, name", [
    ("I was at the range with a guy from the department, Tanner. He saw it too.", "Tanner"),
    ("0231 DISPATCH: 31, Kenji's at the back door.", "Kenji"),
])
def test_a_given_name_after_a_comma_is_no_town(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, name", [
    ("Our range master Mrs. Turnpike was standing by the last cone.", "Turnpike"),
    ("The instructor Mr. Pike waved the car through the last gate.", "Pike"),
    ("Sgt. Parkway had the rifle on the door the whole time.", "Parkway"),
])
def test_a_title_before_a_road_word_names_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


def test_done_by_a_given_name_and_a_road_word_surname_is_a_person(detector):
    text = "The pickup driven by Travis Pike came through the cones at fifty."
    assert found_as(detector, text, "Travis Pike") == {"PERSON"}


def test_a_colour_that_is_a_persons_surname_here_is_the_person(detector):
    text = "The caller was Green, the man who owns the tire shop, Desmond Green. He wore green pants."
    spans = detector.analyze_text(text)
    assert any(text[s.start:s.end] == "Green" and s.label == "PERSON" for s in spans)
    assert not any(text[s.start:s.end] == "green" for s in spans)


@pytest.mark.parametrize("text, business", [
    ("We took a shoplifting call at Earl's on Commerce Street, the little grocery by the tracks.", "Earl's"),
    ("The steaks went back to Earl's. Nobody got hurt.", "Earl's"),
])
def test_a_possessive_name_where_a_place_goes_is_the_business(detector, text, business):
    assert found_as(detector, text, business) == {"LOCATION"}


@pytest.mark.parametrize("text, name", [
    ("The bus operator, Seo-yeon Moon, saw it first.", "Seo-yeon Moon"),
    ("My partner Kim Min-jun yelled my name. Min-jun had the door.", "Min-jun"),
    ("FROM: Sgt. Hye-jin Oh, District 4", "Hye-jin Oh"),
    ("Deputies Major Pettaway and Ana Ruiz took the back door.", "Major Pettaway"),
])
def test_joined_given_names_and_a_rank_word_that_is_a_given_name(detector, text, name):
    assert labels_of_last(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text, part, label", [
    ("The text came from a number that came back to Anjali Raghunathan, 804-555-0177.", "Anjali Raghunathan",
     "PERSON"),
    ("Hey Sarge, it's Tavi. Wanted you to hear it from me first.", "Tavi", "PERSON"),
    ("Officer involved: Olamide Brennan, BADGE 2231. NARR: DRIVER FLED. WITNESS OKONJO, TEMI ADV.",
     "Olamide Brennan", "PERSON"),
    ("We drove back to Tacoma after the call ended.", "Tacoma", "LOCATION"),
])
def test_an_owner_a_caller_and_a_town_named_like_a_truck(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_a_truck_named_like_a_town_is_no_place(detector):
    text = "He was sitting in a silver Tacoma with no plate, and I walked over to his Tacoma."
    assert "Tacoma" not in {text[s.start:s.end] for s in detector.analyze_text(text)}
