"""Reports read back by OCR, with digits for letters and letters for digits (issue 19):
repaired for the recognizers, same length, codes left alone. The lines are new."""

from __future__ import annotations

import pytest

from tests.helpers.detection import found_as
from workstation.detect.ocr_repair import repair_ocr


@pytest.fixture(scope="module")
def lexicon(detector):
    return detector._get_engine().lexicon


@pytest.mark.parametrize(("scanned", "repaired"), [
    ("Sgt. Ha1ey Nak0ne, Ma1ibu Po1ice", "Sgt. Haley Nakone, Malibu Police"),
    ("0n 4/l9/25 at 2l15 hrs", "0n 4/19/25 at 2115 hrs"),
    ("DATE: O3/ll/2O24", "DATE: 03/11/2024"),
])
def test_digits_for_letters_are_repaired_in_words_dates_and_times(lexicon, scanned, repaired):
    assert repair_ocr(lexicon, scanned) == repaired


@pytest.mark.parametrize("text", [
    "Taser X26P, unit 2B15, MRN H0048817, K9 Rex, I-80 at mm 101, O2 sat 91",
    "the 11th and the 1st, shift of 10s, 1/2 mile",
    "Ordinary text without any scanning errors.",
    # pieces of addresses, handles and hashes are no words: "ac1f" is hexadecimal
    "from fe80:9c1d:ac1f:77b0::2 and 2001:db8:44e1:0:118:ac1f:fe02:7a3b",
    "wrote to k0val.pa1mer@mai1box.example and saw t1p-1ine.example/f0rm",
])
def test_codes_numbers_and_clean_text_are_left_alone(lexicon, text):
    assert repair_ocr(lexicon, text) is text


def test_a_scanned_report_gets_its_labels(detector):
    text = "Hono1ulu Po1ice Departrnent -- 0fficer Lea1ani Kahe1e\n0n 4/l9/25 at 2l15 hrs I resp0nded."
    assert found_as(detector, text, "Hono1ulu Po1ice Departrnent") == {"AGENCY"}
    assert found_as(detector, text, "Lea1ani Kahe1e") == {"PERSON"}
    assert found_as(detector, text, "4/l9/25") == {"DATE"}


def test_an_ipv6_address_with_ones_among_its_letters_is_found_whole(detector):
    text = "the threat came in from 2001:db8:44e1:0:118:ac1f:fe02:7a3b. The provider answered."
    assert found_as(detector, text, "2001:db8:44e1:0:118:ac1f:fe02:7a3b") == {"CONTACT"}
