"""A carrier or a trade's business named by its trade's last word is a place, as businesses are,
not the person NER takes its first words for (issue 19, stop 41). The texts are new, in none of
the corpora."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_carriers_named_by_their_trade_are_places(detector):
    text = ("A car hit the back of a module truck (Delta Cotton Haulers, truck 5, module no. LCG-24-11874). "
            "The truck behind (carrier Niagara Frontier Cartage, code N417) crept forward. TOW: ZANE "
            "TRACE WRECKER.")
    spans = surfaces_and_labels(detector, text)
    for carrier in ("Delta Cotton Haulers", "Niagara Frontier Cartage", "ZANE TRACE WRECKER"):
        assert (carrier, "LOCATION") in spans


def test_utilities_and_practices_named_by_their_last_word_are_places(detector):
    text = ("The power company, Penn-Ohio Edison, said the line was hot. A Deep Fork Electric crew came. "
            "Per the report from Dr. Ray Tiu (Gulf Bay Occupational Medicine), light duty.")
    spans = surfaces_and_labels(detector, text)
    for business in ("Penn-Ohio Edison", "Deep Fork Electric", "Gulf Bay Occupational Medicine"):
        assert (business, "LOCATION") in spans
