"""What a visitor chose in the accessibility menu, and the rules around it (pure Python, no Qt).

Every choice starts off and goes back to off at the idle reset, so the next visitor starts fresh. While any choice is
on, the visitor gets :data:`PATIENCE_FACTOR` times the idle time (WCAG 2.2.1, timing adjustable).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Literal

Choice = Literal["large_text", "high_contrast", "reduced_motion", "reach", "more_time", "read_aloud"]
CHOICES: tuple[Choice, ...] = ("large_text", "high_contrast", "reduced_motion", "reach", "more_time", "read_aloud")
PATIENCE_FACTOR = 10.0  # the idle time while any choice is on
REDUCED_FADE_S = 0.15  # with reduced motion a change of screen is only a short cross-fade
LARGE_TEXT_SCALE = 1.43  # every text at least 1.4 times larger, so that body text (28 px at the least) is 40 px


@dataclass(frozen=True)
class AccessChoices:
    """One visitor's choices; all off is the default every visitor starts with."""

    large_text: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    reach: bool = False
    more_time: bool = False
    read_aloud: bool = False

    @property
    def any_on(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))

    def is_on(self, choice: Choice) -> bool:
        return bool(getattr(self, choice))

    def with_choice(self, choice: Choice, on: bool) -> AccessChoices:
        if choice not in CHOICES:
            raise ValueError(f"no accessibility choice {choice!r}; the choices are {', '.join(CHOICES)}")
        return replace(self, **{choice: on})

    @property
    def text_scale(self) -> float:
        return LARGE_TEXT_SCALE if self.large_text else 1.0

    def idle_timeout_s(self, base_s: float) -> float:
        """The idle time for this visitor: ``base_s``, or :data:`PATIENCE_FACTOR` times it while any choice is on."""
        return base_s * PATIENCE_FACTOR if self.any_on else base_s


# The renders and the layout check show the screens in these (``kiosk render --mode``): each one choice on.
MODES: dict[str, tuple[Choice, ...]] = {
    "default": (),
    "large-text": ("large_text",),
    "high-contrast": ("high_contrast",),
    "reach": ("reach",),
    "read-aloud": ("read_aloud",),
}


def mode_choices(mode: str) -> tuple[Choice, ...]:
    """The choices a mode turns on: one of :data:`MODES`, or several joined by ``+`` (``large-text+reach``: both on
    together). Raises ValueError naming the modes there are."""
    found: list[Choice] = []
    for part in mode.split("+"):
        if part not in MODES or (part == "default" and mode != "default"):
            known = ", ".join(m for m in MODES if m != "default")
            raise ValueError(f"no mode {part!r} in {mode!r}: the modes are default, {known}, or several joined by +")
        found += [choice for choice in MODES[part] if choice not in found]
    return tuple(found)


Listener = Callable[[AccessChoices, AccessChoices], None]  # (old, new)


class AccessState:
    """The current visitor's choices; listeners hear every change (old, new)."""

    def __init__(self) -> None:
        self._choices = AccessChoices()
        self._listeners: list[Listener] = []

    @property
    def choices(self) -> AccessChoices:
        return self._choices

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def set(self, choice: Choice, on: bool) -> bool:
        """Turn ``choice`` on or off; True when that changed anything."""
        return self._change(self._choices.with_choice(choice, on))

    def toggle(self, choice: Choice) -> bool:
        """Flip ``choice``; returns whether it is on now."""
        self.set(choice, not self._choices.is_on(choice))
        return self._choices.is_on(choice)

    def reset(self) -> bool:
        """Every choice off (the idle reset); True when any was on."""
        return self._change(AccessChoices())

    def _change(self, new: AccessChoices) -> bool:
        old = self._choices
        if new == old:
            return False
        self._choices = new
        for listener in list(self._listeners):
            listener(old, new)
        return True
