"""The counts a reviewer laptop's re-identification check needs, carried in the assignment
packet (packet format version 2).

A laptop holds only its assigned reports, so it cannot count the approved and published
reports a reader could take one of them for. The coordinator sends, for each month of the
assigned reports, each combination of the published structured fields as the reporters gave
them (taxonomy codes: no text, no report id) among that month's approved and published
reports, with how many reports gave it, and the panel's k. That is what the check counts
against (workflow/disclosure_check.py), so the laptop finds the figure and the proposals the
coordinator would have found when it made the packet. The body's "disclosure" member:

    {"k": 5, "as_of": "2026-12-04T14:00:00.000000Z",
     "months": {"2026-02": [[{"agency_type": "sheriff", "role_rank": "k9_handler", ...}, 3], ...]}}

On the laptop a packet's months replace the rows of those months (other months, of reports
still held from earlier packets, stay); a month goes when no report of it is left.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from workstation.clock import utc_now
from workstation.exchange.container import refuse
from workstation.review.structured import QUASI_FIELDS
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.workflow.disclosure_check import (
    combination_key,
    configured_k,
    month_of,
    population_counts,
)

MAX_COMBINATIONS = 200_000  # in one packet
MAX_K = 1000
_MONTH = re.compile(r"\d{4}-\d{2}")
_CODE = re.compile(r"[a-z0-9_]{1,64}")


def months_of(db: Database, report_ids: Iterable[int]) -> list[str]:
    months = set()
    for report_id in report_ids:
        submission = json.loads(db.query_row("SELECT submission FROM reports WHERE id = ?", (report_id,))[0])
        months.add(month_of(str(submission["incident_date"])))
    return sorted(months)


def packet_counts(db: Database, report_ids: Iterable[int]) -> dict[str, Any]:
    """The "disclosure" member of an assignment packet for these reports (the coordinator's
    whole database; the assigned reports are not approved, so none counts itself)."""
    counts = population_counts(db, months_of(db, report_ids))
    return {"k": configured_k(db), "as_of": utc_now(),
            "months": {month: [[json.loads(key), n] for key, n in sorted(found.items())]
                       for month, found in sorted(counts.items())}}


def _value(value: Any) -> bool:
    if isinstance(value, list):
        return all(isinstance(v, str) and _CODE.fullmatch(v) for v in value)
    if isinstance(value, bool):
        return False
    return (isinstance(value, str) and _CODE.fullmatch(value) is not None) or \
        (isinstance(value, int) and 0 <= value < 10_000)


def _checked(document: Any) -> tuple[int, str, dict[str, list[tuple[str, int]]]]:
    bad = refuse("its counts for the re-identification check are not in the expected form")
    if not isinstance(document, dict) or set(document) != {"k", "as_of", "months"}:
        raise bad
    k, as_of, months = document["k"], document["as_of"], document["months"]
    if type(k) is not int or not 2 <= k <= MAX_K or not isinstance(as_of, str) or len(as_of) > 40 \
            or not isinstance(months, dict):
        raise bad
    found: dict[str, list[tuple[str, int]]] = {}
    total = 0
    for month, rows in months.items():
        if not _MONTH.fullmatch(month) or not isinstance(rows, list):
            raise bad
        total += len(rows)
        if total > MAX_COMBINATIONS:
            raise bad
        found[month] = []
        for row in rows:
            if not (isinstance(row, list) and len(row) == 2 and isinstance(row[0], dict)
                    and type(row[1]) is int and row[1] > 0
                    and set(row[0]) <= set(QUASI_FIELDS) and all(_value(v) for v in row[0].values())):
                raise bad
            found[month].append((combination_key(row[0]), row[1]))
    return k, as_of, found


def take_in(tx: Transaction, document: Any) -> int:
    """Store a packet's counts (replacing those of its months) and the panel's k; refused
    whole if they are not in the expected form. Returns the number of months."""
    k, as_of, months = _checked(document)
    for month, rows in months.items():
        tx.execute("DELETE FROM disclosure_counts WHERE month = ?", (month,))
        tx.execute("INSERT INTO disclosure_count_months(month, as_of) VALUES (?, ?) "
                   "ON CONFLICT(month) DO UPDATE SET as_of = excluded.as_of", (month, as_of))
        tx.executemany("INSERT INTO disclosure_counts(month, combination, reports) VALUES (?, ?, ?) "
                       "ON CONFLICT(month, combination) DO UPDATE SET reports = reports + excluded.reports",
                       [(month, key, n) for key, n in rows])
    tx.execute("INSERT INTO meta(key, value) VALUES ('disclosure_k', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(k),))
    return len(months)


def prune(tx: Transaction) -> None:
    """Drop the counts of months no report on this laptop is from any more."""
    held = {month_of(str(json.loads(text).get("incident_date", "0000-00")))
            for (text,) in tx.execute("SELECT submission FROM reports")}
    for (month,) in tx.execute("SELECT month FROM disclosure_count_months").fetchall():
        if month not in held:
            tx.execute("DELETE FROM disclosure_counts WHERE month = ?", (month,))
            tx.execute("DELETE FROM disclosure_count_months WHERE month = ?", (month,))
