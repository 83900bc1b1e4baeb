"""Named QTimers: every timer the exhibit owns has an object name, so tests and leak checks can find it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def named_timer(
    parent: QObject, name: str, slot: Callable[[], None], *, single_shot: bool, interval_ms: int | None = None
) -> QTimer:
    """A timer owned by ``parent`` (it dies with it), called ``name``, that calls ``slot`` (a bound method)."""
    timer = QTimer(parent)
    timer.setObjectName(name)
    timer.setSingleShot(single_shot)
    if interval_ms is not None:
        timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
