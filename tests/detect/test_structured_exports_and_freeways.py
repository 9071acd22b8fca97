"""A YAML block's and an XML element's values by their key, an ISO time stamp whole, a key that
is no handle, a unit's "12-S4" and a freeway by its number alone (issue 19, stop 39). The texts
are new, in none of the corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_yaml_blocks_values_by_their_key(detector):
    text = ("incident:\n"
            "  road: SR-37\n"
            "  nearest_town: Bonanza\n"
            "  landmark: cattle guard past the Sprague River bridge\n"
            "people:\n"
            "  - name: Delphine Kirkwood\n"
            "    role: driver\n"
            "    license_state: OR\n")
    spans = _spans(detector, text)
    assert ("Bonanza", "LOCATION") in spans
    assert ("OR", "LOCATION") in spans
    assert ("Delphine Kirkwood", "PERSON") in spans
    assert not [t for t, _ in spans if t.startswith("cattle guard") or "_" in t]


def test_an_xml_elements_text_by_its_tag(detector):
    text = ("<Location>\n  <Street>4410 N. Ridgeview Dr</Street>\n  <City>Ellensburg</City>\n"
            "  <State>WA</State>\n</Location>")
    spans = _spans(detector, text)
    assert ("Ellensburg", "LOCATION") in spans and ("WA", "LOCATION") in spans


def test_an_iso_time_stamp_is_one_date(detector):
    text = ('3. 2025-02-14T21:07:55-06:00 - unit 4B12 on scene\n{"ts":"2025-02-14T21:09:02Z","spd":0}')
    spans = _spans(detector, text)
    assert ("2025-02-14T21:07:55-06:00", "DATE") in spans
    assert ("2025-02-14T21:09:02Z", "DATE") in spans
    assert not [t for t, label in spans if label == "ID" and "T21" in t]


def test_a_forum_posters_handle_stays_a_handle(detector):
    text = "copper_kettle_77:\nwe had one like that on nights.\n\nsgt_on_nights: same, never again"
    spans = _spans(detector, text)
    assert ("copper_kettle_77", "CONTACT") in spans and ("sgt_on_nights", "CONTACT") in spans


def test_a_units_number_letter_and_number(detector):
    text = "I was working 31-S2 that night and 31-S5 came to back me. S1 fled on foot."
    spans = _spans(detector, text)
    assert ("31-S2", "ID") in spans and ("31-S5", "ID") in spans
    assert not [t for t, _ in spans if t == "S1"]


def test_a_freeway_by_its_number_alone(detector):
    text = ("We got the call on the 58 eastbound near Boron. Later I got on the 14 at Mojave. "
            "It was the 3 count that got him, and the 2 of them ran.")
    spans = _spans(detector, text)
    assert ("58", "LOCATION") in spans and ("14", "LOCATION") in spans
    assert not [t for t, _ in spans if t in ("3", "2")]


def test_an_incident_command_named_for_its_place(detector):
    text = ("Battalion 4 established Kettle Run Command in the Food Lion lot. Officers from the "
            "Convention Center Area Command and the Frederiksted Command came too.")
    spans = _spans(detector, text)
    assert ("Kettle Run", "LOCATION") in spans
    assert not [t for t, _ in spans if t.startswith("Kettle Run Command")]
    assert ("Convention Center Area Command", "AGENCY") in spans


def test_the_state_or_territory_before_a_plate_and_in_a_states_field(detector):
    text = ("Unit 6: Tag GU KPR 4410 heading south.\n"
            "A WHI BOX TRUCK (\"BAYSIDE LINEN\", FL KQ4 71B) DRIFTED INTO THE LANE.\n"
            "VEH: 2018 FORD F150 WHI   LIC: RTK4471   LIS: NV\n"
            "Agency type: Police   State: AZ   Years: 9")
    spans = _spans(detector, text)
    assert {("GU", "LOCATION"), ("FL", "LOCATION"), ("NV", "LOCATION"), ("AZ", "LOCATION")} <= spans
    caps = "R/O ARRIVED ON SCENE. IN CAR 41 WAS OFC. PRUITT WITH THE DRIVER."
    assert not [t for t, _ in _spans(detector, caps) if t == "IN"]
