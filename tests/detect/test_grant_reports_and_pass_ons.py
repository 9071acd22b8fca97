"""What grant reports, pass-on books and letters write that identifies no one (issue 19, stop 40):
sums of money, a federal or state fiscal year, a grant's goals and objectives, a shift by its
ordinal, thanks and greetings in the reports' languages, and a snowmobile (no "SLED" agency). The
texts are new, in none of the corpora."""

from __future__ import annotations

import pytest

from tests.helpers.detection import surfaces_and_labels


def test_money_fiscal_years_and_goals_are_no_identifiers(detector):
    text = ("Radar trailers, 3 @ $3,450, total $10,350.00; training $ 2,104. Reporting quarter: Q2 FFY2025, "
            "state SFY26.\nGoal 2: Build a searchable library. Objective 1.3: twelve debriefs.\n"
            "Award 15PBJA-24-GG-01144 was signed by Dana Whitcomb.")
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if t.startswith(("$", "3,450", "10,350", "2,104", "FFY", "SFY", "Goal",
                                                     "Objective"))]
    assert ("15PBJA-24-GG-01144", "ID") in spans and ("Dana Whitcomb", "PERSON") in spans


def test_a_shift_by_its_ordinal_is_no_place(detector):
    text = "104 PCT — 3rd PLATOON TO 1st PLATOON — 11/15\nCPD 010th DISTRICT — 3RD WATCH TO 1ST WATCH"
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if "PLATOON" in t or "WATCH" in t]


@pytest.mark.parametrize("word", ["Miigwech", "Osiyo", "Quyana", "Mvto", "Wado", "Manuia", "Yá'át'ééh"])
def test_thanks_and_greetings_name_no_one(detector, word):
    text = f"The plow crew stopped in time and nobody was hurt.\n\n{word}.\nOfc. Renata Skenandore"
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if word in t]
    assert ("Renata Skenandore", "PERSON") in spans


def test_a_sled_is_a_snowmobile_and_sled_in_capitals_the_agency(detector):
    text = "Sled went under the rear of my car; the rider's sled was fine. SLED agents took the case."
    spans = surfaces_and_labels(detector, text)
    assert ("SLED", "AGENCY") in spans
    assert not [t for t, _ in spans if t in ("Sled", "sled")]


def test_a_grant_reports_field_labels_are_no_speakers(detector):
    text = ("STEP PERFORMANCE REPORT\nSubgrantee: Starr County Constable Precinct 2\n"
            "UEI: QW7RT2LP9K11      EIN: 74-6000512\nVendor: Rio Signal Supply, quote RSS-Q-4471\n"
            "JONES: I saw the truck come over the hill.")
    spans = surfaces_and_labels(detector, text)
    assert not [t for t, _ in spans if t in ("Subgrantee", "UEI", "EIN", "Vendor")]
    assert ("JONES", "PERSON") in spans  # a speaker stays one
