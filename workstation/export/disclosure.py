"""Disclosure control for the counts sent to partner agencies (pure functions).

- Primary suppression: a count from 1 to k - 1 is shown as "fewer than k". Zero is shown
  (it says nothing about any officer).
- Complementary suppression: in a group of cells that add up to a total the reader can
  see (each report counts in exactly one cell: activity type, quarters of a year), one
  suppressed cell could be recomputed as total minus the others. So when a group has
  exactly one suppressed cell, the next smallest non-zero cell is suppressed too (shown
  as "withheld", since its true value may be k or more). Multi-select groups
  (contributing factors: a report can name several) do not add up to the total and
  need primary suppression only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_K = 5
PRIMARY = "primary"
COMPLEMENTARY = "complementary"
OMITTED = "omitted"  # not given at all (an agency's breakdown of fewer than k reviewed reports)


@dataclass(frozen=True)
class Cell:
    count: int  # the true count: for computing, never printed when suppressed
    suppressed: str | None = None  # None, PRIMARY or COMPLEMENTARY

    @property
    def shown(self) -> int | None:
        """The count that may be printed, or None."""
        return None if self.suppressed else self.count

    def text(self, k: int) -> str:
        if self.suppressed == PRIMARY:
            return f"fewer than {k}"
        if self.suppressed == COMPLEMENTARY:
            return "withheld"
        if self.suppressed == OMITTED:
            return "not given"
        return f"{self.count:,}"

    def short(self, k: int) -> str:
        """For chart labels: "<5", "w/h" or the count."""
        if self.suppressed == PRIMARY:
            return f"<{k}"
        if self.suppressed == COMPLEMENTARY:
            return "w/h"
        if self.suppressed == OMITTED:
            return ""
        return f"{self.count:,}"


def check_k(k: int) -> int:
    if not isinstance(k, int) or k < 2:
        raise ValueError("the suppression threshold k must be an integer of at least 2")
    return k


def is_small(count: int, k: int) -> bool:
    return 0 < count < k


def suppress_cells(counts: Mapping[str, int], k: int = DEFAULT_K, *,
                   additive: bool) -> dict[str, Cell]:
    """Cells for one group of counts. `additive`: the counts add up to a total the reader
    sees (then complementary suppression applies)."""
    check_k(k)
    cells = {key: Cell(n, PRIMARY if is_small(n, k) else None) for key, n in counts.items()}
    if additive:
        primary = [key for key, c in cells.items() if c.suppressed]
        if len(primary) == 1:
            candidates = sorted((c.count, key) for key, c in cells.items()
                                if not c.suppressed and c.count > 0)
            if candidates:
                _, key = candidates[0]
                cells[key] = Cell(cells[key].count, COMPLEMENTARY)
    return cells


def suppress_total(total: int, k: int = DEFAULT_K) -> Cell:
    return Cell(total, PRIMARY if is_small(total, k) else None)


def recomputable(cells: Mapping[str, Cell], total: int) -> list[str]:
    """Cells a reader could recompute from the visible cells and the total (for tests and
    as a last check): a single hidden cell in an additive group."""
    hidden = [key for key, c in cells.items() if c.suppressed]
    if len(hidden) == 1:
        return hidden
    del total
    return []
