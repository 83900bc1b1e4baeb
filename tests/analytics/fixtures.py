"""What the analytics tests share: the shipped content, and a hand-driven clock read as wall time and monotonic."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from kiosk.clock import ManualClock
from kiosk.content.loader import load_content
from kiosk.content.model import Content

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
MONDAY = datetime(2026, 11, 30, 0, 0, 0)  # a Monday


@cache
def shipped_content() -> Content:
    result = load_content(CONTENT_DIR)
    assert result.content is not None, "\n".join(str(error) for error in result.errors)
    return result.content


class WallClock:
    """One hand-driven clock read two ways: seconds (monotonic) and the local wall time it stands for."""

    def __init__(self, start: datetime = MONDAY):
        self.start = start
        self.mono = ManualClock(0.0)

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.mono())

    def advance(self, seconds: float) -> None:
        self.mono.advance(seconds)

    def set(self, when: datetime) -> None:
        self.mono.advance((when - self.wall()).total_seconds())
