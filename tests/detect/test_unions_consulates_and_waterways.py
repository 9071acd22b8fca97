"""Bodies and places of union, border and water work: a police union or association named
whole, a foreign consulate as an agency, numbered aids to navigation and "Lake of the ..."
as places, and a boat, a motor officer's motorcycle or a plow by its number."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_police_associations_are_agencies_whole(detector) -> None:
    text = ("Officer Brandvold was present with his Fargo Police Officers Association representative, "
            "Gary Young. Dep. Carl Fontenot (Jefferson Parish Deputy Sheriffs' Association observer) "
            "sat in.\nSUFFOLK COUNTY POLICE BENEVOLENT ASSOCIATION\nLetter to the panel")
    found = surfaces_and_labels(detector, text)
    assert ("Fargo Police Officers Association", "AGENCY") in found
    assert ("Jefferson Parish Deputy Sheriffs' Association", "AGENCY") in found
    assert ("SUFFOLK COUNTY POLICE BENEVOLENT ASSOCIATION", "AGENCY") in found
    assert ("Gary Young", "PERSON") in found


def test_a_leading_article_stays_out_of_the_association(detector) -> None:
    found = surfaces_and_labels(detector, "We met with The Ohio Troopers Association about it.")
    assert ("Ohio Troopers Association", "AGENCY") in found


def test_consulates_are_agencies(detector) -> None:
    text = ("He later called the Consulado General de Guatemala en Phoenix himself. Contact through "
            "the Consulado de México en Albuquerque was not needed; the Consulate General of Mexico in "
            "Houston was told.")
    found = surfaces_and_labels(detector, text)
    assert ("Consulado General de Guatemala en Phoenix", "AGENCY") in found
    assert ("Consulado de México en Albuquerque", "AGENCY") in found
    assert ("Consulate General of Mexico in Houston", "AGENCY") in found


def test_buoys_and_lakes_of_the_are_places(detector) -> None:
    text = ("Area: San Diego Bay, between Buoy 24 and the Coronado Bridge. Lake of the Ozarks, "
            "Saturday, July 6. A lightning strike on channel marker 40 yards from the boat.")
    found = surfaces_and_labels(detector, text)
    assert ("Buoy 24", "LOCATION") in found
    assert ("Lake of the Ozarks", "LOCATION") in found
    assert not any("marker 40" in s for s, _ in found)  # forty yards, no marker's number


def test_boats_motors_and_plows_by_their_numbers(detector) -> None:
    text = ("i was on the gpd marine boat (marine 2) with ofc garza. Motor officer: Viliami Havili, "
            "motor 417. A city plow, Boston Public Works plow 4417, came down the hill.")
    found = surfaces_and_labels(detector, text)
    assert ("marine 2", "ID") in found
    assert ("motor 417", "ID") in found
    assert ("plow 4417", "ID") in found
