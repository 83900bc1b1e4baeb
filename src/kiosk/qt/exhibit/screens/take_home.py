"""Take the story home: a QR code of the article's web address (made here with segno, no network), with its
quiet zone, drawn as whole device pixels so a phone reads it from the panel.

At 1080 logical pixels on the short side a 55-inch 16:9 panel shows 0.634 mm a pixel. The story sheet asks for
4 to 6 px modules (3 px where its rail is short): the article's address is a 33-module symbol, so the code without
its quiet zone is 99 px (63 mm) at the least, well over the 25 mm a phone needs from arm's length.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.qt.foundations.item import Item

QUIET = 4  # modules of white around the symbol, as the QR standard asks
DARK = QColor("#0A1633")
LIGHT = QColor("#FFFFFF")


@lru_cache(maxsize=64)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of ``text``'s QR code, row by row, without the quiet zone (made once a
    text: segno takes about 8 ms, and every story sheet of an article shows the same address)."""
    import segno  # its writers import urllib and ssl (80 ms): not on the start-up path

    code = segno.make(text, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


class QrCode(Item):
    """``text`` as a QR code about ``side`` logical px square (rounded down to whole modules), quiet zone
    included."""

    def __init__(self, text: str, side: float, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.text = text
        modules = qr_modules(text)
        self.count = len(modules)
        span = self.count + 2 * QUIET
        self.module = max(2, int(side // span))
        self.side = float(self.module * span)
        self._path = QPainterPath()
        m = float(self.module)
        for y, row in enumerate(modules):
            x = 0
            while x < len(row):
                if not row[x]:
                    x += 1
                    continue
                run = x
                while run < len(row) and row[run]:
                    run += 1
                self._path.addRect(QRectF((QUIET + x) * m, (QUIET + y) * m, (run - x) * m, m))
                x = run
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.side, self.side)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # modules on whole pixels: crisp edges
        painter.fillRect(self.boundingRect(), LIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DARK)
        painter.drawPath(self._path)
