"""What the operator panel shows about the content, and what it can ask the application to do (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ContentStatus:
    source: str  # the folder (or release) the content on screen came from
    version: str | None  # the installed release's version, when the content came from a bundle
    loaded_at: str  # when it was loaded, as people read it (e.g. "2026-11-28 09:12")
    errors: tuple[str, ...] = ()  # current content problems, one message each (file:line: what to do)
    pending: str | None = None  # content waiting to be swapped in at the next return to Home, if any


@dataclass(frozen=True)
class StoryReads:
    title_zh: str
    title_en: str
    reads: int  # times read to the end


@dataclass(frozen=True)
class VisitorSummary:
    """What the operator panel shows about visits (from the visitor analytics)."""

    sessions_today: int
    sessions_week: int  # since Monday, today included
    median_s: float | None  # median time in use of this week's sessions (woken to last touch); None: no session
    top_stories: tuple[StoryReads, ...] = ()  # this week's most read stories, most first (at most three)


class OperatorActions(Protocol):
    """What the operator panel asks of the application (the application implements these)."""

    def exit_exhibit(self) -> None: ...
    def reload_content(self) -> None: ...
    def content_status(self) -> ContentStatus: ...
    def visitor_summary(self) -> VisitorSummary | None: ...  # None: analytics are off or not readable
