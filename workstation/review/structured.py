"""The reporter's structured fields that are published (role, years of service, agency type
and size, time of day, ...): quasi-identifiers. Together with the month and a detail of
the story they can single out one officer in a small agency, so each can be published as
given, generalised one step (bands merged, time of day to day or night, counts to "2 or
more") or withheld ("withheld", distinct from a field the reporter did not give, which is
left out). A report with no such decision publishes its fields exactly as before.

Values only, never text: the codes come from resources/taxonomy.json.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from workstation.clock import utc_now
from workstation.store.database import Database
from workstation.store.transaction import Transaction

# The structured fields published after review, in form order.
QUASI_FIELDS = ("role_rank", "years_of_service", "agency_type", "agency_size", "time_of_day", "shift",
                "location_type", "weather", "lighting", "officers_on_scene", "suspect_characteristics",
                "injury_outcome")
WITHHELD = "withheld"


class Disclosure(StrEnum):
    PUBLISH = "publish"
    GENERALISE = "generalise"
    WITHHOLD = "withhold"


def _groups(**groups: tuple[str, ...]) -> dict[str, str]:
    return {code: group for group, codes in groups.items() for code in codes}


# One step up for each field: code -> the generalised code published instead.
GENERALISED: dict[str, dict[str, str]] = {
    "role_rank": _groups(
        line_officer=("patrol_officer", "field_training_officer", "recruit_trainee",
                      "corporal_senior_officer", "traffic_motor_unit", "reserve_auxiliary",
                      "school_resource_officer"),
        specialist=("detective_investigator", "k9_handler", "tactical_team"),
        supervisor_command=("sergeant_first_line", "lieutenant_command", "chief_sheriff_executive"),
        other_role=("corrections_detention", "federal_agent", "other")),
    "years_of_service": _groups(under_5=("under_1", "1_to_4"), from_5_to_14=("5_to_9", "10_to_14"),
                                from_15=("15_to_19", "20_plus")),
    "agency_type": _groups(local_or_state=("municipal", "sheriff", "state"),
                           other_agency=("tribal", "federal", "campus", "other")),
    "agency_size": _groups(under_50=("1_to_10", "11_to_49"), from_50_to_499=("50_to_99", "100_to_499"),
                           from_500=("500_to_999", "1000_plus")),
    "time_of_day": _groups(day=("0600_1159", "1200_1759"), night=("1800_2359", "0000_0559")),
    "shift": _groups(on_shift=("day", "evening", "night"),
                     other_duty=("overtime_extra_duty", "off_duty", "other")),
    "location_type": _groups(
        roadway=("highway_interstate", "street_roadway", "rural_road", "parking_lot"),
        residence=("residence_house", "residence_apartment"),
        business=("business_retail", "bar_restaurant"),
        institution=("hospital_medical", "jail_detention", "courthouse", "police_facility", "school_campus"),
        outdoors_other=("park_open_area", "wooded_remote", "other")),
    "weather": _groups(fair=("clear", "cloudy"),
                       bad_weather=("rain", "snow", "ice_sleet", "fog", "high_wind"),
                       extreme_temperature=("extreme_heat", "extreme_cold"),
                       indoors=("indoors_not_applicable",)),
    "lighting": _groups(light=("daylight", "dawn_dusk"), dark=("dark_lighted", "dark_unlighted"),
                        indoors=("indoors_lighted", "indoors_dim")),
    "suspect_characteristics": _groups(
        armed=("armed_firearm", "armed_edged_weapon", "armed_other_weapon", "concealed_weapon"),
        impaired=("impaired_alcohol", "impaired_drugs"),
        crisis=("mental_health_crisis", "suicidal"),
        behaviour=("resisted", "fled", "prior_violence", "known_to_officer"),
        other_suspect=("multiple_suspects", "juvenile", "no_suspect")),
    "injury_outcome": _groups(no_injury=("none",), officer_injured=("officer_minor", "officer_treated",
                                                                   "officer_hospitalized"),
                              others_injured=("other_person_injured", "multiple_injured"),
                              unknown=("unknown",)),
}
GENERALISED_LABELS = {
    "line_officer": "Line officer", "specialist": "Specialist (investigator, K-9, tactical)",
    "supervisor_command": "Supervisor or command", "other_role": "Other role",
    "under_5": "Under 5 years", "from_5_to_14": "5 to 14 years", "from_15": "15 years or more",
    "local_or_state": "Municipal, county or state agency", "other_agency": "Other agency",
    "under_50": "Under 50", "from_50_to_499": "50 to 499", "from_500": "500 or more",
    "day": "Day (06:00 to 17:59)", "night": "Night (18:00 to 05:59)",
    "on_shift": "On shift", "other_duty": "Overtime, extra duty or off duty",
    "roadway": "Roadway or parking", "residence": "Residence", "business": "Business",
    "institution": "Institution (hospital, jail, court, station, school)",
    "outdoors_other": "Outdoors or other",
    "fair": "Fair weather", "bad_weather": "Rain, snow, ice, fog or wind",
    "extreme_temperature": "Extreme heat or cold", "indoors": "Indoors",
    "light": "Daylight, dawn or dusk", "dark": "Dark",
    "armed": "Armed", "impaired": "Impaired", "crisis": "In crisis", "behaviour": "Resisted, fled or known",
    "other_suspect": "Other", "no_injury": "No injury", "officer_injured": "Officer injured",
    "others_injured": "Others injured", "unknown": "Unknown", "two_or_more": "2 or more",
}


def can_generalise(field: str) -> bool:
    return field in GENERALISED or field == "officers_on_scene"


def generalised_value(field: str, raw: Any) -> Any:
    if field == "officers_on_scene":
        return raw if raw == 1 else "two_or_more"
    groups = GENERALISED[field]
    if isinstance(raw, list):  # several codes: the groups they fall in, once each
        return sorted({groups.get(code, code) for code in raw})
    return groups.get(raw, raw)


def published_value(field: str, raw: Any, choice: str) -> Any:
    if choice == Disclosure.WITHHOLD:
        return WITHHELD
    if choice == Disclosure.GENERALISE:
        return generalised_value(field, raw)
    return raw


def published_fields(submission: Mapping[str, Any], choices: Mapping[str, str]) -> dict[str, Any]:
    """What is published of the structured fields: those the reporter gave, as chosen.
    With no choices this is exactly the fields as given (what sign-offs signed before)."""
    return {f: published_value(f, submission[f], choices.get(f, Disclosure.PUBLISH))
            for f in QUASI_FIELDS if f in submission}


# What a newly imported report starts with, so that the typical report needs no manual step.
# Measured on 20,000 demo submissions from 500 agencies (benchmarks/disclosure_defaults.py):
# with these defaults 4.2% of reports share their month and published details with fewer
# than 4 others (k = 5); publishing every field as given, 100% do. What points at the officer
# (role, years, agency type and size, shift, place, officers on scene, the suspect) is
# withheld; time of day, injury, lighting and weather are generalised one step. Reviewers
# publish more where the re-identification check allows.
DEFAULTS: dict[str, Disclosure] = {
    **{f: Disclosure.WITHHOLD for f in QUASI_FIELDS},
    "time_of_day": Disclosure.GENERALISE, "injury_outcome": Disclosure.GENERALISE,
    "lighting": Disclosure.GENERALISE, "weather": Disclosure.GENERALISE,
}


def seed_default_choices(tx: Transaction, report_id: int) -> int:
    """The defaults for a report nobody has worked on yet (a system write, at import or first
    opening). A report already under review or signed keeps what it publishes."""
    row = tx.execute("SELECT stage, submission FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None or row[0] != "received":
        return 0
    if tx.execute("SELECT 1 FROM structured_choices WHERE report_id = ? UNION ALL "
                  "SELECT 1 FROM signoffs WHERE report_id = ? LIMIT 1", (report_id, report_id)).fetchone():
        return 0
    given = json.loads(row[1])
    rows = [(report_id, f, DEFAULTS[f].value, utc_now()) for f in QUASI_FIELDS if f in given]
    tx.executemany("INSERT OR IGNORE INTO structured_choices(report_id, field, choice, decided_at) "
                   "VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def load_choices(db: Database, report_id: int) -> dict[str, str]:
    return {str(f): str(c) for f, c in db.query(
        "SELECT field, choice FROM structured_choices WHERE report_id = ?", (report_id,))}


def check_choice(field: str, choice: str) -> Disclosure:
    if field not in QUASI_FIELDS:
        raise ValueError(f"{field!r} is not a published structured field")
    chosen = Disclosure(choice)
    if chosen == Disclosure.GENERALISE and not can_generalise(field):
        raise ValueError(f"{field!r} cannot be generalised")
    return chosen


def write_choice(tx: Transaction, report_id: int, field: str, choice: str, actor: str) -> None:
    tx.execute("INSERT INTO structured_choices(report_id, field, choice, decided_by, decided_at) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT(report_id, field) DO UPDATE SET choice = excluded.choice, "
               "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
               (report_id, field, check_choice(field, choice).value, actor, utc_now()))


def matches(field: str, published: Any, raw: Any) -> bool:
    """Whether a report whose reporter gave `raw` could be the one published as `published`:
    withheld matches anything, a group its members, a value itself."""
    if published == WITHHELD:
        return True
    if isinstance(raw, list):
        raw = sorted(raw)
    if published == raw:
        return True
    return can_generalise(field) and published == generalised_value(field, raw)
