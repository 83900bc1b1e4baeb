"""One-finger gesture recognition from timestamped pointer input (pure Python, no Qt).

Touch points and the mouse feed the same :class:`GestureRecogniser`, each as a ``point_id``. Positions are in
logical pixels (the UI's own frame, so directions follow a rotated UI) and times in seconds on one monotonic
clock. Every input method returns the gestures it completes, so the outcome depends only on the input: a
long-press that :meth:`GestureRecogniser.poll` would have reported at its deadline is reported by the next
input instead when nobody polled.

Guarantees, per gesture (from a press with no pointer down until no pointer is down; a press of a pointer
that is already down means its release was lost, and starts a new gesture as after :meth:`cancel`):

- at most one of ``Tap``, ``LongPress`` and ``Swipe``;
- every ``DragStart`` is followed by ``Drag`` events and then exactly one ``DragEnd`` (and, for a swipe,
  ``Swipe`` right after it) or one ``Cancelled``; ``Cancelled`` is only emitted for a drag in progress;
- a second pointer, or a contact larger than ``max_contact_px`` (a palm), ends recognition until every pointer
  is up: a pinch, a two-finger tap or a resting palm trigger nothing.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, fields, replace
from enum import Enum, auto
from typing import Literal

Direction = Literal["left", "right", "up", "down"]

# Slack for decimal thresholds in binary floats: a press at 1.0 and a poll at 1.8 is a 0.8 s hold.
_TIME_EPSILON_S = 1e-9


@dataclass(frozen=True)
class GestureConfig:
    """Thresholds in logical pixels and seconds; :meth:`scaled` adapts the pixel ones to another screen."""

    tap_slop_px: float = 24.0
    swipe_min_distance_px: float = 120.0
    swipe_min_velocity_px_s: float = 900.0
    flick_min_distance_px: float = 40.0
    long_press_s: float = 0.8
    max_contact_px: float = 200.0
    velocity_window_s: float = 0.1

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
                raise ValueError(f"GestureConfig.{item.name} must be a positive number, not {value!r}")

    def scaled(self, factor: float) -> GestureConfig:
        """The same gestures on a screen ``factor`` times as many logical pixels across (times unchanged)."""
        return replace(
            self,
            tap_slop_px=self.tap_slop_px * factor,
            swipe_min_distance_px=self.swipe_min_distance_px * factor,
            swipe_min_velocity_px_s=self.swipe_min_velocity_px_s * factor,
            flick_min_distance_px=self.flick_min_distance_px * factor,
            max_contact_px=self.max_contact_px * factor,
        )


@dataclass(frozen=True)
class Tap:
    x: float
    y: float


@dataclass(frozen=True)
class LongPress:
    x: float
    y: float


@dataclass(frozen=True)
class DragStart:
    """Where the finger went down (the drag is recognised later, once it has moved beyond the slop)."""

    x: float
    y: float


@dataclass(frozen=True)
class Drag:
    x0: float
    y0: float
    x: float
    y: float


@dataclass(frozen=True)
class DragEnd:
    """The end of a drag; ``vx``/``vy`` (px/s): the velocity over the last ``velocity_window_s`` of samples
    (over the two latest samples when they are further apart, as when the pointer rested before release)."""

    x0: float
    y0: float
    x: float
    y: float
    vx: float
    vy: float


@dataclass(frozen=True)
class Swipe:
    """A swipe, right after its ``DragEnd``; ``velocity`` is the speed (px/s, ≥ 0) in ``direction``."""

    direction: Direction
    x0: float
    y0: float
    x: float
    y: float
    velocity: float


@dataclass(frozen=True)
class Cancelled:
    """A drag in progress was abandoned (another finger, a palm, or the input was cancelled)."""


GestureEvent = Tap | LongPress | DragStart | Drag | DragEnd | Swipe | Cancelled


class _Phase(Enum):
    IDLE = auto()  # no pointer down
    PENDING = auto()  # one pointer down within the slop: a tap or a long-press in the making
    LONG_PRESSED = auto()  # the long-press has fired; nothing more until the pointer is up
    DRAGGING = auto()  # one pointer moved beyond the slop
    BLOCKED = auto()  # several pointers or a palm: nothing until every pointer is up


class GestureRecogniser:
    """Turns press/move/release of pointers, with explicit times, into gesture events."""

    def __init__(self, config: GestureConfig | None = None) -> None:
        self._config = config or GestureConfig()
        self._phase = _Phase.IDLE
        self._down: set[int] = set()
        self._x0 = self._y0 = self._t0 = 0.0
        self._samples: deque[tuple[float, float, float]] = deque()  # (t, x, y) of the one tracked pointer
        self._last_t = -math.inf

    @property
    def config(self) -> GestureConfig:
        return self._config

    @config.setter
    def config(self, config: GestureConfig) -> None:
        """New thresholds apply from the next input on, also to a gesture in progress."""
        self._config = config

    @property
    def is_active(self) -> bool:
        """Whether a gesture is under way: some pointer is down (also while blocked by a second one)."""
        return bool(self._down)

    @property
    def pointer_count(self) -> int:
        return len(self._down)

    @property
    def long_press_deadline(self) -> float | None:
        """When :meth:`poll` will report a long-press if nothing else happens first, or None."""
        if self._phase is _Phase.PENDING:
            return self._t0 + self._config.long_press_s
        return None

    def press(self, point_id: int, x: float, y: float, t: float, contact_px: float | None = None) -> list[GestureEvent]:
        t = self._advance(t)
        out = self._due_long_press(t)
        if point_id in self._down:
            # The same pointer pressed again: its release was lost. Start over, as after cancel().
            out += self._abandon()
            self._down.clear()
            self._phase = _Phase.IDLE
        if self._down:
            out += self._abandon()
            self._phase = _Phase.BLOCKED
        elif self._is_palm(contact_px):
            self._phase = _Phase.BLOCKED
        else:
            self._phase = _Phase.PENDING
            self._x0, self._y0, self._t0 = float(x), float(y), t
            self._samples.clear()
            self._samples.append((t, float(x), float(y)))
        self._down.add(point_id)
        return out

    def move(self, point_id: int, x: float, y: float, t: float, contact_px: float | None = None) -> list[GestureEvent]:
        """A pointer moved; ``contact_px``, when known, turns a contact that grows into a palm into a block."""
        t = self._advance(t)
        out = self._due_long_press(t)
        if point_id not in self._down:
            return out
        if self._is_palm(contact_px):
            out += self._abandon()
            self._phase = _Phase.BLOCKED
            return out
        return out + self._track(x, y, t)

    def release(self, point_id: int, x: float, y: float, t: float) -> list[GestureEvent]:
        t = self._advance(t)
        out = self._due_long_press(t)
        if point_id not in self._down:
            return out
        if self._phase in (_Phase.PENDING, _Phase.DRAGGING):
            out += [event for event in self._track(x, y, t) if not isinstance(event, Drag)]  # DragEnd says where
            if self._phase is _Phase.PENDING:
                out.append(Tap(self._x0, self._y0))
            else:
                out += self._finish_drag()
        self._down.discard(point_id)
        if not self._down:
            self._phase = _Phase.IDLE
        return out

    def cancel(self, t: float) -> list[GestureEvent]:
        """The input system took the pointers away (e.g. a touch cancel): forget them all."""
        t = self._advance(t)
        out = self._due_long_press(t) + self._abandon()
        self._down.clear()
        self._phase = _Phase.IDLE
        return out

    def poll(self, t: float) -> list[GestureEvent]:
        """Report a long-press whose time has come (call it at :attr:`long_press_deadline`)."""
        return self._due_long_press(self._advance(t))

    def _advance(self, t: float) -> float:
        """Time never runs backwards: an out-of-order timestamp counts as the latest one."""
        self._last_t = max(self._last_t, float(t))
        return self._last_t

    def _is_palm(self, contact_px: float | None) -> bool:
        return contact_px is not None and contact_px > self._config.max_contact_px

    def _due_long_press(self, t: float) -> list[GestureEvent]:
        if self._phase is _Phase.PENDING and t - self._t0 >= self._config.long_press_s - _TIME_EPSILON_S:
            self._phase = _Phase.LONG_PRESSED
            return [LongPress(self._x0, self._y0)]
        return []

    def _abandon(self) -> list[GestureEvent]:
        return [Cancelled()] if self._phase is _Phase.DRAGGING else []

    def _track(self, x: float, y: float, t: float) -> list[GestureEvent]:
        """Record a position of the tracked pointer; starts the drag once it leaves the slop."""
        if self._phase not in (_Phase.PENDING, _Phase.DRAGGING):
            return []
        x, y = float(x), float(y)
        self._samples.append((t, x, y))
        # Keep the samples of the last window, and always the two latest (a pointer that stopped sends none).
        horizon = t - self._config.velocity_window_s - _TIME_EPSILON_S
        while len(self._samples) > 2 and self._samples[0][0] < horizon:
            self._samples.popleft()
        drag = Drag(self._x0, self._y0, x, y)
        if self._phase is _Phase.DRAGGING:
            return [drag]
        if math.hypot(x - self._x0, y - self._y0) > self._config.tap_slop_px:
            self._phase = _Phase.DRAGGING
            return [DragStart(self._x0, self._y0), drag]
        return []

    def _velocity(self) -> tuple[float, float]:
        """Velocity from the oldest kept sample to the latest one: recent motion, not the whole gesture's."""
        t_ref, x_ref, y_ref = self._samples[0]
        t, x, y = self._samples[-1]
        if t - t_ref <= 0:
            return 0.0, 0.0
        return (x - x_ref) / (t - t_ref), (y - y_ref) / (t - t_ref)

    def _finish_drag(self) -> list[GestureEvent]:
        _t, x, y = self._samples[-1]
        vx, vy = self._velocity()
        out: list[GestureEvent] = [DragEnd(self._x0, self._y0, x, y, vx, vy)]
        dx, dy = x - self._x0, y - self._y0
        direction: Direction
        if abs(dx) >= abs(dy):
            distance, speed = abs(dx), vx if dx > 0 else -vx
            direction = "right" if dx > 0 else "left"
        else:
            distance, speed = abs(dy), vy if dy > 0 else -vy
            direction = "down" if dy > 0 else "up"
        config = self._config
        if distance >= config.swipe_min_distance_px or (
            speed >= config.swipe_min_velocity_px_s and distance >= config.flick_min_distance_px
        ):
            out.append(Swipe(direction, self._x0, self._y0, x, y, max(0.0, speed)))
        return out
