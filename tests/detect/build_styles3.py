"""Build the third yardstick corpus (tuning and held-out parts) from its marked-up sources
in tests/detect/data/ into JSON lines beside them; markup and building in
tests/helpers/corpus_build.py. Run: ``.venv/bin/python tests/detect/build_styles3.py``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.helpers.corpus_build import main

DATA = Path(__file__).resolve().parent / "data"
PARTS = {"styles3_tune": DATA / "styles3_tune_source.txt", "styles3_hold": DATA / "styles3_hold_source.txt"}

if __name__ == "__main__":
    main(PARTS)
