"""The attract loop, built to be seen from across a hall: the article's figures drawn as things, the pillars with
their stories, both languages in every scene, a hand that shows where to touch, and the invitation centred along the
bottom. The whole composition drifts a few pixels a minute against burn-in.

Everything on it is a function of the time since the loop began (:meth:`AttractPage.update_to`): a frame is the same
whenever it is drawn, so ``kiosk render`` can write the loop as a strip. A touch opens what was under the finger —
its pillar or its story (:meth:`AttractPage.target_at`).
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from kiosk.exhibit.attract import APPEAR_FROM_S, ENTER_S, AttractLoop, Moment, build_playlist, moment
from kiosk.exhibit.motion import drift_offset, ease_out_cubic
from kiosk.exhibit.navigation import Home, PillarPage, Screen, StoryDetail
from kiosk.qt.exhibit.attract.layout import Scene
from kiosk.qt.exhibit.attract.prompt import Prompt
from kiosk.qt.exhibit.attract.scenes import Pieces, build_scene
from kiosk.qt.exhibit.attract.touch_demo import TouchDemo
from kiosk.qt.exhibit.attract.unseen import unseen_changes
from kiosk.qt.exhibit.attract.wipe import WipeRoot
from kiosk.qt.exhibit.screens.base import Page, PageContext
from kiosk.qt.foundations.item import Item, descendants, unparent

COMPLETE = Moment(enter=1.0, appear=1.0, fill=1.0, demo=None)
PREPARE_S = 2.0  # the next scene is made over this long before it is due, a piece a frame, hidden by its wipe
_END = object()


def whole_px_drift(at_s: float) -> QPointF:
    """The anti-burn-in drift at ``at_s``, to whole logical pixels: a scene stands still at its own place (a
    moving screen would be drawn again in full every frame) and the next one takes the place the drift has come to."""
    dx, dy = drift_offset(at_s)
    return QPointF(round(dx), round(dy))


@dataclass
class _Building:
    """A scene being made, a piece at a time."""

    index: int
    scene: Scene
    pieces: Pieces
    made: bool = False  # every piece made
    primed: bool = False  # set to its first moment, unseen
    to_draw: list[QGraphicsItem] = field(default_factory=list)  # new cached items whose caches are not drawn yet

    @property
    def done(self) -> bool:
        return self.made and not self.to_draw

    def step(self) -> None:
        """One frame's part of the making: the cache of one new item, or else the next piece. The scene is not
        drawn yet (its wipe has not begun), so nothing is drawn again for what a piece adds; a point of each new
        cached item is, a frame each, which draws its whole cache (hidden) then, not in the frame that first shows
        it, nor in the frame that made it."""
        scene = self.scene.root.scene()
        if self.to_draw:
            item = self.to_draw.pop(0)
            if scene is not None and item.scene() is scene:
                centre = item.sceneBoundingRect().center()
                scene.update(QRectF(centre.x() - 1, centre.y() - 1, 2, 2))
            return
        if self.made:
            return
        before = set(descendants(self.scene.root))
        with unseen_changes(self.scene.root):
            self.made = next(self.pieces, _END) is _END
        self.to_draw = [
            item
            for item in descendants(self.scene.root)
            if item not in before and item.cacheMode() != QGraphicsItem.CacheMode.NoCache and item.isVisible()
        ]

    def finish(self) -> Scene:
        for _piece in self.pieces:
            pass
        self.made, self.to_draw = True, []
        return self.scene


class AttractPage(Page):
    name = "attract"

    def __init__(self, ctx: PageContext, slide_s: float, parent: QGraphicsItem | None = None):
        super().__init__(ctx, parent)
        self.loop = AttractLoop(build_playlist(ctx.content), slide_s)
        self.layer = Item(self)  # the scenes, the invitation and the hand
        self._scenes = Item(self.layer)
        self.slide_index = -1
        self.current: Scene | None = None
        self._leaving: Scene | None = None
        self._ready: _Building | None = None  # the next scene, made ahead
        self.prompt = Prompt(ctx, self.layer)
        self.prompt.setZValue(4)
        self._prompt_home = self.prompt.pos()
        self.demo = TouchDemo(ctx.icons, QColor(ctx.look.theme.text), self.layer)

    @property
    def slide(self) -> WipeRoot | None:
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
        index, slide, into = self.loop.slide_at(elapsed_s)
        first = elapsed_s < self.loop.slide_s  # the loop's first scene comes onto an empty stage: no wipe
        if index != self.slide_index:
            self._show(index, into, elapsed_s - into, first)
        assert self.current is not None
        still = self.ctx.reduced_motion
        now = COMPLETE if still else moment(into, self.loop.slide_s)
        self.current.set_moment(now, 1e9 if still else into - APPEAR_FROM_S)
        self._sweep(1.0 if first else ease_out_cubic(now.enter))
        if now.demo is not None:
            self.demo.aim(self.current.demo_at)
        self.demo.set_progress(now.demo)
        self.prompt.breathe(elapsed_s, slow=still)
        if not still and into >= self.loop.slide_s - PREPARE_S:
            if self._ready is None:
                following = (index + 1) % len(self.loop.playlist)
                self._ready = self._build(following, elapsed_s - into + self.loop.slide_s)
            self._ready.step()
            if self._ready.done and not self._ready.primed:
                # its first moment now, unseen (shown first, its texts and pictures going to nothing to fade in
                # would draw half the screen again in that frame)
                with unseen_changes(self._ready.scene.root):
                    self._ready.scene.set_moment(moment(0.0, self.loop.slide_s), -APPEAR_FROM_S)
                self._ready.primed = True
            self._dismantle_step()

    def _dismantle_step(self) -> None:
        """Take one part of the covered scene away (a part a frame: each one taken away is drawn again where it
        was, and all of it at once would be the whole screen in one frame)."""
        if self._leaving is None:
            return
        parts = self._leaving.root.childItems()
        hidden = self._leaving.root.visible_rect().isEmpty()  # all of it under the scene over it: none of it is drawn
        if parts:
            self.ctx.ticker.cancel(parts[-1])
            self._remove(parts[-1], unseen=hidden)
        else:
            self._drop(self._leaving)  # nothing left: its root draws nothing, and goes without a repaint
            self._leaving = None

    def _build(self, index: int, start_s: float) -> _Building:
        """Start making scene ``index``, which is shown from ``start_s`` on (its place is the drift's then)."""
        slide = self.loop.playlist[index]
        scene, pieces = build_scene(self.ctx, slide, index % 2, self._scenes, whole_px_drift(start_s))
        return _Building(index, scene, pieces)

    def _show(self, index: int, into: float, start_s: float, first: bool) -> None:
        count = len(self.loop.playlist)
        previous = (index - 1) % count
        old = self.current
        if old is not None and self.slide_index != previous:
            self._drop(old)
            old = None
        if old is None and into < ENTER_S and count > 1 and not first and not self.ctx.reduced_motion:
            building = self._build(previous, start_s - self.loop.slide_s)  # the one before is leaving: put it there
            building.scene.root.setZValue(-1)
            old = building.finish()
            old.root.set_revealed(1.0)
        if old is not None:
            old.set_moment(COMPLETE, 1e9)  # as it was at the end of its time
        if self._leaving is not None:
            self._drop(self._leaving)
        self._leaving = old
        ready, self._ready = self._ready, None
        if ready is not None and ready.index != index:
            self._drop(ready.scene)
            ready = None
        self.current = (ready or self._build(index, start_s)).finish()
        self.slide_index = index
        if self._leaving is not None:
            self._leaving.root.cover_with(self.current.root)  # drawn only where the new one has not come yet
        self.prompt.setPos(self._prompt_home + self.current.root.pos())  # the invitation drifts with the scenes
        if self.ctx.reduced_motion and self._leaving is not None:
            self._drop(self._leaving)
            self._leaving = None

    def _sweep(self, entered: float) -> None:
        """The new scene wipes in over the old one from the side its field is on (the old one stays under it,
        covered, until the next one is made)."""
        assert self.current is not None
        self.current.root.set_revealed(entered)

    def _drop(self, scene: Scene) -> None:
        self.ctx.ticker.cancel(scene.root)
        self._remove(scene.root)

    def _remove(self, item: QGraphicsItem, unseen: bool = False) -> None:
        """Take ``item`` away; ``unseen``: it is not drawn (all covered), so where it was is not drawn again."""
        with unseen_changes(item) if unseen else nullcontext():
            unparent(item)
            if item.scene() is not None:
                item.scene().removeItem(item)
        if isinstance(item, QGraphicsObject):
            item.deleteLater()

    def languages_shown(self) -> set[str]:
        """The languages of the scene on screen and of the invitation."""
        return (set() if self.current is None else set(self.current.languages)) | {
            block.style.language for block in self.prompt.lines
        }


__all__ = ["AttractPage", "Home"]
