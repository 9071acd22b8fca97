"""Identifier detection: what the workstation suggests to redact. No Qt here.

Public API
----------
``Detector(model=DEFAULT_MODEL, workers=1, batch_size=16, score_threshold=0.4)``
    Built once per process; the spaCy model and the Presidio ``AnalyzerEngine`` are loaded
    lazily, on first use (``Detector.load()`` forces it). ``get_detector()`` returns a
    process-wide shared instance.

``Detector.analyze_text(text) -> list[Suggestion]``
    One field on its own (memory within that field only). Used to re-analyse a field on
    demand; call it from a background worker (or use submit_text), never on the GUI thread.

``Detector.analyze_fields(fields: Mapping[str, str], known_identifiers=()) -> dict[str, list[Suggestion]]``
    All free-text fields of one report. Per-report memory: once a string is an identifier
    anywhere in the report (found by a recognizer, confirmed by a reviewer, or given in a
    structured field such as the ORI: pass those as ``known_identifiers``), every other
    occurrence in all of the report's fields is flagged too, possessives included.
    ``known_identifiers`` holds strings, or ``(string, label)`` pairs.

``Detector.analyze_reports(reports: Iterable[Mapping[str, str]], known_identifiers=None, workers=None)
-> list[dict[str, list[Suggestion]]]``
    Batch analysis at import: texts go through ``nlp.pipe``; with ``workers > 1`` the
    reports are split over that many worker processes (each builds its own Detector once
    and keeps it). ``known_identifiers`` is None or one iterable per report.

``Detector.submit_text(text) -> concurrent.futures.Future[list[Suggestion]]``
    ``analyze_text`` in the detector's own background thread (one field re-analysed on
    demand without blocking the GUI).

``Detector.warm_pool()`` starts the worker processes ahead of a batch (optional);
``Detector.close()`` stops them and the background thread.

A ``Suggestion`` (suggestion.py) holds offsets, one of the six labels (labels.py), a
score and the recognizer that found it; never the text. Nothing here logs report text.
"""

from __future__ import annotations

# isort: off
from workstation.detect import offline  # noqa: F401  (must precede presidio / tldextract)
# isort: on

import logging
import multiprocessing
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

import regex as re

from workstation.detect.allow_list import GENERIC_WORDS, allowed_regions, is_generic
from workstation.detect.case_normalise import Recaser
from workstation.detect.engine import DEFAULT_MODEL, build_analyzer, load_nlp
from workstation.detect.gazetteer import single_word_places
from workstation.detect.labels import to_label
from workstation.detect.lexicon import Lexicon
from workstation.detect.suggestion import Suggestion
from workstation.detect.vocab import RANK_TITLES

log = logging.getLogger(__name__)

KnownIdentifier = str | tuple[str, str]

_WORD = re.compile(r"[\w'’]+")
_LEAD_DROP = frozenset(
    "the a an my our his her their this that these those your its then and or but so at in on "
    "of to from by with for".split()
)
_RANK_WORDS = frozenset(w for t in RANK_TITLES for w in t.split()) | {
    "officers", "deputies", "sergeants", "troopers", "detectives", "agents", "partner",
}
_PUNCT_EDGE = " \t\n,;:!?\"“”()[]{}–—/"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str
    score: float
    recognizer: str


class _Engine:
    """What one process needs to analyse text: model, analyzer, recaser."""

    def __init__(self, model: str) -> None:
        self.nlp = load_nlp(model)
        self.lexicon = Lexicon.from_nlp(self.nlp)
        self.recaser = Recaser(self.lexicon, single_word_places())
        self.analyzer, self.ner = build_analyzer(self.nlp, self.lexicon)
        self.nlp_engine = self.analyzer.nlp_engine
        self.entities = self.analyzer.get_supported_entities("en")


class Detector:
    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        workers: int = 1,
        batch_size: int = 16,
        score_threshold: float = 0.4,
        mp_context: str = "spawn",
    ) -> None:
        self.model = model
        self.workers = max(1, int(workers))
        self.batch_size = batch_size
        self.score_threshold = score_threshold
        self.mp_context = mp_context
        self._engine: _Engine | None = None
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._pool_size = 0
        self._background: ThreadPoolExecutor | None = None

    # -- loading -------------------------------------------------------------------------
    def load(self) -> Detector:
        self._get_engine()
        return self

    def _get_engine(self) -> _Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = _Engine(self.model)
                    log.info("detector loaded model %s", self.model)
        return self._engine

    # -- public API ----------------------------------------------------------------------
    def analyze_text(self, text: str) -> list[Suggestion]:
        return self.analyze_fields({"text": text})["text"]

    def analyze_fields(
        self, fields: Mapping[str, str], known_identifiers: Iterable[KnownIdentifier] = ()
    ) -> dict[str, list[Suggestion]]:
        return self._analyze_batch([dict(fields)], [list(known_identifiers)])[0]

    def analyze_reports(
        self,
        reports: Iterable[Mapping[str, str]],
        known_identifiers: Iterable[Iterable[KnownIdentifier]] | None = None,
        workers: int | None = None,
    ) -> list[dict[str, list[Suggestion]]]:
        reports = [dict(r) for r in reports]
        if known_identifiers is None:
            known = [[] for _ in reports]
        else:
            known = [list(k) for k in known_identifiers]
            if len(known) != len(reports):
                raise ValueError("known_identifiers needs one entry per report")
        workers = self.workers if workers is None else max(1, int(workers))
        if workers <= 1 or len(reports) < 2 * self.batch_size:
            return self._analyze_batch(reports, known)
        pool = self._get_pool(workers)
        size = max(self.batch_size, -(-len(reports) // (workers * 4)))
        chunks = [(reports[i : i + size], known[i : i + size]) for i in range(0, len(reports), size)]
        results: list[dict[str, list[Suggestion]]] = []
        for part in pool.map(_worker_analyze, chunks):
            results.extend({k: [Suggestion(*s) for s in v] for k, v in r.items()} for r in part)
        return results

    def submit_text(self, text: str) -> Future[list[Suggestion]]:
        """Re-analyse one field in the detector's background worker thread; the GUI
        attaches a callback to the future (results come back on the worker thread)."""
        if self._background is None:
            with self._lock:
                if self._background is None:
                    self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detect")
        return self._background.submit(self.analyze_text, text)

    def close(self) -> None:
        if self._background is not None:
            self._background.shutdown(wait=True, cancel_futures=True)
            self._background = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Detector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- batch machinery -----------------------------------------------------------------
    def _get_pool(self, workers: int) -> ProcessPoolExecutor:
        if self._pool is None or self._pool_size != workers:
            self.close()
            ctx = multiprocessing.get_context(self.mp_context)
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=ctx, initializer=_worker_init,
                initargs=(self.model, self.batch_size, self.score_threshold),
            )
            self._pool_size = workers
        return self._pool

    def warm_pool(self, workers: int | None = None) -> None:
        """Start the worker processes and load the model in each (optional)."""
        workers = self.workers if workers is None else workers
        if workers > 1:
            pool = self._get_pool(workers)
            list(pool.map(_worker_ping, range(workers * 2)))

    def _analyze_batch(
        self, reports: Sequence[dict[str, str]], known: Sequence[Sequence[KnownIdentifier]]
    ) -> list[dict[str, list[Suggestion]]]:
        engine = self._get_engine()
        # Every text, and a recased copy of those typed in ALL CAPS or lower case.
        jobs: list[tuple[int, str, str, str]] = []  # (report, field, original, recased)
        for r, fields in enumerate(reports):
            for name, text in fields.items():
                text = text or ""
                jobs.append((r, name, text, engine.recaser.recase(text)))
        # NER runs only on the sentences that can hold a name (see _ner_chunks), batched
        # through nlp.pipe; each text then gets a tokenised Doc carrying those entities.
        pieces: list[tuple[int, int, str]] = []  # (job, offset, chunk text)
        for j, (_, _, text, recased) in enumerate(jobs):
            for start, end in _ner_chunks(recased, lexicon=engine.lexicon):
                pieces.append((2 * j, start, recased[start:end]))
            if recased is not text:
                for start, end in _ner_chunks(text, changed_only=recased):
                    pieces.append((2 * j + 1, start, text[start:end]))
        found_ents: dict[int, list[tuple[int, int, str]]] = {}
        chunk_docs = engine.nlp.pipe((p[2] for p in pieces), batch_size=self.batch_size)
        for (key, offset, _), chunk_doc in zip(pieces, chunk_docs, strict=True):
            found_ents.setdefault(key, []).extend(
                (offset + e.start_char, offset + e.end_char, e.label_) for e in chunk_doc.ents
            )
        spans: dict[tuple[int, str], list[_Span]] = {}
        for j, (r, name, text, recased) in enumerate(jobs):
            doc = _doc_with_entities(engine.nlp, recased, found_ents.get(2 * j, []))
            found = self._analyze_one(engine, text, recased, doc)
            if recased is not text and found_ents.get(2 * j + 1):
                original = _doc_with_entities(engine.nlp, text, found_ents[2 * j + 1])
                found += self._ner_only(engine, text, original)
            spans[(r, name)] = found
        out: list[dict[str, list[Suggestion]]] = []
        for r, fields in enumerate(reports):
            per_field = {name: spans[(r, name)] for name in fields}
            per_field = self._apply_memory(engine, fields, per_field, known[r])
            out.append({
                name: [Suggestion(s.start, s.end, s.label, round(s.score, 3), s.recognizer)
                       for s in _merge(items)]
                for name, items in per_field.items()
            })
        return out

    def _analyze_one(self, engine: _Engine, text: str, recased: str, doc) -> list[_Span]:
        if not text.strip():
            return []
        artifacts = engine.nlp_engine.artifacts(doc)
        results = engine.analyzer.analyze(
            recased, language="en", nlp_artifacts=artifacts, score_threshold=self.score_threshold
        )
        return self._clean(engine, text, results, original_case=False)

    def _ner_only(self, engine: _Engine, text: str, doc) -> list[_Span]:
        artifacts = engine.nlp_engine.artifacts(doc)
        results = engine.ner.analyze(text, engine.entities, artifacts)
        return self._clean(
            engine, text, [r for r in results if r.score >= self.score_threshold], original_case=True
        )

    # -- cleaning ------------------------------------------------------------------------
    def _clean(self, engine: _Engine, text: str, results, original_case: bool) -> list[_Span]:
        """Labels, trimmed spans, allow-list. NER on text typed without normal casing
        (original_case) tags many ordinary words: only its uncommon words are kept."""
        allowed = allowed_regions(text)
        out: list[_Span] = []
        for res in results:
            label = to_label(res.entity_type)
            if label is None:
                continue
            meta = res.recognition_metadata or {}
            recognizer = str(meta.get("recognizer_name", "unknown"))
            explanation = getattr(res, "analysis_explanation", None)
            pattern = getattr(explanation, "pattern_name", None) if explanation else None
            who = f"{recognizer}:{pattern}" if pattern else recognizer
            from_ner = recognizer == engine.ner.name
            span = _trim(engine.lexicon, text, res.start, res.end, "PERSON" if from_ner else label)
            if span is None:
                continue
            if from_ner:
                span = _ner_words(engine.lexicon, text, *span, strict=original_case)
                if span is None:
                    continue
            start, end = span
            span = _cut_allowed(text, start, end, allowed)
            if span is None:
                continue
            start, end = span
            fragment = text[start:end]
            if is_generic(fragment):
                continue
            if label in ("PERSON", "AGENCY", "LOCATION") and not any(c.isalnum() for c in fragment):
                continue
            out.append(_Span(start, end, label, float(res.score), who))
        return out

    # -- per-report memory ---------------------------------------------------------------
    def _apply_memory(
        self,
        engine: _Engine,
        fields: Mapping[str, str],
        per_field: dict[str, list[_Span]],
        known: Sequence[KnownIdentifier],
    ) -> dict[str, list[_Span]]:
        remembered: dict[str, str] = {}  # string -> label
        acronyms: dict[str, str] = {}
        for item in known:
            value, label = (item, "") if isinstance(item, str) else (item[0], item[1])
            value = value.strip()
            if value:
                remembered.setdefault(value, label or _guess_label(value))
        for name, spans in per_field.items():
            text = fields[name] or ""
            for s in spans:
                if s.score < 0.5:
                    continue
                fragment = text[s.start : s.end].strip()
                for candidate in _memory_strings(engine.lexicon, fragment, s.label, s.score):
                    if _is_plain_word(engine.lexicon, candidate):
                        acronyms.setdefault(candidate, s.label)  # matched with its capital only
                    else:
                        remembered.setdefault(candidate, s.label)
                if s.label == "AGENCY":
                    acro = _acronym(fragment)
                    if acro:
                        acronyms.setdefault(acro, "AGENCY")
        if not remembered and not acronyms:
            return per_field
        patterns: list[tuple[re.Pattern, str, str]] = []
        for value, label in remembered.items():
            patterns.append((_occurrence_rx(value, ignore_case=True), label, value))
        for value, label in acronyms.items():
            if value not in remembered:
                patterns.append((_occurrence_rx(value, ignore_case=False), label, value))
        out: dict[str, list[_Span]] = {}
        for name, spans in per_field.items():
            text = fields[name] or ""
            added = list(spans)
            if text:
                allowed = allowed_regions(text)
                for rx, label, _ in patterns:
                    for m in rx.finditer(text):
                        start, end = m.span("v")
                        if _cut_allowed(text, start, end, allowed) != (start, end):
                            continue
                        added.append(_Span(start, end, label, 0.8, "ReportMemory"))
            out[name] = added
        return out


# -- helpers --------------------------------------------------------------------------------
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|\n+|$)")
_FIRST_WORD = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’][A-Za-z]+)?")
_MID_CAPITAL = re.compile(r"(?<=[\w,;:'’\"“”)(-]\s{1,3}|[\"“(])(?!I\b|I['’])[A-Z]")


def _ner_chunks(
    text: str, changed_only: str | None = None, lexicon: Lexicon | None = None
) -> list[tuple[int, int]]:
    """Stretches of text worth running NER on: sentences with a capital after their first
    word (the model finds almost nothing else; lower-case and ALL-CAPS passages are
    recased first). Neighbouring sentences are joined so the model keeps some context.
    With changed_only, only sentences that differ from that (recased) copy count."""
    chunks: list[list[int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        sentence = m.group()
        if not sentence.strip():
            continue
        if changed_only is not None:
            keep = changed_only[start:end] != sentence
        else:
            keep = _MID_CAPITAL.search(sentence) is not None
            if not keep and lexicon is not None:
                first = _FIRST_WORD.search(sentence)
                keep = first is not None and not lexicon.is_common(first.group())
        if not keep:
            continue
        if chunks and start - chunks[-1][1] <= 1:
            chunks[-1][1] = end
        else:
            chunks.append([start, end])
    return [(a, b) for a, b in chunks]


def _doc_with_entities(nlp, text: str, ents: list[tuple[int, int, str]]):
    from spacy.util import filter_spans

    doc = nlp.make_doc(text)
    spans = []
    for start, end, label in ents:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc

def _guess_label(value: str) -> str:
    if "@" in value or value.lower().startswith(("http", "www.")):
        return "CONTACT"
    if any(c.isdigit() for c in value):
        return "ID"
    return "PERSON"


def _occurrence_rx(value: str, ignore_case: bool) -> re.Pattern:
    body = r"\s+".join(re.escape(part) for part in value.split())
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w'’])(?P<v>{body})(?:['’]s?)?(?![\w])", flags)


def _is_plain_word(lexicon: Lexicon, value: str) -> bool:
    return " " not in value and lexicon.is_common(value) and value[:1].isupper()


def _memory_strings(lexicon: Lexicon, fragment: str, label: str, score: float = 0.0) -> list[str]:
    """Strings worth remembering from one found identifier."""
    words = _WORD.findall(fragment)
    if not words:
        return []
    out: list[str] = []
    has_digit = any(c.isdigit() for c in fragment)
    if has_digit:
        if len(fragment) >= 3:
            out.append(fragment)
        return out
    informative = [w for w in words if not lexicon.is_common(w) or lexicon.is_name(w)]
    if len(words) > 1 or (informative and len(fragment) >= 3):
        out.append(fragment)
    elif label == "PERSON" and score >= 0.8 and len(fragment) >= 3 and fragment[:1].isupper():
        out.append(fragment)  # "Lane", found after a rank: remembered with its capital
    if label == "PERSON" and len(words) > 1:
        for w in words:
            w = re.sub(r"['’]s$", "", w)
            if len(w) >= 3 and w.lower() not in _RANK_WORDS and (
                not lexicon.is_common(w) or lexicon.is_name(w) or (score >= 0.8 and w[:1].isupper())
            ):
                out.append(w)
    return out


def _acronym(fragment: str) -> str | None:
    words = [w for w in _WORD.findall(fragment) if w[:1].isupper()]
    if len(words) < 2:
        return None
    acro = "".join(w[0] for w in words)
    return acro if len(acro) >= 3 else None


def _trim(lexicon: Lexicon, text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Drop edge punctuation, leading function words and (for people) ranks and titles."""
    while start < end and text[start] in _PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE + ".-":
        if text[end - 1] == "." and _keeps_period(text, start, end):
            break
        end -= 1
    while start < end:
        m = _WORD.match(text, start)
        if m is None or m.end() > end:
            break
        low = m.group().lower().rstrip("'’")
        drop = low in _LEAD_DROP or (label == "PERSON" and (low in _RANK_WORDS or low in GENERIC_WORDS))
        if not drop or m.end() == end:
            break
        start = m.end()
        while start < end and (text[start] in _PUNCT_EDGE or text[start] == "."):
            start += 1
    # trailing function words: "Olive and I", "Good Samaritan Regional on"
    while start < end:
        last = None
        for last in _WORD.finditer(text, start, end):  # noqa: B007
            pass
        if last is None or last.start() == start or last.end() != end:
            break
        w = last.group()
        if not ((w.islower() and lexicon.is_stop(w)) or w in ("I", "My", "The")):
            break
        end = last.start()
        while end > start and text[end - 1] in " \t\n,;:&":
            end -= 1
    if end <= start:
        return None
    return start, end


def _ner_words(lexicon: Lexicon, text: str, start: int, end: int, strict: bool) -> tuple[int, int] | None:
    """Drop an NER span made only of ordinary words ("Prisoner", "uncuff"); with strict,
    also trim ordinary words off its edges ("GRABBED MY BELT", "CALVIN ODUYA DOB")."""
    words = list(_WORD.finditer(text, start, end))

    def ordinary(m) -> bool:
        w = m.group()
        if not strict and w[:1].isupper() and not w.isupper() and not _sentence_initial(text, m.start()):
            return False  # capitalised mid-sentence in normally typed text: a name
        return (lexicon.is_common(w) or lexicon.is_stop(w)) and not lexicon.is_name(w) and not any(
            c.isdigit() for c in w
        )

    if not words or all(ordinary(m) for m in words):
        return None
    if not strict:
        return start, end
    while words and ordinary(words[0]):
        words.pop(0)
    while words and ordinary(words[-1]):
        words.pop()
    return words[0].start(), words[-1].end()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“'‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def _keeps_period(text: str, start: int, end: int) -> bool:
    """'S.O.', 'St.', 'Jr.', 'J.': the period belongs to the abbreviation."""
    m = re.search(r"(?:^|[\s(])((?:\w\.)+|St\.|Jr\.|Sr\.|Co\.|Dept\.|Ave\.|Rd\.|Blvd\.|Dr\.|Ln\.)$",
                  text[start:end])
    return m is not None and len(m.group(1)) <= 6


def _cut_allowed(
    text: str, start: int, end: int, allowed: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Shrink a span so it does not begin or end inside an allow-listed phrase."""
    for a, b in allowed:
        if a <= start and end <= b:
            return None
        if a <= start < b:
            start = b
        elif a < end <= b:
            end = a
    while start < end and not (text[start].isalnum() or text[start] in "@#"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if end <= start:
        return None
    return start, end


_LABEL_PRIORITY = {"ID": 6, "CONTACT": 5, "DATE": 4, "AGENCY": 3, "LOCATION": 2, "PERSON": 1}


def _merge(spans: Iterable[_Span]) -> list[_Span]:
    """Overlapping spans become one; the label comes from the strongest of them."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[list[_Span]] = []
    bounds: list[list[int]] = []
    for s in ordered:
        if bounds and s.start < bounds[-1][1]:
            bounds[-1][1] = max(bounds[-1][1], s.end)
            merged[-1].append(s)
        else:
            bounds.append([s.start, s.end])
            merged.append([s])
    out: list[_Span] = []
    for (start, end), group in zip(bounds, merged, strict=True):
        best = max(group, key=lambda s: (s.recognizer != "ReportMemory", s.score,
                                         not s.recognizer.startswith("SpacyNer"), s.end - s.start,
                                         _LABEL_PRIORITY[s.label]))
        out.append(_Span(start, end, best.label, max(s.score for s in group), best.recognizer))
    return out


# -- worker processes ----------------------------------------------------------------------
_WORKER: Detector | None = None


def _worker_init(model: str, batch_size: int, score_threshold: float) -> None:
    global _WORKER
    _WORKER = Detector(model=model, workers=1, batch_size=batch_size, score_threshold=score_threshold)
    _WORKER.load()


def _worker_ping(_: int) -> bool:
    return _WORKER is not None


def _worker_analyze(chunk):
    reports, known = chunk
    assert _WORKER is not None
    results = _WORKER._analyze_batch(reports, known)
    return [{k: [tuple(s.to_dict().values()) for s in v] for k, v in r.items()} for r in results]


_SHARED: Detector | None = None
_SHARED_LOCK = threading.Lock()


def get_detector(model: str = DEFAULT_MODEL) -> Detector:
    """The process-wide detector (built once, model loaded on first use)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None or _SHARED.model != model:
            _SHARED = Detector(model=model)
        return _SHARED
