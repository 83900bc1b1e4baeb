"""Charts as inline SVG text (pure): bars, a week-by-hour heat map, a funnel, horizontal bars and a split bar, in
the exhibit's palette. Every label is escaped; nothing is fetched from anywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

NAVY = "#0A1633"
PANEL = "#12234A"
GRID = "#24375F"
TEXT = "#F3F6FB"
MUTED = "#A9B6CF"
GOLD = "#F6C85F"
KAPOK = "#F0605A"
SKY = "#5EC8F2"
# English lines: a Latin font where there is one, else the embedded font (KioskSans) the page declares.
LATIN_FONTS = "Segoe UI, Helvetica Neue, Arial, Liberation Sans, DejaVu Sans, KioskSans, sans-serif"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str = GOLD
    note: str = ""  # text after the value (e.g. a share)


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {width:g} {height:g}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def _rect(
    x: float, y: float, w: float, h: float, colour: str, *, radius: float = 0, opacity: float = 1.0, tip: str = ""
) -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{radius:g}" fill="{colour}" '
        f'fill-opacity="{opacity:.2f}">{title}</rect>'
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = 13,
    colour: str = MUTED,
    anchor: str = "start",
    weight: int = 400,
    latin: bool = False,
) -> str:
    """``latin``: an English line, set in a Latin font first (the CJK font's quotes and apostrophes are full width)."""
    family = f' font-family="{LATIN_FONTS}"' if latin else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{colour}" text-anchor="{anchor}" '
        f'font-weight="{weight}"{family}>{escape(text)}</text>'
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _nice_top(value: float) -> float:
    """A round axis top at or above ``value`` (1, 2, 5 × 10ⁿ)."""
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= value:
        step *= 10
    for factor in (1, 2, 5, 10):
        if factor * step >= value:
            return float(factor * step)
    return float(10 * step)


def column_chart(bars: Sequence[Bar], title: str, *, width: float = 920, height: float = 300, every: int = 1) -> str:
    """Vertical bars with a value over each; ``every``: label every n-th bar under the axis (for long series)."""
    left, right, top, bottom = 44.0, 12.0, 26.0, 46.0
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_top(max((b.value for b in bars), default=0))
    body = []
    for i in range(5):
        y = top + plot_h * i / 4
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}" />')
        body.append(_text(left - 8, y + 4, _number(peak * (4 - i) / 4), size=11, anchor="end"))
    slot = plot_w / max(1, len(bars))
    bar_w = max(2.0, min(56.0, slot * 0.7))
    for i, bar in enumerate(bars):
        h = plot_h * bar.value / peak
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h - h
        body.append(_rect(x, y, bar_w, h, bar.colour, radius=3))
        if bar.value and len(bars) <= 40:
            body.append(_text(x + bar_w / 2, y - 6, _number(bar.value), size=12, colour=TEXT, anchor="middle"))
        if i % every == 0:
            for j, line in enumerate(bar.label.split("\n")):
                body.append(_text(x + bar_w / 2, top + plot_h + 18 + j * 15, line, size=11, anchor="middle"))
    return _svg(width, height, body, title)


def heat_map(
    counts: dict[tuple[int, int], int], rows: Sequence[str], title: str, *, width: float = 920, height: float = 300
) -> str:
    """A 7 × 24 grid: rows are weekdays, columns hours; the brighter the cell, the more sessions began then."""
    left, top, right, bottom = 64.0, 14.0, 12.0, 30.0
    busy = [hour for (_, hour), n in counts.items() if n]
    first, last = min([8, *busy]), max([19, *busy])  # the opening day at least, every busy hour
    hours = range(first, last + 1)
    cell_w = (width - left - right) / len(hours)
    cell_h = (height - top - bottom) / len(rows)
    peak = max(counts.values(), default=0) or 1
    body = []
    for r, name in enumerate(rows):
        y = top + r * cell_h
        body.append(_text(left - 10, y + cell_h / 2 + 4, name, size=12, anchor="end"))
        for column, hour in enumerate(hours):
            n = counts.get((r, hour), 0)
            x = left + column * cell_w
            opacity = 0.08 if n == 0 else 0.25 + 0.75 * n / peak
            colour = GRID if n == 0 else GOLD
            tip = f"{name} {hour:02d}:00 — {n}"
            body.append(_rect(x + 1, y + 1, cell_w - 2, cell_h - 2, colour, radius=3, opacity=opacity, tip=tip))
            if n:
                shade = NAVY if n / peak > 0.45 else TEXT
                body.append(_text(x + cell_w / 2, y + cell_h / 2 + 4, str(n), size=11, colour=shade, anchor="middle"))
    for column, hour in enumerate(hours):
        body.append(_text(left + column * cell_w + cell_w / 2, height - 10, f"{hour:02d}", size=11, anchor="middle"))
    return _svg(width, height, body, title)


def bar_list(bars: Sequence[Bar], title: str, *, width: float = 920, label_w: float = 360, row_h: float = 34) -> str:
    """Horizontal bars, one a row, label on the left, value and note after the bar."""
    top = 6.0
    height = top * 2 + row_h * max(1, len(bars))
    peak = max((b.value for b in bars), default=0) or 1
    bar_room = width - label_w - 300
    body = []
    for i, bar in enumerate(bars):
        y = top + i * row_h
        first, _, second = bar.label.partition("\n")
        if second:
            body.append(_text(label_w - 12, y + row_h / 2 - 2, first, size=14, colour=TEXT, anchor="end"))
            body.append(_text(label_w - 12, y + row_h / 2 + 14, second, size=11, anchor="end", latin=True))
        else:
            body.append(_text(label_w - 12, y + row_h / 2 + 5, first, size=14, colour=TEXT, anchor="end"))
        w = max(2.0, bar_room * bar.value / peak)
        body.append(
            f'<rect class="bar" x="{label_w:.1f}" y="{y + 6:.1f}" width="{w:.1f}" height="{row_h - 12:.1f}" rx="4" '
            f'fill="{bar.colour}" />'
        )
        value = _number(bar.value) + (f"  {bar.note}" if bar.note else "")
        body.append(_text(label_w + w + 10, y + row_h / 2 + 5, value, size=13, colour=TEXT))
    return _svg(width, height, body, title)


def funnel_chart(stages: Sequence[tuple[str, int]], title: str, *, width: float = 920, row_h: float = 52) -> str:
    """Centred bars narrowing stage by stage, each with its count; on the right, its share of the stage before."""
    height = row_h * max(1, len(stages)) + 8
    peak = max((n for _, n in stages), default=0) or 1
    colours = (MUTED, SKY, "#4FD1A5", GOLD, KAPOK)
    label_w, share_w = 300.0, 120.0
    room = width - label_w - share_w
    centre = label_w + room / 2
    body = []
    previous: int | None = None
    for i, (label, n) in enumerate(stages):
        y = 4 + i * row_h
        w = max(4.0, room * n / peak)
        body.append(_rect(centre - w / 2, y + 6, w, row_h - 14, colours[i % len(colours)], radius=5))
        first, _, second = label.partition("\n")
        body.append(_text(0, y + row_h / 2 - 2 if second else y + row_h / 2 + 3, first, size=15, colour=TEXT))
        if second:
            body.append(_text(0, y + row_h / 2 + 14, second, size=12, latin=True))
        body.append(_text(centre, y + row_h / 2 + 3, _number(n), size=15, colour=NAVY, anchor="middle", weight=700))
        if previous is not None:
            share = f"{100 * n / previous:.0f}%" if previous else "—"
            body.append(_text(width - 8, y + row_h / 2 + 3, share, size=15, colour=TEXT, anchor="end", weight=700))
        previous = n
    body.append(_text(width - 8, height - 1, "of the step before", size=11, anchor="end"))
    return _svg(width, height + 10, body, title)


def split_bar(parts: Sequence[Bar], title: str, *, width: float = 920, height: float = 86) -> str:
    """One bar split into parts by value, each labelled with its name, value and share."""
    total = sum(p.value for p in parts) or 1
    x, body = 0.0, []
    for part in parts:
        w = width * part.value / total
        if w <= 0:
            continue
        body.append(f'<rect class="bar" x="{x:.1f}" y="4" width="{w:.1f}" height="46" fill="{part.colour}" />')
        label = f"{part.label}  {_number(part.value)}  ({100 * part.value / total:.0f}%)"
        anchor_x = x + 12 if w > 200 else x + w / 2
        body.append(
            _text(
                anchor_x,
                33,
                label if w > 200 else f"{100 * part.value / total:.0f}%",
                size=15,
                colour=NAVY,
                weight=700,
                anchor="start" if w > 200 else "middle",
            )
        )
        x += w
    return _svg(width, height, body, title)
