"""How each kind of chart is laid out and animated; :class:`kiosk.qt.exhibit.charts.chart.ChartGraphic` is the item
to use.

Shapes are pyqtgraph items in the chart's :class:`~kiosk.qt.exhibit.charts.chart.StillViewBox`, whose range is the
chart's own logical pixels (x right, y down), so squares stay square and markers round at every screen size and
rotation; values are turned into pixels here. Text sits on top as fitted :class:`TextBlock` items.
A kind's builder returns the one function that animates it, which only moves,
stretches or clips items that exist already.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from kiosk.qt.widgets.text_block import TextBlock

if TYPE_CHECKING:
    from kiosk.qt.exhibit.charts.chart import Canvas

Animate = Callable[[float], None]
_NICE_SCALES = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_MAX_CELLS = 120


def _faded(colour: str, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(alpha)
    return faded


def staggered(progress: float, index: int, count: int, spread: float = 0.15) -> float:
    """Row ``index``'s own progress when rows start ``spread`` apart (closer with many rows, so each row grows
    over at least half the time) and all end together at 1."""
    spread = min(spread, 0.5 / max(1, count - 1))
    span = 1.0 - (count - 1) * spread
    return min(1.0, max(0.0, (progress - index * spread) / span))


def _grow(item: QGraphicsItem, left: float, scale: float) -> None:
    """Stretch ``item`` to ``scale`` of its width from x = ``left``; hidden at 0 (no degenerate transform)."""
    item.setVisible(scale > 0)
    if scale > 0:
        item.setTransform(QTransform(scale, 0, 0, 1, left * (1 - scale), 0))


def build_share(canvas: Canvas, compact: bool | int) -> Animate:
    """One bar a row on a faint 100 % track, the value in gold at the track's end; the label above the bar, or
    (``compact``) in a column before it, each row one line high where it can."""
    chart, style, width = canvas.chart, canvas.style, canvas.width
    values = [canvas.number(item.value, item.qualifier) for item in chart.items]
    value_w = min(width * 0.4, max(canvas.text_width(v, canvas.value_style) for v in values) + 4)
    labels = [item.label.get(style.language) for item in chart.items]
    label_w = min(width * 0.5, max(canvas.text_width(t, canvas.label_style) for t in labels) + 4) if compact else width
    fits = [canvas.tight(label, canvas.label_style.with_(valign="center"), label_w) for label in labels]
    label_hs = [canvas.text_height(label, *fit) for label, fit in zip(labels, fits)]
    bar_x = label_w + style.label_px * 0.6 if compact else 0.0
    track_w = width - value_w - style.value_px * 0.45 - bar_x
    bar_h = round(style.value_px * (0.5 if compact else 0.6))
    bar_row = style.value_px * 1.2  # a line of the value (its line height)
    inner = style.label_px * 0.3
    heights = [max(h, bar_row) if compact else h + inner + bar_row for h in label_hs]
    tops = canvas.stack(heights, max_gap=style.label_px * 1.4)
    track = _faded(style.theme.text, 0.12)
    bars = []
    for index, (item, label_h, value, top, row_h) in enumerate(zip(chart.items, label_hs, values, tops, heights)):
        label_top, row = (
            (top + (row_h - label_h) / 2, top + (row_h - bar_row) / 2) if compact else (top, top + label_h + inner)
        )
        canvas.text(labels[index], fits[index][0], QRectF(0, label_top, fits[index][1], label_h), f"label:{index}")
        bar_top = row + (bar_row - bar_h) / 2
        canvas.view.bars([QRectF(bar_x, bar_top, track_w, bar_h)], track)
        bars.append(
            canvas.view.bars(
                [QRectF(bar_x, bar_top, track_w * item.value / 100, bar_h)], QColor(style.accent), static=False
            )
        )
        value_style = canvas.value_style.with_(align="right", valign="center")
        canvas.text(value, value_style, QRectF(width - value_w, row, value_w, bar_row), f"value:{index}")

    def animate(progress: float) -> None:
        for index, bar in enumerate(bars):
            _grow(bar, bar_x, staggered(progress, index, len(bars)))

    return animate


def nice_scale(worst: float) -> int:
    """The round number a rank scale runs to: at least the worst rank shown (8 → 10, 3 → 5)."""
    for step in _NICE_SCALES:
        if step >= worst:
            return step
    return int(10 ** math.ceil(math.log10(worst)))


def build_rank(canvas: Canvas, compact: bool | int) -> Animate:
    """A row a rank, read as a ranking table: the label, then the places 1, 2, 3 … N as a row of numbered
    steps, first place on the left, with the city's place lit in the accent colour and its rank in gold beside
    them. Nothing slides and nothing looks like a handle: the steps light up in order, first place first, and
    stop on the city's place. The label runs above the whole row, or (``compact``) only above the steps, or
    (``compact`` 2, the densest) on the row itself, between the rank and the steps."""
    chart, style, width = canvas.chart, canvas.style, canvas.width
    scale_n = min(10, nice_scale(max(item.value for item in chart.items)))
    values = [canvas.number(item.value) for item in chart.items]
    value_w = min(width * 0.3, max(canvas.text_width(v, canvas.value_style) for v in values) + 4)
    left = value_w + style.value_px * 0.5
    labels = [item.label.get(style.language) for item in chart.items]
    inline = compact >= 2
    label_x = left if compact else 0.0
    if inline:  # the labels in a column as wide as the longest needs (at most 45 %), the steps after them
        label_w = min(width * 0.45, max(canvas.text_width(t, canvas.label_style) for t in labels) + 4)
        fits = [canvas.tight(label, canvas.label_style.with_(max_lines=2), label_w) for label in labels]
        left += label_w + style.label_px * 0.6
    else:
        fits = [canvas.tight(label, canvas.label_style, width - label_x) for label in labels]
    label_hs = [canvas.text_height(label, *fit) for label, fit in zip(labels, fits)]
    place_style = canvas.label_style.with_(
        colour=style.theme.muted, max_lines=1, align="center", valign="center", bold=True
    )
    pitch = (width - left) / scale_n
    step = min(pitch * 0.84, style.value_px * 1.5)
    inner = style.label_px * 0.25
    # The rank's own line: a row never squeezes it to a smaller size.
    value_line = max(canvas.text_height(v, canvas.value_style, value_w) for v in values)
    heights = [max(h, step, value_line) for h in label_hs] if inline else [h + inner + step for h in label_hs]
    tops = canvas.stack(heights, style.label_px * 1.6, style.label_px * 0.3)
    lit: list[list[QGraphicsItem]] = []
    centres: list[QPointF] = []
    for index, (item, label_h, value, top, row_h) in enumerate(zip(chart.items, label_hs, values, tops, heights)):
        label_top = top + (row_h - label_h) / 2 if inline else top
        canvas.text(
            labels[index], fits[index][0], QRectF(label_x, label_top, fits[index][1], label_h), f"label:{index}"
        )
        row = top + (row_h - step) / 2 if inline else top + label_h + inner
        value_box = QRectF(0, top, value_w, row_h) if compact else QRectF(0, row, value_w, step)
        canvas.text(value, canvas.value_style.with_(valign="center"), value_box, f"value:{index}")
        rects = [QRectF(left + i * pitch + (pitch - step) / 2, row, step, step) for i in range(scale_n)]
        canvas.view.bars(rects, _faded(style.theme.text, 0.08))
        steps: list[QGraphicsItem] = []
        for place in range(1, min(scale_n, int(item.value)) + 1):
            mine = place == int(item.value)
            colour = QColor(style.accent) if mine else _faded(style.accent, 0.22)
            steps.append(canvas.view.bars([rects[place - 1]], colour, static=False))
        centres.append(rects[min(scale_n, int(item.value)) - 1].center())
        for place, rect in enumerate(rects, start=1):
            mine = place == int(item.value)
            canvas.text(
                str(place),
                place_style.with_(colour=style.theme.ground) if mine else place_style,
                rect,
                f"place:{index}:{place}",
            )
        lit.append(steps)

    def animate(progress: float) -> None:
        for index, (steps, centre) in enumerate(zip(lit, centres)):
            own = staggered(progress, index, len(lit))
            shown = own * len(steps)
            for place, item in enumerate(steps[:-1]):  # the places before the city's light up in turn …
                item.setVisible(shown > place)
                item.setOpacity(min(1.0, max(0.0, shown - place)))
            mine = steps[-1]  # … while the city's own place grows from its centre to full size
            mine.setVisible(own > 0)
            k = max(own, 1e-3)
            mine.setTransform(QTransform(k, 0, 0, k, centre.x() * (1 - k), centre.y() * (1 - k)))

    return animate


def _grid(count: int, width: float, height: float) -> tuple[int, float]:
    """Rows and cell size (gaps a fifth of a cell) for ``count`` square cells: the fewest rows whose cells are
    nearly (¾) as large as the largest that fit, so the whole reads as one long bar where it can."""
    sizes = [min(width / (math.ceil(count / rows) * 1.2 - 0.2), height / (rows * 1.2 - 0.2)) for rows in range(1, 7)]
    if max(sizes) <= 0:  # no room at all (a box smaller than its words): one row of nothing, not a crash
        return 1, 0.0
    rows = next(i for i, size in enumerate(sizes, 1) if size >= 0.75 * max(sizes))
    return rows, sizes[rows - 1]


def build_part_of_whole(canvas: Canvas, compact: bool | int) -> Animate:
    """The part as a big gold number over the whole (11 / 26), the whole as a row of unit squares with the part
    lit in the accent colour, and a small key under them (one layout: it needs no compact form)."""
    chart, style, width = canvas.chart, canvas.style, canvas.width
    total = float(chart.total or sum(item.value for item in chart.items))
    first = chart.items[0]
    wanted = min(style.value_px * 2.6, canvas.height * 0.31)
    steps = canvas.value_style.steps
    if steps and wanted <= steps[-1] * 1.12:  # within the scale: on one of its steps (a hero size above it)
        wanted = max((step for step in steps if step <= wanted * 1.02), default=wanted)
    hero_style = canvas.value_style.with_(px=wanted, min_px=style.value_px)
    whole_style = canvas.label_style.with_(px=style.value_px, colour=style.theme.text, max_lines=1)
    hero_text, whole_text = canvas.number(first.value, first.qualifier), "/ " + canvas.number(total)
    hero_w = min(width * 0.6, canvas.text_width(hero_text, hero_style) + 4)
    hero_h = canvas.text_height(hero_text, hero_style, hero_w)
    key_style = canvas.label_style.with_(max_lines=2)
    swatch = round(style.label_px * 0.7)
    faint = _faded(style.theme.text, 0.14)
    colours = [_faded(style.accent, 1.0 - 0.6 * i / max(1, len(chart.items) - 1)) for i in range(len(chart.items))]
    keys = [(item.label.get(style.language), colours[i]) for i, item in enumerate(chart.items)]
    if chart.total_label is not None:
        keys.append((chart.total_label.get(style.language), faint))
    key_w = width / len(keys)
    key_h = max(canvas.text_height(label, key_style, key_w - swatch * 2.4) for label, _ in keys)
    grid_room = max(swatch, canvas.height - hero_h - key_h - style.label_px * 2.2)
    whole_units = all(v == int(v) for v in (total, *(item.value for item in chart.items)))
    cells = int(total) if whole_units and total <= _MAX_CELLS else 0  # else one continuous bar
    rows, cell = _grid(cells, width, grid_room) if cells else (1, min(grid_room, swatch * 2))
    gap = cell * 0.2
    tops = canvas.stack([hero_h, rows * (cell + gap) - gap, key_h], max_gap=style.label_px * 0.9)
    hero = canvas.text(hero_text, hero_style, QRectF(0, tops[0], hero_w, hero_h), "value:0")
    whole_x = hero_w + style.value_px * 0.2
    whole_h = canvas.text_height(whole_text, whole_style, width - whole_x)
    whole = canvas.text(whole_text, whole_style, QRectF(whole_x, 0, width - whole_x, whole_h), "whole")
    whole.setY(tops[0] + _baseline(hero) - _baseline(whole))

    def rect(k: int) -> QRectF:
        return QRectF((k // rows) * (cell + gap), tops[1] + (k % rows) * (cell + gap), cell, cell)

    wipe = QGraphicsRectItem()
    wipe.setPen(Qt.PenStyle.NoPen)
    wipe.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
    wipe.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
    canvas.view.add(wipe, static=False)
    if cells:
        canvas.view.bars([rect(k) for k in range(cells)], faint)
        lit_cells = 0
        for item, colour in zip(chart.items, colours):
            lit = canvas.view.bars([rect(k) for k in range(lit_cells, lit_cells + int(item.value))], colour)
            lit.setParentItem(wipe)
            lit_cells += int(item.value)
        lit_w = math.ceil(lit_cells / rows) * (cell + gap)
    else:
        canvas.view.bars([QRectF(0, tops[1], width, cell)], faint)
        lit_share = 0.0
        for item, colour in zip(chart.items, colours):
            part = QRectF(width * lit_share / total, tops[1], width * item.value / total, cell)
            canvas.view.bars([part], colour).setParentItem(wipe)
            lit_share += item.value
        lit_w = width * lit_share / total
    for index, (label, colour) in enumerate(keys):
        x = index * key_w
        canvas.view.bars([QRectF(x, tops[2] + (key_h - swatch) / 2, swatch, swatch)], colour)
        role = "key:total" if index == len(chart.items) else f"key:{index}"
        canvas.text(label, key_style, QRectF(x + swatch * 1.6, tops[2], key_w - swatch * 2.4, key_h), role)
    full = QRectF(0, tops[1], lit_w, rows * (cell + gap))

    def animate(progress: float) -> None:
        wipe.setRect(full.x(), full.y(), full.width() * progress, full.height())

    return animate


def _baseline(block: TextBlock) -> float:
    line = block.fitted.layout.lineAt(0)
    return line.y() + line.ascent()


BUILDERS: dict[str, Callable[[Canvas, int], Animate]] = {
    "share": build_share,
    "rank": build_rank,
    "part_of_whole": build_part_of_whole,
}
# How many layouts each kind has, roomiest first (the builder's ``compact`` runs from 0 to this less one).
LAYOUTS: dict[str, int] = {"share": 2, "rank": 3, "part_of_whole": 1}
