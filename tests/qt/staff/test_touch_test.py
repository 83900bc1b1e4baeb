"""Touch diagnostics: every finger of a multi-touch drawn with its id, a mouse press too, the count, and Close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from kiosk.qt.staff.access import OperatorAccess, OperatorSettings, install_operator_access
from kiosk.qt.staff.touch_test import MOUSE_ID, TouchDiagnostics

from ..exhibit_fixtures import Harness, Mouse
from .test_access import FakeActions

pytestmark = pytest.mark.gui

FIRST, SECOND = QPointF(500, 600), QPointF(1400, 420)


@pytest.fixture
def diagnostics(harness: Harness, mouse: Mouse) -> tuple[OperatorAccess, TouchDiagnostics]:
    access = install_operator_access(
        harness.controller, harness.stage, OperatorSettings(), FakeActions(), harness.clock
    )
    access.open_panel()
    mouse.tap("operator-touch-test")
    assert isinstance(access.overlay, TouchDiagnostics) and harness.controller.held
    return access, access.overlay


def screen_image(harness: Harness) -> QImage:
    return harness.stage.viewport().grab().toImage()


def differs(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 60


def test_two_fingers_are_drawn_as_two_points_with_their_ids(harness: Harness, diagnostics) -> None:
    _access, diag = diagnostics
    viewport = harness.viewport
    at = harness.to_viewport
    before = screen_image(harness)
    device = QTest.createTouchDevice()
    QTest.touchEvent(viewport, device).press(0, at(FIRST), viewport).commit()
    QTest.touchEvent(viewport, device).stationary(0).press(1, at(SECOND), viewport).commit()
    assert sorted(diag.points) == [0, 1]
    assert diag.points[0].logical == FIRST and diag.points[1].logical == SECOND
    assert diag.points[1].screen == QPointF(at(SECOND))
    assert diag.count.text.startswith("触点 2") and "Points 2" in diag.count.text
    after = screen_image(harness)
    for point in (FIRST, SECOND):
        ring = at(point + QPointF(46, 0))  # on each point's ring
        assert differs(before.pixelColor(ring), after.pixelColor(ring)), point
    untouched = at(QPointF(960, 900))
    assert not differs(before.pixelColor(untouched), after.pixelColor(untouched))
    QTest.touchEvent(viewport, device).move(0, at(FIRST + QPointF(80, 0)), viewport).stationary(1).commit()
    assert len(diag.points[0].trail) == 2
    QTest.touchEvent(viewport, device).release(0, at(FIRST + QPointF(80, 0)), viewport).stationary(1).commit()
    assert sorted(diag.points) == [1]
    QTest.touchEvent(viewport, device).release(1, at(SECOND), viewport).commit()
    assert diag.points == {} and diag.most == 2
    assert diag.count.text.startswith("触点 0 · 最多 2")


def test_a_mouse_press_is_drawn_too(harness: Harness, mouse: Mouse, diagnostics) -> None:
    _access, diag = diagnostics
    mouse.press(FIRST)
    assert list(diag.points) == [MOUSE_ID]
    mouse.move(FIRST + QPointF(0, 100))
    assert diag.points[MOUSE_ID].logical == FIRST + QPointF(0, 100)
    mouse.release(FIRST + QPointF(0, 100))
    assert diag.points == {} and diag.most == 1


def test_touching_keeps_it_open_and_a_minute_untouched_closes_it(harness: Harness, diagnostics) -> None:
    access, _diag = diagnostics
    viewport, at = harness.viewport, harness.to_viewport
    device = QTest.createTouchDevice()
    harness.clock.advance(50)
    QTest.touchEvent(viewport, device).press(0, at(FIRST), viewport).commit()
    QTest.touchEvent(viewport, device).release(0, at(FIRST), viewport).commit()
    harness.clock.advance(50)
    access.timeout_timer.timeout.emit()
    assert access.showing == "diagnostics"
    harness.clock.advance(10)
    access.timeout_timer.timeout.emit()
    assert access.showing == "nothing" and not harness.controller.held


def test_closed_it_stops_watching(harness: Harness, mouse: Mouse, diagnostics) -> None:
    access, diag = diagnostics
    mouse.tap("touch-close")
    assert access.showing == "panel"
    mouse.press(FIRST)
    assert diag.points == {}
    mouse.release(FIRST)
