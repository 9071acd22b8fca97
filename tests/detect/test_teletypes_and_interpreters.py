"""Kinds met in teletype printouts, fraud and federal paperwork, interpreter logs and work
crews' notes (stop 46): an NCIC message's key, ORI and state, its protection-order, date and
operator fields, a name that ends before the next field's code, a list of states, a state
before its own number for a person, a teletype's date before its clock time, a court that holds
the case numbered after it, federal and fraud bodies, banks and rideshare companies, a name in
its own script, interpreters' and members' numbers, a table cell with a second thing in
brackets, fleet numbers, parcels' numbers in groups of four, Bitcoin and Ethereum wallets, a
union's lodge in capitals, a family by its name, a city's ward, a record's name before its race
and sex; with the look-alikes that stay as they were."""

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
    ("We handed it to the Federal Protective Service at the door.", "Federal Protective Service", "AGENCY"),
    ("CRIMINAL HISTORY  STATE IDS: NE/NE30051187  IA/IA0442190", "IA", "LOCATION"),
    ("0219 ATL TO: ALL PD MO KS AR  ARMED", "KS", "LOCATION"),
    ("Package tracking 7791 2204 5517 was on the seat.", "7791 2204 5517", "ID"),
    ("The wallet on the QR code was bc1qk7f3x0m9ys8ht2d6j4wq5n0rlz8pv3c7e2g41u, she said.",
     "bc1qk7f3x0m9ys8ht2d6j4wq5n0rlz8pv3c7e2g41u", "ID"),
    ("WARRANT DC SUPERIOR COURT 2024 CMD 008871 ACTIVE", "2024 CMD 008871", "ID"),
    ("Dues go to FOP LODGE 86 every year, he said.", "FOP LODGE 86", "AGENCY"),
    ("Team interpreters (RID nos. 30214, 30877, 31550) signed.", "31550", "ID"),
    ("Two shootings in Ward 8 this week, one near the 7th Ward line.", "Ward 8", "LOCATION"),
    ("Two shootings in Ward 8 this week, one near the 7th Ward line.", "7th Ward", "LOCATION"),
    ("Wanted: Mbeki, Thandiwe Grace B/F 29, armed.", "Mbeki, Thandiwe Grace", "PERSON"),
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
    ("Seen by Dr.Ma at the clinic.", None),
    ("The interpreter 1430 arrived late.", "1430"),
    ("Call me or in person, OK?", None),
    ("GO TO ME OR IN PERSON AT THE DESK", None),
    ("Member 2019 of the team, she said.", "2019"),
    ("He paid 061525 1412 dollars?", None),
])
def test_the_look_alikes_stay_as_they_were(detector, text: str, word: str | None) -> None:
    found = labelled(detector, text)
    if text.startswith("Dr. "):
        assert (word, "PERSON") in found
    elif word is None:
        assert not any(label == "LOCATION" for _, label in found)
        assert not any(label == "DATE" for _, label in found)
    else:
        assert not any(word in part for part, _ in found)


@pytest.mark.parametrize("text", [
    "Foster family reported her missing at noon.",
    "She stayed with a Host family that summer.",
    "Referred to the Kent Family Court on Monday.",
])
def test_a_family_of_everyday_words_or_a_family_court_is_no_family_name(detector, text: str) -> None:
    from workstation.detect.family_names import FAMILY_NAME

    assert not any(s.recognizer == FAMILY_NAME for s in detector.analyze_text(text))


@pytest.mark.parametrize("text", [
    "He said in Russian (не знаю) and left.",
    "She flew in from Moscow (Москва) last week.",
])
def test_words_in_brackets_after_a_language_or_a_town_are_no_name(detector, text: str) -> None:
    assert not any(label == "PERSON" for _, label in labelled(detector, text))


@pytest.mark.parametrize(("text", "number"), [
    ("CC: MT, DC, GA", None),  # initials parted by commas, no list of states
    ("His family member 2112 Elm St was home.", "2112"),  # a house number
    ("Shifts 0800 1200 1600 on the board.", "0800 1200 1600"),  # clock times in fours
])
def test_what_the_new_rules_leave_alone(detector, text: str, number: str | None) -> None:
    found = labelled(detector, text)
    if number is None:
        assert ("MT", "LOCATION") not in found and ("DC", "LOCATION") not in found
    else:
        assert (number, "ID") not in found


def test_a_court_as_a_room_stays_a_place(detector) -> None:
    found = labelled(detector, "We met the bailiff at Boone County Circuit Court, Courtroom 3.")
    assert ("Boone County Circuit Court", "LOCATION") in found
