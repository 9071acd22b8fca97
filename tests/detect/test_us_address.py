"""The usaddress-based recognizer (workstation/detect/recognizers/us_address.py), with the
real usaddress CRF and the real spaCy model's lexicon.

HELD_OUT is a small set of sentences written for these tests after the recognizer was
built and never used to tune it (lower case, ALL CAPS, mobile-app shorthand, rural
addresses); NOT_ADDRESSES are report phrases that hold a number and are no address.
On its first run the recognizer alone found 98 of the 116 address tokens (21 of 28
addresses whole) and named one non-address ("1130 John"); the fixes that followed (a period
after a one-letter abbreviation, "#14", a route type right after the number, a given name
after a time) were made looking at this set, so it is no longer unseen: the figures
asserted are the ones reached after them. The negatives must all hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex as re
import usaddress

from workstation.detect.detector import Detector
from workstation.detect.recognizers.addresses import address_recognizers
from workstation.detect.recognizers.us_address import UsAddressRecognizer, tag_window

# (sentence, the address in it)
HELD_OUT: list[tuple[str, str]] = [
    ("Caller advised the male was back at 5127 Wren Hollow Dr, apt 12, and was yelling.",
     "5127 Wren Hollow Dr, apt 12"),
    ("sent to 3318 cottonwood ln for a welfare check, door was open", "3318 cottonwood ln"),
    ("lives at 709 birchwood apt 3 w/ her boyfriend", "709 birchwood apt 3"),
    ("UNITS RESPONDED TO 2240 N LINCOLN AVE REF A STABBING.", "2240 N LINCOLN AVE"),
    ("ORIGINAL CALL WAS 612 E 3RD ST S, SUBJ FLED ON FOOT", "612 E 3RD ST S"),
    ("the farmhouse is on county road 1400 n about 3 miles past the elevator", "county road 1400 n"),
    ("Her mailing address is P.O. Box 2291, Ada, OK 74820.", "P.O. Box 2291, Ada, OK 74820"),
    ("he gets mail at rural route 2 box 118 but lives in a camper", "rural route 2 box 118"),
    ("The complainant lives at 1146 Juniper, right behind the school.", "1146 Juniper"),
    ("We found him in apt 4C at the Pines.", "apt 4C"),
    ("Her new place is 4490 Harmon Pl, Suite 210, Reno, NV 89502.",
     "4490 Harmon Pl, Suite 210, Reno, NV 89502"),
    ("cleared from 77 Old Mill Rd W and went back in service", "77 Old Mill Rd W"),
    ("RP AT 1919 HWY 61 N SAYS A TRUCK IS IN THE DITCH", "1919 HWY 61 N"),
    ("dispatched to hc 64 box 1020 for a domestic", "hc 64 box 1020"),
    ("The party lives at 2418 Pawnee, on the east side.", "2418 Pawnee"),
    ("address given was 315 w elm, which turned out to be vacant", "315 w elm"),
    ("SUBJ RESIDES AT 6021 S KEDZIE AVE APT 2R", "6021 S KEDZIE AVE APT 2R"),
    ("we stood by at 10 Cedar Ct. N. while the tow came", "10 Cedar Ct. N"),
    ("inmate was moved into unit 7C after the fight", "unit 7C"),
    ("Caller at 205 Birch Street Apartment 6 heard shots.", "205 Birch Street Apartment 6"),
    ("Took the report at 1260 Meadowlark, Bldg 3.", "1260 Meadowlark, Bldg 3"),
    ("out on rr 1 box 77 near the creek", "rr 1 box 77"),
    ("The suspect was seen at 8 Harbor View Terrace.", "8 Harbor View Terrace"),
    ("she moved to 2603 Stonegate Blvd #14 last month", "2603 Stonegate Blvd #14"),
    ("mail goes to PO Box 88 in Harlan", "PO Box 88"),
    ("responded to 1401 s. main st. for shots fired", "1401 s. main st"),
    ("PARTY AT 4417 COUNTY RD 12 E WAS UNCOOPERATIVE", "4417 COUNTY RD 12 E"),
    ("we went to 56 Quail Run and nobody answered", "56 Quail Run"),
]

NOT_ADDRESSES: list[str] = [
    "At 0230 hrs I was flagged down by 2 males.",
    "Unit 4 responded and Unit 12 took the report.",
    "He fired 3 rounds from a 9mm and 2 suspects fled.",
    "She was driving a 2017 Honda Accord northbound.",
    "We waited 45 minutes for 3 more units.",
    "The dog was 30 feet away.",
    "At 1645 Dispatch advised the caller hung up.",
    "Adam 12 Boy cleared the scene.",
    "He had 12 Grams of meth and 400 Dollars.",
    "Engine 41 and Medic 7 arrived on scene.",
    "Badge 4471 Officer Perez wrote the ticket.",
    "THE DRIVER, 34 YOA, WAS CITED.",
    "He served 5 Years in prison.",
    "shift 2 of 3 was short.",
    "Car 12 Charlie was the cover unit.",
    "I told unit 4 to hold the perimeter.",
    "The 2 Officers arrived.",
    "At 1130 John Miller walked in.",
    "rr 18, bp 140/90, pt stable",
    "Over 200 People attended and about 150 Yards of tape went up.",
    "He called 911 Dispatch twice.",
    "I was 10-8 at 1500 and cleared at 1730.",
    "case 24-11873 was assigned to Det. Ruiz",
]

# A second set, written after the first was used for fixes and run once before any change:
# first run, the recognizer alone 71 of 82 tokens (15 of 20 addresses whole), one token too
# many ("67 Locust, sitting"), one unit taken for a place (below); the detector 80 of 82.
# Two general fixes followed (a comma ends a street name; a period after "Apt." does not
# end the address): 73 of 82, none too many; the detector 80 of 82.
HELD_OUT_2: list[tuple[str, str]] = [
    ("Welfare check at 3902 Larkspur, the mother hadn't heard from her son in a week.", "3902 Larkspur"),
    ("SUSP VEH LAST SEEN 1600 BLK OF E 14TH AVE", "E 14TH AVE"),
    ("rp lives at 1718 e nettleton ave apt b and says the neighbor has a gun", "1718 e nettleton ave apt b"),
    ("Dispatched to 90 Pleasant Valley Rd, Unit 3, for an alarm.", "90 Pleasant Valley Rd, Unit 3"),
    ("the call came from 4421 SW Dogwood Ln, Topeka KS 66604", "4421 SW Dogwood Ln, Topeka KS 66604"),
    ("we set up on 2200 block? no, 2214 Harrow Ct", "2214 Harrow Ct"),
    ("He listed PO Box 550 as his address.", "PO Box 550"),
    ("lives way out on star route 4 box 9", "star route 4 box 9"),
    ("ATTEMPTED SERVICE AT 311 W MAIN ST STE 400 NEG CONTACT", "311 W MAIN ST STE 400"),
    ("Subject was found at 67 Locust, sitting on the porch.", "67 Locust"),
    ("They live in trailer 9 at the Shady Acres park.", "trailer 9"),
    ("the house at 8815 Farm Road 2217 had no lights", "8815 Farm Road 2217"),
    ("We met the tow at 1450 Commerce Pkwy N.", "1450 Commerce Pkwy N"),
    ("sent to 12 cherry hill dr for a 911 hangup", "12 cherry hill dr"),
    ("Victim's address: 5309 Hartwell, Dearborn, MI 48126.", "5309 Hartwell, Dearborn, MI 48126"),
    ("RESPONDED TO 2700 OLD SPANISH TRL #221 REF ASSAULT", "2700 OLD SPANISH TRL #221"),
    ("Contact was made at 1001 Ridgecrest Dr. Apt. 12B.", "1001 Ridgecrest Dr. Apt. 12B"),
    ("he moved into apartment 3F over on the east side", "apartment 3F"),
    ("went to co rd 17 n, the gate was locked", "co rd 17 n"),
    ("Male at 640 Keeler Ave. S. was shouting at cars.", "640 Keeler Ave. S"),
]
NOT_ADDRESSES_2: list[str] = [
    "At 2245 Sgt. Ramos called for 2 more units.",
    "He was clocked at 87 MPH in a 55 zone.",
    "The 3 Juveniles ran toward the creek.",
    "I spent 20 Minutes on the phone with 911.",
    "She said she owed him 300 Bucks.",
    "Suspect is 6 Feet tall, 180 Pounds.",
    "Deputy 14 and Deputy 22 cleared.",
    "At 0900 Lt. Graves held the briefing.",
    "in unit 12 we had two officers that night",
    "The 1998 Buick had no plates.",
]


@pytest.fixture(scope="module")
def recognizer(detector: Detector) -> UsAddressRecognizer:
    return UsAddressRecognizer(detector._get_engine().lexicon)


def found(recognizer: UsAddressRecognizer, text: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, ["ADDRESS"])]


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_the_model_ships_in_the_wheel() -> None:
    # usaddress opens its CRF from the installed package: nothing is downloaded
    assert Path(usaddress.MODEL_PATH).is_file()
    assert hasattr(usaddress, "TAGGER")


def test_it_is_registered_with_the_address_recognizers(detector: Detector) -> None:
    lexicon = detector._get_engine().lexicon
    assert any(isinstance(r, UsAddressRecognizer) for r in address_recognizers(lexicon))


def test_tag_window_gives_exact_offsets() -> None:
    text = "Sent to 1423 Kessler Ave, Apt #4B, Springfield, IL 62704 today"
    start = text.index("1423")
    tagged = tag_window(text, start, len(text))
    assert [text[a:b] for a, b, _ in tagged][:4] == ["1423", "Kessler", "Ave,", "Apt"]
    assert all(text[a:b].strip() == text[a:b] for a, b, _ in tagged)
    labels = dict((text[a:b].strip(","), label) for a, b, label in tagged)
    assert labels["1423"] == "AddressNumber" and labels["Kessler"] == "StreetName"
    assert labels["62704"] == "ZipCode"


@pytest.mark.parametrize(("text", "expected"), [
    ("We were sent to 410 Maple for a disturbance.", "410 Maple"),
    ("She stays at 1423 Kessler Ave, Apt 4B, Springfield, IL 62704 with her mom.",
     "1423 Kessler Ave, Apt 4B, Springfield, IL 62704"),
    ("Took him home to 1200 Main St. N. in Fargo.", "1200 Main St. N."),
    ("The crash was at 300 Oak Road W near the school.", "300 Oak Road W"),
    ("the trailer was on county rd 300 e by the grain elevator.", "county rd 300 e"),
    ("she lives out on rr 2 box 45 past the church.", "rr 2 box 45"),
    ("Mail it to PO Box 1234, Tulsa, OK 74101 please.", "PO Box 1234, Tulsa, OK 74101"),
    ("We were doing a count in unit 4B when he came out.", "unit 4B"),
])
def test_exact_spans(recognizer: UsAddressRecognizer, text: str, expected: str) -> None:
    assert found(recognizer, text) == [expected]


# the unit anchor reads "in unit N" as a place; here it is a patrol car's call sign
_AMBIGUOUS_UNIT = "in unit 12 we had two officers that night"


@pytest.mark.parametrize("text", [
    pytest.param(t, marks=pytest.mark.xfail(reason="call sign read as a unit", strict=True))
    if t == _AMBIGUOUS_UNIT else t
    for t in NOT_ADDRESSES + NOT_ADDRESSES_2
])
def test_numbers_that_are_no_address(recognizer: UsAddressRecognizer, text: str) -> None:
    assert found(recognizer, text) == []


@pytest.mark.parametrize(("sentences", "least"), [(HELD_OUT, 0.98), (HELD_OUT_2, 0.89)])
def test_held_out_recall_of_the_recognizer(
        recognizer: UsAddressRecognizer, sentences: list[tuple[str, str]], least: float) -> None:
    """Token recall of the recognizer alone on the held-out sentences (114 of 116 and 73
    of 82 when written), and no token outside the address."""
    gold = hit = extra = 0
    for text, address in sentences:
        a = text.index(address)
        covered = [(r.start, r.end) for r in recognizer.analyze(text, ["ADDRESS"])]
        for m in re.finditer(r"\w+", text):
            inside_gold = a <= m.start() and m.end() <= a + len(address)
            inside_found = any(s <= m.start() and m.end() <= e for s, e in covered)
            gold += inside_gold
            hit += inside_gold and inside_found
            extra += inside_found and not inside_gold
    assert gold == sum(len(tokens(address)) for _, address in sentences)
    assert hit / gold >= least, (hit, gold)
    assert extra == 0


@pytest.mark.parametrize(("sentences", "least"), [(HELD_OUT, 0.99), (HELD_OUT_2, 0.97)])
def test_held_out_recall_of_the_detector(
        detector: Detector, sentences: list[tuple[str, str]], least: float) -> None:
    """Every recognizer together: the address tokens fall inside LOCATION suggestions
    (116 of 116 and 80 of 82 when written)."""
    gold = hit = 0
    for text, address in sentences:
        a = text.index(address)
        spans = [(s.start, s.end) for s in detector.analyze_text(text) if s.label == "LOCATION"]
        for m in re.finditer(r"\w+", address):
            gold += 1
            hit += any(s <= a + m.start() and a + m.end() <= e for s, e in spans)
    assert hit / gold >= least, (hit, gold)


# Found as places by recognizers outside this module (none left: times before a rank, a
# name or a report word, and vital signs, are no places any more).
_OTHERS_FIND: dict[str, str] = {}


@pytest.mark.parametrize("text", [
    pytest.param(t, marks=pytest.mark.xfail(reason=_OTHERS_FIND[t], strict=False)) if t in _OTHERS_FIND else t
    for t in NOT_ADDRESSES + NOT_ADDRESSES_2
])
def test_the_detector_makes_no_place_of_them(detector: Detector, text: str) -> None:
    numbers = [m.span() for m in re.finditer(r"\d+", text)]
    places = [(s.start, s.end) for s in detector.analyze_text(text) if s.label == "LOCATION"]
    assert not any(s <= a and b <= e for a, b in numbers for s, e in places), (
        [text[s:e] for s, e in places])


@pytest.mark.parametrize(("text", "expected"), [
    ("Lives on RR 2 Box 45 past the church.", ["RR 2 Box 45"]),
    ("Mail goes to HC 64, Box 1020.", ["HC 64, Box 1020"]),
    ("He lives on Rural Route 3 outside town.", ["Rural Route 3"]),
    ("RR 18, BP 140/90, PT STABLE", []),  # a respiratory rate
])
def test_rural_route_pattern(detector: Detector, text: str, expected: list[str]) -> None:
    postal = next(r for r in address_recognizers(detector._get_engine().lexicon)
                  if r.name == "PostalRecognizer")
    spans = [text[r.start:r.end] for r in postal.analyze(text, ["ADDRESS"])
             if r.analysis_explanation is not None and r.analysis_explanation.pattern_name == "rural_route"]
    assert spans == expected
