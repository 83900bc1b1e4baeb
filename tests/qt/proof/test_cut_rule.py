"""The layout check's ``cut`` rule (kiosk.qt.widgets.readable): a text is readable whole when it is inside its tile
and on the screen, or inside what scrolls (a scrolling screen up and down, a row sideways); made-up screens that
break it and one that keeps it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.clock import ManualClock
from kiosk.qt.foundations.item import Item
from kiosk.qt.foundations.text_style import TextStyle
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.carousel import Carousel
from kiosk.qt.widgets.readable import where_cut
from kiosk.qt.widgets.scroll_area import ScrollArea, scroll_below
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock

pytestmark = pytest.mark.gui

SCREEN = QRectF(0, 0, 1920, 1080)


@pytest.fixture
def typography(qapp) -> Typography:
    from kiosk.content.line_breaks import LineBreaker
    from kiosk.paths import default_assets_dir
    from kiosk.qt.foundations.fonts import load_bundled_fonts

    return Typography(load_bundled_fonts(default_assets_dir())[0], LineBreaker(()))


def _text(typography: Typography, parent: Item, x: float, y: float, width: float = 400) -> TextBlock:
    block = TextBlock("Guangzhou ranks eighth", TextStyle(30, 30, "#FFFFFF"), typography, width, 60, parent)
    block.setPos(x, y)
    return block


def test_a_text_on_its_tile_and_on_the_screen_is_readable(typography: Typography) -> None:
    page = Item()
    tile = Panel(500, 300, "#102040", 20, page)
    tile.setPos(100, 100)
    assert where_cut(_text(typography, tile, 20, 20), page, SCREEN) is None


def test_a_text_that_spills_out_of_its_tile_is_cut(typography: Typography) -> None:
    page = Item()
    tile = Panel(500, 300, "#102040", 20, page)
    tile.name = "tile-1"
    tile.setPos(100, 100)
    found = where_cut(_text(typography, tile, 20, 270), page, SCREEN)
    assert found is not None and "tile-1" in found


def test_a_text_below_the_screen_is_cut_unless_the_screen_scrolls(typography: Typography) -> None:
    page = Item()
    low = _text(typography, page, 100, 1300)
    assert "off the screen" in (where_cut(low, page, SCREEN) or "")
    area = scroll_below(page, [], QRectF(0, 0, 1920, 1080), Ticker(ManualClock()), ("#000", "#888", "#444"))
    assert isinstance(area, ScrollArea) and low.parentItem() is area.content
    assert where_cut(low, page, SCREEN) is None  # it can be scrolled to


def test_a_screen_that_fits_is_left_as_it_is(typography: Typography) -> None:
    page = Item()
    block = _text(typography, page, 100, 900)
    assert scroll_below(page, [], QRectF(0, 0, 1920, 1080), Ticker(ManualClock()), ("#000", "#888", "#444")) is None
    assert block.parentItem() is page


def test_a_row_shows_its_tiles_sideways_but_cuts_what_reaches_below_it(typography: Typography) -> None:
    page = Item()
    row = Carousel(1800, 300, 400, 28, Ticker(ManualClock()), "#fff", "#888", page, name="stories")
    far = Panel(400, 300, "#102040", 20)
    row.add(Panel(400, 300, "#102040", 20))
    for _ in range(4):
        row.add(Panel(400, 300, "#102040", 20))
    row.add(far)
    row.finish()
    assert where_cut(_text(typography, far, 0, 0, width=380), page, SCREEN) is None  # dragged into view
    low = TextBlock("x", TextStyle(30, 30, "#FFFFFF"), typography, 380, 60, row)
    low.setPos(0, 280)
    assert "stories" in (where_cut(low, page, SCREEN) or "")
