"""The attract loop's frames stay cheap, measured without a clock: how much of the screen each frame draws again,
that a covered scene draws nothing under the one over it, and that no cached item is first drawn (its cache
filled) in a frame that shows it. Each check is also run on a crafted bad case, to show it can fail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.exhibit.attract import NumberSlide, PillarSlide, Slide
from kiosk.qt.exhibit.attract import scenes
from kiosk.qt.exhibit.attract.wipe import WipeRoot
from kiosk.qt.exhibit.screens import attract
from kiosk.qt.exhibit.screens.attract import AttractPage

from ..exhibit_fixtures import Harness

pytestmark = pytest.mark.gui

FRAME_S = 1 / 60
MAX_SHARE = 0.4  # no frame of a scene draws more than this share of the screen again
MEAN_SHARE = 0.2


def page_of(harness: Harness) -> AttractPage:
    page = harness.controller.page
    assert isinstance(page, AttractPage)
    return page


def start_of(page: AttractPage, wanted: Slide) -> float:
    """When ``wanted`` begins in the loop's second cycle."""
    return page.loop.cycle_s + page.loop.playlist.index(wanted) * page.loop.slide_s


def frames(harness: Harness, start_s: float, end_s: float) -> Iterator[tuple[float, float]]:
    """Drive the loop from ``start_s`` to ``end_s`` at 60 Hz, painting each frame: (time, share of the screen
    drawn again in that frame)."""
    stage = harness.stage
    screen = stage.viewport().width() * stage.viewport().height()
    harness.controller.show_attract_at(start_s - FRAME_S)
    QCoreApplication.processEvents()
    for k in range(round((end_s - start_s) / FRAME_S)):
        t = start_s + k * FRAME_S
        before = stage.painted_px
        harness.controller.show_attract_at(t)
        QCoreApplication.processEvents()
        yield t, (stage.painted_px - before) / screen


@pytest.fixture
def settled(harness: Harness, qtbot) -> Harness:
    """The harness once the stage's own repaints after it was shown (on real time) are over."""
    qtbot.waitUntil(lambda: not harness.stage.repaints_after_show, timeout=5000)
    QCoreApplication.processEvents()
    return harness


def shares_over(harness: Harness, wanted: Slide) -> list[float]:
    """The share drawn per frame from 2 s before ``wanted`` (its making) to its end."""
    page = page_of(harness)
    start = start_of(page, wanted)
    return [share for _t, share in frames(harness, start - 2.0, start + page.loop.slide_s)]


# How much of the screen a frame draws again ------------------------------------------------------------------
@pytest.mark.parametrize("wanted", [PillarSlide("industry"), NumberSlide("academicians")])
def test_no_frame_draws_much_of_the_screen_again(settled, wanted) -> None:
    shares = shares_over(settled, wanted)
    assert max(shares) <= MAX_SHARE, f"a frame drew {max(shares):.2f} of the screen again"
    assert sum(shares) / len(shares) <= MEAN_SHARE


def test_a_wall_whose_pictures_change_together_is_caught(settled, monkeypatch) -> None:
    monkeypatch.setattr(scenes, "WALL_STEPS", 0)  # the four pictures fade and step back in the same frames
    shares = shares_over(settled, PillarSlide("industry"))
    assert max(shares) > MAX_SHARE


# A covered scene draws nothing under the one over it -----------------------------------------------------------
def overdraw(page: AttractPage) -> float:
    """The share of the screen the covered scene would draw where the scene over it is shown."""
    leaving, current = page._leaving, page.current
    if leaving is None or current is None:
        return 0.0
    under = leaving.root.mapRectToScene(leaving.root.visible_rect())
    over = current.root.mapRectToScene(current.root.shown_rect())
    screen = QRectF(0, 0, page.ctx.look.width, page.ctx.look.height)
    both = under.intersected(over).intersected(screen)
    return both.width() * both.height() / (screen.width() * screen.height())


def gap(page: AttractPage) -> float:
    """The share of the screen neither scene draws (the width of screen the wipe has passed but the new scene
    does not show, or not yet passed but the old scene does not show)."""
    assert page._leaving is not None and page.current is not None
    screen = QRectF(0, 0, page.ctx.look.width, page.ctx.look.height)
    under = page._leaving.root.mapRectToScene(page._leaving.root.visible_rect()).intersected(screen)
    over = page.current.root.mapRectToScene(page.current.root.shown_rect()).intersected(screen)
    drawn = (
        under.width() * under.height()
        + over.width() * over.height()
        - overdraw(page) * screen.width() * (screen.height())
    )
    return 1.0 - drawn / (screen.width() * screen.height())


def test_a_covered_scene_draws_only_where_the_new_one_has_not_come(harness) -> None:
    page = page_of(harness)
    start = start_of(page, PillarSlide("industry"))
    for t, _share in frames(harness, start, start + 1.5):
        assert overdraw(page) == 0.0, f"at {t:.2f} s the covered scene is drawn under the new one"
        if page.current is not None and page.current.root.revealed < 1.0:
            assert gap(page) < 0.01, f"at {t:.2f} s part of the screen shows neither scene"
    assert page._leaving is not None and page._leaving.root.visible_rect().isEmpty()


def test_a_covered_scene_drawn_under_the_new_one_is_caught(harness) -> None:
    page = page_of(harness)
    start = start_of(page, PillarSlide("industry"))
    harness.controller.show_attract_at(start + 0.5)
    assert page._leaving is not None
    page._leaving.root.cover_with(None)  # as before: all of it drawn, under the new one too
    assert overdraw(page) > 0.1


# No cached item is first drawn in a frame that shows it ---------------------------------------------------------
CACHED_KINDS = ("PictureTile", "TextBlock", "SceneArt", "Scrim", "Panel", "IconItem", "LadderMarker")


def wipe_root_of(item: QGraphicsItem) -> WipeRoot | None:
    parent = item.parentItem()
    while parent is not None and not isinstance(parent, WipeRoot):
        parent = parent.parentItem()
    return parent


def first_paints_seen(harness: Harness, monkeypatch, start_s: float, end_s: float) -> list[str]:
    """The cached items of the attract scenes whose first paint (their cache drawn) came while they could be seen
    (in the part of their scene that is drawn); a paint from a cache calls no ``paint``."""
    seen: list[str] = []
    painted: set[int] = set()
    now = [-1.0]  # not counting until the loop runs frame by frame (the jump to the start makes scenes at once)
    kinds = {type(item) for item in harness.scene.items() if type(item).__name__ in CACHED_KINDS}
    kinds |= {cls for cls in _item_classes() if cls.__name__ in CACHED_KINDS}

    def watch(kind: type) -> None:
        paint = kind.__dict__["paint"]

        def counted(item: QGraphicsItem, *args: object) -> None:
            root = wipe_root_of(item)
            cached = item.cacheMode() != QGraphicsItem.CacheMode.NoCache
            if now[0] >= 0 and id(item) not in painted and root is not None and cached:
                painted.add(id(item))
                drawn = root.mapRectToScene(root.visible_rect())
                if drawn.intersects(item.sceneBoundingRect()):
                    seen.append(f"{type(item).__name__} at {now[0]:.2f} s")
            paint(item, *args)

        monkeypatch.setattr(kind, "paint", counted)

    for kind in kinds:
        if "paint" in kind.__dict__:
            watch(kind)
    for _frame in frames(harness, start_s - 0.5, start_s):
        pass
    for t, _share in frames(harness, start_s, end_s):
        now[0] = t
    return seen


def _item_classes() -> list[type]:
    from kiosk.qt.exhibit.attract import picture_tile
    from kiosk.qt.exhibit.screens import story_art
    from kiosk.qt.widgets import surface, text_block

    return [
        picture_tile.PictureTile, picture_tile.Scrim, story_art.SceneArt, text_block.TextBlock,
        surface.Panel, surface.IconItem,
    ]  # fmt: skip


def test_no_cached_item_is_first_drawn_in_a_frame_that_shows_it(harness, monkeypatch) -> None:
    page = page_of(harness)
    start = start_of(page, PillarSlide("industry"))
    seen = first_paints_seen(harness, monkeypatch, start - 2.5, start + page.loop.slide_s)
    assert seen == []


def test_a_scene_made_in_the_frame_that_shows_it_is_caught(harness, monkeypatch) -> None:
    monkeypatch.setattr(attract, "PREPARE_S", 0.0)  # nothing made ahead: the scene is made when it is due
    page = page_of(harness)
    start = start_of(page, PillarSlide("industry"))
    seen = first_paints_seen(harness, monkeypatch, start - 2.5, start + page.loop.slide_s)
    assert seen, "the check found nothing in a scene made when it was due"
