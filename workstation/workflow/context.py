"""What a command's handler is given (the open transaction, the report, the actor's key)
and what it gives back (its audit entry and what it changed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workstation.analysis import ReportAnalyser
from workstation.review.decisions import SpanChange
from workstation.session import Session
from workstation.stages import report_stage
from workstation.store.database import Database
from workstation.store.transaction import Transaction
from workstation.workflow.commands import Command


@dataclass
class Context:
    """What a handler works with: the open transaction and the report the command names."""

    session: Session
    tx: Transaction
    report_id: int
    command: Command
    analyser: ReportAnalyser | None
    public_key: bytes

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def actor(self) -> str:
        return self.command.actor.name

    @property
    def stage(self) -> str:
        return report_stage(self.db, self.report_id)


@dataclass(frozen=True)
class Effect:
    """What a handler did: its audit entry, and what it changed."""

    action: str
    payload: dict[str, Any] = field(default_factory=dict)
    obj: str | None = None  # the audit entry's object; the report when None
    changes: tuple[SpanChange, ...] = ()
    touched: tuple[int, ...] = ()  # reports, beyond the linked ones, whose content may have changed
    signoff_id: int | None = None
    noop: bool = False  # nothing changed: nothing is written or recorded



Handler = Callable[[Context], Effect]
