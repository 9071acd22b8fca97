"""Kinds met in stop 48: cited case law ("Graham v. Connor", "Tennessee v. Garner, 471 U.S. 1
(1985)") names no one in the incident, while a pending case's accused stays a person; a crash's or
a fight's "X vs Y" shorthand ("Car vs. Pedestrian", "TRUCK VS DEER") names no one; a role before
"is" ("owner is gary weisz") is no nickname."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize("text", [
    "Under Graham v. Connor the force was objectively reasonable.",
    "The instructor covered Tennessee v. Garner and Terry v. Ohio before lunch.",
    "UNDER GRAHAM V. CONNOR AND TENNESSEE V. GARNER THE SHOT WAS JUSTIFIED.",
    "The review cited Tennessee v. Garner, 471 U.S. 1 (1985).",
    "Per Scott v Harris (2007), ramming was within policy.",
    "See Brandt v. Okafor, 512 F.3d 44 (9th Cir. 2009), on the same point.",
    "A Miranda v. Arizona warning was read at the car.",
])
def test_nothing_inside_a_cited_decision_is_suggested(detector, text: str) -> None:
    assert labelled(detector, text) == []


def test_a_pending_cases_accused_stays_a_person(detector) -> None:
    found = labelled(detector, "STATE v. HOLLOWAY, No. 24-CR-118, is set for trial; Det. Alvarez "
                               "testified in People v. Aguon last week.")
    assert ("HOLLOWAY", "PERSON") in found and ("Aguon", "PERSON") in found
    assert ("24-CR-118", "ID") in found and ("Alvarez", "PERSON") in found


@pytest.mark.parametrize(("text", "part", "label"), [
    # a listed decision's parties fighting ("vs" without its period), a caption's words before it in
    # capitals, a date after a pending case: all stay what they were
    ("The fight in the dayroom was Scott vs Harris; both inmates refused medical.", "Scott", "PERSON"),
    ("The fight in the dayroom was Scott vs Harris; both inmates refused medical.", "Harris", "PERSON"),
    ("SGT DIAZ REVIEWED GRAHAM V. CONNOR, 490 U.S. 386 WITH ME.", "DIAZ", "PERSON"),
    ("Hearing set in State v. Holloway, 14 Nov. 2024 at the courthouse.", "Holloway", "PERSON"),
    ("Hearing set in State v. Holloway, 14 Nov. 2024 at the courthouse.", "14 Nov. 2024", "DATE"),
])
def test_what_only_looks_like_a_citation_keeps_its_suggestions(detector, text: str, part: str,
                                                                 label: str) -> None:
    assert (part, label) in labelled(detector, text)


def test_a_state_after_a_captions_comma_is_the_next_caption(detector) -> None:
    found = labelled(detector, "Both files, State v. Young, State v. Hunter, went to the grand jury.")
    assert ("Young", "PERSON") in found and ("Hunter", "PERSON") in found
    assert not any("State" in part for part, _ in found)


@pytest.mark.parametrize("text", [
    "Call type: Car vs. Pedestrian at the school crossing.",
    "MVA - SEMI VS SEDAN, TRUCK VS DEER, ONE TRANSPORTED.",
    "It started as an Officer vs Suspect fight at the door.",
    "worked a fatal, water hauler vs minivan, both drivers hurt.",
    "It was a pickup vs Motorcycle crash with one rider down.",
])
def test_a_crash_or_a_fights_shorthand_names_no_one(detector, text: str) -> None:
    assert not any(label == "PERSON" for _, label in labelled(detector, text))


def test_a_date_calling_an_office_is_no_radio_unit(detector) -> None:
    found = labelled(detector, "March 12 to DA: sent the file for review.")
    assert ("March 12", "DATE") in found and ("March 12", "ID") not in found


def test_a_role_before_is_names_no_one(detector) -> None:
    found = labelled(detector, "tag in her ear was blue. owner is gary weisz, he ranches east of town.")
    assert ("gary weisz", "PERSON") in found
    assert not any(part == "owner" for part, _ in found)
    nicknames = labelled(detector, "Biscuit is Deputy Tavon Biscoe. deuce is darnell williams.")
    assert ("Biscuit", "PERSON") in nicknames and ("deuce", "PERSON") in nicknames


@pytest.mark.parametrize(("text", "part", "label"), [
    # record numbers that some region's phone plan would take: "number", "contract", "job number is"
    ("The warrant was out of Pierce County, number 24-1-01187-4.", "24-1-01187-4", "ID"),
    ("KYTC District 5 / contract 195-2024-117 / I-65 Kennedy Interchange", "195-2024-117", "ID"),
    ("The job number is 2024-17-011. Okay, bye.", "2024-17-011", "ID"),
    ("El guardia me agarró del cinturón. Caso 1184417-24.", "1184417-24", "ID"),
    ("cab medallion 5J41. 24 Pct 2025-024-000388.", "2025-024-000388", "ID"),
    # an alias, whatever its words, with its quotes outside
    ('Guillermo Acosta-Reyes - alias "Memo" - alias "Primo" - alias William Acosta.', "Memo", "PERSON"),
    ('Efraín Salcido-Ybarra (AKA "El Güero"; AKA Frank Salcido) was staying there.', "El Güero", "PERSON"),
    ("He goes by 'Chino' around the lot.", "Chino", "PERSON"),
    # a court named by its kind, an ordinal's too, as the body that acts
    ("Zuni Tribal Court ZTC-CR-24-338 filed the charges.", "Zuni Tribal Court", "AGENCY"),
    ("The 180th District Court issued the warrant last week.", "180th District Court", "AGENCY"),
    ("The Westminster Municipal Court clerk called about the bond.", "Westminster Municipal Court", "AGENCY"),
    # Wisconsin's trunk highways; a state's highway patrol in a lower-case post
    ("a man walking on STH 47 near Keshena in a snowstorm", "STH 47", "LOCATION"),
    ("didn't stop for my paddle and the chp officer pulled him over", "chp", "AGENCY"),
    ("let the whp close the highway before you walk out", "whp", "AGENCY"),
    # what opens a home: a gate's or a door's code, a fob
    ("Customer gave gate code 1379 in the notes.", "1379", "ID"),
    ("The FOB 0044718 was used at the side door.", "0044718", "ID"),
    ("He punched in the vehicle gate, *4471, and drove in.", "4471", "ID"),
    # an apartment complex in capitals; a maker's name on a venue
    ("TRESPASS LIST - WILLOW BEND TOWNHOMES - revised 01/02/2025", "WILLOW BEND TOWNHOMES", "LOCATION"),
    ("OVERWATCH LOG - Nissan Stadium - Country Nights Festival", "Nissan Stadium", "LOCATION"),
    ("We worked the game at Ford Field and left at midnight.", "Ford Field", "LOCATION"),
    # a date after a record's "Date/Time:" field, its time after it
    ("Case #: POS-24-003318 Date/Time: 2024-07-19 21:40 Location: Terminal 91", "2024-07-19", "DATE"),
    # a street named in Spanish, its word first; a county's constable and its animal care
    ("Yo estaba enganchando el carro en la calle Saunders cuando llegó el dueño.", "calle Saunders",
     "LOCATION"),
    ("WARRANT SERVICE OPS PLAN - HARRIS COUNTY PRECINCT 4 CONSTABLE Date: 10/17/2024",
     "HARRIS COUNTY PRECINCT 4 CONSTABLE", "AGENCY"),
    ("DOG CONTAINED BY GREENVILLE COUNTY ANIMAL CARE. CASE CLOSED.", "GREENVILLE COUNTY ANIMAL CARE",
     "AGENCY"),
    # a sentence's adverb is no part of a name; who a role turned out to be, in a lower-case post
    ("Later Dallas Police came and took the report.", "Dallas Police", "AGENCY"),
    ("wes got it away from him. guy was rusty mcalester. he ran.", "rusty mcalester", "PERSON"),
    ("the chp officer rivas wrote it up that night.", "rivas", "PERSON"),
    # tow and bail businesses; a delivery app; a number read out digit by digit
    ("Tow slip 004418 / Coastal Towing / 2024-05-06", "Coastal Towing", "LOCATION"),
    ("Bondsman Yolanda Pérez of Lone Star Bail Bonds says he's at his aunt's.", "Lone Star Bail Bonds",
     "LOCATION"),
    ("An Uber Eats order came through on June 6.", "Uber Eats", "LOCATION"),
    ("picked up the guy downtown, trip number is 5 5 4 1 8 2 sorry", "5 5 4 1 8 2", "ID"),
    # a radio log's unit calling its base, and called back
    ("1722  ROVER 11 TO BASE: FIGHT, CONCOURSE B\n1723  BASE TO ROVER 11: COPY", "ROVER 11", "ID"),
])
def test_the_kind_is_found_whole_with_its_label(detector, text: str, part: str, label: str) -> None:
    assert (part, label) in labelled(detector, text)


@pytest.mark.parametrize(("text", "word"), [
    ("Call me at 555-201-3344 or on my cell 71-33-52-22.", "71-33-52-22"),
    ("The number is 1-541-555-0134, ask for the desk.", "1-541-555-0134"),
    ("Foreman's number for the job: 541-555-0134.", "541-555-0134"),
    ("Her number in the file is 704-555-0188, she said.", "704-555-0188"),
])
def test_a_phone_stays_a_phone(detector, text: str, word: str) -> None:
    assert (word, "CONTACT") in labelled(detector, text)


@pytest.mark.parametrize(("text", "word"), [
    ("We lined up at Gate 114 for the flight.", "114"),
    ("He was cited under penal code 415 and vehicle code 23152.", "415"),
    ("He was cited under penal code 415 and vehicle code 23152.", "23152"),
    ("The account, known as \"the blue book\", was missing.", "blue book"),
    ("We parked in the mhp lot and walked in.", "mhp"),
    ("He drove a Ford to the stadium and a silver Tahoe home.", "Ford"),
    ("She lives at 14 Maple Court near the school.", None),
    ("Lesson 1 to remember: always wait for cover.", "Lesson 1"),
    ("WARRANT SERVICE - HARRIS COUNTY PRECINCT 4 CONSTABLE Date: 10/17/2024", "Date"),
    ("Officer Ruiz Location: Elm St and 4th.", "Ruiz Location"),
    ("get behind the guardrail, and let the whp close the highway.", "whp close the highway"),
    ("We counted 1 2 3 4 5 and went in.", "1 2 3 4 5"),
    ("The car makes 400 whp and has a turbo.", "whp"),
    ("He drives a 1995 Toyota Paseo 2 door coupe.", "Paseo 2"),
    ("Gate code 1379, door 204 was open.", "204"),
])
def test_the_look_alikes_stay_as_they_were(detector, text: str, word: str | None) -> None:
    found = labelled(detector, text)
    if word is None:
        assert ("14 Maple Court", "LOCATION") in found
    else:
        assert not any(word == part for part, _ in found)
