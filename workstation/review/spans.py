"""A review span: a stretch of one field that may identify someone, and what the reviewer
decided about it. Offsets only; the text is read from the report when needed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

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


@dataclass(frozen=True)
class ReviewSpan:
    id: int
    state: SpanState
    decided_by: str | None = None
    decided_at: str | None = None

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
