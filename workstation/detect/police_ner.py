"""The NER weights fine-tuned on police narratives (issue 19), shipped in resources/ner/police
and loaded over the pinned model's own NER. Built by one command,
``python -m workstation.detect.ner_training OUT_DIR`` (seed 0, the tuning corpora only; see
resources/ner/police/training.json for the corpora's hashes). Only the NER changes: the
tagger, parser and lemmatizer, and so the context words and lemmas Presidio and our
recognizers read, stay the pinned model's.

Measured on text never used to train or choose it, the fifth corpus (held out, written
after the experiment; `workstation eval --pinned-ner` against the default): token recall
0.924 -> 0.935, precision 0.903 -> 0.909, label accuracy 0.906 -> 0.932. Retrained in stop 30
on every tuning part (1,137 texts instead of 371); over all fifteen held-out parts pooled:
recall 0.9613 -> 0.9617, precision 0.9239 -> 0.9335, label accuracy 0.9485 -> 0.9547."""

from __future__ import annotations

import hashlib

from spacy.language import Language

from workstation.errors import WorkstationError
from workstation.resources import resource_path

FOLDER = ("ner", "police")
# The committed weights (cfg, moves, model): a different file is not the measured build.
MODEL_SHA256 = "23d9d76f1e75810d12cbe7f7c806a04d798c8fded51a5ffa49db23927441be68"


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
