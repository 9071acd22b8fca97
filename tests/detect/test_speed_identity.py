"""The detector's shortcuts for speed (issue 19) find exactly what the long way finds: the
linear per-recognizer context pass, the lazily computed keyword list with set membership,
the NER batch size, the allowed regions handed to the report memory, and the first-word
prefilter of a regex pattern. No timing here: speed is measured in benchmarks/bench_detect.py."""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import AnalyzerEngine, EntityRecognizer
from presidio_analyzer.nlp_engine import NlpArtifacts

from benchmarks.bench_detect import narrative
from workstation.detect.allow_list import allowed_regions
from workstation.detect.detector import Detector
from workstation.detect.engine import FastAnalyzerEngine
from workstation.detect.memory import apply_memory
from workstation.detect.recognizers.base import CI, RegexRecognizer, Rx, ascii_words
from workstation.detect.recognizers.chains import CHAINS_LOWER
from workstation.detect.recognizers.shapes import shape_recognizers
from workstation.detect.spans import RawSpan, doc_with_entities

TEXTS = [
    "On March 3rd Ofc. Tran and I stopped a gray Dodge Charger on Route 9 near the Walmart; "
    "the plate came back 7KRT482, registered to Lyle Bannister of Dunmore, PA. Call (570) 555-0142.",
    "k9 rex alerted on the trunk at the shell station on cr 118. dispatch advised polk co so was enroute.",
    "My partner Dana Whitfield (badge 4471) took the report, case 2024-001337, at 1532 Pierce.",
    "Ms. José Núñez met us at the 7-Eleven on Calle Ocho; McDonald\u2019s was closed. Zoë's Café too.",
    "",
]


def _key(results) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6),
                   r.recognition_metadata.get("recognizer_name")) for r in results)


@pytest.fixture(scope="module")
def engine(detector: Detector):
    return detector._get_engine()


def test_fast_analyzer_equals_presidio_analyzer(engine) -> None:
    fast = engine.analyzer
    assert isinstance(fast, FastAnalyzerEngine)
    stock = AnalyzerEngine(registry=fast.registry, nlp_engine=fast.nlp_engine, supported_languages=["en"],
                           context_aware_enhancer=fast.context_aware_enhancer)
    texts = [t for t in TEXTS if t] + [narrative(random.Random(seed), 1500) for seed in range(3)]
    for text in texts:
        doc = doc_with_entities(engine.nlp, text, [(e.start_char, e.end_char, e.label_)
                                                   for e in engine.nlp(text).ents])
        ours = fast.analyze(text, language="en", nlp_artifacts=engine.nlp_engine.artifacts(doc),
                            score_threshold=0.0)
        theirs = stock.analyze(text, language="en", nlp_artifacts=engine.nlp_engine.artifacts(doc),
                               score_threshold=0.0)
        # ours hands back the results before Presidio drops the contained ones (the detector
        # merges overlaps itself, after cleaning): dropped the same way, they are Presidio's
        assert _key(EntityRecognizer.remove_duplicates(ours)) == _key(theirs)
        assert any(r.score > 0 for r in ours)


def test_a_pattern_inside_ner_is_kept_for_the_detector_to_weigh(engine) -> None:
    text = "me: circle k on broad st"  # lower case: NER's "circle k" is dropped when cleaned
    found = engine.analyzer.analyze(text, language="en", score_threshold=0.0)
    assert any(r.recognition_metadata.get("recognizer_name") == "RoadShapeRecognizer"
               and text[r.start:r.end] == "circle k" for r in found)


def test_artifacts_keep_presidio_keywords(engine) -> None:
    for text in TEXTS:
        doc = engine.nlp.make_doc(text)
        artifacts = engine.nlp_engine.artifacts(doc)
        assert artifacts.lemmas == [t.lemma_ or t.lower_ for t in doc]
        assert artifacts.tokens_indices == [t.idx for t in doc]
        expected = NlpArtifacts.set_keywords(engine.nlp_engine, artifacts.lemmas, "en")
        assert list(artifacts.keywords) == expected
        for word in {*expected, "the", "zzz-not-there", ""}:
            assert (word in artifacts.keywords) == (word in expected)


def test_ner_batch_size_does_not_change_suggestions() -> None:
    reports = [{"narrative": narrative(random.Random(seed))} for seed in range(6)] + [
        {"a": t, "b": t.upper()} for t in TEXTS]
    one = Detector(ner_batch_size=1).analyze_reports(reports)
    many = Detector(ner_batch_size=256).analyze_reports(reports)
    assert one == many
    assert sum(len(v) for r in many for v in r.values()) > 50


def test_memory_with_given_regions_equals_memory_finding_them(engine) -> None:
    fields = {"a": "Dodge Charger seen by Glock owner Tran. Tran's Glock 17 was holstered.",
              "b": "Later Tran drove the Charger to the Glock range."}
    start = fields["a"].index("Tran")
    spans = {"a": [RawSpan(start, start + 4, "PERSON", 0.9, "T")], "b": []}
    given = {name: allowed_regions(text) for name, text in fields.items()}
    assert given["a"] and given["b"]
    found = apply_memory(engine.lexicon, fields, spans, ["Charger"])
    assert found == apply_memory(engine.lexicon, fields, spans, ["Charger"], allowed=given)
    assert len(found["b"]) == 1  # "Tran" remembered; "Charger" is allow-listed
    # the given regions are the ones used: with none, "Charger" is flagged too
    assert len(apply_memory(engine.lexicon, fields, spans, ["Charger"], allowed={"a": [], "b": []})["b"]) == 2


def test_ascii_words() -> None:
    assert ascii_words("At the 7-Eleven, Buc-ee's and SHELL_1") == frozenset(
        {"at", "the", "7", "eleven", "buc", "ee", "s", "and", "shell_1"})
    assert ascii_words("Zoë") is None


def test_first_word_prefilter_finds_what_the_pattern_finds(engine) -> None:
    [road] = [r for r in shape_recognizers(engine.lexicon) if r.name == "RoadShapeRecognizer"]
    [chain] = [rx for rx in road.rx if rx.name == "chain"]
    assert chain.first is not None
    plain = RegexRecognizer("Plain", "LOCATION", [Rx("chain", chain.regex, chain.score, chain.flags,
                                                     refine=chain.refine)])
    texts = TEXTS + [f"met him at the {c} after" for c in CHAINS_LOWER] + [
        f"met him at the {c.upper()} after" for c in CHAINS_LOWER] + [
        "at the home depot and the HOME\tDEPOT, not at homedepot or the 7-elevens"]
    hits = 0
    for text in texts:
        ours = [(r.start, r.end) for r in road.analyze(text, ["LOCATION"]) if
                r.analysis_explanation.pattern_name == "chain"]
        theirs = [(r.start, r.end) for r in plain.analyze(text, ["LOCATION"])]
        assert ours == theirs
        hits += len(ours)
    assert hits >= len(CHAINS_LOWER)


def test_first_words_skip_only_ascii_texts_without_them() -> None:
    rec = RegexRecognizer("R", "X", [Rx("r", r"(?<!\w)(?i:foo)(?!\w)", 0.5, CI, first_words={"foo"})])
    assert [(r.start, r.end) for r in rec.analyze("a FOO b", ["X"])] == [(2, 5)]
    assert rec.analyze("a bar b", ["X"]) == []
    # not ASCII: searched whatever its words (case-insensitive matching goes beyond lower())
    assert [(r.start, r.end) for r in rec.analyze("ça fOo", ["X"])] == [(3, 6)]
