"""The operator panel's visitor summary, read from the store (pure)."""

from __future__ import annotations

import statistics
from datetime import date, timedelta

from kiosk.analytics.store import AnalyticsStore, day_text
from kiosk.staff.content_status import StoryReads, VisitorSummary

TOP_STORIES = 3


def duration_text(seconds: float | None, *, keep_together: bool = False) -> str:
    """``35 s``, ``1 min 05 s``, ``—`` for none; ``keep_together``: with no-break spaces (never split on a screen)."""
    if seconds is None:
        return "—"
    space = "\u00a0" if keep_together else " "
    if seconds < 60:
        return f"{seconds:.0f}{space}s"
    return f"{int(seconds // 60)}{space}min{space}{seconds % 60:02.0f}{space}s"


def week_start(today: date) -> date:
    """The Monday of ``today``'s week."""
    return today - timedelta(days=today.weekday())


def visitor_summary(store: AnalyticsStore, today: date) -> VisitorSummary:
    """Sessions today and this week (since Monday), the week's median time in use and its most read stories."""
    con = store.connection
    monday, end = day_text(week_start(today)), day_text(today)
    lengths = [
        float(row[0]) for row in con.execute("SELECT engaged_s FROM sessions WHERE day BETWEEN ? AND ?", (monday, end))
    ]
    top = con.execute(
        "SELECT s.title_zh, s.title_en, COUNT(*) AS reads FROM views v JOIN stories s "
        "ON s.story_id = v.story_id AND s.version = v.story_version "
        "WHERE v.kind = 'story' AND v.read_to_end = 1 AND v.day BETWEEN ? AND ? "
        "GROUP BY v.story_id, v.story_version ORDER BY reads DESC, s.title_en LIMIT ?",
        (monday, end, TOP_STORIES),
    ).fetchall()
    return VisitorSummary(
        sessions_today=store.sessions_on(today),
        sessions_week=len(lengths),
        median_s=statistics.median(lengths) if lengths else None,
        top_stories=tuple(StoryReads(str(zh), str(en), int(n)) for zh, en, n in top),
    )
