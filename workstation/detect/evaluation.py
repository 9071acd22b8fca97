"""Measuring detection against an annotated corpus (``workstation eval``).

Corpus: JSON lines, ``{"id": str, "text": str, "spans": [{"start", "end", "label"}]}``,
end exclusive, label one of the six review labels.

Metric, token level. Tokens are the matches of ``\\w+``. A gold token is one that a gold
span overlaps; it is found when any suggestion overlaps it by at least one character,
whatever the suggestion's label. Recall = found gold tokens / gold tokens, overall and per
gold label. A suggested token is one that a suggestion overlaps; precision = suggested
tokens that are gold tokens / suggested tokens. Label accuracy = found gold tokens that a
suggestion with the gold label overlaps / found gold tokens (a wrong label is a wrong
placeholder in the published text). A miss is a gold span with at least one token not
found; ``Result.misses`` lists them for ``format_misses``.

Pure functions, except ``run_workstation`` / ``run_baseline`` which load models.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workstation.detect.labels import LABELS
from workstation.errors import InputError

TOKEN = re.compile(r"\w+")

Span = tuple[int, int]
# A suggestion: (start, end) or (start, end, label); labels are needed for label accuracy.
Suggested = tuple[int, int] | tuple[int, int, str]


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    spans: tuple[GoldSpan, ...]


class CorpusError(InputError):
    """A corpus line that does not follow the format."""


def parse_corpus(lines: Iterable[str]) -> list[Document]:
    docs: list[Document] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            text = data["text"]
            spans = tuple(
                GoldSpan(int(s["start"]), int(s["end"]), str(s["label"])) for s in data.get("spans", [])
            )
            doc = Document(str(data.get("id", number)), text, spans)
        except (ValueError, KeyError, TypeError) as error:
            raise CorpusError(f"line {number}: {error}") from error
        for s in spans:
            if s.label not in LABELS:
                raise CorpusError(f"line {number}: unknown label {s.label!r}")
            if not (0 <= s.start < s.end <= len(text)):
                raise CorpusError(f"line {number}: span {s.start}-{s.end} outside the text")
        docs.append(doc)
    return docs


def load_corpus(path: str | Path) -> list[Document]:
    with open(path, encoding="utf-8") as handle:
        return parse_corpus(handle)


def tokens(text: str) -> list[Span]:
    return [m.span() for m in TOKEN.finditer(text)]


def overlaps(a: Span, b: Span) -> bool:
    """At least one character in common (ends exclusive)."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Counts:
    gold_tokens: int = 0
    found_tokens: int = 0
    suggested_tokens: int = 0
    suggested_in_gold: int = 0
    per_label_gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    per_label_found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    labelled_found: int = 0  # found gold tokens whose suggestions carry labels
    label_correct: int = 0  # ... of which a suggestion carries the gold label

    def add(self, other: Counts) -> None:
        self.labelled_found += other.labelled_found
        self.label_correct += other.label_correct
        self.gold_tokens += other.gold_tokens
        self.found_tokens += other.found_tokens
        self.suggested_tokens += other.suggested_tokens
        self.suggested_in_gold += other.suggested_in_gold
        for label in LABELS:
            self.per_label_gold[label] += other.per_label_gold[label]
            self.per_label_found[label] += other.per_label_found[label]

    @property
    def recall(self) -> float:
        return self.found_tokens / self.gold_tokens if self.gold_tokens else 1.0

    @property
    def precision(self) -> float:
        return self.suggested_in_gold / self.suggested_tokens if self.suggested_tokens else 1.0

    @property
    def label_accuracy(self) -> float | None:
        """None when the analyzer gave no labels."""
        return self.label_correct / self.labelled_found if self.labelled_found else None

    def label_recall(self, label: str) -> float:
        gold = self.per_label_gold[label]
        return self.per_label_found[label] / gold if gold else 1.0


def score_document(text: str, gold: Sequence[GoldSpan], suggested: Sequence[Suggested]) -> Counts:
    """Token counts for one text (see the module docstring for the rules)."""
    counts = Counts()
    for tok in tokens(text):
        gold_label = next((g.label for g in gold if overlaps(tok, (g.start, g.end))), None)
        over = [s for s in suggested if overlaps(tok, (s[0], s[1]))]
        hit = bool(over)
        if gold_label is not None:
            counts.gold_tokens += 1
            counts.per_label_gold[gold_label] += 1
            if hit:
                counts.found_tokens += 1
                counts.per_label_found[gold_label] += 1
                labels = [s[2] for s in over if len(s) > 2]
                if labels:
                    counts.labelled_found += 1
                    counts.label_correct += gold_label in labels
        if hit:
            counts.suggested_tokens += 1
            if gold_label is not None:
                counts.suggested_in_gold += 1
    return counts


@dataclass(frozen=True)
class Miss:
    """A gold span with at least one token that no suggestion overlaps."""

    doc_id: str
    label: str
    surface: str
    missed: tuple[str, ...]  # the tokens not found
    found_as: str | None  # label of a suggestion over its found tokens, if any


def find_misses(doc: Document, suggested: Sequence[Suggested]) -> list[Miss]:
    out: list[Miss] = []
    for g in doc.spans:
        toks = [t for t in tokens(doc.text) if overlaps(t, (g.start, g.end))]
        missed = [t for t in toks if not any(overlaps(t, (s[0], s[1])) for s in suggested)]
        if not missed:
            continue
        other = [s for s in suggested if overlaps((g.start, g.end), (s[0], s[1])) and len(s) > 2]
        out.append(Miss(doc.id, g.label, doc.text[g.start:g.end],
                        tuple(doc.text[a:b] for a, b in missed), other[0][2] if other else None))
    return out


def find_mislabels(doc: Document, suggested: Sequence[Suggested]) -> list[tuple[str, str, str, str]]:
    """(doc id, gold label, surface, suggested label) for found gold spans with no
    suggestion carrying their label."""
    out = []
    for g in doc.spans:
        over = [s for s in suggested if overlaps((g.start, g.end), (s[0], s[1])) and len(s) > 2]
        if over and not any(s[2] == g.label for s in over):
            out.append((doc.id, g.label, doc.text[g.start:g.end], over[0][2]))
    return out


@dataclass
class Result:
    counts: Counts
    chars: int
    seconds: float
    misses: list[Miss] = field(default_factory=list)
    mislabels: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        c = self.counts
        return {
            "recall": round(c.recall, 4),
            "precision": round(c.precision, 4),
            "label_accuracy": None if c.label_accuracy is None else round(c.label_accuracy, 4),
            "per_label": {
                label: {"recall": round(c.label_recall(label), 4), "gold_tokens": c.per_label_gold[label]}
                for label in LABELS
            },
            "chars_per_second": round(self.chars_per_second, 1),
        }


Analyzer = Callable[[list[str]], list[list[Suggested]]]


def evaluate(docs: Sequence[Document], analyze: Analyzer) -> Result:
    """Run ``analyze`` (all texts -> spans per text) once, timed, and score it."""
    texts = [d.text for d in docs]
    started = time.perf_counter()
    predicted = analyze(texts)
    seconds = time.perf_counter() - started
    result = Result(Counts(), sum(len(t) for t in texts), seconds)
    for doc, spans in zip(docs, predicted, strict=True):
        result.counts.add(score_document(doc.text, doc.spans, spans))
        result.misses.extend(find_misses(doc, spans))
        result.mislabels.extend(find_mislabels(doc, spans))
    return result


def workstation_analyzer(detector) -> Analyzer:
    """Each text is one report with one field (per-report memory applies within it)."""

    def analyze(texts: list[str]) -> list[list[Suggested]]:
        results = detector.analyze_reports([{"text": t} for t in texts])
        return [[(s.start, s.end, s.label) for s in r["text"]] for r in results]

    return analyze


def stock_analyzer(engine) -> Analyzer:
    """Stock Presidio: every entity type that maps to one of the six labels."""
    from workstation.detect.labels import to_label

    def analyze(texts: list[str]) -> list[list[Suggested]]:
        out: list[list[Suggested]] = []
        for text in texts:
            results = engine.analyze(text, language="en")
            labelled = [(r.start, r.end, to_label(r.entity_type)) for r in results]
            out.append([(a, b, label) for a, b, label in labelled if label is not None])
        return out

    return analyze


def format_table(results: dict[str, Result]) -> str:
    names = list(results)
    rows = [("", *names)]
    rows.append(("recall", *(f"{results[n].counts.recall:.3f}" for n in names)))
    for label in LABELS:
        gold = next(iter(results.values())).counts.per_label_gold[label]
        rows.append((f"  {label} ({gold} tokens)",
                     *(f"{results[n].counts.label_recall(label):.3f}" for n in names)))
    rows.append(("precision", *(f"{results[n].counts.precision:.3f}" for n in names)))
    rows.append(("label accuracy", *(_fmt(results[n].counts.label_accuracy) for n in names)))
    rows.append(("chars/s", *(f"{results[n].chars_per_second:,.0f}" for n in names)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r))
        for r in rows
    )


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_misses(result: Result) -> str:
    """One line per missed gold span, then the found spans carrying a wrong label."""
    lines = [f"{len(result.misses)} missed gold spans (document, label, text, tokens missed):"]
    for m in result.misses:
        tail = f" (rest found as {m.found_as})" if m.found_as else ""
        lines.append(f"  {m.doc_id}\t{m.label}\t{m.surface!r}\t{' '.join(m.missed)}{tail}")
    lines.append(f"{len(result.mislabels)} found gold spans with a wrong label "
                 "(document, gold, text, given):")
    lines.extend(f"  {d}\t{g}\t{t!r}\t{given}" for d, g, t, given in result.mislabels)
    return "\n".join(lines)
