"""Kinds found missing in the eighth yardstick's tuning part (issue 19): coordinates and
grid references, speakers of message threads, forum handles, Spanish dates, agencies and
ranks, aircraft, trailers and vans, call signs, date-time groups, search-and-rescue teams,
union locals. The sentences are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "part", "label"), [
    # a coordinate pair that ends a sentence; a military grid reference
    ("The last ping came from 44.0581, -121.3153. We went in on foot.", "44.0581, -121.3153", "LOCATION"),
    ("Rally point was 11T NG 40331 17846 near the creek.", "11T NG 40331 17846", "LOCATION"),
    ("Team two held at 18S UJ 2337 0651 until dark.", "18S UJ 2337 0651", "LOCATION"),
    # a marker one is at, and a kilometre on a route in Puerto Rico
    ("We found the car at mile 41.5 with the engine running.", "mile 41.5", "LOCATION"),
    ("El accidente fue en la PR-52 km 38.2 de madrugada.", "PR-52", "LOCATION"),
    ("El accidente fue en la PR-52 km 38.2 de madrugada.", "km 38.2", "LOCATION"),
    # a street named by an ordinal word (ordinals are stop words)
    ("The fight spilled out onto Seventh Street by the bars.", "Seventh Street", "LOCATION"),
    # dates in Spanish and day first, and a military date-time group
    ("El 14 de febrero de 2026 recibimos la llamada.", "14 de febrero de 2026", "DATE"),
    ("Fecha del incidente: 23/11/2025, turno nocturno.", "23/11/2025", "DATE"),
    ("At 171230ZJAN26 the convoy stopped at the checkpoint.", "171230ZJAN26", "DATE"),
    ("We worked Nochebuena and then Mardi Gras on Bourbon.", "Nochebuena", "DATE"),
    # agencies in Spanish, unions by their local, a county's search and rescue team
    ("La Policía Municipal de Bayamón llegó primero.", "Policía Municipal de Bayamón", "AGENCY"),
    ("Two soldiers of the Guardia Nacional helped us that night.", "Guardia Nacional", "AGENCY"),
    # (a trade union's local is an organisation, a LOCATION, since stop 49 and styles61's header;
    # an officers' local stays an agency)
    ("The Teamsters Local 700 steward for the corrections officers called us.", "Teamsters Local 700",
     "AGENCY"),
    ("The Teamsters Local 120 steward called us.", "Teamsters Local 120", "LOCATION"),
    ("FOP Lodge 112 paid for the dinner.", "FOP Lodge 112", "AGENCY"),
    ("Deschutes County SAR found her at dawn.", "Deschutes County SAR", "AGENCY"),
    ("PORT AUTHORITY PD UNITS CLOSED THE RAMP.", "PORT AUTHORITY PD", "AGENCY"),
    # numbers of aircraft, trailers, carriers, vans and units; a named call sign
    ("The helicopter, tail N7302K, set down in the field.", "N7302K", "ID"),
    ("A Cessna N52819 taxied across the runway hold line.", "N52819", "ID"),
    ("The reefer, trailer TRL 55012, USDOT 3310472, was unlocked.", "TRL 55012", "ID"),
    ("The reefer, trailer TRL 55012, USDOT 3310472, was unlocked.", "USDOT 3310472", "ID"),
    ("He kicked out the window of transport van 6 on the way back.", "van 6", "ID"),
    ("Llegó la Unidad 4410 con dos agentes.", "Unidad 4410", "ID"),
    ("The platoon's call sign RAZOR 3-2 took the east side.", "RAZOR 3-2", "ID"),
    # a Spanish rank before the name
    ("El Sargento Ramiro Quiñones dio la orden.", "Ramiro Quiñones", "PERSON"),
    # the state that issued a plate or a licence
    ("The truck had MB plates and the driver an NV license.", "MB", "LOCATION"),
    ("The truck had MB plates and the driver an NV license.", "NV", "LOCATION"),
    ("He handed me a CA license and an expired card.", "CA", "LOCATION"),
    # forum handles
    ("Originally posted by u/nightshift_medic_22 in the thread.", "u/nightshift_medic_22", "CONTACT"),
    ("Posted by RangerDan88 last week.", "RangerDan88", "CONTACT"),
])
def test_a_kind_of_identifier(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


def test_a_given_name_with_an_accent_before_a_found_surname(detector):
    text = "Ayer el detenido Ramón Pacheco Ibarra huyó a pie."
    assert found_as(detector, text, "Ramón Pacheco Ibarra") == {"PERSON"}


def test_the_speakers_of_a_message_thread_are_people(detector):
    text = ("Group chat, night of the raid:\n"
            "Tosh: anyone got eyes on the back door\n"
            "Birdie K.: negative\n"
            "Sgt Olea: hold positions\n"
            "Tosh: copy\n")
    for name in ("Tosh", "Birdie K.", "Olea"):
        assert found_as(detector, text, name) == {"PERSON"}


def test_form_fields_and_roles_are_no_speakers(detector):
    text = ("Client: none present\nHost: welcome back\nCaller: unknown\nLessons learned: wait for cover\n"
            "Narrative: see below\n")
    assert flagged(detector, text) == []


@pytest.mark.parametrize("text", [
    "Posted by the training unit last week.",
    "We bought the Christmas lights and watched the Local news.",
    "Show me license and registration, he said.",
])
def test_words_near_the_new_kinds_are_no_identifiers(detector, text):
    assert flagged(detector, text) == []


def test_a_clock_time_after_an_iso_date_is_not_part_of_it(detector):
    text = "The alarm log shows 2026-02-11 23:40 for the first entry."
    spans = detector.analyze_text(text)
    assert [text[s.start:s.end] for s in spans] == ["2026-02-11"]


@pytest.mark.parametrize(("text", "part", "label"), [
    # NER's span reaching over a lower-case word, over a holiday after a comma
    ("A crew from DPS Air Rescue, tail N47TK, lifted her out.", "N47TK", "ID"),
    ("Triage at Mercy, Christmas Eve. A man came in bleeding.", "Christmas Eve", "DATE"),
    # a role, a comma, a name NER calls a place
    ("The pilot, Anneke van Rijn, cut the engine.", "Anneke van Rijn", "PERSON"),
    # a K9's name in a form's field or right after a question about the dog
    ('Handler: Dep. Lamar Voss   K9: "Colonel" (shepherd)', "Colonel", "PERSON"),
    ("Q. Where was your K9?\nA. Rocco was in the kennel.", "Rocco", "PERSON"),
    # a military phone, a Spanish badge, a Spanish complaint number, a court's case number
    ("For questions call the desk, DSN 314-2280.", "314-2280", "CONTACT"),
    ("El agente Ruiz, placa 50217, llegó primero.", "50217", "ID"),
    ("La querella número 2025-3-118-00431 sigue abierta.", "2025-3-118-00431", "ID"),
    ("They served the warrant (25-1-03317-4) at dawn.", "25-1-03317-4", "ID"),
    # a corrections officer by the title prisons use, in capitals too
    ("The inmate swung at CO Okafor in the dayroom.", "Okafor", "PERSON"),
    ("INMATE SWUNG AT CO HALVORSEN IN THE DAYROOM.", "HALVORSEN", "PERSON"),
])
def test_a_kind_of_identifier_second_round(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize("text", [
    "We drove down to Pueblo, CO Tuesday night.",
    "The pickup had a CO plate and no front bumper.",
])
def test_colorado_before_a_word_names_no_officer(detector, text):
    assert not any(s.label == "PERSON" for s in detector.analyze_text(text))


def test_a_phone_in_pairs_stays_a_phone(detector):
    text = "Her number in Lyon is 04-72-33-18-90, call after six."
    assert found_as(detector, text, "04-72-33-18-90") == {"CONTACT"}


@pytest.mark.parametrize(("text", "part", "label"), [
    # records write "Last, First M.", particles included
    ("Arrestee OYELARAN, FOLASADE (DOB 2/9/90) was in the rear bedroom.", "OYELARAN, FOLASADE", "PERSON"),
    ("Name: de Graaf, Maarten   DOB 5/5/81", "de Graaf, Maarten", "PERSON"),
    ("INMATE KILLSBACK, R. REFUSED TO LOCK DOWN.", "KILLSBACK, R.", "PERSON"),
    # the office's county or the nation before an agency
    ("The Bannock County Coroner's Office took the body.", "Bannock County Coroner's Office", "AGENCY"),
    ("Agents of the U.S. Border Patrol met us at the gate.", "U.S. Border Patrol", "AGENCY"),
    # a feature named "X of Y", a county abbreviated after its name, two numbers of one road
    ("The skiff capsized off Isle of Shoals Point at dusk.", "Isle of Shoals Point", "LOCATION"),
    ("we got a call out in jefferson co near the creek", "jefferson co", "LOCATION"),
    ("Northbound on US-23/52 the truck lost its load.", "US-23/52", "LOCATION"),
    # a range of days
    ("We were deployed Mar 3-5 for the flood.", "Mar 3-5", "DATE"),
])
def test_a_kind_of_identifier_third_round(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize(("text", "apart"), [
    ("Officers Dale, Quinn and Marsh stood by.", "Dale, Quinn"),
    ("Hi Freddy, I'm the officer who called.", "Freddy, I'm"),
    ("It was 3-4 officers against one.", "3-4"),
])
def test_lists_greetings_and_counts_stay_apart(detector, text, apart):
    assert apart not in flagged(detector, text)


@pytest.mark.parametrize(("text", "state", "plate"), [
    ("I got the plate, Oregon 7KD-204, and called it in.", "Oregon", "7KD-204"),
    ("silver Honda, Montana 3PX-118, heading east", "Montana", "3PX-118"),
])
def test_a_state_named_before_a_plate_is_a_place_and_the_plate_a_number(detector, text, state, plate):
    assert found_as(detector, text, state) == {"LOCATION"}
    assert found_as(detector, text, plate) == {"ID"}


def test_a_container_number_in_capitals_is_a_number(detector):
    text = "A STOWAWAY WAS FOUND IN CONTAINER TGHU 771204-3 AT THE BERTH."
    assert found_as(detector, text, "TGHU 771204-3") == {"ID"}


@pytest.mark.parametrize(("text", "person", "agency"), [
    ("Special Agent Rowan Tillery Norfolk Southern Police took the call.", "Rowan Tillery",
     "Norfolk Southern Police"),
    ("this is trooper kai halvorsen montana highway patrol on the ninth", "kai halvorsen",
     "montana highway patrol"),
])
def test_a_name_after_a_rank_is_no_part_of_the_agency_after_it(detector, text, person, agency):
    assert found_as(detector, text, person) == {"PERSON"}
    assert found_as(detector, text, agency) == {"AGENCY"}


def test_a_firm_named_for_people_stays_one_name(detector):
    text = "The Barnett, Melton and Garcia law firm sent a letter."
    spans = detector.analyze_text(text)
    assert not any(s.label == "PERSON" and text[s.start:s.end] == "Melton" for s in spans)


@pytest.mark.parametrize(("text", "part", "label"), [
    # kinds from the ninth yardstick's tuning part
    ("Call came from 44 Birch Ct, Valentine's Day, about a fight.", "Valentine's Day", "DATE"),
    ("Complainant Austin Pike met us at the door.", "Austin Pike", "PERSON"),
    ("Wife Savannah Lane said he had left.", "Savannah Lane", "PERSON"),
    ("We handed him to Tahoe PD at the line.", "Tahoe PD", "AGENCY"),
    ("Traffic backed up across the Tacoma Narrows Bridge.", "Tacoma Narrows Bridge", "LOCATION"),
    ("Whiteout on ND 1806 south of the river.", "ND 1806", "LOCATION"),
    ("Her grandson Marion let us in.", "Marion", "PERSON"),
    ("Two families, the Hendersons and the Pruitts, were feuding.", "Pruitts", "PERSON"),
    ("the owner mr. castellanos said the dog bites", "castellanos", "PERSON"),
    ("The wreck was on County Highway K by the quarry.", "County Highway K", "LOCATION"),
    ("We launched at Twin Pines Boat Launch at dawn.", "Twin Pines Boat Launch", "LOCATION"),
    ("Ochoa Towing hauled the car away.", "Ochoa Towing", "LOCATION"),
])
def test_a_kind_of_identifier_fourth_round(detector, text, part, label):
    assert found_as(detector, text, part) == {label}


@pytest.mark.parametrize("text", [
    "Merry Christmas to everyone on nights.",
    "Happy New Year from the whole squad.",
    "A silver Tacoma was parked at the curb.",
])
def test_greetings_and_vehicles_name_no_one(detector, text):
    assert flagged(detector, text) == []
