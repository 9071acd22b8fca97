"""A surname of two letters said again alone, and a state's code without its comma at a line's
end or closing a clause after a comma (issue 19, stop 38). The texts are new, in none of the
corpora."""

from __future__ import annotations


def _spans(detector, text: str) -> set[tuple[str, str]]:
    return {(text[s.start:s.end], s.label) for s in detector.analyze_text(text)}


def test_a_two_letter_surname_said_again_alone(detector):
    text = ("Deputy Minh Quang Le took the west door. The suspect came out the back. "
            "Le saw the knife first and called it out.")
    assert ("Le", "PERSON") in _spans(detector, text)


def test_a_two_letter_word_is_not_remembered(detector):
    text = "Officer Lena Marsh got there first. Do not stand in the doorway. Ho hum, said nobody."
    spans = _spans(detector, text)
    assert not [t for t, _ in spans if t in ("Do", "Ho")]


def test_a_towns_state_without_a_comma_at_the_end_of_a_line(detector):
    text = "Cochise County Jail, Bisbee AZ\n\nThe inmate was moved to medical."
    assert ("Bisbee AZ", "LOCATION") in _spans(detector, text)


def test_a_state_closing_a_headings_clause(detector):
    text = "Courthouse escort near miss, SC. Two deputies walked the prisoner across the street."
    assert ("SC", "LOCATION") in _spans(detector, text)


def test_a_rank_after_a_comma_is_no_territory(detector):
    text = "Signed,\nR. Aldana\nCPT, MP\nProvost Marshal Office"
    assert not [t for t, label in _spans(detector, text) if t == "MP"]
