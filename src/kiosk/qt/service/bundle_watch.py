"""The USB watch folder in the running exhibit: every ``watch_check_s`` seconds the folder is looked at on a worker
thread (unpacking and checking a bundle takes a while; the screen must not stutter). A bundle installed there
switches the ``current`` release, and the content reloader notices the switch like any other content change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.qt.foundations.timers import named_timer
from kiosk.service.bundle.watch import WatchResult, check_watch_folder

_log = logging.getLogger(__name__)
Check = Callable[[], list[WatchResult]]


class BundleWatch(QObject):
    """Runs ``check`` (``check_watch_folder`` with the settings bound) off the GUI thread, one at a time."""

    def __init__(self, parent: QObject, check: Check, interval_s: float):
        super().__init__(parent)
        self._check = check
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-watch")
        self._running: Future[list[WatchResult]] | None = None
        self.results: list[WatchResult] = []
        self.timer = named_timer(
            self, "bundle_watch_timer", self.poll, single_shot=False, interval_ms=max(100, int(interval_s * 1000))
        )

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)  # an install in progress finishes (it is atomic anyway)

    def poll(self) -> None:
        """Collect a finished look at the folder, or start a new one (the timer's slot)."""
        if self._running is not None:
            if not self._running.done():
                return
            self._collect(self._running)
            self._running = None
            return
        self._running = self._pool.submit(self._check)

    def _collect(self, done: Future[list[WatchResult]]) -> None:
        try:
            results = done.result()
        except Exception:  # a bug in the check must not stop the watching, nor the exhibit
            _log.exception("looking for content bundles failed")
            return
        self.results.extend(results)  # each was logged by the watch itself, with its result file


def install_bundle_watch(
    parent: QObject,
    watch_dir: Path,
    releases_dir: Path,
    *,
    public_key: bytes | None,
    max_bytes: int,
    keep: int,
    interval_s: float,
) -> BundleWatch:
    """A started watch of ``watch_dir`` installing into ``releases_dir``."""

    def check() -> list[WatchResult]:
        return check_watch_folder(watch_dir, releases_dir, public_key=public_key, max_bytes=max_bytes, keep=keep)

    watch = BundleWatch(parent, check, interval_s)
    watch.start()
    _log.info("watching %s for content bundles every %g s", watch_dir, interval_s)
    return watch
