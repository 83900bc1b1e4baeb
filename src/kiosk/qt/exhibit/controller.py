"""The one bridge between the pure state (navigation, idle, attract) and Qt: it builds the screen the navigator
asks for, decides what a touch means for the exhibit as a whole (the items under the finger get the rest through
ui/gesture_router.py), and owns the named timers.

Time comes from an injected clock; tests and ``kiosk render`` drive it by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSizeF
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kiosk.content.model import Content
from kiosk.exhibit.gesture import GestureConfig
from kiosk.exhibit.idle import IdleTracker
from kiosk.exhibit.navigation import (
    Attract,
    Home,
    Navigator,
    OutlookPage,
    PillarPage,
    Screen,
    StoryDetail,
    pillar_order,
    story_counts,
)
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.base import Page, PageContext
from kiosk.qt.exhibit.screens.home import HomePage
from kiosk.qt.exhibit.screens.idle_overlay import IdleOverlay
from kiosk.qt.exhibit.screens.outlook import OutlookPageView
from kiosk.qt.exhibit.screens.pillar import PillarPageView
from kiosk.qt.exhibit.screens.story_sheet import StorySheet
from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.look import TRANSITION_S, Look
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.timers import named_timer
from kiosk.qt.foundations.transition import Transition, picture
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.input.gesture_filter import GestureFilter
from kiosk.qt.input.gesture_router import GestureRouter

_log = logging.getLogger(__name__)
ATTRACT_TICK_MS = 250


@dataclass(frozen=True)
class Behaviour:
    """The settings the controller needs (the config file supplies them later)."""

    idle_timeout_s: float = 60.0
    idle_warning_s: float = 10.0
    attract_slide_s: float = 7.0
    reduced_motion: bool = False


class Controller(QObject):
    def __init__(
        self,
        content: Content,
        stage: Stage,
        typography: Typography,
        icons: IconLibrary,
        clock: Callable[[], float],
        behaviour: Behaviour = Behaviour(),
        content_dir: Path | None = None,
        language: str | None = None,
    ):
        super().__init__(stage)
        self.content = content
        self.stage = stage
        self.scene: QGraphicsScene = stage.scene()
        self.typography = typography
        self.icons = icons
        self.clock = clock
        self.behaviour = behaviour
        self.content_dir = content_dir
        self.ticker = Ticker(clock, self)
        exhibit = content.exhibit
        default = language if language in exhibit.languages else exhibit.default_language
        self.navigator = Navigator(story_counts(content), pillar_order(content), default, exhibit.languages)
        self.idle = IdleTracker(behaviour.idle_timeout_s, behaviour.idle_warning_s, clock)
        self.idle.suspend()
        self.page: Page | None = None
        self.sheet: StorySheet | None = None
        self.overlay: IdleOverlay | None = None
        self._attract_started = clock()
        self._transition: Transition | None = None
        self._follow_navigation = True
        self._holds = 0
        self._offered: tuple[Content, Path | None] | None = None

        self.idle_timer = named_timer(self, "idle_timer", self.check_idle, single_shot=True)
        self.attract_timer = named_timer(
            self, "attract_timer", self._attract_tick, single_shot=False, interval_ms=ATTRACT_TICK_MS
        )

        self.gestures = GestureFilter(stage.viewport(), GestureConfig(), map_point=stage.to_logical)
        self.gestures.activity.connect(self.on_activity)  # first: it decides whether the touch may do more
        self.router = GestureRouter(self.scene, self.gestures, self)

        self.navigator.subscribe(self._on_navigation)
        stage.logical_size_changed.connect(self._on_resize)
        self._show(self.navigator.screen, animate=False)

    # Screens -------------------------------------------------------------------------------------------------
    def context(self) -> PageContext:
        size = self.stage.logical_size()
        look = Look(size.width(), size.height(), self.content.exhibit.theme, self.navigator.language)  # type: ignore[arg-type]
        return PageContext(
            self.content,
            look,
            self.typography,
            self.icons,
            self.ticker,
            self.navigator,
            self.behaviour.reduced_motion,
            self.content_dir,
        )

    def _on_navigation(self, old: Screen, new: Screen) -> None:
        if not self._follow_navigation:
            return
        language_only = old == new
        sheet_only = (
            isinstance(old, (PillarPage, StoryDetail))
            and isinstance(new, (PillarPage, StoryDetail))
            and old.pillar_id == new.pillar_id
            and not language_only
        )
        if sheet_only:
            self._show_sheet(new)
        else:
            self._show(new, animate=not language_only)

    def _on_resize(self, _size: QSizeF) -> None:
        self._show(self.navigator.screen, animate=False)

    def _build(self, screen: Screen) -> Page:
        ctx = self.context()
        if isinstance(screen, Attract):
            return AttractPage(ctx, self.behaviour.attract_slide_s)
        if isinstance(screen, (PillarPage, StoryDetail)):
            return PillarPageView(ctx, self.content.pillar(screen.pillar_id))
        if isinstance(screen, OutlookPage):
            return OutlookPageView(ctx)
        return HomePage(ctx)

    def _show(self, screen: Screen, animate: bool) -> None:
        if self._transition is not None:  # one still running ends now
            self._transition.finish()
        if self._offered is not None and isinstance(screen, (Attract, Home)):
            self._adopt_offered()
        old = self.page
        animate = animate and old is not None and not self.behaviour.reduced_motion
        before = self._picture() if animate else None
        self.router.forget()
        self._close_sheet()
        self._hide_overlay()
        if old is not None:
            self._delete(old)
        page = self._build(screen)
        self.scene.addItem(page)
        self.page = page
        if isinstance(screen, Attract):
            self._enter_attract()
        else:
            self.attract_timer.stop()
            if self.idle.suspended:
                self.idle.resume()
            self._schedule_idle()
        page.enter()
        if isinstance(screen, StoryDetail):
            self._show_sheet(screen, fade=False)
        if before is not None:
            live: list[QGraphicsItem] = [page] if self.sheet is None else [page, self.sheet]
            after = self._picture()
            duration = TRANSITION_S * 1.25
            for item in live:  # the live page's own entrance starts when the pictures are gone
                self.ticker.delay(item, duration)
            self._transition = Transition(
                self.scene, self.ticker, before, after, live, duration, on_done=self._transition_done
            )

    def _picture(self) -> QPixmap:
        return picture(self.scene, self.stage.device_scale(), QColor(self.content.exhibit.theme.ground))

    def _transition_done(self) -> None:
        self._transition = None

    def _delete(self, item: QGraphicsItem) -> None:
        self.ticker.cancel(item)
        if item.scene() is not None:
            item.scene().removeItem(item)
        item.deleteLater()

    def _show_sheet(self, screen: Screen, fade: bool = True) -> None:
        """Open, change or close the story sheet over the pillar page (pictured transition when ``fade``)."""
        if self._transition is not None:
            self._transition.finish()
        fade = fade and not self.behaviour.reduced_motion
        before = self._picture() if fade else None
        self._close_sheet()
        if isinstance(screen, StoryDetail):
            self.sheet = StorySheet(self.context(), self.content.pillar(screen.pillar_id), screen.index)
            self.sheet.setZValue(10)
            self.scene.addItem(self.sheet)
        if before is not None:
            live = [item for item in (self.page, self.sheet) if item is not None]
            self._transition = Transition(
                self.scene,
                self.ticker,
                before,
                self._picture(),
                live,
                TRANSITION_S,
                on_done=self._transition_done,
                crossfade=True,
            )

    def _close_sheet(self) -> None:
        if self.sheet is not None:
            self._delete(self.sheet)
            self.sheet = None

    # Attract loop and idle ------------------------------------------------------------------------------------
    def _enter_attract(self) -> None:
        self.idle.suspend()
        self.idle_timer.stop()
        self._hide_overlay()
        self._attract_started = self.clock()
        self.attract_timer.start()

    def _attract_tick(self) -> None:
        if not self._holds and isinstance(self.page, AttractPage):
            self.page.update_to(self.clock() - self._attract_started)

    def _schedule_idle(self) -> None:
        due = self.idle.next_change_in()
        if due is None or self._holds:
            self.idle_timer.stop()
            return
        countdown = self.idle.next_countdown_change_in() if self.idle.phase() == "warning" else None
        wait = min(x for x in (due, countdown) if x is not None)
        self.idle_timer.start(max(1, int(wait * 1000) + 1))

    def check_idle(self) -> None:
        if self._holds:
            return
        phase = self.idle.phase()
        if phase == "expired":
            self._hide_overlay()
            if self.navigator.go_idle() is None and not isinstance(self.page, AttractPage):
                self._show(Attract(), animate=True)
            return
        if phase == "warning":
            seconds = self.idle.warning_countdown()
            if self.overlay is None:
                self.overlay = IdleOverlay(self.context(), int(round(self.behaviour.idle_warning_s)))
                self.scene.addItem(self.overlay)
            self.overlay.set_seconds(seconds)
        else:
            self._hide_overlay()
        self._schedule_idle()

    def _hide_overlay(self) -> None:
        if self.overlay is not None:
            self._delete(self.overlay)
            self.overlay = None

    # Touches ------------------------------------------------------------------------------------------------------
    def on_activity(self) -> None:
        """A touch began anywhere: it wakes the exhibit or cancels the idle warning (and then does nothing else),
        or restarts the visitor's quiet time."""
        self.router.swallow = False
        if self._holds:
            return  # an operator overlay or the standby screen takes the touch; the exhibit under it rests
        if isinstance(self.navigator.screen, Attract):
            self.router.swallow = True  # the touch that wakes the exhibit does nothing else
            self.navigator.wake()
            return
        if self.overlay is not None:
            self.router.swallow = True
            self._hide_overlay()
        self.idle.touch()
        self._schedule_idle()

    # Operations (recovery, content updates) --------------------------------------------------------------------
    @property
    def held(self) -> bool:
        return self._holds > 0

    def hold(self) -> None:
        """Something is over the exhibit (operator panel, standby): until as many release() calls, touches go only
        to the items on top, the exhibit neither wakes nor starts over, and the attract loop stands still."""
        self._holds += 1
        self.idle_timer.stop()
        self._hide_overlay()

    def release(self) -> None:
        self._holds = max(0, self._holds - 1)
        if self._holds:
            return
        if not isinstance(self.navigator.screen, Attract):
            self.idle.touch()  # the visitor's quiet time starts again from now
            self._schedule_idle()

    def reset_to_attract(self) -> None:
        """The attract loop at once, without animation, whatever was showing (after an error, at opening time)."""
        self._transition = None  # dropped, not finished: the error may have come from it
        self._follow_navigation = False
        try:
            self.navigator.go_idle()
        finally:
            self._follow_navigation = True
        self._show(Attract(), animate=False)

    def replace_content(self, content: Content, content_dir: Path | None = None, *, rebuild: bool = True) -> None:
        """Show ``content`` (already validated) from now on; the screen is rebuilt where the visitor is, or repaired
        when what it showed is gone. Raises ValueError, changing nothing, when the navigator refuses the content."""
        self._follow_navigation = False
        try:
            exhibit = content.exhibit
            self.navigator.replace_content(
                story_counts(content), pillar_order(content), exhibit.default_language, exhibit.languages
            )
        finally:
            self._follow_navigation = True
        self.content = content
        if content_dir is not None:
            self.content_dir = content_dir
        if rebuild:
            self._show(self.navigator.screen, animate=False)

    @property
    def offered_content(self) -> Content | None:
        """Content waiting for the next return to Home or the attract loop."""
        return None if self._offered is None else self._offered[0]

    def offer_content(self, content: Content, content_dir: Path | None = None) -> None:
        """Take ``content`` at the next return to Home or the attract loop, never under a visitor mid-story; on the
        attract loop (nobody there) at once."""
        self._offered = (content, content_dir)
        if isinstance(self.navigator.screen, Attract) and self._transition is None:
            self._show(Attract(), animate=False)

    def _adopt_offered(self) -> None:
        assert self._offered is not None
        content, content_dir = self._offered
        self._offered = None
        try:
            self.replace_content(content, content_dir, rebuild=False)
        except ValueError as exc:
            _log.error("the new content was not taken: %s; the exhibit keeps its content", exc)

    # For tests and rendering ----------------------------------------------------------------------------------
    def settle(self, advance: Callable[[float], None]) -> None:
        """Run every animation to its end by moving the injected clock forward."""
        self.ticker.settle(advance)

    def show_attract_at(self, elapsed_s: float) -> None:
        """Put the attract loop at ``elapsed_s`` seconds and stop its timer (for rendering and tests)."""
        self.attract_timer.stop()
        if isinstance(self.page, AttractPage):
            self._attract_started = self.clock() - elapsed_s
            self.page.update_to(elapsed_s)
