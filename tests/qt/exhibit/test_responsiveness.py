"""Instant under the finger: the touched control looks pressed in the next frame, a transition's first frame is
painted by the tap itself, the old picture is read from the screen, and the hand-over at its end draws nothing again
yet leaves exactly what the live scene draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.qt.exhibit.screens.home import HomePage, PillarTile
from kiosk.qt.exhibit.screens.pillar import PillarPageView
from kiosk.qt.widgets.button import Button

from ..exhibit_fixtures import Harness, Pointer

pytestmark = pytest.mark.gui


def at_home(harness: Harness) -> None:
    harness.controller.wake()
    harness.settle()
    QApplication.processEvents()
    assert isinstance(harness.controller.page, HomePage)


def test_a_pressed_control_looks_pressed_until_the_finger_slides_off(harness: Harness, pointer: Pointer) -> None:
    at_home(harness)
    tile = harness.of_type(PillarTile)[0]
    start = harness.centre(tile)
    pointer.press(start)
    assert tile.pressed
    pointer.move(start + (harness.centre("home") - start) * 0.5)  # a drag, not a tap
    pointer.release(harness.centre("home"))
    assert not tile.pressed
    assert isinstance(harness.controller.page, HomePage)


def test_the_press_is_painted_before_the_finger_lifts(harness: Harness, pointer: Pointer) -> None:
    at_home(harness)
    tile = harness.of_type(PillarTile)[0]
    rect = harness.stage.mapFromScene(tile.sceneBoundingRect()).boundingRect()
    centre = rect.center()
    spot = QRect(centre.x() - rect.width() // 3, rect.top() + 6, 8, 8)  # a piece of bare tile surface near its top
    before = harness.stage.grab(spot).toImage()
    pointer.press(harness.centre(tile))
    QApplication.processEvents()
    assert harness.stage.grab(spot).toImage() != before
    pointer.release(harness.centre(tile))


def test_the_touch_that_wakes_the_exhibit_presses_nothing(harness: Harness, pointer: Pointer) -> None:
    pointer.press(harness.centre(harness.controller.page))  # type: ignore[arg-type]
    assert not [button for button in harness.of_type(Button) if button.pressed]
    pointer.release(harness.centre(harness.controller.page))  # type: ignore[arg-type]


def test_a_tap_paints_the_first_frame_of_its_transition_at_once(harness: Harness) -> None:
    at_home(harness)
    painted = harness.stage.frames_painted
    harness.controller.open_pillar(harness.controller.pillar_ids[0])
    assert harness.stage.covered and harness.stage.frames_painted == painted + 1
    assert isinstance(harness.controller.page, PillarPageView)  # the live page is there, under the pictures
    harness.settle()
    assert not harness.stage.covered


def test_the_old_picture_is_read_from_the_screen(harness: Harness) -> None:
    at_home(harness)
    harness.stage.viewport().repaint()
    size = harness.stage.device_size()
    read, drawn = QImage(size, QImage.Format.Format_RGB32), QImage(size, QImage.Format.Format_RGB32)
    assert harness.stage.on_screen(read)
    harness.stage.draw_scene_into(drawn)
    assert mismatch(read, drawn) < 0.01


def test_after_a_transition_the_screen_is_what_the_scene_draws(harness: Harness) -> None:
    at_home(harness)
    harness.controller.open_outlook()
    while harness.stage.covered:  # frame by frame, as a running exhibit would
        harness.clock.advance(1 / 60)
        harness.controller.context().ticker.tick()
        QApplication.processEvents()
    harness.controller.stop_timers()
    size = harness.stage.device_size()
    shown, drawn = QImage(size, QImage.Format.Format_RGB32), QImage(size, QImage.Format.Format_RGB32)
    assert harness.stage.on_screen(shown)
    harness.stage.draw_scene_into(drawn)
    assert mismatch(shown, drawn) < 0.01


def mismatch(a: QImage, b: QImage, step: int = 7) -> float:
    """Share of sampled pixels that differ by more than a rounding."""
    differ = total = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            pa, pb = a.pixel(QPoint(x, y)), b.pixel(QPoint(x, y))
            total += 1
            if any(abs(((pa >> s) & 255) - ((pb >> s) & 255)) > 3 for s in (0, 8, 16)):
                differ += 1
    return differ / total
