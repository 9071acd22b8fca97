"""Labels from the words around a span, and spans cut at sentence ends (issue 19). The
sentences are new (written for these tests, in none of the corpora); each checks a kind."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as
from workstation.detect.label_cues import by_context
from workstation.detect.sentence_split import split_at_sentences
from workstation.detect.spans import RawSpan

NER = "SpacyNerRecognizer"


def _label(text: str, word: str, label: str, recognizer: str = NER) -> str:
    start = text.index(word)
    return by_context(text, RawSpan(start, start + len(word), label, 0.85, recognizer), label)


@pytest.mark.parametrize(("text", "word"), [
    ("We met the informant behind the Marlowe after close.", "Marlowe"),
    ("Traffic backed up on the Ike Kendrick for two miles.", "Ike Kendrick"),
    ("He bailed out of Quitaque and headed north.", "Quitaque"),
    ("we chased him thru ocotillo wells and lost him", "ocotillo wells"),
    ("THE TRANSPORT VAN LEFT FCI MARBURY AT 0600.", "FCI MARBURY"),
    ("She was moved to Harlan Ridge CI last spring.", "Harlan Ridge CI"),
])
def test_a_place_named_by_its_surroundings(text, word):
    assert _label(text, word, "PERSON") == "LOCATION"


@pytest.mark.parametrize(("text", "word"), [
    ("Unlike the Okonkwo ruling, this one stood.", "Okonkwo"),  # a name before a noun
    ("We knocked at the Brennan house twice.", "Brennan"),  # a family's house
    ("It came out of Gerald Whitby without a pause.", "Gerald Whitby"),  # a given name, a surname
])
def test_a_person_stays_a_person(text, word):
    assert _label(text, word, "PERSON") == "PERSON"


@pytest.mark.parametrize(("text", "word"), [
    ("the passenger, tracy, had a warrant", "tracy"),
    ("Her cousin Austin drove the getaway car.", "Austin"),
    ("Lancaster said he never saw the gun.", "Lancaster"),
])
def test_a_town_shaped_name_that_acts_is_a_person(text, word):
    assert _label(text, word, "LOCATION", "GazetteerRecognizer") == "PERSON"


def test_a_town_after_a_movement_word_stays_a_town():
    text = "We drove through Austin at dawn."
    assert _label(text, "Austin", "LOCATION", "GazetteerRecognizer") == "LOCATION"


def test_patterns_other_than_ner_are_not_second_guessed_by_the():
    # a name pattern's "person" after "the" is left alone: only NER's guesses are weighed
    text = "We interviewed the Delacroix twins."
    assert _label(text, "Delacroix", "PERSON", "NameListRecognizer") == "PERSON"


def _split(detector, text: str, fragment: str, label: str) -> list[tuple[str, str]]:
    start = text.index(fragment)
    span = RawSpan(start, start + len(fragment), label, 0.9, "RegionRecognizer")
    lexicon = detector._get_engine().lexicon
    return [(text[s.start:s.end], s.label) for s in split_at_sentences(lexicon, text, [span])]


def test_a_span_is_cut_where_a_sentence_ends(detector):
    text = "He lives near Cutbank, MT. Glacier County Sheriff's Office took the call."
    parts = _split(detector, text, "Cutbank, MT. Glacier County Sheriff's Office", "AGENCY")
    assert parts == [("Cutbank, MT", "LOCATION"), ("Glacier County Sheriff's Office", "AGENCY")]


def test_a_plate_before_the_next_sentence_is_a_number(detector):
    text = "The tag was WY 88-4410. Sublette County Sheriff ran it."
    parts = _split(detector, text, "WY 88-4410. Sublette County Sheriff", "AGENCY")
    assert parts == [("WY 88-4410", "ID"), ("Sublette County Sheriff", "AGENCY")]


def test_an_ordinary_word_left_after_the_cut_is_dropped(detector):
    text = "We met at Keokuk, IA. Nobody else came."
    assert _split(detector, text, "Keokuk, IA. Nobody", "LOCATION") == [("Keokuk, IA", "LOCATION")]


@pytest.mark.parametrize("fragment", ["St. Paul Police", "Lt. Osei Mensah", "J. R. Haskell", "Mt. Shasta"])
def test_abbreviations_and_initials_do_not_end_a_sentence(detector, fragment):
    text = f"Then {fragment} arrived."
    assert _split(detector, text, fragment, "AGENCY") == [(fragment, "AGENCY")]


def test_a_name_lists_word_after_a_preposition_and_the_is_a_place():
    text = "We dragged the canoe out of the Wabash near the old mill."
    assert _label(text, "Wabash", "PERSON", "NameListRecognizer") == "LOCATION"
    family = "We parked in front of the Kowalski house."
    assert _label(family, "Kowalski", "PERSON", "NameListRecognizer") == "PERSON"
    titled = "We waited for the Sgt. Ramos."  # a title's name stands
    assert _label(titled, "Ramos", "PERSON", "TitledNameRecognizer:rank_and_name") == "PERSON"


@pytest.mark.parametrize(("text", "word"), [
    ("THE PASSENGER, TEVITA FIFITA, HAD A WARRANT.", "TEVITA FIFITA"),
    ("The caller, Oyelaran, would not give an address.", "Oyelaran"),
    ("HIS GIRLFRIEND, KEKOA NAKAMURA-LEE, WAS DRIVING.", "NAKAMURA-LEE"),
])
def test_a_role_and_a_comma_before_an_ner_organisation_make_it_a_person(text, word):
    assert _label(text, word, "AGENCY") == "PERSON"


def test_a_role_and_a_comma_before_an_agency_leave_the_agency():
    text = "The caller, Rapides Parish Sheriff, asked for mutual aid."
    assert _label(text, "Rapides Parish Sheriff", "AGENCY") == "AGENCY"


@pytest.mark.parametrize(("text", "name"), [
    ("Grace shoved the door and ran. Chase yelled for her to stop.", "Chase"),
    ("Wade grabbed my vest from behind.", "Wade"),
    ("The dog barked. Rose said it never bites.", "Rose"),
])
def test_an_everyday_word_given_name_first_in_its_sentence_doing_what_people_do(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text", ["Will said nothing about it.", "May said nothing about it."])
def test_will_and_may_are_not_names_for_it(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "part", "label"), [
    # agencies by their heads and commands
    ("Mutual aid came from the Tri-Valley Fire Authority that night.", "Tri-Valley Fire Authority", "AGENCY"),
    ("Her supervisor at Travis County CSCD signed off.", "Travis County CSCD", "AGENCY"),
    ("I was in the 14th District that winter.", "14th District", "AGENCY"),
    ("Sergeant, Ohio State Highway Patrol, Post 61, Medina Station.", "Medina Station", "AGENCY"),
    ("He waited for us at Medina Station by the tracks.", "Medina Station", "LOCATION"),
    ("NVDOT had the left lane coned off.", "NVDOT", "AGENCY"),
    ("I flashed my Dane County Sheriff's Office ID at the door.", "Dane County Sheriff's Office", "AGENCY"),
    # people whose names end in place words, and places named like people
    ("I went in with Deputy Ansel Brook and he took the hallway.", "Ansel Brook", "PERSON"),
    ("The renter, Delbert Banks, said the lease was up.", "Delbert Banks", "PERSON"),
    ("Mail goes to PO Box 881, Beatty, they told us.", "Beatty", "LOCATION"),
    ("me and Lyle were first in the door", "Lyle", "PERSON"),
    # record numbers and dates
    ("My unit number is 2B15 and the CAD was INC#240615-0087.", "240615-0087", "ID"),
])
def test_kinds_from_the_sixth_corpus_in_new_sentences(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_an_ordinal_before_a_capitalised_word_is_no_date(detector):
    text = "Narcotics Task Force of the 9th Judicial Circuit sent two agents."
    assert not any(s.label == "DATE" for s in detector.analyze_text(text))


def test_a_road_named_after_a_rank_stays_a_road(detector):
    text = "We drove down Officer Lane to the school."
    assert found_as(detector, text, "Officer Lane") == {"LOCATION"}


@pytest.mark.parametrize(("text", "name"), [
    ("Call me if anything comes up.\n- Sparky", "Sparky"),
    ("Good job on the scene last night.\nRespectfully,\nTeodora Villaseñor\nEvidence Unit",
     "Teodora Villaseñor"),
    ("Keep your heads up out there. - Dutch", "Dutch"),
])
def test_who_signed_a_message_is_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "Stay safe out there.\n- The Training Unit",
    "Thanks,\nEveryone on B shift",
])
def test_a_team_signing_is_no_person(detector, text):
    assert not any(s.label == "PERSON" for s in detector.analyze_text(text))
