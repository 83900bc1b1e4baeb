"""The attract loop, built to be seen from across a hall: the article's figures drawn as things, the pillars with
their stories, both languages in every scene, a hand that shows where to touch, and the invitation centred along the
bottom. The whole composition drifts a few pixels a minute against burn-in.

Everything on it is a function of the time since the loop began (:meth:`AttractPage.update_to`): a frame is the same
whenever it is drawn, so ``kiosk render`` can write the loop as a strip. A touch opens what was under the finger —
its pillar or its story (:meth:`AttractPage.target_at`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.exhibit.attract import APPEAR_FROM_S, ENTER_S, AttractLoop, Moment, Slide, build_playlist, moment
from kiosk.exhibit.motion import drift_offset, ease_out_cubic
from kiosk.exhibit.navigation import Home, PillarPage, Screen, StoryDetail
from kiosk.qt.exhibit.attract.layout import Scene
from kiosk.qt.exhibit.attract.prompt import Prompt
from kiosk.qt.exhibit.attract.scenes import build_scene
from kiosk.qt.exhibit.attract.touch_demo import TouchDemo
from kiosk.qt.exhibit.screens.base import Page, PageContext
from kiosk.qt.foundations.item import Item, unparent

COMPLETE = Moment(enter=1.0, appear=1.0, fill=1.0, demo=None)
PREPARE_S = 2.0  # the next scene is built this long before it is due (its cost falls in a quiet moment)
SWEEP_PX = 90.0  # how far a scene glides in as it enters


class AttractPage(Page):
    name = "attract"

    def __init__(self, ctx: PageContext, slide_s: float, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        self.loop = AttractLoop(build_playlist(ctx.content), slide_s)
        self.layer = Item(self)  # everything that drifts
        self._scenes = Item(self.layer)
        self.slide_index = -1
        self.current: Scene | None = None
        self._leaving: Scene | None = None
        self._ready: tuple[int, Scene] | None = None  # the next scene, built ahead
        self.prompt = Prompt(ctx, self.layer)
        self.prompt.setZValue(4)
        self.demo = TouchDemo(ctx.icons, QColor(ctx.look.theme.text), self.layer)

    @property
    def slide(self) -> Item | None:
        """The scene on screen (its items)."""
        return None if self.current is None else self.current.root

    def target_at(self, point: QPointF) -> PillarPage | StoryDetail | None:
        """What a touch at ``point`` opens: the story or pillar under it, or the scene's pillar; None for Home (also
        the invitation itself: it invites to the whole exhibit)."""
        if self.current is None or self.prompt.pill.sceneBoundingRect().contains(point):
            return None
        found: Screen = self.current.target_at(point)
        return found if isinstance(found, PillarPage | StoryDetail) else None

    def on_tap(self, point: QPointF) -> None:
        self.ctx.actions.wake()

    def enter(self) -> None:
        self.update_to(0.0)

    def update_to(self, elapsed_s: float) -> None:
        """The loop as it is ``elapsed_s`` seconds after it began."""
        dx, dy = drift_offset(elapsed_s)
        self.layer.setPos(dx, dy)
        index, slide, into = self.loop.slide_at(elapsed_s)
        first = elapsed_s < self.loop.slide_s  # the loop's first scene comes onto an empty stage: no sweep
        if index != self.slide_index:
            self._show(index, slide, into, first)
        assert self.current is not None
        still = self.ctx.reduced_motion
        now = COMPLETE if still else moment(into, self.loop.slide_s)
        self.current.set_moment(now, 1e9 if still else into - APPEAR_FROM_S)
        self._sweep(1.0 if first else ease_out_cubic(now.enter))
        if now.demo is not None:
            self.demo.aim(self.current.demo_at)
        self.demo.set_progress(now.demo)
        self.prompt.breathe(elapsed_s, slow=still)
        if not still and into >= self.loop.slide_s - PREPARE_S and self._ready is None:
            following = (index + 1) % len(self.loop.playlist)
            self._ready = (following, self._build(following))

    def _build(self, index: int) -> Scene:
        slide = self.loop.playlist[index]
        scene = build_scene(self.ctx, slide, index % 2, self._scenes)
        scene.root.setVisible(False)
        return scene

    def _show(self, index: int, slide: Slide, into: float, first: bool) -> None:
        count = len(self.loop.playlist)
        previous = (index - 1) % count
        old = self.current
        if old is not None and self.slide_index != previous:
            self._drop(old)
            old = None
        if old is None and into < ENTER_S and count > 1 and not first and not self.ctx.reduced_motion:
            old = self._build(previous)  # put there at a time of its own choosing: the one before is leaving
        if old is not None:
            old.set_moment(COMPLETE, 1e9)  # as it was at the end of its time
        if self._leaving is not None:
            self._drop(self._leaving)
        self._leaving = old
        ready, self._ready = self._ready, None
        if ready is not None and ready[0] != index:
            self._drop(ready[1])
            ready = None
        self.current = ready[1] if ready is not None else self._build(index)
        self.slide_index = index
        self.current.root.setVisible(True)
        self.current.root.setZValue(1)
        if self._leaving is not None:
            self._leaving.root.setVisible(True)
            self._leaving.root.setZValue(0)
        if self.ctx.reduced_motion and self._leaving is not None:
            self._drop(self._leaving)
            self._leaving = None

    def _sweep(self, entered: float) -> None:
        """The new scene fades and glides in over the old one; the old one goes once it is covered."""
        assert self.current is not None
        root = self.current.root
        direction = 1.0 if self.slide_index % 2 == 0 else -1.0
        root.setOpacity(entered)
        root.setPos(-direction * SWEEP_PX * (1.0 - entered), 0.0)
        if self._leaving is not None:
            if entered >= 1.0:
                self._drop(self._leaving)
                self._leaving = None
            else:
                self._leaving.root.setOpacity(1.0 - entered)

    def _drop(self, scene: Scene) -> None:
        self.ctx.ticker.cancel(scene.root)
        unparent(scene.root)
        if scene.root.scene() is not None:
            scene.root.scene().removeItem(scene.root)
        scene.root.deleteLater()

    def languages_shown(self) -> set[str]:
        """The languages of the scene on screen and of the invitation."""
        return (set() if self.current is None else set(self.current.languages)) | {
            block.style.language for block in self.prompt.lines
        }


__all__ = ["AttractPage", "Home"]
