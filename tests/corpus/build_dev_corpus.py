"""Build tests/data/dev_corpus.jsonl from the marked-up tests/data/dev_corpus_source.txt.

Source format (UTF-8):

* Lines starting with ``#`` before the first record are comments.
* Each record starts with a header line ``=== <id>``; its text is every following line up
  to the next header, with leading and trailing blank lines removed and trailing spaces
  stripped from each line.
* Identifiers are marked inline as ``[[LABEL:surface text]]`` with LABEL one of
  PERSON, AGENCY, LOCATION, DATE, CONTACT, ID. The markup is removed from the text and
  the surface text becomes a span (character offsets into the Python str, end exclusive).

Output: one JSON object per line, ``{"id", "text", "spans": [{"start", "end", "label"}]}``,
records in source order, spans sorted by start. Stdlib only; the output is deterministic.

Three corpora are built the same way (``CORPORA``): the first development corpus
(``dev_corpus``), the second one in other styles (``dev_corpus2``: mobile-app posts,
ALL-CAPS records-system reports, rural, tribal, transit and federal settings, lower-case
writing, names from many origins; texts from 120 characters) and the held-out part
(``dev_corpus_heldout``), written in the same styles but never used for tuning: only its
totals are looked at.

Run: ``.venv/bin/python tests/corpus/build_dev_corpus.py`` (``--check`` only compares).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

LABELS = ("PERSON", "AGENCY", "LOCATION", "DATE", "CONTACT", "ID")
MIN_CHARS = 300
MAX_CHARS = 2500

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SOURCE_PATH = DATA_DIR / "dev_corpus_source.txt"
OUTPUT_PATH = DATA_DIR / "dev_corpus.jsonl"

_HEADER = re.compile(r"^=== (\S+)\s*$")
_MARK = re.compile(r"\[\[([A-Z]+):([^\[\]\n]+?)\]\]")


class SourceError(ValueError):
    """The marked-up source is malformed."""


# (source, output, shortest text allowed)
CORPORA: tuple[tuple[Path, Path, int], ...] = (
    (SOURCE_PATH, OUTPUT_PATH, MIN_CHARS),
    (DATA_DIR / "dev_corpus2_source.txt", DATA_DIR / "dev_corpus2.jsonl", 120),
    (DATA_DIR / "dev_corpus_heldout_source.txt", DATA_DIR / "dev_corpus_heldout.jsonl", 120),
)


def convert_block(record_id: str, marked: str, min_chars: int = MIN_CHARS) -> dict:
    """Strip the markup of one record and return it with its spans."""
    parts: list[str] = []
    spans: list[dict] = []
    position = 0  # in the marked text
    length = 0  # of the plain text built so far
    for match in _MARK.finditer(marked):
        label, surface = match.group(1), match.group(2)
        if label not in LABELS:
            raise SourceError(f"{record_id}: unknown label {label!r}")
        if surface != surface.strip():
            raise SourceError(f"{record_id}: span {surface!r} starts or ends with whitespace")
        before = marked[position : match.start()]
        parts.append(before)
        length += len(before)
        spans.append({"start": length, "end": length + len(surface), "label": label})
        parts.append(surface)
        length += len(surface)
        position = match.end()
    parts.append(marked[position:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise SourceError(f"{record_id}: malformed markup left in text")
    if not min_chars <= len(text) <= MAX_CHARS:
        raise SourceError(f"{record_id}: text has {len(text)} characters, not {min_chars}-{MAX_CHARS}")
    return {"id": record_id, "text": text, "spans": spans}


def parse_source(source: str, min_chars: int = MIN_CHARS) -> list[dict]:
    """Parse the whole marked-up source into records, in order."""
    records: list[dict] = []
    current_id: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if current_id is None:
            return
        body = [line.rstrip() for line in lines]
        while body and not body[0]:
            body.pop(0)
        while body and not body[-1]:
            body.pop()
        if not body:
            raise SourceError(f"{current_id}: empty record")
        records.append(convert_block(current_id, "\n".join(body), min_chars))

    for number, line in enumerate(source.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            flush()
            current_id, lines = header.group(1), []
        elif current_id is None:
            if line.strip() and not line.startswith("#"):
                raise SourceError(f"line {number}: text before the first record header")
        else:
            lines.append(line)
    flush()

    seen: set[str] = set()
    for record in records:
        if record["id"] in seen:
            raise SourceError(f"duplicate id {record['id']!r}")
        seen.add(record["id"])
    return records


def render_jsonl(records: list[dict]) -> str:
    """Serialise records as JSON Lines, one record per line, deterministic."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def build(source_path: Path = SOURCE_PATH, min_chars: int = MIN_CHARS) -> str:
    return render_jsonl(parse_source(source_path.read_text(encoding="utf-8"), min_chars))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    status = 0
    for source, target, min_chars in CORPORA:
        if not source.exists():
            continue
        output = build(source, min_chars)
        if "--check" in args:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != output:
                print(f"{target} is out of date; run without --check", file=sys.stderr)
                status = 1
            continue
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(output)
        print(f"wrote {output.count(chr(10))} records to {target}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
