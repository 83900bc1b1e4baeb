"""Hot reload: the content folder is checked on a timer; a settled change is validated, and valid content is
offered to the controller (taken at the next return to Home or the attract loop). Invalid content leaves the
exhibit on its last good content; every error is logged and kept for the operator panel.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.loader import LoadResult, load_content
from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.service.content_watch import ChangeDetector, fingerprint

_log = logging.getLogger(__name__)


def release_version(content_dir: Path) -> str | None:
    """The bundle release a content folder belongs to: it is (or links into) ``…/releases/<version>/content``."""
    real = Path(os.path.realpath(content_dir))
    return real.parent.name if real.parent.parent.name == "releases" else None


class ContentReloader(QObject):
    """Watches ``content_dir`` for the controller; ``status_changed`` fires after every load, good or bad."""

    status_changed = Signal()

    def __init__(
        self,
        controller: ExhibitController,
        content_dir: Path,
        check_s: float,
        *,
        load: Callable[..., LoadResult] = load_content,
        now: Callable[[], datetime],
    ):
        super().__init__(controller)
        self.controller = controller
        self.content_dir = Path(content_dir)
        self._load = load
        self._now = now
        self._detector = ChangeDetector(fingerprint(self.content_dir))
        self._shown: tuple[str | None, datetime] = (release_version(self.content_dir), now())
        self._waiting: tuple[str | None, datetime] | None = None  # offered, not yet taken by the controller
        self.errors: tuple[str, ...] = ()
        self.timer = QTimer(self)
        self.timer.setObjectName("reload_timer")
        self.timer.setInterval(max(100, int(check_s * 1000)))
        self.timer.timeout.connect(self.check)

    @property
    def version(self) -> str | None:
        """The release the content on screen came from (None: a plain folder)."""
        return self._on_screen()[0]

    @property
    def loaded_at(self) -> datetime:
        """When the content on screen was loaded."""
        return self._on_screen()[1]

    @property
    def waiting(self) -> tuple[str | None, datetime] | None:
        """Release and load time of valid content waiting for the next return to Home, if any."""
        self._on_screen()
        return self._waiting

    def _on_screen(self) -> tuple[str | None, datetime]:
        if self._waiting is not None and self.controller.offered_content is None:
            self._shown, self._waiting = self._waiting, None  # the controller has taken it
        return self._shown

    def start(self) -> None:
        self.timer.start()

    def check(self) -> None:
        """One look at the folder (the timer's slot): load it when it changed and has settled."""
        if self._detector.poll(fingerprint(self.content_dir)):
            _log.info("the content in %s changed; checking it", self.content_dir)
            self.reload()

    def reload(self, *, at_once: bool = False) -> bool:
        """Load and validate the folder now. Valid → offered to the controller (``at_once``: shown at once, for the
        operator who asked for it); invalid → the exhibit keeps what it shows. True when the content was valid."""
        state = fingerprint(self.content_dir)
        result = self._load(self.content_dir, strict_assets=False)
        self._detector.loaded(state)
        for warning in result.warnings:
            _log.warning("content: %s", warning)
        if not result.ok or result.content is None:
            self.errors = tuple(str(error) for error in result.errors) or ("the content could not be read",)
            for error in self.errors:
                _log.error("content: %s", error)
            _log.error(
                "the changed content has %d error(s); the exhibit keeps showing its last good content", len(self.errors)
            )
            self.status_changed.emit()
            return False
        self.errors = ()
        loaded = (release_version(self.content_dir), self._now())
        if at_once:
            self._shown, self._waiting = loaded, None
            self.controller.replace_content(result.content, self.content_dir)
            _log.info("new content shown now (%s)", result.content.summary())
        else:
            self._waiting = loaded
            self.controller.offer_content(result.content, self.content_dir)
            _log.info(
                "new content is valid (%s); it is shown from the next return to Home or the attract loop",
                result.content.summary(),
            )
        self.status_changed.emit()
        return True
