"""The NER weights fine-tuned on police narratives (issue 19), shipped in resources/ner/police
and loaded over the pinned model's own NER. Built by one command,
``python -m workstation.detect.ner_training OUT_DIR`` (seed 0, the tuning corpora only; see
resources/ner/police/training.json for the corpora's hashes). Only the NER changes: the
tagger, parser and lemmatizer, and so the context words and lemmas Presidio and our
recognizers read, stay the pinned model's.

Measured on text never used to train or choose it, the fifth corpus (held out, written
after the experiment; `workstation eval --pinned-ner` against the default): token recall
0.924 -> 0.935, precision 0.903 -> 0.909, label accuracy 0.906 -> 0.932."""

from __future__ import annotations

import hashlib

from spacy.language import Language

from workstation.errors import WorkstationError
from workstation.resources import resource_path

FOLDER = ("ner", "police")
# The committed weights (cfg, moves, model): a different file is not the measured build.
MODEL_SHA256 = "7ab09f9aa927f8193734ad449c5cbb43880426fc6859e9ff6f68239ef4bf9258"


class PoliceNerMismatch(WorkstationError):
    """The shipped NER weights are not the measured build (an installation problem)."""


def load_police_ner(nlp: Language) -> None:
    """Replace the pipeline's NER weights with the police ones (checked first)."""
    path = resource_path(*FOLDER)
    found = hashlib.sha256((path / "model").read_bytes()).hexdigest()
    if found != MODEL_SHA256:
        raise PoliceNerMismatch(f"The police NER weights in {path} are not the measured build "
                                f"(sha256 {found[:12]}…, expected {MODEL_SHA256[:12]}…).")
    # the folder holds the NER only: the pipeline's vocabulary stays
    nlp.get_pipe("ner").from_disk(path, exclude=["vocab"])  # type: ignore[attr-defined]
    nlp.meta["workstation_ner"] = "police"
