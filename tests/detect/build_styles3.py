"""Build the third yardstick corpus (tuning and held-out parts) from its marked-up sources
in tests/detect/data/ into JSON lines beside them; same markup as
tests/corpus/build_dev_corpus.py. Run: ``.venv/bin/python tests/detect/build_styles3.py``."""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PARTS = {"styles3_tune": DATA / "styles3_tune_source.txt", "styles3_hold": DATA / "styles3_hold_source.txt"}
LABELS = ("PERSON", "AGENCY", "LOCATION", "DATE", "CONTACT", "ID")
_HEADER = re.compile(r"^=== (\S+)\s*$")
_MARK = re.compile(r"\[\[([A-Z]+):([^\[\]\n]+?)\]\]")


def convert(record_id: str, marked: str) -> dict:
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


def main() -> None:
    for name, source in PARTS.items():
        records = parse(source.read_text(encoding="utf-8"))
        out = DATA / f"{name}.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
