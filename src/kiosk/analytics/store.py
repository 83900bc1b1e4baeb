"""The event log on the machine: one SQLite database in the state folder, in WAL mode (pure Python, no Qt).

A batch of records is one transaction: a process killed at any moment leaves the database as it was after the
last whole batch (SQLite's journal), and it opens and passes ``PRAGMA integrity_check``. A session still open when
the process died is closed as ``interrupted`` at the next start, with the figures of its last checkpoint.

Small queries other parts use: :meth:`AnalyticsStore.sessions_on` (sessions started on a day) and
:meth:`AnalyticsStore.last_touch` (the last touch of any session).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.analytics.records import Happened, PillarSeen, Record, SessionState, StorySeen, ViewState

FILE_NAME = "analytics.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 2.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    day TEXT NOT NULL,
    weekday INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    content_version TEXT NOT NULL,
    language_start TEXT NOT NULL,
    language_end TEXT NOT NULL,
    language_switches INTEGER NOT NULL,
    swipes INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    engaged_s REAL NOT NULL,
    last_touch_at TEXT NOT NULL,
    reached TEXT NOT NULL,
    pillars TEXT NOT NULL,
    end_reason TEXT
);
CREATE INDEX IF NOT EXISTS sessions_day ON sessions (day);
CREATE TABLE IF NOT EXISTS views (
    session_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    pillar_id TEXT,
    story_id TEXT,
    story_version TEXT,
    language TEXT NOT NULL,
    shown_at TEXT NOT NULL,
    day TEXT NOT NULL,
    dwell_s REAL NOT NULL,
    left_by TEXT NOT NULL,
    read_to_end INTEGER,
    PRIMARY KEY (session_key, seq)
);
CREATE INDEX IF NOT EXISTS views_day ON views (day);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    session_key TEXT,
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
CREATE TABLE IF NOT EXISTS stories (
    story_id TEXT NOT NULL,
    version TEXT NOT NULL,
    pillar_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    reading_s TEXT NOT NULL,
    PRIMARY KEY (story_id, version)
);
CREATE TABLE IF NOT EXISTS pillars (
    pillar_id TEXT PRIMARY KEY,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    accent TEXT NOT NULL
);
"""


class AnalyticsUnavailable(Exception):
    """The database cannot be opened or written (a full or read-only disk, a damaged file): the reason, plainly."""


def moment(value: datetime) -> str:
    """How the database writes a wall-clock moment: local time to the second, sortable as text."""
    return value.isoformat(sep=" ", timespec="seconds")


def day_text(value: date) -> str:
    return value.isoformat()


class AnalyticsStore:
    """One connection to the database (use it from the thread that opened it)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None):
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> AnalyticsStore:
        """The database at ``path``, made with its folder and tables if new (``read_only``: an existing one, never
        written)."""
        try:
            if read_only:
                if not path.is_file():
                    raise AnalyticsUnavailable(f"{path}: no analytics database here (nothing was recorded yet)")
                connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                # With WAL, NORMAL keeps the database whole through a killed process; a power cut may lose the
                # last transactions, never the file.
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.executescript(_SCHEMA)
                connection.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
        except (sqlite3.Error, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise AnalyticsUnavailable(f"{path}: cannot open the analytics database: {reason}") from exc
        return cls(connection, path)

    def close(self) -> None:
        self.connection.close()

    # Writing ----------------------------------------------------------------------------------------------------
    def write(self, records: Iterable[Record]) -> None:
        """Every record of the batch, or none of them (one transaction). Raises sqlite3.Error."""
        with _transaction(self.connection) as con:
            for record in records:
                _write_one(con, record)

    def close_interrupted(self) -> int:
        """Sessions a killed process left open: ended ``interrupted``, their open view left by the same; how many."""
        with _transaction(self.connection) as con:
            open_keys = "SELECT key FROM sessions WHERE end_reason IS NULL"
            con.execute(
                f"UPDATE views SET left_by = 'interrupted' WHERE left_by = 'open' AND session_key IN ({open_keys})"
            )
            count = con.execute("UPDATE sessions SET end_reason = 'interrupted' WHERE end_reason IS NULL").rowcount
        return int(count)

    def prune(self, today: date, retention_days: int) -> int:
        """Remove what is older than ``retention_days`` before ``today`` (and stories no view refers to any more);
        returns how many sessions went."""
        cutoff = day_text(today - timedelta(days=retention_days))
        with _transaction(self.connection) as con:
            con.execute("DELETE FROM views WHERE session_key IN (SELECT key FROM sessions WHERE day < ?)", (cutoff,))
            con.execute("DELETE FROM views WHERE day < ?", (cutoff,))
            gone = con.execute("DELETE FROM sessions WHERE day < ?", (cutoff,)).rowcount
            con.execute("DELETE FROM events WHERE day < ?", (cutoff,))
            con.execute(
                "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM views v WHERE v.story_id = stories.story_id "
                "AND v.story_version = stories.version)"
            )
        return int(gone)

    # Small queries ------------------------------------------------------------------------------------------
    def sessions_on(self, day: date) -> int:
        """How many visitor sessions started on ``day`` (local date)."""
        row = self.connection.execute("SELECT COUNT(*) FROM sessions WHERE day = ?", (day_text(day),)).fetchone()
        return int(row[0])

    def last_touch(self) -> datetime | None:
        """The last touch of any recorded session (local time, to the second), or None before the first visit."""
        row = self.connection.execute("SELECT MAX(last_touch_at) FROM sessions").fetchone()
        return None if row[0] is None else datetime.fromisoformat(row[0])

    def integrity(self) -> str:
        """``PRAGMA integrity_check``'s answer: 'ok' for a sound database."""
        return str(self.connection.execute("PRAGMA integrity_check").fetchone()[0])


@contextmanager
def _transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is committed, or (on any exception) none of it."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise


def _write_one(con: sqlite3.Connection, record: Record) -> None:
    if isinstance(record, SessionState):
        started = record.started_at
        con.execute(
            "INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.key,
                moment(started),
                day_text(started.date()),
                started.weekday(),
                started.hour,
                record.content_version,
                record.language_start,
                record.language_end,
                record.language_switches,
                record.swipes,
                record.duration_s,
                record.engaged_s,
                moment(record.last_touch_at),
                record.reached,
                ",".join(record.pillars),
                record.end_reason,
            ),
        )
    elif isinstance(record, ViewState):
        con.execute(
            "INSERT OR REPLACE INTO views VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.session_key,
                record.seq,
                record.kind,
                record.pillar_id,
                record.story_id,
                record.story_version,
                record.language,
                moment(record.shown_at),
                day_text(record.shown_at.date()),
                record.dwell_s,
                record.left_by,
                None if record.read_to_end is None else int(record.read_to_end),
            ),
        )
    elif isinstance(record, Happened):
        con.execute(
            "INSERT INTO events (session_key, at, day, kind, detail) VALUES (?, ?, ?, ?, ?)",
            (record.session_key, moment(record.at), day_text(record.at.date()), record.kind, record.detail),
        )
    elif isinstance(record, StorySeen):
        con.execute(
            "INSERT OR IGNORE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                record.story_id,
                record.version,
                record.pillar_id,
                record.kind,
                record.title_zh,
                record.title_en,
                json.dumps(record.reading_s, sort_keys=True),
            ),
        )
    elif isinstance(record, PillarSeen):
        con.execute(
            "INSERT OR REPLACE INTO pillars VALUES (?, ?, ?, ?)",
            (record.pillar_id, record.title_zh, record.title_en, record.accent),
        )
    else:
        raise TypeError(f"not an analytics record: {record!r}")
