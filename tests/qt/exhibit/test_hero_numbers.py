"""Hero numbers: a row of them shares one size at hero size or more; where the words beside a figure would pull
the row below it, they go one step smaller, then onto a line under the figure ("1.65 / million") — never a sign
or a single character (%, 位) — and a pillar page's story tiles fill a tall row with their pictures."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from kiosk.content.model import Content, KeyNumber
from kiosk.content.number_format import format_number
from kiosk.exhibit.motion import count_up_for, count_up_text
from kiosk.paths import default_assets_dir
from kiosk.qt.exhibit.screens.story_art import SceneArt
from kiosk.qt.exhibit.screens.story_tile import StoryTile
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.look import HERO_PX, TYPE_SCALE
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.proof.render import shots, visit
from kiosk.qt.widgets.counting_number import CountingNumber, hero_row, stackable

from ..exhibit_fixtures import CONTENT_DIR, shipped_content

pytestmark = pytest.mark.gui

CONTENT: Content = shipped_content()
HOME_ROW = [CONTENT.number(p.headline_number) for p in CONTENT.pillars if p.headline_number]


@pytest.fixture(scope="module")
def typography(qapp) -> Typography:
    return Typography(load_bundled_fonts(default_assets_dir())[0])


def number(ident: str) -> KeyNumber:
    return CONTENT.number(ident)


def test_only_words_go_under_a_figure() -> None:
    assert stackable("1.65 million") and stackable("165万人")
    assert not stackable("+100%") and not stackable("第8位") and not stackable("No. 8") and not stackable("3证")


@pytest.mark.parametrize(
    ("box", "expected"),
    [((800, 220), "beside"), ((434, 140), "smaller"), ((391, 152), "stacked")],
    ids=["wide", "portrait-home-tile", "landscape-home-tile"],
)
def test_a_row_of_heroes_keeps_hero_size_by_setting_its_words_smaller_or_under(typography, box, expected) -> None:
    """The English home row (No. 8, +100%, 1+N, 1.65 million) in the boxes its tiles give it: at hero size at
    least, its words beside where they fit, a step smaller where only that fits, else "million" under "1.65"."""
    width, height = box
    px, words = hero_row(HOME_ROW, "en", typography, width, height, HERO_PX, TYPE_SCALE)
    assert px >= HERO_PX[0] - 0.5
    assert words == expected
    scene = QGraphicsScene()
    counters = []
    for index, hero in enumerate(HOME_ROW):
        counter = CountingNumber(hero, "en", typography, width, height, "#ffffff", px, px=px, steps=TYPE_SCALE,
                                 hero=True, words=words)  # fmt: skip
        scene.addItem(counter)
        counter.setPos(index * (width + 20), 0)
        counters.append(counter)
        rect = counter.text_rect()
        assert rect.left() >= 0 and rect.right() <= width + 0.5 and rect.top() >= 0 and rect.bottom() <= height
    assert len({round(c.baseline, 1) for c in counters}) == 1, "the row keeps one baseline"
    under = [c.number.id for c in counters if c.text_rect().height() > c.px]  # words on a line of their own
    assert under == (["university-students"] if expected == "stacked" else [])


def test_a_sign_stays_beside_its_figure_even_in_a_stacked_row(typography) -> None:
    hero = number("motor-power-density")  # +100%
    counter = CountingNumber(hero, "en", typography, 200, 200, "#ffffff", 130, px=130, steps=TYPE_SCALE,
                             words="stacked")  # fmt: skip
    assert counter.text_rect().height() < counter.px  # one line, however narrow the box


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_portrait_pillar_page_shows_its_stories_pictures_and_landscape_does_not(qapp, language) -> None:
    chosen = [s for s in shots(CONTENT) if s.name == "pillar-ecosystem"]
    heights = {}
    for size in [(1080, 1920), (1920, 1080)]:
        for _shot, exhibit in visit(CONTENT, CONTENT_DIR, size, language, chosen):
            tiles = [i for i in exhibit.stage.scene().items() if isinstance(i, StoryTile)]
            pictures = [c for t in tiles for c in t.childItems() if isinstance(c, SceneArt)]
            heights[size] = {round(p.boundingRect().height()) for p in pictures}
            if pictures:
                assert len(pictures) == len(tiles), "every tile of the row has its picture"
                for tile in tiles:  # the words stay inside the tile, under the picture
                    art = next(c for c in tile.childItems() if isinstance(c, SceneArt))
                    words = [c for c in tile.childItems() if c is not art and c.y() > art.y()]
                    assert words and all(w.y() >= art.y() + art.boundingRect().height() for w in words)
                    assert all(tile.boundingRect().contains(w.mapRectToParent(w.boundingRect()).bottomLeft()
                               - QPointF(0, 0.5)) for w in words)  # fmt: skip
    assert len(heights[(1080, 1920)]) == 1 and min(heights[(1080, 1920)]) >= StoryTile.PICTURE_MIN - 16
    assert heights[(1920, 1080)] == set()


def _painted(counter: CountingNumber, scale: float) -> np.ndarray:
    rect = counter.boundingRect()
    image = QImage(int(rect.width() * scale) + 2, int(rect.height() * scale) + 2, QImage.Format.Format_RGB32)
    image.fill(0xFF0B1733)
    painter = QPainter(image)
    painter.scale(scale, scale)
    counter.paint(painter, None)  # type: ignore[arg-type]  # the item's paint takes no option
    painter.end()
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return bits.copy()


COUNTING = [
    n.id for n in HOME_ROW if count_up_text(n, "en", 0.37 * count_up_for(n).duration_s) != format_number(n, "en")
]


@pytest.mark.parametrize("ident", COUNTING)
def test_a_counting_figure_drawn_a_character_at_a_time_looks_as_drawn_whole(typography, ident) -> None:
    """While it counts, a hero number's figure is drawn from its characters, each laid out once, not from a text
    laid out anew every frame: where that lands where Qt sets the whole text (tabular digits), the pixels are the
    same; where it would not, the figure is drawn whole."""
    counter = CountingNumber(number(ident), "en", typography, 900, 300, "#f4d58d", 200)
    assert counter._by_character  # the bundled font's tabular digits are not kerned
    counter._show(0.37)  # counting: a text of its own
    assert counter.text != counter.final_text
    ours = _painted(counter, 2.0)
    counter._by_character = False
    whole = _painted(counter, 2.0)
    assert (ours != 0x0B).any()  # something is drawn
    assert np.array_equal(ours, whole)


def test_kerned_characters_are_not_set_one_at_a_time(typography) -> None:
    from kiosk.qt.widgets.counting_number import _Fonts

    fonts = _Fonts(typography, "en", 120, 48)
    assert fonts.by_character(["1,234.5", "+100"])
    assert not fonts.by_character(["AVAT"])  # a kerned pair: set whole it is narrower than its letters
