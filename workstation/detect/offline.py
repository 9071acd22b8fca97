"""Guards that keep detection fully offline.

Must be imported before presidio_analyzer (and so tldextract) is first imported:
tldextract reads its suffix-list URLs from the environment at import time.
"""

from __future__ import annotations

import os

# Empty URL list: tldextract falls back to the snapshot shipped in its wheel.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
# Hugging Face based engines are never used, but make sure they would not fetch.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def install() -> None:
    """No-op whose import has the side effect above (makes the intent explicit)."""
