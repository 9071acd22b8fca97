"""Measuring detection against an annotated corpus (``workstation eval``).

Corpus: JSON lines, ``{"id": str, "text": str, "spans": [{"start", "end", "label"}]}``,
end exclusive, label one of the six review labels.

Metric, token level. Tokens are the matches of ``\\w+``. A gold token is one that a gold
span overlaps; it is found when any suggestion overlaps it by at least one character,
whatever the suggestion's label. Recall = found gold tokens / gold tokens, overall and per
gold label. A suggested token is one that a suggestion overlaps; precision = suggested
tokens that are gold tokens / suggested tokens.

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

TOKEN = re.compile(r"\w+")

Span = tuple[int, int]


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


class CorpusError(ValueError):
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

    def add(self, other: Counts) -> None:
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

    def label_recall(self, label: str) -> float:
        gold = self.per_label_gold[label]
        return self.per_label_found[label] / gold if gold else 1.0


def score_document(text: str, gold: Sequence[GoldSpan], suggested: Sequence[Span]) -> Counts:
    """Token counts for one text (see the module docstring for the rules)."""
    counts = Counts()
    for tok in tokens(text):
        gold_label = next((g.label for g in gold if overlaps(tok, (g.start, g.end))), None)
        hit = any(overlaps(tok, s) for s in suggested)
        if gold_label is not None:
            counts.gold_tokens += 1
            counts.per_label_gold[gold_label] += 1
            if hit:
                counts.found_tokens += 1
                counts.per_label_found[gold_label] += 1
        if hit:
            counts.suggested_tokens += 1
            if gold_label is not None:
                counts.suggested_in_gold += 1
    return counts


@dataclass
class Result:
    counts: Counts
    chars: int
    seconds: float

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        c = self.counts
        return {
            "recall": round(c.recall, 4),
            "precision": round(c.precision, 4),
            "per_label": {
                label: {"recall": round(c.label_recall(label), 4), "gold_tokens": c.per_label_gold[label]}
                for label in LABELS
            },
            "chars_per_second": round(self.chars_per_second, 1),
        }


Analyzer = Callable[[list[str]], list[list[Span]]]


def evaluate(docs: Sequence[Document], analyze: Analyzer) -> Result:
    """Run ``analyze`` (all texts -> spans per text) once, timed, and score it."""
    texts = [d.text for d in docs]
    started = time.perf_counter()
    predicted = analyze(texts)
    seconds = time.perf_counter() - started
    total = Counts()
    for doc, spans in zip(docs, predicted, strict=True):
        total.add(score_document(doc.text, doc.spans, spans))
    return Result(total, sum(len(t) for t in texts), seconds)


def workstation_analyzer(detector) -> Analyzer:
    """Each text is one report with one field (per-report memory applies within it)."""

    def analyze(texts: list[str]) -> list[list[Span]]:
        results = detector.analyze_reports([{"text": t} for t in texts])
        return [[(s.start, s.end) for s in r["text"]] for r in results]

    return analyze


def stock_analyzer(engine) -> Analyzer:
    """Stock Presidio: every entity type that maps to one of the six labels."""
    from workstation.detect.labels import to_label

    def analyze(texts: list[str]) -> list[list[Span]]:
        out = []
        for text in texts:
            results = engine.analyze(text, language="en")
            out.append([(r.start, r.end) for r in results if to_label(r.entity_type) is not None])
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
    rows.append(("chars/s", *(f"{results[n].chars_per_second:,.0f}" for n in names)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r))
        for r in rows
    )
