"""The full check of an encrypted database: every page's HMAC and SQLite's structure.

`cipher_integrity_check` proves each page was written with the key (HMAC-SHA512);
`quick_check` catches what a page replayed from an older copy can break while keeping a
valid HMAC (an index that no longer matches its table, a free-list out of step). On a
large database both take a while, so unlock can run them on their own connection in a
background thread; `Database.transaction()` waits for the result before any write, and
a failure closes the database (fail closed).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import sqlcipher3

log = logging.getLogger(__name__)


def integrity_problem(conn: Any) -> str | None:
    """The first problem the two checks find, in SQLite's words, or None."""
    problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    if problems:
        return str(problems[0][0])
    result = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in result] != [("ok",)]:
        return str(result[0][0]) if result else "quick_check returned nothing"
    return None


class IntegrityCheck:
    """The full check running (or run) on its own connection. Thread-safe."""

    def __init__(self) -> None:
        self._done = threading.Event()  # set once the callbacks have run too
        self._finished = False  # the result is known (set before the callbacks run)
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[IntegrityCheck], None]] = []
        self._conn: Any = None
        self._thread: threading.Thread | None = None
        self.problem: str | None = None
        self.interrupted = False  # stopped by lock() before it finished: neither passed nor failed
        self.seconds: float | None = None

    @classmethod
    def passed_now(cls, seconds: float) -> IntegrityCheck:
        check = cls()
        check.seconds = seconds
        check._finished = True
        check._done.set()
        return check

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def passed(self) -> bool:
        return self._finished and self.problem is None and not self.interrupted

    @property
    def failed(self) -> bool:
        return self._finished and self.problem is not None

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def add_done_callback(self, callback: Callable[[IntegrityCheck], None]) -> None:
        """`callback(check)` once the check ends, from the checking thread (or now, if it has)."""
        with self._lock:
            if not self._finished:
                self._callbacks.append(callback)
                return
        callback(self)

    def prepare(self, conn: Any) -> None:
        """The connection (a second one, keyed) the check will run on; closed after it."""
        self._conn = conn

    def start(self) -> None:
        """Run the check in a daemon thread (once the opener has finished its own reads, so a
        quick failure cannot close the database under them)."""
        if self._thread is None and self._conn is not None:
            self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self.problem = integrity_problem(self._conn)
        except sqlcipher3.dbapi2.OperationalError as exc:
            if "interrupt" in str(exc).lower():
                self.interrupted = True
            else:
                self.problem = str(exc)
        except sqlcipher3.dbapi2.DatabaseError as exc:
            self.problem = str(exc)
        finally:
            with contextlib.suppress(sqlcipher3.dbapi2.Error):
                self._conn.close()
            self._conn = None
        self.seconds = time.perf_counter() - started
        with self._lock:
            self._finished = True
            callbacks, self._callbacks = self._callbacks, []
        try:
            for callback in callbacks:
                try:
                    callback(self)
                except Exception as exc:
                    log.warning("After the integrity check: %s", type(exc).__name__)
        finally:
            self._done.set()

    def stop(self) -> None:
        """Interrupt a running check (the database is being locked) and wait for its thread."""
        conn = self._conn
        if self._thread is None:  # prepared, never started: nothing was checked
            if conn is not None:
                with contextlib.suppress(sqlcipher3.dbapi2.Error):
                    conn.close()
                self._conn = None
            if not self._finished:
                self.interrupted = self._finished = True
                self._done.set()
            return
        if conn is not None and not self.done:
            with contextlib.suppress(sqlcipher3.dbapi2.Error):
                conn.interrupt()
        if self._thread is not threading.current_thread():
            self._thread.join()
