"""Texts that make a careless pattern backtrack without bound: cue words, then thousands of
spaces, tabs, blank lines, dots or hyphens (tests/detect/test_regex_safety.py and
test_regex_engines.py run every pattern on them)."""

from __future__ import annotations

_CUES = ("tail patrol call sign posted by k9: canine dog CO mr at on the near in K9? Mr. "
         "county sheriff unit car badge case plate lot apt")
HOSTILE = {
    "spaces": _CUES + " " * 3000 + "Dave Smith N1234",
    "tabs": _CUES + "\t" * 3000 + "x",
    "blank lines": _CUES + " \n" * 1500 + "Dave Smith",
    "dots": "a." * 1500,
    "hyphens": "1-" * 1500,
}
