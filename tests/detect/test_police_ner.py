"""The police NER (issue 19): the shipped weights are the measured build, a changed file is
refused with one clear message, and the training never reads a held-out corpus. Its gain is
measured in the corpus tests (the held-out parts) and the note, not here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from workstation.detect import police_ner
from workstation.detect.engine import DEFAULT_MODEL
from workstation.detect.ner_training import TUNING_CORPORA, chunk_example
from workstation.resources import resource_path

SHIPPED = resource_path(*police_ner.FOLDER)


def test_the_shipped_weights_are_the_measured_build_and_record_their_training():
    info = json.loads((SHIPPED / "training.json").read_text(encoding="utf-8"))
    assert info["model_sha256"] == police_ner.MODEL_SHA256
    assert set(info["training"]["corpora_sha256"]) == set(TUNING_CORPORA)


def test_training_reads_tuning_corpora_only():
    names = " ".join(str(p) for p in TUNING_CORPORA.values()).lower()
    assert "hold" not in names and "external" not in names and "presidio" not in names


def test_loading_replaces_the_ner_weights_only():
    pinned, police = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    police_ner.load_police_ner(police)
    assert police.meta["workstation_ner"] == "police"
    def weights(nlp: spacy.language.Language, name: str) -> bytes:
        return nlp.get_pipe(name).to_bytes(exclude=["vocab"])

    assert weights(pinned, "ner") != weights(police, "ner")
    for name in ("tok2vec", "tagger", "parser", "lemmatizer"):  # lemmas and tags stay the pinned ones
        assert weights(pinned, name) == weights(police, name)


def test_changed_weights_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    copy = tmp_path / "ner" / "police"
    shutil.copytree(SHIPPED, copy)
    data = bytearray((copy / "model").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "model").write_bytes(bytes(data))
    monkeypatch.setattr(police_ner, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    nlp = spacy.load(DEFAULT_MODEL)
    with pytest.raises(police_ner.PoliceNerMismatch, match="not the measured build"):
        police_ner.load_police_ner(nlp)
    assert "workstation_ner" not in nlp.meta


def test_a_training_example_teaches_names_and_keeps_the_models_other_entities():
    nlp = spacy.load(DEFAULT_MODEL)
    text = "On Tuesday Ofc. Ngata drove 30 miles to Kalispell with the Flathead County Sheriff."
    gold = [(text.index("Ngata"), text.index("Ngata") + 5, "PERSON"),
            (text.index("Kalispell"), text.index("Kalispell") + 9, "LOCATION"),
            (text.index("Flathead"), text.index("Sheriff") + 7, "AGENCY")]
    example = chunk_example(nlp, nlp(text), gold)
    taught = {(e.text, e.label_) for e in example.reference.ents}
    assert ("Ngata", "PERSON") in taught and ("Flathead County Sheriff", "ORG") in taught
    assert any(t == "Kalispell" and label in ("GPE", "LOC", "FAC") for t, label in taught)
    assert ("Tuesday", "DATE") in taught  # what the detector ignores keeps the model's own label
