"""A story on the attract loop's wall: its own picture (the scene drawn for it, or its pattern), labelled with its
title in both languages over a dark scrim along the foot, and the "first" it claims in gold. In its moment a ring in
the pillar's colour swells round it and settles (:meth:`PictureTile.set_lit`): only that ring's opacity changes,
over pictures and words drawn once into their caches.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.model import Card, Pillar, Policy
from kiosk.qt.exhibit.attract.layout import Scene, bilingual, field_colours
from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.exhibit.screens.story_art import drawn_picture, rounded_path
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix

RADIUS = 22.0
RING_PX = 10.0  # the ring of a story in its moment: seen from across the hall
PAD = 26.0
VEIL = 0.6  # how dark the other pictures get while one has its moment


class Scrim(Item):
    """The dark wash along a picture's foot that its label is set on (clear at ``fade_from``, dark at the foot)."""

    def __init__(self, width: float, height: float, fade_from: float, ground: QColor, parent: QGraphicsItem):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._fade_from = fade_from
        self._ground = QColor(ground)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(0, self._fade_from, self._rect.width(), self._rect.height() - self._fade_from)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipPath(rounded_path(self._rect, RADIUS))
        box = self.boundingRect()
        wash = QLinearGradient(0, box.top(), 0, box.top() + min(90.0, box.height() / 2))
        clear, dark = QColor(self._ground), QColor(self._ground)
        clear.setAlphaF(0.0)
        dark.setAlphaF(0.86)
        wash.setColorAt(0.0, clear)
        wash.setColorAt(1.0, dark)
        painter.fillRect(box, wash)


class Overlay(Item):
    """Over a tile, shown by its opacity: a rounded ring round it (``ring``, how lit it is) or a veil over it (how
    far it steps back). Not cached: a fill or a ring costs about what copying a cache of it does, and a tile-sized
    cache of each was 26 MB a wall at 4K."""

    def __init__(self, width: float, height: float, colour: QColor, ring: bool, parent: QGraphicsItem):
        super().__init__(parent)
        self._rect = QRectF(0, 0, width, height)
        self._colour = QColor(colour)
        self._ring = ring
        self.setOpacity(0.0)

    def boundingRect(self) -> QRectF:
        grow = RING_PX if self._ring else 0.0
        return self._rect.adjusted(-grow, -grow, grow, grow)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._ring:
            painter.fillPath(rounded_path(self._rect, RADIUS), self._colour)
            return
        painter.setPen(QPen(self._colour, RING_PX))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = -RING_PX / 2 + 1
        painter.drawRoundedRect(self._rect.adjusted(inset, inset, -inset, -inset), RADIUS + 4, RADIUS + 4)


class PictureTile(Item):
    """``story`` of ``pillar`` as a ``width`` × ``height`` picture with its title; a touch on it opens the story."""

    def __init__(
        self,
        ctx: PageContext,
        scene: Scene,
        pillar: Pillar,
        story: Card | Policy,
        width: float,
        height: float,
        parent: QGraphicsItem,
    ):
        super().__init__(parent)
        look = ctx.look
        self._rect = QRectF(0, 0, width, height)
        self.picture = drawn_picture(ctx.art, story, pillar.accent, look.theme.ground, ctx.typography, ctx.language,
                                     width, height, RADIUS, self)  # fmt: skip
        label = Item(None)  # set from the foot up once its height is known
        first = story.first if isinstance(story, Card) else None
        top = 0.0
        if first is not None:
            ctx.text(first.get(ctx.language), "label", width - 2 * PAD, 46, label, 0, 0,
                     origin=f"{story.id}.first", colour=look.theme.number, px=30.0, bold=True, max_lines=1)  # fmt: skip
            top = 46.0
        bottom = bilingual(ctx, scene, story.title, QRectF(0, top, width - 2 * PAD, height * 0.6 - top), label,
                           origin=f"{story.id}.title", role="heading", px=40.0, second_px=28.0, max_lines=3,
                           second_lines=2)  # fmt: skip
        label_top = max(height * 0.3, height - PAD * 0.8 - bottom)
        Scrim(width, height, max(0.0, label_top - 70.0), QColor(look.theme.ground), self)
        label.setParentItem(self)
        label.setPos(PAD, label_top)
        self.label = label
        # The picture, its scrim and its words are drawn by the tile itself into its one cache (see paint): a tile
        # drawn again (as it appears, or in its moment) is one copy, not one a layer.
        self._flat = [item for item in self.childItems()]
        for item in self._flat:
            item.setVisible(False)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.veil = Overlay(width, height, field_colours(look, pillar.accent)[1], False, self)  # to the field's colour
        self.ring = Overlay(width, height, mix(pillar.accent, "#FFFFFF", 0.45), True, self)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for item in self._flat:
            _paint_tree(item, painter, option, widget)

    def set_lit(self, glow: float, veiled: float = 0.0) -> None:
        """How lit the tile is, 0..1 (its ring's opacity), and how far it steps back while another one is lit."""
        glow, veiled = round(glow, 3), round(veiled * VEIL, 3)
        if glow != self.ring.opacity():
            self.ring.setOpacity(glow)
        if veiled != self.veil.opacity():
            self.veil.setOpacity(veiled)


def _paint_tree(
    item: QGraphicsItem, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None
) -> None:
    """Draw ``item`` and the items inside it (placed by position only) with ``painter``, as the scene would."""
    painter.save()
    painter.translate(item.pos())
    item.paint(painter, option, widget)
    painter.restore()
    for child in sorted(item.childItems(), key=lambda c: c.zValue()):
        painter.save()
        painter.translate(item.pos())
        _paint_tree(child, painter, option, widget)
        painter.restore()
