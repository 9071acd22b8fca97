"""Kinds met in fleet-safety board minutes, farm and ranch crime, snow and trail patrols,
evidence audit logs, bilingual Chinese, Korean and Vietnamese notes, election, trafficking,
"sovereign" and retail paperwork, utility crews (stop 47): a board's motions and cases, trail and
lift numbers, snow machines, an animal's electronic ID, a camera's file name, a whole e-mail
address, a "+" number, Chinese, Korean and Vietnamese dates, a Chinese name before its
romanized form or its courtesy title, a farm after its owner's name, "sovereign" names, a
state's elected offices, store numbers, cashtags, registered mail, poles and meters, city code
offices, an audit log's users and a vehicle column; with the look-alikes that stay as they
were."""

from __future__ import annotations

import pytest


def labelled(detector, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in detector.analyze_text(text)]


@pytest.mark.parametrize(("text", "part", "label"), [
    ("Preventable, 4-1, motion 23-114; referred to driver training.", "23-114", "ID"),
    ("MOTION NO.: 25-09 MOVED LT. PAGE, SECOND SGT. ORR", "25-09", "ID"),
    ("Board case DRB 2023-07 was heard on appeal.", "DRB 2023-07", "ID"),
    ("The night groomer G-7 slid into the ditch by the bridge.", "G-7", "ID"),
    ("The groomer 3 operator waved us past the drift.", "3", "ID"),
    ("Stopped two riders on Trail 11 near the river.", "Trail 11", "LOCATION"),
    ("STOPPED TWO SLEDS ON TRAIL 7 AT THE POWERLINE.", "TRAIL 7", "LOCATION"),
    ("Rode VAST Corridor 12 to the gas station.", "VAST Corridor 12", "LOCATION"),
    ("The calves tagged 840 003 119 842 551 were sold twice.", "840 003 119 842 551", "ID"),
    ("The camera file (BWC_X61A0442_20240311_0915) shows the turn.", "BWC_X61A0442_20240311_0915", "ID"),
    ("From: dispatch@ridgefieldtransit.example.org about the van.", "dispatch@ridgefieldtransit.example.org",
     "CONTACT"),
    ("Callback +44 7700 900123 from the hotel desk.", "+44 7700 900123", "CONTACT"),
    ("Signed 2025年3月14日 by the owner.", "2025年3月14日", "DATE"),
    ("The note was dated 2024년 7월 9일 in the shop.", "2024년 7월 9일", "DATE"),
    ("Họp ngày 12 tháng 3 năm 2025 tại chùa.", "12 tháng 3 năm 2025", "DATE"),
    ("Statement of 王丽华 (Wang Lihua), cashier at the bakery.", "王丽华", "PERSON"),
    ("One worker (周小燕, ZHOU XIAOYAN) had a licence.", "周小燕", "PERSON"),
    ("My husband 李先生 ran out to the car.", "李", "PERSON"),
    ("Diesel theft at the Brinkerhoff dairy east of town.", "Brinkerhoff dairy", "LOCATION"),
    ("He called himself MARCUS-DEAN: WHITFIELD at the window.", "MARCUS-DEAN: WHITFIELD", "PERSON"),
    ("The card was signed james-earl: of the family Porter.", "james-earl: of the family Porter", "PERSON"),
    ("A referral from the Georgia Secretary of State investigators.", "Georgia Secretary of State", "AGENCY"),
    ("Walmart store 2219 called about a shoplifter.", "2219", "ID"),
    ("She was paid through Cash App $LilDre404 that night.", "LilDre404", "CONTACT"),
    ("Certified mail no. RA 551 203 884 US came back unclaimed.", "RA 551 203 884 US", "ID"),
    ("Pole 4471-08 on Ridge Road was down across the lane.", "4471-08", "ID"),
    ("The meter number was KX 330917, per the tech.", "KX 330917", "ID"),
    ("The lineman said crew 27 had been threatened before.", "crew 27", "ID"),
    ("We met the Spokane Code Enforcement officer at the lot.", "Spokane Code Enforcement", "AGENCY"),
    ("Someone cut the gate at the Red Butte Wireline yard.", "Red Butte Wireline", "LOCATION"),
    ("CAD EVENT 25-0412-0031  04/12/2025 TYPE: CRASH", "25-0412-0031", "ID"),
    ("Agents of the USDA Forest Service closed the road.", "USDA Forest Service", "AGENCY"),
    ("The second child, R.T., was put on the wrong bus.", "R.T.", "PERSON"),
    ("Please pull the video before Friday.\n-- K.M.", "K.M.", "PERSON"),
    ("The back-up was Det. Okafor and Hollis, both in the lot.", "Hollis", "PERSON"),
    ("The presiding judge at Precinct 9 called about a voter who would not leave.", "Precinct 9",
     "LOCATION"),
    ("Officers from Precinct 9 answered the alarm.", "Precinct 9", "AGENCY"),
    ("The lien was filed with the Otero County Clerk last spring.", "Otero County Clerk", "AGENCY"),
    ("A copy went to Ramsey County Elections that afternoon.", "Ramsey County Elections", "AGENCY"),
    ("Ticket 7716-0390 was opened for the ad 5501-2231 on the board.", "5501-2231", "ID"),
    ("Cash back: transaction 0412-19-3350 at register 4.", "0412-19-3350", "ID"),
    ("It is recorded as instrument 2023118802 in the county's books.", "2023118802", "ID"),
    ("Jonathan Feldstein, M.D., examined him.", "Jonathan Feldstein", "PERSON"),
    ("I called from the Baker store (208-555-0185) at noon.", "208-555-0185", "CONTACT"),
    ('The truck was "Chile Rojo", parked on the sidewalk.', "Chile Rojo", "LOCATION"),
    ("Retailer: Bath Barn Outlet   Store #: 2210\nAddress: 18 Mill Rd", "Bath Barn Outlet", "LOCATION"),
    ('he said "NO CONTRACT" and 4471-XK. at like 20 mph. ofc. lindqvist was in the lane.', "lindqvist",
     "PERSON"),
    ('I walked into the store, "Marcus, open the register," he said.', "Marcus", "PERSON"),
    ("Officers from Precinct 9 answered the alarm; later she said she was going to vote.", "Precinct 9",
     "AGENCY"),
    ("I called the number in the ad 702-555-0187 and a woman answered.", "702-555-0187", "CONTACT"),
    ("The Ohio Attorney General's office called back.", "Ohio Attorney General", "AGENCY"),
    ("Họp ngày 12 tháng 3 năm 2025.", "12 tháng 3 năm 2025", "DATE"),
])
def test_the_kind_is_found_whole_with_its_label(detector, text: str, part: str, label: str) -> None:
    assert (part, label) in labelled(detector, text)


def test_an_audit_logs_users_are_people_and_a_vehicle_column_holds_numbers(detector) -> None:
    log = ("| Time | User | Action |\n|---|---|---|\n"
           "| 2024-10-02 09:14 | kbrandt | Viewed |\n"
           "| 2024-10-02 09:20 | ops.review3 | Shared |\n")
    found = labelled(detector, log)
    assert ("kbrandt", "PERSON") in found and ("ops.review3", "PERSON") in found
    table = ("case | date | officer | vehicle | finding\n"
             "FR-25-004 | 01/09/2025 | Lund, P. | 2207 | preventable\n"
             "FR-25-005 | 01/17/2025 | Baca, R. | V1 | none\n")
    found = labelled(detector, table)
    assert ("2207", "ID") in found
    assert not any(part == "V1" for part, _ in found)  # a crash report's first vehicle
    owners = "case | date | Vehicle Owner | vehicle\nA-1 | 01/02/2025 | Lorna Pike | 2207\n"
    assert ("Lorna Pike", "PERSON") in labelled(detector, owners)
    returns = ("name,DL,state,stores,last_return\n"
               '"Yates, Corinne",51220871,OH,"0217, 0388",2024-11-02\n')
    assert ("0217, 0388", "ID") in labelled(detector, returns)


@pytest.mark.parametrize(("text", "word"), [
    ("The tally was 58 (24 yes) at the end.", None),
    ("The vote, 2025-06 (3-2), carried.", None),
    ("The store 24 hours a day is open.", "24"),
    ("He ran the 100 meter dash; the meter 3 ft away stayed dark.", "3"),
    ("They paid $500 and $20 in cash.", None),
    ("CHAIR: All in favor? MEMBER: Aye.", "CHAIR"),
    ("The pumper said the TRK was parked.", "pumper"),
    ("Jonathan Feldstein, M.D., examined him.", "M.D."),
    ("He was fine, O.K., and walked away with his license, I.D., and registration.", "O.K."),
    ("He was fine, O.K., and walked away with his license, I.D., and registration.", "I.D."),
    ("We watched it in slow motion 3 times.", "3"),
    ("He fled from the store 200 yards east.", "200"),
    ("A road crew 2 miles north flagged us down.", "crew 2"),
    ("老太太说没事。", "老"),
    ("Anh ấy bị giam 3 tháng 2 lần.", "3 tháng 2"),
    ("THE VEHICLE HAD ITS 4 WAY FLASHERS ON AND ITS 2 DOORS OPEN.", "4"),
    ("The car and its 3 occupants stopped.", "3"),
])
def test_the_look_alikes_stay_as_they_were(detector, text: str, word: str | None) -> None:
    found = labelled(detector, text)
    if word is None:
        assert not any(label == "CONTACT" for _, label in found)
    else:
        assert not any(word == part for part, _ in found)


def test_a_farm_word_after_a_titled_name_or_before_its_hands_is_no_farm(detector) -> None:
    found = labelled(detector, "I went to see Mr. Jones farm animals with Officer Kelly ranch hands.")
    assert ("Jones", "PERSON") in found and ("Kelly", "PERSON") in found
    assert not any(label == "LOCATION" for _, label in found)
