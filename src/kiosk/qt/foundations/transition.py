"""Page transitions drawn from two pictures, not from the live pages.

Fading a live page means drawing every one of its items with opacity, every frame: at 4K that is 40–55 ms a
frame. Instead the screen is pictured once before the change and once after (the new page as it will first
look), and those two pictures cross: the old one leaves, the new one rises into place. The live page waits
underneath, invisible but already touchable, and its own animations start when the pictures are gone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from kiosk.exhibit.motion import ease_out_cubic, linear
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.ticker import Ticker

RISE = 28.0  # logical px the new page travels up as it arrives
LEAVE_UNTIL = 0.45  # share of the transition in which the old picture fades out
ARRIVE_FROM = 0.3  # share of the transition after which the new picture fades in


def picture(scene: QGraphicsScene, scale: float, ground: QColor) -> QPixmap:
    """The whole scene as it is now, at ``scale`` device pixels per logical pixel."""
    rect = scene.sceneRect()
    pixmap = QPixmap(max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale)))
    pixmap.fill(ground)
    painter = QPainter(pixmap)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    scene.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()), rect)
    painter.end()
    return pixmap


class Picture(Item):
    """A picture of the screen, drawn over the logical scene rectangle."""

    def __init__(self, pixmap: QPixmap, rect: QRectF, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._pixmap = pixmap
        self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(self._rect, self._pixmap, QRectF(self._pixmap.rect()))


class Transition:
    """One running transition; :meth:`finish` ends it at once (a new one is about to start).

    Between pages the old picture fades out before the new one rises in (through the ground colour); with
    ``crossfade`` (a sheet opening over its page) the new picture rises in over the old one, which stays.
    """

    def __init__(
        self,
        scene: QGraphicsScene,
        ticker: Ticker,
        before: QPixmap,
        after: QPixmap,
        live: Sequence[QGraphicsItem],
        duration_s: float,
        on_done: Callable[[], None] | None = None,
        crossfade: bool = False,
    ):
        rect = scene.sceneRect()
        self._scene = scene
        self._ticker = ticker
        self._live = live
        self._on_done = on_done
        self._crossfade = crossfade
        self._old = Picture(before, rect)
        self._new = Picture(after, rect)
        for z, shown in ((1000, self._old), (1001, self._new)):
            shown.setZValue(z)
            shown.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(shown)
        self._new.setOpacity(0.0)
        for item in live:
            item.setOpacity(0.0)
        self.running = True
        ticker.tween(self, duration_s, self._step, easing=linear, on_done=self.finish)

    def _step(self, progress: float) -> None:
        if self._crossfade:
            arriving = progress
        else:
            self._old.setOpacity(max(0.0, 1.0 - progress / LEAVE_UNTIL))
            arriving = min(1.0, max(0.0, (progress - ARRIVE_FROM) / (1.0 - ARRIVE_FROM)))
        eased = ease_out_cubic(arriving)
        self._new.setOpacity(eased)
        self._new.setY(RISE * (1.0 - eased))

    def finish(self) -> None:
        if not self.running:
            return
        self.running = False
        self._ticker.cancel(self)
        for item in self._live:
            try:
                item.setOpacity(1.0)
            except RuntimeError:  # already deleted: a newer page replaced it
                pass
        for item in (self._old, self._new):
            if item.scene() is not None:
                self._scene.removeItem(item)
            item.deleteLater()
        if self._on_done is not None:
            self._on_done()
