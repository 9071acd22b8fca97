"""Kinds fixed in issue 19's fourth round (towns named with everyday words, agencies in
capitals, names before a date of birth, radio logs, K9 names and given names repeated,
labels of CAD text), one made-up example each, none taken from the corpora; the styles4
corpus measures them at scale."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as
from workstation.detect.people_apart import split_people
from workstation.detect.spans import split_fields


@pytest.mark.parametrize(("text", "part", "label"), [
    # a town named with an everyday word: after "in", before a state, before a town hall
    ("She had been posted in Harmony for two winters.", "Harmony", "LOCATION"),
    ("He drove up from Paradise, CA with the kids.", "Paradise", "LOCATION"),
    ("We met at the Liberty substation after shift.", "Liberty", "LOCATION"),
    ("SUBJ WAS AT COMMERCE CITY HALL WHEN CONFRONTED.", "COMMERCE CITY HALL", "LOCATION"),
    ("worked nights in justice il for a year", "justice", "LOCATION"),
    # agencies in capitals: a town's PD or fire department, a county's SWAT team
    ("PT RELEASED TO DENVER. SALEM PD NOTIFIED.", "SALEM PD", "AGENCY"),
    ("BURN VICTIM TREATED BY PROVIDENCE FIRE.", "PROVIDENCE FIRE", "AGENCY"),
    ("The Marion County SWAT team took the door.", "Marion County SWAT", "AGENCY"),
    # the words before a date of birth are a name, whatever they mean
    ("RP: CHANCE WILLIAMS (DOB 02/14/1992) STATES HIS CAR WAS TAKEN.", "CHANCE WILLIAMS", "PERSON"),
    # a dog's name after K9, and again later in the report
    ("Handler released K9 Rocco at the fence line. Rocco found him in a shed.", "Rocco found", "PERSON"),
    # a given name of a full name, repeated alone
    ("The caller, Simone Achterberg, was calm. Later Simone told us about the gun.", "Simone told", "PERSON"),
    # a name after a naming cue, repeated in a post typed in lower case
    ("there was a regular named buster at the bar. buster swung first.", "buster swung", "PERSON"),
    # a county called for help is its sheriff
    ("I radioed for Cass County and waited.", "Cass County", "AGENCY"),
    # an acronym without vowels is no one's name
    ("We were working with TPWD game wardens at the lake.", "TPWD", "AGENCY"),
    # airport, port and campground sub-places with a letter designator
    ("The passenger ran from Concourse B toward the exit.", "Concourse B", "LOCATION"),
    # a town in lower case with its state code
    ("moved here from hope ar last spring", "hope", "LOCATION"),
    # labelled fields of forms and CAD records
    ("INCIDENT FORM\nLOCATION: SUMMIT. UNIT 4 ENRT.", "SUMMIT", "LOCATION"),
    ("Reported by: Ines Okonjo-Watts\nDate: 05/02/2025", "Ines Okonjo-Watts", "PERSON"),
    # a letter after a road word is part of the road, not a descriptor
    ("WE BLOCKED ROUTE B WITH TWO UNITS.", "ROUTE B", "LOCATION"),
    # a house number and a street name without its suffix
    ("The warrant said the house was at 812 Sycamore, two doors down.", "812 Sycamore", "LOCATION"),
])
def test_found_with_label(detector, text, part, label):
    if part.endswith((" found", " told", " swung")):
        start = text.rindex(part)
        part = part.split()[0]
        text_labels = {s.label for s in detector.analyze_text(text) if s.start <= start < s.end}
        assert label in text_labels, (text, part)
        return
    assert label in found_as(detector, text, part)


@pytest.mark.parametrize(("text", "part", "label"), [
    # businesses and the street they are on: two places
    ("We ate at Rosie's Diner on Delmar Blvd before shift.", "Rosie's Diner", "LOCATION"),
    # a holiday is a day, not a place
    ("We worked the parade on New Year's Day downtown.", "New Year's Day", "DATE"),
    # numbers in capitals: a call sign, a container
    ("REQUESTED SQUAD 418 FOR TRAFFIC CONTROL.", "SQUAD 418", "ID"),
])
def test_label(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize(("text", "not_flagged"), [
    # a radio log: clock times, a call sign and shorthand are no street address
    ("2214 BAKER 6 ENRT. 2219 PT REFUSED CARE. 2230 BAKER 6 OS.", "2219 PT"),
    # the emergency number is no case number
    ("She told me to call 911 if he came back.", "911"),
    # a road name never runs over a line break
    ("0210 S-4 en route\n0215 S-4 on scene", "route\n0215"),
    # kinds of fire are no fire departments; shorthand before PD is no town
    ("STRUCTURE FIRE ON ELM, UNITS REQ PD FOR TRAFFIC.", "REQ PD"),
    # "off duty" is no name
    ("HE SAID HE WAS OFF DUTY AT THE TIME.", "DUTY"),
    # an e-mail subject line is no name field; a measure after a number is no street
    ("Subject: Training day\nAll units report at 0700.", "Training"),
    ("He was standing at 300 Yards from the truck.", "300 Yards"),
    # a race/sex descriptor after a name in capitals; the next log entry's clock time
    ("0940 SUBJ LAMONT PRIDDY B/M 40S DETAINED.", "B/M"),
    ("0310 UNIT 6 AT 1450 W ALAMEDA. 0325 SUBJ DETAINED.", "0325"),
    # a role word before a name stays out of it
    ("TRANSPORTED BY HER SON MARCUS OYELARAN TO THE ER.", "SON MARCUS"),
])
def test_not_flagged(detector, text, not_flagged):
    assert not any(not_flagged in f for f in flagged(detector, text))


def test_a_date_is_never_part_of_a_name(detector):
    text = "RP LORETTA K. VANCE DOB 11/30/1979 CALLED BACK."
    labels = {text[s.start:s.end]: s.label for s in detector.analyze_text(text)}
    assert labels.get("11/30/1979") == "DATE"
    assert "PERSON" in found_as(detector, text, "LORETTA K. VANCE")


def test_a_form_column_gap_ends_a_name(detector):
    text = "Officer: T. Abernathy   Badge: 4471"
    assert "T. Abernathy" in flagged(detector, text)


def test_names_never_run_over_a_verb_in_capitals(detector):
    text = "DEPUTY NKEM ADEBAYO OBSERVED MALE TRAVIS KELLOGG PUSHING THE CLERK."
    spans = [text[s.start:s.end] for s in detector.analyze_text(text)]
    assert not any("OBSERVED" in s or "PUSHING" in s for s in spans), spans


def test_split_people_and_business_on_street():
    text = "Haley Brooks and Sam Okoro"
    assert [text[a:b] for a, b in split_people(text, 0, len(text))] == ["Haley Brooks", "Sam Okoro"]
    text = "Club Voodoo on Bourbon St."
    assert [text[a:b] for a, b in split_fields(text, 0, len(text))] == ["Club Voodoo", "Bourbon St."]
    text = "University of Hawaii at Manoa"
    assert [text[a:b] for a, b in split_fields(text, 0, len(text))] == [text]
