"""The SQLite event log: WAL mode, a batch is all or nothing, interrupted sessions are closed at the next start,
old rows are pruned, a full or read-only disk stops recording with one log line, and the small queries."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.analytics.records import Record
from kiosk.analytics.store import AnalyticsStore, AnalyticsUnavailable
from kiosk.analytics.summary import visitor_summary
from kiosk.analytics.tracker import VisitTracker
from kiosk.analytics.writer import BackgroundWriter
from kiosk.exhibit.navigation import Attract, Home, PillarPage, StoryDetail

from .fixtures import WallClock, shipped_content

PILLAR = shipped_content().pillars[0].id


def visit(clock: WallClock, t: VisitTracker, seconds: float, story: bool = False) -> None:
    """A visit with ``seconds`` of time in use; with ``story``, the first story is read (open 50 s, then closed)."""
    t.navigated(Attract(), Home(), "zh")
    clock.advance(seconds / 2)
    t.touched()
    t.navigated(Home(), PillarPage(PILLAR), "zh")
    if story:
        t.navigated(PillarPage(PILLAR), StoryDetail(PILLAR, 0), "zh")
        clock.advance(50)  # longer than any reading time
        t.navigated(StoryDetail(PILLAR, 0), PillarPage(PILLAR), "zh")
    clock.advance(seconds / 2 - (50 if story else 0))
    t.touched()
    clock.advance(60)
    t.navigated(PillarPage(PILLAR), Attract(), "zh")


def recorded(clock: WallClock, visits: list[tuple[datetime, float, bool]]) -> list[Record]:
    t = VisitTracker(clock.wall, clock.mono, shipped_content())
    for when, seconds, story in visits:
        clock.set(when)
        visit(clock, t, seconds, story)
    return t.take()


def test_the_database_is_in_wal_mode_and_a_batch_is_all_or_nothing(tmp_path: Path) -> None:
    store = AnalyticsStore.open(tmp_path / "a.sqlite3")
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    clock = WallClock()
    records = recorded(clock, [(clock.start + timedelta(hours=10), 100, True)])
    store.write(records)
    broken = [*records, object()]
    with pytest.raises(TypeError):
        store.write(broken)  # type: ignore[list-item]
    assert store.connection.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    assert store.sessions_on(date(2026, 11, 30)) == 1 and store.sessions_on(date(2026, 12, 1)) == 0
    assert store.last_touch() == datetime(2026, 11, 30, 10, 1, 40)
    assert store.integrity() == "ok"


def test_a_session_a_killed_process_left_open_is_closed_as_interrupted(tmp_path: Path) -> None:
    clock = WallClock()
    t = VisitTracker(clock.wall, clock.mono, shipped_content())
    t.navigated(Attract(), Home(), "zh")
    clock.advance(9)
    store = AnalyticsStore.open(tmp_path / "a.sqlite3")
    store.write(t.take())  # a checkpoint, then the process dies
    store.close()
    again = AnalyticsStore.open(tmp_path / "a.sqlite3")
    assert again.close_interrupted() == 1
    row = again.connection.execute("SELECT end_reason, duration_s FROM sessions").fetchone()
    assert tuple(row) == ("interrupted", 9.0)
    assert again.connection.execute("SELECT left_by, dwell_s FROM views").fetchall() == [("interrupted", 9.0)]
    assert again.close_interrupted() == 0


def test_records_older_than_the_retention_are_pruned(tmp_path: Path) -> None:
    clock = WallClock(datetime(2025, 1, 1))
    records = recorded(clock, [(datetime(2025, 1, 1, 10), 100, True), (datetime(2026, 2, 1, 10), 100, True)])
    store = AnalyticsStore.open(tmp_path / "a.sqlite3")
    store.write(records)
    assert store.prune(date(2026, 2, 10), 400) == 1
    con = store.connection
    assert con.execute("SELECT day FROM sessions").fetchall() == [("2026-02-01",)]
    assert {row[0] for row in con.execute("SELECT day FROM views")} == {"2026-02-01"}
    assert {row[0] for row in con.execute("SELECT day FROM events")} == {"2026-02-01"}
    assert con.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 1  # still read in the kept session
    assert store.prune(date(2027, 6, 1), 400) == 1
    assert con.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 0


def test_the_writer_thread_writes_batches_and_the_summary_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    writer = BackgroundWriter(lambda: AnalyticsStore.open(path))
    clock = WallClock()
    monday, wednesday = clock.start + timedelta(hours=11), clock.start + timedelta(days=2, hours=15)
    writer.submit(
        recorded(clock, [(monday, 140, True), (wednesday, 120, True), (wednesday + timedelta(hours=1), 60, False)])
    )
    assert writer.flush()
    writer.stop()
    store = AnalyticsStore.open(path, read_only=True)
    summary = visitor_summary(store, date(2026, 12, 2))
    assert (summary.sessions_today, summary.sessions_week, summary.median_s) == (2, 3, 120.0)
    card = shipped_content().pillars[0].cards[0]
    assert [(s.title_zh, s.reads) for s in summary.top_stories] == [(card.title.zh, 2)]
    assert visitor_summary(store, date(2026, 12, 7)).sessions_week == 0  # the next Monday starts a new week


@pytest.mark.log_warnings("recording stops with one warning")
def test_a_full_disk_stops_recording_with_one_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "a.sqlite3"

    def tiny() -> AnalyticsStore:
        store = AnalyticsStore.open(path)
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is full after one more page
        return store

    writer = BackgroundWriter(tiny)
    clock = WallClock()
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        for day in range(20):
            start = clock.start + timedelta(days=day, hours=10)
            writer.submit(recorded(clock, [(start + timedelta(minutes=5 * m), 100, True) for m in range(5)]))
        assert writer.flush()
    writer.stop()
    assert writer.failed is not None and "full" in writer.failed
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "stopped recording" in lines[0].getMessage()
    assert AnalyticsStore.open(path).integrity() == "ok"


@pytest.mark.log_warnings("recording stops with one warning")
def test_a_read_only_database_or_folder_stops_recording_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "a.sqlite3"
    AnalyticsStore.open(path).close()

    def read_only() -> AnalyticsStore:
        return AnalyticsStore(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None), path)

    clock = WallClock()
    with caplog.at_level(logging.WARNING, logger="kiosk.analytics"):
        writer = BackgroundWriter(read_only)
        for _ in range(3):
            writer.submit(recorded(clock, [(clock.wall() + timedelta(hours=1), 30, False)]))
        writer.flush()
        writer.stop()
        (tmp_path / "blocked").write_text("a file where the folder should be")
        nowhere = BackgroundWriter(lambda: AnalyticsStore.open(tmp_path / "blocked" / "a.sqlite3"))
        nowhere.submit(recorded(clock, [(clock.wall() + timedelta(hours=1), 30, False)]))
        nowhere.flush()
        nowhere.stop()
    assert writer.failed is not None and "readonly" in writer.failed
    assert nowhere.failed is not None and "cannot open" in nowhere.failed
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 2  # one for each


def test_reading_a_database_that_is_not_there_says_so(tmp_path: Path) -> None:
    with pytest.raises(AnalyticsUnavailable, match="nothing was recorded yet"):
        AnalyticsStore.open(tmp_path / "none.sqlite3", read_only=True)
