"""Touch buttons: an icon and/or a label on a rounded surface, at least a touch target in size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.text_style import TextStyle
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.surface import IconItem, Panel
from kiosk.qt.widgets.text_block import TextBlock


class Button(Panel):
    """Calls ``action()`` when tapped (what it returns is not used). ``name`` identifies it in tests and reports."""

    press_feedback = True

    def __init__(
        self,
        name: str,
        action: Callable[[], object],
        width: float,
        height: float,
        fill: QColor | str,
        parent: QGraphicsItem | None = None,
        *,
        icons: IconLibrary | None = None,
        icon: str | None = None,
        icon_colour: QColor | str = "#FFFFFF",
        label: str = "",
        label_style: TextStyle | None = None,
        typography: Typography | None = None,
        outline: QColor | str | None = None,
        label_lines: int = 2,
    ):
        super().__init__(width, height, fill, min(width, height) / 2, parent, outline=outline)
        self.name = name
        self._action = action
        self.setObjectName(name)
        icon_size = min(height * 0.46, 56.0)
        pad = (height - icon_size) / 2
        x = pad if label else (width - icon_size) / 2
        if icon and icons is not None:
            IconItem(icons, icon, icon_size, icon_colour, self).setPos(x, pad)
            x += icon_size + pad * 0.5
        self.label: TextBlock | None = None
        if label and label_style is not None and typography is not None:
            right = pad * 0.9
            style = label_style.with_(
                max_lines=label_lines, line_height=1.12, valign="center", align="left" if icon else "center"
            )
            left = x if icon else right
            self.label = TextBlock(label, style, typography, width - left - right, height, self, origin=name)
            self.label.setPos(left, 0)

    def on_tap(self, point: QPointF) -> None:
        self._action()
