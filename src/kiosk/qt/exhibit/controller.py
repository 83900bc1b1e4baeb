"""The exhibit's controller: the one bridge between the pure state (navigation, idle, holds, waiting content) and the
screens on the stage. Others talk to it through its methods and signals only:

- ``screen_shown(Screen)`` — a screen is on (after any content waiting for it was adopted);
- ``content_adopted(Content)`` — the exhibit shows new content from now on;
- ``held_changed(bool)`` — something on top holds the exhibit (True) or let it go (False);
- ``navigated(Screen, Screen)`` — the navigator moved from the first to the second (the same twice: only the
  language changed), for every move, story sheets included (``screen_shown`` does not report a sheet opened or
  turned over its page);
- ``carousel_swiped(str, int)`` — the visitor's drag or flick turned a carousel (its name) to another tile.

Its jobs live in small units: :class:`ScreenSwitcher` builds and switches screens with their transitions,
:class:`IdleLoop` schedules the idle warning and the attract loop, :class:`~kiosk.exhibit.holds.Holds` counts what
holds the exhibit, :class:`~kiosk.exhibit.content_offer.ContentOffer` keeps content waiting for Home. It decides what
a touch means for the exhibit as a whole; the items under the finger get the rest through the gesture router.

Time comes from an injected clock; tests and ``kiosk render`` drive it by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QPointF, QSizeF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kiosk.accessibility.choices import REDUCED_FADE_S, AccessChoices, AccessState, Choice
from kiosk.accessibility.contrast import high_contrast_content
from kiosk.accessibility.reach import Mounting
from kiosk.content.line_breaks import LineBreaker
from kiosk.content.model import Content
from kiosk.content.text import Language
from kiosk.exhibit.content_offer import ContentOffer, is_adoption_point
from kiosk.exhibit.gesture import GestureConfig
from kiosk.exhibit.holds import Holds
from kiosk.exhibit.navigation import (
    Attract,
    Navigator,
    PillarPage,
    Screen,
    StoryDetail,
    pillar_order,
    story_counts,
)
from kiosk.paths import default_assets_dir
from kiosk.qt.exhibit.idle_loop import IdleLoop
from kiosk.qt.exhibit.screen_switcher import ScreenSwitcher
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.exhibit.screens.base import Page, PageContext
from kiosk.qt.exhibit.screens.idle_overlay import IdleOverlay
from kiosk.qt.exhibit.screens.story_art import ArtLibrary
from kiosk.qt.exhibit.screens.story_sheet import StorySheet
from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.look import TARGET, Look
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.input.gesture_filter import GestureFilter
from kiosk.qt.input.gesture_router import GestureRouter
from kiosk.qt.widgets.carousel import Carousel
from kiosk.settings.model import ExhibitSettings

_log = logging.getLogger(__name__)
VISUAL_CHOICES: tuple[Choice, ...] = (
    "large_text",
    "high_contrast",
    "reduced_motion",
    "reach",
    "read_aloud",
)  # these redraw the screen


class AccessibilityActions(Protocol):
    """What the accessibility room offers the screens (kiosk.qt.accessibility): its menu and reading the screen."""

    def open_menu(self) -> None: ...
    def speak_screen(self) -> None: ...


class ExhibitController(QObject):
    screen_shown = Signal(object)  # the navigation Screen now on screen
    content_adopted = Signal(object)  # the Content shown from now on
    held_changed = Signal(bool)
    navigated = Signal(object, object)  # old and new navigation Screen
    carousel_swiped = Signal(str, int)  # carousel name, the tile now first

    def __init__(
        self,
        content: Content,
        stage: Stage,
        typography: Typography,
        icons: IconLibrary,
        clock: Callable[[], float],
        settings: ExhibitSettings,
        content_dir: Path | None = None,
        art: ArtLibrary | None = None,
    ):
        super().__init__(stage)
        self._content = content
        self._art = art if art is not None else ArtLibrary(default_assets_dir() / "art")
        self._content_dir = content_dir
        self._stage = stage
        self._typography = typography
        self._icons = icons
        self._settings = settings
        self._ticker = Ticker(clock, self)
        exhibit = content.exhibit
        language = settings.language if settings.language in exhibit.languages else exhibit.default_language
        self._navigator = Navigator(story_counts(content), pillar_order(content), language, exhibit.languages)
        self._follow_navigation = True
        self._holds = Holds()
        self._offer = ContentOffer()
        # The visitor's accessibility choices (reset at every return to the attract loop), the panel's mounting for
        # reach mode, and the accessibility room's actions once it is there (kiosk.qt.app.build wires it).
        self.access = AccessState()
        self.mounting = Mounting()
        self.accessibility_actions: AccessibilityActions | None = None
        self._shown_content: tuple[Content, Content] | None = None  # (content, the same in high contrast)
        self._access_quiet = False
        self.access.subscribe(self._on_access_changed)
        scene = stage.scene()
        self.switcher = ScreenSwitcher(
            stage, self._ticker, self.context, settings.attract_slide_s, likely=self._likely_next
        )
        self.idle_loop = IdleLoop(
            scene,
            settings,
            clock,
            self.context,
            self.switcher.delete,
            on_expired=self._idle_expired,
            parent=self,
            on_warning=self.switcher.prebuild.settle_later,  # plan again: the attract loop is likely now
        )
        self._gestures = GestureFilter(stage.viewport(), GestureConfig(), map_point=stage.to_logical)
        self._gestures.activity.connect(self.on_activity)  # first: it decides whether the touch may do more
        self._router = GestureRouter(scene, self._gestures, self)
        self._gestures.tapped.connect(self._on_tap)
        self._navigator.subscribe(self._on_navigation)
        stage.logical_size_changed.connect(self._on_resize)
        self._show(self._navigator.screen, animate=False)

    # What is on screen --------------------------------------------------------------------------------------------
    @property
    def content(self) -> Content:
        return self._content

    @property
    def content_dir(self) -> Path | None:
        return self._content_dir

    @property
    def screen(self) -> Screen:
        return self._navigator.screen

    @property
    def language(self) -> str:
        return self._navigator.language

    @property
    def pillar_ids(self) -> tuple[str, ...]:
        return self._navigator.pillar_ids

    @property
    def page(self) -> Page | None:
        return self.switcher.page

    @property
    def sheet(self) -> StorySheet | None:
        return self.switcher.sheet

    @property
    def idle_warning(self) -> IdleOverlay | None:
        return self.idle_loop.overlay

    @property
    def stage_scene(self) -> QGraphicsScene:
        """The scene the screens are in (overlays of other rooms go there too)."""
        return self._stage.scene()

    @property
    def settings(self) -> ExhibitSettings:
        return self._settings

    @property
    def gestures(self) -> GestureFilter:
        """What recognises the touches on the stage (its signals, and its thresholds for tests)."""
        return self._gestures

    def _content_language(self) -> Language:
        """The navigator's language, as the content names it: the navigator keeps plain strings, and its languages
        are always the content's (both change together in :meth:`replace_content`)."""
        current = self._navigator.language
        for language in self._content.exhibit.languages:
            if language == current:
                return language
        raise RuntimeError(f"the exhibit shows no language {current!r}")

    def _page_height(self, room: float, screen_height: float, portrait: bool) -> float | None:
        """How tall the screens are laid out when that is not the room above the controls (they then scroll):
        in large text as much taller as the text is larger; in reach mode on a wide screen, where the row of controls
        along the bottom takes a seventh of the height, at least as tall as the screen."""
        choices = self.access.choices
        scale = choices.text_scale if choices.large_text else 1.0
        tall = max(room, screen_height if choices.reach and not portrait else room) * scale
        return tall if tall > room else None

    def context(self) -> PageContext:
        """What a screen is built from: the content (in the visitor's colours), the look for the stage's shape and
        language, fonts, icons, and where the controls go in reach mode."""
        size = self._stage.logical_size()
        choices = self.access.choices
        content = self.display_content()
        height = size.height()
        row_y = reach_line = None
        portrait = size.height() > size.width()
        rows = 2 if choices.reach and choices.large_text and portrait else 1  # a portrait row holds them at 1×
        if choices.reach:  # the controls' row along the bottom; the page is laid out above it
            gap = Look(size.width(), height, content.exhibit.theme, self._content_language()).gap
            height -= rows * (TARGET + gap) + gap
            row_y = height + gap
            reach_line = self.mounting.reach_line(size.height(), portrait)
        look = Look(size.width(), height, content.exhibit.theme, self._content_language(), choices.text_scale)
        actions = self.accessibility_actions
        return PageContext(
            content,
            look,
            self._typography,
            self._icons,
            self._ticker,
            self._navigator,
            self.reduced_motion,
            self._content_dir,
            art=self._art,
            control_row_y=row_y,
            reach_line=reach_line,
            control_rows=rows,
            open_accessibility=actions.open_menu if actions is not None else None,
            speak_screen=actions.speak_screen if actions is not None and choices.read_aloud else None,
            page_height=self._page_height(height, size.height(), portrait),
        )

    def display_content(self) -> Content:
        """The content as the visitor sees it: in the high-contrast colours while that choice is on."""
        if not self.access.choices.high_contrast:
            return self._content
        if self._shown_content is None or self._shown_content[0] is not self._content:
            self._shown_content = (self._content, high_contrast_content(self._content))
        return self._shown_content[1]

    @property
    def reduced_motion(self) -> bool:
        """The operator's setting or the visitor's choice: count-ups show their final values, screens only fade."""
        return self._settings.reduced_motion or self.access.choices.reduced_motion

    def _fade_s(self) -> float | None:
        return REDUCED_FADE_S if self.reduced_motion else None

    # The visitor's accessibility choices --------------------------------------------------------------------------
    def _on_access_changed(self, old: AccessChoices, new: AccessChoices) -> None:
        self.idle_loop.set_timeout_s(new.idle_timeout_s(self._settings.idle_timeout_s))
        if self._access_quiet:
            return
        if any(old.is_on(choice) != new.is_on(choice) for choice in VISUAL_CHOICES):
            self._show(self._navigator.screen, animate=False)

    def filter_taps(self, tap_filter: Callable[[QPointF], bool] | None) -> None:
        """Every tap goes to ``tap_filter`` first, which returns True when it took it (None: taps act as always)."""
        self._router.tap_filter = tap_filter

    def _on_tap(self, point: QPointF) -> None:
        """The tap of a touch that cancelled the idle warning: on its "more time", this visitor gets more time."""
        rect, self.idle_loop.more_time_rect = self.idle_loop.more_time_rect, None
        if rect is not None and rect.contains(point):
            self.access.set("more_time", True)

    # Where the visitor goes (what the screens' buttons do; also for rendering and tests). Each returns the new
    # screen, or None when the navigation state refused the move (see kiosk.exhibit.navigation.Navigator). ----------
    def wake(self) -> Screen | None:
        return self._navigator.wake()

    def home(self) -> Screen | None:
        return self._navigator.home()

    def open_pillar(self, pillar_id: str) -> Screen | None:
        return self._navigator.open_pillar(pillar_id)

    def open_story(self, index: int) -> Screen | None:
        return self._navigator.open_story(index)

    def next_story(self) -> Screen | None:
        return self._navigator.next_story()

    def close_story(self) -> Screen | None:
        return self._navigator.close_story()

    def back(self) -> Screen | None:
        return self._navigator.back()

    def open_outlook(self) -> Screen | None:
        return self._navigator.open_outlook()

    def set_language(self, language: str) -> bool:
        return self._navigator.set_language(language)

    def go_idle(self) -> Screen | None:
        """The attract loop, the way the idle reset goes there (animated)."""
        return self._navigator.go_idle()

    # Showing screens ------------------------------------------------------------------------------------------
    def _on_navigation(self, old: Screen, new: Screen) -> None:
        self.navigated.emit(old, new)
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
            self.switcher.show_sheet(new, self.display_content(), fade=True, fade_s=self._fade_s())
        else:
            self._show(new, animate=not language_only)

    def _on_resize(self, _size: QSizeF) -> None:
        self._show(self._navigator.screen, animate=False)

    def _show(self, screen: Screen, animate: bool) -> None:
        self.switcher.finish_transition()
        if self._offer.pending is not None and is_adoption_point(screen):
            self._adopt_offered()
        self._router.forget()
        self.idle_loop.hide_warning()
        if isinstance(screen, Attract) and self.access.choices.any_on:  # the next visitor starts fresh
            self._access_quiet = True
            try:
                self.access.reset()
            finally:
                self._access_quiet = False
        shown = self.display_content()
        ground = QColor(shown.exhibit.theme.ground)
        if self._stage.backgroundBrush().color() != ground:  # high contrast, or new content with another ground
            self._stage.setBackgroundBrush(ground)
        page = self.switcher.show(screen, shown, animate, fade_s=self._fade_s())
        self._watch_carousels(page)
        if isinstance(page, AttractPage):
            self.idle_loop.enter_attract(page)
        else:
            self.idle_loop.enter_visit()
        self.screen_shown.emit(screen)

    def _watch_carousels(self, item: QGraphicsItem) -> None:
        if isinstance(item, Carousel):
            item.turned.connect(self.carousel_swiped)
            return
        for child in item.childItems():
            self._watch_carousels(child)

    def _likely_next(self) -> tuple[Screen, ...]:
        """What the idle work builds ahead: the navigator's likely next screens, and first of all the attract loop
        while the countdown before it is on (nobody has touched for a while). Only then: built on every screen, its
        page would hold its first scene all the time (tens of megabytes at 4K); built at the change, the fade to it
        builds it in its first frames."""
        soon: tuple[Screen, ...] = (Attract(),) if self.idle_loop.warning_shown else ()
        return soon + self._navigator.likely_next()

    def _idle_expired(self) -> None:
        if self._navigator.go_idle() is None and not isinstance(self.switcher.page, AttractPage):
            self._show(Attract(), animate=True)

    def check_attract(self) -> None:
        """Move the attract loop to the clock's time (what its timer does; after the clock was moved by hand)."""
        self.idle_loop.attract_tick()

    def check_idle(self) -> None:
        """Look at the idle time now (what the idle timer does when it fires; after the clock was moved by hand)."""
        self.idle_loop.check()

    # Touches ------------------------------------------------------------------------------------------------------
    def on_activity(self) -> None:
        """A touch began anywhere: it wakes the exhibit or cancels the idle warning (and then does nothing else),
        or restarts the visitor's quiet time."""
        self._router.swallow = False
        self.idle_loop.more_time_rect = None
        self.switcher.prebuild.settle_later()  # no idle work under a finger
        if self._holds.held:
            return  # an operator overlay or the standby screen takes the touch; the exhibit under it rests
        if isinstance(self._navigator.screen, Attract):
            self._router.swallow = True  # the touch that wakes the exhibit does nothing else
            page, point = self.switcher.page, self._gestures.last_press
            # What the loop showed under the finger opens: its story or pillar (Home when there is none).
            to = page.target_at(point) if isinstance(page, AttractPage) and point is not None else None
            self._navigator.wake(to)
            return
        if self.idle_loop.touched():
            self._router.swallow = True

    # Held under something on top --------------------------------------------------------------------------------
    @property
    def held(self) -> bool:
        return self._holds.held

    def hold(self) -> None:
        """Something is over the exhibit (operator panel, standby): until as many release() calls, touches go only
        to the items on top, the exhibit neither wakes nor starts over, and the attract loop stands still."""
        if self._holds.hold():
            self.idle_loop.pause()
            self.held_changed.emit(True)

    def release(self) -> None:
        if self._holds.release():
            self.idle_loop.resume()  # a visitor's quiet time starts again from now
            self.held_changed.emit(False)

    def reset_to_attract(self) -> None:
        """The attract loop at once, without animation, whatever was showing (after an error, at opening time)."""
        self.switcher.drop_transition()  # dropped, not finished: the error may have come from it
        self.switcher.prebuild.drop()  # the error may have come from a screen built ahead
        self._follow_navigation = False
        try:
            self._navigator.go_idle()
        finally:
            self._follow_navigation = True
        self._show(Attract(), animate=False)

    # New content --------------------------------------------------------------------------------------------------
    def replace_content(self, content: Content, content_dir: Path | None = None, *, rebuild: bool = True) -> None:
        """Show ``content`` (already validated) from now on; the screen is rebuilt where the visitor is, or repaired
        when what it showed is gone. Raises ValueError, changing nothing, when the navigator refuses the content."""
        self._follow_navigation = False
        try:
            exhibit = content.exhibit
            self._navigator.replace_content(
                story_counts(content), pillar_order(content), exhibit.default_language, exhibit.languages
            )
        finally:
            self._follow_navigation = True
        self._content = content
        self.switcher.prebuild.drop()  # built for the old content
        # the new content's names; the words the segmenter found are kept
        self._typography.breaker = LineBreaker(content.exhibit.keep_together, self._typography.breaker.segments)
        if content_dir is not None:
            self._content_dir = content_dir
        self.content_adopted.emit(content)
        if rebuild:
            self._show(self._navigator.screen, animate=False)

    @property
    def offered_content(self) -> Content | None:
        """Content waiting for the next return to Home or the attract loop."""
        pending = self._offer.pending
        return None if pending is None else pending.content

    def offer_content(self, content: Content, content_dir: Path | None = None) -> None:
        """Take ``content`` at the next return to Home or the attract loop, never under a visitor mid-story; on the
        attract loop (nobody there) at once."""
        self._offer.offer(content, content_dir)
        if isinstance(self._navigator.screen, Attract) and not self.switcher.transition_running:
            self._show(Attract(), animate=False)

    def _adopt_offered(self) -> None:
        offered = self._offer.take()
        assert offered is not None
        try:
            self.replace_content(offered.content, offered.content_dir, rebuild=False)
        except ValueError as exc:
            _log.error("the new content was not taken: %s; the exhibit keeps its content", exc)

    # Rendering and tests --------------------------------------------------------------------------------------
    def settle(self, advance: Callable[[float], None]) -> None:
        """Run every animation to its end by moving the injected clock forward."""
        self._ticker.settle(advance)

    def show_attract_at(self, elapsed_s: float) -> None:
        """Put the attract loop at ``elapsed_s`` seconds and stop its timer (for rendering and tests)."""
        self.idle_loop.show_attract_at(elapsed_s)

    def stop_timers(self) -> None:
        """No timer acts on real time any more (pictures taken with a hand-driven clock; before taking it down)."""
        self.idle_loop.stop()
        self.switcher.prebuild.stop()
