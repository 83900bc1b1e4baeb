"""The session reducer: what the visitor does (screens, language, swipes, touches) in, records out (pure).

A session starts when a touch wakes the attract loop and ends when the exhibit returns to it (the idle reset, an
error, closing time). Each screen shown is a view with its dwell time; a story counts as read to the end when it
stayed on screen for its reading time (:func:`kiosk.analytics.stories.reading_time_s`) and the visitor then moved on
by a touch; a story still open at the idle reset is not counted as read (nobody may have been there any more). The
dwell of a view the reset ended runs to the reset, so the report takes median dwell times from views left by a
touch. Records wait in the tracker until :meth:`VisitTracker.take`, which also gives the session and view still on
screen as they are now, so a checkpoint every few seconds is all a crash can lose.

Durations come from ``mono`` (a monotonic clock), moments from ``wall`` (local wall-clock time): a clock set by the
network mid-visit moves no dwell time. Tests drive both by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from kiosk.analytics.records import (
    REACH_ORDER,
    Happened,
    LeftBy,
    PillarSeen,
    Reach,
    Record,
    SessionState,
    StorySeen,
    ViewKind,
    ViewState,
)
from kiosk.analytics.stories import content_version, story_seen
from kiosk.content.model import Content
from kiosk.exhibit.navigation import Attract, Home, OutlookPage, PillarPage, Screen, StoryDetail


def new_session_key() -> str:
    """A random key: it ties a session's rows together and says nothing about anyone."""
    return uuid.uuid4().hex


@dataclass
class _View:
    state: ViewState
    started: float  # mono
    story: StorySeen | None


@dataclass
class _Session:
    state: SessionState
    started: float  # mono
    last_touch: float  # mono
    seq: int = 0
    view: _View | None = None
    pillars: list[str] = field(default_factory=list)


class VisitTracker:
    def __init__(
        self,
        wall: Callable[[], datetime],
        mono: Callable[[], float],
        content: Content,
        new_key: Callable[[], str] = new_session_key,
    ):
        self._wall, self._mono, self._new_key = wall, mono, new_key
        self._pending: list[Record] = []
        self._session: _Session | None = None
        self._known_stories: set[tuple[str, str]] = set()
        self._known_pillars: set[PillarSeen] = set()
        self.set_content(content)

    def set_content(self, content: Content) -> None:
        """The exhibit shows ``content`` from now on (stories are looked up in it)."""
        self._content = content
        self._version = content_version(content)

    @property
    def in_session(self) -> bool:
        return self._session is not None

    # What happened ---------------------------------------------------------------------------------------------
    def attract_began(self) -> None:
        """The attract loop is on screen (at start, and after each visit)."""
        self._pending.append(Happened(None, self._wall(), "attract", ""))

    def navigated(self, old: Screen, new: Screen, language: str) -> None:
        """The navigator moved from ``old`` to ``new`` (the same screen twice: only the language changed)."""
        if isinstance(new, Attract):
            if self._session is not None:
                self._end_session()
            if not isinstance(old, Attract):
                self.attract_began()
            return
        if self._session is None:
            self._start_session(language)
            self._begin_view(new, language)
            return
        if old == new:
            self._language_switched(language)
            return
        self._end_view("touch")
        self._begin_view(new, language)

    def touched(self) -> None:
        if self._session is not None:
            self._session.last_touch = self._mono()
            self._session.state = replace(self._session.state, last_touch_at=self._wall())

    def swiped(self, detail: str) -> None:
        """A carousel turned to another tile under the visitor's finger (``detail`` says which one)."""
        session = self._session
        if session is None:
            return
        session.state = replace(session.state, swipes=session.state.swipes + 1)
        self._pending.append(Happened(session.state.key, self._wall(), "swipe", detail))

    def stop(self) -> None:
        """A visit still going ends here, as if reset (the program stops, or something covers the exhibit)."""
        if self._session is not None:
            self._end_session()

    def take(self) -> list[Record]:
        """Every record since the last call, then the session and the view on screen as they are now."""
        out, self._pending = self._pending, []
        session = self._session
        if session is not None:
            if session.view is not None:
                out.append(self._view_now(session.view, "open"))
            out.append(self._session_now(session, None))
        return out

    # Sessions ---------------------------------------------------------------------------------------------------
    def _start_session(self, language: str) -> None:
        now, wall = self._mono(), self._wall()
        state = SessionState(
            key=self._new_key(),
            started_at=wall,
            content_version=self._version,
            language_start=language,
            language_end=language,
            language_switches=0,
            swipes=0,
            duration_s=0.0,
            engaged_s=0.0,
            last_touch_at=wall,
            reached="home",
            pillars=(),
            end_reason=None,
        )
        self._session = _Session(state, now, now)
        self._pending.append(state)

    def _end_session(self) -> None:
        session = self._session
        assert session is not None
        self._end_view("reset")
        self._pending.append(self._session_now(session, "reset"))
        self._session = None

    def _session_now(self, session: _Session, end_reason: Literal["reset"] | None) -> SessionState:
        reached = session.state.reached
        if session.view is not None:
            reached = _further(reached, _reach_of(self._view_now(session.view, "open")))
        now = self._mono()
        return replace(
            session.state,
            duration_s=round(now - session.started, 3),
            engaged_s=round(session.last_touch - session.started, 3),
            reached=reached,
            pillars=tuple(session.pillars),
            end_reason=end_reason,
        )

    def _language_switched(self, language: str) -> None:
        session = self._session
        assert session is not None
        state = session.state
        session.state = replace(state, language_end=language, language_switches=state.language_switches + 1)
        self._pending.append(Happened(state.key, self._wall(), "language", f"{state.language_end}>{language}"))

    # Views ----------------------------------------------------------------------------------------------------
    def _begin_view(self, screen: Screen, language: str) -> None:
        session = self._session
        assert session is not None
        kind: ViewKind
        pillar_id = story_id = story_version = None
        story = None
        if isinstance(screen, Home):
            kind = "home"
        elif isinstance(screen, OutlookPage):
            kind = "outlook"
        elif isinstance(screen, PillarPage):
            kind, pillar_id = "pillar", screen.pillar_id
        elif isinstance(screen, StoryDetail):
            kind, pillar_id = "story", screen.pillar_id
            story = story_seen(self._content, screen.pillar_id, screen.index)
            story_id, story_version = story.story_id, story.version
            if (story_id, story_version) not in self._known_stories:
                self._known_stories.add((story_id, story_version))
                self._pending.append(story)
        else:  # pragma: no cover - every Screen is handled above
            raise TypeError(f"not a visitor screen: {screen!r}")
        if pillar_id is not None:
            if pillar_id not in session.pillars:
                session.pillars.append(pillar_id)
            pillar = self._content.pillar(pillar_id)
            seen = PillarSeen(pillar_id, pillar.short_title.zh, pillar.short_title.get("en"), pillar.accent)
            if seen not in self._known_pillars:
                self._known_pillars.add(seen)
                self._pending.append(seen)
        state = ViewState(
            session.state.key,
            session.seq,
            kind,
            pillar_id,
            story_id,
            story_version,
            language,
            self._wall(),
            0.0,
            "open",
            False if story is not None else None,
        )
        session.seq += 1
        session.view = _View(state, self._mono(), story)

    def _view_now(self, view: _View, left_by: LeftBy) -> ViewState:
        dwell = round(self._mono() - view.started, 3)
        read = None
        if view.story is not None:  # read: open for its reading time, then left by the visitor's own touch
            needed = view.story.reading_s.get(view.state.language, min(view.story.reading_s.values()))
            read = left_by == "touch" and dwell >= needed
        return replace(view.state, dwell_s=dwell, left_by=left_by, read_to_end=read)

    def _end_view(self, left_by: LeftBy) -> None:
        session = self._session
        assert session is not None
        if session.view is None:
            return
        final = self._view_now(session.view, left_by)
        session.state = replace(session.state, reached=_further(session.state.reached, _reach_of(final)))
        self._pending.append(final)
        session.view = None


def _reach_of(view: ViewState) -> Reach:
    if view.kind == "story":
        return "read" if view.read_to_end else "story"
    return "pillar" if view.kind == "pillar" else "home"


def _further(a: Reach, b: Reach) -> Reach:
    return a if REACH_ORDER.index(a) >= REACH_ORDER.index(b) else b
