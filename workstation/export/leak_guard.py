"""The one scanner every export passes before anything is written.

It looks, in every piece of text an export would write (JSON, the text drawn in PDFs,
file names, PDF metadata), for:

- an ORI: every ORI stored with a submission, and anything shaped like one: a 9-character
  token of two letters then seven letters or digits *with at least one digit* (plain words
  in capitals such as "EVERYBODY" are not ORIs). Allowed only where the caller says so:
  the cover and file name of that agency's own summary.
- any string a reviewer redacted in any report (review spans with decision 'redact', read
  from the original text), compared case-insensitively, word by word, so that punctuation,
  line breaks and a hyphen at a line end do not hide it;
- a submission id, a reviewer's login or display name.

Redacted strings shorter than 3 characters are ignored (they would match everywhere), so
are the form's own category labels (printed for every report) and a bare year (every
publication prints month and year), and
purely numeric ones are not looked for in figures (counts, page numbers, file sizes and
hashes in the manifest), only in text. Findings name the file, the kind and (for redacted strings) the
report and label, never the string itself, so that the refusal message is safe to show.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from workstation.errors import ExportError
from workstation.store.database import Database

TEXT = "text"
FIGURES = "figures"
ORI_SHAPE = re.compile(r"^[A-Z]{2}[A-Z0-9]{7}$")
_TOKEN = re.compile(r"\w+")
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
MIN_NEEDLE_CHARS = 3
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Part:
    """One piece of an export: where it goes (file, and what part of it) and its text."""

    where: str
    text: str
    kind: str = TEXT  # TEXT or FIGURES
    allowed_ori: str | None = None  # this ORI may appear here (an agency's own cover)


@dataclass(frozen=True)
class Finding:
    where: str
    what: str  # plain words; never the offending string

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class LeakError(ExportError):
    """The export was refused; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        shown = findings[:20]
        more = len(findings) - len(shown)
        lines = "\n".join(f"  - {f}" for f in shown) + (f"\n  ... and {more} more" if more else "")
        super().__init__(f"Export refused: the leak guard found {len(findings)} possible identifier"
                         f"{'s' if len(findings) != 1 else ''}; nothing was written.\n{lines}")
        self.findings = findings


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(_HYPHEN_BREAK.sub(r"\1\2", text).casefold())


def _is_ori_shaped(token: str) -> bool:
    upper = token.upper()
    return bool(ORI_SHAPE.match(upper)) and any(ch.isdigit() for ch in upper[2:])


@dataclass
class Needles:
    """Everything the scanner looks for, read once from the database."""

    oris: set[str] = field(default_factory=set)  # casefolded
    # first token -> [(token sequence, description)]
    phrases: dict[str, list[tuple[tuple[str, ...], str, bool]]] = field(
        default_factory=lambda: defaultdict(list))
    ignored: set[tuple[str, ...]] = field(default_factory=set)  # taxonomy labels

    def add_phrase(self, text: str, description: str) -> None:
        seq = tuple(tokens(text))
        if not seq or sum(len(t) for t in seq) < MIN_NEEDLE_CHARS or seq in self.ignored:
            return
        if len(seq) == 1 and _YEAR.match(seq[0]):
            return  # a year on its own: every publication prints month and year
        numeric_short = "".join(seq).isdigit()  # not looked for in figures
        entries = self.phrases[seq[0]]
        if all(existing != seq for existing, _, _ in entries):
            entries.append((seq, description, numeric_short))


def _taxonomy_phrases() -> set[tuple[str, ...]]:
    """The form's own category labels ("Tribal police", "Traffic stop"): printed for every
    report, so not identifying even when a reviewer redacted the same words somewhere."""
    from workstation.intake.submission_schema import load_taxonomy, taxonomy_labels

    found = set()
    for name in load_taxonomy()["lists"]:
        found.update(tuple(tokens(label)) for label in taxonomy_labels(name).values())
    return found


def load_needles(db: Database) -> Needles:
    needles = Needles(ignored=_taxonomy_phrases())
    rows = db.query("SELECT id, submission_id, submission FROM reports")
    texts: dict[int, dict] = {}
    for report_id, submission_id, submission in rows:
        needles.add_phrase(submission_id, "a submission id")
        document = json.loads(submission)
        ori = document.get("ori")
        if isinstance(ori, str) and ori:
            needles.oris.add(ori.casefold())
        texts[report_id] = document
    for report_id, field_name, start, end, label in db.query(
            "SELECT report_id, field, span_start, span_end, label FROM review_spans "
            "WHERE decision = 'redact'"):
        value = texts.get(report_id, {}).get(field_name)
        if isinstance(value, str):
            needles.add_phrase(value[start:end], f"a string redacted in report {report_id} ({label})")
    for name, display in db.query("SELECT name, display_name FROM reviewers"):
        needles.add_phrase(name, "a reviewer's name")
        if display:
            needles.add_phrase(display, "a reviewer's name")
    return needles


def scan(parts: Iterable[Part], needles: Needles) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()

    def found(where: str, what: str) -> None:
        if (where, what) not in seen:
            seen.add((where, what))
            findings.append(Finding(where, what))

    for part in parts:
        allowed = part.allowed_ori.casefold() if part.allowed_ori else None
        words = tokens(part.text)
        for i, word in enumerate(words):
            if word != allowed:
                if word in needles.oris:
                    found(part.where, "an ORI held in the database")
                elif len(word) == 9 and _is_ori_shaped(word):
                    found(part.where, "a token shaped like an ORI")
                if i + 1 < len(words):
                    pair = word + words[i + 1]
                    if pair in needles.oris and pair != allowed:
                        found(part.where, "an ORI held in the database (split)")
            for seq, description, numeric_short in needles.phrases.get(word, ()):
                if numeric_short and part.kind == FIGURES:
                    continue
                if tuple(words[i:i + len(seq)]) == seq:
                    found(part.where, description)
    return findings


def guard(parts: Iterable[Part], needles: Needles) -> None:
    """Raise LeakError listing the findings, if any."""
    findings = scan(parts, needles)
    if findings:
        raise LeakError(findings)


def matched_phrases(text: str, needles: Needles) -> list[tuple[tuple[str, ...], str]]:
    """The needle phrases found in `text` (token sequences and descriptions), for tools that
    fix what the guard would refuse (the demo's reviewers); ORIs are not included."""
    words = tokens(text)
    found = []
    for i, word in enumerate(words):
        for seq, description, _ in needles.phrases.get(word, ()):
            if tuple(words[i:i + len(seq)]) == seq and (seq, description) not in found:
                found.append((seq, description))
    return found
