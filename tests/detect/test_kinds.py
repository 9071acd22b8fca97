"""The kinds of misses of issue 19, one made-up example each (the corpora measure them at
scale): what must be found, with which label, and what must not be flagged."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize(("text", "part", "label"), [
    # stock Presidio's kinds, kept
    ("The login came from 198.51.100.23 at night.", "198.51.100.23", "CONTACT"),
    ("A second login from 2001:db8:85a3::8a2e:370:7334 followed.", "2001:db8:85a3::8a2e:370:7334", "CONTACT"),
    ("His card 4111 1111 1111 1111 was declined.", "4111 1111 1111 1111", "ID"),
    ("Call her on +44 20 7946 0958 tomorrow.", "+44 20 7946 0958", "CONTACT"),
    # handles without "@", agencies in lower case, completions
    ("he posts as blue_line_mike77 on the app", "blue_line_mike77", "CONTACT"),
    ("we waited for polk co so to show up", "polk co so", "AGENCY"),
    ("backup came from Story County EMS and the Troop F trooper.", "Story County EMS", "AGENCY"),
    ("R/O ASSISTED THE DIVISION OF STATE POLICE ON THE STOP.", "DIVISION OF STATE POLICE", "AGENCY"),
    ("Officers from Probation and Parole met us there.", "Probation and Parole", "AGENCY"),
    # places
    ("radar on cr 118 near mm 14 all night", "cr 118", "LOCATION"),
    ("The pursuit ended in Dalton, GA after an hour.", "Dalton, GA", "LOCATION"),
    ("Coordinates 36.1627, -86.7816 put him in the ravine.", "36.1627, -86.7816", "LOCATION"),
    ("We went to 14 Ridge Rd N. for the call.", "14 Ridge Rd N", "LOCATION"),
    ("He was at the corner of Elm St and 4th Ave.", "Elm St and 4th Ave", "LOCATION"),
    ("Send it to PO Box 77 in town.", "PO Box 77", "LOCATION"),
    ("The hunter called from Lookout Mountain.", "Lookout Mountain", "LOCATION"),
    ("a fight at the waffle house on the bypass", "waffle house", "LOCATION"),
    # numbers
    ("I was covering two david twelve on the stop.", "two david twelve", "ID"),
    ("K9-4 tracked him into the woods.", "K9-4", "ID"),
    ("Case SW 24-0113 is still open.", "SW 24-0113", "ID"),
    ("THE CAR BORE OK 4417 BT AND FLED.", "OK 4417 BT", "ID"),
    # names
    ("THE DRIVER DWAYNE KOSTER REFUSED. KOSTER WAS DETAINED.", "DWAYNE KOSTER", "PERSON"),
    ("J.D. Marsh was contacted at the campsite.", "J.D. Marsh", "PERSON"),
    ("The tenant Wilhelmina Okoye-Barnes refused to leave.", "Wilhelmina Okoye-Barnes", "PERSON"),
    ('Anyone work with "Boomer" Haskins from the PD?', "Boomer", "PERSON"),
    ("The K9 Argo found him in the attic.", "Argo", "PERSON"),
    ("His son Gregory Atkins Jr. had the gun.", "Gregory Atkins Jr.", "PERSON"),
    ("Officer Greta Lindgren was hit by the detainee.", "Greta Lindgren", "PERSON"),
])
def test_kind_is_found_with_its_label(detector, text, part, label):
    assert label in found_as(detector, text, part)


@pytest.mark.parametrize("text", [
    "R/O ARRIVED APPROX 0315 HRS AND CONDUCTED A SEARCH. S1 WAS UNCUFFED AND DEBRIEFED.",
    "NARCAN ADMINISTERED X2. SUBJECT WAS COMBATIVE UPON WAKING.",
    "we had to uncuff him and search the car again, then we debriefed.",
])
def test_all_caps_report_words_are_not_identifiers(detector, text):
    assert labelled(detector, text) == []


def test_a_span_never_runs_over_a_sentence_end(detector):
    text = "He hit Officer Greta Lindgren. Cook County Sheriff's Office policy changed."
    spans = labelled(detector, text)
    assert ("Greta Lindgren", "PERSON") in spans
    assert ("Cook County Sheriff's Office", "AGENCY") in spans


@pytest.mark.parametrize("disguise", ["Da\u200bve Reyes", "Dav\u0435 Reyes", "\uff24ave Reyes",
                                      "Dave\u00adReyes".replace("\u00ad", " \u00ad"), "Dave Rey\u2060es"])
def test_the_report_memory_sees_through_a_disguised_repeat(detector, disguise: str) -> None:
    """A name found once is found again in the report written with an invisible character,
    a Cyrillic look-alike or a full-width letter (the leak guard's normalisation)."""
    text = f"My partner Dave Reyes called it in. Later {disguise} went back to the car."
    found = detector.analyze_reports([{"narrative": text}], [[]])[0]["narrative"]
    start, end = text.index(disguise), text.index(disguise) + len(disguise)
    shown = [(text[s.start:s.end], s.label) for s in found]
    assert any(s.start <= start and end <= s.end for s in found), shown
