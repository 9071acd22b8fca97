"""Identifier detection: what the workstation suggests to redact. No Qt here.

Public API
----------
``Detector(model=DEFAULT_MODEL, workers=1, batch_size=16, score_threshold=0.4, ner_batch_size=64)``
    Built once per process; the spaCy model and the Presidio ``AnalyzerEngine`` are loaded
    lazily, on first use (``Detector.load()`` forces it). ``get_detector()`` returns a
    process-wide shared instance.

``Detector.analyze_text(text) -> list[Suggestion]``
    One field on its own (memory within that field only). Used to re-analyse a field on
    demand (`workstation reports reanalyse`); never on the GUI thread.

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
    and keeps it), in chunks cut largest first (``chunk_sizes``) so the workers end together.
    ``known_identifiers`` is None or one iterable per report.

``Detector.warm_pool()`` starts the worker processes ahead of a batch (optional);
``Detector.close()`` stops them.

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
from concurrent.futures import ProcessPoolExecutor
from typing import cast

import regex as re

from workstation.detect.agency_commands import commands_joined, numbered_commands, offices_of_places
from workstation.detect.agency_numbers import agency_numbers_joined
from workstation.detect.allow_list import allowed_regions, is_generic
from workstation.detect.bracket_names import named_in_brackets
from workstation.detect.call_sign_cues import call_signs_by_cue
from workstation.detect.caps_businesses import businesses_in_capitals
from workstation.detect.captions import captions_apart, states_of
from workstation.detect.case_law import precedents_apart
from workstation.detect.case_normalise import Recaser
from workstation.detect.case_parties import parties_are_people
from workstation.detect.court_roles import court_captions
from workstation.detect.engine import DEFAULT_MODEL, LoadedSpacyNlpEngine, build_analyzer, load_nlp
from workstation.detect.facility_parts import parts_are_not_places, store_numbers_apart
from workstation.detect.family_names import families_are_people, owners_by_given_name, plural_families
from workstation.detect.field_names import cells_apart, labels_cut_off, values_end_at_codes
from workstation.detect.foreign_sentences import foreign_guesses_apart
from workstation.detect.foreign_words import load_word_lists
from workstation.detect.form_words import form_words_apart
from workstation.detect.gazetteer import single_word_places
from workstation.detect.grow import given_before, grow
from workstation.detect.initials import initials_as_people, initials_of_named_people
from workstation.detect.label_cues import EMAIL_OR_URL, counted
from workstation.detect.labels import to_label
from workstation.detect.lexicon import Lexicon
from workstation.detect.log_speakers import crews_after_call_signs, radio_call_signs, speakers_are_call_signs
from workstation.detect.log_times import log_times_apart
from workstation.detect.lower_names import lower_case_names, speech_dropped_g
from workstation.detect.memory import KnownIdentifier, apply_memory
from workstation.detect.name_lists import people_in_lists
from workstation.detect.ner_edges import a_year, ner_edges_cut
from workstation.detect.ocr_repair import repair_ocr
from workstation.detect.people_apart import people_apart, split_people
from workstation.detect.people_stay_people import people_stay_people, person_words
from workstation.detect.plate_state import plate_state_apart
from workstation.detect.pool import worker_analyze, worker_init, worker_ping
from workstation.detect.proper_nouns import unknown_proper_nouns
from workstation.detect.public_bodies import public_bodies
from workstation.detect.recognizers.dates import HOLIDAY, MONTH_OF_A_YEAR
from workstation.detect.recognizers.fields import FIELD_VALUES
from workstation.detect.recognizers.hashtags import names_agency_or_place
from workstation.detect.recognizers.locations import vital_sign_at
from workstation.detect.recognizers.military_units import RECOGNIZER as MILITARY_UNIT
from workstation.detect.recognizers.military_units import military_unit_recognizers
from workstation.detect.recognizers.stock import is_stock
from workstation.detect.record_names import record_names_whole
from workstation.detect.relabel import relabel
from workstation.detect.roads_again import roads_said_again
from workstation.detect.sentence_split import split_at_sentences
from workstation.detect.spans import (
    COLUMN_GAP,
    RawSpan,
    cut_allowed,
    dates_apart,
    doc_with_entities,
    merge,
    names_a_title,
    ner_chunks,
    ner_words,
    split_fields,
    trim,
)
from workstation.detect.state_codes_alone import state_codes_alone
from workstation.detect.state_towns import towns_not_people, towns_of_the_state
from workstation.detect.suggestion import Suggestion
from workstation.detect.titled_names import titled_names_apart
from workstation.detect.travel_directions import directions_apart
from workstation.detect.vehicles import a_make_alone, only_a_vehicle, things_not_places, vehicle_words

log = logging.getLogger(__name__)
# each chunk of a batch takes this share of the reports left per worker (1/4), and never
# fewer than _SMALLEST_CHUNK reports
_GUIDED_SHARE = 4
_SMALLEST_CHUNK = 4


def chunk_sizes(reports: int, workers: int) -> list[int]:
    """Sizes of the chunks a batch is cut into, largest first ("guided" scheduling): the
    workers pull the next chunk when done, so the first chunks may be large, while the last
    are small and the workers finish together instead of one waiting on the other's chunk."""
    sizes: list[int] = []
    left = reports
    while left > 0:
        size = min(left, max(_SMALLEST_CHUNK, -(-left // (workers * _GUIDED_SHARE))))
        sizes.append(size)
        left -= size
    return sizes


def code_cut_off(text: str, kept: tuple[int, int] | None, whole: tuple[int, int]) -> tuple[int, int] | None:
    """The code of letters and digits NER's span ended in, when cleaning cut it off."""
    if kept is None or kept[1] >= whole[1]:
        return None
    m = _CODE.search(text, kept[1], whole[1] + 24)
    if m is None or m.start() >= whole[1]:
        return None
    return m.start(), m.end()


_CODE = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_GREETING = re.compile(rf"(?i:merry|happy)[ \t]+(?:{HOLIDAY.pattern})")
# a police rank, then one or two words, the first capitalised: a person, whatever place word
# the surname is ("Officer Down Memorial Park" is a place, "Officer Lane" a road)
_RANK_THEN_NAME = re.compile(r"(?i:officer|ofc|sgt|sergeant|lt|lieutenant|deputy|dep|det|detective|tpr|"
                             r"trooper|tfo|cpl|corporal|ptl|dusm|agent)\.?[ \t]+(?-i:\p{Lu})[\w'’-]*"
                             r"(?:[ \t]+[\w'’-]+)?$(?<!\b(?i:lane|street|st|road|rd|drive|dr|avenue|ave|way|"
                             r"court|ct|boulevard|blvd|circle|trail|highway|hwy))")
_HOLIDAY_AFTER_COMMA = re.compile(rf"[ \t]*,[ \t]*(?:{HOLIDAY.pattern})$")


def _finished(lexicon: Lexicon, text: str, spans: list[RawSpan]) -> list[Suggestion]:
    """Dates kept apart, overlaps merged, no span over a sentence end, labels from context."""
    merged = split_at_sentences(lexicon, text, merge(people_apart(text, dates_apart(text, log_times_apart(
        text, labels_cut_off(text, values_end_at_codes(text, spans)))))))
    merged = states_of(text, captions_apart(text, directions_apart(text, cells_apart(text, merged))))
    merged = roads_said_again(text, merged)
    relabelled = call_signs_by_cue(text, [relabel(text, m) for m in titled_names_apart(
        text, agency_numbers_joined(text, merged))])
    relabelled = court_captions(text, public_bodies(text, offices_of_places(text, numbered_commands(
        text, commands_joined(text, relabelled)))))
    labelled = speakers_are_call_signs(text, _people_apart_once_labelled(text, parties_are_people(
        text, relabelled)))
    labelled = people_stay_people(text, crews_after_call_signs(text, radio_call_signs(text, labelled)))
    labelled = families_are_people(lexicon, text, towns_not_people(text, labelled))
    labelled = owners_by_given_name(lexicon, text, plural_families(lexicon, text, labelled))
    # "The caller was Brown ... Terrence Brown": a colour that names a person here
    people = person_words(text, [s for s in labelled if " " in text[s.start:s.end].strip()])
    kept = [s for s in labelled
            if (names_a_title(s.recognizer, text[s.start:s.end]) or s.recognizer == FIELD_VALUES
                or not is_generic(text[s.start:s.end]))
            and not counted(text[s.start:s.end])
            and not _month_of_a_year(text, s) and not _a_hashtag(lexicon, text, s)
            and not (s.label == "LOCATION" and (vital_sign_at(text, s.start, s.end)
                                                or a_make_alone(text[s.start:s.end])))
            and not (s.label in ("LOCATION", "PERSON", "AGENCY") and (
                only_a_vehicle(text, s.start, s.end) or speech_dropped_g(lexicon, text[s.start:s.end])))
            # (a rank before a make names its holder: "Officer Ford")
            and not (s.label in ("PERSON", "AGENCY") and " " not in text[s.start:s.end]
                     and vehicle_words(text, s.start, s.end)
                     and not (s.label == "PERSON" and (text[s.start:s.end].lower() in people
                                                       or s.recognizer.startswith("TitledName"))))]
    # after the generic-word filter: "IN 448RKT" keeps its state although "in" is a word
    kept = precedents_apart(text, plate_state_apart(text, kept))
    return [Suggestion(s.start, s.end, s.label, round(s.score, 3), s.recognizer)
            for s in _described_and_listed(lexicon, text, kept)]


def _described_and_listed(lexicon: Lexicon, text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """Things described are no places, form words no names; people in lists and by initials."""
    spans = form_words_apart(lexicon, text, parts_are_not_places(text, things_not_places(
        text, store_numbers_apart(text, spans))))
    spans = foreign_guesses_apart(text, spans)
    spans = record_names_whole(lexicon, text, initials_of_named_people(lexicon, text, initials_as_people(
        text, people_in_lists(text, spans))))
    return state_codes_alone(text, spans)


def _units_over_ner(spans: list[RawSpan]) -> list[RawSpan]:
    """A military unit's designation is read whole; what NER made of its words ("BDE, DOD" a
    person) gives way."""
    units = [s for s in spans if s.recognizer.startswith(MILITARY_UNIT)]
    if not units:
        return spans
    return [s for s in spans if not (s.recognizer.startswith("SpacyNer") and any(
        u.start < s.end and s.start < u.end for u in units))]


def _a_hashtag(lexicon: Lexicon, text: str, span: RawSpan) -> bool:
    """"#lessonslearned", "#nightshift": a post's tag, no one's name (an agency's tag such as
    "#ChicagoPD" keeps its label; "#1187" is a number)."""
    if span.start == 0 or text[span.start - 1] != "#":
        return False
    fragment = text[span.start:span.end]
    if span.label in ("AGENCY", "LOCATION") and names_agency_or_place(lexicon, fragment):
        return False  # "#hpd", "#memphis": a department's or a town's tag
    return fragment[:1].isalpha() and (
        fragment.replace("_", "").isalnum() and (span.label == "PERSON" or fragment.islower()))


def _month_of_a_year(text: str, span: RawSpan) -> bool:
    """"April" of "April 2019": no name, no place (and the month and year are published)."""
    month = MONTH_OF_A_YEAR.match(text, span.start)
    return span.label != "DATE" and month is not None and month.end() == span.end


def _people_apart_once_labelled(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """"Abalos and Ng", an organisation to NER, are two people once relabelled."""
    out: list[RawSpan] = []
    for s in spans:
        pieces = split_people(text, s.start, s.end) if s.label == "PERSON" else [(s.start, s.end)]
        out += [RawSpan(a, b, s.label, s.score, s.recognizer) for a, b in pieces]
    return out


class _Engine:
    """What one process needs to analyse text: model, analyzer, recaser."""

    def __init__(self, model: str, police_ner: bool = True) -> None:
        self.nlp = load_nlp(model, police_ner=police_ner)
        self.lexicon = Lexicon.from_nlp(self.nlp)
        self.recaser = Recaser(self.lexicon, single_word_places())
        self.analyzer, self.ner = build_analyzer(self.nlp, self.lexicon)
        self.military = military_unit_recognizers()[0]
        self.nlp_engine = cast(LoadedSpacyNlpEngine, self.analyzer.nlp_engine)  # build_analyzer made it
        self.entities = self.analyzer.get_supported_entities("en")
        load_word_lists()  # the Spanish, Portuguese and French everyday words (foreign_words.py)


class Detector:
    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        workers: int = 1,
        batch_size: int = 16,
        score_threshold: float = 0.4,
        mp_context: str = "spawn",
        ner_batch_size: int = 64,
        police_ner: bool = True,
    ) -> None:
        self.model = model
        self.police_ner = police_ner
        self.workers = max(1, int(workers))
        self.batch_size = batch_size
        self.score_threshold = score_threshold
        self.mp_context = mp_context
        # sentences per nlp.pipe batch: NER runs about a quarter faster with 64 than with 16
        # (the same entities: tests/detect/test_speed_identity.py)
        self.ner_batch_size = max(1, int(ner_batch_size))
        self._engine: _Engine | None = None
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._pool_size = 0

    # -- loading -------------------------------------------------------------------------
    def load(self) -> Detector:
        self._get_engine()
        return self

    def _get_engine(self) -> _Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = _Engine(self.model, self.police_ner)
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
        fields = [dict(r) for r in reports]
        known: list[list[KnownIdentifier]]
        if known_identifiers is None:
            known = [[] for _ in fields]
        else:
            known = [list(k) for k in known_identifiers]
            if len(known) != len(fields):
                raise ValueError("known_identifiers needs one entry per report")
        workers = self.workers if workers is None else max(1, int(workers))
        if workers <= 1 or len(fields) < 2 * self.batch_size:
            return self._analyze_batch(fields, known)
        pool = self._get_pool(workers)
        chunks, start = [], 0
        for size in chunk_sizes(len(fields), workers):
            chunks.append((fields[start : start + size], known[start : start + size]))
            start += size
        results: list[dict[str, list[Suggestion]]] = []
        for part in pool.map(worker_analyze, chunks):
            results.extend({k: [Suggestion(*s) for s in v] for k, v in r.items()} for r in part)
        return results

    def close(self) -> None:
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
                max_workers=workers, mp_context=ctx, initializer=worker_init,
                initargs=(self.model, self.batch_size, self.score_threshold, self.ner_batch_size,
                          self.police_ner),
            )
            self._pool_size = workers
        return self._pool

    def warm_pool(self, workers: int | None = None) -> None:
        """Start the worker processes and load the model in each (optional)."""
        workers = self.workers if workers is None else workers
        if workers > 1:
            pool = self._get_pool(workers)
            # until every worker has answered: pings answered by the first worker to load
            # would leave the others loading their model inside the first batch
            seen: set[int] = set()
            for _ in range(50):
                seen.update(pool.map(worker_ping, range(workers * 2)))
                if len(seen) >= workers:
                    break

    def _analyze_batch(
        self, reports: Sequence[dict[str, str]], known: Sequence[Sequence[KnownIdentifier]]
    ) -> list[dict[str, list[Suggestion]]]:
        engine = self._get_engine()
        # A text read by OCR with digits for letters is analysed repaired: same length, so
        # every suggestion still points at the reviewer's characters (ocr_repair.py).
        written = reports
        reports = [{name: repair_ocr(engine.lexicon, text or "") for name, text in fields.items()}
                   for fields in reports]
        # Every text, and a recased copy of those typed in ALL CAPS or lower case.
        jobs: list[tuple[int, str, str, str]] = []  # (report, field, original, recased)
        for r, fields in enumerate(reports):
            for name, text in fields.items():
                jobs.append((r, name, text, engine.recaser.recase(text)))
        # NER runs only on the sentences that can hold a name (see ner_chunks), batched
        # through nlp.pipe; each text then gets a tokenised Doc carrying those entities.
        pieces: list[tuple[int, int, str]] = []  # (job, offset, chunk text)
        for j, (_, _, text, recased) in enumerate(jobs):
            for start, end in ner_chunks(recased, lexicon=engine.lexicon):
                pieces.append((2 * j, start, recased[start:end]))
            if recased is not text:
                for start, end in ner_chunks(text, changed_only=recased):
                    pieces.append((2 * j + 1, start, text[start:end]))
        found_ents: dict[int, list[tuple[int, int, str]]] = {}
        chunk_docs = engine.nlp.pipe((p[2] for p in pieces), batch_size=self.ner_batch_size)
        for (key, offset, _), chunk_doc in zip(pieces, chunk_docs, strict=True):
            found_ents.setdefault(key, []).extend(
                (offset + e.start_char, offset + e.end_char, e.label_) for e in chunk_doc.ents
            )
        spans: dict[tuple[int, str], list[RawSpan]] = {}
        # allow-listed regions of each field, found once for cleaning and report memory
        allowed: dict[tuple[int, str], list[tuple[int, int]]] = {}
        for j, (r, name, text, recased) in enumerate(jobs):
            allowed[(r, name)] = regions = allowed_regions(text)
            doc = doc_with_entities(engine.nlp, recased, found_ents.get(2 * j, []))
            found = self._analyze_one(engine, text, recased, doc, regions)
            if recased is not text and found_ents.get(2 * j + 1):
                original = doc_with_entities(engine.nlp, text, found_ents[2 * j + 1])
                found += self._ner_only(engine, text, original, regions)
            found += self._stock_as_written(engine, written[r][name] or "", text)
            if recased is not text:  # a unit's letters mean it only as written: "B CO, 1-8 IN, 3 ABCT"
                found += self._clean(engine, text, engine.military.analyze(text, ["AGENCY"]), regions,
                                     original_case=True)
            found = _units_over_ner(found)
            found += unknown_proper_nouns(engine.lexicon, text, found, regions)  # the last net
            found += towns_of_the_state(engine.lexicon, text, found, regions)
            found = businesses_in_capitals(engine.lexicon, text, found, regions)
            # a record's "SURNAME, GIVEN" and a name in brackets before memory, so that the
            # surname alone and the name's other mentions are the person's too
            found = named_in_brackets(text, grow(engine.lexicon, text, found))
            found = lower_case_names(engine.lexicon, text, found)
            spans[(r, name)] = record_names_whole(engine.lexicon, text, found)
        out: list[dict[str, list[Suggestion]]] = []
        for r, fields in enumerate(reports):
            per_field = {name: spans[(r, name)] for name in fields}
            per_field = apply_memory(engine.lexicon, fields, per_field, known[r],
                                     allowed={name: allowed[(r, name)] for name in fields})
            per_field = {name: given_before(engine.lexicon, fields[name], items)
                         for name, items in per_field.items()}
            out.append({name: _finished(engine.lexicon, fields[name], items)
                        for name, items in per_field.items()})
        return out

    def _analyze_one(self, engine: _Engine, text: str, recased: str, doc,
                     allowed: list[tuple[int, int]]) -> list[RawSpan]:
        if not text.strip():
            return []
        artifacts = engine.nlp_engine.artifacts(doc)
        results = engine.analyzer.analyze(
            recased, language="en", nlp_artifacts=artifacts, score_threshold=0.0
        )
        return self._clean(engine, text, results, allowed, original_case=False,
                           recased=recased if recased is not text else None)

    def _stock_as_written(self, engine: _Engine, written: str, text: str) -> list[RawSpan]:
        """Where OCR repair changed the text, stock Presidio's own patterns read it as written
        too ("l9", "O645"): whatever stock Presidio finds, the workstation finds."""
        if written == text:
            return []
        hits = [hit for recognizer in engine.analyzer.registry.recognizers if is_stock(recognizer.name)
                for hit in recognizer.analyze(written, recognizer.supported_entities, None) or []]  # type: ignore[arg-type]
        return self._clean(engine, text, hits, allowed_regions(written), original_case=True)

    def _ner_only(self, engine: _Engine, text: str, doc, allowed: list[tuple[int, int]]) -> list[RawSpan]:
        artifacts = engine.nlp_engine.artifacts(doc)
        results = engine.ner.analyze(text, engine.entities, artifacts)
        return self._clean(
            engine, text, [r for r in results if r.score >= self.score_threshold], allowed,
            original_case=True,
        )

    # -- cleaning ------------------------------------------------------------------------
    def _clean(self, engine: _Engine, text: str, results, allowed: list[tuple[int, int]],
               original_case: bool, recased: str | None = None) -> list[RawSpan]:
        """Labels, trimmed spans, allow-list (``allowed``: allowed_regions of the text). NER
        on text typed without normal casing (original_case) tags many ordinary words: only
        its uncommon words are kept."""
        out: list[RawSpan] = []
        for res in results:
            label = to_label(res.entity_type)
            if label is None:
                continue
            meta = res.recognition_metadata or {}
            recognizer = str(meta.get("recognizer_name", "unknown"))
            # Presidio's own recognizers count at any score: stock Presidio returns them all.
            if res.score < self.score_threshold and not is_stock(recognizer):
                continue
            explanation = getattr(res, "analysis_explanation", None)
            pattern = getattr(explanation, "pattern_name", None) if explanation else None
            who = f"{recognizer}:{pattern}" if pattern else recognizer
            from_ner = recognizer == engine.ner.name
            # a value its field names is what the field says: it keeps its words ("POB/OH" is Ohio,
            # "unit: W21" no witness 21), whatever the allow-list and the generic words say
            by_field = recognizer == FIELD_VALUES
            if from_ner:
                # NER runs over the separators of CAD notes ("GLADYS PEEBLES / CB 303-..."):
                # each field between them is judged on its own
                pieces = [(a, b) for a, b in split_fields(text, res.start, res.end)]
            elif label == "PERSON":
                pieces = split_people(text, res.start, res.end)  # "Haley Brooks and Sam Okoro"
            elif COLUMN_GAP.search(text, res.start, res.end) and not is_stock(recognizer):
                continue  # "Sgt. W. Nakamura  Reviewed 03": over a form's columns, one thing in neither
                # (stock Presidio's findings are kept whatever they span: never below stock)
            else:
                pieces = [(res.start, res.end)]
            for a, b in pieces:
                span = (a, b) if by_field and label != "PERSON" else trim(  # (a person's rank is trimmed)
                    engine.lexicon, text, a, b, "PERSON" if from_ner else label)
                if span is not None and from_ner:
                    span = ner_edges_cut(text, *span, label)
                if span is not None and from_ner:
                    whole = span
                    span = ner_words(engine.lexicon, text, *span, strict=original_case, recased=recased)
                    code = code_cut_off(text, span, whole)
                    if code is not None:  # "Nevada 448-TKV": the place, and the plate as a number
                        out.append(RawSpan(*code, "ID", float(res.score), who))
                # "Officer Major": ranks are allow-listed, a rank that is the name is not
                title_as_name = span is not None and names_a_title(who, text[span[0]:span[1]])
                cut_short = False
                whole_contact = label == "CONTACT" and span is not None and EMAIL_OR_URL.search(
                    text, span[0], span[1]) is not None
                if span is not None and not title_as_name and not by_field and not whole_contact:
                    # (an e-mail or a web address is one word: "dispatch@...", ".../units/")
                    cut = cut_allowed(text, *span, allowed)
                    if cut is not None and cut != span:  # "ID'D AS DARNELL YOUNG": "AS" goes too
                        cut_short = True
                        cut = trim(engine.lexicon, text, *cut, "PERSON" if from_ner else label)
                    span = cut
                if span is None:
                    continue
                start, end = span
                fragment = text[start:end]
                if label == "CONTACT" and cut_short and fragment.isdigit() and len(fragment) in (6, 8):
                    continue  # a phone cut short by the allow-list ("061525 1412 CST": a date, a time)
                if (is_generic(fragment) and not title_as_name and not by_field) or (
                        from_ner and a_year(fragment)):
                    continue  # (NER's "2015" of "a 2015 Ford" is the model year, no place)
                if label in ("PERSON", "AGENCY", "LOCATION") and (
                        not any(c.isalnum() for c in fragment) or HOLIDAY.fullmatch(fragment)
                        or _GREETING.fullmatch(fragment)):
                    continue  # "New Year's Eve" is no place (with a year it is a date)
                if label == "LOCATION" and not from_ner and _RANK_THEN_NAME.fullmatch(fragment) and (
                        not recognizer.startswith("Gazetteer")):  # ("Sergeant Bluff" is a town in Iowa)
                    continue  # "TFO Park", "Sgt. Lake": an officer by a surname that is a place's word
                holiday = _HOLIDAY_AFTER_COMMA.search(fragment) if from_ner else None
                if holiday is not None:  # NER's "Highland, Christmas Day": the place, then the day
                    end = start + holiday.start()
                    fragment = text[start:end]
                out.append(RawSpan(start, end, label, float(res.score), who))
        return out

    # -- per-report memory ---------------------------------------------------------------


_SHARED: Detector | None = None
_SHARED_LOCK = threading.Lock()


def get_detector(model: str = DEFAULT_MODEL) -> Detector:
    """The process-wide detector (built once, model loaded on first use)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None or _SHARED.model != model:
            _SHARED = Detector(model=model)
        return _SHARED
