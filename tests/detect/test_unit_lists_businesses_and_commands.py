"""Units a log lists, names a log writes SURNAME/Given, businesses by their trade, plates after
their state, a vehicle's shorthand, directions of travel and numbered commands (issue 19, stop
36). The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


# -- units a log lists or heads with their status -------------------------------------------------

def test_units_a_log_dispatches_are_ids_whatever_road_they_look_like(detector):
    text = ("03:41 DISP SR-14, SR-19\n"
            "03:44 SR-14 ENRT FROM MOSQUERO, 25 MIN\n"
            "03:52 BCSO K-7 ENRT 40 MIN FROM ROY\n"
            "03:58 SR-19 10-97 AT THE CATTLE GUARD")
    spans = _spans(detector, text)
    assert {("SR-14", "ID"), ("SR-19", "ID"), ("K-7", "ID")} <= spans
    assert ("BCSO", "AGENCY") in spans
    assert not [t for t, label in spans if t in ("SR-14", "SR-19", "K-7") and label != "ID"]


def test_a_units_field_lists_named_units_whole(detector):
    text = ("LOC: US-54 NB MM 302\n"
            "UNITS: NM SP 412, QC 21, TFD ENG 3, QC MEDIC 6\n"
            "0412 QC 21 ENRT FROM LOGAN")
    spans = _spans(detector, text)
    assert {("NM SP 412", "ID"), ("QC 21", "ID"), ("TFD ENG 3", "ID"), ("QC MEDIC 6", "ID")} <= spans
    # a unit is no street nor a plate with its state
    assert not [t for t, label in spans if "ENG 3" in t and label == "LOCATION"]
    assert ("NM", "LOCATION") not in spans


def test_an_agency_and_its_numbered_unit_in_a_dispatch_list(detector):
    text = ("11/02 22:10 DISP LCSO 31, LCSO 34, KSP C-12\n"
            "22:13 DISP ADV LCSO 34 STAGE AT THE CHURCH")
    spans = _spans(detector, text)
    assert {("LCSO 31", "ID"), ("LCSO 34", "ID"), ("C-12", "ID"), ("KSP", "AGENCY")} <= spans
    assert not [t for t, _ in spans if t.startswith("ADV")]  # "DISP ADV" is dispatch advising


# -- a log's SURNAME/Given ------------------------------------------------------------------------

def test_a_logs_surname_slash_given_name_is_a_person_even_unlisted(detector):
    text = ("0140 Halsted x 35th — Unit 4410 OYELARAN/Tomiwa, Unit 4412 BRZEZINSKI/Agata. Fight.\n"
            "0155 Dock 3 — 2218 ACHTERBERG/Wim, forklift backed into him.")
    spans = _spans(detector, text)
    assert {("OYELARAN/Tomiwa", "PERSON"), ("BRZEZINSKI/Agata", "PERSON"),
            ("ACHTERBERG/Wim", "PERSON")} <= spans
    assert {("Unit 4410", "ID"), ("Unit 4412", "ID"), ("2218", "ID")} <= spans


# -- places joined before their kind or their state -----------------------------------------------

def test_two_towns_joined_before_their_state_or_counties_are_places(detector):
    text = ("I cover Baca and Prowers counties for the patrol. The fire ran between Stanley and "
            "Clayton, Idaho before it turned.")
    spans = _spans(detector, text)
    assert {("Baca", "LOCATION"), ("Prowers", "LOCATION")} <= spans
    assert ("Otero, Bent and Crowley", "LOCATION") in _spans(detector, "She worked Otero, Bent and Crowley "
                                                                      "counties alone.")
    assert not [t for t, label in spans if t in ("Stanley", "Clayton", "Stanley and Clayton")
                and label == "PERSON"]


# -- businesses -----------------------------------------------------------------------------------

def test_businesses_named_by_their_trade_are_places(detector):
    text = ("Wreckers on scene: Big Horn Basin Towing and Absaroka Heavy Wrecker. The trailer "
            "belonged to Two Rivers Freightways.")
    spans = _spans(detector, text)
    assert {("Big Horn Basin Towing", "LOCATION"), ("Absaroka Heavy Wrecker", "LOCATION"),
            ("Two Rivers Freightways", "LOCATION")} <= spans


def test_a_company_quoted_on_a_trucks_door_is_a_place_in_any_case(detector):
    text = ('A WHI FLATBED (DOOR READS "YELLOWSTONE TIMBER HAULERS") PASSED WITHIN 2 FT. A '
            'BOX TRUCK ("MESA VERDE LINEN", CO 4KP 771) DID NOT MOVE OVER.')
    spans = _spans(detector, text)
    assert ("YELLOWSTONE TIMBER HAULERS", "LOCATION") in spans
    assert ("MESA VERDE LINEN", "LOCATION") in spans


def test_trade_words_alone_or_said_are_no_business(detector):
    text = ('The Kenworth hauling for a carrier out of Cheyenne never slowed. She said the cones '
            'were "construction." I was with the 212th MP Company at the time.')
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if "hauling" in t or "construction" in t]
    assert ("212th MP Company", "LOCATION") not in spans


# -- plates after their state ---------------------------------------------------------------------

def test_a_states_code_before_a_plate_found_without_its_letters_or_with_its_kind(detector):
    text = ("Tractor: Freightliner, NE P 771204; trailer OK apportioned TR44187. A pickup "
            "(AZ CVR 1188) drove through the cones. DRIVER KASPRZAK, M  AZ CDL D07718822")
    spans = _spans(detector, text)
    assert {("NE", "LOCATION"), ("P 771204", "ID"), ("OK", "LOCATION"), ("TR44187", "ID"),
            ("AZ", "LOCATION"), ("CVR 1188", "ID")} <= spans
    assert ("D07718822", "ID") in spans  # the licence's word stays out of its number


# -- a vehicle's shorthand; directions of travel --------------------------------------------------

def test_a_records_vehicle_shorthand_is_no_place(detector):
    text = "BOLO GRY PICKUP NB ON US-191. S1 FLED IN A BLK 2017 SEDAN. A WHI FORD WAS SEEN."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("GRY PICKUP", "BLK 2017", "WHI FORD", "BLK 2017 SEDAN")]


def test_a_direction_of_travel_is_no_part_of_the_place(detector):
    # (between a road and its mile marker the direction is part of the one place: stop 38,
    # test_road_direction_mile.py)
    text = "LOC: I-25 NB, MM 212. Vehicle last seen WB US-160 near Walsenburg."
    spans = _spans(detector, text)
    assert {("I-25", "LOCATION"), ("MM 212", "LOCATION"), ("US-160", "LOCATION")} <= spans
    assert not [t for t, _ in spans if "NB" in t.split() or "WB" in t.split()]


def test_the_street_a_record_names_after_its_direction(detector):
    text = "2231 3B12 ADV SUSP VEH FLED SB HARVARD, LOST SIGHT. 2233 S1 FLED NB ON FOOT."
    spans = _spans(detector, text)
    assert ("HARVARD", "LOCATION") in spans
    assert not [t for t, _ in spans if "FOOT" in t]


# -- numbered commands ----------------------------------------------------------------------------

def test_a_command_numbered_after_its_agency_is_an_agency(detector):
    text = ("Nevada Highway Patrol, Section 4, out of Ely. The debrief was at the PCSO District IV "
            "substation; Reno Fire Department, Station 11 sent a captain. A KSP trooper out of "
            "Post 7 was forty minutes out.")
    spans = _spans(detector, text)
    assert {("Section 4", "AGENCY"), ("Station 11", "AGENCY"), ("Post 7", "AGENCY")} <= spans
    # the district, on its own or joined to its sheriff's acronym, is an agency
    assert [t for t, label in spans if "District IV" in t and label == "AGENCY"]


def test_the_town_in_brackets_after_a_numbered_command_names_it(detector):
    text = "Missouri State Highway Patrol, Troop E (Poplar Bluff). MPD (Memphis) -- Raines Station."
    spans = _spans(detector, text)
    assert ("Poplar Bluff", "AGENCY") in spans and ("Raines Station", "AGENCY") in spans


def test_an_agencys_acronym_before_a_record_number_is_the_agency_then_the_number(detector):
    spans = _spans(detector, "Our report is CCSO 24-118093; the container was TGHU 448817-2.")
    assert {("CCSO", "AGENCY"), ("24-118093", "ID")} <= spans
    assert ("TGHU 448817-2", "ID") in spans  # a container's letters are no agency


def test_public_bodies_by_their_acronyms_and_the_services_named_alone(detector):
    text = ("The kids went with CPS that night and the father to DOC custody. He did six years in the "
            "Army and two in the Navy before the academy. Inmate Ruiz, DOC #771204, was escorted.")
    spans = _spans(detector, text)
    assert ("CPS", "AGENCY") in spans
    assert [t for t, label in spans if t == "DOC" and label == "AGENCY"]
    assert not [t for t, _ in spans if t in ("Army", "Navy")]
    assert ("771204", "ID") in spans and ("DOC #771204", "AGENCY") not in spans


def test_speech_typed_without_its_g_is_no_name(detector):
    text = "he kept comin at us swingin the bat and i was thinkin this is it. dustin wouldnt drop it."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("comin", "swingin", "thinkin")]
    assert ("dustin", "PERSON") in spans


def test_units_named_together_and_a_unit_minutes_away(detector):
    text = ("Cars 3311, 3314 and 3316 set up the perimeter. The nearest K9 unit 35 minutes away "
            "never came; car 2210 and 2214 took the back.")
    spans = _spans(detector, text)
    assert {("3311", "ID"), ("3314", "ID"), ("3316", "ID"), ("2214", "ID")} <= spans
    assert not [t for t, _ in spans if t.endswith("35")]


def test_a_records_surname_first_name_keeps_its_middle_names_and_nickname(detector):
    text = ("PASS: BHULLAR, JASPREET SINGH  DOB 02/14/1991\n"
            "RO: MEDINA, JOSE LUIS DE LEON  DOB 07/09/1988\n"
            'SUBJECT: ORTEGA, RAMON "CHINO" ALBERTO ; VEH BLK SEDAN\n'
            'STATED HER NEPHEW VILLALOBOS, ERNESTO "NETO" WAS OUTSIDE.\n'
            "INMATE: FONTAINE, REMY J  SPN 01188273")
    spans = _spans(detector, text)
    assert {("BHULLAR, JASPREET SINGH", "PERSON"), ("MEDINA, JOSE LUIS DE LEON", "PERSON"),
            ('ORTEGA, RAMON "CHINO" ALBERTO', "PERSON"), ('VILLALOBOS, ERNESTO "NETO"', "PERSON"),
            ("FONTAINE, REMY J", "PERSON")} <= spans


def test_easter_and_days_of_regions_are_dates_not_a_noreaster(detector):
    text = ("Crash: April 20, 2025 (Easter), 0410. The Groundhog Day detail ran late. The nor'easter "
            "took the lines down; we hid Easter eggs for the kids.")
    spans = _spans(detector, text)
    assert {("Easter", "DATE"), ("Groundhog Day", "DATE")} <= spans
    assert not [t for t, _ in spans if "easter" in t]  # the storm, lower case
    assert len([t for t, _ in spans if t == "Easter"]) == 1  # the eggs are no day


def test_a_places_own_service_named_after_it_is_an_agency(detector):
    text = ("Yellowstone National Park rangers closed the road. I called Shiprock dispatch twice; a "
            "Farmington unit came and Gallup officers held the scene.")
    spans = _spans(detector, text)
    assert {("Yellowstone National Park", "AGENCY"), ("Shiprock", "AGENCY")} <= spans
    assert [t for t, label in spans if t == "Farmington" and label == "AGENCY"]
