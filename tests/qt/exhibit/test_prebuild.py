"""Screens built ahead in idle time: in slices that stop at an item once their time is up, handed over at the tap
only when built for the very same context, equal to a screen built at the tap, and never left running."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from kiosk.content.line_breaks import LineBreaker
from kiosk.exhibit.navigation import Attract, Home, OutlookPage, PillarPage, StoryDetail
from kiosk.paths import default_assets_dir
from kiosk.qt.app import build
from kiosk.qt.exhibit import screen_switcher
from kiosk.qt.exhibit.charts import import_charts
from kiosk.qt.exhibit.prebuild import PICTURED_AHEAD, SLICE_S, Prebuilder, same_context
from kiosk.qt.exhibit.screen_switcher import MOTION_FRAME_S
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.pillar import PillarPageView
from kiosk.qt.exhibit.screens.story_art import SceneArt
from kiosk.qt.exhibit.screens.take_home import qr_modules
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.item import Item, SlicedBuild, descendants, give_way
from kiosk.qt.foundations.text_style import TextStyle
from kiosk.qt.foundations.transition import PREPARE_STEP_BYTES, PictureBuffers
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.text_block import fit_text
from kiosk.settings.model import ExhibitSettings

from ..exhibit_fixtures import Harness, Pointer, shipped_content

pytestmark = pytest.mark.gui
BEHAVIOUR = ExhibitSettings()


def idle(harness: Harness, limit_s: float = 10.0) -> Prebuilder:
    """Let the event loop run (real time) until the likely next screens are built."""
    prebuild = harness.controller.switcher.prebuild
    end = time.perf_counter() + limit_s
    while time.perf_counter() < end and (prebuild.pending or prebuild.working):
        QApplication.processEvents()
        time.sleep(0.002)
    assert not prebuild.pending, "the idle work did not finish"
    assert harness.controller.switcher.wait_for_pictures(limit_s), "the pictures were not drawn"
    return prebuild


def at_home(harness: Harness) -> None:
    harness.controller.wake()
    harness.settle()


def test_a_sliced_build_stops_at_an_item_once_its_time_is_up_and_goes_on_where_it_stopped(qapp) -> None:
    made: list[int] = []

    def build() -> list[Item]:
        items = []
        for i in range(5):
            items.append(Item())
            made.append(i)
            time.sleep(0.003)
        return items

    sliced = SlicedBuild(build)
    assert not sliced.run(0.001)  # the first item is made, the second waits for the next slice
    assert made == [0]
    assert not sliced.run(0.0)
    assert made == [0, 1]
    assert sliced.run()  # to the end
    assert made == [0, 1, 2, 3, 4] and sliced.result is not None and len(sliced.result) == 5


def test_a_sliced_build_raises_its_error_and_a_cancelled_one_is_dropped(qapp) -> None:
    def broken() -> None:
        Item()
        raise ValueError("bad screen")

    with pytest.raises(ValueError, match="bad screen"):
        SlicedBuild(broken).run()
    reached: list[str] = []

    def long() -> None:
        Item()
        Item()
        reached.append("end")

    sliced = SlicedBuild(long)
    sliced.run(0.0)
    sliced.cancel()
    assert sliced.done and sliced.result is None and reached == []
    Item()  # made outside a sliced build: at once, whatever happened before


def test_a_long_text_fitted_in_a_sliced_build_gives_way_between_its_tries(qapp) -> None:
    """A text tried at size after size inside one item (16 ms for a story's body at 1080p) is no longer one step
    that a slice beside a count-up cannot stop in."""
    typography = Typography(load_bundled_fonts(default_assets_dir())[0], LineBreaker([]))
    style = TextStyle(px=60, min_px=20, colour="#ffffff", max_lines=40)
    text = "广州科技创新综合水平持续提升，" * 40  # shrinks many steps before it fits
    sliced = SlicedBuild(lambda: fit_text(text, typography, style, 700, 600))
    slices = 0
    while not sliced.run(0.0):
        slices += 1
    fitted = sliced.result
    assert fitted is not None and fitted.px < style.px  # it did shrink, try after try
    assert slices >= 3  # no Item is made in it: every stop was between two tries
    assert not SlicedBuild(give_way).run(0.0) and SlicedBuild(give_way).run(1.0)


def test_the_warm_up_makes_the_qr_code_every_story_sheet_shows(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The QR library's import and its first code (35 ms) are made before the first visitor, not in a frame of
    Home's count-ups where the story sheets are built ahead."""
    frozen: list[bool] = []
    # the warm-up also freezes what exists for the cycle collector: not in a test process that goes on with others
    monkeypatch.setattr(build, "freeze_long_lived", lambda: frozen.append(True))
    content = shipped_content()
    qr_modules.cache_clear()
    build.warm_up(content)
    hits = qr_modules.cache_info().hits
    qr_modules(content.exhibit.article.url)
    assert qr_modules.cache_info().hits == hits + 1 and frozen == [True]


def test_home_builds_the_pillars_and_the_outlook_ahead_and_the_tap_takes_them(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tidy-up's collection looks at everything this test process made before (without the exhibit's freeze of
    # what it made at start: 250-280 ms after a thousand tests, 2-15 ms in the exhibit): it is counted, not timed.
    tidied: list[bool] = []
    monkeypatch.setattr(screen_switcher, "give_back_free_memory", lambda: tidied.append(True))
    import_charts()  # as the exhibit does while the attract loop plays (an import is no work to slice)
    at_home(harness)
    prebuild = idle(harness)
    pillars = harness.controller.pillar_ids
    assert prebuild.built() == [*(PillarPage(p) for p in pillars), OutlookPage()]
    assert max(prebuild.slices_ms) < 250  # slices, not whole screens at once (a shared machine: a loose bound)
    assert tidied  # with the screens built, what went was tidied up in a slice of its own
    taken = prebuild.taken
    harness.controller.open_pillar(pillars[1])
    assert prebuild.taken == taken + 1
    page = harness.controller.page
    assert isinstance(page, PillarPageView) and page.scene() is harness.scene
    harness.settle()
    prebuild = idle(harness)
    assert prebuild.built()[0] == StoryDetail(pillars[1], 0)
    harness.controller.open_story(0)
    assert prebuild.taken == taken + 2
    harness.controller.stop_timers()


def test_a_screen_built_ahead_draws_exactly_as_one_built_at_the_tap(harness: Harness) -> None:
    at_home(harness)
    idle(harness)
    pillar = harness.controller.pillar_ids[0]
    switcher = harness.controller.switcher
    ctx = harness.controller.context()
    ahead = switcher.prebuild.take(PillarPage(pillar), ctx)
    assert ahead is not None
    fresh = switcher._make(PillarPage(pillar), ctx)
    assert picture(ahead) == picture(fresh)
    harness.controller.stop_timers()


def picture(item: Item) -> QImage:
    scene = QGraphicsScene()
    scene.addItem(item)
    rect = QRectF(0, 0, 960, 540)
    image = QImage(960, 540, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    scene.render(painter, rect, QRectF(0, 0, 1920, 1080))
    painter.end()
    scene.removeItem(item)
    return image


def test_nothing_built_for_old_content_or_another_language_is_used(harness: Harness) -> None:
    at_home(harness)
    prebuild = idle(harness)
    old_ctx = harness.controller.context()
    reloaded = harness.controller.content.model_copy()  # a hot reload: an equal but new content object
    harness.controller.replace_content(reloaded)
    assert prebuild.built() == []  # dropped with the old content
    assert not same_context(old_ctx, harness.controller.context())
    taken = prebuild.taken
    harness.controller.open_pillar(harness.controller.pillar_ids[0])
    assert prebuild.taken == taken  # built at the tap for the new content
    page = harness.controller.page
    assert page is not None and page.ctx.content is reloaded
    harness.settle()
    idle(harness)
    other = next(lang for lang in harness.controller.content.exhibit.languages if lang != harness.controller.language)
    harness.controller.set_language(other)
    harness.settle()
    harness.controller.open_story(0)
    assert prebuild.taken == taken  # the sheets built ahead were in the other language
    harness.controller.stop_timers()


def test_a_touch_stops_the_idle_work_until_it_is_quiet_again(harness: Harness, pointer: Pointer) -> None:
    at_home(harness)
    prebuild = harness.controller.switcher.prebuild
    prebuild._plan()  # as after the quiet time
    assert prebuild.pending
    pointer.press(harness.centre("home"))
    assert not prebuild._slice_timer.isActive()  # no slice under a finger
    slices = len(prebuild.slices_ms)
    QApplication.processEvents()
    assert len(prebuild.slices_ms) == slices
    pointer.release(harness.centre("home") + QPointF(0, 400))  # slid off: no tap
    idle(harness)  # quiet again: it goes on
    assert prebuild.built()
    harness.controller.stop_timers()
    assert not prebuild.working and prebuild.built() == []


def into_warning(harness: Harness, pointer: Pointer) -> None:
    """Home, a touch on an empty spot, then nobody until the countdown before the attract loop shows."""
    at_home(harness)
    pointer.tap(QPointF(12, 540))  # the left margin: nothing to tap there
    loop = harness.controller.idle_loop
    harness.clock.advance(loop.tracker.timeout_s - BEHAVIOUR.idle_warning_s)
    harness.controller.check_idle()
    assert loop.warning_shown


def test_the_attract_loop_is_built_ahead_while_the_countdown_before_it_runs_and_only_then(
    harness: Harness, pointer: Pointer
) -> None:
    at_home(harness)
    prebuild = idle(harness)
    assert Attract() not in prebuild.built()  # on a visitor's screen it would hold its first scene all the time
    into_warning(harness, pointer)
    prebuild = idle(harness)
    assert prebuild.built()[0] == Attract()
    taken = prebuild.taken
    harness.clock.advance(BEHAVIOUR.idle_warning_s)
    harness.controller.check_idle()  # nobody came back: the fade to the loop shows the page built ahead
    assert harness.screen == Attract() and isinstance(harness.controller.page, AttractPage)
    assert prebuild.taken == taken + 1
    harness.controller.stop_timers()


def test_a_touch_on_the_countdown_lets_the_attract_loop_built_ahead_go(harness: Harness, pointer: Pointer) -> None:
    into_warning(harness, pointer)
    prebuild = idle(harness)
    assert Attract() in prebuild.built()
    pointer.tap(QPointF(12, 540))  # more time: the visitor is still there
    assert not harness.controller.idle_loop.warning_shown
    prebuild = idle(harness)
    assert Attract() not in prebuild.built() and harness.screen == Home()
    harness.controller.stop_timers()


def test_no_idle_work_while_a_transition_runs(harness: Harness) -> None:
    at_home(harness)
    controller = harness.controller
    controller.open_outlook()
    assert controller.switcher.transition_running
    prebuild = controller.switcher.prebuild
    prebuild._plan()
    slices = len(prebuild.slices_ms)
    for _ in range(5):
        QApplication.processEvents()
    assert len(prebuild.slices_ms) == slices
    controller.stop_timers()


def test_beside_a_pages_count_ups_the_building_goes_on_within_what_is_left_of_each_frame(harness: Harness) -> None:
    """A visitor may tap a pillar while Home still counts up: the pillars are built beside those frames, one slice
    a frame in what is left of its budget, and nothing while the frame has none left."""
    import_charts()
    controller = harness.controller
    controller.wake()
    ticker = controller.context().ticker
    for _ in range(200):  # the transition ends; Home's count-ups go on
        if not controller.switcher.transition_running:
            break
        harness.clock.advance(1 / 60)
        ticker.tick()
        QApplication.processEvents()
    assert not controller.switcher.transition_running
    assert ticker.active
    prebuild = controller.switcher.prebuild
    budgets: list[float] = []
    run = SlicedBuild.run

    def recorded(build: SlicedBuild[object], budget_s: float | None = None) -> bool:
        budgets.append(-1.0 if budget_s is None else budget_s)
        return run(build, budget_s)

    SlicedBuild.run = recorded  # type: ignore[method-assign]
    try:
        prebuild._plan()
        ticker.tick_began_s = time.perf_counter() - MOTION_FRAME_S  # this frame's budget is spent
        for _ in range(3):
            QApplication.processEvents()
        assert budgets == [] and prebuild.pending
        frames = 0
        while prebuild.pending and frames < 2000 and ticker.active:
            harness.clock.advance(1 / 600)  # the count-ups go on for the whole build
            ticker.tick()
            QApplication.processEvents()
            frames += 1
        assert ticker.active, "the count-ups ended before the pillars were built"
    finally:
        SlicedBuild.run = run  # type: ignore[method-assign]
    assert not prebuild.pending and PillarPage(controller.pillar_ids[0]) in prebuild.built()
    assert budgets and all(0 < b <= min(SLICE_S, MOTION_FRAME_S) for b in budgets)
    assert len(budgets) <= frames  # one slice a frame at most
    controller.stop_timers()


def test_once_the_likely_screens_are_built_the_memory_freed_meanwhile_is_given_back(harness: Harness) -> None:
    prebuild = harness.controller.switcher.prebuild
    tidied: list[int] = []
    prebuild._tidy = lambda: tidied.append(1)
    at_home(harness)
    idle(harness)
    assert tidied == [1] and prebuild.built()
    prebuild._plan()  # nothing changed since: nothing to build, nothing to tidy
    idle(harness)
    assert tidied == [1]
    harness.controller.open_outlook()  # a screen went: tidied once the outlook's likely screens are built
    harness.settle()
    idle(harness)
    assert tidied == [1, 1]
    harness.controller.stop_timers()


def test_the_transitions_buffers_are_written_in_idle_time_before_the_first_tap_and_kept(harness: Harness) -> None:
    """Fresh memory costs a page fault at its first write: the two screen-sized buffers are made and written while
    nobody taps, not in the first tap (20–150 ms at 4K) or in every transition's bands, and they stay."""
    at_home(harness)
    controller = harness.controller
    buffers = controller.switcher._buffers
    idle(harness)
    assert buffers.held() == 2 and buffers.prepared
    old, new = buffers.pair(harness.stage.device_size())
    painted = harness.stage.frames_painted
    controller.open_outlook()
    assert harness.stage.covered and harness.stage.frames_painted == painted + 1
    assert buffers.pair(harness.stage.device_size()) == (old, new)  # the same two, not made again
    harness.settle()
    idle(harness)
    assert buffers.held() == 2 and buffers.prepared and buffers.pair(harness.stage.device_size())[1] is new
    controller.stop_timers()


def test_buffers_made_for_a_new_size_are_written_again(qapp) -> None:
    buffers = PictureBuffers()
    steps = list(buffers.prepare(QSize(64, 32)))
    assert len(steps) == 2 and buffers.prepared  # 8 KB each: one step
    assert list(buffers.prepare(QSize(64, 32))) == []  # nothing left to do at this size
    buffers.pair(QSize(80, 40))
    assert not buffers.prepared and len(list(buffers.prepare(QSize(80, 40)))) == 2


def test_a_step_of_writing_the_buffers_writes_at_most_its_share_of_bytes_and_all_of_them_in_the_end(qapp) -> None:
    """At 4K a buffer is 33 MB: written 4 MB a step, a first write took up to 22 ms, a frame of the attract loop."""
    buffers = PictureBuffers()
    size = QSize(3840, 2160)
    old, new = buffers.pair(size)
    old.fill(0xFFFFFFFF)
    new.fill(0xFFFFFFFF)
    steps = buffers.prepare(size)
    next(steps)
    written = sum(1 for y in range(size.height()) if old.pixel(0, y) == 0xFF000000)
    assert 0 < written * old.bytesPerLine() <= PREPARE_STEP_BYTES
    assert 1 + sum(1 for _ in steps) == 2 * -(-size.height() // written)
    assert buffers.prepared
    assert all(image.pixel(x, y) == 0xFF000000 for image in (old, new) for x, y in ((0, 0), (3839, 2159), (100, 1500)))


def test_the_scenes_of_the_screen_shown_and_of_the_likeliest_sheets_are_drawn_ahead(open_exhibit) -> None:
    """A story's scene (SVG) is drawn in idle time at the screen's pixels, so the frame that first shows it (a
    carousel tile sliding in, a sheet's transition) only copies it. In portrait the pillar's tiles show them too."""
    harness = open_exhibit((1080, 1920))
    import_charts()
    at_home(harness)
    harness.controller.open_pillar(harness.controller.pillar_ids[0])
    harness.settle()
    prebuild = idle(harness)
    scale = harness.stage.device_scale()
    page = harness.controller.page
    assert page is not None
    on_page = [item for item in descendants(page) if isinstance(item, SceneArt)]
    assert on_page and all(art.picture.ready(scale) for art in on_page)  # the carousel's tiles, seen or not
    ahead = [e.build.result for e in prebuild._entries[:PICTURED_AHEAD]]
    sheets = [art for root in ahead if root is not None for art in descendants(root) if isinstance(art, SceneArt)]
    assert sheets and all(art.picture.ready(scale) for art in sheets)
    later = [e.build.result for e in prebuild._entries[PICTURED_AHEAD:]]
    assert not any(
        art.picture.ready(scale)
        for root in later
        if root is not None
        for art in descendants(root)
        if isinstance(art, SceneArt)
    )  # the rest wait: their pictures are drawn when they are shown
    drawn = [art.picture.drawn for art in sheets]
    harness.controller.open_story(0)
    harness.settle()
    QApplication.processEvents()
    assert [art.picture.drawn for art in sheets] == drawn  # shown, and not drawn again
    harness.controller.stop_timers()
