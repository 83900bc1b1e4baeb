"""Honest figures: a simulated week of visits driven through the real exhibit controller with a hand-driven clock
(touches as the gesture filter reports them, the idle reset by the idle loop) gives exactly the counts and dwell
times that a plain model of the same visits predicts — in the report's tables, its CSV files and its page."""

from __future__ import annotations

import csv
import random
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.analytics.report import write_report
from kiosk.analytics.store import FILE_NAME, AnalyticsStore
from kiosk.analytics.stories import story_seen
from kiosk.analytics.tables import LENGTH_BINS, Period, all_tables
from kiosk.exhibit.navigation import Attract, pillar_order, story_counts
from kiosk.qt.service.visitor_log import install_visitor_log
from kiosk.settings.model import FolderSettings, Settings

from ..exhibit_fixtures import Harness

pytestmark = pytest.mark.gui
WEEK = datetime(2026, 11, 23)  # a Monday
VISITS_PER_DAY = (3, 2, 4, 2, 3, 5, 4)


@dataclass
class View:
    kind: str
    story: tuple[str, int] | None = None  # (pillar, index)
    language: str = "zh"  # the language it was shown in
    dwell: float = 0.0
    by_touch: bool = True  # left by the visitor's touch (else by the idle reset)


@dataclass
class Visit:
    """What one visitor does: the plan, and what a plain model says it must come to."""

    start: datetime
    steps: list[tuple[str, object, float]]  # (action, argument, seconds until the next touch)
    views: list[View] = field(default_factory=list)
    engaged: float = 0.0
    language: str = "zh"


def plan_week(harness: Harness, rng: random.Random) -> list[Visit]:
    content = harness.controller.content
    counts, pillars = story_counts(content), pillar_order(content)
    visits = []
    for day, n in enumerate(VISITS_PER_DAY):
        starts = sorted(rng.sample(range(9 * 60, 17 * 60, 5), n))  # a visit takes less than 5 minutes
        for minute in starts:
            steps: list[tuple[str, object, float]] = [("home", None, float(rng.randint(2, 20)))]
            if rng.random() < 0.35:
                steps.append(("language", "en", float(rng.randint(1, 5))))
            if rng.random() < 0.8:
                pillar = rng.choice(pillars)
                steps.append(("pillar", pillar, float(rng.randint(3, 30))))
                index = rng.randrange(counts[pillar])
                for _ in range(rng.choice((0, 1, 1, 2))):
                    if index >= counts[pillar]:
                        break
                    need = story_seen(content, pillar, index).reading_s
                    steps.append(("story", (pillar, index), need))  # the wait is set below, by language
                    index += 1
                if rng.random() < 0.5 and any(s[0] == "story" for s in steps):
                    steps.append(("close", None, float(rng.randint(2, 10))))
            elif rng.random() < 0.5:
                steps.append(("outlook", None, float(rng.randint(5, 30))))
            visits.append(Visit(WEEK + timedelta(days=day, minutes=minute), steps))
    # Story waits: read (its reading time + 2 s) or left early (reading time − 1.5 s), in the visit's language
    for visit in visits:
        language = "zh"
        for i, (action, argument, wait) in enumerate(visit.steps):
            if action == "language":
                language = str(argument)
            if action == "story":
                need = wait[language]  # type: ignore[index]
                visit.steps[i] = (action, argument, need + 2 if rng.random() < 0.6 else need - 1.5)
    return visits


def model(visit: Visit, idle_timeout_s: float) -> None:
    """The views, reads and time in use the visit must give, worked out from its plan alone."""
    views: list[View] = []
    language = "zh"
    for action, argument, wait in visit.steps:
        if action == "language":
            language = str(argument)
            views[-1].dwell += wait  # the same screen goes on, in the other language
            continue
        kind = {"home": "home", "pillar": "pillar", "story": "story", "close": "pillar", "outlook": "outlook"}[action]
        story = argument if kind == "story" else None
        views.append(View(kind, story=story, language=language, dwell=wait))  # type: ignore[arg-type]
    visit.language = language
    visit.engaged = sum(wait for _, _, wait in visit.steps[:-1])
    views[-1].dwell += idle_timeout_s + 1  # the last screen stays until the reset
    views[-1].by_touch = False
    visit.views = views


def drive(harness: Harness, visit: Visit, wall) -> None:
    controller, clock = harness.controller, harness.clock
    clock.advance((visit.start - wall()).total_seconds())
    for action, argument, wait in visit.steps:
        controller.gestures.activity.emit()  # a finger comes down: what the gesture filter reports first
        if action == "home":
            assert controller.screen != Attract()  # the touch woke it
        elif action == "language":
            assert controller.set_language(str(argument))
        elif action == "pillar":
            assert controller.open_pillar(str(argument)) is not None
        elif action == "story":
            pillar, index = argument  # type: ignore[misc]
            opened = controller.open_story(index) if controller.sheet is None else controller.next_story()
            assert opened is not None
        elif action == "close":
            assert controller.close_story() is not None
        elif action == "outlook":
            assert controller.open_outlook() is not None
        clock.advance(wait)
    clock.advance(controller.settings.idle_timeout_s + 1)
    controller.check_idle()  # what the idle timer does when it fires
    assert controller.screen == Attract()


def test_a_simulated_week_gives_exactly_the_figures_the_report_shows(harness: Harness, tmp_path: Path) -> None:
    clock = harness.clock
    base = clock()
    wall = lambda: WEEK + timedelta(seconds=clock() - base)  # noqa: E731
    log = install_visitor_log(harness.controller, Settings(folders=FolderSettings(state_dir=tmp_path)), wall, clock)
    assert log is not None
    visits = plan_week(harness, random.Random(2026))
    timeout = harness.controller.settings.idle_timeout_s
    try:
        for visit in visits:
            model(visit, timeout)
            drive(harness, visit, wall)
            log.checkpoint()
    finally:
        log.stop()
    # Stories are keyed by id in the model; the plan names them by (pillar, index).
    content = harness.controller.content
    store = AnalyticsStore.open(tmp_path / FILE_NAME, read_only=True)
    tables = all_tables(store.connection, Period(WEEK.date(), WEEK.date() + timedelta(days=6)))
    store.close()

    per_day = {row[0]: (row[1], row[2]) for row in tables["sessions_per_day"].rows}
    for day in range(7):
        date = (WEEK + timedelta(days=day)).date().isoformat()
        lengths = [v.engaged for v in visits if v.start.date().isoformat() == date]
        assert per_day[date] == (len(lengths), round(statistics.median(lengths), 1)), date

    hours = {(row[0], row[1]): row[2] for row in tables["sessions_per_hour_of_week"].rows if row[2]}
    expected_hours: dict[tuple[str, int], int] = {}
    for v in visits:
        key = (("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[v.start.weekday()], v.start.hour)
        expected_hours[key] = expected_hours.get(key, 0) + 1
    assert hours == expected_hours

    bins = {row[0]: row[3] for row in tables["session_length"].rows}
    assert bins == {label: sum(low <= v.engaged < high for v in visits) for label, low, high in LENGTH_BINS}

    funnel = {row[0]: row[3] for row in tables["funnel"].rows}
    assert funnel == {
        "attract": len(visits) + 1,  # the one at start, and one after each visit
        "home": len(visits),
        "pillar": sum(any(w.kind in ("pillar", "story") for w in v.views) for v in visits),
        "story": sum(any(w.kind == "story" for w in v.views) for v in visits),
        "read": sum(any(is_read(w, v, content) for w in v.views) for v in visits),
    }

    story_rows = {row[1]: row for row in tables["stories"].rows}
    expected_stories: dict[str, list[tuple[View, Visit]]] = {}
    for v in visits:
        for w in v.views:
            if w.kind == "story":
                expected_stories.setdefault(story_id(w, content), []).append((w, v))
    assert set(story_rows) == set(expected_stories)
    for sid, seen in expected_stories.items():
        row = story_rows[sid]
        touch = [w.dwell for w, _ in seen if w.by_touch]
        median = round(statistics.median(touch), 1) if touch else None
        reads = sum(is_read(w, v, content) for w, v in seen)
        assert row[5:] == (len(seen), reads, len(seen) - len(touch), median), sid

    languages = {row[0]: row[1] for row in tables["languages"].rows}
    assert languages == {lang: sum(v.language == lang for v in visits) for lang in ("zh", "en")}

    # The page and the CSV files say the same.
    week = Period(WEEK.date(), WEEK.date() + timedelta(days=6))
    written = write_report(tables, week, tmp_path / "report", font=None, generated=datetime(2026, 11, 30, 9, 0))
    page = written[0].read_text(encoding="utf-8")
    assert f"{len(visits)} sessions in 7 days" in page
    with (tmp_path / "report" / "funnel.csv").open(encoding="utf-8-sig") as handle:
        assert {row["stage"]: int(row["count"]) for row in csv.DictReader(handle)} == funnel


def story_id(view: View, content) -> str:
    assert view.story is not None
    return story_seen(content, *view.story).story_id


def is_read(view: View, visit: Visit, content) -> bool:
    """Open for its reading time in the language it was shown in, then left by a touch."""
    if view.kind != "story" or not view.by_touch:
        return False
    assert view.story is not None
    return view.dwell >= story_seen(content, *view.story).reading_s[view.language]
