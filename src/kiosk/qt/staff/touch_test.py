"""Touch diagnostics for installers checking a panel: every touch point drawn live, with its id, its screen
coordinates and a short trail, the number of points down (and the most at once), and a big Close button.

It watches the stage's viewport itself (touch points and the left mouse button) and never consumes an event, so
the Close button still gets its tap through the exhibit's gesture layer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QEventPoint, QMouseEvent, QPainter, QPainterPath, QPen, QTouchEvent
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.exhibit.screens.base import PageContext
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.look import mix
from kiosk.qt.input.touch_echo import TouchEcho
from kiosk.qt.staff.overlay import OperatorOverlay
from kiosk.qt.staff.words import both

TRAIL = 48  # positions kept per point
MOUSE_ID = -1
GRID_PX = 120.0
RADIUS = 46.0
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
_MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease)


@dataclass
class TrackedPoint:
    id: int
    logical: QPointF  # where it is drawn
    screen: QPointF  # where the panel reported it (viewport pixels)
    trail: deque[QPointF] = field(default_factory=lambda: deque(maxlen=TRAIL))


class PointLayer(Item):
    """Draws the points (over the texts, under nothing)."""

    def __init__(self, owner: TouchDiagnostics, rect: QRectF):
        super().__init__(owner)
        self._owner = owner
        self._rect = rect
        self.setZValue(10)

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def shape(self) -> QPainterPath:
        """Nothing to hit: taps go through to the Close button beneath."""
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        owner = self._owner
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(owner.label_font)
        for point in owner.points.values():
            colour = owner.colour_for(point.id)
            trail = list(point.trail)
            for i in range(1, len(trail)):
                faded = QColor(colour)
                faded.setAlphaF(0.15 + 0.6 * i / len(trail))
                painter.setPen(QPen(faded, 6.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawLine(trail[i - 1], trail[i])
            centre = point.logical
            fill = QColor(colour)
            fill.setAlphaF(0.35)
            painter.setPen(QPen(colour, 5.0))
            painter.setBrush(fill)
            painter.drawEllipse(centre, RADIUS, RADIUS)
            painter.setPen(QPen(colour, 2.0))
            arm = RADIUS * 1.5
            painter.drawLine(centre - QPointF(arm, 0), centre + QPointF(arm, 0))
            painter.drawLine(centre - QPointF(0, arm), centre + QPointF(0, arm))
            name = "mouse" if point.id == MOUSE_ID else f"#{point.id}"
            label = f"{name}  {round(point.screen.x())}, {round(point.screen.y())}"
            box = QRectF(centre.x() + RADIUS + 10, centre.y() - RADIUS - 44, 360, 40)
            if box.right() > self._rect.right():
                box.moveRight(centre.x() - RADIUS - 10)
            if box.top() < self._rect.top():
                box.moveTop(centre.y() + RADIUS + 4)
            painter.setPen(owner.text_colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)


class TouchDiagnostics(OperatorOverlay):
    name = "touch-diagnostics"

    def __init__(
        self,
        ctx: PageContext,
        viewport: QWidget,
        map_point: Callable[[QPointF], QPointF],
        on_close: Callable[[], None],
        on_touched: Callable[[], None],
        parent: QGraphicsItem | None = None,
    ):
        super().__init__(ctx, opacity=1.0, parent=parent)
        look = ctx.look
        self.points: dict[int, TrackedPoint] = {}
        self.most = 0
        self._grid = mix(look.theme.ground, "#FFFFFF", 0.08)
        self.text_colour = QColor(look.theme.text)
        self.label_font = ctx.typography.font(30, True, "en")
        self._palette = [
            QColor(c)
            for c in (
                look.theme.number,
                look.theme.signature,
                "#5FD3F0",
                "#8FE388",
                "#C49BFF",
                "#FF9F5A",
                "#F0F0F0",
                "#FF7BC0",
                "#7FA8FF",
                "#E6E05A",
            )
        ]
        m = look.margin
        close_w = 300.0
        ctx.text(
            both("touch_title"),
            "title",
            look.width - 2 * m - close_w - look.gap,
            72,
            self,
            m,
            m * 0.8,
            origin="touch_title",
            max_lines=1,
            valign="center",
        )
        self.hint = ctx.text(
            both("touch_hint", "\n"),
            "label",
            look.width - 2 * m - close_w - look.gap,
            92,
            self,
            m,
            m * 0.8 + 80,
            origin="touch_hint",
            max_lines=2,
        )
        self.count = ctx.text(
            self._count_text(),
            "heading",
            look.width - 2 * m,
            56,
            self,
            m,
            look.height - m - 56,
            origin="touch_count",
            max_lines=1,
        )
        self.button(
            "touch-close", both("close"), on_close, self, look.width - m - close_w, m * 0.8, close_w, 120, px=34.0
        )
        self.layer = PointLayer(self, QRectF(0, 0, look.width, look.height))
        self._watcher = _PointWatcher(self, viewport, map_point, on_touched, TouchEcho(ctx.ticker.now))

    def colour_for(self, point_id: int) -> QColor:
        return QColor(self.text_colour) if point_id == MOUSE_ID else self._palette[point_id % len(self._palette)]

    def dispose(self) -> None:
        """Stop watching the viewport (call before taking the overlay away)."""
        self._watcher.stop()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.boundingRect()
        painter.setPen(QPen(self._grid, 1.0))
        x = GRID_PX
        while x < rect.width():
            painter.drawLine(QPointF(x, 0), QPointF(x, rect.height()))
            x += GRID_PX
        y = GRID_PX
        while y < rect.height():
            painter.drawLine(QPointF(0, y), QPointF(rect.width(), y))
            y += GRID_PX

    # Points ------------------------------------------------------------------------------------------------
    def point_down(self, point_id: int, logical: QPointF, screen: QPointF) -> None:
        tracked = TrackedPoint(point_id, QPointF(logical), QPointF(screen))
        tracked.trail.append(QPointF(logical))
        self.points[point_id] = tracked
        self._changed()

    def point_moved(self, point_id: int, logical: QPointF, screen: QPointF) -> None:
        tracked = self.points.get(point_id)
        if tracked is None:
            self.point_down(point_id, logical, screen)
            return
        tracked.logical, tracked.screen = QPointF(logical), QPointF(screen)
        tracked.trail.append(QPointF(logical))
        self.layer.update()

    def point_up(self, point_id: int) -> None:
        if self.points.pop(point_id, None) is not None:
            self._changed()

    def all_up(self) -> None:
        self.points.clear()
        self._changed()

    def _changed(self) -> None:
        self.most = max(self.most, len(self.points))
        self.count.set_text(self._count_text())
        self.layer.update()

    def _count_text(self) -> str:
        return both("touch_count", "  ·  ", n=len(self.points), most=self.most)


class _PointWatcher(QObject):
    """Feeds the viewport's touch points and left-button mouse to the diagnostics; consumes nothing."""

    def __init__(
        self,
        diagnostics: TouchDiagnostics,
        viewport: QWidget,
        map_point: Callable[[QPointF], QPointF],
        on_touched: Callable[[], None],
        echo: TouchEcho,
    ):
        super().__init__(viewport)
        self._diagnostics = diagnostics
        self._viewport = viewport
        self._map = map_point
        self._on_touched = on_touched
        self._echo = echo
        viewport.installEventFilter(self)

    def stop(self) -> None:
        self._viewport.removeEventFilter(self)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TOUCH and isinstance(event, QTouchEvent):
            self._touch(event)
        elif kind in _MOUSE and isinstance(event, QMouseEvent):
            self._mouse(event)
        return False

    def _touch(self, event: QTouchEvent) -> None:
        diagnostics = self._diagnostics
        self._on_touched()
        if event.type() == QEvent.Type.TouchCancel:
            diagnostics.all_up()
            self._echo.touch_ended()
            return
        self._echo.touch_began()
        for point in event.points():
            state = point.state()
            if state == QEventPoint.State.Released:
                diagnostics.point_up(point.id())
            elif state in (QEventPoint.State.Pressed, QEventPoint.State.Updated):
                position = point.position()
                diagnostics.point_moved(point.id(), self._map(position), position)
        if event.type() == QEvent.Type.TouchEnd:
            self._echo.touch_ended()

    def _mouse(self, event: QMouseEvent) -> None:
        if self._echo.is_echo(event):
            return  # the echo of a touch already drawn
        kind = event.type()
        position = event.position()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._on_touched()
            self._diagnostics.point_down(MOUSE_ID, self._map(position), position)
        elif kind == QEvent.Type.MouseMove and MOUSE_ID in self._diagnostics.points:
            self._on_touched()
            self._diagnostics.point_moved(MOUSE_ID, self._map(position), position)
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._diagnostics.point_up(MOUSE_ID)
