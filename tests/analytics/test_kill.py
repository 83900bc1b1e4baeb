"""SIGKILL at any moment: a process recording visits as the exhibit does (the tracker's checkpoints handed to the
writer thread) is killed at random points, 30 times, on one database. Each time the database opens, passes
``PRAGMA integrity_check``, and holds every session the process had seen written before it died."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.analytics.store import AnalyticsStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
WRITER = """
import sys
from datetime import datetime, timedelta
from kiosk.analytics.store import AnalyticsStore
from kiosk.analytics.tracker import VisitTracker
from kiosk.analytics.writer import BackgroundWriter
from kiosk.clock import ManualClock
from kiosk.content.loader import load_content
from kiosk.exhibit.navigation import Attract, Home, PillarPage, StoryDetail

path, content_dir, run = sys.argv[1], sys.argv[2], int(sys.argv[3])
content = load_content(content_dir).content
clock = ManualClock(0.0)
start = datetime(2026, 1, 1) + timedelta(days=100 * run)  # each run has days of its own
tracker = VisitTracker(lambda: start + timedelta(seconds=clock()), clock, content)
def prepare(store):
    store.close_interrupted()
from pathlib import Path
writer = BackgroundWriter(lambda: AnalyticsStore.open(Path(path)), prepare)
pillar = content.pillars[0].id
ended = 0
while True:
    tracker.navigated(Attract(), Home(), "zh")
    clock.advance(3)
    tracker.navigated(Home(), PillarPage(pillar), "zh")
    writer.submit(tracker.take())
    tracker.navigated(PillarPage(pillar), StoryDetail(pillar, 0), "zh")
    clock.advance(20)
    tracker.navigated(StoryDetail(pillar, 0), Attract(), "zh")
    writer.submit(tracker.take())
    ended += 1
    if ended % 5 == 0:
        writer.flush()
        print(ended, flush=True)  # this many ended sessions are in the database
"""


def test_a_database_killed_while_writing_opens_whole_and_keeps_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "analytics.sqlite3"
    rng = random.Random(16)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    expected = 0
    for run in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(ROOT / "content"), str(run)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # it is writing
        assert first.strip(), "the writer did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        reported = int([first, *out.splitlines()][-1])
        store = AnalyticsStore.open(path)
        assert store.integrity() == "ok", f"run {run}"
        first_day = date(2026, 1, 1) + timedelta(days=100 * run)
        ended = store.connection.execute(
            "SELECT COUNT(*) FROM sessions WHERE day >= ? AND day < ? AND end_reason = 'reset'",
            (first_day.isoformat(), (first_day + timedelta(days=100)).isoformat()),
        ).fetchone()[0]
        assert ended >= reported, f"run {run}: {reported} sessions were written, {ended} are there"
        expected += ended
        total = store.connection.execute("SELECT COUNT(*) FROM sessions WHERE end_reason = 'reset'").fetchone()[0]
        assert total == expected  # nothing written before is lost or changed by the later kills
        store.close()
