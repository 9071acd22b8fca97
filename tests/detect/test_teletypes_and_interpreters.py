"""Kinds met in teletype printouts, fraud and federal paperwork, interpreter logs and work
crews' notes (stop 46): an NCIC message's key, ORI and state, its protection-order, date and
operator fields, a name that ends before the next field's code, a list of states, a state
before its own number for a person, a teletype's date before its clock time, a court that holds
the case numbered after it, federal and fraud bodies, banks and rideshare companies, a name in
its own script, interpreters' and members' numbers, a table cell with a second thing in
brackets, fleet numbers; with the look-alikes that stay as they were."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


_RETURN = "QV.NE0280000.NAM/PELLETIER, DORIS ANN.SEX/F.RAC/W.DOB/19810916"
_LIST = "FROM: SDHP0100  TO: ALL AGENCIES SD ND NE WY  050725 2216 CDT  ATL WANTED SUBJ"
_ORDER = "PNO/31D02-2211-PO-000588 BRD/Y  ISD/20221104 EXP/20241104  PPN/LUNDQUIST, MAREN JO PSX/F"
_REGISTRATION = "RR.WY  REGISTRATION RESPONSE  LIC/9-4471C LIS/WY LIY/2026  OPR/TKB"


@pytest.mark.parametrize(("text", "part", "label"), [
    (_RETURN, "NE0280000", "ID"),
    (_RETURN, "PELLETIER, DORIS ANN", "PERSON"),
    (_RETURN, "19810916", "DATE"),
    (_LIST, "SD", "LOCATION"),
    (_LIST, "ND", "LOCATION"),
    (_LIST, "WY", "LOCATION"),
    (_LIST, "050725", "DATE"),
    (_ORDER, "31D02-2211-PO-000588", "ID"),
    (_ORDER, "20221104", "DATE"),
    (_ORDER, "20241104", "DATE"),
    (_ORDER, "LUNDQUIST, MAREN JO", "PERSON"),
    (_REGISTRATION, "WY", "LOCATION"),
    (_REGISTRATION, "TKB", "PERSON"),
    ("CRIMINAL HISTORY  STATE IDS: NE/NE30051187  IA/IA0442190", "NE", "LOCATION"),
    ("LOG 20240611 0915 EST  UNIT CLEARED", "20240611", "DATE"),
    ("Warrants: D.C. Superior Court 2024 CF2 004411 and more.", "D.C. Superior Court", "AGENCY"),
    ("CHG: THEFT    COURT: Boone County Circuit Court    CASE: CR-2019-77", "Boone County Circuit Court",
     "AGENCY"),
    ("The caller said he was with the IRS and that the SSA had frozen her number.", "IRS", "AGENCY"),
    ("The caller said he was with the IRS and that the SSA had frozen her number.", "SSA", "AGENCY"),
    ("We handed it to FPS at the federal building.", "FPS", "AGENCY"),
    ("She wired it through Western Union from her Wells Fargo account.", "Western Union", "LOCATION"),
    ("She wired it through Western Union from her Wells Fargo account.", "Wells Fargo", "LOCATION"),
    ("A Lyft driver pulled into the bus lane.", "Lyft", "LOCATION"),
    ("The victim, Selam Tesfaye (ሰላም ተስፋዬ), came in with her son.", "ሰላም ተስፋዬ", "PERSON"),
    ("Her neighbour Karim Haddad (كريم حداد) saw it.", "كريم حداد", "PERSON"),
    ("3/2/25, 21:40 - ام سمير: الشرطة هنا", "ام سمير", "PERSON"),
    ("We used LanguageLine, Tigrinya, interpreter 61842, for the interview.", "61842", "ID"),
    ("Team interpreters (RID nos. 30214, 30877) signed for the hearing.", "30877", "ID"),
    ("Team interpreters (RID nos. 30214, 30877) signed for the hearing.", "30214", "ID"),
    ("The tow company had Wrecker 3 angled across the lane.", "3", "ID"),
    ("The golf cart rental had cart 41 out with no governor.", "41", "ID"),
])
def test_the_kind_is_found_whole_with_its_label(detector, text: str, part: str, label: str) -> None:
    assert (part, label) in labelled(detector, text)


_TABLE = ("Date | Case no. | Language | Interpreter (cert. no.) | Officer witness\n"
          "2/11 | 25-1-00871-3 SEA | Oromo | Chaltu Gemechu (WA-CI-55120) | Det. P. Lindgren (SPD)\n"
          "2/12 | 25-1-00902-1 KNT | Dari | Farid Rahimi (WA-CI-40871) | Ofc. L. Moreau (Kent PD)\n")


def test_a_cell_with_a_second_thing_in_brackets_is_two_things(detector) -> None:
    found = labelled(detector, _TABLE)
    assert ("WA-CI-55120", "ID") in found and ("WA-CI-40871", "ID") in found
    assert ("SPD", "AGENCY") in found and ("Kent PD", "AGENCY") in found
    assert ("P. Lindgren", "PERSON") in found
    assert not any("(" in part for part, _ in found)


def test_a_users_pin_column_holds_numbers_not_handles(detector) -> None:
    text = ("Session ID | Date | Language | Interpreter ID | User PIN\n"
            "LL2502110041 | 02/11/2025 | Oromo | 208114 | 5590\n"
            "LL2502110042 | 02/11/2025 | Dari | 310771 | 6613\n")
    found = labelled(detector, text)
    assert ("5590", "ID") in found and ("6613", "ID") in found


@pytest.mark.parametrize(("text", "word"), [
    ("Dr. Okafor saw him at 5.", "Okafor"),  # a doctor, not a message key
    ("Call me or in person, OK?", None),
    ("GO TO ME OR IN PERSON AT THE DESK", None),
    ("Member 2019 of the team, she said.", "2019"),
    ("He paid 061525 1412 dollars?", None),
])
def test_the_look_alikes_stay_as_they_were(detector, text: str, word: str | None) -> None:
    found = labelled(detector, text)
    if text.startswith("Dr."):
        assert (word, "PERSON") in found
    elif word is None:
        assert not any(label == "LOCATION" for _, label in found)
        assert not any(label == "DATE" for _, label in found)
    else:
        assert not any(word in part for part, _ in found)


def test_a_court_as_a_room_stays_a_place(detector) -> None:
    found = labelled(detector, "We met the bailiff at Boone County Circuit Court, Courtroom 3.")
    assert ("Boone County Circuit Court", "LOCATION") in found
