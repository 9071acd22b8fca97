"""Non-secret UI state kept in QSettings, behind one typed registry.

Only window geometry, splitter and table-header layouts, the idle-lock delay, the last
database path and the last folders bundles were imported from and exports written to
live here.
Never passphrases, keys, recovery codes or anything read from the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_IDLE_MINUTES = 15.0
# Federal guidance for portable devices is an idle lock of 30 minutes or less.
MAX_IDLE_MINUTES = 30.0

_IDLE_MINUTES = "security/idle_minutes"
_LAST_DATABASE = "files/last_database"
_MAIN_GEOMETRY = "main_window/geometry"
_LAST_IMPORT_FOLDER = "files/last_import_folder"
_LAST_EXPORT_FOLDER = "files/last_export_folder"
_REVIEW_SPLITTERS = "review_view/splitters"  # a group: one QSplitter state per splitter name
_QUEUE_HEADER = "queue/header"


def checked_idle_minutes(value: object) -> float:
    """A usable idle delay: the default for nonsense, never above the maximum."""
    try:
        minutes = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    if not minutes > 0:  # also catches NaN
        return DEFAULT_IDLE_MINUTES
    return min(minutes, MAX_IDLE_MINUTES)


class UiSettings:
    """Typed access to the application's QSettings (organisation/application names apply)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def idle_minutes(self) -> float:
        return checked_idle_minutes(self._store.value(_IDLE_MINUTES, DEFAULT_IDLE_MINUTES))

    @idle_minutes.setter
    def idle_minutes(self, minutes: float) -> None:
        self._store.setValue(_IDLE_MINUTES, checked_idle_minutes(minutes))

    @property
    def last_database(self) -> Path | None:
        value = self._store.value(_LAST_DATABASE, "")
        return Path(value) if isinstance(value, str) and value else None

    @last_database.setter
    def last_database(self, path: Path | None) -> None:
        self._store.setValue(_LAST_DATABASE, str(path) if path else "")

    @property
    def last_import_folder(self) -> Path | None:
        value = self._store.value(_LAST_IMPORT_FOLDER, "")
        return Path(value) if isinstance(value, str) and value else None

    @last_import_folder.setter
    def last_import_folder(self, folder: Path | None) -> None:
        self._store.setValue(_LAST_IMPORT_FOLDER, str(folder) if folder else "")

    @property
    def last_export_folder(self) -> Path | None:
        value = self._store.value(_LAST_EXPORT_FOLDER, "")
        return Path(value) if isinstance(value, str) and value else None

    @last_export_folder.setter
    def last_export_folder(self, folder: Path | None) -> None:
        self._store.setValue(_LAST_EXPORT_FOLDER, str(folder) if folder else "")

    @property
    def review_splitters(self) -> dict[str, QByteArray]:
        """The review view's splitter states (QSplitter.saveState), by splitter name."""
        self._store.beginGroup(_REVIEW_SPLITTERS)
        try:
            found = {name: self._store.value(name) for name in self._store.childKeys()}
        finally:
            self._store.endGroup()
        return {name: value for name, value in found.items()
                if isinstance(value, QByteArray) and not value.isEmpty()}

    @review_splitters.setter
    def review_splitters(self, states: dict[str, QByteArray]) -> None:
        self._store.beginGroup(_REVIEW_SPLITTERS)
        try:
            for name, state in states.items():
                self._store.setValue(name, state)
        finally:
            self._store.endGroup()

    @property
    def queue_header(self) -> QByteArray | None:
        value = self._store.value(_QUEUE_HEADER)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @queue_header.setter
    def queue_header(self, state: QByteArray) -> None:
        self._store.setValue(_QUEUE_HEADER, state)

    @property
    def main_geometry(self) -> QByteArray | None:
        value = self._store.value(_MAIN_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @main_geometry.setter
    def main_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue(_MAIN_GEOMETRY, geometry)

    def sync(self) -> None:
        self._store.sync()
