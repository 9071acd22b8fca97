"""A review span: a stretch of one field that may identify someone, and what the reviewer
decided about it. Offsets only; the text is read from the report when needed."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any

from workstation.detect.labels import LABELS


class Decision(StrEnum):
    PENDING = "pending"
    REDACT = "redact"  # accepted: replaced in what is published
    KEEP = "keep"  # rejected: not an identifier, published as written


class Origin(StrEnum):
    DETECTOR = "detector"
    REVIEWER = "reviewer"


REVIEWER_RECOGNIZER = "reviewer"


@dataclass(frozen=True)
class SpanState:
    """Everything about a span that a decision can change (what undo restores)."""

    field: str
    start: int
    end: int
    label: str
    origin: str
    score: float
    recognizer: str
    decision: str = Decision.PENDING
    replacement: str | None = None  # None: the typed placeholder
    generalise: bool = False  # dates: publish month and year instead of a placeholder

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"unknown label {self.label!r}")
        if not 0 <= self.start < self.end:
            raise ValueError("a span needs 0 <= start < end")

    def with_changes(self, **changes: object) -> SpanState:
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> SpanState:
        """A state as a command carries it; refuses anything that is not exactly one."""
        if not isinstance(data, dict) or set(data) != _STATE_KEYS:
            raise ValueError("a span state needs exactly " + ", ".join(sorted(_STATE_KEYS)))
        if not all(isinstance(data[k], str) for k in ("field", "label", "origin", "recognizer", "decision")):
            raise ValueError("a span state's names must be strings")
        if not all(type(data[k]) is int for k in ("start", "end")):
            raise ValueError("a span state's offsets must be integers")
        if type(data["generalise"]) is not bool:
            raise ValueError("a span state's generalise must be true or false")
        if not isinstance(data["score"], int | float) or not 0 <= data["score"] <= 1:
            raise ValueError("a span state's score must be between 0 and 1")
        if data["replacement"] is not None and not isinstance(data["replacement"], str):
            raise ValueError("a replacement must be a string")
        Decision(data["decision"])
        Origin(data["origin"])
        return cls(**{**data, "score": float(data["score"])})


_STATE_KEYS = frozenset(f.name for f in fields(SpanState))


@dataclass(frozen=True)
class ReviewSpan:
    id: int  # this database's row id (what the view keeps)
    state: SpanState
    decided_by: str | None = None
    decided_at: str | None = None
    uid: str = ""  # the id commands use, the same in every database holding the report

    # Shortcuts used everywhere a span is shown or applied.
    @property
    def field(self) -> str:
        return self.state.field

    @property
    def start(self) -> int:
        return self.state.start

    @property
    def end(self) -> int:
        return self.state.end

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def decision(self) -> str:
        return self.state.decision

    @property
    def decided(self) -> bool:
        return self.state.decision != Decision.PENDING


def without_overlaps(states: list[SpanState]) -> list[SpanState]:
    """Keep the widest of overlapping spans (then the best scored): a redaction must not
    leave half a name, and two replacements cannot share characters."""
    kept: list[SpanState] = []
    for state in sorted(states, key=lambda s: (s.field, s.start, -(s.end - s.start), -s.score)):
        last = kept[-1] if kept else None
        if last is not None and last.field == state.field and state.start < last.end:
            if state.end > last.end:  # partly overlapping: widen the kept one
                kept[-1] = last.with_changes(end=state.end)
            continue
        kept.append(state)
    return kept


# Fixed namespace of detector-seeded span ids: the same report analysed by the same
# detector gets the same ids in every database.
_SEEDED_SPANS = uuid.UUID("6f3d1c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f")


def seeded_span_uid(submission_id: str, state: SpanState) -> str:
    return str(uuid.uuid5(_SEEDED_SPANS, f"{submission_id}|{state.field}|{state.start}|{state.end}|"
                                         f"{state.recognizer}"))
