"""The one policy for mouse events a touch also produces: a synthesised mouse event during a touch or just after it is
its echo; a real mouse never is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice

from kiosk.clock import ManualClock
from kiosk.qt.input.touch_echo import GRACE_S, TouchEcho

BY_QT = Qt.MouseEventSource.MouseEventSynthesizedByQt
BY_SYSTEM = Qt.MouseEventSource.MouseEventSynthesizedBySystem
REAL = Qt.MouseEventSource.MouseEventNotSynthesized


def press(source: Qt.MouseEventSource) -> QMouseEvent:
    left = Qt.MouseButton.LeftButton
    at = QPointF(10, 10)
    return QMouseEvent(
        QEvent.Type.MouseButtonPress,
        at,
        at,
        at,
        left,
        left,
        Qt.KeyboardModifier.NoModifier,
        source,
        QPointingDevice.primaryPointingDevice(),
    )


@pytest.mark.parametrize("source", [BY_QT, BY_SYSTEM])
def test_a_synthesised_press_during_and_just_after_a_touch_is_its_echo(qapp, source) -> None:
    clock = ManualClock()
    echo = TouchEcho(clock)
    assert not echo.is_echo(press(source))  # no touch yet: a mouse-emulating panel's own press
    echo.touch_began()
    assert echo.touching and echo.is_echo(press(source))
    echo.touch_ended()
    clock.advance(GRACE_S / 2)
    assert echo.is_echo(press(source))
    clock.advance(GRACE_S)
    assert not echo.is_echo(press(source))


def test_a_real_mouse_is_never_an_echo(qapp) -> None:
    echo = TouchEcho(ManualClock())
    echo.touch_began()
    assert not echo.is_echo(press(REAL))


def test_ending_without_a_touch_changes_nothing(qapp) -> None:
    clock = ManualClock()
    echo = TouchEcho(clock)
    echo.touch_ended()
    assert not echo.touching and not echo.is_echo(press(BY_QT))
