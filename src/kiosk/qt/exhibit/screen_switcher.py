"""Building and switching the exhibit's screens: one page at a time in the scene, the story sheet over its pillar,
and the pictured transition between what was on screen and what is now.

It knows how to show a navigation :class:`~kiosk.exhibit.navigation.Screen`, not when: the controller decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from itertools import chain

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from kiosk.content.model import Content
from kiosk.exhibit.motion import PAGE_TRANSITION_S, SHEET_TRANSITION_S
from kiosk.exhibit.navigation import Attract, OutlookPage, PillarPage, Screen, StoryDetail
from kiosk.qt.exhibit.prebuild import Prebuilder, prepare_pictures
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.base import Page, PageContext, build_readable
from kiosk.qt.exhibit.screens.home import HomePage
from kiosk.qt.exhibit.screens.outlook import OutlookPageView
from kiosk.qt.exhibit.screens.pillar import PillarPageView
from kiosk.qt.exhibit.screens.story_sheet import StorySheet
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.transition import PictureBuffers, Transition
from kiosk.service.memory import give_back_free_memory

SHEET_Z = 10
# A frame of a page's own motion (count-ups, a carousel's glide) with idle work beside it is kept within this much work
# from the start of its tick: half a 60 Hz frame, the rest left to the window system and to what else runs.
MOTION_FRAME_S = 0.008


class ScreenSwitcher:
    """Owns the page on screen, the story sheet over it and the transition running between two of them."""

    def __init__(
        self,
        stage: Stage,
        ticker: Ticker,
        context: Callable[[], PageContext],
        attract_slide_s: float,
        likely: Callable[[], tuple[Screen, ...]] = tuple,
    ):
        self._stage = stage
        self._scene = stage.scene()
        self._ticker = ticker
        self._context = context
        self._attract_slide_s = attract_slide_s
        self._buffers = PictureBuffers()
        # The slow pictures (story scenes) drawn ahead are drawn here, one at a time, beside the event loop. Its
        # thread waits for work while there is none, and ends when the switcher goes.
        self._pictures_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-pictures")
        self._leaving: list[QGraphicsObject] = []  # off the scene, freed when the transition is over
        self.page: Page | None = None
        self.sheet: StorySheet | None = None
        self._transition: Transition | None = None
        # The likely next screens, built in idle time; taken at the tap when built for the same context.
        self.prebuild = Prebuilder(
            self._make,
            context,
            likely,
            self._may_prebuild,
            self._free,
            stage,
            tidy=self._tidy,
            picture=self._pictures,
            beside_motion=self._room_beside_motion,
        )

    @property
    def transition_running(self) -> bool:
        return self._transition is not None

    def finish_transition(self) -> None:
        """A running transition ends now (a new screen is about to be shown)."""
        if self._transition is not None:
            self._transition.finish()

    def drop_transition(self) -> None:
        """Forget a running transition without finishing it (after an error that may have come from it)."""
        self._transition = None
        self._free_leaving()

    def show(self, screen: Screen, content: Content, animate: bool, fade_s: float | None = None) -> Page:
        """Replace the page (and any sheet) with the one for ``screen``; pictured when ``animate`` (with
        ``fade_s``: only a cross-fade of that many seconds, for reduced motion).

        The first frame of the transition (the old picture starting to leave) is on screen before the new page is
        built; the page is entered (its own entrance animations start, held until the pictures are gone) before
        its picture is drawn, so the transition's last picture is what the page first looks like.
        """
        old = self.page
        before = self._before() if animate and old is not None else None
        self.finish_transition()
        self.close_sheet(leaving=before is not None)
        if old is not None:
            self.delete(old, leaving=before is not None)
        transition = None
        if before is not None:
            duration_s = PAGE_TRANSITION_S if fade_s is None else fade_s
            transition = self._start(before, [], duration_s, crossfade=fade_s is not None)
        page = self._build(screen, content)
        page.scroll_if_taller()
        self._scene.addItem(page)
        self.page = page
        page.enter()
        if isinstance(screen, StoryDetail):
            self._open_sheet(screen, content)
        if transition is not None:
            transition.join([page] if self.sheet is None else [page, self.sheet])
        self.prebuild.settle_later()
        return page

    def show_sheet(self, screen: Screen, content: Content, fade: bool = True, fade_s: float | None = None) -> None:
        """Open, change or close the story sheet over the pillar page (pictured cross-fade when ``fade``, of
        ``fade_s`` seconds when given)."""
        before = self._before() if fade else None
        self.finish_transition()
        self.close_sheet(leaving=before is not None)
        transition = None
        if before is not None:  # its first frame is on screen before the sheet is built
            transition = self._start(before, [], SHEET_TRANSITION_S if fade_s is None else fade_s, crossfade=True)
        if isinstance(screen, StoryDetail):
            self._open_sheet(screen, content)
        if transition is not None:
            transition.join([item for item in (self.page, self.sheet) if item is not None], delay=False)
        self.prebuild.settle_later()

    def _open_sheet(self, screen: StoryDetail, content: Content) -> None:
        sheet = self._built(screen, content)
        assert isinstance(sheet, StorySheet)
        self.sheet = sheet
        self.sheet.setZValue(SHEET_Z)
        self._scene.addItem(self.sheet)

    def close_sheet(self, leaving: bool = False) -> None:
        if self.sheet is not None:
            self.delete(self.sheet, leaving=leaving)
            self.sheet = None

    def delete(self, item: QGraphicsObject, leaving: bool = False) -> None:
        """Take ``item`` off the scene with its animations, and free it once the event loop is back — or, when it is
        ``leaving`` under a transition, once that is over (freeing a page costs milliseconds a frame cannot spare)."""
        self._ticker.cancel(item)
        scene = item.scene()
        if scene is not None:
            scene.removeItem(item)
        if leaving:
            self._leaving.append(item)
        else:
            item.deleteLater()

    def _free_leaving(self) -> None:
        for item in self._leaving:
            item.deleteLater()
        self._leaving = []

    def _build(self, screen: Screen, content: Content) -> Page:
        page = self._built(PillarPage(screen.pillar_id) if isinstance(screen, StoryDetail) else screen, content)
        assert isinstance(page, Page)
        return page

    def _built(self, screen: Screen, content: Content) -> QGraphicsObject:
        """The page or sheet for ``screen``: the one built ahead for this very context if there is one."""
        ctx = self._context()
        if ctx.content is not content:  # shown with other content than the context's: nothing built ahead fits
            ctx = replace(ctx, content=content)
        built = self.prebuild.take(screen, ctx)
        return self._make(screen, ctx) if built is None else built

    def _make(self, screen: Screen, ctx: PageContext) -> QGraphicsObject:
        if isinstance(screen, StoryDetail):
            story_pillar, index = ctx.content.pillar(screen.pillar_id), screen.index
            return build_readable(ctx, lambda c: StorySheet(c, story_pillar, index))
        if isinstance(screen, Attract):
            return AttractPage(ctx, self._attract_slide_s)
        if isinstance(screen, PillarPage):
            pillar = ctx.content.pillar(screen.pillar_id)
            return build_readable(ctx, lambda c: PillarPageView(c, pillar))
        if isinstance(screen, OutlookPage):
            return build_readable(ctx, OutlookPageView)
        return build_readable(ctx, HomePage)

    def _before(self) -> QImage:
        """The screen as it is now: read from the window's pixels (nothing drawn again) where it can be."""
        before, _after = self._buffers.pair(self._stage.device_size())
        if not self._stage.on_screen(before):
            self._stage.draw_scene_into(before)
        return before

    def _start(self, before: QImage, live: Sequence[QGraphicsItem], duration_s: float, crossfade: bool) -> Transition:
        _before, after = self._buffers.pair(before.size())
        self._transition = Transition(
            self._stage, self._ticker, before, after, live, duration_s, self._transition_done, crossfade
        )
        return self._transition

    def _transition_done(self) -> None:
        self._transition = None
        self._free_leaving()
        self.prebuild.settle_later()

    def _may_prebuild(self) -> bool:
        """Nothing moves that a slice of idle work could make late (the attract loop's slow motion may wait)."""
        return self._transition is None and (not self._ticker.active or isinstance(self.page, AttractPage))

    def _room_beside_motion(self) -> float | None:
        """While a page's own motion runs: how long idle work may take in this frame (what is left of
        MOTION_FRAME_S); None under a transition, whose frames have none to spare."""
        if self._transition is not None:
            return None
        return MOTION_FRAME_S - self._ticker.since_tick_s()

    def _free(self, item: QGraphicsObject) -> None:
        item.deleteLater()

    def _pictures(self, ahead: list[QGraphicsObject]) -> Iterator[None]:
        """The transition's two buffers, written once before the first tap that needs them; then the slow pictures of
        the screen shown (its carousel's tiles too) and of ``ahead``, handed one a step to the pictures' thread to be
        drawn at the stage's scale."""
        shown = [item for item in (self.page, self.sheet) if item is not None]
        return chain(
            self._buffers.prepare(self._stage.device_size()),
            prepare_pictures([*shown, *ahead], self._stage.device_scale(), self._pictures_thread.submit),
        )

    def wait_for_pictures(self, timeout_s: float) -> bool:
        """Wait until the pictures handed to the pictures' thread are drawn (benchmarks and tests: the idle work is
        then all done); whether they were within ``timeout_s``."""
        try:
            self._pictures_thread.submit(lambda: None).result(timeout=timeout_s)
        except TimeoutError:
            return False
        return True

    def _tidy(self) -> None:
        """Idle, with the likely screens built: the heap's free pages are given back (the transition's two buffers
        stay, written already: a tap copies into one at once, and the bands draw into the other)."""
        give_back_free_memory()
