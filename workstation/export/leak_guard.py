"""The one scanner every export passes before anything is written.

It looks, in every piece of text an export would write (JSON, the text drawn in PDFs,
file names, PDF metadata), for:

- an ORI held in the database, however it is written: in groups ("CA 019 4200",
  "TX-227-0400"), in full-width digits, with look-alike letters;
- anything shaped like an ORI: two letters then seven letters or digits *with at least one
  digit* ("EVERYBODY" is not one), written compact ("CA0194200") or in the usual groups of
  a state code ("CA 019 4200", "CA-0194200"); times ("0315 hrs") and words never match.
  ORIs are allowed only where the caller says so: the cover and file name of that
  agency's own summary;
- any string a reviewer redacted in any report (review spans with decision 'redact', read
  from the original text), and for a PERSON span each part of the name that identifies on
  its own (not a title, not a common English word: "Whitlocke" after "Sgt. Dana
  Whitlocke" was redacted) and a title with a part ("Sgt. Smith");
- for a report whose original text was destroyed (workstation/retention), the same strings
  held only as keyed hashes of their matching form: the text is hashed the same way;
- a submission id, a reviewer's login or display name; in panel-written text (title,
  lessons, takeaways, questions) and file names also a reviewer's surname alone.

All comparisons use `workstation.text` (NFKC, invisible characters removed, accents
dropped, casefolded, TR39 confusable skeleton) on words joined without what separates
them, so that case, punctuation, line breaks, hyphens inside a word, soft hyphens,
zero-width characters, full-width forms and Cyrillic or Greek look-alikes do not hide a
match. One exception, because it reads as separate words and is not a disguise: a redacted
string found across several words of the text, split there otherwise than it was written,
where every one of those words is a common English word and every gap between them holds
clause punctuation (. , ; : ! ?), is not a finding ("Mei" in "Training saved me. I did";
still found: "Me-i", "me i", "Whit. locke", "Rose Wood" for "Rosewood", and any hashed
phrase, whose words are not known).

Redacted strings shorter than 3 characters are ignored (they would match everywhere), so
are the form's own category labels (printed for every report) and a bare year (every
publication prints month and year), and purely numeric ones are not looked for in
figures (counts, page numbers, file sizes and hashes in the manifest), only in text.
Findings name the file, the kind and (for redacted strings) the report and label, never
the string itself, so that the refusal message is safe to show.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from workstation.errors import DamagedError, ExportError
from workstation.retention.hashes import needle_key
from workstation.store.database import Database
from workstation.text.needles import (
    HASHED,
    MIN_NEEDLE_CHARS,
    Match,
    Needle,
    NeedleSet,
    is_common_word,
    name_parts,
    titles_in,
)
from workstation.text.normalise import compact, display_form, match_tokens, prototypes

TEXT = "text"
FIGURES = "figures"
PERSON = "PERSON"
ORI_SHAPE = re.compile(r"^[A-Z]{2}[A-Z0-9]{7}$")
_TOKEN = re.compile(r"\w+")
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")
_YEAR = re.compile(r"^(19|20)\d\d$")
_WORD = regex.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[.,;:!?]")
# The generic ORI shape on the display form: compact, or grouped after a state code.
_ORI_COMPACT = regex.compile(r"(?<!\w)[A-Za-z]{2}[A-Za-z0-9]{7}(?!\w)")
_SEPARATOR = r"[ \-\u2010\u2012\u2013\u2014\u2212]"
_ORI_GROUPED = regex.compile(
    rf"(?<!\w)([A-Z]{{2}})(?:{_SEPARATOR}[0-9]{{3}}{_SEPARATOR}?|[0-9]{{3}}{_SEPARATOR})[0-9A-Z]{{4}}(?!\w)")
STATE_CODES = frozenset("""
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
    NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP
""".split())
MIN_CHARS = MIN_NEEDLE_CHARS


@dataclass(frozen=True)
class Part:
    """One piece of an export: where it goes (file, and what part of it) and its text."""

    where: str
    text: str
    kind: str = TEXT  # TEXT or FIGURES
    allowed_ori: str | None = None  # this ORI may appear here (an agency's own cover)
    panel: bool = False  # panel-written text or a file name: reviewers' surnames count here
    source: str | None = None  # the report this text comes from (its publication id), if one


@dataclass(frozen=True)
class Finding:
    where: str
    what: str  # plain words; never the offending string
    source: str | None = None  # the report the text came from (Part.source)

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def describe_findings(findings: Sequence[Finding], limit: int = 20) -> str:
    shown = findings[:limit]
    more = len(findings) - len(shown)
    return "\n".join(f"  - {f}" for f in shown) + (f"\n  ... and {more} more" if more else "")


class LeakError(ExportError):
    """The export was refused; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"Export refused: the leak guard found {len(findings)} possible identifier"
                         f"{'s' if len(findings) != 1 else ''}; nothing was written.\n"
                         f"{describe_findings(findings)}")
        self.findings = findings


def tokens(text: str) -> list[str]:
    """Plain casefolded words (for tools that compare ordinary vocabulary, like the demo)."""
    return _TOKEN.findall(_HYPHEN_BREAK.sub(r"\1\2", text).casefold())


def ori_shapes(text: str) -> list[str]:
    """The ORI-shaped strings in `text` (compact, or grouped after a state code)."""
    plain = display_form(text).translate(_latin_look_alikes())
    found = [m.group() for m in _ORI_COMPACT.finditer(plain) if any(c.isdigit() for c in m.group()[2:])]
    found += [m.group() for m in _ORI_GROUPED.finditer(plain) if m.group(1) in STATE_CODES]
    return found


@cache
def _latin_look_alikes() -> dict[int, str]:
    """Non-ASCII look-alikes folded to their prototypes, case kept: "СА" (Cyrillic) is "CA"."""
    return {k: v for k, v in prototypes().items() if k >= 128}


class Needles:
    """Everything the scanner looks for, read once from the database."""

    def __init__(self, oris: Iterable[str] = (), ignored: Iterable[str] = (),
                 hash_key: bytes | None = None) -> None:
        self.oris = NeedleSet()
        self.phrases = NeedleSet(hash_key)
        self.ignored = frozenset(compact(label) for label in ignored)
        for ori in oris:
            self.add_ori(ori)

    def add_ori(self, ori: str) -> None:
        self.oris.add(ori, "an ORI held in the database")

    def add_phrase(self, text: str, description: str, *, panel_only: bool = False) -> None:
        if _YEAR.match(display_form(text).strip()):
            return  # a year on its own: every publication prints month and year
        self.phrases.add(text, description, panel_only=panel_only, ignored=self.ignored)

    def add_person(self, text: str, description: str) -> None:
        """A redacted name: the phrase, each part that identifies alone, and a title with
        each of its words ("Sgt. Smith" after "Sgt. John Smith")."""
        self.add_phrase(text, description)
        for part in name_parts(text):
            self.add_phrase(part, f"{description}: a part of the name")
        words = [w for w in _TOKEN.findall(display_form(text)) if len(w) >= 3]
        for title in titles_in(text):
            for word in words:
                if compact(word) != compact(title):
                    self.add_phrase(f"{title} {word}", f"{description}: a title with a part of the name")

    def add_reviewer(self, name: str, display_name: str | None) -> None:
        self.add_phrase(name, "a reviewer's name")
        if display_name:
            self.add_phrase(display_name, "a reviewer's name")
            parts = name_parts(display_name)
            if parts:
                self.add_phrase(parts[-1], "a reviewer's surname", panel_only=True)


def _taxonomy_labels() -> list[str]:
    """The form's own category labels ("Tribal police", "Traffic stop"): printed for every
    report, so not identifying even when a reviewer redacted the same words somewhere."""
    from workstation.intake.submission_schema import load_taxonomy, taxonomy_labels

    found: list[str] = []
    for name in load_taxonomy()["lists"]:
        found.extend(taxonomy_labels(name).values())
    return found


def _redacted_in(report_id: int) -> str:
    return f"a string redacted in report {report_id} "


def detail_of(report_id: int, description: str) -> str:
    """A redacted string's description without the words every one starts with (what the
    retention purge keeps with its hash)."""
    return description.removeprefix(_redacted_in(report_id))


def add_redacted(needles: Needles, report_id: int, document: dict[str, Any],
                 spans: Iterable[tuple[str, int, int, str]]) -> None:
    """The strings redacted in one report (`spans`: field, start, end, label of its spans
    decided 'redact'), read from its original `document`."""
    for field_name, start, end, label in spans:
        value = document.get(field_name)
        if isinstance(value, str):
            description = f"{_redacted_in(report_id)}({label})"
            if label == PERSON:
                needles.add_person(value[start:end], description)
            else:
                needles.add_phrase(value[start:end], description)


def redacted_needles(report_id: int, document: dict[str, Any],
                     spans: Iterable[tuple[str, int, int, str]]) -> list[Needle]:
    """The phrases the guard looks for because of one report's redactions, as `load_needles`
    makes them (before its original text is destroyed and they are kept hashed)."""
    needles = Needles(ignored=_taxonomy_labels())
    add_redacted(needles, report_id, document, spans)
    return needles.phrases.entries()


def load_needles(db: Database) -> Needles:
    hashed = db.query("SELECT report_id, digest, length, detail, numeric FROM retention_needles")
    key = needle_key(db) if hashed else None
    if hashed and key is None:
        raise DamagedError("The database holds hashed leak-guard phrases but not their key; "
                           "restore it from a backup.")
    needles = Needles(ignored=_taxonomy_labels(), hash_key=key)
    rows = db.query("SELECT id, submission_id, submission FROM reports")
    texts: dict[int, dict[str, Any]] = {}
    for report_id, submission_id, submission in rows:
        needles.add_phrase(submission_id, "a submission id")
        document = json.loads(submission)
        ori = document.get("ori")
        if isinstance(ori, str) and ori:
            needles.add_ori(ori)
        texts[report_id] = document
    spans: dict[int, list[tuple[str, int, int, str]]] = {}
    for report_id, field_name, start, end, label in db.query(
            "SELECT report_id, field, span_start, span_end, label FROM review_spans "
            "WHERE decision = 'redact'"):
        spans.setdefault(report_id, []).append((field_name, start, end, label))
    for report_id, found in spans.items():
        add_redacted(needles, report_id, texts.get(report_id, {}), found)
    for report_id, digest, length, detail, numeric in hashed:  # reports whose original text is gone
        needles.phrases.add_hashed(bytes(digest).hex(), int(length), _redacted_in(report_id) + detail,
                                   numeric=bool(numeric))
    for name, display in db.query("SELECT name, display_name FROM reviewers"):
        needles.add_reviewer(name, display)
    return needles


def scan(parts: Iterable[Part], needles: Needles) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()

    def found(part: Part, what: str) -> None:
        if (part.where, what) not in seen:
            seen.add((part.where, what))
            findings.append(Finding(part.where, what, part.source))

    ori_keys = needles.oris.keys()
    for part in parts:
        allowed = compact(part.allowed_ori) if part.allowed_ori else None
        for match in needles.oris.find(part.text):
            if match.needle.key != allowed:
                found(part, "an ORI held in the database" + (" (split)" if match.split else ""))
        for shape in ori_shapes(part.text):
            key = compact(shape)
            if key != allowed and key not in ori_keys:
                found(part, "a token shaped like an ORI")
        for match in phrase_matches(part.text, needles, panel=part.panel, figures=part.kind == FIGURES):
            found(part, match.needle.description)
    return findings


def phrase_matches(text: str, needles: Needles, *, panel: bool = True, figures: bool = False) -> list[Match]:
    """The needle phrases found in `text`, without those that only read across clauses."""
    matches = needles.phrases.find(text, panel=panel, figures=figures)
    if not any(m.split for m in matches):
        return matches
    return [m for m in matches if not (m.split and _reads_apart(text, m))]


def _reads_apart(text: str, match: Match) -> bool:
    """Whether a phrase found across several words of `text` is there only ordinary words of
    separate clauses: split otherwise than the phrase was written, every word a common
    English word, clause punctuation in every gap ("me. I" for "Mei"). When the text's words
    cannot be lined up with the matched ones, or the phrase is hashed: no (a finding)."""
    needle = match.needle
    if needle.key.startswith(HASHED) or not needle.words:
        return False
    matched = match_tokens(text)
    if [compact(w) for w in needle.words] == matched[match.start:match.end]:
        return False  # split as written: "Rose, Hill" for a redacted "Rose, Hill"
    plain = display_form(text)
    words = list(_WORD.finditer(plain))
    if len(words) != len(matched) or any(compact(words[i].group()) != matched[i]
                                         for i in range(match.start, match.end)):
        return False
    run = words[match.start:match.end]
    if not all(is_common_word(w.group()) for w in run):
        return False
    return all(_CLAUSE_BREAK.search(plain[a.end():b.start()]) for a, b in itertools.pairwise(run))


def guard(parts: Iterable[Part], needles: Needles) -> None:
    """Raise LeakError listing the findings, if any."""
    findings = scan(parts, needles)
    if findings:
        raise LeakError(findings)


def matched_phrases(text: str, needles: Needles) -> list[tuple[tuple[str, ...], str]]:
    """The needle phrases found in `text` (their words as written, and descriptions), for
    tools that fix what the guard would refuse (the demo's reviewers); ORIs and hashed
    phrases (their words are not known) are not included."""
    found: list[tuple[tuple[str, ...], str]] = []
    for match in phrase_matches(text, needles):
        if match.needle.key.startswith(HASHED):
            continue
        entry = (match.needle.words, match.needle.description)
        if entry not in found:
            found.append(entry)
    return found


__all__ = ["FIGURES", "TEXT", "Finding", "LeakError", "Needles", "Part", "add_redacted", "guard",
           "load_needles", "match_tokens", "phrase_matches", "scan"]
