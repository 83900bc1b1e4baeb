"""What the tracker writes down about a visit: plain, frozen records the store turns into rows.

No record holds anything about a person: a session is a random key, screens are content ids, times are local
wall-clock times and seconds on screen. Touch positions are not kept at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

ViewKind = Literal["home", "pillar", "story", "outlook"]
# How a view ended: a touch took the visitor elsewhere, the idle reset ended the visit, or it is still on screen.
LeftBy = Literal["touch", "reset", "open"]
# The furthest a session went, in funnel order (attract → home → pillar → story → read to the end).
Reach = Literal["home", "pillar", "story", "read"]
REACH_ORDER: tuple[Reach, ...] = ("home", "pillar", "story", "read")
EventKind = Literal["attract", "language", "swipe"]


@dataclass(frozen=True)
class StorySeen:
    """A story as it was when shown: ``version`` is a digest of its text, so an edited story is another row."""

    story_id: str
    version: str
    pillar_id: str
    kind: Literal["card", "policy"]
    title_zh: str
    title_en: str
    reading_s: dict[str, float]  # language → seconds its text takes to read


@dataclass(frozen=True)
class PillarSeen:
    """A pillar's name and accent colour, so the report can label and colour it without the content."""

    pillar_id: str
    title_zh: str
    title_en: str
    accent: str


@dataclass(frozen=True)
class SessionState:
    """A session as far as it went: written when it starts, again at every checkpoint, and when it ends."""

    key: str
    started_at: datetime
    content_version: str
    language_start: str
    language_end: str
    language_switches: int
    swipes: int
    duration_s: float  # from the touch that woke the exhibit to now, or to the idle reset
    engaged_s: float  # from that touch to the last touch
    last_touch_at: datetime
    reached: Reach
    pillars: tuple[str, ...]  # every pillar the session opened, in the order first opened
    end_reason: Literal["reset"] | None  # None: still going


@dataclass(frozen=True)
class ViewState:
    """One screen of a session (``seq`` counts from 0) and how long it stayed; rewritten until it ends."""

    session_key: str
    seq: int
    kind: ViewKind
    pillar_id: str | None
    story_id: str | None
    story_version: str | None
    language: str
    shown_at: datetime
    dwell_s: float
    left_by: LeftBy
    read_to_end: bool | None  # stories only


@dataclass(frozen=True)
class Happened:
    """Something that happened at one moment: the attract loop began, a language was chosen, a carousel swiped."""

    session_key: str | None
    at: datetime
    kind: EventKind
    detail: str


Record = StorySeen | PillarSeen | SessionState | ViewState | Happened
