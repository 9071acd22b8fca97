"""Kinds met in death investigations, military and cybercrime paperwork, logs and animal calls
(stop 45): coroners' and medical examiners' offices, funeral homes, a patient's or a decedent's
record name with its initial, military units chained to their parents, UTM grid positions, hash
values, gamer tags, animals' names in quotes, a unit's letters before its officer in brackets, a
beat-and-car number on the air, a record's numbers listed after their word, a road's exit or
interchange, a CAD line's "LOC" field; with the look-alikes that stay as they were."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize(("text", "part", "label"), [
    ("The body went to the Ada County Coroner's Office for an exam.", "Ada County Coroner's Office",
     "AGENCY"),
    ("REPORT OF DEATH - ADA COUNTY CORONER'S OFFICE CORONER CASE #: 24-1102",
     "ADA COUNTY CORONER'S OFFICE", "AGENCY"),
    ("KING COUNTY MEDICAL EXAMINER'S OFFICE - INVESTIGATOR SCENE REPORT",
     "KING COUNTY MEDICAL EXAMINER'S OFFICE", "AGENCY"),
    ("OFFICE OF THE MEDICAL INVESTIGATOR - FIELD DEPUTY REPORT OMI #: 2024-07718",
     "OFFICE OF THE MEDICAL INVESTIGATOR", "AGENCY"),
    ("Removal by Valley Mortuary, then to Riverside Funeral Home on Elm.", "Riverside Funeral Home",
     "LOCATION"),
    ("Removal by Valley Mortuary, then to Riverside Funeral Home on Elm.", "Valley Mortuary", "LOCATION"),
    ("CB 503-555-0184. PT FITZGERALD, EILEEN M DOB 01/22/1938, EXPECTED DEATH.",
     "FITZGERALD, EILEEN M", "PERSON"),
    ("He was with 3rd Bn, 75th Ranger Regt before the academy.", "3rd Bn, 75th Ranger Regt", "AGENCY"),
    ("SUBJECT: SPC MCALLISTER, BRODY T, B CO, 1-8 IN, 3 ABCT, 4ID, DOD ID 1584471902",
     "B CO, 1-8 IN, 3 ABCT, 4ID", "AGENCY"),
    ("one group says theyre from the other 1st sfg and started it", "1st sfg", "AGENCY"),
    ("The 92 SFS has the knife under evidence tag SF-24-0731.", "92 SFS", "AGENCY"),
    ("PFC TORRES-BLAKE, AALIYAH M, HHC, 4TH SUSTAINMENT BDE, DOD ID 1611024788",
     "HHC, 4TH SUSTAINMENT BDE", "AGENCY"),
    ("She flew with VAQ-132 out of Whidbey before she joined us.", "VAQ-132", "AGENCY"),
    ("Hasty 2 visual on subject at 11S 0305822 4213977, seated, waving.", "11S 0305822 4213977", "LOCATION"),
    ("Last fix 13T 412345mE 4398765mN at 1400.", "13T 412345mE 4398765mN", "LOCATION"),
    ("Files flagged, e.g. 9a0c44f1e27b8d3a6c5e1f0b2d4a7c9e, were matched.",
     "9a0c44f1e27b8d3a6c5e1f0b2d4a7c9e", "ID"),
    ("3 voice messages on Xbox to my personal gamertag (RedRockMedic - yes I know).", "RedRockMedic",
     "CONTACT"),
    ("Sender gamertag SasquatchSZN sent the address.", "SasquatchSZN", "CONTACT"),
    ('Dog: "Brutus," M Rottweiler, chip 900164001881447.', "Brutus", "PERSON"),
    ('Animal: "Duchess," female Cane Corso, license WL-118472', "Duchess", "PERSON"),
    ("1712  TP 14 (Akins) at Shaker Square station, disturbance on platform", "TP 14", "ID"),
    ("1716  TP 9 (Grzelak) en route from East 55th", "Grzelak", "PERSON"),
    ("DISPATCH: 23-17, copy, 23-22 en route, about four minutes.", "23-22", "ID"),
    ("see Michigan Department of State filings 20241104000318-7 and 20241219000551-2.",
     "20241219000551-2", "ID"),
    ("Plano case 25-0302-0117; DPD service number 041877-2025 was logged.", "041877-2025", "ID"),
    ("assume it is in gear. cn 25-139-0441", "25-139-0441", "ID"),
    ("Lehi PD stopped it at the Lehi Main St exit after the chase.", "Lehi Main St exit", "LOCATION"),
    ("a crash on I-84 near the Eisenman Rd interchange at dusk", "Eisenman Rd interchange", "LOCATION"),
    ("INCIDENT 24-118822  UNITS: 2G23, 2G41  LOC LAKE MEAD BLVD & NELLIS", "LAKE MEAD BLVD & NELLIS",
     "LOCATION"),
])
def test_the_kind_is_found_whole_with_its_label(detector, text: str, part: str, label: str) -> None:
    assert (part, label) in labelled(detector, text)


@pytest.mark.parametrize(("text", "word"), [
    ("The 1st group of protesters came up the hill.", "1st group"),
    ("We had 3 company cars on the lot.", "3 company"),
    ("0215 8-12 WE ARE RIGHT IN THE LOT", "RIGHT IN"),
    ("3 voice messages on Xbox to my personal phone.", "Xbox"),
    ("Call customer service number 0490 75 40 81 for the account.", None),
    ("Take I-75 exit 2 to the truck stop.", "I-75 exit"),
])
def test_the_look_alikes_stay_as_they_were(detector, text: str, word: str | None) -> None:
    found = labelled(detector, text)
    if word is None:  # a phone after a customer-service line stays a phone
        assert ("0490 75 40 81", "CONTACT") in found
    else:
        assert not any(word in part for part, _ in found)


def test_a_role_numbered_before_its_name_is_no_unit(detector) -> None:
    """"OFC 1 (Hosseini):" opens a transcript's line: a role numbered, not a unit's call sign."""
    found = labelled(detector, "[00:00:14] OFC 1 (Hosseini): Anchorage police, come out.")
    assert not any("OFC" in part for part, _ in found)


@pytest.mark.parametrize(("text", "part"), [
    ("On August 10, the Thurston County Coroner asked us to notify the family.", "Thurston County Coroner"),
    ("The Multnomah County Medical Examiner investigator took custody.", "Multnomah County Medical Examiner"),
    ("Call the Fort Cavazos DES desk before the gate.", "Fort Cavazos DES"),
    ("FORT CARSON DES - MILITARY POLICE BLOTTER - 14 MAR 24", "FORT CARSON DES"),
    ("From: SA Naomi Feldstein (AFOSI) To: Sgt. Corey Amundsen", "AFOSI"),
])
def test_death_investigators_and_post_police_are_agencies(detector, text: str, part: str) -> None:
    assert (part, "AGENCY") in labelled(detector, text)


@pytest.mark.parametrize(("text", "rank"), [
    ("me and my patrol partner, PFC Leo Mondragón, got called to the bluff.", "PFC"),
    ("SUBJECT RELEASED TO UNIT (1SG DEAN). CID NOTIFIED, DECLINED.", "1SG"),
    ("From: 1LT Marisol Quintero, Washington Army National Guard", "1LT"),
])
def test_a_service_rank_is_no_name_nor_number(detector, text: str, rank: str) -> None:
    assert not any(rank in part for part, _ in labelled(detector, text))


def test_a_given_name_before_a_quoted_nickname_is_the_persons(detector) -> None:
    text = 'me and my patrol partner, PFC Leo "Tito" Mondragón, got called to the bluff.'
    assert ('Leo "Tito" Mondragón', "PERSON") in labelled(detector, text)


@pytest.mark.parametrize(("text", "part", "label"), [
    ("1412 call from SLCPD unit P41, snake in an apartment.", "unit P41", "ID"),
    ("Trooper Kaitlyn Ashdown, UHP Section 11, car 11-24 Date: 03/14/2025.", "car 11-24", "ID"),
    ("r/AskLE\nu/swing_shift_sully · 2y honestly the closest i ever came was a welfare check.",
     "u/swing_shift_sully", "CONTACT"),
    ("Tower-dump return (partial), T-Mobile compliance, order CO-25-TD-0066.", "T-Mobile", "LOCATION"),
    ("We got a Comcast return and a Verizon response the same week.", "Verizon", "LOCATION"),
])
def test_units_handles_and_carriers(detector, text: str, part: str, label: str) -> None:
    assert (part, label) in labelled(detector, text)


def test_a_company_by_its_legal_form_is_found_whatever_its_word(detector) -> None:
    """"Apple Inc." and "Snap Inc." answer legal process: the company is flagged (the public PII set
    marks a name with its form an organisation, so its label stays the agency's)."""
    text = "iCloud return from Apple Inc. and records from Snap Inc. here"
    found = [part for part, _ in labelled(detector, text)]
    assert "Apple Inc" in found and "Snap Inc" in found


def test_a_party_designator_stays_allowed(detector) -> None:
    """"S1 ran and V2 fell": report designators, no identifiers (the unit rule leaves them)."""
    assert labelled(detector, "S1 ran and V2 fell. P1 was there.") == []


def test_a_dates_year_before_on_and_a_road_stays_the_dates(detector) -> None:
    """"October 12, 2013 on US 395": the year is the date's, not a clock time before a place."""
    found = labelled(detector, "Harlan was killed on October 12, 2013 on US 395 south of John Day.")
    assert ("October 12, 2013", "DATE") in found
