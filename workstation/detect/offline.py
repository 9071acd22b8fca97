"""Guards that keep detection fully offline.

Imported first by every module of this package that touches Presidio: tldextract (used
by Presidio's e-mail and URL recognizers) builds its extractor when it is imported and
would fetch the public suffix list from the network; with an empty URL list it uses the
snapshot shipped in its wheel, and with an empty cache folder it writes no cache to the
user's home. If tldextract was imported earlier by someone else, its
extractor is switched to the snapshot here. spaCy models are never downloaded: the
engine loads an installed package and hands it to Presidio (see engine.py).
"""

from __future__ import annotations

import os
import sys

os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
# Nor does it write a cache of that list to the user's home: an empty folder turns it off.
os.environ["TLDEXTRACT_CACHE"] = ""
# Hugging Face based engines are never used, but make sure they would not fetch.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

if "tldextract.tldextract" in sys.modules:  # imported before us: use the snapshot only
    _extractor = getattr(sys.modules["tldextract.tldextract"], "TLD_EXTRACTOR", None)
    if _extractor is not None:
        _extractor.suffix_list_urls = ()
        _extractor.fallback_to_snapshot = True


def install() -> None:
    """No-op whose import has the side effects above (makes the intent explicit)."""
