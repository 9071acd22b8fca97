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
recall 0.9613 -> 0.9617, precision 0.9239 -> 0.9335, label accuracy 0.9485 -> 0.9547.
Retrained in stop 44 on the tuning parts of styles3 to styles47 (2,787 texts; same seed,
epochs and rates): over the 47 held-out parts pooled, recall 0.9625 -> 0.9662, precision
0.9325 -> 0.9381, label accuracy 0.9570 -> 0.9614; on the held-out parts of styles48 and
styles49, whose texts it never read, recall and precision rose on both, label accuracy on
styles49 only (0.9452 -> 0.9512; styles48 0.9489 -> 0.9478)."""

from __future__ import annotations

import hashlib

from spacy.language import Language

from workstation.errors import WorkstationError
from workstation.resources import resource_path

FOLDER = ("ner", "police")
# The committed weights (cfg, moves, model): a different file is not the measured build.
MODEL_SHA256 = "96969898193c77899ab432fb129bc411af46a95e1152929fcd0ecdd42fad7d79"


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
