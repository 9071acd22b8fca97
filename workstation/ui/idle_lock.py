"""Locks the workstation after a period without user input.

An application-wide event filter restarts a single-shot timer on every key, mouse, wheel
or touch event; when the timer runs out, `idle` is emitted and the shell locks the
session (closing the database and wiping the key) and shows the unlock window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress,
    QEvent.Type.TabletMove,
})


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may fire 5% late
        self._timer.timeout.connect(self._on_timeout)
        self.set_minutes(minutes)
        self._filtering = False

    @property
    def minutes(self) -> float:
        return self._timer.interval() / 60_000

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: float) -> None:
        self._timer.setInterval(max(1, round(minutes * 60_000)))

    def start(self) -> None:
        """Start watching for input (after an unlock)."""
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (while locked: nothing to protect)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._timer.start()  # restart the countdown
        return False  # never swallow the event

    def _on_timeout(self) -> None:
        log.info("No input for %.1f minutes: locking", self.minutes)
        self.stop()
        self.idle.emit()
