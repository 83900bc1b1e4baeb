"""``kiosk validate --layout``: every text on every screen, at the sizes that matter, must fit its box and be set by
the typesetting rules (:mod:`kiosk.qt.proof.type_rules`).

Each problem is reported with the file and line the text comes from, the screen, the size, the language and the
rule, so an editor who wrote a longer text learns what to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.content.loader import LoadResult
from kiosk.content.locate import TextLocator
from kiosk.qt.app.build import BuiltExhibit
from kiosk.qt.foundations.item import descendants
from kiosk.qt.input.interaction import Tappable, handler_at
from kiosk.qt.proof.render import charts_shown, text_blocks, visit
from kiosk.qt.proof.screen_rules import Shown, screen_violations
from kiosk.qt.proof.type_rules import NOTES, violations
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.readable import where_cut
from kiosk.qt.widgets.scroll_area import ScrollArea
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock

LAYOUT_SIZES = ((1920, 1080), (3840, 2160), (1080, 1920))


@dataclass(frozen=True)
class LayoutReport:
    problems: list[str]  # each fails the check
    notes: list[str]  # reported only (see type_rules.NOTES)


def layout_problems(
    result: LoadResult,
    content_dir: Path | None,
    sizes: tuple[tuple[int, int], ...] = LAYOUT_SIZES,
    modes: tuple[str, ...] = ("default",),
) -> LayoutReport:
    """One line per text and rule it breaks, for each size, language and accessibility mode it breaks it in."""
    assert result.content is not None
    locator = TextLocator(result.entries)
    problems: list[str] = []
    notes: list[str] = []
    seen: set[tuple[str, str, tuple[int, int], str]] = set()
    for size, language, mode in [
        (s, lang, m) for s in sizes for lang in result.content.exhibit.languages for m in modes
    ]:
        at = f"{size[0]}x{size[1]}" + ("" if mode == "default" else f" in {mode}")
        for shot, exhibit in visit(result.content, content_dir, size, language, mode=mode):
            for chart in charts_shown(exhibit):
                origin = f"{chart.chart.id}.title"
                key = (origin, language, size, mode)
                if chart.fit_scale < 0.999 and key not in seen:
                    seen.add(key)
                    where = locator.where(origin, language) or origin
                    problems.append(
                        f"{where}: chart {chart.chart.id} ({language}) is shrunk to {chart.fit_scale:.0%} "
                        "to fit at "
                        f"{at} on '{shot.name}', so its labels are under the smallest text size "
                        "(use fewer items or shorter labels)"
                    )
            look = exhibit.controller.page.ctx.look if exhibit.controller.page is not None else None
            # The attract loop is a display for across the hall, measured by its own report (kiosk render's attract
            # strip); the screen rules are for the screens a visitor reads at arm's length.
            if look is not None and exhibit.controller.idle_warning is None and not shot.name.startswith("attract"):
                hero_above = look.type_scale[-1] * 1.12
                for found_on in screen_violations(
                    describe(exhibit),
                    look.width,
                    shown_height(exhibit),
                    hero_above,
                    bands=exhibit.controller.sheet is None,
                    short_side=min(look.width, look.height),
                ):
                    key = (f"{found_on.origin}/{found_on.rule}/{shot.name}", language, size, mode)
                    if key in seen:
                        continue
                    seen.add(key)
                    where = locator.where(found_on.origin, language) or found_on.origin
                    problems.append(
                        f"{where}: {at} ({language}) on '{shot.name}': [{found_on.rule}] {found_on.detail} "
                        f"({ADVICE[found_on.rule]})"
                    )
            for control in [*above_reach(exhibit), *out_of_view(exhibit)]:
                key = (f"reach/{control.split(' at ')[0]}/{shot.name}", language, size, mode)
                if key not in seen:
                    seen.add(key)
                    problems.append(
                        f"the exhibit's layout: {at} ({language}) on '{shot.name}': [reach] the control {control} "
                        f"({ADVICE['reach']})"
                    )
            size_now = exhibit.stage.logical_size()
            screen = QRectF(0, 0, size_now.width(), size_now.height())
            for block in text_blocks(exhibit):
                cut = where_cut(block, block.topLevelItem(), screen)
                key = (f"{block.origin}/cut", language, size, mode)
                if cut is not None and key not in seen:
                    seen.add(key)
                    where = locator.where(block.origin, language) or "the exhibit's own words"
                    problems.append(
                        f"{where}: {block.origin} ({language}) at {at} on '{shot.name}': [cut] the text {cut} "
                        f"({ADVICE['cut']})"
                    )
                for found in violations(block):
                    key = (f"{block.origin}/{found.rule}", language, size, mode)
                    if key in seen:
                        continue
                    seen.add(key)
                    where = locator.where(block.origin, language) or "the exhibit's own words"
                    (notes if found.rule in NOTES else problems).append(
                        f"{where}: {block.origin} ({language}) at {at} on '{shot.name}': "
                        f"[{found.rule}] {found.detail} ({ADVICE[found.rule]})"
                    )
    return LayoutReport(problems, notes)


def controls(exhibit: BuiltExhibit) -> list[tuple[str, QRectF]]:
    """Every control a visitor can tap on the screen as shown (buttons, switches, tiles that open something), with
    where it is on the screen: what reacts to a tap, is smaller than half the screen (not a backdrop, a sheet or an
    overlay that only takes a tap), is at least partly on the screen and is what a tap on it reaches (not under a
    sheet or an overlay)."""
    size = exhibit.stage.logical_size()
    half = size.width() * size.height() / 2
    found: list[tuple[str, QRectF]] = []
    for item in exhibit.stage.scene().items():
        if not item.isVisible() or item.effectiveOpacity() < 0.01 or getattr(item, "blocks_input", False):
            continue
        if not isinstance(item, Tappable):
            continue
        rect = item.sceneBoundingRect()
        shown = rect.intersected(QRectF(0, 0, size.width(), size.height()))
        if rect.width() * rect.height() >= half or shown.isEmpty():
            continue
        reached = handler_at(exhibit.stage.scene(), shown.center(), "on_tap")
        if reached is item or (reached is not None and item.isAncestorOf(reached)):
            found.append((str(getattr(item, "name", type(item).__name__)), rect))
    return found


def above_reach(exhibit: BuiltExhibit) -> list[str]:
    """Reach mode: the controls whose top is above the reach line (none when reach mode is off)."""
    line = exhibit.controller.context().reach_line
    if line is None:
        return []
    return [
        f"{name} at y {rect.top():.0f} is above the reach line"
        for name, rect in controls(exhibit)
        if rect.top() < line - 0.5
    ]


def out_of_view(exhibit: BuiltExhibit) -> list[str]:
    """Reach mode: the buttons of the screen shown (the sheet's, when one is open) that are not wholly on the
    screen as it comes up — scrolled out of view with the words, so a visitor does not see them — or that a tap on
    their middle does not reach, because another control of that screen lies over them (an overlay over the whole
    screen, such as the accessibility menu, is not counted) (none when reach mode is off). Tiles may
    lie further along a row or down a scrolling screen; a button may not."""
    from kiosk.qt.widgets.button import Button
    from kiosk.qt.widgets.language_switch import LanguageSwitch

    if exhibit.controller.context().reach_line is None:
        return []
    controller = exhibit.controller
    top: QGraphicsItem | None = controller.sheet if controller.sheet is not None else controller.page
    if top is None:
        return []
    size = exhibit.stage.logical_size()
    screen = QRectF(0, 0, size.width(), size.height()).adjusted(-0.5, -0.5, 0.5, 0.5)
    found = []
    for item in descendants(top):
        if isinstance(item, (Button, LanguageSwitch)) and item.isVisible() and item.effectiveOpacity() > 0.01:
            rect = item.sceneBoundingRect()
            name = getattr(item, "name", type(item).__name__)
            if not screen.contains(rect):
                found.append(f"{name} at y {rect.top():.0f} is out of view")
                continue
            reached = handler_at(exhibit.stage.scene(), rect.center(), "on_tap")
            covered = reached is not None and reached is not item and not item.isAncestorOf(reached)
            if reached is not None and covered and top.isAncestorOf(reached):
                over = getattr(reached, "name", type(reached).__name__)
                found.append(f"{name} at y {rect.top():.0f} is under {over}")
    return found


def shown_height(exhibit: BuiltExhibit) -> float:
    """The height of what the screen shows: the screen's, or all that a scrolling page can bring into view."""
    page = exhibit.controller.page
    look = page.ctx.look if page is not None else None
    height = look.height if look is not None else exhibit.stage.logical_size().height()
    sheet = exhibit.controller.sheet
    for top in (sheet,) if sheet is not None else (page,):
        area = getattr(top, "scroll_area", None)
        if isinstance(area, ScrollArea):
            height = max(height, area.y() + area.extent)
    return height


def describe(exhibit: BuiltExhibit) -> list[Shown]:
    """What the screen shows (the story sheet alone when one is open), for :mod:`kiosk.qt.proof.screen_rules`."""
    from kiosk.qt.exhibit.charts.chart import ChartGraphic  # pyqtgraph: imported only where charts are looked for

    controller = exhibit.controller
    top: QGraphicsItem | None = controller.sheet if controller.sheet is not None else controller.page
    if top is None:
        return []
    screen = QRectF(0, 0, top.boundingRect().width(), shown_height(exhibit))
    found: list[Shown] = []
    stack = list(top.childItems())
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.effectiveOpacity() < 0.01:
            continue
        if isinstance(item, ChartGraphic):
            rect = top.mapRectFromItem(item, item.boundingRect())
            found.append(
                Shown("box", f"{item.chart.id}.title", rect.top(), rect.bottom(), numbers=tuple(item.chart.numbers))
            )
        else:
            stack.extend(item.childItems())
        rect = top.mapRectFromItem(item, item.boundingRect())
        if not rect.intersects(screen):
            continue
        parent = item.parentItem()
        group = type(parent).__name__ if parent is not None else ""
        row = (
            top.mapRectFromItem(parent, parent.boundingRect()).top()
            if parent is not None and parent is not top
            else None
        )
        if isinstance(item, TextBlock):
            if item.text:
                found.append(
                    Shown(
                        "text",
                        item.origin,
                        rect.top(),
                        rect.top() + item.text_height(),
                        px=item.fitted.px,
                        row=row,
                        group=group,
                    )
                )
        elif isinstance(item, CountingNumber):
            drawn = top.mapRectFromItem(item, item.text_rect())
            found.append(
                Shown(
                    "hero" if item.hero else "figure",
                    f"{item.number.id}.label",
                    drawn.top(),
                    drawn.bottom(),
                    px=item.px,
                    sizes=item.sizes,
                    row=row,
                    group=group,
                    baseline=top.mapFromScene(0, item.baseline).y(),
                    numbers=(item.number.id,),
                )
            )
        elif isinstance(item, Panel) and item.boundingRect().width() < screen.width() * 0.98:
            found.append(
                Shown(
                    "box",
                    str(getattr(item, "name", "panel")),
                    rect.top(),
                    rect.bottom(),
                )
            )
    return found


ADVICE = {
    "type-scale": "set the text in one of the scale's roles (look.style) instead of its own size",
    "hero-size": "give the figure a shorter unit or label, or its tile more room",
    "row-size": "let the row share one size (fit the row, not each tile)",
    "dead-band": "spread the screen's rows or give the content more room",
    "figure-twice": "show the number once: as a tile, in a chart (charts.numbers) or on the tiles of Home",
    "ellipsis": "make the text shorter",
    "cut": "make the text shorter, or give its tile more room",
    "reach": "in reach mode every control goes below the line (kiosk.accessibility.reach), in view",
    "preview-cut": "the tile shows the start only; the sheet shows it all",
    "word-split": "the word is too long for its box: shorten the text around it",
    "short-last-line": "add or remove a few words so the last line is not a lone character",
    "mark-at-line-start": "rephrase so the mark is not pushed onto a new line",
}
