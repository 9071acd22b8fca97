"""Review commands: every change a reviewer can make to a report, as a small frozen value.

A command names its report by submission id and its spans by uid (both the same in every
database holding the report), carries its own id and its actor (reviewer name and the id
of their signing key), and has a JSON form. Commands made on one laptop replay exactly on
another through the same `apply` (workstation/workflow/apply.py); a command id is applied
once. Undo and redo carry the span states they restore; sign, approve and return carry
the signed statement and its signature, made where the reviewer is.

JSON form, version 1: {"format": "near-miss-review-command", "version": 1, "kind",
"command_id", "report", "actor": {"name", "key_id"}, "made_at", "args": {...}}.
"""

from __future__ import annotations

import types
import typing
import uuid
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, ClassVar

from workstation.clock import utc_now
from workstation.errors import InputError
from workstation.review.coding import Coding, coding_from_dict, coding_to_dict
from workstation.review.decisions import NewSpan, SpanChange

FORMAT = "near-miss-review-command"
VERSION = 1
_ENVELOPE = frozenset({"format", "version", "kind", "command_id", "report", "actor", "made_at", "args"})
MAX_TEXT = 20_000  # no single argument of a command is longer than the longest coding text
OMIT_UNSET = "omit_unset"  # field metadata: left out of the JSON while it has its default


@dataclass(frozen=True)
class Actor:
    name: str  # the reviewer's roster name
    key_id: str  # their signing key's id (workstation.keys.signing.key_id)


def new_command_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, kw_only=True)
class Command:
    kind: ClassVar[str]
    changes_content: ClassVar[bool] = False  # may change what would be published
    report: str  # the report's submission id
    actor: Actor
    command_id: str = field(default_factory=new_command_id)
    made_at: str = field(default_factory=utc_now)

    def args(self) -> dict[str, Any]:
        """The command's own arguments. An optional argument added later (marked OMIT_UNSET)
        is left out while it has its default, so the commands made before it was added keep
        their JSON, and the histories and sign-offs hashing them stay valid."""
        base = {f.name for f in fields(Command)}
        return {f.name: _encode(getattr(self, f.name)) for f in fields(self) if f.name not in base
                and not (f.metadata.get(OMIT_UNSET) and getattr(self, f.name) == f.default)}

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "kind": self.kind, "command_id": self.command_id,
                "report": self.report, "actor": asdict(self.actor), "made_at": self.made_at,
                "args": self.args()}


# ----- what a reviewer does to spans -------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Decide(Command):
    """`reason`: why a high-scoring suggestion is kept (a quick choice or the reviewer's
    words), asked at `x` time; absent (and absent from the JSON) otherwise."""

    kind = "decide"
    changes_content = True
    span_uids: tuple[str, ...]
    decision: str  # pending, redact or keep
    reason: str | None = field(default=None, metadata={OMIT_UNSET: True})


@dataclass(frozen=True, kw_only=True)
class Relabel(Command):
    kind = "relabel"
    changes_content = True
    span_uids: tuple[str, ...]
    label: str


@dataclass(frozen=True, kw_only=True)
class SetReplacement(Command):
    kind = "set_replacement"
    changes_content = True
    span_uids: tuple[str, ...]
    replacement: str | None


@dataclass(frozen=True, kw_only=True)
class GeneraliseDate(Command):
    kind = "generalise_date"
    changes_content = True
    span_uids: tuple[str, ...]
    on: bool


@dataclass(frozen=True, kw_only=True)
class AddSpans(Command):
    """Missed identifiers marked by the reviewer; `all_occurrences` when they came from
    'redact every occurrence' (the ranges are worked out where the reviewer is)."""

    kind = "add_spans"
    changes_content = True
    spans: tuple[NewSpan, ...]
    label: str
    all_occurrences: bool = False


@dataclass(frozen=True, kw_only=True)
class ResizeSpan(Command):
    """One span widened or narrowed (new offsets in its field); its decision, label and
    replacement stay."""

    kind = "resize_span"
    changes_content = True
    span_uid: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Undo(Command):
    """Puts back the span states before command `of`: `changes` go from its after-states
    to its before-states, and meet the spans only if nothing changed them since."""

    kind = "undo"
    changes_content = True
    of: str
    changes: tuple[SpanChange, ...]


@dataclass(frozen=True, kw_only=True)
class Redo(Command):
    kind = "redo"
    changes_content = True
    of: str
    changes: tuple[SpanChange, ...]


# ----- the panel's coding, published structured fields, links, the residual scan ---------


@dataclass(frozen=True, kw_only=True)
class SetDisclosure(Command):
    """How one structured field is published: as given, generalised one step, or withheld."""

    kind = "set_disclosure"
    changes_content = True
    field: str
    choice: str


@dataclass(frozen=True, kw_only=True)
class AcknowledgeLowK(Command):
    """Sign although fewer than k published reports share the report's structured fields:
    the reviewer's written reason, for the publishable content as it is now."""

    kind = "acknowledge_low_k"
    reason: str


@dataclass(frozen=True, kw_only=True)
class SaveCoding(Command):
    kind = "save_coding"
    changes_content = True
    coding: Coding


@dataclass(frozen=True, kw_only=True)
class Link(Command):
    """One incident of `primary` and `supplemental` (submission ids); `report` is the one
    the reviewer had open."""

    kind = "link"
    changes_content = True
    primary: str
    supplemental: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Unlink(Command):
    kind = "unlink"
    changes_content = True


@dataclass(frozen=True, kw_only=True)
class DismissFinding(Command):
    """A residual-scan finding that is not an identifier, with why (offsets in the
    original field, or in the panel's own text for coding fields)."""

    kind = "dismiss_finding"
    field: str
    start: int
    end: int
    label: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class ConfirmKeeps(Command):
    """Stage 2 confirms what stage 1 kept (not redacted): the same words stay published, so
    it is not a change of content; the residual scan then no longer lists those spans for
    this reviewer. Un-redacting or redacting them instead is a Decide (a change)."""

    kind = "confirm_keeps"
    span_uids: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class RevealOriginal(Command):
    kind = "reveal_original"


# ----- stages and sign-offs ---------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StartStage1(Command):
    kind = "start_stage1"


@dataclass(frozen=True, kw_only=True)
class StartStage2(Command):
    kind = "start_stage2"


@dataclass(frozen=True, kw_only=True)
class SignStage1(Command):
    """`statement` is the canonical JSON the actor's key signed (workflow/signoff.py);
    `signature` its Ed25519 signature in hex."""

    kind = "sign_stage1"
    statement: str
    signature: str


@dataclass(frozen=True, kw_only=True)
class Approve(Command):
    kind = "approve"
    statement: str
    signature: str


@dataclass(frozen=True, kw_only=True)
class ReturnToStage1(Command):
    kind = "return_to_stage1"
    comment: str
    statement: str
    signature: str


@dataclass(frozen=True, kw_only=True)
class SetAside(Command):
    kind = "set_aside"
    reason: str
    comment: str = ""


@dataclass(frozen=True, kw_only=True)
class Reopen(Command):
    kind = "reopen"


SIGNING_KINDS = {SignStage1.kind: (1, "signed"), Approve.kind: (2, "approved"),
                 ReturnToStage1.kind: (2, "returned")}
COMMAND_TYPES: dict[str, type[Command]] = {
    cls.kind: cls for cls in (Decide, Relabel, SetReplacement, GeneraliseDate, AddSpans, ResizeSpan, Undo,
                              Redo, SaveCoding, SetDisclosure, AcknowledgeLowK, Link, Unlink, DismissFinding,
                              ConfirmKeeps, RevealOriginal, StartStage1, StartStage2, SignStage1, Approve,
                              ReturnToStage1, SetAside, Reopen)
}


# ----- JSON ------------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, NewSpan):
        return asdict(value)
    if isinstance(value, SpanChange):
        return value.to_dict()
    if isinstance(value, Coding):
        return coding_to_dict(value)
    return value


def _decode(hint: Any, value: Any, name: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):  # `str | None`
        if value is None:
            return None
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = None
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"{name} must be a list")
        item = typing.get_args(hint)[0]
        return tuple(_decode(item, v, name) for v in value)
    if hint is NewSpan:
        if not isinstance(value, dict) or set(value) != {"uid", "field", "start", "end"}:
            raise ValueError(f"{name}: a new span needs uid, field, start and end")
        span = NewSpan(**value)
        if not (isinstance(span.uid, str) and span.uid and isinstance(span.field, str)
                and type(span.start) is int and type(span.end) is int):
            raise ValueError(f"{name}: a new span has the wrong types")
        return span
    if hint is SpanChange:
        return SpanChange.from_dict(value)
    if hint is Coding:
        return coding_from_dict(value)
    if hint is bool:
        if type(value) is not bool:
            raise ValueError(f"{name} must be true or false")
        return value
    if hint is int:
        if type(value) is not int:
            raise ValueError(f"{name} must be a whole number")
        return value
    if hint is str:
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise ValueError(f"{name} must be a string")
        return value
    raise ValueError(f"{name}: unsupported type")


_HINTS: dict[str, dict[str, Any]] = {}


def _hints(cls: type[Command]) -> dict[str, Any]:
    # get_type_hints is slow enough to matter when a packet of returns is merged: once per kind
    if cls.kind not in _HINTS:
        _HINTS[cls.kind] = typing.get_type_hints(cls)
    return _HINTS[cls.kind]


def command_from_dict(data: Any) -> Command:
    """A command from its JSON form; InputError with the reason for anything else."""
    try:
        if not isinstance(data, dict) or set(data) != _ENVELOPE:
            raise ValueError("a command needs exactly " + ", ".join(sorted(_ENVELOPE)))
        if data["format"] != FORMAT:
            raise ValueError("not a review command")
        if data["version"] != VERSION:
            raise ValueError(f"review command version {data['version']!r} is not supported")
        cls = COMMAND_TYPES.get(data["kind"]) if isinstance(data["kind"], str) else None
        if cls is None:
            raise ValueError(f"unknown kind {data['kind']!r}")
        actor = data["actor"]
        if not isinstance(actor, dict) or set(actor) != {"name", "key_id"} \
                or not all(isinstance(v, str) and v for v in actor.values()):
            raise ValueError("actor needs a name and a key_id")
        for name in ("command_id", "report", "made_at"):
            if not isinstance(data[name], str) or not data[name]:
                raise ValueError(f"{name} must be a string")
        uuid.UUID(data["command_id"])
        args = data["args"]
        hints = _hints(cls)
        base = {f.name for f in fields(Command)}
        own = [f for f in fields(cls) if f.name not in base]
        if not isinstance(args, dict) or set(args) - {f.name for f in own} \
                or {f.name for f in own if f.default is MISSING} - set(args):
            raise ValueError(f"{cls.kind} takes " + ", ".join(f.name for f in own))
        values = {f.name: _decode(hints[f.name], args[f.name], f.name) for f in own if f.name in args}
        return cls(report=data["report"], actor=Actor(**actor), command_id=data["command_id"],
                   made_at=data["made_at"], **values)
    except (ValueError, TypeError, KeyError) as exc:
        raise InputError(f"Not a valid review command: {exc}.") from None

