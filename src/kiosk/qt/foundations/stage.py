"""The one view the exhibit is drawn in: a scene in logical pixels, scaled and turned to fit the screen.

The UI is laid out in *logical* pixels whose short side is always ``LOGICAL_SHORT`` (1080): a 1920×1080 and a
3840×2160 screen get the same layout (the view scales it, and text stays sharp because it is drawn as vectors),
a 1080×1920 screen gets the portrait layout. ``rotation`` turns the whole UI for panels mounted in portrait
while the system reports landscape; points from the screen are mapped back with :meth:`Stage.to_logical`, so
touch follows the turn.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QResizeEvent, QShowEvent, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

LOGICAL_SHORT = 1080.0
ROTATIONS = (0, 90, 180, 270)


def logical_size(device: QSize | QSizeF, rotation: int) -> QSizeF:
    """The UI's size in logical pixels for a viewport of ``device`` pixels turned by ``rotation`` degrees."""
    width, height = float(device.width()), float(device.height())
    if rotation in (90, 270):
        width, height = height, width
    scale = max(1.0, min(width, height)) / LOGICAL_SHORT
    return QSizeF(width / scale, height / scale)


def stage_transform(device: QSize | QSizeF, rotation: int) -> QTransform:
    """Logical scene coordinates → viewport pixels: scale to the screen, then turn about the centre."""
    size = logical_size(device, rotation)
    scale = max(1.0, min(device.width(), device.height())) / LOGICAL_SHORT
    transform = QTransform()
    transform.translate(device.width() / 2, device.height() / 2)
    transform.rotate(rotation)
    transform.scale(scale, scale)
    transform.translate(-size.width() / 2, -size.height() / 2)
    return transform


class Stage(QGraphicsView):
    """A frameless, scroll-free view of ``scene`` that keeps the logical size matched to its own size."""

    logical_size_changed = Signal(QSizeF)
    # pyqtgraph items ask the view they are shown in for these two signals (see pyqtgraph's GraphicsView).
    sigDeviceRangeChanged = Signal(object, object)  # noqa: N815 (pyqtgraph's names)
    sigDeviceTransformChanged = Signal(object)  # noqa: N815

    def __init__(self, scene: QGraphicsScene, ground: QColor, rotation: int = 0, parent: QWidget | None = None):
        super().__init__(scene, parent)
        if rotation not in ROTATIONS:
            raise ValueError(f"rotation must be one of {ROTATIONS}, not {rotation}")
        self._rotation = rotation
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setBackgroundBrush(ground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._logical = QSizeF(LOGICAL_SHORT, LOGICAL_SHORT)

    @property
    def rotation(self) -> int:
        return self._rotation

    def logical_size(self) -> QSizeF:
        return QSizeF(self._logical)

    def device_scale(self) -> float:
        """Device pixels per logical pixel."""
        size = self.viewport().size()
        return max(1.0, min(size.width(), size.height())) / LOGICAL_SHORT

    def to_logical(self, viewport_point: QPointF) -> QPointF:
        """A point on the viewport (a touch, a click) in the UI's logical coordinates."""
        inverted, _ok = self.viewportTransform().inverted()
        return inverted.map(QPointF(viewport_point))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        self.viewport().update()  # all of it: a Wayland compositor sends no expose for the new area

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A compositor may size the window after the first frame (full screen under cage): paint it all again
        # once it has settled, or only the parts that animate would ever reach the screen.
        for delay_ms in (0, 300, 1500):
            QTimer.singleShot(delay_ms, self.viewport(), self._repaint_all)

    def _repaint_all(self) -> None:
        self.viewport().update()

    def _fit(self) -> None:
        device = self.viewport().size()
        size = logical_size(device, self._rotation)
        self.scene().setSceneRect(QRectF(0, 0, size.width(), size.height()))
        self.setSceneRect(QRectF(0, 0, size.width(), size.height()))
        self.setTransform(stage_transform(device, self._rotation))
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        if size != self._logical:
            self._logical = size
            self.logical_size_changed.emit(QSizeF(size))
