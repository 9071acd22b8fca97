"""Where things live: files shipped with the program and per-user folders."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "NearMissWorkstation"
APP_AUTHOR = "NearMissProgram"
DATABASE_FILENAME = "workstation.db"


def app_root() -> Path:
    """The folder holding `resources/` and `data/`: the source tree, or PyInstaller's bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def shipped_file(*parts: str) -> Path:
    """A file shipped with the program, e.g. shipped_file("data", "schema.sql")."""
    return app_root().joinpath(*parts)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    return user_data_dir() / DATABASE_FILENAME


def demo_database_path() -> Path:
    return user_data_dir() / "demo" / DATABASE_FILENAME
