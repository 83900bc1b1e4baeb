"""``kiosk analytics report|export``: the database of the settings' state folder (or ``--database``), the period,
and plain refusals naming the file and what to do."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk import cli
from kiosk.analytics.store import FILE_NAME, AnalyticsStore
from kiosk.analytics.tracker import VisitTracker
from kiosk.exhibit.navigation import Attract, Home, PillarPage

from .fixtures import WallClock, shipped_content


def recorded_state(tmp_path: Path) -> Path:
    """A settings file whose state folder holds two visits, on 2026-11-30 and 2026-12-02."""
    state = tmp_path / "state"
    clock = WallClock()
    tracker = VisitTracker(clock.wall, clock.mono, shipped_content())
    pillar = shipped_content().pillars[0].id
    for day in (0, 2):
        clock.set(clock.start + timedelta(days=day, hours=10))
        tracker.navigated(Attract(), Home(), "zh")
        clock.advance(5)
        tracker.touched()
        tracker.navigated(Home(), PillarPage(pillar), "zh")
        clock.advance(70)
        tracker.navigated(PillarPage(pillar), Attract(), "zh")
    store = AnalyticsStore.open(state / FILE_NAME)
    store.write(tracker.take())
    store.close()
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"folders:\n  state_dir: {state}\n", encoding="utf-8")
    return config


def test_report_writes_the_page_and_the_csv_files_of_the_recorded_days(tmp_path: Path, capsys) -> None:
    config = recorded_state(tmp_path)
    assert cli.main(["analytics", "report", "--config", str(config), "--out", str(tmp_path / "out")]) == 0
    assert "2026-11-30 to 2026-12-02" in capsys.readouterr().out
    page = (tmp_path / "out" / "visitor-report.html").read_text(encoding="utf-8")
    assert "2 sessions in 3 days" in page and "@font-face" in page
    days = (tmp_path / "out" / "sessions_per_day.csv").read_text(encoding="utf-8-sig").splitlines()
    assert days == [
        "day,sessions,median_time_in_use_s",
        "2026-11-30,1,5.0",
        "2026-12-01,0,",
        "2026-12-02,1,5.0",
    ]


def test_export_writes_the_csv_files_of_a_period_into_a_folder_of_their_own(tmp_path: Path, capsys) -> None:
    config = recorded_state(tmp_path)
    args = ["analytics", "export", "--config", str(config), "--out", str(tmp_path / "stick"), "--from", "2026-12-01"]
    assert cli.main(args) == 0
    folder = tmp_path / "stick" / "visitor-analytics-2026-12-01_2026-12-02"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.csv"
        for name in (
            "overview",
            "sessions_per_day",
            "sessions_per_hour_of_week",
            "session_length",
            "funnel",
            "pillars",
            "stories",
            "languages",
        )
    )
    assert "overview.csv" not in capsys.readouterr().err
    overview = (folder / "overview.csv").read_text(encoding="utf-8-sig")
    assert "sessions,1\n" in overview  # only the session of 2026-12-02


def test_refusals_say_what_is_wrong(tmp_path: Path, capsys) -> None:
    out = ["--out", str(tmp_path / "out")]
    assert cli.main(["analytics", "report", "--database", str(tmp_path / "none.sqlite3"), *out]) == 1
    assert "no analytics database here (nothing was recorded yet)" in capsys.readouterr().err
    config = recorded_state(tmp_path)
    args = ["analytics", "report", "--config", str(config), *out, "--from", "2026-12-05", "--to", "2026-12-01"]
    assert cli.main(args) == 1
    assert "--from 2026-12-05 is after --to 2026-12-01" in capsys.readouterr().err
    assert cli.main(["analytics", "export", "--config", str(config), *out, "--from", "1 December"]) == 1
    assert "'1 December' is not a date like 2026-12-01" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_small_queries_other_parts_use(tmp_path: Path) -> None:
    config = recorded_state(tmp_path)
    store = AnalyticsStore.open(config.parent / "state" / FILE_NAME, read_only=True)
    assert [store.sessions_on(date(2026, 11, 30) + timedelta(days=d)) for d in range(4)] == [1, 0, 1, 0]
    assert store.last_touch() == datetime(2026, 12, 2, 10, 0, 5)
