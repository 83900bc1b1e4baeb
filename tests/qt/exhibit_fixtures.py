"""Helpers for tests that drive the whole exhibit: the shipped content, a stage with a hand-driven clock, and a
finger or a mouse on the stage's real viewport.

Points are given in the UI's *logical* coordinates (what ``Stage.to_logical`` returns) and turned into viewport
pixels here, so the same test works on any screen size and rotation.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene, QWidget

from kiosk.clock import ManualClock
from kiosk.content.loader import load_content
from kiosk.content.model import Content
from kiosk.exhibit.navigation import Screen
from kiosk.qt.app.build import BuiltExhibit, build_exhibit
from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.qt.foundations.stage import Stage
from kiosk.settings.model import ExhibitSettings

CONTENT_DIR = Path(__file__).parents[2] / "content"
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
MIN_TARGET_PX = 0.09 * 1080  # a touch target is at least 9 % of the short side (logical px)

T = TypeVar("T", bound=QGraphicsItem)


@cache
def shipped_content() -> Content:
    """The content folder the exhibit ships with, loaded and validated once per test run."""
    result = load_content(CONTENT_DIR)
    assert result.content is not None, "\n".join(str(error) for error in result.errors)
    return result.content


def walk(scene: QGraphicsScene) -> Iterator[QGraphicsItem]:
    """Every item of ``scene`` that is shown (visible and not faded out), topmost first."""
    for item in scene.items():
        if item.isVisible() and item.effectiveOpacity() > 0.01:
            yield item


def item_name(item: QGraphicsItem) -> str | None:
    name = getattr(item, "name", None)
    return name if isinstance(name, str) else None


@dataclass
class Harness:
    """One exhibit on screen, its hand-driven clock, and ways to find what it shows."""

    exhibit: BuiltExhibit
    clock: ManualClock

    @property
    def stage(self) -> Stage:
        return self.exhibit.stage

    @property
    def controller(self) -> ExhibitController:
        return self.exhibit.controller

    @property
    def screen(self) -> Screen:
        return self.controller.screen

    @property
    def scene(self) -> QGraphicsScene:
        return self.stage.scene()

    @property
    def viewport(self) -> QWidget:
        return self.stage.viewport()

    # Time -----------------------------------------------------------------------------------------------------
    def settle(self) -> None:
        """Run every animation to its end by moving the clock on (a visitor waits for the screen to be still)."""
        self.controller.settle(self.clock.advance)

    # Finding things -------------------------------------------------------------------------------------------
    def all_named(self, name: str, kind: type[T] = QGraphicsItem) -> list[T]:  # type: ignore[assignment]
        return [item for item in walk(self.scene) if item_name(item) == name and isinstance(item, kind)]

    def find(self, name: str, kind: type[T] = QGraphicsItem) -> T:  # type: ignore[assignment]
        """The topmost shown item called ``name`` (names such as "home" are used on several layers)."""
        found = self.all_named(name, kind)
        assert found, f"nothing called {name!r} is shown; shown: {sorted(self.names())}"
        return found[0]

    def names(self) -> set[str]:
        return {name for item in walk(self.scene) if (name := item_name(item)) is not None}

    def of_type(self, kind: type[T]) -> list[T]:
        return [item for item in walk(self.scene) if isinstance(item, kind)]

    def centre(self, target: str | QGraphicsItem) -> QPointF:
        """The logical centre of the part of ``target`` that is on screen."""
        item = self.find(target) if isinstance(target, str) else target
        rect = item.sceneBoundingRect().intersected(self.scene.sceneRect())
        assert not rect.isEmpty(), f"{item_name(item)} is off screen at {item.sceneBoundingRect()}"
        return rect.center()

    # Coordinates ----------------------------------------------------------------------------------------------
    def to_viewport(self, logical: QPointF) -> QPoint:
        """A logical point as viewport pixels: the inverse of ``Stage.to_logical``."""
        return self.stage.viewportTransform().map(QPointF(logical)).toPoint()


class Pointer:
    """A finger or a mouse on the stage's viewport; every point is logical and mapped like a real screen."""

    def __init__(self, harness: Harness, qtbot: object):
        self.harness = harness
        self.qtbot = qtbot

    @property
    def viewport(self) -> QWidget:
        return self.harness.viewport

    def at(self, point: QPointF) -> QPoint:
        return self.harness.to_viewport(point)

    def press(self, point: QPointF) -> None:
        raise NotImplementedError

    def move(self, point: QPointF, after_ms: int = 0) -> None:
        """Move while down; ``after_ms`` first rests that long (real time: event times come from the input)."""
        raise NotImplementedError

    def release(self, point: QPointF, after_ms: int = 0) -> None:
        raise NotImplementedError

    def tap(self, target: QPointF | str) -> None:
        point = self.harness.centre(target) if isinstance(target, str) else target
        self.press(point)
        self.release(point)

    def drag(self, start: QPointF, end: QPointF, steps: int = 8, rest_ms: int = 0) -> None:
        """Press at ``start``, move in ``steps`` to ``end`` and let go; with ``rest_ms`` the pointer stays still
        that long before it lets go (no flick: the release has no speed)."""
        self.press(start)
        for i in range(1, steps + 1):
            self.move(start + (end - start) * (i / steps))
        if rest_ms:
            self.move(end, after_ms=rest_ms)
        self.release(end)

    def _rest(self, after_ms: int) -> None:
        if after_ms:
            self.qtbot.wait(after_ms)  # type: ignore[attr-defined]


class Mouse(Pointer):
    """The left mouse button, as a mouse-emulating touch panel sends it.

    QTest stamps its mouse events from a clock of its own that moves 1 ms per event (or ``delay`` ms) however
    much real time passes; a real device stamps them with real time. Every event here advances QTest's clock by
    the real time since the previous QTest mouse event, so press, rests and release are as far apart as they
    really were (the gesture layer measures holds and speeds from these stamps).
    """

    LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    _last_event_s: float | None = None  # QTest's mouse clock is one for the whole process

    @classmethod
    def _delay_ms(cls) -> int:
        now = time.monotonic()
        last, cls._last_event_s = cls._last_event_s, now
        return 1 if last is None else max(1, round((now - last) * 1000))

    def press(self, point: QPointF) -> None:
        QTest.mousePress(self.viewport, self.LEFT, self.NONE, self.at(point), self._delay_ms())

    def move(self, point: QPointF, after_ms: int = 0) -> None:
        self._rest(after_ms)
        QTest.mouseMove(self.viewport, self.at(point), self._delay_ms())

    def release(self, point: QPointF, after_ms: int = 0) -> None:
        self._rest(after_ms)
        QTest.mouseRelease(self.viewport, self.LEFT, self.NONE, self.at(point), self._delay_ms())


class Finger(Pointer):
    """A finger (touch point 0) through a QPointingDevice, or two of them (:meth:`two_fingers`)."""

    def __init__(self, harness: Harness, qtbot: object, device: QPointingDevice | None = None):
        super().__init__(harness, qtbot)
        self.device = device or QTest.createTouchDevice()

    def _sequence(self):
        return QTest.touchEvent(self.viewport, self.device)

    def press(self, point: QPointF, finger: int = 0) -> None:
        self._sequence().press(finger, self.at(point), self.viewport).commit()

    def move(self, point: QPointF, after_ms: int = 0, finger: int = 0) -> None:
        self._rest(after_ms)
        self._sequence().move(finger, self.at(point), self.viewport).commit()

    def release(self, point: QPointF, after_ms: int = 0, finger: int = 0) -> None:
        self._rest(after_ms)
        self._sequence().release(finger, self.at(point), self.viewport).commit()

    def two_fingers(self, first: QPointF, second: QPointF, shift: QPointF = QPointF()) -> None:
        """Two fingers down (one after the other), both moved by ``shift``, then lifted one after the other."""
        viewport = self.viewport
        self._sequence().press(0, self.at(first), viewport).commit()
        # Each commit names every finger that is down (stationary() for one that stays), or Qt lifts the others.
        self._sequence().stationary(0).press(1, self.at(second), viewport).commit()
        for step in (0.5, 1.0):
            a, b = first + shift * step, second + shift * step
            self._sequence().move(0, self.at(a), viewport).move(1, self.at(b), viewport).commit()
        self._sequence().release(0, self.at(first + shift), viewport).stationary(1).commit()
        self._sequence().release(1, self.at(second + shift), viewport).commit()


def mouse_echo(
    harness: Harness,
    point: QPointF,
    device: QPointingDevice,
    source: Qt.MouseEventSource = Qt.MouseEventSource.MouseEventSynthesizedByQt,
) -> list[bool]:
    """A left press and release at ``point`` as Qt or the platform synthesises them from a touch; whether the
    viewport consumed each."""
    pos = QPointF(harness.to_viewport(point))
    global_pos = QPointF(harness.viewport.mapToGlobal(pos.toPoint()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    consumed = []
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none)):
        event = QMouseEvent(kind, pos, pos, global_pos, left, buttons, Qt.KeyboardModifier.NoModifier, source, device)
        consumed.append(QApplication.sendEvent(harness.viewport, event))
    return consumed


def build_shown(
    content: Content,
    size: tuple[int, int],
    *,
    rotation: int = 0,
    language: str | None = None,
    settings: ExhibitSettings | None = None,
) -> Harness:
    """An exhibit with its own ManualClock, shown at ``size`` viewport pixels (close it when done); ``settings``
    default to the settings file's defaults, with ``rotation`` and ``language`` on top."""
    clock = ManualClock()
    chosen = (settings or ExhibitSettings()).model_copy(update={"rotate_deg": rotation, "language": language})
    exhibit = build_exhibit(content, chosen, clock, content_dir=CONTENT_DIR)
    exhibit.stage.resize(*size)
    exhibit.stage.show()
    return Harness(exhibit, clock)


@contextmanager
def shown_exhibit(content: Content, size: tuple[int, int], **options: object) -> Iterator[Harness]:
    """:func:`build_shown` for code that runs outside a test's qtbot (e.g. a cache shared by many tests)."""
    harness = build_shown(content, size, **options)  # type: ignore[arg-type]
    QApplication.processEvents()
    try:
        yield harness
    finally:
        harness.stage.close()
        harness.stage.deleteLater()
        QApplication.processEvents()


@dataclass
class ExhibitFactory:
    """Builds exhibits on screen for one test; pytest-qt closes them when it ends."""

    qtbot: object
    content: Content

    def __call__(
        self,
        size: tuple[int, int] = LANDSCAPE,
        *,
        rotation: int = 0,
        language: str | None = None,
        settings: ExhibitSettings | None = None,
        content: Content | None = None,
    ) -> Harness:
        harness = build_shown(content or self.content, size, rotation=rotation, language=language, settings=settings)
        stage = harness.stage
        self.qtbot.addWidget(stage)  # type: ignore[attr-defined]
        self.qtbot.waitExposed(stage)  # type: ignore[attr-defined]
        assert stage.viewport().size().toTuple() == size
        screen = stage.screen().geometry()
        assert screen.contains(stage.geometry()), (
            f"the stage {stage.geometry()} is not inside the screen {screen}: Qt would drop touches off it "
            "(tests/qt/conftest.py configures a larger offscreen screen before the QApplication starts)"
        )
        return harness


def awake(harness: Harness) -> Harness:
    """The exhibit woken to Home and still (as after a visitor's first touch)."""
    harness.controller.wake()
    harness.settle()
    return harness


def descendants(item: QGraphicsItem) -> list[QGraphicsItem]:
    """Every item under ``item``, at any depth."""
    found, stack = [], list(item.childItems())
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(child.childItems())
    return found
