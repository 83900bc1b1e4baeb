"""The health file for Prometheus's node_exporter: every ``every_s`` seconds the exhibit replaces it whole
(written beside it, then renamed: node_exporter never reads half a file), and once more with ``kiosk_up 0`` as it
stops. A folder that cannot be written is said once in the log, and once again when writing works again."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.atomic_file import replace_file
from kiosk.qt.foundations.timers import named_timer
from kiosk.service.fleet.metrics import ExhibitMetrics, format_textfile

_log = logging.getLogger(__name__)


class HealthFile(QObject):
    """Writes ``sample()`` to ``path``; :meth:`start` writes at once and then on the timer."""

    def __init__(
        self,
        parent: QObject,
        path: Path,
        every_s: float,
        sample: Callable[[], ExhibitMetrics],
        wall_clock: Callable[[], float] = time.time,
    ):
        super().__init__(parent)
        self.path = Path(path)
        self._sample = sample
        self._wall_clock = wall_clock
        self._failing = False
        self.writes = 0
        self.last: ExhibitMetrics | None = None
        self.timer = named_timer(
            self, "health_file_timer", self._on_timer, single_shot=False, interval_ms=int(every_s * 1000)
        )

    def start(self) -> None:
        self.write()
        self.timer.start()

    def _on_timer(self) -> None:
        self.write()

    def write(self, *, up: bool = True) -> bool:
        """One file now; False when it could not be written."""
        try:
            if up or self.last is None:
                metrics = self._sample()
            else:  # stopping: the window may be gone already, so say what was last seen, and that it stops
                metrics = self.last
            if not up:
                metrics = dataclasses.replace(metrics, up=False, written_at=self._wall_clock())
            replace_file(self.path, format_textfile(metrics), mode=0o644)
        except OSError as exc:
            if not self._failing:
                _log.warning(
                    "cannot write the health file %s (%s); trying again every %g s",
                    self.path,
                    exc.strerror or exc,
                    self.timer.interval() / 1000,
                )
                self._failing = True
            return False
        if self._failing:
            _log.info("the health file %s is written again", self.path)
            self._failing = False
        self.writes += 1
        self.last = metrics
        return True

    def stop(self) -> None:
        """No more writes after a last one saying the exhibit is not up."""
        self.timer.stop()
        self.write(up=False)
