"""Every screen and state `kiosk render` proofs, rendered offscreen and checked: not blank, the pillar's accent
where it belongs, no missing glyphs, no text cut short (previews aside), none outside its panel or on top of
another, numbers at their final value; plus reduced motion, count-up replay and plain-text content.

Each screen is rendered once per run (a shared cache); every check reads the same snapshot. Chinese is checked on
every screen at 1920×1080 and 1080×1920; English on every pillar and a first and last story of each (the longest
English texts sit there), which keeps the whole file well under half a minute.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QRawFont

from kiosk.content.line_breaks import strip_joiners
from kiosk.content.model import Content, Text
from kiosk.exhibit.navigation import PillarPage
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.proof.render import Shot, shots
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.surface import Panel
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.settings.model import ExhibitSettings

from ..exhibit_fixtures import LANDSCAPE, PORTRAIT, Harness, awake, shipped_content, shown_exhibit, walk

pytestmark = pytest.mark.gui

SIZES = {"1920x1080": LANDSCAPE, "1080x1920": PORTRAIT}
MIN_DISTINCT_COLOURS = 200  # a flat or empty screen has a handful
MIN_INK = 0.05  # share of pixels that are not the ground colour
MIN_ACCENT_PX = 1500  # pixels (of a 2×2-subsampled grab) within tolerance of the pillar's accent
ACCENT_TOLERANCE = 24


def english_subset(content: Content, all_shots: list[Shot]) -> set[str]:
    """Every screen but the stories, and each pillar's first and last story (a card and, mostly, a policy)."""
    names = {shot.name for shot in all_shots if not shot.name.startswith("story-")}
    for pillar in content.pillars:
        stories = [shot.name for shot in all_shots if shot.name.startswith(f"story-{pillar.id}-")]
        names.update(stories[:1] + stories[-1:])
    return names


def cases() -> list[tuple[str, str, str]]:
    """(size, language, shot name) of every snapshot checked."""
    all_shots = shots(shipped_content())
    english = english_subset(shipped_content(), all_shots)
    return [
        (size, language, shot.name)
        for size in SIZES
        for language in ("zh", "en")
        for shot in all_shots
        if language == "zh" or shot.name in english
    ]


CASES = cases()
PILLARS = [pillar.id for pillar in shipped_content().pillars]


def params(keep: Callable[[str], bool] = lambda name: True) -> list:
    """The snapshot cases whose screen name passes ``keep``, with readable ids (e.g. 1920x1080-zh-home)."""
    return [pytest.param(case, id="-".join(case)) for case in CASES if keep(case[2])]


# What a snapshot keeps of a rendered screen ---------------------------------------------------------------------
@dataclass(frozen=True)
class TextSeen:
    origin: str
    text: str
    elided: bool
    preview: bool
    missing: str  # characters the bundled font cannot draw (each would be a box)
    box: QRectF  # the text's box, in scene (logical) coordinates
    used: QRectF  # the part of the box its lines take
    overflows_box: bool  # a line wider than the box, or lines taller than it
    panel: QRectF  # the box of the nearest panel it sits on (the screen if none)
    panel_name: str
    parent: int  # which item it belongs to (siblings share it)


@dataclass(frozen=True)
class Snapshot:
    shot: str
    language: str
    distinct_colours: int
    ink: float
    accent_px: dict[str, int]
    texts: tuple[TextSeen, ...]
    numbers: tuple[tuple[str, str, str], ...]  # (number id, shown text, final text)
    number_glyphs_missing: str


class Glyphs:
    """Which characters the bundled font (as each text is drawn) supports; raw fonts made once per variant."""

    def __init__(self, typography: Typography):
        self._typography = typography
        self._raw: dict[tuple[int, bool, str], QRawFont] = {}

    def missing(self, text: str, px: float, bold: bool, language: str) -> str:
        key = (round(px), bold, language)
        raw = self._raw.get(key)
        if raw is None:
            raw = self._raw[key] = QRawFont.fromFont(self._typography.font(px, bold, language))
            assert raw.isValid() and raw.familyName() == self._typography.family
        # Code points, not str: PySide6 6.11 mis-converts a non-ASCII str to QChar here.
        # The word joiners and zero-width spaces the line breaker puts in are default-ignorable: drawn as nothing.
        drawn = (c for c in strip_joiners(text) if not c.isspace())
        return "".join(sorted({c for c in drawn if not raw.supportsCharacter(ord(c))}))


def pixels(image: QImage) -> np.ndarray:
    """Red, green and blue rows (3 × N) of ``image``'s pixels, every second row and column (plenty for colour
    statistics, and quick)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = rows[::2, : image.width() * 3].reshape(-1, image.width(), 3)[:, ::2]
    return np.ascontiguousarray(rgb.reshape(-1, 3).T).astype(np.int16)


def near(rgb: np.ndarray, colour: str, tolerance: int = ACCENT_TOLERANCE) -> int:
    """How many pixels are within ``tolerance`` of ``colour`` in each channel."""
    c = QColor(colour)
    close = np.abs(rgb[0] - c.red()) <= tolerance
    close &= np.abs(rgb[1] - c.green()) <= tolerance
    close &= np.abs(rgb[2] - c.blue()) <= tolerance
    return int(close.sum())


def text_seen(block: TextBlock, harness: Harness, glyphs: Glyphs) -> TextSeen:
    fitted, style = block.fitted, block.style
    box = block.boundingRect()
    spare = max(0.0, box.height() - fitted.height)
    top = {"top": 0.0, "center": spare / 2, "bottom": spare}.get(style.valign, 0.0)
    layout = fitted.layout
    widest = max((layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())), default=0.0)
    panel = block.parentItem()
    while panel is not None and not isinstance(panel, Panel):
        panel = panel.parentItem()
    return TextSeen(
        origin=block.origin,
        text=block.text,
        elided=block.elided,
        preview=bool(getattr(block, "preview", False)),
        missing=glyphs.missing(layout.text(), fitted.px, style.bold, style.language),
        box=block.sceneBoundingRect(),
        used=block.mapRectToScene(QRectF(0, top, box.width(), min(box.height(), fitted.height))),
        overflows_box=widest > box.width() + 1 or fitted.height > box.height() + 1,
        panel=panel.sceneBoundingRect() if panel is not None else harness.scene.sceneRect(),
        panel_name=getattr(panel, "name", type(panel).__name__) if panel is not None else "the screen",
        parent=id(block.parentItem()),
    )


def take_snapshot(content: Content, size: str, language: str, name: str) -> Snapshot:
    shot = next(s for s in shots(content) if s.name == name)
    with shown_exhibit(content, SIZES[size], language=language) as harness:
        shot.go(harness.exhibit, harness.clock)
        controller = harness.controller
        # Hold the state: the clock is driven by hand, but these timers run on real time.
        controller.idle_loop.attract_timer.stop()
        controller.idle_loop.idle_timer.stop()
        harness.settle()
        rgb = pixels(harness.stage.grab().toImage())
        glyphs = Glyphs(controller.context().typography)
        theme = content.exhibit.theme
        packed = (rgb[0].astype(np.int32) << 16) | (rgb[1].astype(np.int32) << 8) | rgb[2]
        numbers = [item for item in walk(harness.scene) if isinstance(item, CountingNumber)]
        return Snapshot(
            shot=name,
            language=language,
            distinct_colours=len(np.unique(packed)),
            ink=1.0 - near(rgb, theme.ground, 6) / rgb.shape[1],
            accent_px={pillar.id: near(rgb, pillar.accent) for pillar in content.pillars},
            texts=tuple(
                text_seen(block, harness, glyphs) for block in walk(harness.scene) if isinstance(block, TextBlock)
            ),
            numbers=tuple((n.number.id, n.text, n.final_text) for n in numbers),
            number_glyphs_missing="".join(glyphs.missing(n.final_text + n.text, n.px, True, language) for n in numbers),
        )


@cache
def snapshot(size: str, language: str, name: str) -> Snapshot:
    return take_snapshot(shipped_content(), size, language, name)


@pytest.fixture(params=params())
def shown(request: pytest.FixtureRequest, qapp) -> Snapshot:
    return snapshot(*request.param)


# Checks of every screen -------------------------------------------------------------------------------------------
def test_the_screen_is_not_blank(shown: Snapshot) -> None:
    assert shown.distinct_colours >= MIN_DISTINCT_COLOURS, shown.distinct_colours
    assert MIN_INK <= shown.ink <= 0.99, shown.ink
    assert len(shown.texts) >= 3


def owner(name: str) -> str | None:
    """The pillar whose screen (its page or one of its stories) ``name`` is, if any."""
    return next((p for p in PILLARS if name == f"pillar-{p}" or name.startswith(f"story-{p}-")), None)


@pytest.mark.parametrize("case", params(owner))
def test_pillar_screens_wear_their_accent_and_no_other(case: tuple[str, str, str], qapp) -> None:
    accent, own = snapshot(*case).accent_px, owner(case[2])
    assert accent[own] >= MIN_ACCENT_PX, accent
    assert all(count * 10 < accent[own] for pillar, count in accent.items() if pillar != own), accent


@pytest.mark.parametrize("case", params(lambda name: name == "home"))
def test_home_shows_every_pillars_accent(case: tuple[str, str, str], qapp) -> None:
    accent = snapshot(*case).accent_px
    assert all(count >= MIN_ACCENT_PX / 4 for count in accent.values()), accent


def test_every_character_is_in_the_bundled_font(shown: Snapshot) -> None:
    missing = {text.origin: text.missing for text in shown.texts if text.missing}
    assert not missing, f"would be drawn as boxes: {missing}"
    assert not shown.number_glyphs_missing


def test_no_text_is_cut_short_except_previews(shown: Snapshot) -> None:
    cut = [f"{text.origin}: {text.text[:40]}" for text in shown.texts if text.elided and not text.preview]
    assert not cut


def in_a_number_tile(text: TextSeen) -> bool:
    return text.panel_name.startswith("number-")


def outside_panel(text: TextSeen, rect: QRectF) -> str | None:
    if text.panel.adjusted(-0.5, -0.5, 0.5, 0.5).contains(rect):
        return None
    return f"{text.origin} {rect.getRect()} outside {text.panel_name} {text.panel.getRect()}"


def test_every_text_is_drawn_inside_its_box_and_its_panel(shown: Snapshot) -> None:
    assert not [text.origin for text in shown.texts if text.overflows_box]
    assert not [problem for text in shown.texts if (problem := outside_panel(text, text.used))]
    boxes = [
        problem
        for text in shown.texts
        if not in_a_number_tile(text)  # see the test below
        if (problem := outside_panel(text, text.box))
    ]
    assert not boxes


@pytest.mark.parametrize("size", SIZES)
def test_number_tile_text_boxes_stay_inside_the_tile(size: str, qapp) -> None:
    boxes = [
        problem
        for pillar in ("national-strategy", "ecosystem")
        for text in snapshot(size, "zh", f"pillar-{pillar}").texts
        if in_a_number_tile(text)
        if (problem := outside_panel(text, text.box))
    ]
    assert not boxes


def test_no_two_texts_of_one_item_overlap(shown: Snapshot) -> None:
    clashes = []
    for a, b in itertools.combinations(shown.texts, 2):
        if a.parent != b.parent:
            continue
        common = a.used.intersected(b.used)
        if common.width() > 1 and common.height() > 1:
            clashes.append((a.origin, b.origin, common.getRect()))
    assert not clashes


def test_numbers_show_their_final_value_once_settled(shown: Snapshot) -> None:
    assert [(i, text) for i, text, final in shown.numbers if text != final] == []
    if shown.shot in ("home", "attract-02-rankings") or shown.shot.startswith("pillar-"):
        assert shown.numbers  # these screens do show numbers


# Motion and plain text ----------------------------------------------------------------------------------------------
def numbers_on(harness: Harness) -> list[CountingNumber]:
    """The numbers of the current page (also while it is still fading in)."""
    page = harness.controller.page
    assert page is not None
    found = [item for item in page.childItems_recursive() if isinstance(item, CountingNumber)]
    assert found
    return found


def unfinished(harness: Harness) -> list[str]:
    return [n.number.id for n in numbers_on(harness) if n.text != n.final_text]


def test_numbers_count_up_then_land_on_their_final_text(open_exhibit) -> None:
    harness = open_exhibit()
    harness.controller.wake()
    harness.clock.advance(0.5)
    harness.controller.context().ticker.tick()
    assert unfinished(harness)  # still counting half a second in
    harness.settle()
    assert not unfinished(harness)


def test_numbers_replay_when_a_screen_is_revisited(open_exhibit) -> None:
    harness = awake(open_exhibit())
    assert not unfinished(harness)
    harness.controller.open_pillar("industry")
    harness.settle()
    harness.controller.home()
    harness.clock.advance(0.3)
    harness.controller.context().ticker.tick()
    assert unfinished(harness)


@pytest.mark.parametrize("reduced", [True, False], ids=["reduced-motion", "full-motion"])
@pytest.mark.parametrize("screen", ["home", "pillar", "attract-number"])
def test_reduced_motion_shows_final_numbers_without_any_time_passing(open_exhibit, screen, reduced) -> None:
    harness = open_exhibit(settings=ExhibitSettings(reduced_motion=reduced))
    start = harness.clock()
    if screen == "attract-number":
        harness.controller.show_attract_at(ExhibitSettings().attract_slide_s + 0.01)
        assert isinstance(harness.controller.page, AttractPage)
    else:
        harness.controller.wake()
        if screen == "pillar":
            harness.controller.open_pillar("national-strategy")
    harness.controller.context().ticker.tick()
    assert harness.clock() == start
    assert (unfinished(harness) == []) is reduced  # with motion, they are still at their start


def test_the_glyph_check_finds_characters_the_font_lacks(open_exhibit) -> None:
    glyphs = Glyphs(open_exhibit().controller.context().typography)
    assert glyphs.missing("广州科创 40.3% 第8位 165万", 30, False, "zh") == ""
    assert glyphs.missing("广州\u2603\U0001f600", 30, True, "en") == "\u2603\U0001f600"  # a snowman, an emoji


HTML = Text(zh="<b>粗体</b> & <i>斜体</i><br>", en="<b>Bold</b> <img src=x> &amp;")


def with_html_title(content: Content, pillar_id: str) -> Content:
    pillars = tuple(
        p.model_copy(update={"title": HTML, "short_title": HTML}) if p.id == pillar_id else p for p in content.pillars
    )
    return content.model_copy(update={"pillars": pillars})


@pytest.mark.parametrize("language", ["zh", "en"])
def test_content_text_is_shown_as_plain_text_never_as_markup(open_exhibit, content, language) -> None:
    harness = open_exhibit(content=with_html_title(content, "industry"), language=language)
    harness.controller.wake()
    harness.controller.open_pillar("industry")
    harness.settle()
    assert harness.screen == PillarPage("industry")
    literal = HTML.get(language)
    (block,) = [b for b in walk(harness.scene) if isinstance(b, TextBlock) and b.origin == "industry.title"]
    assert block.text == literal and not block.elided
    layout = block.fitted.layout
    assert strip_joiners(layout.text()) == literal  # every '<', '>' and '&' is laid out as a character
    assert layout.formats() == []  # no bold or italic ranges were made from the tags
    assert layout.lineCount() == 1
    font = harness.controller.context().typography.font(block.fitted.px, block.style.bold, block.style.language)
    width = layout.lineAt(0).naturalTextWidth()
    assert width == pytest.approx(QFontMetricsF(font).horizontalAdvance(literal), abs=1.0)
    tagless = literal.replace("<b>", "").replace("</b>", "")
    assert width > QFontMetricsF(font).horizontalAdvance(tagless) + 20
