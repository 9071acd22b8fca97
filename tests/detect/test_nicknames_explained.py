"""A nickname the writer explains is the person everywhere in the report (issue 19, stop 30):
"Biscuit is Deputy Tavon Biscoe.", "deuce is Darnell Williams". A pronoun, a role or a word
that starts sentences before "is" explains no one. The sentences are new, in none of the
corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize("text, nickname", [
    ("Gravy pulled me back by the vest before the car hit.\nGravy is Deputy Marcus Gravel.", "Gravy"),
    ("Cornbread got the door open. Cornbread is Officer Luis Cornejo, our FTO.", "Cornbread"),
    ("so that was that. moose is Tyrell Moseley, six foot six. moose grabbed the kid", "moose"),
])
def test_an_explained_nickname_is_the_person_each_time(detector, text, nickname):
    flags = flagged(detector, text)
    assert flags.count(nickname) == text.count(nickname)


@pytest.mark.parametrize("text", [
    "He is Deputy Marcus Gravel and he was first in.",
    "This is Officer Luis Cornejo with the follow-up.",
    "Dispatch is Kayla Moore most nights.",
])
def test_a_pronoun_or_role_before_a_name_is_no_nickname(detector, text):
    first = text.split()[0]
    assert first not in flagged(detector, text)


@pytest.mark.parametrize("text, family", [
    ("The Vangs had called twice that week about the same car.", "Vangs"),
    ("Two hunting parties, the Nowaks and the Brekkes, both armed, were shouting.", "Brekkes"),
    ("When I pulled up the Kowalczyks were already out on the porch yelling.", "Kowalczyks"),
])
def test_a_family_by_its_plural_surname_is_people(detector, text, family):
    assert found_as(detector, text, family) == {"PERSON"}
