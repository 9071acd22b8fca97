"""Recognizers on targeted examples, with the real spaCy model."""

from __future__ import annotations

import pytest

from workstation.detect.labels import LABELS


def covered(flags: list[str], expected: str) -> bool:
    return any(expected in f for f in flags)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sgt. O'Neill told me to wait.", "O'Neill"),
    ("Deputy J. Ramirez was my cover unit.", "J. Ramirez"),
    ("I went in with my partner Dave.", "Dave"),
    ("SGT REYES AND I WENT IN TOGETHER.", "REYES"),
    ("my partner dave kowalczyk and i went around back of the house.", "kowalczyk"),
    ("the driver gave his name as ray delfino and then he ran off into the woods.", "delfino"),
])
def test_names_in_any_case(flagged, text, expected):
    assert covered(flagged(text), expected)


def test_names_without_title_in_all_caps(flagged):
    text = "THE CALLER WAS THE SISTER, TAMMY RUSK, WHO SAID HER BOYFRIEND LEFT."
    flags = flagged(text)
    assert covered(flags, "TAMMY") and covered(flags, "RUSK")


def test_rank_is_not_part_of_the_person_span(detector):
    text = "Sgt. O'Neill arrived."
    spans = [s for s in detector.analyze_text(text) if s.label == "PERSON"]
    assert [text[s.start : s.end] for s in spans] == ["O'Neill"]


@pytest.mark.parametrize("text", [
    "I was driving a Ford F-150 when the call came out.",
    "He had a Glock 17 in his waistband.",
    "Dispatch sent me 10-50 and I went Code 3.",
    "I deployed my Taser X26P and it did not work.",
    "Lesson learned: wait for backup.",
    "The sergeant and the deputy talked to the lieutenant.",
])
def test_allow_listed_things_are_not_flagged(flagged, text):
    assert flagged(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("We were sent to 1423 Kessler Ave, Apt 4B for a disturbance.", "1423 Kessler Ave, Apt 4B"),
    ("RESPONDED TO 4410 OLD MILL RD FOR A FIRE.", "4410 OLD MILL RD"),
    ("The crash was at 5th and Main.", "5th and Main"),
    ("He was doing 90 on I-84 near mile marker 112.", "mile marker 112"),
    ("He was doing 90 on I-84 near mile marker 112.", "I-84"),
    ("We took him to St. Brendan's Medical Center.", "St. Brendan's Medical Center"),
    ("I stopped him on County Road 14 in Harlan County.", "County Road 14"),
    ("I stopped him on County Road 14 in Harlan County.", "Harlan County"),
    ("We pursued him through Chattanooga into Georgia.", "Chattanooga"),
    ("The subject lived in Harlan Falls.", "Harlan Falls"),
])
def test_locations(flagged, text, expected):
    assert covered(flagged(text), expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Riverside Police Department units responded.", "Riverside Police Department"),
    ("RPD had two cars there.", "RPD"),
    ("A deputy from LASD called me.", "LASD"),
    ("the S.O. sent a K9.", "S.O."),
    ("Harlan County Sheriff's Office took the report.", "Harlan County Sheriff's Office"),
])
def test_agencies(flagged, text, expected):
    assert covered(flagged(text), expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("I ran plate 7ABC123 and it came back stolen.", "7ABC123"),
    ("Our ORI is TX2270100.", "TX2270100"),
    ("My badge number is 4471.", "4471"),
    ("Unit 2A14 was first on scene.", "2A14"),
    ("Adam-12 took the call.", "Adam-12"),
    ("This was case 2024-001234.", "2024-001234"),
    ("CFS 24-118832 was closed.", "24-118832"),
    ("The VIN was 1HGCM82633A004352.", "1HGCM82633A004352"),
])
def test_identifiers(flagged, text, expected):
    assert covered(flagged(text), expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("It happened on March 3rd.", "March 3rd"),
    ("On 3/14/2025 I was working nights.", "3/14/2025"),
    ("It was July 4th, 2024 and everyone was out.", "July 4th, 2024"),
    ("It was Christmas Eve 2023 and it was snowing.", "Christmas Eve 2023"),
])
def test_dates(flagged, text, expected):
    assert covered(flagged(text), expected)


def test_times_and_weekdays_alone_are_not_dates(flagged):
    assert flagged("It was a Tuesday around 0200 last week.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Call me at (555) 123-4567.", "123-4567"),
    ("My email is dave@millbrookpd.org.", "dave@millbrookpd.org"),
    ("See www.example.com/report for more.", "www.example.com/report"),
    ("He posted it as @dbo_4life on Instagram.", "@dbo_4life"),
])
def test_contacts(flagged, text, expected):
    assert covered(flagged(text), expected)


def test_suggestions_carry_label_score_and_recognizer(detector):
    suggestions = detector.analyze_text("Sgt. O'Neill ran plate 7ABC123 in Harlan County.")
    assert suggestions
    for s in suggestions:
        assert s.label in LABELS
        assert 0 < s.score <= 1
        assert s.recognizer


def test_per_report_memory_across_fields_with_possessives(detector):
    fields = {
        "narrative": "My partner Dave Okonjo and I went in first.",
        "lessons": "Okonjo's instincts saved us. I owe okonjo one.",
    }
    result = detector.analyze_fields(fields)
    lessons = fields["lessons"]
    found = [lessons[s.start : s.end] for s in result["lessons"]]
    assert any(f.startswith("Okonjo") for f in found)
    assert any(f.lower() == "okonjo" and f[0] == "o" for f in found)


def test_known_identifier_such_as_the_ori_is_flagged_everywhere(detector):
    fields = {"narrative": "The report number on file was XQ0000000 per records.",
              "lessons": "Nothing else."}
    result = detector.analyze_fields(fields, known_identifiers=[("XQ0000000", "ID")])
    narrative = fields["narrative"]
    assert "XQ0000000" in [narrative[s.start : s.end] for s in result["narrative"]]


def test_empty_and_blank_fields(detector):
    assert detector.analyze_fields({"a": "", "b": "   "}) == {"a": [], "b": []}


def test_batch_gives_the_same_as_one_by_one(detector):
    reports = [
        {"narrative": "Sgt. O'Neill ran plate 7ABC123.", "lessons": "O'Neill was right."},
        {"narrative": "RPD units met at 5th and Main on March 3rd."},
    ]
    batch = detector.analyze_reports(reports)
    single = [detector.analyze_fields(r) for r in reports]
    assert batch == single


def test_worker_processes_give_the_same_result_as_one_process(detector):
    from workstation.detect.detector import Detector

    reports = [
        {"narrative": f"Deputy Lane Carrow{i} met me at {100 + i} Kessler Ave.", "lessons": "Carrow knew."}
        for i in range(40)
    ]
    with Detector(workers=2, batch_size=8) as parallel:
        assert parallel.analyze_reports(reports) == detector.analyze_reports(reports)
