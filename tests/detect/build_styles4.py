"""Build the fourth yardstick corpus (tuning and held-out parts) from its marked-up sources
in tests/detect/data/ into JSON lines beside them; same markup as
tests/corpus/build_dev_corpus.py. Run: ``.venv/bin/python tests/detect/build_styles4.py``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.detect.build_styles3 import parse

DATA = Path(__file__).resolve().parent / "data"
PARTS = {"styles4_tune": DATA / "styles4_tune_source.txt", "styles4_hold": DATA / "styles4_hold_source.txt"}


def main() -> None:
    for name, source in PARTS.items():
        records = parse(source.read_text(encoding="utf-8"))
        out = DATA / f"{name}.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
