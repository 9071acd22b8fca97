"""Names that are ordinary words or titles (issue 19: "Major", "Tango", "Deuce"), found by
what is around them. The sentences are new, in none of the corpora; each checks a kind."""

from __future__ import annotations

import pytest

from tests.helpers.detection import flagged, found_as


@pytest.mark.parametrize(("text", "name"), [
    ("Backup was Officer Chief, who got there in under a minute.", "Chief"),
    ("I called for Det. Warden and he came running.", "Warden"),
    ("TPR. JUDGE TOOK THE PASSENGER SIDE.", "JUDGE"),
    ("my fto, Ofc Captain (real name) told me to wait", "Captain"),
])
def test_a_title_word_after_a_title_is_the_name(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "A Deputy Sheriff and the Deputy Chief arrived with a Staff Sergeant.",
    "I called for Deputy Marshal and he came running.",
    "THE SRO OFFICER AND THE FTO OFFICER WALKED IN TOGETHER.",
    "The Sergeant Major of the MP company briefed us.",
    "Our Police Chief signed the memo; a Detective Sergeant reviewed it.",
])
def test_two_titles_that_make_one_rank_are_no_name(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Shift notes. Pickles and I cleared the barn first.", "Pickles"),  # a K9
    ("After roll call me and Oyelaran took the east side.", "Oyelaran"),
    ("We lost the trail at the creek, so Gunner & I went back.", "Gunner"),
])
def test_the_writers_companion_is_a_person(detector, text, name):
    assert found_as(detector, text, name) == {"PERSON"}


@pytest.mark.parametrize("text", [
    "Dispatch and I could not agree on the cross street.",
    "Sarge and I rolled up at the same time. Mom and I had talked that morning.",
    "My FTO and I cleared the back. He and I were tired.",
])
def test_roles_pronouns_and_kin_beside_the_writer_are_no_names(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Deputy Rosario Vega y Fuentes took the second car.", "Rosario Vega y Fuentes"),
])
def test_a_compound_spanish_surname_is_one_name(detector, text, name):
    assert name in flagged(detector, text)


@pytest.mark.parametrize("text", [
    "the driver, I'm sure of it, was the one who ran.",
    "01:16:30 Disp: copy, all units hold.\n01:16:41 Narr: none",
    "The vpso met us at the airstrip. Pt was combative in the bay.",
])
def test_pronouns_shorthand_and_titles_are_no_names(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("so the charge rn odalys told us the room was clear", "odalys"),
    ("owner keanu pahinui came out with a bat", "keanu pahinui"),
    ("transport run. tavita and i were walking him to the van", "tavita"),
])
def test_a_name_after_a_role_or_beside_the_writer_in_lower_case(detector, text, name):
    # the cue patterns themselves (NER finds these short sentences too, not always in long ones)
    from workstation.detect.recognizers.person_cues import cue_name_recognizers

    lexicon = detector._get_engine().lexicon
    (cues,) = cue_name_recognizers(lexicon)
    assert name in [text[r.start:r.end] for r in cues.analyze(text, ["PERSON"])]
    assert name in flagged(detector, text)


@pytest.mark.parametrize("text", [
    "The driver went around the corner of a house and I followed him.",
    "I stood too close and I let him get a hand on my radio.",
])
def test_things_beside_the_writer_are_no_names(detector, text):
    assert flagged(detector, text) == []


def test_a_companion_is_remembered_in_the_rest_of_the_report(detector):
    text = "K9 log. Pickles and I tracked him to the culvert. Pickles got a nip on his sleeve."
    assert [p for p in flagged(detector, text) if p.startswith("Pickles")] == ["Pickles", "Pickles"]


@pytest.mark.parametrize(("text", "name"), [
    ("He came up swinging. Gator (my partner, yes that is his name) got the cuffs on.", "Gator"),
    ("everybody at the post calls me biscuit since the academy", "biscuit"),
])
def test_a_name_before_who_it_is_and_a_nickname(detector, text, name):
    assert name in flagged(detector, text)


@pytest.mark.parametrize("text", [
    "Later, my partner said the car was stolen. Luckily, my FTO saw it first.",
    "You can call me anytime about it, or call me back tomorrow.",
])
def test_adverbs_before_a_role_and_call_me_are_no_names(detector, text):
    assert flagged(detector, text) == []


@pytest.mark.parametrize(("text", "flagged_major"), [
    ("Sgt. Major agreed and it is being added to the checklist.", True),
    ("The Sergeant Major agreed and it is being added to the checklist.", False),
])
def test_an_abbreviated_title_then_a_title_word_in_full_is_a_name(detector, text, flagged_major):
    spans = detector.analyze_text(text)
    assert any(text[s.start:s.end] == "Major" and s.label == "PERSON" for s in spans) is flagged_major
