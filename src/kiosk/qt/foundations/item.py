"""The base of every item the exhibit draws, and building items in slices of idle time.

PySide6 hands a Python-made ``QGraphicsObject`` to its parent only through ``setParentItem``: passed to the
constructor, the parent does not keep the Python object alive and the item vanishes at the next garbage
collection. ``Item`` does it the way that works; :func:`unparent` undoes it.

A whole screen takes 5–20 ms to build: too long for one turn of the event loop while a visitor may touch or a
frame may be due. :class:`SlicedBuild` runs such a build in a greenlet of its own; every item made there first
checks the slice's deadline (:func:`give_way`) and, once it has passed, hands control back to the event loop, so the
build goes on in the next slice where it stopped. Work inside one item that can take milliseconds (a long text
fitted to its box, tried at size after size) gives way the same between its steps. Built anywhere else (a tap's own
page), an item is made at once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Generic, TypeVar

import greenlet
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

T = TypeVar("T")


class Item(QGraphicsObject):
    """A graphics object owned by its parent item; draws nothing unless a subclass paints."""

    def __init__(self, parent: QGraphicsItem | None = None):
        give_way()  # built in idle time: the slice may be over
        super().__init__()
        if parent is not None:
            self.setParentItem(parent)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


def unparent(item: QGraphicsItem) -> None:
    """Take ``item`` from its parent item: it becomes a top-level item of the scene it is in, if any."""
    # Qt takes a null parent here; PySide6's stub types the argument as QGraphicsItem without None.
    item.setParentItem(None)  # type: ignore[arg-type]


def scale_of(transform: QTransform) -> float:
    """Device pixels per unit of ``transform`` (also when it turns)."""
    return max(0.01, math.hypot(transform.m11(), transform.m12()))


def on_whole_pixels(item: QGraphicsItem, length: float) -> float:
    """``length`` (the scene's units) rounded to whole pixels of the view that shows ``item`` (of 1 when none does):
    what a move keeps to, so that the caches of what moves are copied again and not drawn again."""
    scene = item.scene()
    views = scene.views() if scene is not None else []
    pixel = 1.0 / scale_of(views[0].transform()) if views else 1.0
    return round(length / pixel) * pixel


def descendants(item: QGraphicsItem) -> list[QGraphicsItem]:
    """Every item inside ``item``, at any depth."""
    found: list[QGraphicsItem] = []
    stack = list(item.childItems())
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(child.childItems())
    return found


def give_way() -> None:
    """In a sliced build whose slice is over: back to the event loop (the build goes on from here in its next
    slice). Anywhere else: nothing. Call it only where the build could as well stop for good (nothing half made that
    anything else sees)."""
    current = greenlet.getcurrent()
    if isinstance(current, _Slice):
        current.checkpoint()


class _Slice(greenlet.greenlet):  # type: ignore[misc]  # greenlet ships no types for subclassing
    """The greenlet a sliced build runs in: ``checkpoint`` goes back to whoever ran the slice once it is over."""

    deadline = float("inf")

    def checkpoint(self) -> None:
        if time.perf_counter() >= self.deadline:
            self.parent.switch()


class SlicedBuild(Generic[T]):
    """``build()`` run a slice at a time (:meth:`run`), yielding at item constructions; :meth:`cancel` drops it."""

    def __init__(self, build: Callable[[], T]):
        self._slice = _Slice(build)
        self.done = False
        self.result: T | None = None
        self.slices = 0

    def run(self, budget_s: float | None = None) -> bool:
        """Go on building for about ``budget_s`` (None: to the end); True once it is done. An error of the build is
        raised here (and the build is then over)."""
        if self.done:
            return True
        glet = self._slice
        glet.parent = greenlet.getcurrent()  # a checkpoint comes back here
        glet.deadline = float("inf") if budget_s is None else time.perf_counter() + budget_s
        self.slices += 1
        try:
            result = glet.switch()
        except BaseException:
            self.done = True
            raise
        if glet.dead:
            self.done = True
            self.result = result
        return self.done

    def cancel(self) -> None:
        """Stop a build that was started and not finished (what it made so far is freed)."""
        if not self.done and bool(self._slice):  # started and not dead
            self._slice.throw(greenlet.GreenletExit)
        self.done = True
        self.result = None
