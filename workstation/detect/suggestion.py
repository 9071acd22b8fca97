"""What the workstation suggests to redact. Offsets only: a suggestion never holds text,
so it can be stored and logged without leaking what it points at."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import cast


@dataclass(frozen=True, slots=True, order=True)
class Suggestion:
    start: int  # character offset in the field, inclusive
    end: int  # exclusive
    label: str  # one of labels.LABELS
    score: float
    recognizer: str  # who found it, shown to the reviewer as the reason

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Suggestion:
        return cls(
            start=int(cast(int, data["start"])),
            end=int(cast(int, data["end"])),
            label=str(data["label"]),
            score=float(data["score"]),  # type: ignore[arg-type]
            recognizer=str(data["recognizer"]),
        )


@dataclass(slots=True)
class ReportSuggestions:
    """Suggestions for every free-text field of one report, keyed by field name."""

    fields: dict[str, list[Suggestion]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, list[dict[str, object]]]:
        return {name: [s.to_dict() for s in items] for name, items in self.fields.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, list[Mapping[str, object]]]) -> ReportSuggestions:
        return cls({name: [Suggestion.from_dict(d) for d in items] for name, items in data.items()})
