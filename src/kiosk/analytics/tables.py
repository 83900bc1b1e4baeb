"""The report's tables, computed from the database for a period of days (pure): each is what one chart draws and
one CSV file holds.

Time in use (a session's length here) runs from the touch that woke the exhibit to the visitor's last touch: the
idle time before the reset, the same for every visit, is left out. Dwell times are a view's seconds on screen.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.analytics.store import day_text

# Session lengths (time in use) in these bins: [low, high) seconds.
LENGTH_BINS: tuple[tuple[str, float, float], ...] = (
    ("< 10 s", 0, 10),
    ("10–30 s", 10, 30),
    ("30 s–1 min", 30, 60),
    ("1–2 min", 60, 120),
    ("2–5 min", 120, 300),
    ("5–10 min", 300, 600),
    ("≥ 10 min", 600, float("inf")),
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class Period:
    """Days from ``first`` to ``last``, both included (local dates)."""

    first: date
    last: date

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    @property
    def bounds(self) -> tuple[str, str]:
        return day_text(self.first), day_text(self.last)


@dataclass(frozen=True)
class Table:
    name: str  # the CSV file's name without .csv
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def recorded_period(con: sqlite3.Connection) -> Period | None:
    """The first and last day with a session or an attract loop; None for an empty database."""
    row = con.execute(
        "SELECT MIN(d), MAX(d) FROM (SELECT day AS d FROM sessions UNION SELECT day FROM events)"
    ).fetchone()
    if row[0] is None:
        return None
    return Period(date.fromisoformat(row[0]), date.fromisoformat(row[1]))


def _median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _lengths(con: sqlite3.Connection, period: Period) -> list[tuple[str, float]]:
    rows = con.execute("SELECT day, engaged_s FROM sessions WHERE day BETWEEN ? AND ? ORDER BY day", period.bounds)
    return [(str(day), float(engaged)) for day, engaged in rows]


def overview(con: sqlite3.Connection, period: Period) -> Table:
    """The period's totals: sessions, their median time in use and median length to the reset, attract loops."""
    rows = con.execute("SELECT engaged_s, duration_s FROM sessions WHERE day BETWEEN ? AND ?", period.bounds).fetchall()
    attract = con.execute(
        "SELECT COUNT(*) FROM events WHERE kind = 'attract' AND day BETWEEN ? AND ?", period.bounds
    ).fetchone()[0]
    values = (
        ("first_day", day_text(period.first)),
        ("last_day", day_text(period.last)),
        ("sessions", len(rows)),
        ("median_time_in_use_s", _median([float(r[0]) for r in rows])),
        ("median_until_reset_s", _median([float(r[1]) for r in rows])),
        ("attract_loops", int(attract)),
    )
    return Table("overview", ("figure", "value"), values)


def sessions_per_day(con: sqlite3.Connection, period: Period) -> Table:
    by_day: dict[str, list[float]] = {day_text(d): [] for d in period.days()}
    for day, engaged in _lengths(con, period):
        by_day[day].append(engaged)
    rows = tuple((day, len(lengths), _median(lengths)) for day, lengths in by_day.items())
    return Table("sessions_per_day", ("day", "sessions", "median_time_in_use_s"), rows)


def sessions_per_hour(con: sqlite3.Connection, period: Period) -> Table:
    counts = {(w, h): 0 for w in range(7) for h in range(24)}
    query = "SELECT weekday, hour, COUNT(*) FROM sessions WHERE day BETWEEN ? AND ? GROUP BY weekday, hour"
    for weekday, hour, n in con.execute(query, period.bounds):
        counts[(int(weekday), int(hour))] = int(n)
    rows = tuple((WEEKDAYS[w], h, n) for (w, h), n in counts.items())
    return Table("sessions_per_hour_of_week", ("weekday", "hour", "sessions"), rows)


def session_lengths(con: sqlite3.Connection, period: Period) -> Table:
    lengths = [engaged for _, engaged in _lengths(con, period)]
    rows = tuple(
        (label, low, None if high == float("inf") else high, sum(low <= x < high for x in lengths))
        for label, low, high in LENGTH_BINS
    )
    return Table("session_length", ("time_in_use", "from_s", "below_s", "sessions"), rows)


FUNNEL_STAGES = (
    ("attract", "吸引画面", "Attract loop shown"),
    ("home", "被触摸唤醒", "Touched: Home"),
    ("pillar", "打开一个板块", "Opened a pillar"),
    ("story", "打开一个故事", "Opened a story"),
    ("read", "读完一个故事", "Read a story to the end"),
)


def funnel(con: sqlite3.Connection, period: Period) -> Table:
    attract = con.execute(
        "SELECT COUNT(*) FROM events WHERE kind = 'attract' AND day BETWEEN ? AND ?", period.bounds
    ).fetchone()[0]
    reached = dict(
        con.execute(
            "SELECT reached, COUNT(*) FROM sessions WHERE day BETWEEN ? AND ? GROUP BY reached", period.bounds
        ).fetchall()
    )
    order = [stage for stage, _, _ in FUNNEL_STAGES[1:]]
    at_least = {stage: sum(int(reached.get(s, 0)) for s in order[i:]) for i, stage in enumerate(order)}
    counts = {"attract": int(attract), **at_least}
    rows = tuple((stage, zh, en, counts[stage]) for stage, zh, en in FUNNEL_STAGES)
    return Table("funnel", ("stage", "label_zh", "label_en", "count"), rows)


def stories(con: sqlite3.Connection, period: Period) -> Table:
    """Every story version shown in the period: views, reads to the end, views still open at the idle reset, and
    the median dwell of the views a visitor left by a touch; most viewed first."""
    query = (
        "SELECT v.pillar_id, v.story_id, v.story_version, s.title_zh, s.title_en, v.dwell_s, v.read_to_end, "
        "v.left_by FROM views v JOIN stories s ON s.story_id = v.story_id AND s.version = v.story_version "
        "WHERE v.kind = 'story' AND v.day BETWEEN ? AND ?"
    )
    grouped: dict[tuple[str, str, str, str, str], list[tuple[float, bool, str]]] = {}
    for pillar, story, version, zh, en, dwell, read, left_by in con.execute(query, period.bounds):
        grouped.setdefault((pillar, story, version, zh, en), []).append((float(dwell), bool(read), str(left_by)))
    counted = []
    for key, seen in grouped.items():
        reads = sum(read for _, read, _ in seen)
        left_open = sum(left_by != "touch" for _, _, left_by in seen)
        median = _median([dwell for dwell, _, left_by in seen if left_by == "touch"])
        counted.append((key, len(seen), reads, left_open, median))
    counted.sort(key=lambda c: (-c[1], -c[2], c[0][1], c[0][2]))
    rows = tuple((*key, views, reads, left_open, median) for key, views, reads, left_open, median in counted)
    columns = (
        "pillar",
        "story",
        "version",
        "title_zh",
        "title_en",
        "views",
        "read_to_end",
        "open_at_reset",
        "median_dwell_s",
    )
    return Table("stories", columns, rows)


def pillars(con: sqlite3.Connection, period: Period) -> Table:
    """Each pillar: sessions that opened it, its page's views and the median dwell of those left by a touch."""
    titles = {row[0]: row[1:] for row in con.execute("SELECT pillar_id, title_zh, title_en, accent FROM pillars")}
    query = "SELECT pillar_id, session_key, dwell_s, left_by FROM views WHERE kind = 'pillar' AND day BETWEEN ? AND ?"
    sessions: dict[str, set[str]] = {}
    views: dict[str, int] = {}
    dwell: dict[str, list[float]] = {}
    for pillar, session, seconds, left_by in con.execute(query, period.bounds):
        sessions.setdefault(pillar, set()).add(session)
        views[pillar] = views.get(pillar, 0) + 1
        if left_by == "touch":
            dwell.setdefault(pillar, []).append(float(seconds))
    rows = []
    for pillar in sorted(sessions, key=lambda p: (-len(sessions[p]), p)):
        zh, en, accent = titles.get(pillar, (pillar, pillar, "#A9B6CF"))
        rows.append((pillar, zh, en, accent, len(sessions[pillar]), views[pillar], _median(dwell.get(pillar, []))))
    columns = ("pillar", "title_zh", "title_en", "accent", "sessions", "page_views", "median_dwell_s")
    return Table("pillars", columns, tuple(rows))


def languages(con: sqlite3.Connection, period: Period) -> Table:
    """Chinese and English: sessions that ended in each (the language chosen), sessions that switched, and the
    seconds of screens shown in each."""
    rows = []
    for language in ("zh", "en"):
        chosen = con.execute(
            "SELECT COUNT(*) FROM sessions WHERE language_end = ? AND day BETWEEN ? AND ?", (language, *period.bounds)
        ).fetchone()[0]
        switched_to = con.execute(
            "SELECT COUNT(*) FROM sessions WHERE language_end = ? AND language_switches > 0 AND day BETWEEN ? AND ?",
            (language, *period.bounds),
        ).fetchone()[0]
        seconds = con.execute(
            "SELECT COALESCE(SUM(dwell_s), 0) FROM views WHERE language = ? AND day BETWEEN ? AND ?",
            (language, *period.bounds),
        ).fetchone()[0]
        rows.append((language, int(chosen), int(switched_to), round(float(seconds), 1)))
    columns = ("language", "sessions_ended_in", "of_which_switched", "screen_seconds")
    return Table("languages", columns, tuple(rows))


def all_tables(con: sqlite3.Connection, period: Period) -> dict[str, Table]:
    made = (
        overview(con, period),
        sessions_per_day(con, period),
        sessions_per_hour(con, period),
        session_lengths(con, period),
        funnel(con, period),
        pillars(con, period),
        stories(con, period),
        languages(con, period),
    )
    return {table.name: table for table in made}
