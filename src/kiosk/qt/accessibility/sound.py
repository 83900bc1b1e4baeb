"""Playing speech through the system's sound output (the headphone jack): ``aplay`` from alsa-utils, fed the WAV
file at the volume setting through its standard input, one file after another.

Why ``aplay`` and not QtMultimedia: PySide6-Essentials has no QtMultimedia module (only the full PySide6 add-ons,
some 180 MB, do), and ALSA is on every Linux kiosk without a sound server; a QProcess keeps the playing off the
exhibit's thread and can be stopped at once. Tests and ``kiosk render`` use :class:`RecordingOutput` instead, which
only notes what it was asked to play.
"""

from __future__ import annotations

import logging
import shutil
import wave
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QProcess

from kiosk.accessibility.volume import scaled_wav
from kiosk.safe_read import FileRefused

_log = logging.getLogger(__name__)
PLAYER = "aplay"


class SoundOutput(Protocol):
    """Plays WAV files one after another; :meth:`play` replaces whatever was playing or waiting."""

    def play(self, files: Sequence[Path]) -> None: ...
    def stop(self) -> None: ...


class RecordingOutput:
    """A test sound output: remembers every request (``played``) and plays nothing."""

    def __init__(self) -> None:
        self.played: list[list[Path]] = []
        self.stops = 0

    def play(self, files: Sequence[Path]) -> None:
        self.played.append(list(files))

    def stop(self) -> None:
        self.stops += 1


class AplayOutput(QObject):
    """``aplay -q [-D device] -`` per file, each at ``volume_percent``; a new request stops the one playing."""

    def __init__(self, volume_percent: int, device: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._volume = volume_percent
        self._device = device
        self._queue: deque[Path] = deque()
        self._process: QProcess | None = None
        self._program = shutil.which(PLAYER)
        if self._program is None:
            _log.warning(
                "reading aloud: %s is not installed (apt-get install alsa-utils); nothing will be heard", PLAYER
            )

    def play(self, files: Sequence[Path]) -> None:
        self.stop()
        self._queue.extend(files)
        self._next()

    def stop(self) -> None:
        self._queue.clear()
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._on_finished)
            process.kill()
            process.waitForFinished(500)
            process.deleteLater()

    def _next(self) -> None:
        if self._program is None or not self._queue:
            return
        path = self._queue.popleft()
        try:
            data = scaled_wav(path, self._volume)
        except (OSError, ValueError, EOFError, wave.Error, FileRefused) as exc:  # a broken or odd file: the next
            _log.warning("reading aloud: cannot play %s: %s", path, exc)
            self._next()
            return
        arguments = ["-q"] + (["-D", self._device] if self._device else []) + ["-"]
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.finished.connect(self._on_finished)
        self._process = process
        process.start(self._program, arguments)
        process.write(data)
        process.closeWriteChannel()

    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        if code != 0:
            _log.info("reading aloud: %s ended with status %d", PLAYER, code)
        self._next()
