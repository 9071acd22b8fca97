"""The yardstick corpora of tests/detect (styles3, styles4, styles5, ...): building each from
its marked-up source into JSON lines, and the set-up their tests share (scoring every part
once with the session's real detector, checking that what is committed was built from the
source).

Markup as in tests/corpus/build_dev_corpus.py: ``=== <id>`` starts a record, ``#`` lines
before the first record are comments, identifiers are written ``[[LABEL:surface]]``. A build
script names its parts (``{"styles5_hold": DATA / "styles5_hold_source.txt"}``) and calls
``main(PARTS)``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from workstation.detect import evaluation as ev

LABELS = ("PERSON", "AGENCY", "LOCATION", "DATE", "CONTACT", "ID")
_HEADER = re.compile(r"^=== (\S+)\s*$")
_MARK = re.compile(r"\[\[([A-Z]+):([^\[\]\n]+?)\]\]")


def convert(record_id: str, marked: str) -> dict:
    """One record's text without its markup, and its spans (end exclusive)."""
    text, spans, position = "", [], 0
    for m in _MARK.finditer(marked):
        label, surface = m.group(1), m.group(2)
        if label not in LABELS or surface != surface.strip():
            raise ValueError(f"{record_id}: bad span {m.group()!r}")
        text += marked[position:m.start()]
        spans.append({"start": len(text), "end": len(text) + len(surface), "label": label})
        text += surface
        position = m.end()
    text += marked[position:]
    if "[[" in text or "]]" in text:
        raise ValueError(f"{record_id}: malformed markup")
    return {"id": record_id, "text": text, "spans": spans}


def parse(source: str) -> list[dict]:
    """Every record of a marked-up source, in order."""
    records, current, lines = [], None, []
    for line in [*source.splitlines(), "=== END"]:
        header = _HEADER.match(line)
        if header:
            if current is not None:
                records.append(convert(current, "\n".join(x.rstrip() for x in lines).strip("\n")))
            current, lines = header.group(1), []
        elif current is not None:
            lines.append(line)
    return records


def output_path(name: str, source: Path) -> Path:
    """Where a part is built: ``<name>.jsonl`` beside its source."""
    return source.parent / f"{name}.jsonl"


def render(records: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def build(parts: Mapping[str, Path]) -> dict[str, int]:
    """Write every part's JSON lines beside its source; the number of records of each."""
    written = {}
    for name, source in parts.items():
        records = parse(source.read_text(encoding="utf-8"))
        output_path(name, source).write_text(render(records), encoding="utf-8")
        written[name] = len(records)
    return written


def main(parts: Mapping[str, Path]) -> None:
    for name, count in build(parts).items():
        print(f"wrote {count} records to {output_path(name, parts[name])}")


def assert_built_from_source(parts: Mapping[str, Path], least: Mapping[str, int]) -> None:
    """The committed JSON lines of each part are exactly what its source builds to, and each
    named part holds at least the given number of texts."""
    for name, source in parts.items():
        expected = render(parse(source.read_text(encoding="utf-8")))
        built = output_path(name, source).read_text(encoding="utf-8")
        assert built == expected, f"{name}: rebuild it from {source.name}"
    for name, count in least.items():
        assert len(ev.load_corpus(output_path(name, parts[name]))) >= count, name
