"""A transition's frames, drawn from its two pictures on a screen of our own: what each frame shows, and that the
sheet's dimmed page is baked once and then copied, showing what fill-and-blend showed."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from kiosk.clock import ManualClock
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.transition import ARRIVE_FROM, SHEET_DIM, Cover, Transition

SIZE = QSize(320, 180)
GROUND = QColor("#0b1733")


class PaperScreen:
    """A screen that is an image: the transition's frames are painted into ``shown`` when asked."""

    def __init__(self, new_picture: QColor) -> None:
        self.shown = QImage(SIZE, QImage.Format.Format_RGB32)
        self.shown.fill(QColor("#ff00ff"))
        self._new = new_picture
        self.cover: Cover | None = None

    def device_size(self) -> QSize:
        return QSize(SIZE)

    def logical_to_device(self) -> QTransform:
        return QTransform()

    def ground(self) -> QColor:
        return QColor(GROUND)

    def render_band(self, image: QImage, band: QRect) -> None:
        painter = QPainter(image)
        painter.fillRect(band, self._new)
        painter.end()

    def set_cover(self, cover: Cover | None, *, shows_scene: bool = True) -> None:
        self.cover = cover

    def repaint_cover(self, now: bool = False) -> None:
        if self.cover is not None:
            self.cover.work()
            painter = QPainter(self.shown)
            self.cover.paint(painter)
            painter.end()


def _pixels(image: QImage) -> np.ndarray:
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return bits[:, : image.width(), 2::-1].astype(int)  # the bytes are B, G, R, A


def _old_picture() -> QImage:
    image = QImage(SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4d58d"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 160, 90), QColor("#2a9d8f"))
    painter.end()
    return image


def _expected_dimmed(old: QImage) -> np.ndarray:
    """The sheet's page as fill-and-blend drew it: the ground, the old picture at 1 − SHEET_DIM over it."""
    image = QImage(SIZE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.fillRect(QRect(QPoint(0, 0), SIZE), GROUND)
    painter.setOpacity(1.0 - SHEET_DIM)
    painter.drawImage(QPoint(0, 0), old)
    painter.end()
    return _pixels(image)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def _run_to(transition: Transition, ticker: Ticker, clock: ManualClock, progress: float) -> None:
    """Frames a millisecond apart until the transition is at ``progress`` (or has ended)."""
    while transition.running and transition._progress < progress:
        clock.advance(0.001)
        ticker.tick()


def test_a_sheet_dims_its_page_once_and_then_copies_it(qapp, clock: ManualClock) -> None:
    ticker = Ticker(clock)
    screen = PaperScreen(QColor("#e76f51"))
    old = _old_picture()
    expected = _expected_dimmed(old.copy())
    transition = Transition(screen, ticker, old, QImage(SIZE, QImage.Format.Format_RGB32), [], 0.5, crossfade=True)
    _run_to(transition, ticker, clock, ARRIVE_FROM * 0.999)
    assert not transition._dimmed
    _run_to(transition, ticker, clock, ARRIVE_FROM)
    assert transition._dimmed
    # Before the new picture shows, the frame is the dimmed page: as fill-and-blend drew it, within rounding.
    if transition._opacities()[1] == 0.0:
        assert np.abs(_pixels(screen.shown) - expected).max() <= 2
    baked = _pixels(old)  # the old picture itself is now the dimmed page
    assert np.abs(baked - expected).max() <= 2
    # Later frames copy it: the new picture rises over exactly that page (nothing dims it again).
    _run_to(transition, ticker, clock, 0.7)
    assert np.abs(_pixels(old) - baked).max() == 0
    frame = _pixels(screen.shown)
    new_alpha = transition._opacities()[1]
    row, col = SIZE.height() // 2 + 20, 300  # below the rise, away from the edges
    mixed = expected[row, col] * (1 - new_alpha) + np.array([0xE7, 0x6F, 0x51]) * new_alpha
    assert np.abs(frame[row, col] - mixed).max() <= 3
    _run_to(transition, ticker, clock, 1.0)
    assert not transition.running


def test_a_page_transition_fades_through_the_ground(qapp, clock: ManualClock) -> None:
    ticker = Ticker(clock)
    screen = PaperScreen(QColor("#e76f51"))
    old = _old_picture()
    transition = Transition(screen, ticker, old, QImage(SIZE, QImage.Format.Format_RGB32), [], 0.5)
    _run_to(transition, ticker, clock, ARRIVE_FROM * 0.8)
    assert not transition._dimmed
    frame = _pixels(screen.shown)
    old_alpha = transition._opacities()[0]
    expected = (
        np.array([GROUND.red(), GROUND.green(), GROUND.blue()]) * (1 - old_alpha)
        + np.array([0xF4, 0xD5, 0x8D]) * old_alpha
    )
    assert np.abs(frame[150, 300] - expected).max() <= 3
