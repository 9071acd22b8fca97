"""Synthetic submissions for the demo database, tests and benchmarks.

Generated data only: names, places and numbers come from `vocabulary` (invented or
generic), stories from `stories`. The same seed always gives the same submissions.
Most submissions carry identifiers of every kind a reviewer must remove (names with
ranks, agencies, addresses, hospitals, badge, case and call numbers, plates, phones,
dates); some carry none. Styles vary as they do on the real form: plain prose, ALL CAPS
from an in-car terminal, all lower case from a phone, and typos.
"""

from __future__ import annotations

import random
import re
import string
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from workstation.demo import stories
from workstation.demo import vocabulary as v

# Sentences with these slots are skipped when a submission carries no identifiers.
ID_SLOTS = frozenset({"case", "cfs", "badge", "booking", "plate", "phone", "email", "unit"})
_SLOT = re.compile(r"\{([a-z_]+)\}")
STYLES = ("plain", "plain", "plain", "caps", "lower", "typos")

# What a noun-phrase slot reads as when the submission carries no identifiers.
GENERIC = {
    "partner": "my partner", "backup": "my cover officer", "sgt": "my sergeant",
    "lt": "the lieutenant", "suspect": "the suspect", "witness": "a neighbor",
    "agency": "my department", "other_agency": "a neighboring agency",
    "backup_agency_area": "the other side of the county", "hospital": "the hospital",
    "business": "a gas station", "address": "a house on the east side",
    "street": "a side street", "intersection": "a busy intersection",
    "highway": "the interstate", "city": "town", "on_date": "One night",
}


class Agency:
    """A partner agency: its name, abbreviation and ORI (generated)."""

    def __init__(self, rng: random.Random) -> None:
        self.agency_type = rng.choice(("municipal", "municipal", "sheriff", "state", "tribal",
                                       "campus"))
        self.city = rng.choice(v.CITIES)
        self.county = rng.choice(v.COUNTIES)
        state, patrol = rng.choice(v.STATES)
        names = {
            "municipal": (f"{self.city} Police Department", _initials(self.city) + "PD"),
            "sheriff": (f"{self.county} County Sheriff's Office", _initials(self.county) + "SO"),
            "state": (f"{state} State Patrol", patrol),
            "tribal": (f"{rng.choice(v.TRIBES)} Tribal Police", "the tribal PD"),
            "campus": (f"{rng.choice(v.CAMPUSES)} University Police", "campus PD"),
        }
        self.name, self.short = names[self.agency_type]
        self.size = rng.choice(("11_to_49", "50_to_99", "100_to_499", "500_to_999"))
        self.ori = rng.choice(v.STATE_CODES) + "".join(
            rng.choice(string.digits + string.ascii_uppercase[:6]) for _ in range(7))


def _initials(place: str) -> str:
    return "".join(word[0] for word in place.split()).upper()


def make_agencies(count: int, seed: int = 7) -> list[Agency]:
    rng = random.Random(f"agencies-{seed}")
    agencies: list[Agency] = []
    oris: set[str] = set()
    while len(agencies) < count:
        agency = Agency(rng)
        if agency.ori not in oris:
            oris.add(agency.ori)
            agencies.append(agency)
    return agencies


def _person(rng: random.Random, *, ranked: bool) -> str:
    first, last = rng.choice(v.FIRST_NAMES), rng.choice(v.LAST_NAMES)
    if ranked:
        short, long = rng.choice(v.RANKS)
        return rng.choice((f"{short} {last}", f"{long} {first} {last}", f"{short} {first[0]}. {last}"))
    return rng.choice((f"{first} {last}", first, f"{first} {last}"))


def _slot_values(rng: random.Random, agency: Agency, incident: date) -> dict[str, str]:
    other = rng.choice([a for a in (Agency(rng) for _ in range(2)) if a.name != agency.name]
                       or [agency])
    number = rng.randint(100, 9999)
    return {
        "partner": rng.choice((f"my partner {rng.choice(v.FIRST_NAMES)}",
                               _person(rng, ranked=True))),
        "backup": _person(rng, ranked=True),
        "sgt": f"Sgt. {rng.choice(v.LAST_NAMES)}",
        "lt": f"Lt. {rng.choice(v.LAST_NAMES)}",
        "suspect": _person(rng, ranked=False),
        "witness": f"{rng.choice(v.FIRST_NAMES)} {rng.choice(v.LAST_NAMES)}",
        "agency": rng.choice((agency.name, agency.short)),
        "other_agency": other.name,
        "backup_agency_area": f"{agency.county} County",
        "hospital": rng.choice(v.HOSPITALS),
        "business": rng.choice(v.BUSINESSES),
        "address": f"{number} {rng.choice(v.STREETS)}" + rng.choice(("", "", f" apt {rng.randint(1, 40)}")),
        "street": rng.choice(v.STREETS),
        "intersection": f"{rng.choice(v.STREETS)} and {rng.choice(v.STREETS)}",
        "highway": rng.choice(v.HIGHWAYS) + rng.choice(("", f" near mile marker {rng.randint(2, 240)}")),
        "city": agency.city,
        "on_date": rng.choice((f"On {incident:%B} {incident.day}, {incident.year}",
                               f"On {incident.month}/{incident.day}/{incident:%y}",
                               f"{incident:%B} {_ordinal(incident.day)}")),
        "case": f"{incident:%y}-{rng.randint(1000, 99999):06d}",
        "cfs": f"{incident.year}-{rng.randint(10000, 999999)}",
        "badge": str(rng.randint(100, 9999)),
        "booking": str(rng.randint(100000, 999999)),
        "plate": rng.choice((f"{rng.randint(1, 9)}{_letters(rng, 3)}{rng.randint(100, 999)}",
                             f"{_letters(rng, 3)}-{rng.randint(1000, 9999)}")),
        "phone": f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}",
        "email": f"{rng.choice(v.FIRST_NAMES).lower()}.{rng.choice(v.LAST_NAMES).lower()}"
                 f"@{rng.choice(v.EMAIL_DOMAINS)}".replace("'", ""),
        "unit": f"{rng.randint(1, 9)}{rng.choice('ABCDLK')}{rng.randint(10, 99)}",
    }


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _letters(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(count))


def _common_values(rng: random.Random, profile: str) -> dict[str, str]:
    return {
        "radio_code": rng.choice(v.RADIO_CODES),
        "weapon": rng.choice(v.WEAPONS),
        "vehicle": rng.choice(v.VEHICLES),
        "time": f"{rng.randint(0, 23):02d}{rng.choice(('00', '15', '30', '45'))} hours",
        "shift_word": rng.choice(("day", "swing", "night", "graveyard")),
        "activity_word": stories.ACTIVITY_WORDS.get(profile, "call"),
        "years": str(rng.randint(2, 28)),
    }


def _fill(rng: random.Random, choices: list[str] | tuple[str, ...], values: dict[str, str],
          identifiers: bool) -> str | None:
    usable = [t for t in choices if identifiers or not (set(_SLOT.findall(t)) & ID_SLOTS)]
    if not usable:
        return None
    text = rng.choice(usable)
    filled = _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    return filled[:1].upper() + filled[1:]


def _style(rng: random.Random, text: str, style: str) -> str:
    if style == "caps":
        return text.upper()
    if style == "lower":
        return text.lower()
    if style == "typos":
        words = text.split(" ")
        for _ in range(max(1, len(words) // 25)):
            i = rng.randrange(len(words))
            word = words[i]
            if len(word) > 4 and word.isalpha():
                j = rng.randrange(1, len(word) - 2)
                words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
        return " ".join(words)
    return text


def _some(rng: random.Random, codes: list[str], most: int) -> list[str]:
    return sorted(rng.sample(codes, rng.randint(1, min(most, len(codes)))))


def generate_submission(rng: random.Random, agency: Agency, *, identifiers: bool,
                        received: datetime) -> dict[str, Any]:
    profile_name = rng.choice(sorted(stories.PROFILES))
    profile = stories.PROFILES[profile_name]
    incident = (received - timedelta(days=rng.randint(1, 60))).date()
    values = _common_values(rng, profile_name)
    values.update(_slot_values(rng, agency, incident) if identifiers else GENERIC)
    style = rng.choice(STYLES)
    steps = [_fill(rng, step, values, identifiers) for step in profile["steps"]]
    opener = _fill(rng, stories.OPENERS, values, identifiers) if rng.random() < 0.5 else None
    closer = _fill(rng, stories.CLOSERS, values, identifiers) if rng.random() < 0.6 else None
    narrative = " ".join(s for s in (opener, *steps, closer) if s)
    lessons = " ".join(filter(None, (_fill(rng, stories.LESSONS, values, identifiers)
                                     for _ in range(rng.randint(1, 3)))))
    submission: dict[str, Any] = {
        "submission_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "received_at": received.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "form_version": 1,
        "role_rank": rng.choice(("patrol_officer", "patrol_officer", "field_training_officer",
                                 "corporal_senior_officer", "sergeant_first_line",
                                 "detective_investigator", "k9_handler", "traffic_motor_unit")),
        "years_of_service": rng.choice(("under_1", "1_to_4", "5_to_9", "10_to_14", "15_to_19",
                                        "20_plus")),
        "agency_type": agency.agency_type,
        "agency_size": agency.size,
        "incident_date": incident.isoformat(),
        "time_of_day": rng.choice(("0000_0559", "0600_1159", "1200_1759", "1800_2359")),
        "shift": rng.choice(("day", "evening", "night", "overtime_extra_duty")),
        "location_type": rng.choice(profile["locations"]),
        "activity_type": profile_name,
        "weather": rng.choice(("clear", "cloudy", "rain", "snow", "fog")),
        "lighting": rng.choice(("daylight", "dawn_dusk", "dark_lighted", "dark_unlighted")),
        "officers_on_scene": rng.randint(1, 4),
        "suspect_characteristics": _some(rng, profile["suspects"], 2),
        "injury_outcome": rng.choice(("none", "none", "officer_minor", "officer_treated")),
        "contributing_factors": _some(rng, profile["factors"], 3),
        "loss_potential": _some(rng, profile["loss"], 2),
        "title": _fill(rng, stories.TITLES, values, identifiers) or "Near miss",
        "narrative": _style(rng, narrative, style),
        "lessons_learned": _style(rng, lessons, style if style != "typos" else "plain"),
    }
    if rng.random() < 0.7:
        submission["ori"] = agency.ori
    if rng.random() < 0.5:
        submission["prevention"] = _fill(rng, stories.PREVENTION, values, identifiers)
    if rng.random() < 0.5:
        submission["what_went_right"] = _fill(rng, stories.WENT_RIGHT, values, identifiers)
    return submission


def iter_submissions(count: int, *, seed: int = 1, agencies: int = 12,
                     identifier_share: float = 0.85,
                     start: datetime | None = None) -> Iterator[dict[str, Any]]:
    rng = random.Random(f"submissions-{seed}")
    pool = make_agencies(max(1, agencies), seed=seed)
    moment = start or datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for _ in range(count):
        moment += timedelta(minutes=rng.randint(20, 600))
        yield generate_submission(rng, rng.choice(pool), identifiers=rng.random() < identifier_share,
                                  received=moment)


def generate_submissions(count: int, **options: Any) -> list[dict[str, Any]]:
    """`count` valid submissions (see iter_submissions for the options)."""
    return list(iter_submissions(count, **options))
