"""Self-healing in the running exhibit: an error in a slot or a tap handler goes back to the attract loop with its
traceback in the log; errors that keep coming end the process (status 70); systemd hears READY=1 once and
WATCHDOG=1 only while the GUI thread runs; over the memory ceiling the exhibit restarts at the attract loop.

pytest-qt normally captures exceptions raised in Qt slots and fails the test; the tests about errors turn that off
(``qt_no_exception_capture``) so the exhibit's own ``sys.excepthook`` is the one that sees them.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

from kiosk.clock import ManualClock
from kiosk.exhibit.navigation import Attract
from kiosk.exit_codes import ExitCode
from kiosk.qt.app.build import build_exhibit
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.service.health import Health, install_health
from kiosk.settings.model import ExhibitSettings

from ..exhibit_fixtures import CONTENT_DIR, Harness, Pointer, awake

pytestmark = pytest.mark.gui
SAFETY_MS = 10_000  # a test that runs the application's own event loop ends it after this, whatever happens


@pytest.fixture
def health_for(qapp: QApplication) -> Iterator[Callable[..., Health]]:
    """``health_for(harness, **options)`` → install_health on that exhibit (no systemd unless ``environ`` says);
    everything is taken away after the test."""
    made: list[Health] = []

    def make(harness: Harness, **options: object) -> Health:
        """As ``run_exhibit`` wires it: the stage, the controller's recovery and its screens, the harness's clock."""
        options.setdefault("environ", {})
        recover = options.pop("recover", harness.controller.reset_to_attract)
        clock = options.pop("clock", harness.clock)
        health = install_health(qapp, harness.stage, recover, clock, **options)  # type: ignore[arg-type]
        harness.controller.screen_shown.connect(health.on_screen_shown)
        made.append(health)
        return health

    yield make
    for health in made:
        health.uninstall()
        health.deleteLater()


def run_event_loop(app: QApplication) -> int:
    """The application's real event loop (what ``kiosk run`` runs) until something quits it; its exit status.

    Nothing may quit the application once it returns: QCoreApplication.exit() with no exec() running makes every
    later QEventLoop end at once (pytest-qt's waits in later tests would then run nothing). So the safety timer stops
    with the loop, and the Quit that ``app.quit()`` leaves queued (it closes the windows, and the last one closing
    asks to quit once more) is dropped."""
    safety = QTimer(app)
    safety.setSingleShot(True)
    safety.timeout.connect(lambda: app.exit(-1))
    safety.start(SAFETY_MS)
    try:
        return app.exec()
    finally:
        safety.stop()
        safety.deleteLater()
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)


class Trap(QGraphicsRectItem):
    """A button whose handler has a bug."""

    name = "trap"

    def on_tap(self, point: QPointF) -> None:
        raise ValueError("a bug behind a button")


def on_home(harness: Harness) -> None:
    awake(harness)
    assert harness.screen != Attract()


# Errors --------------------------------------------------------------------------------------------------------
@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_timer_slot_returns_to_the_attract_loop_with_its_traceback_logged(
    harness: Harness, qtbot, caplog, health_for
) -> None:
    health_for(harness)
    on_home(harness)

    def slot_with_a_bug() -> None:
        raise RuntimeError("a bug in a slot")

    with caplog.at_level(logging.WARNING, "kiosk"):
        QTimer.singleShot(0, slot_with_a_bug)
        qtbot.waitUntil(lambda: harness.screen == Attract())
    assert isinstance(harness.controller.page, AttractPage)
    errors = [r for r in caplog.records if r.name == "kiosk.qt.service.guard" and r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert "Traceback" in caplog.text and "slot_with_a_bug" in caplog.text
    assert "RuntimeError: a bug in a slot" in caplog.text


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_tap_handler_returns_to_the_attract_loop(
    harness: Harness, pointer: Pointer, qtbot, caplog, health_for
) -> None:
    health = health_for(harness)
    on_home(harness)
    trap = Trap(QRectF(200, 300, 300, 200))
    trap.setZValue(10_000)
    harness.scene.addItem(trap)
    with caplog.at_level(logging.WARNING, "kiosk"):
        pointer.tap("trap")
        qtbot.waitUntil(lambda: harness.screen == Attract())
    assert health.guard.errors == 1 and health.guard.recoveries == 1
    assert "ValueError: a bug behind a button" in caplog.text and "in on_tap" in caplog.text


@pytest.mark.log_warnings("every recovered error is logged")
@pytest.mark.qt_no_exception_capture
def test_recovery_runs_on_the_next_event_loop_turn_once_for_errors_of_one_turn(
    harness: Harness, qtbot, health_for
) -> None:
    health = health_for(harness)
    on_home(harness)
    for _ in range(3):
        try:
            raise KeyError("several in one go")
        except KeyError:
            sys.excepthook(*sys.exc_info())  # what PySide6 does with an exception from a slot
    assert harness.screen != Attract()  # not from inside the code that failed
    qtbot.waitUntil(lambda: harness.screen == Attract())
    qtbot.wait(20)
    assert health.guard.errors == 3 and health.guard.recoveries == 1


@pytest.mark.qt_no_exception_capture
def test_a_recovery_that_fails_is_logged_not_raised(harness: Harness, qtbot, caplog, health_for) -> None:
    def broken_recovery() -> None:
        raise OSError("the recovery itself fails")

    health = health_for(harness, recover=broken_recovery)
    with caplog.at_level(logging.ERROR, "kiosk"):
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: "recovery after an error failed" in caplog.text)
    assert "OSError: the recovery itself fails" in caplog.text
    assert health.guard.errors == 2 and not health.guard.gave_up


@pytest.mark.qt_no_exception_capture
def test_errors_that_keep_coming_end_the_event_loop_with_status_70(harness: Harness, qapp, caplog, health_for) -> None:
    clock = ManualClock()
    health = health_for(harness, clock=clock)

    def failing_every_ten_seconds() -> None:
        clock.advance(10)  # six errors within 60 s
        raise RuntimeError("again")

    for i in range(6):  # the sixth quits (none is left to fire in a later test)
        QTimer.singleShot(5 * i, failing_every_ten_seconds)
    with caplog.at_level(logging.WARNING, "kiosk"):
        status = run_event_loop(qapp)
    assert status == ExitCode.TOO_MANY_ERRORS
    assert health.guard.gave_up and health.guard.recoveries <= 5
    assert "6 errors within 60 s: the exhibit quits (exit status 70)" in caplog.text


@pytest.mark.log_warnings("every recovered error is logged")
@pytest.mark.qt_no_exception_capture
def test_errors_spread_out_are_each_recovered(harness: Harness, qtbot, health_for) -> None:
    clock = ManualClock()
    health = health_for(harness, clock=clock)
    for _i in range(8):
        clock.advance(15)  # four per minute: under the limit
        on_home(harness)
        QTimer.singleShot(0, lambda: [][1])
        qtbot.waitUntil(lambda: harness.screen == Attract())
    assert health.guard.recoveries == 8 and not health.guard.gave_up


def test_the_hook_is_the_one_before_after_uninstalling(harness: Harness, health_for) -> None:
    before = sys.excepthook
    health = health_for(harness)
    assert sys.excepthook == health.guard.handle
    health.uninstall()
    assert sys.excepthook is before


# systemd ------------------------------------------------------------------------------------------------------
@pytest.fixture(params=["path", "abstract"])
def notify_socket(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    if request.param == "path":
        address = str(tmp_path / "notify")
        sock.bind(address)
    else:
        name = f"kiosk-test-{os.getpid()}-{uuid.uuid4().hex}"
        sock.bind("\0" + name)
        address = "@" + name
    sock.setblocking(False)
    yield sock, address
    sock.close()


def drain(sock: socket.socket) -> list[bytes]:
    got = []
    while True:
        try:
            got.append(sock.recv(4096))
        except BlockingIOError:
            return got


def test_ready_once_after_the_first_paint_and_watchdog_pings_only_while_the_gui_thread_runs(
    harness: Harness, qtbot, notify_socket, health_for
) -> None:
    sock, address = notify_socket
    environ = {"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "100000", "WATCHDOG_PID": str(os.getpid())}
    health = health_for(harness, environ=environ)
    assert health.systemd is not None
    received: list[bytes] = []
    qtbot.waitUntil(lambda: bool(received.extend(drain(sock))) or b"READY=1\nSTATUS=showing the exhibit" in received)
    qtbot.wait(500)  # a ping every 50 ms
    received += drain(sock)
    assert received.count(b"READY=1\nSTATUS=showing the exhibit") == 1
    assert received.count(b"WATCHDOG=1") >= 4

    time.sleep(0.3)  # the GUI thread is stuck: no ping may come from anywhere else
    assert drain(sock) == []
    qtbot.wait(200)
    assert b"WATCHDOG=1" in drain(sock)  # alive again


def test_ready_waits_for_the_window_to_be_painted(content, qapp, qtbot, notify_socket, health_for) -> None:
    sock, address = notify_socket
    exhibit = build_exhibit(content, ExhibitSettings(), ManualClock(), content_dir=CONTENT_DIR)
    qtbot.addWidget(exhibit.stage)
    health_for(Harness(exhibit, ManualClock()), environ={"NOTIFY_SOCKET": address})
    qtbot.wait(100)
    assert drain(sock) == []  # not shown yet: not ready
    exhibit.stage.resize(800, 450)
    exhibit.stage.show()
    received: list[bytes] = []
    qtbot.waitUntil(lambda: bool(received.extend(drain(sock))) or len(received) > 0)
    assert received[0].startswith(b"READY=1\n")


def test_without_notify_socket_nothing_is_sent_and_nothing_fails(harness: Harness, qtbot, health_for) -> None:
    health = health_for(harness, environ={"WATCHDOG_USEC": "100000"})
    assert health.systemd is None
    qtbot.wait(100)


def test_quitting_says_stopping(harness: Harness, qapp, notify_socket, health_for) -> None:
    sock, address = notify_socket
    health_for(harness, environ={"NOTIFY_SOCKET": address})
    QTimer.singleShot(200, qapp.quit)
    assert run_event_loop(qapp) == 0
    messages = drain(sock)
    assert messages[0].startswith(b"READY=1") and messages[-1] == b"STOPPING=1\nSTATUS=stopping"


# Memory ceiling -----------------------------------------------------------------------------------------------
def test_over_the_memory_ceiling_the_exhibit_restarts_at_the_next_attract_loop(
    harness: Harness, qapp, qtbot, caplog, notify_socket, health_for
) -> None:
    sock, address = notify_socket
    restarts: list[str] = []
    health = health_for(
        harness,
        environ={"NOTIFY_SOCKET": address},
        max_rss_mb=512,
        rss=lambda: 700.0,
        restart=lambda: restarts.append("again"),
    )
    on_home(harness)
    qtbot.wait(50)
    assert not health.restart_requested  # never under a visitor
    QTimer.singleShot(0, harness.controller.go_idle)  # the visitor left: the attract loop
    with caplog.at_level(logging.WARNING, "kiosk"):
        status = run_event_loop(qapp)
    assert status == 0 and health.restart_requested
    assert "uses 700 MB, above the ceiling of 512 MB" in caplog.text
    assert health.finish(status) == 1 and restarts == ["again"]
    assert not harness.stage.isVisible()
    messages = drain(sock)
    assert not any(b"STOPPING=1" in m for m in messages)  # the process stays: systemd must not expect it to end
    assert any(m.startswith(b"STATUS=restarting") for m in messages)


def test_under_the_ceiling_the_attract_loop_goes_on(harness: Harness, qtbot, health_for) -> None:
    health = health_for(harness, max_rss_mb=512, rss=lambda: 300.0, restart=lambda: pytest.fail("restarted"))
    on_home(harness)
    harness.controller.go_idle()
    qtbot.wait(50)
    assert not health.restart_requested and health.finish(0) == 0
