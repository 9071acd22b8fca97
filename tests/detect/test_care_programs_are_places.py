"""A counseling practice, a daycare, a preschool or a family refuge named in a report is a
place (the program, not the agency that referred to it); a firm's form alone after a comma
("ASSOCIATES, PLLC") is no agency."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_care_programs_by_their_trade(detector) -> None:
    text = ("Warmly,\nAroha\nTideline Counseling | 408-555-0149\n\n"
            "- Brooklyn (child in common, 2, attends Tiny Steps Daycare)\n"
            "- Advocate: Pilar Ochoa, Heartland Family Refuge\n")
    found = surfaces_and_labels(detector, text)
    for place in ("Tideline Counseling", "Tiny Steps Daycare", "Heartland Family Refuge"):
        assert (place, "LOCATION") in found, (place, found)


def test_a_firms_form_alone_is_no_agency(detector) -> None:
    text = "TIDEWATER BEHAVIORAL HEALTH ASSOCIATES, PLLC\n4410 Granby Street, Suite 3 | Norfolk, VA 23504"
    found = surfaces_and_labels(detector, text)
    assert not any(s == "PLLC" for s, _ in found)
    assert any(s.startswith("4410 Granby Street") for s, _ in found)
