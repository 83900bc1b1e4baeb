"""The session reducer: a visit is the screens between a wake and the return to the attract loop, each with its
dwell time; language switches and swipes are counted; a story is read to the end after its reading time."""

from __future__ import annotations

import itertools

from kiosk.analytics.records import Happened, SessionState, StorySeen, ViewState
from kiosk.analytics.stories import reading_time_s, story_seen
from kiosk.analytics.tracker import VisitTracker
from kiosk.exhibit.navigation import Attract, Home, OutlookPage, PillarPage, StoryDetail

from .fixtures import WallClock, shipped_content

PILLAR = shipped_content().pillars[0].id


def tracker(clock: WallClock) -> VisitTracker:
    keys = (f"s{i}" for i in itertools.count(1))
    return VisitTracker(clock.wall, clock.mono, shipped_content(), new_key=lambda: next(keys))


def test_a_visit_records_each_screen_with_its_dwell_and_ends_at_the_reset() -> None:
    clock = WallClock()
    t = tracker(clock)
    t.navigated(Attract(), Home(), "zh")
    clock.advance(5)
    t.touched()
    t.navigated(Home(), PillarPage(PILLAR), "zh")
    clock.advance(12)
    t.touched()
    t.navigated(PillarPage(PILLAR), StoryDetail(PILLAR, 0), "zh")
    need = story_seen(shipped_content(), PILLAR, 0).reading_s["zh"]
    clock.advance(need + 1)
    t.navigated(StoryDetail(PILLAR, 0), PillarPage(PILLAR), "zh")
    clock.advance(60)
    t.navigated(PillarPage(PILLAR), Attract(), "zh")
    records = t.take()
    views = [r for r in records if isinstance(r, ViewState)]
    assert [(v.seq, v.kind, v.dwell_s, v.left_by) for v in views] == [
        (0, "home", 5.0, "touch"),
        (1, "pillar", 12.0, "touch"),
        (2, "story", need + 1, "touch"),
        (3, "pillar", 60.0, "reset"),
    ]
    assert views[2].read_to_end is True and views[2].story_id == shipped_content().pillars[0].cards[0].id
    final = [r for r in records if isinstance(r, SessionState)][-1]
    assert (final.end_reason, final.duration_s, final.engaged_s, final.reached) == ("reset", 78 + need, 17.0, "read")
    assert final.pillars == (PILLAR,)
    assert sum(isinstance(r, StorySeen) for r in records) == 1
    assert [r.kind for r in records if isinstance(r, Happened)] == ["attract"]
    assert not t.in_session and t.take() == []


def test_a_story_left_before_its_reading_time_is_left_not_read() -> None:
    clock = WallClock()
    t = tracker(clock)
    t.navigated(Attract(), Home(), "en")
    t.navigated(Home(), PillarPage(PILLAR), "en")
    t.navigated(PillarPage(PILLAR), StoryDetail(PILLAR, 1), "en")
    clock.advance(story_seen(shipped_content(), PILLAR, 1).reading_s["en"] - 0.5)
    t.navigated(StoryDetail(PILLAR, 1), StoryDetail(PILLAR, 2), "en")
    story = [r for r in t.take() if isinstance(r, ViewState) and r.kind == "story"]
    assert story[0].read_to_end is False
    assert story[1].left_by == "open" and story[1].dwell_s == 0.0  # the one on screen, as it is now


def test_language_switches_and_swipes_are_counted_in_the_session() -> None:
    clock = WallClock()
    t = tracker(clock)
    t.swiped("outside a visit")  # not counted: no session
    t.navigated(Attract(), Home(), "zh")
    t.navigated(Home(), Home(), "en")
    t.navigated(Home(), PillarPage(PILLAR), "en")
    t.swiped(f"{PILLAR}/cards")
    t.swiped(f"{PILLAR}/cards")
    t.navigated(PillarPage(PILLAR), PillarPage(PILLAR), "zh")
    records = t.take()
    state = [r for r in records if isinstance(r, SessionState)][-1]
    assert (state.language_start, state.language_end, state.language_switches, state.swipes) == ("zh", "zh", 2, 2)
    assert state.end_reason is None and state.reached == "pillar"
    assert [(r.kind, r.detail) for r in records if isinstance(r, Happened)] == [
        ("language", "zh>en"),
        ("swipe", f"{PILLAR}/cards"),
        ("swipe", f"{PILLAR}/cards"),
        ("language", "en>zh"),
    ]
    views = [r for r in records if isinstance(r, ViewState)]
    assert [(v.kind, v.language) for v in views] == [("home", "zh"), ("pillar", "en")]


def test_checkpoints_give_the_open_session_as_it_is_now_and_the_visit_is_not_repeated() -> None:
    clock = WallClock()
    t = tracker(clock)
    t.navigated(Attract(), Home(), "zh")
    first = t.take()
    assert [type(r).__name__ for r in first] == ["SessionState", "ViewState", "SessionState"]
    clock.advance(3)
    t.navigated(Home(), OutlookPage(), "zh")
    clock.advance(4)
    second = t.take()
    assert [(type(r).__name__, getattr(r, "dwell_s", None)) for r in second] == [
        ("ViewState", 3.0),
        ("ViewState", 4.0),
        ("SessionState", None),
    ]
    assert second[-1].duration_s == 7.0  # type: ignore[union-attr]


def test_the_wake_touch_starts_the_session_and_a_stop_ends_it() -> None:
    clock = WallClock()
    t = tracker(clock)
    t.navigated(Attract(), Attract(), "en")  # a language change on the attract loop is no visit
    assert not t.in_session
    t.navigated(Attract(), Home(), "zh")
    clock.advance(2)
    t.touched()
    t.stop()
    final = [r for r in t.take() if isinstance(r, SessionState)][-1]
    assert (final.end_reason, final.engaged_s, final.duration_s) == ("reset", 2.0, 2.0)


def test_reading_time_follows_the_length_of_the_text_within_bounds() -> None:
    assert reading_time_s("短", "zh") == 4.0
    assert reading_time_s("字" * 80, "zh") == 10.0
    assert reading_time_s("x" * 150, "en") == 10.0
    assert reading_time_s("字" * 10_000, "zh") == 45.0


def test_an_edited_story_is_another_version() -> None:
    content = shipped_content()
    seen = story_seen(content, PILLAR, 0)
    pillar = content.pillars[0]
    card = pillar.cards[0].model_copy(
        update={"achievement": pillar.cards[0].achievement.model_copy(update={"zh": "改"})}
    )
    edited = content.model_copy(
        update={"pillars": (pillar.model_copy(update={"cards": [card, *pillar.cards[1:]]}), *content.pillars[1:])}
    )
    again = story_seen(edited, PILLAR, 0)
    assert again.story_id == seen.story_id and again.version != seen.version
