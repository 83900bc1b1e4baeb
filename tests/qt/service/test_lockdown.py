"""Kiosk-mode lock-down on the real stage: closing keys refused, close refused, back to full screen in front."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.qt.service.lockdown import LockDown, install_lockdown, refused_combination

from ..exhibit_fixtures import LANDSCAPE, Harness, build_shown

pytestmark = pytest.mark.gui

K, M = Qt.Key, Qt.KeyboardModifier
NONE = M.NoModifier
HARMLESS_MODIFIER_KEYS = (K.Key_Alt, K.Key_Control, K.Key_Shift)
COMBINATIONS = [
    ("Alt+F4", K.Key_F4, M.AltModifier),
    ("Ctrl+Q", K.Key_Q, M.ControlModifier),
    ("Ctrl+W", K.Key_W, M.ControlModifier),
    ("Ctrl+F4", K.Key_F4, M.ControlModifier),
    ("Esc", K.Key_Escape, NONE),
    ("F11", K.Key_F11, NONE),
    ("Alt+Space", K.Key_Space, M.AltModifier),
    ("Ctrl+M", K.Key_M, M.ControlModifier),
    ("Meta/Super", K.Key_Meta, NONE),
    ("Meta/Super", K.Key_Super_L, NONE),
    ("Meta/Super", K.Key_D, M.MetaModifier),
    ("Alt+Tab", K.Key_Tab, M.AltModifier),
    ("Ctrl+Alt+Del", K.Key_Delete, M.ControlModifier | M.AltModifier),
]


class KeyRecorder(QObject):
    """Sees every key event that gets past the lock-down to the stage or its viewport (QTest's presses of Alt, Ctrl
    and Shift around a combination are harmless and not recorded)."""

    def __init__(self, *targets: QObject):
        super().__init__()
        self.seen: list[int] = []
        for target in targets:
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
            and event.key() not in HARMLESS_MODIFIER_KEYS
        ):
            self.seen.append(event.key())
        return False


def past_rate_limit(harness: Harness) -> None:
    """Let late window events of the set-up (an activation change arriving under load) spend their restore, and
    move the hand-driven clock past the restore rate limit, so the next restore happens at once."""
    QApplication.processEvents()
    harness.clock.advance(1)


@pytest.fixture
def kiosk(qtbot, content) -> Iterator[tuple[Harness, LockDown]]:
    """The exhibit full-screen and locked down. Not handed to qtbot: it closes widgets before fixtures end, and
    this window refuses to close until released."""
    harness = build_shown(content, LANDSCAPE)
    stage = harness.stage
    stage.showFullScreen()
    qtbot.waitExposed(stage)
    qtbot.waitUntil(stage.isFullScreen)
    lockdown = install_lockdown(stage, harness.clock)
    try:
        yield harness, lockdown
    finally:
        lockdown.release()
        stage.close()
        stage.deleteLater()
        QApplication.processEvents()


@pytest.mark.parametrize("name,key,modifiers", COMBINATIONS, ids=[f"{c[0]}-{i}" for i, c in enumerate(COMBINATIONS)])
def test_every_closing_key_is_refused_and_logged_once(kiosk, qtbot, caplog, name, key, modifiers) -> None:
    harness, _lockdown = kiosk
    stage = harness.stage
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence(key | modifiers), stage)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(name))
    recorder = KeyRecorder(stage, stage.viewport())
    with caplog.at_level(logging.INFO, logger="kiosk.qt.service.lockdown"):
        for _ in range(3):
            QTest.keyClick(stage, key, modifiers)
            QTest.keyClick(stage.viewport(), key, modifiers)
        QApplication.processEvents()
    assert fired == [], f"{name} reached a shortcut"
    assert recorder.seen == [], f"{name} reached the stage"
    assert stage.isVisible() and stage.isFullScreen() and not stage.isMinimized()
    lines = [r.getMessage() for r in caplog.records if r.getMessage() == f"kiosk lock-down: refused {name}"]
    assert len(lines) == 1  # one line per combination, however often it is pressed


def test_harmless_keys_pass() -> None:
    assert refused_combination(K.Key_A, NONE) is None
    assert refused_combination(K.Key_Q, NONE) is None
    assert refused_combination(K.Key_F4, NONE) is None
    assert refused_combination(K.Key_Tab, NONE) is None
    assert refused_combination(K.Key_Escape, M.ShiftModifier) == "Esc"
    assert refused_combination(K.Key_Q, M.ControlModifier | M.ShiftModifier) == "Ctrl+Q"


def test_close_is_refused_and_logged_until_released(kiosk, qtbot, caplog) -> None:
    harness, lockdown = kiosk
    stage = harness.stage
    with caplog.at_level(logging.WARNING, logger="kiosk.qt.service.lockdown"):
        assert stage.close() is False
        assert stage.close() is False
    QApplication.processEvents()
    assert stage.isVisible() and stage.isFullScreen()
    refused = [r for r in caplog.records if "request to close the exhibit was refused" in r.getMessage()]
    assert len(refused) == 1  # rate-limited
    harness.clock.advance(61)
    with caplog.at_level(logging.WARNING, logger="kiosk.qt.service.lockdown"):
        stage.close()
    assert len([r for r in caplog.records if "refused" in r.getMessage()]) == 2
    lockdown.release()
    assert stage.close() is True
    assert not stage.isVisible()


def test_the_window_comes_back_to_full_screen(kiosk, qtbot, caplog) -> None:
    harness, _lockdown = kiosk
    stage = harness.stage
    with caplog.at_level(logging.WARNING, logger="kiosk.qt.service.lockdown"):
        past_rate_limit(harness)
        stage.showNormal()
        assert not stage.isFullScreen()
        qtbot.waitUntil(stage.isFullScreen, timeout=2000)
        harness.clock.advance(1)
        stage.showMinimized()
        qtbot.waitUntil(lambda: stage.isFullScreen() and not stage.isMinimized(), timeout=2000)
        harness.clock.advance(1)
        stage.hide()
        qtbot.waitUntil(lambda: stage.isVisible() and stage.isFullScreen(), timeout=2000)
    messages = " | ".join(r.getMessage() for r in caplog.records)
    assert "left full screen" in messages and "minimised" in messages and "hidden" in messages


@pytest.mark.log_warnings("each restore of the window is logged")
def test_restores_are_rate_limited_on_the_clock(kiosk, qtbot) -> None:
    harness, lockdown = kiosk
    stage = harness.stage
    past_rate_limit(harness)
    stage.showNormal()
    qtbot.waitUntil(stage.isFullScreen, timeout=2000)
    stage.showNormal()  # again at once: the next restore waits its turn
    QApplication.processEvents()
    assert not stage.isFullScreen() and lockdown.restore_timer.isActive()
    assert lockdown.restore_timer.interval() > 400
    harness.clock.advance(0.5)
    lockdown.restore_timer.timeout.emit()
    assert stage.isFullScreen()


def test_released_the_window_may_leave_full_screen(kiosk, qtbot) -> None:
    harness, lockdown = kiosk
    lockdown.release()
    harness.stage.showNormal()
    QApplication.processEvents()
    QApplication.processEvents()
    assert not harness.stage.isFullScreen() and not lockdown.restore_timer.isActive()


QUIT_SCRIPT = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from kiosk.qt.service.lockdown import install_lockdown
app = QApplication(sys.argv[:1])
window = QWidget()
window.showFullScreen()
app.processEvents()
lockdown = install_lockdown(window, time.monotonic)
window.close()  # refused
assert window.isVisible()
QTimer.singleShot(50, app.quit)  # what SIGTERM's handler does
QTimer.singleShot(5000, lambda: app.exit(3))  # the quit was refused
code = app.exec()
print(code, window.isVisible(), lockdown.released)
"""


def test_the_applications_own_quit_is_not_refused() -> None:
    """SIGTERM (and the operator's Exit) quit with QApplication.quit(), which asks every window to close."""
    run = subprocess.run(
        [sys.executable, "-c", QUIT_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["0", "False", "True"]
