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


def rebuild(path: Path, text: str) -> int:
    """Write a rebuilt resource file (the `*_build` commands of workstation/detect)."""
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0
