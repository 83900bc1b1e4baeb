"""Writing off the caller's thread: batches go to a worker thread that owns the database connection (pure).

The first failure (a full or read-only disk, a damaged file, a folder that cannot be written) stops recording with
one log line; what is submitted after that is dropped, and the exhibit is never held up by it.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence

from kiosk.analytics.records import Record
from kiosk.analytics.store import AnalyticsStore, AnalyticsUnavailable

_log = logging.getLogger(__name__)
STOP_WAIT_S = 10.0


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


Job = Callable[[AnalyticsStore], object]
_Item = Sequence[Record] | _Flush | Job | None


class BackgroundWriter:
    """Opens the store with ``connect`` on its own thread, then writes each submitted batch as one transaction.
    ``prepare`` runs once after opening (closing interrupted sessions, pruning)."""

    def __init__(
        self,
        connect: Callable[[], AnalyticsStore],
        prepare: Callable[[AnalyticsStore], None] | None = None,
        name: str = "analytics-writer",
    ):
        self._connect, self._prepare = connect, prepare
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._failed: str | None = None
        self._stopped = False
        self.written = 0  # records written so far (for tests and the log)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def failed(self) -> str | None:
        """Why recording stopped, or None while it records."""
        return self._failed

    def submit(self, records: Sequence[Record]) -> None:
        """Queue a batch (never blocks); dropped once recording has stopped."""
        if records and self._failed is None and not self._stopped:
            self._queue.put(list(records))

    def call(self, job: Job) -> None:
        """Run ``job(store)`` on the writer's thread after what is queued (pruning, say); dropped once stopped."""
        if self._failed is None and not self._stopped:
            self._queue.put(job)

    def flush(self, timeout_s: float = STOP_WAIT_S) -> bool:
        """Wait until every batch submitted before this call is written (or dropped); False on timeout."""
        if not self._thread.is_alive():
            return True
        marker = _Flush()
        self._queue.put(marker)
        return marker.done.wait(timeout_s)

    def stop(self, timeout_s: float = STOP_WAIT_S) -> None:
        """Write what is queued, close the database and end the thread."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(None)
        self._thread.join(timeout_s)

    def _fail(self, reason: str) -> None:
        if self._failed is None:
            self._failed = reason
            _log.warning("visitor analytics stopped recording: %s; the exhibit runs on", reason)

    def _run(self) -> None:
        store: AnalyticsStore | None = None
        try:
            store = self._connect()
            if self._prepare is not None:
                self._prepare(store)
        except (AnalyticsUnavailable, sqlite3.Error, OSError) as exc:
            self._fail(str(exc))
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                if isinstance(item, _Flush):
                    item.done.set()
                    continue
                if store is None or self._failed is not None:
                    continue
                try:
                    if callable(item):
                        item(store)
                    else:
                        store.write(item)
                        self.written += len(item)
                except (sqlite3.Error, OSError) as exc:
                    self._fail(f"{store.path}: {exc}")
        finally:
            if store is not None:
                store.close()
            while True:  # nobody waits for ever on a flush after the thread ends
                try:
                    left = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(left, _Flush):
                    left.done.set()
