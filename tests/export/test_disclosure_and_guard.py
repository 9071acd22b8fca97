"""Pure parts of the exports: small-count suppression, periods, the leak guard's matching."""

from __future__ import annotations

import pytest

from workstation.errors import InputError
from workstation.export.disclosure import COMPLEMENTARY, PRIMARY, recomputable, suppress_cells, suppress_total
from workstation.export.leak_guard import FIGURES, Needles, Part, scan
from workstation.export.periods import parse_period

# ----- suppression -------------------------------------------------------------------


def test_small_counts_are_shown_as_fewer_than_k() -> None:
    cells = suppress_cells({"a": 7, "b": 3, "c": 0, "d": 12, "e": 1}, k=5, additive=False)
    assert [cells[x].text(5) for x in "abcde"] == ["7", "fewer than 5", "0", "12", "fewer than 5"]
    assert cells["b"].shown is None and cells["a"].shown == 7
    assert suppress_total(4, 5).text(5) == "fewer than 5" and suppress_total(5, 5).text(5) == "5"


def test_a_single_suppressed_cell_in_an_additive_group_gets_a_complement() -> None:
    counts = {"traffic": 6, "domestic": 2, "welfare": 5, "pursuit": 9}
    total = sum(counts.values())  # the reader sees the total
    cells = suppress_cells(counts, k=5, additive=True)
    assert cells["domestic"].suppressed == PRIMARY
    assert cells["welfare"].suppressed == COMPLEMENTARY  # the smallest other non-zero cell
    assert cells["welfare"].text(5) == "withheld"  # not "fewer than 5": it is 5
    assert cells["traffic"].shown == 6 and cells["pursuit"].shown == 9
    assert recomputable(cells, total) == []
    # Without complementary suppression the hidden cell would be total minus the others.
    naive = suppress_cells(counts, k=5, additive=False)
    assert recomputable(naive, total) == ["domestic"]


def test_no_complement_when_two_cells_are_already_hidden_or_not_additive() -> None:
    cells = suppress_cells({"a": 1, "b": 2, "c": 8}, k=3, additive=True)
    assert [cells[x].suppressed for x in "abc"] == [PRIMARY, PRIMARY, None]
    multi = suppress_cells({"a": 1, "b": 8, "c": 9}, k=3, additive=False)
    assert [multi[x].suppressed for x in "abc"] == [PRIMARY, None, None]
    zeros = suppress_cells({"a": 2, "b": 0, "c": 6}, k=3, additive=True)
    assert zeros["b"].suppressed is None and zeros["c"].suppressed == COMPLEMENTARY  # a zero protects nothing


def test_k_must_be_at_least_two() -> None:
    with pytest.raises(ValueError):
        suppress_cells({"a": 1}, k=1, additive=True)


# ----- periods -----------------------------------------------------------------------


def test_periods_are_quarters_or_years_on_one_grid() -> None:
    q3 = parse_period("2026-Q3")
    assert (q3.code, q3.short_label, q3.label) == ("2026-Q3", "Q3 2026", "Q3 2026 (July to September 2026)")
    assert q3.contains("2026-07-01T00:00:00Z") and q3.contains("2026-09-30T23:59:59Z")
    assert not q3.contains("2026-10-01T00:00:00Z") and not q3.contains("2026-06-30T23:59:59Z")
    assert [p.code for p in q3.trend(4)] == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    year = parse_period("2026")
    assert year.overlaps(q3) and not parse_period("2026-Q2").overlaps(q3)
    assert [p.code for p in year.trend(3)] == ["2024", "2025", "2026"]
    for bad in ("2026-Q5", "Q3", "2026-07", "last 90 days"):
        with pytest.raises(InputError):
            parse_period(bad)


# ----- leak guard --------------------------------------------------------------------


def needles() -> Needles:
    found = Needles(oris={"tx1234567", "oh0770100"})
    found.add_phrase("Dave Reyes", "a string redacted in report 1 (PERSON)")
    found.add_phrase("O'Neill", "a string redacted in report 1 (PERSON)")
    found.add_phrase("4411", "a string redacted in report 2 (ID)")
    found.add_phrase("PD", "too short to look for")
    found.add_phrase("alice", "a reviewer's name")
    return found


@pytest.mark.parametrize("text", [
    "my partner Dave Reyes arrived", "MY PARTNER DAVE REYES", "partner Dave\nReyes", "partner dave   reyes.",
    "Sgt. O'NEILL", "Sgt. O’Neill", "partner Dave Rey-\nes arrived",
])
def test_redacted_strings_are_found_in_any_case_and_across_lines(text: str) -> None:
    findings = scan([Part("x.json", text)], needles())
    assert [f.what for f in findings] == ["a string redacted in report 1 (PERSON)"]
    assert "Dave" not in str(findings[0]) and "Neill" not in str(findings[0])


def test_oris_stored_and_ori_shaped_tokens() -> None:
    found = scan([Part("a.pdf (text)", "agency TX1234567 and tx 1234567"),
                  Part("b.pdf (text)", "unknown ori CA0190000"),
                  Part("c.pdf (text)", "EVERYBODY WAS CAREFUL, ABCDEFGHI too; F-150, 10-50, 2026-Q3, "
                                       "NM-1a2b3c4d5e6f")],
                 needles())
    assert [(f.where, f.what) for f in found] == [
        ("a.pdf (text)", "an ORI held in the database"),
        ("a.pdf (text)", "an ORI held in the database (split)"),
        ("b.pdf (text)", "a token shaped like an ORI"),
    ]


def test_an_agencys_own_ori_is_allowed_only_where_the_caller_says() -> None:
    own = scan([Part("agency-TX1234567-2026-Q3.pdf (file name)", "agency-TX1234567-2026-Q3.pdf", FIGURES,
                     allowed_ori="TX1234567")], needles())
    assert own == []
    other = scan([Part("cover", "TX1234567 OH0770100", allowed_ori="TX1234567")], needles())
    assert [f.what for f in other] == ["an ORI held in the database"]


def test_short_numbers_are_looked_for_in_text_only_and_tiny_needles_ignored() -> None:
    assert scan([Part("chart", "Page 4411 of 5000", FIGURES)], needles()) == []
    assert [f.what for f in scan([Part("narrative", "case 4411 was closed")], needles())] == [
        "a string redacted in report 2 (ID)"]
    assert scan([Part("t", "The PD responded; Alice's idea")], needles())[0].what == "a reviewer's name"
    assert scan([Part("t", "The PD responded")], needles()) == []


def test_a_redacted_bare_year_is_not_looked_for() -> None:
    found = needles()
    found.add_phrase("2024", "a string redacted in report 3 (ID)")
    found.add_phrase("case 2024-117", "a string redacted in report 3 (ID)")
    assert scan([Part("x.json", '{"period": "October 2024"}')], found) == []
    assert [f.what for f in scan([Part("x.json", "Case 2024-117 was closed")], found)] == [
        "a string redacted in report 3 (ID)"]
