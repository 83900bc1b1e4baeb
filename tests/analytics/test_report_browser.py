"""The report page in a real headless browser (Chromium): it opens from the file with no network, draws every
chart (the page's own script counts the charts that take room), and its screenshot shows the charts' colours."""

from __future__ import annotations

import random
import re
import shutil
import struct
import subprocess
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.analytics import charts
from kiosk.analytics.report import write_report
from kiosk.analytics.store import AnalyticsStore
from kiosk.analytics.tables import all_tables, recorded_period
from kiosk.analytics.tracker import VisitTracker
from kiosk.exhibit.navigation import Attract, Home, OutlookPage, PillarPage, Screen, StoryDetail, story_counts
from kiosk.paths import default_assets_dir

from .fixtures import WallClock, shipped_content

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="needs Chromium (scripts/setup-env installs it for tests)")
CHARTS = 7  # sessions a day, hours of the week, lengths, funnel, pillars, stories, languages
WIDTH, HEIGHT = 1100, 4300


def simulated_week(path: Path) -> None:
    """About 150 random visits over a week, through the real session reducer, into a database at ``path``."""
    content = shipped_content()
    clock = WallClock(datetime(2026, 11, 23))
    tracker = VisitTracker(clock.wall, clock.mono, content)
    rng, counts = random.Random(5), story_counts(content)
    tracker.attract_began()
    for day in range(7):
        for minute in sorted(rng.sample(range(9 * 60, 18 * 60, 4), rng.randint(10, 35))):
            clock.set(clock.start + timedelta(days=day, minutes=minute))
            screen: Screen = Home()
            language = "zh"
            tracker.navigated(Attract(), screen, language)
            if rng.random() < 0.3:
                language = "en"
                tracker.navigated(screen, screen, language)
            clock.advance(rng.uniform(2, 15))
            tracker.touched()
            if rng.random() < 0.8:
                pillar = rng.choice(list(counts))
                tracker.navigated(screen, screen := PillarPage(pillar), language)
                clock.advance(rng.uniform(3, 30))
                tracker.touched()
                if rng.random() < 0.6:
                    tracker.navigated(screen, screen := StoryDetail(pillar, rng.randrange(counts[pillar])), language)
                    clock.advance(rng.uniform(2, 50))
                    tracker.touched()
                    tracker.navigated(screen, screen := PillarPage(pillar), language)
            else:
                tracker.navigated(screen, screen := OutlookPage(), language)
                clock.advance(rng.uniform(5, 30))
            clock.advance(60)
            tracker.navigated(screen, Attract(), language)
    store = AnalyticsStore.open(path)
    store.write(tracker.take())
    store.close()


def browser(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd, check=False)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) bytes of an 8-bit, non-interlaced PNG (what Chromium writes); pure Python,
    so this test needs no Qt (no image library before an application exists)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "an 8-bit RGB or RGBA PNG"
    channels = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, rows


def share_of(rows: list[bytes], colour: str, tolerance: int = 14) -> float:
    """The share of pixels within ``tolerance`` of ``colour`` (every 4th pixel of every 4th row)."""
    target = bytes.fromhex(colour.lstrip("#"))
    hits = total = 0
    for row in rows[::4]:
        for x in range(0, len(row) // 3, 4):
            pixel = row[3 * x : 3 * x + 3]
            total += 1
            hits += all(abs(a - b) <= tolerance for a, b in zip(pixel, target))
    return hits / total


def test_the_report_opens_offline_in_chromium_and_draws_every_chart(tmp_path: Path) -> None:
    database = tmp_path / "analytics.sqlite3"
    simulated_week(database)
    store = AnalyticsStore.open(database, read_only=True)
    period = recorded_period(store.connection)
    assert period is not None
    tables = all_tables(store.connection, period)
    store.close()
    font = (default_assets_dir() / "fonts" / "NotoSansSC-Regular.otf").read_bytes()
    page = write_report(tables, period, tmp_path / "report", font=font, generated=datetime(2026, 11, 30, 9))[0]
    text = page.read_text(encoding="utf-8")
    # Nothing to fetch: no script, style, font or picture from elsewhere, and a policy that forbids any fetch.
    assert not re.search(r"""(src|href)\s*=\s*["']?(?!data:)""", text)
    assert "default-src 'none'" in text
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) == {"http://www.w3.org/2000/svg"}  # a namespace name

    dom = browser("--virtual-time-budget=3000", "--dump-dom", page.as_uri(), cwd=tmp_path)
    assert f'data-charts-drawn="{CHARTS}"' in dom.stdout, dom.stderr[-2000:]

    shot = tmp_path / "report.png"
    browser(f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", page.as_uri(), cwd=tmp_path)
    width, height, rows = read_png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    assert share_of(rows, charts.NAVY) > 0.2  # the exhibit's ground
    assert share_of(rows, charts.PANEL) > 0.2  # the charts' cards
    for colour in (charts.GOLD, charts.KAPOK, charts.SKY):  # bars of the days, the weekend, the lengths
        assert share_of(rows, colour) > 0.003, colour
