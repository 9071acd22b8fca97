"""What each partner agency has been told, kept as counts in the database (`agency_facts`):
one row per figure of every agency summary PDF it received (period, which figure, the true
count when it was sent, how it was shown). No text, no report id.

The rows serve two purposes: the suppression audit (workstation.export.suppression_audit)
treats all of an agency's rows as linear facts an attacker holds; and a period once sent is
frozen: exporting it again reproduces the stored figures (see `overlay`), whatever was
approved or published since.

Figure names ("cells"), per agency and period:
  submitted, reviewed, published        the key figures
  quotes                                how many published titles the PDF quotes
  agencies                              "partner agencies reporting"
  all:reviewed                          reviewed reports of all partner agencies
  activity:<code>, all:activity:<code>  the activity comparison ("activity:" = not coded)
  factor:<code>, all:factor:<code>      the contributing-factor comparison
  trend:<period>                        the agency's point in the trend chart
  average:<period>                      the average per reporting agency, in tenths
  released                              not a figure: the audit sequence number of the export
                                        that first sent the period (shown "none"; late
                                        approvals, see agency_figures)
How shown: count (printed), fewer ("fewer than k"), withheld, notice (the one-page notice:
from 0 to k - 1), hidden (not printed, but the audit assumes a reader knows it), none (not
printed, not known).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from workstation.export.agency_figures import AgencySummary, Comparison
from workstation.export.disclosure import COMPLEMENTARY, OMITTED, PRIMARY, Cell
from workstation.export.periods import parse_period
from workstation.store.database import Database
from workstation.store.transaction import Transaction

COUNT, FEWER, WITHHELD, NOTICE, HIDDEN, NONE = "count", "fewer", "withheld", "notice", "hidden", "none"
SUPPRESSED = (FEWER, WITHHELD, NOTICE)
RELEASED = "released"


@dataclass(frozen=True)
class Fact:
    period: str  # the code of the PDF's period
    cell: str
    value: int
    shown: str


Facts = dict[str, Fact]  # one PDF's facts by cell name


def cell_fact(period: str, name: str, cell: Cell) -> Fact:
    shown = {PRIMARY: FEWER, COMPLEMENTARY: WITHHELD, OMITTED: NONE}.get(cell.suppressed or "", COUNT)
    return Fact(period, name, cell.count, shown)


def fact_cell(fact: Fact) -> Cell:
    return Cell(fact.value, {FEWER: PRIMARY, WITHHELD: COMPLEMENTARY, NONE: OMITTED}.get(fact.shown))


def summary_facts(s: AgencySummary) -> Facts:
    """Every figure of one agency's PDF as it will be printed."""
    code = s.period.code
    facts: list[Fact] = []
    if s.notice_only:
        facts.append(Fact(code, "submitted", s.submitted.count, NOTICE))
        return {f.cell: f for f in facts}
    facts += [cell_fact(code, "submitted", s.submitted), cell_fact(code, "reviewed", s.reviewed),
              cell_fact(code, "published", s.published_count),
              cell_fact(code, "all:reviewed", s.all_reviewed),
              Fact(code, "quotes", len(s.published), COUNT), Fact(code, "agencies", s.all_agencies, COUNT)]
    for prefix, comparison in (("activity", s.activities), ("factor", s.factors)):
        assert comparison is not None
        for key in comparison.everyone:
            facts.append(cell_fact(code, f"{prefix}:{key}", comparison.agency[key]))
            facts.append(cell_fact(code, f"all:{prefix}:{key}", comparison.everyone[key]))
    facts.append(Fact(code, "activity:", s.uncoded, HIDDEN))
    facts.append(Fact(code, "all:activity:", s.all_uncoded, HIDDEN))
    for period, cell in s.trend:
        facts.append(cell_fact(code, f"trend:{period.code}", cell))
    for period, average in s.trend_average:
        facts.append(Fact(code, f"average:{period.code}", -1 if average is None else round(average * 10),
                          NONE if average is None else COUNT))
    return {f.cell: f for f in facts}


def overlay(s: AgencySummary, facts: Facts) -> AgencySummary:
    """`s` with every figure replaced by the stored one (a frozen period, or the audit's
    decisions): the same PDF as the one sent first, whatever changed since."""
    def cell(name: str, default: Cell) -> Cell:
        return fact_cell(facts[name]) if name in facts else default

    if "submitted" in facts and facts["submitted"].shown == NOTICE:
        return replace(s, submitted=Cell(facts["submitted"].value, PRIMARY), reviewed=Cell(0),
                       published_count=Cell(0), activities=None, factors=None, trend=[], trend_average=[],
                       published=[], published_ids=[])
    out = replace(s, submitted=cell("submitted", s.submitted), reviewed=cell("reviewed", s.reviewed),
                  published_count=cell("published", s.published_count),
                  all_reviewed=cell("all:reviewed", s.all_reviewed))
    if "agencies" in facts:
        out.all_agencies = facts["agencies"].value
    for prefix, attribute in (("activity", "activities"), ("factor", "factors")):
        keys = [name.split(":", 2)[2] for name in facts
                if name.startswith(f"all:{prefix}:") and name != f"all:{prefix}:"]
        keys.sort(key=lambda k: (-facts[f"all:{prefix}:{k}"].value, k))
        setattr(out, attribute, Comparison(
            agency={k: cell(f"{prefix}:{k}", Cell(0)) for k in keys},
            everyone={k: cell(f"all:{prefix}:{k}", Cell(0)) for k in keys},
            agency_base=out.reviewed.count, everyone_base=out.all_reviewed.count,
            agency_shown=out.reviewed.shown is not None, everyone_shown=out.all_reviewed.shown is not None))
    out.trend = [(p, cell(f"trend:{p.code}", c)) for p, c in s.trend]
    out.trend_average = [(p, _average(facts.get(f"average:{p.code}"), a)) for p, a in s.trend_average]
    if "quotes" in facts:
        quotes = facts["quotes"].value
        out.published, out.published_ids = out.published[:quotes], out.published_ids[:quotes]
    return out


def _average(fact: Fact | None, live: float | None) -> float | None:
    if fact is None:
        return live
    return None if fact.shown == NONE else fact.value / 10


def load_facts(db: Database, oris: Iterable[str] | None = None) -> dict[str, dict[str, Facts]]:
    """Every stored fact: by agency, then by period code."""
    wanted = None if oris is None else set(oris)
    found: dict[str, dict[str, Facts]] = {}
    for ori, period, cell, value, shown in db.query(
            "SELECT ori, period, cell, value, shown FROM agency_facts ORDER BY ori, period, cell"):
        if wanted is None or ori in wanted:
            found.setdefault(ori, {}).setdefault(period, {})[cell] = Fact(period, cell, value, shown)
    return found


def store_facts(tx: Transaction, ori: str, facts: Facts) -> int:
    """Record one PDF's facts (a frozen period's again: nothing changes). Returns rows added."""
    added = 0
    for fact in facts.values():
        cursor = tx.execute("INSERT OR IGNORE INTO agency_facts (ori, period, cell, value, shown) "
                            "VALUES (?, ?, ?, ?, ?)", (ori, fact.period, fact.cell, fact.value, fact.shown))
        added += cursor.rowcount
    return added


def released(past: dict[str, dict[str, Facts]], first_exports: dict[str, int]) -> dict[str, dict[str, int]]:
    """By agency, each period it was sent and the audit entry of the export that sent it
    (facts kept before that was recorded: the period's first export, `first_exports`)."""
    found: dict[str, dict[str, int]] = {}
    for ori, periods in past.items():
        for code, facts in periods.items():
            fact = facts.get(RELEASED)
            seq = fact.value if fact is not None else first_exports.get(code)
            if seq is not None:
                found.setdefault(ori, {})[code] = seq
    return found


def released_fact(period: str, seq: int) -> Fact:
    return Fact(period, RELEASED, seq, NONE)


def frozen_periods(db: Database) -> set[str]:
    return {code for (code,) in db.query("SELECT DISTINCT period FROM agency_facts")}


def period_of(code: str) -> str:
    return parse_period(code).code
