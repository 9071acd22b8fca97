"""A city, town or county named "City of ..." acts as a body (an employer, a party to a case, the
one asked to act) and is an agency; it stays a place where something happens in it, in a court's
caption that gives its venue, and where its state follows it (issue 19, stop 41). The texts are
new, in none of the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_a_city_as_employer_party_or_payer_is_an_agency(detector):
    text = ("Employer: City of Fairbanks   Dept: Police. The claim was filed in Ruiz v. Town of Brookline, "
            "and the Village of Oak Park will pay for the fence.")
    spans = surfaces_and_labels(detector, text)
    for body in ("City of Fairbanks", "Town of Brookline", "Village of Oak Park"):
        assert (body, "AGENCY") in spans


def test_a_city_where_something_happens_stays_a_place(detector):
    text = "A man with a rifle was seen on a loading dock in the City of Vernon."
    assert ("City of Vernon", "LOCATION") in surfaces_and_labels(detector, text)


def test_a_city_with_its_state_stays_a_place(detector):
    text = "We sent the report to Town of Hanover, NH."
    assert ("Town of Hanover, NH", "LOCATION") in surfaces_and_labels(detector, text)


def test_a_court_caption_gives_its_venue_as_a_place(detector):
    text = "STATE OF OREGON   CIRCUIT COURT\nCOUNTY OF LANE   SECOND JUDICIAL DISTRICT\nSTATE v. PAUL REDD"
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, label in spans if "LANE" in t and label == "AGENCY"]
    assert any("LANE" in t for t, _ in spans)
