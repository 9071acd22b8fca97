"""A report's publishable content (workflow.publishable) in the words documents print:
taxonomy codes become labels, bands become phrases. Nothing else goes into exports."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from workstation.intake.submission_schema import taxonomy_labels

TEXT_HEADINGS = (
    ("narrative", "What happened"),
    ("prevention", "What could have prevented it"),
    ("what_went_right", "What went right"),
)
STRUCTURED_LABELS = (
    ("role_rank", "Reporter's role"),
    ("years_of_service", "Years of service"),
    ("agency_type", "Agency type"),
    ("agency_size", "Agency size"),
    ("time_of_day", "Time of day"),
    ("shift", "Shift"),
    ("location_type", "Location"),
    ("weather", "Weather"),
    ("lighting", "Lighting"),
    ("officers_on_scene", "Officers on scene"),
    ("suspect_characteristics", "Subject"),
    ("injury_outcome", "Injury outcome"),
)


@cache
def labels(list_name: str) -> dict[str, str]:
    try:
        return taxonomy_labels(list_name)
    except KeyError:
        return {}


def label(list_name: str, code: Any) -> str:
    if isinstance(code, bool) or code is None:
        return ""
    if isinstance(code, int):
        return str(code)
    return labels(list_name).get(str(code), str(code).replace("_", " "))


def label_list(list_name: str, codes: Any) -> str:
    if isinstance(codes, list | tuple):
        return "; ".join(label(list_name, c) for c in codes)
    return label(list_name, codes)


@dataclass(frozen=True)
class ReportView:
    publication_id: str
    content: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.content["title"])

    @property
    def period(self) -> str:
        return str(self.content["period"])

    @property
    def activity(self) -> str:
        return label("activity_type", self.content["activity_type"])

    @property
    def factors(self) -> list[str]:
        return [label("contributing_factors", c) for c in self.content["contributing_factors"]]

    @property
    def loss(self) -> list[str]:
        return [label("loss_potential", c) for c in self.content["loss_potential"]]

    def texts(self) -> list[tuple[str, str]]:
        text = self.content.get("text", {})
        return [(heading, text[f]) for f, heading in TEXT_HEADINGS if text.get(f, "").strip()]

    def facts(self) -> list[tuple[str, str]]:
        structured = self.content.get("structured", {})
        rows = [("When", self.period), ("Activity", self.activity)]
        for name, heading in STRUCTURED_LABELS:
            if name in structured:
                value = label_list(name, structured[name])
                if value:
                    rows.append((heading, value))
        if self.loss:
            rows.append(("Loss potential", "; ".join(self.loss)))
        return rows
