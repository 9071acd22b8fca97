"""Kinds met in stop 53:
- a troop named by its letter in capitals or small letters ("TO ALL TROOP A:", "troop e has the
  number"), not "THE SCOUT TROOP A FEW OF US", nor a troop's letter in an address read aloud;
- a small town's police by its capital ("Sitka PD", "Larned EMS"), a town's in small letters after
  a contraction ("i'm the harvey pd officer"), not an everyday word's ("the city police"); "so"
  the word after a town is no sheriff's office ("mission so far", "Owyhee County so it was me"),
  but "jefferson co so i think" is one;
- an initial before a surname in Title Case ("Disp. A. Haskins", "| A. Mohamed #2395"), not an
  answer's letter in a transcript ("A. Mateo Quiroz.");
- a record's middle initial after a rank or a role ("TPR RASMUSSEN, KELLAN J CAR 21-11"); a
  record's nickname is no business ('Chen, Marcus "Noodle"');
- fraternities and sororities by their Greek letters ("Kappa Lambda Chi", "the Phi Rho house",
  "BETA CHI HOUSE", "alpha tau"), not the radio's "Alpha Delta 4";
- drive-ins, quarries, plasma centers and delivery apps as places ("ADMIRAL TWIN DRIVE-IN", "Davis
  Quarry", "CSL Plasma", "DOORDASH"), a mine's company ("Northshore Mining"); the manoeuvre "PIT"
  stays no place;
- a state's board or commission ("IOWA RACING AND GAMING COMMISSION", "ND Board of Animal
  Health"), a small town's service ("Larned EMS"), a mine's regulators ("MSHA", "UTAH DOGM");
- a citation's number with a check digit is no phone ("N 0447821-4"); a permit's column holds
  numbers, but "expired 02/28/2025" in it is a date;
- a wilderness by its name ("bob marshall wilderness", not "lost Hunter, Bob ..."); "near" after a
  place is no surname ("the oconee national forest near the river"); an app chat's roles
  ("rider:") and "VEH, BLUE ALTIMA" are nobody;
- a number after "number is" ("card number is 44718"); a buyer's column holds numbers;
- a name with a nickname inside is someone's, whatever its last word ('Samuel "Deuce" Pike'); a
  state's office by its initials ("West Virginia DNR", "NM Attorney General"); a record's name
  after an attendant ("ATTENDANT ORTEGA, L");
- a given name and a census surname in small letters in mixed text, even where the given name is
  a word or a town ("license, wade pickens, GA", "was clayton reddy, donor id");
- "ID" after a role or a title is no name ("her driver ID in the app", "an inspector. Mine ID
  40-03318"); a buyer, a bidder or an exhibitor by number ("BUYER 144"), not a count after it."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize(("text", "troop"), [
    ("10-14-24 2248 FROM A-611 TO ALL TROOP A: PURSUIT I-40 EB MM 147", "TROOP A"),
    ("IF LOCATED HOLD AND CONTACT TROOP D RADIO 417-555-0102 REF 25-031107", "TROOP D"),
    ("ask d o t d for a blocker truck early, troop e has the number. ok end note.", "troop e"),
])
def test_a_troop_by_its_letter_is_an_agency(detector, text: str, troop: str) -> None:
    assert any(troop in surface and label == "AGENCY" for surface, label in labelled(detector, text))


@pytest.mark.parametrize("text", [
    "THE SCOUT TROOP A FEW OF US HELPED WAS THERE.",
    "email the sergeant at troop c at gsp dot example dot gov",
])
def test_a_troop_letter_that_is_a_word_is_no_agency(detector, text: str) -> None:
    found = labelled(detector, text)
    assert not any(label == "AGENCY" and "troop" in surface.lower() for surface, label in found), found


@pytest.mark.parametrize(("text", "agency"), [
    ("parade down Lincoln St. i'm with Sitka PD.", "Sitka PD"),
    ("i'm the harvey pd officer on the overnight contract detail", "harvey pd"),
    ("deputy was Okafor from jefferson co so i think.", "jefferson co so"),
])
def test_a_small_towns_police_in_small_letters(detector, text: str, agency: str) -> None:
    assert (agency, "AGENCY") in labelled(detector, text)


@pytest.mark.parametrize(("text", "not_agency"), [
    ("and so on he went, mission so far so good.", "so"),
    ("I am a deputy for Owyhee County so it was me and nobody else.", "so"),
])
def test_so_the_word_is_no_sheriffs_office(detector, text: str, not_agency: str) -> None:
    found = labelled(detector, text)
    assert not any(surface.endswith(" " + not_agency) for surface, _ in found), found


@pytest.mark.parametrize(("text", "person"), [
    ("| A. Mohamed #2395 | D. Sorensen #1502 | 1 / 12 |", "A. Mohamed"),
    ("Logged by Disp. A. Haskins, MNPD Central Precinct.", "A. Haskins"),
    ("Follow-up referral to the wellness circle, counselor A. Tohannie. Unit CP-17 was mine.", "A. Tohannie"),
])
def test_an_initial_before_a_surname_is_the_persons(detector, text: str, person: str) -> None:
    assert (person, "PERSON") in labelled(detector, text)


def test_an_answers_letter_is_no_initial(detector) -> None:
    text = "Q. Who was the child?\nA. Mateo Quiroz. Mom was at the check-in."
    assert ("Mateo Quiroz", "PERSON") in labelled(detector, text)


@pytest.mark.parametrize(("text", "person"), [
    ("R/O: TPR RASMUSSEN, KELLAN J CAR 21-11\nNARRATIVE: R/O ARRIVED", "RASMUSSEN, KELLAN J"),
    ("CO TAG BHX-221. DRIVER PRUITT, DAKOTA L EXITED THE VEH WITHOUT INSTRUCTION", "PRUITT, DAKOTA L"),
])
def test_a_records_middle_initial_after_a_role(detector, text: str, person: str) -> None:
    assert (person, "PERSON") in labelled(detector, text)


def test_a_records_article_after_a_role_is_no_initial(detector) -> None:
    found = labelled(detector, "DRIVER PRUITT, DAKOTA A MAN OF 30 EXITED")
    assert ("PRUITT, DAKOTA", "PERSON") in found, found


def test_a_records_nickname_is_no_business(detector) -> None:
    text = 'pledge 2 - Benavides, Luis "Tito"\npledge 3 - Chen, Marcus "Noodle"\n'
    found = labelled(detector, text)
    assert any(surface.startswith("Chen, Marcus") and label == "PERSON" for surface, label in found), found


@pytest.mark.parametrize(("text", "place"), [
    ("She attended a date party at the Phi Rho house on Friday.", "Phi Rho house"),
    ("Kappa Lambda Chi fraternity, Epsilon Iota chapter, was suspended.", "Kappa Lambda Chi"),
    ("BETA CHI HOUSE, 702 W COLLEGE AVE, HAD 300 GUESTS.", "BETA CHI HOUSE"),
    ("we went to alpha tau and then to the lake.", "alpha tau"),
    ("Delta Omicron pledges were there.", "Delta Omicron"),
])
def test_greek_letters_name_a_fraternity(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


def test_the_radios_letters_are_no_fraternity(detector) -> None:
    found = labelled(detector, "Unit 2 Alpha Delta 4 responded and cleared.")
    assert not any(label == "LOCATION" for _, label in found), found


@pytest.mark.parametrize(("text", "place"), [
    ("FIGHT IN PARKING LOT OF ADMIRAL TWIN DRIVE-IN AFTER SHOW. 6 TO 8 JUVS.", "ADMIRAL TWIN DRIVE-IN"),
    ("EVENT LOG - SUNSET DRIVE-IN, SAN LUIS OBISPO - 07/04/2024", "SUNSET DRIVE-IN"),
    ("The blast at the Davis Quarry hurt no one.", "Davis Quarry"),
    ("She donates at CSL Plasma twice a week.", "CSL Plasma"),
    ("WAITING FOR ORDER AT PANDA EXPRESS. I DRIVE FOR DOORDASH.", "DOORDASH"),
    ("Ingrid Solheim, Safety Director, Northshore Mining, wrote it.", "Northshore Mining"),
])
def test_drive_ins_pits_centers_and_apps_are_places(detector, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(detector, text)


def test_the_pit_manoeuvre_is_no_place(detector) -> None:
    found = labelled(detector, "Then a PIT on the Camry ended it.")
    assert not any("PIT" in surface for surface, _ in found), found


@pytest.mark.parametrize(("text", "agency"), [
    ("REFERRED TO IOWA RACING AND GAMING COMMISSION AGENT ON SITE.", "IOWA RACING AND GAMING COMMISSION"),
    ("NEVADA GAMING CONTROL BOARD AGENTS ARRIVED.", "NEVADA GAMING CONTROL BOARD"),
    ("Report to ND Board of Animal Health by 1700.", "ND Board of Animal Health"),
    ("Larned EMS took her to the hospital.", "Larned EMS"),
    ("MSHA came out and cited the operator.", "MSHA"),
    ("UTAH DOGM INSPECTOR ARRIVED AT 0900.", "DOGM"),
])
def test_state_bodies_town_services_and_regulators(detector, text: str, agency: str) -> None:
    assert (agency, "AGENCY") in labelled(detector, text)


def test_a_check_digit_makes_a_citation_no_phone(detector) -> None:
    found = labelled(detector, "Both hunters interviewed. Citations N 0447821-4, N 0447822-5.")
    assert ("0447821-4", "ID") in found and ("0447822-5", "ID") in found, found


def test_a_permits_column_holds_numbers(detector) -> None:
    text = ("| Vendor | Space | Sales-tax permit | Item |\n|---|---|---|---|\n"
            "| Nguyen, Thanh | A-12 | 32012-4471 | headphones |\n")
    assert ("32012-4471", "ID") in labelled(detector, text)


def test_expired_and_its_date_in_a_permits_column(detector) -> None:
    text = ("| Shop | Address | Permit | Artist |\n|---|---|---|---|\n"
            "| Desert Rose Body Art | 3755 E Charleston Blvd | expired 02/28/2025 | Raymundo Ochoa |\n")
    assert ("02/28/2025", "DATE") in labelled(detector, text)


@pytest.mark.parametrize(("text", "place"), [
    ("lost hunter, bob marshall wilderness, oct 3: client was found.", "bob marshall wilderness"),
    ("we were deer hunting in the oconee national forest near the river.", "oconee national forest"),
    ("lost hunter, bob marshall wilderness, oct 3: client of Sunburst Outfitters was lost.",
     "bob marshall wilderness"),
])
def test_a_wilderness_and_a_forest_end_at_their_head(detector, text: str, place: str) -> None:
    found = labelled(detector, text)
    assert (place, "LOCATION") in found, found


@pytest.mark.parametrize("text", [
    "(216) 555-0129:\nrider: where r u\ndriver: on Lorain, 1 min\nrider: bro just come round\n",
    "OKEKE OF STALWART SECURITY SAW SUSPECT VEH, BLUE ALTIMA, PARTIAL TX RJV.",
])
def test_roles_and_record_shorthand_are_nobody(detector, text: str) -> None:
    found = labelled(detector, text)
    assert not any(surface.lower().startswith(("rider", "veh")) for surface, _ in found), found


def test_a_number_after_number_is(detector) -> None:
    found = labelled(detector, "Tanner's PRCA card number is 44718 if you need it. The room number was 118.")
    assert ("44718", "ID") in found and not any(surface == "118" for surface, _ in found), found


def test_a_nickname_inside_makes_a_person(detector) -> None:
    found = labelled(detector, 'Samuel "Deuce" Pike was at the fair. We drove down Turner Pike.')
    assert ('Samuel "Deuce" Pike', "PERSON") in found and ("Turner Pike", "LOCATION") in found, found


@pytest.mark.parametrize(("text", "agency"), [
    ("West Virginia DNR officers came to the camp.", "West Virginia DNR"),
    ("It was referred to NM Attorney General under the Act.", "NM Attorney General"),
])
def test_a_states_office_is_an_agency(detector, text: str, agency: str) -> None:
    assert (agency, "AGENCY") in labelled(detector, text)


def test_a_record_name_after_an_attendant(detector) -> None:
    text = "2150 SAME VEH, OCCUPANTS THREW BOTTLE AT ATTENDANT ORTEGA, L\n2152 SLOPD CALLED, UNIT 22\n"
    assert ("ORTEGA, L", "PERSON") in labelled(detector, text)


@pytest.mark.parametrize(("text", "person"), [
    ("he took the name off his license, wade pickens, GA 1009471182.", "wade pickens"),
    ("the donor who came in at 3 today was clayton reddy, donor id BC-0218443.", "clayton reddy"),
])
def test_a_given_name_and_a_surname_in_small_letters(detector, text: str, person: str) -> None:
    assert (person, "PERSON") in labelled(detector, text)


@pytest.mark.parametrize("text", [
    "Her driver ID in the app is D-558121.",
    "MSHA sent an inspector. Mine ID 40-03318 was on the citation.",
])
def test_id_after_a_role_or_a_title_is_no_name(detector, text: str) -> None:
    found = labelled(detector, text)
    assert not any(label == "PERSON" for _, label in found), found


def test_a_buyer_by_number_not_a_count(detector) -> None:
    found = labelled(detector, "BUYER 144 PAID WITH A BAD CHECK. Bidder #22 left. The buyer 2 days later.")
    assert ("144", "ID") in found and ("22", "ID") in found and not any(s == "2" for s, _ in found), found


# look-alikes the review of stop 53's change tried: each must keep its reading
@pytest.mark.parametrize(("text", "expected"), [
    ("I MET BANKS, TYLER AT THE GAS STATION.", ("BANKS, TYLER", "PERSON")),
    ('She lives on Martin Luther "King" Drive near it.', ('Martin Luther "King" Drive', "LOCATION")),
    ("Units en route. En Route Bar and Grill was closed.", ("En Route Bar and Grill", "LOCATION")),
    ("The victim, Xi Mu, said the man ran north.", ("Xi Mu", "PERSON")),
    ("DRIVER LEE, SAM E BOUND ON I-40 WAS STOPPED.", ("LEE, SAM", "PERSON")),
])
def test_look_alikes_keep_their_reading(detector, text: str, expected: tuple[str, str]) -> None:
    found = labelled(detector, text)
    assert expected in found, found


@pytest.mark.parametrize(("text", "word"), [
    ("GEORGIA CALLED HOUSING AUTHORITY ABOUT THE UNIT.", "CALLED"),
    ("VICTIM VIRGINIA HALE SAID HOUSING AUTHORITY WAS SLOW.", "HALE"),
    ("The PI ETA was twenty minutes so we waited.", "ETA"),
    ("the software alpha beta release crashed the mdt again.", "beta"),
    ("THE PSI ALPHA GAUGE WAS AT 30.", "ALPHA"),
    ("The total number was 150 when we counted.", "150"),
    ("he's the city police liaison at the school.", "police"),
])
def test_look_alikes_that_are_no_agency_nor_number(detector, text: str, word: str) -> None:
    found = labelled(detector, text)
    assert not any(word in surface and label in ("AGENCY", "ID", "LOCATION") for surface, label in found), (
        found)


def test_a_year_in_words_in_a_licence_column_is_no_number(detector) -> None:
    text = ("| Driver | License | Plate |\n|---|---|---|\n| Ana Ruiz | suspended since 2023 | 7ABC123 |\n")
    found = labelled(detector, text)
    assert ("7ABC123", "ID") in found and not any("2023" in surface for surface, _ in found), found
