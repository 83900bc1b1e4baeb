"""The layout rules a whole screen is checked against (``kiosk validate --layout``), on a plain description of what
it shows (no Qt here: :mod:`kiosk.qt.proof.layout_check` describes the screen, tests describe made-up ones):

- ``type-scale``: at most four text sizes besides the hero numbers, each step at least 1.33× the one below;
- ``hero-size``: a hero number (a home tile's, a pillar's lead figure) is at least 12 % of the short side;
- ``row-size``: things of one role in one row (the titles of a row of tiles, the figures of a row of numbers)
  share one size, and figures one baseline;
- ``dead-band``: no empty band across the screen taller than a tenth of it;
- ``figure-twice``: each key number appears once on a screen (as a number or drawn by a chart).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kiosk.qt.foundations.look import DEAD_BAND

SCALE_RATIO = 1.33
MAX_SIZES = 4
HERO_SHARE = 0.12  # of the short side


@dataclass(frozen=True)
class Shown:
    """One thing on the screen, in screen coordinates (logical px)."""

    kind: str  # "text" | "figure" (a key number) | "hero" (a hero number) | "box" (a panel, a button)
    origin: str  # where it comes from: "<id>.<field>" for content, or a name
    top: float
    bottom: float
    px: float = 0.0  # text size (a figure's digits)
    sizes: tuple[float, ...] = ()  # every text size it sets (a figure: its digits and its words)
    row: float | None = None  # the top of the tile or row it sits in (things of one row share it)
    baseline: float = 0.0
    numbers: tuple[str, ...] = field(default=())  # the key numbers it shows
    group: str = ""  # what kind of tile or row it sits in (a row is things of one group at one ``row``)


@dataclass(frozen=True)
class ScreenViolation:
    rule: str
    origin: str
    detail: str


def screen_violations(
    shown: list[Shown],
    width: float,
    height: float,
    hero_above: float,
    *,
    bands: bool = True,
    short_side: float | None = None,
) -> list[ScreenViolation]:
    """Every rule ``shown`` breaks on a ``width`` × ``height`` screen (the height of all it shows: a scrolling
    screen's is more than its window's); sizes above ``hero_above`` are hero sizes. ``bands``: look for empty bands
    too (not on a sheet drawn over part of a page). ``short_side``: the screen's (default the smaller of the two)."""
    return [
        *_type_scale(shown, hero_above),
        *_hero_size(shown, min(width, height) if short_side is None else short_side),
        *_row_size(shown),
        *(_dead_band(shown, height) if bands else []),
        *_figure_twice(shown),
    ]


def _rounded(px: float) -> float:
    return round(px * 2) / 2


def _type_scale(shown: list[Shown], hero_above: float) -> list[ScreenViolation]:
    where: dict[float, list[str]] = defaultdict(list)
    for item in shown:
        for px in item.sizes or ((item.px,) if item.px else ()):
            if px <= hero_above:
                where[_rounded(px)].append(item.origin)
    sizes = sorted(where)
    found: list[ScreenViolation] = []
    if len(sizes) > MAX_SIZES:
        odd = min(sizes, key=lambda px: len(where[px]))  # the size fewest things use is the one to drop
        found.append(
            ScreenViolation(
                "type-scale",
                where[odd][0],
                f"{len(sizes)} text sizes on one screen ({', '.join(f'{px:g}' for px in sizes)} px; at most "
                f"{MAX_SIZES}): {odd:g} px is used only by {', '.join(sorted(set(where[odd]))[:3])}",
            )
        )
    for low, high in zip(sizes, sizes[1:]):
        if high / low < SCALE_RATIO - 0.005:
            found.append(
                ScreenViolation(
                    "type-scale",
                    where[high][0],
                    f"{high:g} px is only {high / low:.2f}× {low:g} px (a step of the scale is at least "
                    f"{SCALE_RATIO}×): {', '.join(sorted(set(where[high]))[:3])}",
                )
            )
    return found


def _hero_size(shown: list[Shown], short_side: float) -> list[ScreenViolation]:
    least = HERO_SHARE * short_side
    return [
        ScreenViolation(
            "hero-size",
            item.origin,
            f"the hero number is {item.px:.0f} px, {item.px / short_side:.1%} of the short side (at least "
            f"{HERO_SHARE:.0%}: {least:.0f} px)",
        )
        for item in shown
        if item.kind == "hero" and item.px < least - 0.5
    ]


def _row_key(item: Shown) -> tuple[str, str, str, float] | None:
    if item.row is None:
        return None
    if item.kind in ("figure", "hero"):
        return (item.kind, item.group, "", round(item.row))
    if item.kind == "text" and "." in item.origin and not item.origin.startswith("chart:"):
        return ("text", item.group, item.origin.rsplit(".", 1)[1], round(item.row))
    return None


def _row_size(shown: list[Shown]) -> list[ScreenViolation]:
    rows: dict[tuple[str, str, str, float], list[Shown]] = defaultdict(list)
    for item in shown:
        key = _row_key(item)
        if key is not None:
            rows[key].append(item)
    found: list[ScreenViolation] = []
    for (kind, _group, role, _top), items in rows.items():
        if len(items) < 2:
            continue
        largest = max(item.px for item in items)
        for item in items:
            if item.px < largest - 0.5:
                found.append(
                    ScreenViolation(
                        "row-size",
                        item.origin,
                        f"{item.px:g} px beside {largest:g} px in the same row ({role or kind}: one size a row)",
                    )
                )
        if kind != "text":
            base = items[0].baseline
            found += [
                ScreenViolation(
                    "row-size", item.origin, f"its baseline is {item.baseline - base:+.0f} px off the row's"
                )
                for item in items[1:]
                if abs(item.baseline - base) > 1.0
            ]
    return found


def _dead_band(shown: list[Shown], height: float) -> list[ScreenViolation]:
    spans = sorted((max(0.0, i.top), min(height, i.bottom)) for i in shown if i.bottom > 0 and i.top < height)
    if not spans:
        return []
    gaps: list[tuple[float, float]] = [(0.0, spans[0][0])]
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        if top > reach:
            gaps.append((reach, top))
        reach = max(reach, bottom)
    gaps.append((reach, height))
    start, end = max(gaps, key=lambda g: g[1] - g[0])
    if end - start <= DEAD_BAND * height:
        return []
    return [
        ScreenViolation(
            "dead-band",
            "the screen's layout",
            f"nothing from y {start:.0f} to {end:.0f} px: an empty band of {(end - start) / height:.0%} of the "
            f"height (at most {DEAD_BAND:.0%})",
        )
    ]


def _figure_twice(shown: list[Shown]) -> list[ScreenViolation]:
    seen: dict[str, int] = defaultdict(int)
    for item in shown:
        for number in set(item.numbers):
            seen[number] += 1
    return [
        ScreenViolation("figure-twice", f"{number}.label", f"the number {number} is shown {count} times")
        for number, count in sorted(seen.items())
        if count > 1
    ]
