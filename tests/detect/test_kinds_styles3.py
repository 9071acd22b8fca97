"""Kinds fixed for dispatcher logs, CAD notes, court testimony, maritime, border, campus,
airport and corrections settings (issue 19), one made-up example each; the styles3 corpus
measures them at scale. What must be found with which label, and what must not be
flagged."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as
from workstation.detect.spans import split_fields


@pytest.mark.parametrize(("text", "part", "label"), [
    # apparatus and letter call signs of dispatch logs
    ("0231 WATER 3 ON SCENE, SUBJ IN WATER", "WATER 3", "ID"),
    ("Harbor unit Marine 7 was sent to the pier.", "Marine 7", "ID"),
    ("TRIBAL PD P-4 ARRIVED ALONE, BEFORE S-19", "P-4", "ID"),
    # vessels, facility codes, places inside a prison or an airport
    ("We boarded the F/V Silver Tide at the fuel dock.", "F/V Silver Tide", "LOCATION"),
    ("He was found at the 31 mile marker on the lake.", "31 mile marker", "LOCATION"),
    ("The man ran past gate N7 toward the apron.", "N7", "LOCATION"),
    ("The fight started on tier 2 near the showers.", "tier 2", "LOCATION"),
    ("Officers were called to D unit for a cell fight.", "D unit", "LOCATION"),
    # holidays are days
    ("It was Thanksgiving Day and the shift was short.", "Thanksgiving Day", "DATE"),
    # agencies: acronyms, tribal nations, lower-case names
    ("An RCMP cruiser waited on the other side of the line.", "RCMP", "AGENCY"),
    ("Backup came from the Crow Creek Tribe Law Enforcement Services.",
     "Crow Creek Tribe Law Enforcement Services", "AGENCY"),
    ("we called oglala nation pd for help", "oglala nation pd", "AGENCY"),
    ("the coast guard boat got there first", "coast guard", "AGENCY"),
    ("ended up waiting on idaho state police for an hour", "idaho state police", "AGENCY"),
    # a town before a province code; a town of that state before a state code
    ("We were posted in Lethbridge, AB that winter.", "Lethbridge, AB", "LOCATION"),
    ("THE TRUCK WAS REGISTERED IN HOPE, AR.", "HOPE, AR", "LOCATION"),
    # names after the cue words of CAD notes and posts
    ("1411 REQ 2ND UNIT / RP WAIKIKI KAHANANUI / CB 808-555-0110", "WAIKIKI KAHANANUI", "PERSON"),
    ("me and my partner anjali got the call", "anjali", "PERSON"),
    # a given name before a found surname; a surname repeated after its first mention
    ("ASSIGNED TO VALENTIN OSORIO AND HUGO OSORIO AT THE STOP", "HUGO OSORIO", "PERSON"),
    ("A hunter, Clifton Rhodes, stood up fast. Rhodes had been drinking.", "Rhodes had", "PERSON"),
    # a lower-case hyphenated given name before a found surname
    ("my partner was min-jun lee from the academy", "min-jun lee", "PERSON"),
    # a name that is an everyday word, again in a post typed in lower case
    ("my partner Tango went first. tango saw the knife. we backed out.", "tango saw", "PERSON"),
    # a named place without an article after a preposition
    ("we found him near sable river after dark", "sable river", "LOCATION"),
    ("SUBJ FLED TO PINE HOLLOW MOBILE HOME PARK ON FOOT", "PINE HOLLOW MOBILE HOME PARK", "LOCATION"),
    # a facility word after a place in capitals
    ("R/O RESPONDED TO SIOUX FALLS REGIONAL AIRPORT REF DISTURBANCE", "SIOUX FALLS REGIONAL AIRPORT",
     "LOCATION"),
])
def test_found_with_label(detector, text, part, label):
    if part in ("Rhodes had", "tango saw"):
        part = part.split()[0]
    assert label in found_as(detector, text, part)


@pytest.mark.parametrize(("text", "part", "label"), [
    # labels: a business NER calls an organisation, a surname it calls a place
    ("We parked at the Grand Meridian Hotel and waited.", "Grand Meridian Hotel", "LOCATION"),
    ("Officer Haugen on the control board had missed the light.", "Haugen", "PERSON"),
    # a person and the agency after "of the": two spans, two labels
    ("Officer Priya Ramaswamy of the Edison Police Department stopped him.", "Priya Ramaswamy", "PERSON"),
    ("CBP agents at the USBP HOULTON STATION took him.", "USBP HOULTON STATION", "AGENCY"),
])
def test_label(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize(("text", "not_flagged"), [
    # transcripts: "Q." and "A." are no initials
    ("Q. Officer, what did you see?\nA. A man with a bat.", "Q. Officer"),
    # a verb after a rank in capitals is no name
    ("DEP ORDERED HIM TO DROP IT. OFC RIDING IN THE RIG.", "ORDERED"),
    # counts after an apparatus word are no call signs
    ("The engine ran for 20 minutes. Water 2 times a day.", "Water 2"),
    # a clock time at the start of a log line is no house number
    ("2305 UNIT 4 ENRT 25 MIN", "UNIT 4 ENRT 25 MIN"),
    # "at city park", "in the river": no name
    ("he was sleeping at city park near the river", "city park"),
])
def test_not_flagged(detector, text, not_flagged):
    assert not any(not_flagged in f for f in flagged(detector, text))


def test_cad_fields_are_judged_apart(detector):
    text = "RP GLADYS PEEBLES / CB 303-555-0127 / UNITS ASSIGNED"
    labels = {text[s.start:s.end]: s.label for s in detector.analyze_text(text)}
    assert labels.get("303-555-0127") == "CONTACT"
    assert "PERSON" in found_as(detector, text, "GLADYS PEEBLES")


def test_split_fields():
    text = "GLADYS PEEBLES / CB 303 ; LATER"
    assert [text[a:b] for a, b in split_fields(text, 0, len(text))] == ["GLADYS PEEBLES", "CB 303", "LATER"]
    text = "Priya Ramaswamy of the Edison Police Department"
    assert [text[a:b] for a, b in split_fields(text, 0, len(text))] == [
        "Priya Ramaswamy", "Edison Police Department"]
    text = "Lake of the Ozarks"
    assert [text[a:b] for a, b in split_fields(text, 0, len(text))] == ["Lake of the Ozarks"]


def test_stock_prefilter_keeps_every_match():
    """A stock recognizer skipped for want of its necessary characters finds nothing."""
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, IpRecognizer, UrlRecognizer

    from workstation.detect.recognizers.stock import stock_pattern_recognizers

    texts = ["See example.com or WWW.EXAMPLE.ORG today", "mail x@y.io", "from ::1 and 10.0.0.1",
             "fe80::1ff:fe23:4567:890a", "no address here at all", "Dr.Smith at st.louis"]
    ours = {type(r): r for r in stock_pattern_recognizers()}
    for kind in (UrlRecognizer, EmailRecognizer, IpRecognizer):
        fresh = kind()
        for text in texts:
            entities = fresh.supported_entities
            expected = [(r.start, r.end) for r in fresh.analyze(text, entities)]
            got = [(r.start, r.end) for r in ours[kind].analyze(text, entities)]
            assert got == expected, (kind.__name__, text)
