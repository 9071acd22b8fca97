"""The development corpus of annotated narratives: well-formed and in step with its source."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("build_dev_corpus", _HERE / "build_dev_corpus.py")
assert _spec is not None and _spec.loader is not None
build_dev_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_dev_corpus)

LABELS = {"PERSON", "AGENCY", "LOCATION", "DATE", "CONTACT", "ID"}


@pytest.fixture(scope="module")
def committed() -> str:
    return build_dev_corpus.OUTPUT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def records(committed: str) -> list[dict]:
    return [json.loads(line) for line in committed.splitlines()]


def test_committed_jsonl_matches_the_source(committed: str) -> None:
    assert committed == build_dev_corpus.build(), "run .venv/bin/python tests/corpus/build_dev_corpus.py"


def test_at_least_80_records_with_unique_ids(records: list[dict]) -> None:
    assert len(records) >= 80
    ids = [record["id"] for record in records]
    assert len(set(ids)) == len(ids)


def test_record_shape(records: list[dict]) -> None:
    for record in records:
        assert set(record) == {"id", "text", "spans"}
        assert isinstance(record["id"], str) and record["id"]
        assert isinstance(record["text"], str)
        assert build_dev_corpus.MIN_CHARS <= len(record["text"]) <= build_dev_corpus.MAX_CHARS
        for span in record["spans"]:
            assert set(span) == {"start", "end", "label"}


def test_spans_are_valid_and_do_not_overlap(records: list[dict]) -> None:
    for record in records:
        text = record["text"]
        previous_end = 0
        for span in sorted(record["spans"], key=lambda s: (s["start"], s["end"])):
            start, end, label = span["start"], span["end"], span["label"]
            where = f"{record['id']} {start}-{end}"
            assert label in LABELS, where
            assert isinstance(start, int) and isinstance(end, int), where
            assert 0 <= start < end <= len(text), where
            surface = text[start:end]
            assert surface == surface.strip(), f"{where}: {surface!r} has edge whitespace"
            assert start >= previous_end, f"{where}: overlaps the previous span"
            previous_end = end


def test_markup_fully_removed(records: list[dict]) -> None:
    for record in records:
        assert "[[" not in record["text"] and "]]" not in record["text"], record["id"]


def test_converter_offsets_on_a_small_example() -> None:
    source = (
        "# comment\n=== x-1\n"
        "Sgt. [[PERSON:O'Neill]] of [[AGENCY:RPD]] met me at [[LOCATION:5th and Main]] on "
        "[[DATE:3/14/2025]]; badge [[ID:4471]], call [[CONTACT:555-0142]]." + " filler" * 40 + "\n"
    )
    (record,) = build_dev_corpus.parse_source(source)
    got = [(record["text"][s["start"] : s["end"]], s["label"]) for s in record["spans"]]
    assert got == [
        ("O'Neill", "PERSON"),
        ("RPD", "AGENCY"),
        ("5th and Main", "LOCATION"),
        ("3/14/2025", "DATE"),
        ("4471", "ID"),
        ("555-0142", "CONTACT"),
    ]
    assert record["text"].startswith("Sgt. O'Neill of RPD met me at 5th and Main on 3/14/2025;")


@pytest.mark.parametrize(
    "bad",
    [
        "=== a\n[[NAME:Bob]]" + " x" * 200,
        "=== a\n[[PERSON: Bob]]" + " x" * 200,
        "=== a\n[[PERSON:Bob]" + " x" * 200,
        "=== a\nshort",
        "=== a\n" + "x " * 200 + "\n=== a\n" + "y " * 200,
        "stray text\n=== a\n" + "x " * 200,
    ],
)
def test_converter_rejects_malformed_source(bad: str) -> None:
    with pytest.raises(build_dev_corpus.SourceError):
        build_dev_corpus.parse_source(bad)
