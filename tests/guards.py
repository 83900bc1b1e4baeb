"""Guards every test runs under (qutebrowser and napari do the same): a WARNING from the project's own loggers that
the test did not ask for fails it, and so does a GUI test that leaves a QTimer or an animation running.

A test that expects warnings says so with ``@pytest.mark.log_warnings("why")`` or by using ``caplog`` (it then
looks at the lines itself); one that leaves a timer on purpose says ``@pytest.mark.leaves_timers("why")``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest

PROJECT_LOGGER = "kiosk"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def unexpected_log_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("log_warnings") is not None or "caplog" in request.fixturenames:
        yield
        return
    collector = _Collector()
    logger = logging.getLogger(PROJECT_LOGGER)
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
    if collector.records:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in collector.records[:10])
        pytest.fail(
            f"unexpected warnings from the kiosk loggers (mark the test log_warnings('why') if they are meant):\n"
            f"{lines}",
            pytrace=False,
        )


def leftover_timers() -> list[str]:
    """Every QTimer still running and every animation still playing among the live widgets and the application's
    children, after deferred deletions are done. Empty where Qt was never loaded."""
    if "PySide6.QtWidgets" not in sys.modules:
        return []
    from PySide6.QtCore import QAbstractAnimation, QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    found = []
    for root in roots:
        for timer in root.findChildren(QTimer):
            if timer.isActive():
                found.append(f"QTimer {timer.objectName() or '(no name)'} of {type(timer.parent()).__name__}")
        for animation in root.findChildren(QAbstractAnimation):
            if animation.state() == QAbstractAnimation.State.Running:
                found.append(f"{type(animation).__name__} {animation.objectName() or '(no name)'}")
    return found


def no_leftover_timers(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if request.node.get_closest_marker("leaves_timers") is not None:
        return
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    left = leftover_timers()
    if left:
        pytest.fail(
            "the test left timers or animations running (stop them, or close what owns them):\n  " + "\n  ".join(left),
            pytrace=False,
        )
    if left_quitting():
        pytest.fail(
            "the test left the application quitting: QCoreApplication.exit() ran, or a Quit event was still queued, "
            "with no app.exec() running, and Qt then ends every later event loop at once (pytest-qt's waits stop "
            "processing events); after app.exec() stop what could still quit it and drop the queued Quit events",
            pytrace=False,
        )


def left_quitting() -> bool:
    """Whether the application was left quitting, which is then undone. ``QCoreApplication.exit()`` outside
    ``app.exec()`` (a Quit event delivered late does that too) sets a flag only the next ``app.exec()`` clears; until
    then every ``QEventLoop.exec()`` returns at once without running anything."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return False
    loop = QEventLoop()
    QTimer.singleShot(0, loop, lambda: loop.exit(1))
    if loop.exec() == 1:
        return False
    QTimer.singleShot(0, app, lambda: app.exit(0))
    app.exec()  # clears the flag, so that later tests are not failed for this one
    return True


def shut_qt_down() -> None:
    """Close and delete every top-level widget, flush deferred deletions, collect garbage, shut the app down."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.shutdown()
