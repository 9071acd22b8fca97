"""Locate files under `resources/` in a source checkout and in a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The `resources` folder: next to the package in a checkout, under _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of `resources/<parts...>`; does not check that it exists."""
    return resources_root().joinpath(*parts)


def resource_lines(name: str) -> frozenset[str]:
    """The lines of a word-list resource (one entry a line, '#' lines its header); empty when
    the file is missing, so a damaged installation finds less rather than crashing."""
    try:
        text = resource_path(name).read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def rebuild(path: Path, text: str) -> int:
    """Write a rebuilt resource file (the `*_build` commands of workstation/detect)."""
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0
