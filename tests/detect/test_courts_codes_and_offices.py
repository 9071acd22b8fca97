"""Courts that act in a case, codes that read like a European street, call signs after their
officer, a log's next item after a dash, and an office named for its district (issue 19, stop
37). The texts are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


# -- a court as the body that issues or holds a case ----------------------------------------------

def test_a_court_that_issued_the_warrant_is_an_agency(detector):
    text = ("The passenger, Dorian Vasquez, had a felony warrant out of Coconino County Superior Court "
            "for failing to appear.")
    assert ("Coconino County Superior Court", "AGENCY") in _spans(detector, text)


def test_a_court_where_a_case_is_pending_is_an_agency(detector):
    text = "The assault charge is pending in Kenai District Court and the hearing is in March."
    assert ("Kenai District Court", "AGENCY") in _spans(detector, text)


def test_a_court_before_its_warrant_is_an_agency(detector):
    text = "He had an active Hopi Tribal Court warrant and a suspended licence."
    assert ("Hopi Tribal Court", "AGENCY") in _spans(detector, text)


def test_a_court_where_someone_stands_stays_a_place(detector):
    text = "I was working as a bailiff at Shawnee County District Court when the fight started."
    assert ("Shawnee County District Court", "LOCATION") in _spans(detector, text)


def test_a_street_named_court_is_never_a_court_of_law(detector):
    text = "The warrant was served at 4410 Juniper Court by the entry team."
    spans = _spans(detector, text)
    assert not [t for t, label in spans if "Juniper Court" in t and label != "LOCATION"]


# -- a few capitals and a number --------------------------------------------------------------------

def test_a_plate_or_a_car_alone_after_a_comma_is_an_id(detector):
    text = ("The Ohio plate on the Malibu, KRD 5521, came back stolen. "
            "A trooper's car, PSP 61, was parked on the shoulder.")
    spans = _spans(detector, text)
    assert ("KRD 5521", "ID") in spans
    assert not [t for t, label in spans if t.startswith(("KRD", "PSP 61")) and label == "LOCATION"]
    # nor does a code run on into the words in brackets after it
    spans = _spans(detector, "We struck the parked WSP car WSP 118 (unoccupied) with the trailer.")
    assert not [t for t, _ in spans if "unoccupied" in t]


def test_road_and_state_codes_with_a_number_stay_roads(detector):
    text = "We closed BIA 15 at the wash and set flares on KY 194 near the bridge."
    spans = _spans(detector, text)
    assert ("BIA 15", "LOCATION") in spans
    assert ("KY 194", "LOCATION") in spans


def test_a_colour_and_a_model_year_are_no_code(detector):
    text = "THE DRIVER GOT INTO A GRY 2018 RAM 2500 AND LEFT NB."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if "GRY" in t or "2018" in t]


# -- a call sign after its officer -----------------------------------------------------------------

def test_a_rangers_call_sign_after_the_name_is_an_id(detector):
    text = ("Reporting: Park Ranger Idris M. Halvorsen-Tate, Olympic 3-12\n"
            "Assisting: Ranger Keala Nakoa, Haleakala 207; Wildlife tech Gus Ferro")
    spans = _spans(detector, text)
    assert ("Olympic 3-12", "ID") in spans
    assert ("Haleakala 207", "ID") in spans


def test_a_date_a_room_or_a_phase_after_an_officer_is_no_call_sign(detector):
    for text, word in (("Statement of Officer Dana Whitlock, March 14, taken at the station.", "March"),
                       ("Trainee Ofc. Rosa Delgado, Phase 3, day 2 of field training.", "Phase"),
                       ("Deputy Lyle Brandt, Room 12, county annex.", "Room")):
        spans = _spans(detector, text)
        assert not [t for t, label in spans if t.startswith(word) and label == "ID"], text


# -- a log's next item after a dash ---------------------------------------------------------------

def test_a_unit_after_a_dash_is_no_apartment_of_the_street_before(detector):
    text = "1450 NM-6 @ Coyote Wash Rd — Unit 14 Dep. OLIVAS/Rene. Stuck in the wash."
    spans = _spans(detector, text)
    assert ("Unit 14", "ID") in spans
    assert not [t for t, label in spans if "Wash Rd" in t and "Unit" in t]
    # an apartment after its street is still part of the address
    spans = _spans(detector, "She lives at 2210 Alder Ave Unit 4 with her mother.")
    assert ("2210 Alder Ave Unit 4", "LOCATION") in spans


# -- an office named for its district or state -----------------------------------------------------

def test_a_federal_district_after_its_office_is_an_agency(detector):
    text = "U.S. MARSHALS SERVICE, DISTRICT OF NEVADA - FUGITIVE TASK FORCE\nAfter-action review"
    assert ("DISTRICT OF NEVADA", "AGENCY") in _spans(detector, text)


def test_an_offices_district_of_a_state_is_one_agency(detector):
    text = "Court security at the federal building belongs to the Middle District of Georgia."
    spans = _spans(detector, text)
    assert [t for t, label in spans if label == "AGENCY" and t.endswith("District of Georgia")]
    assert ("Georgia", "LOCATION") not in spans


def test_the_court_a_caption_heads_is_one_agency(detector):
    text = ("IN THE CIRCUIT COURT OF LAKE COUNTY, INDIANA\n"
            "STATE OF INDIANA v. TREVON D. MALLORY\n"
            "Cause No. 45C01-2403-F3-000118")
    spans = _spans(detector, text)
    assert ("CIRCUIT COURT OF LAKE COUNTY", "AGENCY") in spans
    assert ("LAKE COUNTY", "LOCATION") not in spans
    text = "BANNOCK COUNTY MAGISTRATE COURT\nDeposition of Deputy Arlo Stenberg"
    assert ("BANNOCK COUNTY MAGISTRATE COURT", "AGENCY") in _spans(detector, text)


def test_a_heading_about_a_courthouse_is_no_court_caption(detector):
    text = "COUNTY COURTHOUSE -- COURT SECURITY NEAR MISS\n\nDeputy Lena Ortiz was at the magnetometer."
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "AGENCY" and "SECURITY" in t]


# -- a transcript's own words ---------------------------------------------------------------------

def test_a_transcripts_exhibits_and_parties_are_no_identifiers(detector):
    text = ("  Q.  Deputy, may I approach with People's 14?\n"
            "  A.  Yes. That is the photo marked as County Exhibit 9.\n"
            "THE STATE OF OHIO, Plaintiff, vs. DARNELL QUARLES, Defendant.\n"
            "Grievant: Ayaan Farah Hersi\n"
            "TRANSCRIPT OF PROCEEDINGS -- Vol. 2, pp. 118-121")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("People's 14", "County Exhibit 9", "Exhibit 9", "Plaintiff",
                                             "Defendant", "Grievant", "Vol")]
    assert ("DARNELL QUARLES", "PERSON") in spans
    assert ("Ayaan Farah Hersi", "PERSON") in spans


# -- numbers said in words -------------------------------------------------------------------------

def test_a_car_or_badge_number_said_in_words_is_an_id(detector):
    text = ("um it was car fourteen thirty one that night and my badge is two six nine ok "
            "the other unit was twenty five minutes out")
    spans = _spans(detector, text)
    assert ("car fourteen thirty one", "ID") in spans  # the word with it, as "car 1431" (stop 39)
    assert ("two six nine", "ID") in spans
    assert not [t for t, _ in spans if "twenty five" in t]


def test_a_codes_letters_spelled_before_its_digits_are_part_of_it(detector):
    text = ("the plate was oregon k t w four four one two and the case is r d two four dash "
            "zero three one one period I was a one man car")
    spans = _spans(detector, text)
    assert ("k t w four four one two", "ID") in spans
    assert ("r d two four dash zero three one one", "ID") in spans


# -- a family's land, and tables ---------------------------------------------------------------------

def test_a_familys_farm_or_homesite_is_one_place(detector):
    text = ("Grain bin entrapment at the Vanderploeg farm off County Road 12. "
            "Later we checked the Tsinajinnie homesite past the wash.")
    spans = _spans(detector, text)
    assert ("Vanderploeg farm", "LOCATION") in spans
    assert ("Tsinajinnie homesite", "LOCATION") in spans


def test_a_table_under_a_numbered_header_names_its_cells(detector):
    text = ("#,Date,Deputy,Unit,Location,Parish,Category\n"
            "1,02/11/2024,Boudreaux,LP-31,LA 308 at the Galliano bridge,Lafourche,Traffic\n"
            "2,05/09/2024,Gisclair,LP-12,Golden Meadow,Lafourche,Domestic\n")
    spans = _spans(detector, text)
    assert ("Boudreaux", "PERSON") in spans
    assert ("Gisclair", "PERSON") in spans
    assert ("LP-31", "ID") in spans
    # no span runs over two cells
    assert not [t for t, _ in spans if "," in t]


def test_a_tab_separated_table_with_machine_column_names(detector):
    text = ("date\tagency\tunit\tofficer\tlocation\tlat_long\tnotes\n"
            "2024-03-02\tTOPD\tT-22\tJose, Adelina\tSR-86 MP 101\t31.9, -111.8\tcattle in the road\n"
            "2024-05-19\tTOPD\tT-09\tFrancisco, Delia\tSan Xavier district\t \tATV collision at the feast\n")
    spans = _spans(detector, text)
    assert ("Jose, Adelina", "PERSON") in spans
    assert ("T-22", "ID") in spans
    assert ("Francisco, Delia", "PERSON") in spans
    assert ("San Xavier district", "LOCATION") in spans


# -- the parties of a case ----------------------------------------------------------------------------

def test_a_surname_that_is_a_town_is_a_person_as_a_cases_party(detector):
    text = ("Deposition taken in Hennessey v. Tidewater Fleet Services, Inc. on May 2. "
            "She had testified before, in Marchetti v. City of Boise.")
    spans = _spans(detector, text)
    assert ("Hennessey", "PERSON") in spans
    assert ("Marchetti", "PERSON") in spans


def test_a_state_or_a_game_on_one_side_of_versus_is_no_person(detector):
    text = ("STATE OF NEW MEXICO v. ARTURO BACA\nProbation violation hearing.\n"
            "The fight was at the Stillwater High vs. the Wildcats game.")
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "PERSON" and ("MEXICO" in t or "Stillwater" in t)]


# -- a rank's papers, and commands named for their part of the map -----------------------------------

def test_a_ranks_log_in_a_heading_is_no_one_named_log(detector):
    text = "TULSA PD RIVERSIDE DIV — LT LOG — 11/02/25\n0140 SGT NOTES: perimeter set on Peoria."
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "PERSON" and t in ("LOG", "NOTES")]


def test_a_command_named_for_its_quarter_after_its_agency(detector):
    text = ("In-service block for Topeka PD, Patrol West, on the range. "
            "NIGHTS LOG SLMPD Central Div Fri 3/14.")
    spans = _spans(detector, text)
    assert ("Patrol West", "AGENCY") in spans
    assert ("Central Div", "AGENCY") in spans
    assert not [t for t, label in spans if t == "West" and label == "PERSON"]


def test_a_make_alone_headers_in_spanish_and_a_witness_saying_yes_are_no_identifiers(detector):
    text = ("A Subaru wagon driven by Marisol Okafor pulled up. The Subaru took a dent.\n"
            "THE WITNESS:  Yes. He ran.\n"
            "Enviado: lunes, 6 de enero de 2025 9:02\nAsunto: RE: balacera Barrio Obrero\n"
            "-- Instr. Wendell Ames, EVOC")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("Subaru", "Yes", "Enviado", "Asunto", "Instr")]
    assert ("Marisol Okafor", "PERSON") in spans
    # a make that is also a surname stays what the words around it make it
    spans = _spans(detector, "Deputy Ford and Deputy Lincoln took the call.")
    assert ("Ford", "PERSON") in spans and ("Lincoln", "PERSON") in spans


def test_a_police_spelled_after_a_town_of_everyday_words_and_a_states_dps_alone(detector):
    text = "this is officer kim from cedar falls p d calling about the crash. I called it in to d p s period"
    spans = _spans(detector, text)
    assert ("cedar falls p d", "AGENCY") in spans
    assert ("d p s", "AGENCY") in spans


# -- a letter's greeting and signature ------------------------------------------------------------

def test_the_names_an_e_mail_greets_and_signs_with(detector):
    text = ("Subject: RE: wrong-way driver on 94\n\n"
            "Hussein, see my answers inline.\n\n"
            "Artie -\n\nForwarding the account as a heads-up.\n\n"
            "Thanks,\nKB\n")
    spans = _spans(detector, text)
    assert ("Hussein", "PERSON") in spans
    assert ("Artie", "PERSON") in spans
    assert ("KB", "PERSON") in spans


def test_a_paragraph_opening_with_a_day_a_season_or_a_compound_greets_no_one(detector):
    text = ("Incident summary\n\nSunday, May 26, approx. 1930 we were on the pier.\n\n"
            "Summer, July 3rd, hot as hell.\n\nKnock-and-talk, Tuesday, at the duplex.\n\nLOG\n0605 staging")
    spans = _spans(detector, text)
    assert not [t for t, label in spans if label == "PERSON"]


# -- a road said again by its number ----------------------------------------------------------------

def test_a_road_named_once_is_a_place_when_its_number_stands_alone_after(detector):
    text = ("Rollover on US 212 west of Lame Deer. Unit 4, can you assist on 212? "
            "We closed Hwy 39 at the bridge and will close 39 again if it drifts.")
    spans = _spans(detector, text)
    assert ("212", "LOCATION") in spans
    assert ("39", "LOCATION") in spans


def test_a_number_the_report_never_named_as_a_road_stays_a_number(detector):
    text = ("Rollover on US 212 west of Lame Deer. We waited on 212 minutes of tape, "
            "then took 50 statements and closed 39 cases.")
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("212", "50", "39")]
