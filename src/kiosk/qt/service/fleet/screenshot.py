"""A small, recent picture of the screen in the state folder, for a look from afar (collected with the same tools
that provision the hall, e.g. Ansible's fetch): taken every ``every_s`` seconds, and within ``REQUEST_CHECK_S`` of
a request (a file ``screenshot.request`` put beside it, removed once the picture is taken). Written whole."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt
from PySide6.QtWidgets import QWidget

from kiosk.atomic_file import replace_file
from kiosk.qt.foundations.timers import named_timer

_log = logging.getLogger(__name__)
SCREENSHOT_NAME = "screenshot.png"
REQUEST_NAME = "screenshot.request"
REQUEST_CHECK_S = 2.0


def small_png(widget: QWidget, long_side_px: int) -> bytes:
    """``widget`` as drawn now, scaled so its longer side is at most ``long_side_px``, as PNG bytes."""
    picture = widget.grab()
    if max(picture.width(), picture.height()) > long_side_px:
        picture = picture.scaled(
            long_side_px, long_side_px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class Screenshots(QObject):
    """Pictures of ``window`` into ``folder``; :meth:`start` takes the first one at once."""

    def __init__(self, window: QWidget, folder: Path, every_s: float, long_side_px: int):
        super().__init__(window)
        self.window = window
        self.path = Path(folder) / SCREENSHOT_NAME
        self.request = Path(folder) / REQUEST_NAME
        self.long_side_px = long_side_px
        self.taken = 0
        self._failing = False
        self.timer = named_timer(
            self, "screenshot_timer", self._on_timer, single_shot=False, interval_ms=int(every_s * 1000)
        )
        self.request_timer = named_timer(
            self,
            "screenshot_request_timer",
            self.check_request,
            single_shot=False,
            interval_ms=int(REQUEST_CHECK_S * 1000),
        )

    def start(self) -> None:
        self.take()
        self.timer.start()
        self.request_timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.request_timer.stop()

    def check_request(self) -> None:
        """A request file there: a picture now, and the request removed (the timer's slot)."""
        if self.request.exists() and self.take():
            try:
                self.request.unlink()
            except OSError as exc:
                _log.warning("cannot remove %s (%s): a picture is taken at every check", self.request, exc)
            _log.info("screenshot taken on request: %s", self.path)

    def _on_timer(self) -> None:
        self.take()

    def take(self) -> bool:
        """A picture now; False when it could not be written (said once in the log)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, small_png(self.window, self.long_side_px), mode=0o644)
        except OSError as exc:
            if not self._failing:
                _log.warning("cannot write the screenshot %s (%s)", self.path, exc.strerror or exc)
                self._failing = True
            return False
        self._failing = False
        self.taken += 1
        return True
