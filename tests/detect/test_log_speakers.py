"""Call signs as the speakers of radio logs and transcripts are IDs, whatever their words
look like (issue 19). The logs are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as
from workstation.detect.log_speakers import is_speaker, speakers_are_call_signs
from workstation.detect.spans import RawSpan

LOG = ("Radio log, flood detail\n"
       "21:14:05 Kearny 4: water over the road at the low crossing, turning cars back.\n"
       "21:14:31 Dispatch: Copy, Kearny 4.\n"
       "21:16:02 Sgt M-7: hold there, I am coming to you.\n")


def _span(text: str, part: str, label: str) -> RawSpan:
    start = text.index(part)
    return RawSpan(start, start + len(part), label, 0.8, "SpacyNerRecognizer")


def test_a_speaker_with_a_number_is_a_call_sign_and_so_are_its_other_mentions():
    first = _span(LOG, "Kearny 4", "LOCATION")
    second_start = LOG.index("Kearny 4", first.end)
    second = RawSpan(second_start, second_start + 8, "LOCATION", 0.8, "SpacyNerRecognizer")
    sergeant = _span(LOG, "M-7", "LOCATION")
    assert is_speaker(LOG, first) and is_speaker(LOG, sergeant) and not is_speaker(LOG, second)
    labels = [s.label for s in speakers_are_call_signs(LOG, [first, second, sergeant])]
    assert labels == ["ID", "ID", "ID"]


def test_a_place_in_the_message_stays_a_place():
    text = "0915 Adam 12: at 400 Birch Ave now\n0916 Disp: copy\n"
    place = _span(text, "400 Birch Ave", "LOCATION")
    assert speakers_are_call_signs(text, [place])[0].label == "LOCATION"


def test_the_whole_log_through_the_detector(detector):
    assert found_as(detector, LOG, "Kearny 4") == {"ID"}


def test_a_cad_logs_unit_after_the_time(detector):
    text = "CAD 21-0881\n0112 KX7 ON SCENE\n0118 KX7 ADV ALL QUIET\n0120 KX7 CLR"
    flagged = [text[s.start:s.end] for s in detector.analyze_text(text)]
    assert flagged.count("KX7") == 3 and "KX7 ON" not in flagged


def test_a_call_signs_number_alone_is_the_call_sign(detector):
    text = ("2211 SR 386: out with one at the Maverik, Price.\n"
            "2213 Disp: 386, your subject returns clear.\n"
            "2215 SR 386: copy, 386 clear. He drove 386 miles today.\n")
    spans = detector.analyze_text(text)
    numbers = [s for s in spans if text[s.start:s.end] == "386"]
    assert len(numbers) == 2 and {s.label for s in numbers} == {"ID"}  # not the "386 miles"


@pytest.mark.parametrize(("text", "name"), [
    ("Colt Barnhill broke a bottle on the bar.", "Colt Barnhill"),
    ("We met Ruger Pratt at the range office.", "Ruger Pratt"),
])
def test_a_gun_makers_name_before_a_surname_is_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


def test_gun_models_stay_allowed(detector):
    assert flagged(detector, "He carried a Colt Python and a Ruger revolver.") == []
