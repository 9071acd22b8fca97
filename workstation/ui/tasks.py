"""One helper for background work: run_task(fn, on_done, on_error).

`fn` runs on a QThreadPool and must never touch widgets. Its result (or exception)
comes back to the GUI thread through a signal, so the callbacks may use widgets.
Tests can swap the pool for SyncThreadPool, which runs the work at once.

Expected failures (WorkstationError) go to `on_error` only. Anything else is a bug: it
goes to sys.excepthook (the crash dialog) and then to `on_error`, so the caller can
leave its busy state.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from workstation.errors import WorkstationError

log = logging.getLogger(__name__)


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class SyncThreadPool:
    """Runs each task immediately on the calling thread (for tests, like Picard's)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


_pool: Pool | None = None
_pending: set[_Task] = set()  # keeps tasks (and their signals) alive until delivered


def set_pool(pool: Pool | None) -> None:
    """Use `pool` for later tasks; None goes back to the global QThreadPool."""
    global _pool
    _pool = pool


def current_pool() -> Pool:
    return _pool if _pool is not None else QThreadPool.globalInstance()


class _Relay(QObject):
    """Lives in the GUI thread: signals emitted by the worker are queued to it."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, task: _Task) -> None:
        super().__init__()
        self._task = task
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        task = self._task
        _pending.discard(task)
        if _owner_gone(task.on_done):
            return  # the window that asked was closed while the work ran
        task.on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        task = self._task
        _pending.discard(task)
        if not isinstance(exc, WorkstationError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
        if _owner_gone(task.on_error):
            return
        task.on_error(exc)


def _owner_gone(callback: Callable[..., object]) -> bool:
    """The callback is a method of a widget whose C++ side was deleted (its window closed)."""
    owner = getattr(callback, "__self__", None)
    if not isinstance(owner, QObject) or shiboken6.isValid(owner):
        return False
    log.debug("Result of a background task dropped: %s was deleted", type(owner).__name__)
    return True


class _Task(QRunnable):
    def __init__(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it through _pending
        self.fn = fn
        self.on_done = on_done
        self.on_error = on_error
        self.relay = _Relay(self)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the GUI thread, never raised here
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], object],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run `fn()` in the background; call on_done(result) or on_error(exc) on the GUI thread."""
    task = _Task(fn, on_done, on_error)
    _pending.add(task)
    current_pool().start(task)
