"""In a timed radio log, speakers by a word and a number ("Sheriff 1 (Sgt. Cotter):", "Med Cart
2:") are call signs, and so is their word with another number ("Sheriff 4"); a transcript's
numbered roles ("Witness 2:") are not (issue 19, stop 42). The texts are new, in none of the
corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels

_LOG = (
    "RADIO LOG -- county fair, night 2 -- EVENT CHANNEL\n"
    "2114  Rover 3: Base, Rover 3, fight at the beer garden gate.\n"
    "2115  Base: copy, sending Aid Cart 1.\n"
    "2117  Aid Cart 1 (EMT Dana Kowalski): on scene, one with a cut hand.\n"
    "2119  Marshal 2 (Dep. Luis Ortega): copy, Marshal 5 and Marshal 6 to the gate.\n"
    "2124  Marshal 5: one detained, Tyler Brandt, 24.\n")


def test_word_call_signs_of_a_timed_log_are_ids(detector):
    spans = surfaces_and_labels(detector, _LOG)
    for sign in ("Aid Cart 1", "Marshal 2", "Marshal 5", "Marshal 6"):
        assert (sign, "ID") in spans, sign
    assert ("Dana Kowalski", "PERSON") in spans


def test_numbered_roles_of_a_transcript_are_no_call_signs(detector):
    text = ("1402  Witness 2: I saw the car come around the corner.\n"
            "1403  Witness 3: it was going fast, maybe fifty.\n")
    spans = surfaces_and_labels(detector, text)
    assert not any(label == "ID" and surface.startswith("Witness") for surface, label in spans)
