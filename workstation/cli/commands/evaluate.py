"""eval: measure identifier detection on an annotated corpus (token recall and precision)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workstation.errors import ExitCode, FileSystemError, InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="measure identifier detection on an annotated corpus",
        description="Score the workstation's identifier suggestions on CORPUS.jsonl (one "
        '{"id", "text", "spans": [{"start", "end", "label"}]} object per line): token recall, '
        "overall and per label, precision, label accuracy and speed. Tokens are the matches of \\w+.",
    )
    parser.add_argument("corpus", type=Path, metavar="CORPUS.jsonl")
    parser.add_argument("--baseline", action="store_true",
                        help="also score stock Presidio with the same spaCy model")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--model", default=None, help="spaCy model package (default: the pinned one)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes for the batch")
    parser.add_argument("--pinned-ner", action="store_true",
                        help="use the pinned model's own NER instead of the police-trained weights "
                             "(to measure what they add)")
    parser.add_argument("--misses", action="store_true",
                        help="also list the gold spans the workstation missed or labelled wrongly")
    parser.set_defaults(handler=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from workstation.detect import evaluation
    from workstation.detect.detector import Detector
    from workstation.detect.engine import DEFAULT_MODEL, build_stock_analyzer

    try:
        docs = evaluation.load_corpus(args.corpus)
    except OSError as error:
        raise FileSystemError(f"cannot read {args.corpus}: {error.strerror}") from error
    except evaluation.CorpusError as error:
        raise InputError(f"{args.corpus} is not a valid corpus: {error.message}") from error
    model = args.model or DEFAULT_MODEL
    results: dict[str, evaluation.Result] = {}
    with Detector(model=model, workers=args.workers, police_ner=not args.pinned_ner) as detector:
        detector.load()
        detector.warm_pool()
        results["workstation"] = evaluation.evaluate(docs, evaluation.workstation_analyzer(detector))
    if args.baseline:
        stock = build_stock_analyzer(model)
        stock.analyze("warm up", language="en")
        results["baseline"] = evaluation.evaluate(docs, evaluation.stock_analyzer(stock))
    if args.json:
        print(json.dumps({name: r.to_dict() for name, r in results.items()}, indent=2))
    else:
        print(f"{len(docs)} documents, {sum(len(d.text) for d in docs):,} characters")
        print(evaluation.format_table(results))
    if args.misses:
        print(evaluation.format_misses(results["workstation"]), file=sys.stderr if args.json else sys.stdout)
    return ExitCode.OK
