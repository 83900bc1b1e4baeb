"""The one view the exhibit is drawn in: a scene in logical pixels, scaled and turned to fit the screen.

The UI is laid out in *logical* pixels whose short side is always ``LOGICAL_SHORT`` (1080): a 1920×1080 and a
3840×2160 screen get the same layout (the view scales it, and text stays sharp because it is drawn as vectors),
a 1080×1920 screen gets the portrait layout. ``rotation`` turns the whole UI for panels mounted in portrait
while the system reports landscape; points from the screen are mapped back with :meth:`Stage.to_logical`, so
touch follows the turn.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPixmapCache,
    QRegion,
    QResizeEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from kiosk.qt.foundations.transition import Cover, copy_into, render_view_band

LOGICAL_SHORT = 1080.0
ROTATIONS = (0, 90, 180, 270)
# Every static item draws from a device-pixel cache kept in QPixmapCache (Qt's default 10 MB holds a fraction of one
# 1080p screen: the caches would be thrown away and drawn again every frame). A screen's items cover it about twice
# over (panels, the text and icons on them, a sheet over its page, the idle warning over both): room for two
# screens of those and the icons, sized by the screen, not a fixed 400 MB.
CACHED_SCREENS = 2.0
ICON_CACHE_KB = 8 * 1024


def pixmap_cache_kb(device: QSize) -> int:
    """The pixmap cache a screen of ``device`` pixels needs (32-bit pixels)."""
    return int(device.width() * device.height() * 4 * CACHED_SCREENS) // 1024 + ICON_CACHE_KB


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


def _paints_itself(viewport: QWidget) -> None:
    viewport.setAutoFillBackground(False)
    viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


class Stage(QGraphicsView):
    """A frameless, scroll-free view of ``scene`` that keeps the logical size matched to its own size."""

    logical_size_changed = Signal(QSizeF)
    # pyqtgraph items ask the view they are shown in for these two signals (see pyqtgraph's GraphicsView).
    sigDeviceRangeChanged = Signal(object, object)  # noqa: N815 (pyqtgraph's names)
    sigDeviceTransformChanged = Signal(object)  # noqa: N815

    def __init__(self, scene: QGraphicsScene, ground: QColor, rotation: int = 0, parent: QWidget | None = None):
        super().__init__(scene, parent)
        _paints_itself(self.viewport())  # made by the constructor, before setupViewport could be overridden
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
        self._ground = QColor(ground)
        self._cover: Cover | None = None
        self._changed_under_cover = QRegion()
        self._recording_changes = False
        self._in_paint = False
        self.frames_painted = 0  # paints of the viewport, and when the last one ended (perf_counter s): benchmarks
        self.last_paint_end_s = 0.0
        self.repaints_now = 0  # frames painted and flushed to the window system at once (a tap's first frame)
        self.last_repaint_end_s = 0.0
        self.painted_px = 0  # device pixels painted so far (each paint's exposed rectangles): what a frame draws
        self._repaints_after_show = 0

    def setupViewport(self, widget: QWidget) -> None:
        """Every viewport (raster, or OpenGL when chosen) paints all it is asked to itself: the view fills the ground
        and a cover the whole viewport, so Qt's own fill of the background first (2–3 ms a frame at 4K) is left out."""
        super().setupViewport(widget)
        _paints_itself(widget)

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

    # Drawing what is not the scene: a transition covers the viewport ------------------------------------------------
    def device_size(self) -> QSize:
        return self.viewport().size()

    def logical_to_device(self) -> QTransform:
        return self.viewportTransform()

    def ground(self) -> QColor:
        return QColor(self._ground)

    def set_cover(self, cover: Cover | None, *, shows_scene: bool = True) -> None:
        """While ``cover`` is set it draws the whole viewport and the scene is not drawn at all. Taken away, the
        screen shows what the scene draws when ``shows_scene`` (a transition ended on its picture of the live scene):
        only what the scene changed meanwhile is drawn again; otherwise all of it."""
        scene = self.scene()
        if cover is not None and self._cover is None:
            scene.changed.connect(self._on_scene_changed)
        elif cover is None and self._cover is not None:
            scene.changed.disconnect(self._on_scene_changed)
            self._stop_scene_updates_by_signal()
            if not shows_scene:
                self.viewport().update()
            elif not self._changed_under_cover.isEmpty():
                self.viewport().update(self._changed_under_cover)
        self._cover = cover
        self._changed_under_cover = QRegion()
        self._recording_changes = False

    def _stop_scene_updates_by_signal(self) -> None:
        """Once anything listens to the scene's ``changed``, Qt connects the view's ``updateScene`` to it too (as
        Qt 4.4 did) and leaves it so: while the signal has a listener every change reaches the view as the whole
        scene, and the whole viewport is painted for a number counting up or a row dragged (18 ms a frame at 4K, not
        4). Taken away again, the scene tells the view only what changed."""
        scene = self.scene()
        meta = scene.metaObject()
        if scene.isSignalConnected(meta.method(meta.indexOfSignal("changed(QList<QRectF>)"))):
            scene.changed.disconnect(self.updateScene)

    @property
    def covered(self) -> bool:
        return self._cover is not None

    def repaint_cover(self, now: bool = False) -> None:
        """Draw the cover's next frame: ``now``, or with the next paint of this turn of the event loop."""
        if now:
            self.viewport().repaint()  # painted and flushed to the window system before it returns
            self.repaints_now += 1
            self.last_repaint_end_s = time.perf_counter()
        else:
            self.viewport().update()

    def render_band(self, image: QImage, band: QRect) -> None:
        """The scene as the viewport would show it, for ``band`` (viewport pixels), into the same place of
        ``image``; from now on, what the scene changes is drawn again when the cover goes.

        During a paint of a raster window the view paints the band itself, from (and into) its items' device
        caches, under the cover's frame, and the band is copied from the window's pixels: the picture costs what
        the live page will cost and leaves its caches warm for it. Otherwise the scene is drawn into the image."""
        self._recording_changes = True
        store = self._window_pixels() if self._in_paint else None
        if store is None:
            render_view_band(self.render, image, band)
            return
        device, origin = store
        # The paint under way is the whole viewport's, and a painter takes its paint event's region as its clip: the
        # view would draw every item the band touches whole (each cache blit over the full screen: 8 ms a band of a
        # sheet at 4K instead of 2). The band's own paint is clipped to the band, and the frame's clip given back.
        engine = device.paintEngine()
        frame_clip = engine.systemClip()
        engine.setSystemClip(QRegion(band.translated(origin)))
        try:
            super().paintEvent(QPaintEvent(QRegion(band)))
        finally:
            engine.setSystemClip(frame_clip)
        copy_into(image, device, origin + band.topLeft(), band)

    def _window_pixels(self) -> tuple[QImage, QPoint] | None:
        """The window's own pixels and where the viewport is in them; None when they cannot be read (not shown
        yet, drawn by the GPU, scaled for a high-density screen)."""
        if self.viewport().inherits("QOpenGLWidget") or not self.isVisible():
            return None  # drawn by the GPU: the window's pixels are not in its backing store
        store = self.backingStore()
        device = store.paintDevice() if store is not None else None
        if not isinstance(device, QImage) or device.isNull() or device.devicePixelRatio() != 1.0:
            return None
        origin = self.viewport().mapTo(self.window(), QPoint(0, 0))
        if not QRect(QPoint(0, 0), device.size()).contains(QRect(origin, self.viewport().size())):
            return None
        return device, origin

    def on_screen(self, into: QImage) -> bool:
        """Copy what the viewport shows now into ``into`` (its size) from the window's own pixels, without
        drawing anything; False when those cannot be read."""
        store = self._window_pixels()
        if store is None or self.viewport().size() != into.size():
            return False
        device, origin = store
        copy_into(into, device, origin, QRect(QPoint(0, 0), into.size()))
        return True

    def draw_scene_into(self, into: QImage) -> None:
        """Draw what the viewport shows now into ``into`` (when :meth:`on_screen` cannot read it)."""
        render_view_band(self.render, into, QRect(QPoint(0, 0), into.size()))

    def _on_scene_changed(self, rects: list[QRectF]) -> None:
        if not self._recording_changes:
            return  # before the first band was drawn: the picture shows it
        transform = self.viewportTransform()
        for rect in rects:
            self._changed_under_cover += transform.mapRect(rect).toAlignedRect().adjusted(-2, -2, 2, 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.painted_px += sum(rect.width() * rect.height() for rect in event.region())  # type: ignore[attr-defined]  # (iterable; the stubs say not)
        if self._cover is None:
            super().paintEvent(event)
        else:
            self._in_paint = True
            try:  # the new picture's bands for this frame first, then the frame over them
                self._cover.work()
            finally:
                self._in_paint = False
            painter = QPainter(self.viewport())
            self._cover.paint(painter)
            painter.end()
        self.frames_painted += 1
        self.last_paint_end_s = time.perf_counter()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        self.viewport().update()  # all of it: a Wayland compositor sends no expose for the new area

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A compositor may size the window after the first frame (full screen under cage): paint it all again
        # once it has settled, or only the parts that animate would ever reach the screen.
        for delay_ms in (0, 300, 1500):
            self._repaints_after_show += 1
            QTimer.singleShot(delay_ms, self.viewport(), self._repaint_all)

    @property
    def repaints_after_show(self) -> int:
        """How many of the whole-screen repaints after the window was shown are still to come (tests that count
        what a change repaints wait for them)."""
        return self._repaints_after_show

    def _repaint_all(self) -> None:
        self._repaints_after_show -= 1
        self.viewport().update()

    def _fit(self) -> None:
        device = self.viewport().size()
        QPixmapCache.setCacheLimit(pixmap_cache_kb(device))
        size = logical_size(device, self._rotation)
        self.scene().setSceneRect(QRectF(0, 0, size.width(), size.height()))
        self.setSceneRect(QRectF(0, 0, size.width(), size.height()))
        self.setTransform(stage_transform(device, self._rotation))
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        if size != self._logical:
            self._logical = size
            self.logical_size_changed.emit(QSizeF(size))
