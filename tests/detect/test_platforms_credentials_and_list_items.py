"""Words around an identifier that are none: a social platform or payment app by its name (the
account is the identifier), a clinician's credentials after the name's comma, a screening
scale and its range, and a numbered item of a list, a complaint or an agenda."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_platforms_are_not_identifiers_but_their_accounts_are(detector) -> None:
    text = ("His cousin kept filming me on Facebook Live. I flagged the defendant's Instagram "
            "(@joaco.salazar303) to the DDA; he had posted a goodbye on Facebook and paid her on "
            "Cash App. Her brother's page is facebook.com/beto.cantu.7741 and he is on TikTok.")
    found = surfaces_and_labels(detector, text)
    assert ("@joaco.salazar303", "CONTACT") in found
    assert any(s.startswith("facebook.com/beto.cantu") and label == "CONTACT" for s, label in found)
    words = " ".join(s for s, _ in found)
    for platform in ("Facebook Live", "Instagram", "Cash App", "TikTok"):
        assert platform not in words, found
    assert not any(s == "Facebook" for s, _ in found)


def test_credentials_after_a_name_are_not_agencies(detector) -> None:
    text = ("Thu 11/21: Referred to Nadine Ouellette, LCSW, at Riverbend Counseling (207-555-0126).\n"
            "Clinician assigned: Marcus J. Thibodeaux, LPC, CEAP\n"
            "Sincerely,\nRebecca A. Salazar-Kim, PhD\nLicensed Clinical Psychologist")
    found = surfaces_and_labels(detector, text)
    assert ("Nadine Ouellette", "PERSON") in found
    assert ("Marcus J. Thibodeaux", "PERSON") in found
    words = " ".join(s for s, _ in found)
    for credential in ("LCSW", "LPC", "CEAP", "PhD"):
        assert credential not in words, found


def test_a_state_after_a_comma_is_still_a_place(detector) -> None:
    found = surfaces_and_labels(detector, "He drove from Frederick, MD to York, PA that night.")
    assert any("MD" in s for s, _ in found) and any("PA" in s for s, _ in found)


def test_screening_scales_are_not_numbers_of_anyone(detector) -> None:
    text = ("SLEEP (0-10): 4     APPETITE (0-10): 6     PHQ-9: 8     GAD-7: 11\n"
            "MEMBER: Sgt. Farah Abdullahi, badge 4471")
    found = surfaces_and_labels(detector, text)
    assert ("4471", "ID") in found
    assert not any(s in ("0-10", "PHQ-9", "GAD-7") for s, _ in found), found


def test_numbered_items_are_not_ids_but_the_numbers_in_them_are(detector) -> None:
    text = ("Item 1. Pursuit PR-24-031, December 20, 2024. Initiating unit car 3217.\n"
            "Item 2. Pursuit PR-24-033, tabled.\n"
            "ALLEGATION 1: 300.4 VEHICLE OPERATIONS     FINDING: SUSTAINED\n"
            "Near miss #2: the defendant came to the door.\n"
            "NARRATIVE: PWC 1 AND PWC 2 COLLIDED AT THE NO-WAKE BUOYS.")
    found = surfaces_and_labels(detector, text)
    assert ("PR-24-031", "ID") in found and ("PR-24-033", "ID") in found
    for item in ("Item 1", "Item 2", "ALLEGATION 1", "2", "PWC 1", "PWC 2"):
        assert not any(s == item or s.startswith(item + " ") for s, _ in found), (item, found)


def test_protective_orders_by_kind_are_not_agencies_but_their_numbers_are_ids(detector) -> None:
    text = ("2/11/25, 21:49 - Dana Brooks: OFP is 27-DA-FA-25-311 right? served?\n"
            "Respondent arrested for the PPO violation. She had a protective order against him, "
            "PFA-2025-0419. Dearborn, a PPO call during Eid al-Adha.")
    found = surfaces_and_labels(detector, text)
    assert ("27-DA-FA-25-311", "ID") in found
    assert any(s.startswith("PFA-2025-0419") or s == "2025-0419" for s, _ in found), found
    assert not any(s in ("OFP", "PPO") for s, _ in found), found


def test_an_agencys_kind_alone_names_no_one(detector) -> None:
    text = ("DISPATCH: Copy. Lake Patrol is advised. When I said \"Sheriff's Office\" he turned. "
            "The New Mexico State Police, Spotsylvania Co. Sheriff's Office and the Sheriff's Office "
            "of Hidalgo County came.")
    found = surfaces_and_labels(detector, text)
    assert ("New Mexico State Police", "AGENCY") in found
    assert ("Spotsylvania Co. Sheriff's Office", "AGENCY") in found
    assert ("Sheriff's Office of Hidalgo County", "AGENCY") in found
    assert ("Lake Patrol", "AGENCY") not in found and ("Sheriff's Office", "AGENCY") not in found


def test_a_transcripts_call_taker_is_no_name(detector) -> None:
    text = ("CALL-TAKER (Crystal): Interpreter, please ask her where she is.\n"
            "CALLER: Mistake #1 was mine. My name is Farah Abdullahi.")
    found = surfaces_and_labels(detector, text)
    assert ("Farah Abdullahi", "PERSON") in found
    assert not any(s.lower().startswith("call") or s in ("1", "Mistake #1") for s, _ in found), found
