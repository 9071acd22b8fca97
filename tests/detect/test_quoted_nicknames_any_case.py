"""A nickname in quotes after "a/k/a", "known as" or "calls her" is the person's, in a report
typed in capitals too ('A/K/A "BIG Q"', 'KNOWN AS "PEANUT"'), and of one or two words, the
second a single letter; a quoted title after a plain verb names no one."""

from __future__ import annotations

from tests.helpers.detection import surfaces_and_labels


def test_quoted_nicknames_after_alias_cues(detector) -> None:
    text = ('THIRD MALE IDENTIFIED AS QUADIR BLAKELY A/K/A "BIG Q" DOB 05/11/1998.\n'
            '0212 SUSP DESC B/M, KNOWN AS "PEANUT" PER RP\n'
            'The owner is Mrs. Han Mi-sook, everybody calls her "Boss Lady", for thirty years.')
    found = surfaces_and_labels(detector, text)
    for nickname in ("BIG Q", "PEANUT", "Boss Lady"):
        assert (nickname, "PERSON") in found, (nickname, found)


def test_a_quoted_title_is_no_nickname(detector) -> None:
    found = surfaces_and_labels(detector, 'The file was named "Final Report" and he yelled "Help me" twice.')
    assert not any(label == "PERSON" for _, label in found), found
