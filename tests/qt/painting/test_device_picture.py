"""A slow picture kept at the screen's pixels: drawn ahead once, then only copied; drawn as before where it cannot."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QRadialGradient

from kiosk.qt.exhibit.prebuild import prepare_pictures
from kiosk.qt.foundations.item import Item
from kiosk.qt.painting.device_picture import DevicePicture

RECT = QRectF(0, 0, 120, 80)


def _scene(painter: QPainter) -> None:
    glow = QRadialGradient(QPointF(40, 30), 70)
    glow.setColorAt(0.0, QColor("#f4d58d"))
    glow.setColorAt(1.0, QColor("#2a9d8f"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(glow)
    painter.setPen(QColor("#0b1733"))
    painter.drawEllipse(QRectF(6, 6, 108, 68))


def _shown(how, scale: float = 2.0, turn: float = 0.0) -> np.ndarray:
    image = QImage(300, 200, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#0b1733"))
    painter = QPainter(image)
    painter.translate(20, 10)  # whole device pixels: the copy lands where the drawing would
    painter.scale(scale, scale)
    if turn:
        painter.rotate(turn)
    how(painter)
    painter.end()
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return bits[:, : image.width(), 2::-1].astype(int)


def test_a_picture_drawn_ahead_is_copied_and_shows_what_drawing_it_shows(qapp) -> None:
    picture = DevicePicture(RECT, _scene)
    assert picture.prepare(2.0) and picture.drawn == 1 and picture.ready(2.0)
    assert not picture.prepare(2.0)  # there already
    copied = _shown(picture.paint)
    drawn = _shown(_scene)
    assert picture.drawn == 1  # the paint drew nothing: it copied
    difference = np.abs(copied - drawn).max(axis=2)
    assert difference.mean() < 1.0 and (difference > 48).mean() < 0.002
    assert np.abs(copied - _shown(lambda p: None)).max() > 100  # there is a picture to compare


def test_a_picture_not_drawn_ahead_is_drawn_at_its_first_paint_and_again_at_another_scale(qapp) -> None:
    picture = DevicePicture(RECT, _scene)
    _shown(picture.paint)
    assert picture.drawn == 1 and picture.ready(2.0)
    _shown(picture.paint)
    assert picture.drawn == 1
    _shown(picture.paint, scale=1.0)
    assert picture.drawn == 2 and picture.ready(1.0) and not picture.ready(2.0)
    assert picture.bytes == 120 * 80 * 4


def test_a_turned_picture_is_drawn_not_copied(qapp) -> None:
    picture = DevicePicture(RECT, _scene)
    turned = _shown(picture.paint, scale=1.0, turn=90)
    assert picture.drawn == 0
    assert np.abs(turned - _shown(_scene, scale=1.0, turn=90)).max() == 0


def test_pictures_are_drawn_ahead_one_a_step(qapp) -> None:
    root = Item()
    holders = []
    for _ in range(3):
        holder = Item(root)
        holder.picture = DevicePicture(RECT, _scene)  # type: ignore[attr-defined]  # what prepare_pictures looks for
        holders.append(holder)
    steps = prepare_pictures([root], 2.0)
    next(steps)
    assert [h.picture.drawn for h in holders].count(1) == 1  # type: ignore[attr-defined]
    assert len(list(steps)) == 2
    assert all(h.picture.ready(2.0) for h in holders)  # type: ignore[attr-defined]
    assert list(prepare_pictures([root], 2.0)) == []  # nothing left to draw


def test_a_picture_drawn_elsewhere_is_handed_over_and_the_step_does_not_wait_for_it(qapp) -> None:
    """A story's scene takes 17–47 ms at 4K: drawn in the pictures' thread, the slice of idle work that asks for it
    returns at once, and the picture is there once the thread has drawn it."""
    go = threading.Event()

    def elsewhere() -> Callable[[QPainter], None]:
        go.wait(10)  # the worker is busy until the test lets it go
        return _scene

    picture = DevicePicture(RECT, _scene, elsewhere)
    with ThreadPoolExecutor(max_workers=1) as thread:
        assert picture.prepare_elsewhere(2.0, thread.submit)
        assert not picture.ready(2.0) and picture.drawn == 0  # asked for, not drawn yet: the step did not wait
        assert not picture.prepare_elsewhere(2.0, thread.submit)  # on its way: not asked for twice
        go.set()
        thread.submit(lambda: None).result(10)
    assert picture.ready(2.0) and picture.drawn == 1
    assert np.abs(_shown(picture.paint, scale=2.0) - _shown(_scene, scale=2.0)).max() <= 1


def test_a_picture_released_while_it_is_drawn_elsewhere_is_not_kept(qapp) -> None:
    go = threading.Event()

    def elsewhere() -> Callable[[QPainter], None]:
        go.wait(10)
        return _scene

    picture = DevicePicture(RECT, _scene, elsewhere)
    with ThreadPoolExecutor(max_workers=1) as thread:
        picture.prepare_elsewhere(2.0, thread.submit)
        picture.release()  # its item went meanwhile
        go.set()
        thread.submit(lambda: None).result(10)
    assert not picture.ready(2.0) and picture.bytes == 0


def test_a_picture_without_a_way_to_be_drawn_elsewhere_is_drawn_at_once(qapp) -> None:
    picture = DevicePicture(RECT, _scene)
    assert picture.prepare_elsewhere(2.0, lambda job: pytest.fail("nothing goes to the thread"))
    assert picture.ready(2.0)
