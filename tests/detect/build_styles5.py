"""Build the fifth yardstick corpus (one held-out part, never tuned on) from its marked-up
source in tests/detect/data/ into JSON lines beside it; markup and building in
tests/helpers/corpus_build.py. Run: ``.venv/bin/python tests/detect/build_styles5.py``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.helpers.corpus_build import main

DATA = Path(__file__).resolve().parent / "data"
PARTS = {"styles5_hold": DATA / "styles5_hold_source.txt"}

if __name__ == "__main__":
    main(PARTS)
