"""A scene's root that shows its scene by a wipe: its children are drawn only within the part revealed so far,
which grows from one edge of the screen to the other.

A wipe is cheap to draw at any size: each frame only the strip the edge passed over is drawn again (the rest of the
screen does not change), where a cross-fade or a glide would draw the whole screen every frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from kiosk.exhibit.motion import clamp01
from kiosk.qt.foundations.item import Item

EDGES = ("left", "right", "top", "bottom")


class WipeRoot(Item):
    """Holds one scene within ``box``; :meth:`set_revealed` shows the part from ``edge`` up to a share of the way
    across (1.0: all of it)."""

    def __init__(self, box: QRectF, edge: str, parent: QGraphicsItem | None = None, screen: QRectF | None = None):
        """``screen``: what of it can be seen, in its parent's coordinates (all of ``box`` when None)."""
        super().__init__(parent)
        self._screen = QRectF(box) if screen is None else QRectF(screen)
        if edge not in EDGES:
            raise ValueError(f"edge must be one of {EDGES}, not {edge!r}")
        self._box = QRectF(box)
        self._edge = edge
        self._revealed = 1.0
        self._over: WipeRoot | None = None  # the scene wiping in over this one: what it shows, this one need not draw
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        # it draws nothing itself: taken away once its items have gone, it leaves nothing to draw again
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    @property
    def revealed(self) -> float:
        return self._revealed

    def boundingRect(self) -> QRectF:
        return QRectF(self._box)

    def shown_rect(self, share: float | None = None) -> QRectF:
        """The part shown at ``share`` (now, when None), in this item's coordinates; whole logical pixels, so the
        edge falls between device pixels at every size."""
        part = self._revealed if share is None else share
        x, y, w, h = self._box.x(), self._box.y(), self._box.width(), self._box.height()
        if self._edge in ("left", "right"):
            reach = float(round(w * part))
            return QRectF(x if self._edge == "left" else x + w - reach, y, reach, h)
        reach = float(round(h * part))
        return QRectF(x, y if self._edge == "top" else y + h - reach, w, reach)

    def visible_rect(self) -> QRectF:
        """What of this scene is drawn: the part shown, less what the scene wiping in over it covers (a scene covered
        is not drawn under the one over it: each frame drew both where anything changed)."""
        shown = self.shown_rect()
        if self._over is None:
            return shown
        covered = self._over.mapRectToItem(self, self._over.shown_rect())
        shown = shown.intersected(self._screen.translated(-self.pos()))  # past the screen: never seen
        if shown.isEmpty() or covered.contains(shown):
            return QRectF()
        return shown if not covered.intersects(shown) else _remainder(shown, covered)

    def cover_with(self, over: WipeRoot | None) -> None:
        """``over`` wipes in over this scene; from now on only the part it has not reached yet is drawn here. Nothing
        is drawn again for it: the strip ``over`` reveals is drawn again anyway."""
        self._over = over

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.visible_rect())
        return path

    def set_revealed(self, share: float) -> None:
        """Show ``share`` (0..1) of the scene; only the strip between the old edge and the new one is drawn again."""
        share = clamp01(share)
        before = self.shown_rect()
        after = self.shown_rect(share)
        self._revealed = share
        if before == after:
            return
        strip = before.united(after) if before.isEmpty() or after.isEmpty() else _difference(before, after)
        scene = self.scene()
        if scene is not None and not strip.isEmpty():
            scene.update(self.mapRectToScene(strip))


def _difference(a: QRectF, b: QRectF) -> QRectF:
    """The strip between two rectangles that share three edges (one holds the other)."""
    big, small = (a, b) if a.width() * a.height() >= b.width() * b.height() else (b, a)
    if small.left() > big.left():
        return QRectF(big.left(), big.top(), small.left() - big.left(), big.height())
    if small.right() < big.right():
        return QRectF(small.right(), big.top(), big.right() - small.right(), big.height())
    if small.top() > big.top():
        return QRectF(big.left(), big.top(), big.width(), small.top() - big.top())
    return QRectF(big.left(), small.bottom(), big.width(), big.bottom() - small.bottom())


def _remainder(shown: QRectF, covered: QRectF) -> QRectF:
    """What of ``shown`` ``covered`` leaves (it reaches in from one edge; a rectangle that holds what is left)."""
    left, right = max(shown.left(), covered.right()), min(shown.right(), covered.left())
    top, bottom = max(shown.top(), covered.bottom()), min(shown.bottom(), covered.top())
    options = []
    if covered.left() <= shown.left():
        options.append(QRectF(left, shown.top(), shown.right() - left, shown.height()))
    if covered.right() >= shown.right():
        options.append(QRectF(shown.left(), shown.top(), right - shown.left(), shown.height()))
    if covered.top() <= shown.top():
        options.append(QRectF(shown.left(), top, shown.width(), shown.bottom() - top))
    if covered.bottom() >= shown.bottom():
        options.append(QRectF(shown.left(), shown.top(), shown.width(), bottom - shown.top()))
    best = max(options, key=lambda r: r.width() * r.height() if r.isValid() else -1.0, default=shown)
    return best if best.isValid() else QRectF()
