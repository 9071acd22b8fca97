"""Build the sixty-eighth yardstick corpus (a tuning part, whose misses are read to fix kinds of
problems, and a held-out part, of which only the totals are looked at) from its marked-up
sources in tests/detect/data/ into JSON lines beside them; markup and building in
tests/helpers/corpus_build.py. Run: ``.venv/bin/python tests/detect/build_styles68.py``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.helpers.corpus_build import main

DATA = Path(__file__).resolve().parent / "data"
PARTS = {"styles68_tune": DATA / "styles68_tune_source.txt",
         "styles68_hold": DATA / "styles68_hold_source.txt"}

if __name__ == "__main__":
    main(PARTS)
