"""The attract playlist's order and which slide shows when, looping forever."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.loader import load_content
from kiosk.content.model import Content
from kiosk.exhibit.attract import (
    DEMO_S,
    PHASE_S,
    AttractLoop,
    ChartSlide,
    NumberSlide,
    PillarSlide,
    TitleSlide,
    build_playlist,
    chart_of,
    demo_starts,
    marks_for,
    moment,
    phase_s,
)
from kiosk.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def content() -> Content:
    result = load_content(PROJECT_ROOT / "content")
    assert result.content is not None
    return result.content


def test_shipped_playlist_draws_the_figures_between_the_pillars(content: Content) -> None:
    assert build_playlist(content) == (
        TitleSlide(),
        ChartSlide("national-strategy", "rankings"),  # nature-index-rank and gii-cluster-rank: one ladder
        PillarSlide("national-strategy"),
        ChartSlide("national-strategy", "awards-led-chart"),  # national-awards: 26 marks, 11 of them lit
        PillarSlide("industry"),
        NumberSlide("unicorns"),  # 24 marks
        PillarSlide("commercialisation"),
        NumberSlide("academicians"),  # 71 people
        PillarSlide("ecosystem"),
        ChartSlide("national-strategy", "axis-shares"),  # the charts no headline number brought in
        ChartSlide("ecosystem", "talent-rankings"),
    )


def test_playlist_follows_pillar_order_not_file_order(content: Content) -> None:
    reordered = content.model_copy(update={"pillars": tuple(reversed(content.pillars))})
    pillars = [s.pillar_id for s in build_playlist(reordered) if isinstance(s, PillarSlide)]
    assert pillars == ["national-strategy", "industry", "commercialisation", "ecosystem"]


def test_more_pillars_than_figures_finish_the_list(content: Content) -> None:
    exhibit = content.exhibit.model_copy(update={"headline_numbers": ["unicorns"]})
    pillars = tuple(p.model_copy(update={"charts": []}) for p in content.pillars)
    playlist = build_playlist(content.model_copy(update={"exhibit": exhibit, "pillars": pillars}))
    assert playlist == (
        TitleSlide(),
        NumberSlide("unicorns"),
        PillarSlide("national-strategy"),
        PillarSlide("industry"),
        PillarSlide("commercialisation"),
        PillarSlide("ecosystem"),
    )


def test_a_number_no_chart_draws_comes_as_itself(content: Content) -> None:
    pillars = tuple(
        p.model_copy(update={"charts": [c.model_copy(update={"numbers": []}) for c in p.charts]})
        for p in content.pillars
    )
    playlist = build_playlist(content.model_copy(update={"pillars": pillars}))
    numbers = [s.number_id for s in playlist if isinstance(s, NumberSlide)]
    assert numbers == list(content.exhibit.headline_numbers)
    charts = [s.chart_id for s in playlist if isinstance(s, ChartSlide)]
    assert charts == ["rankings", "awards-led-chart", "axis-shares", "talent-rankings"]  # each once, in pillar order


@pytest.mark.parametrize(
    ("number_id", "marks"),
    [
        ("unicorns", 24),
        ("academicians", 71),
        ("national-awards", 26),
        ("nature-index-rank", None),  # a rank: a ladder, not marks
        ("axis-hightech-share", None),  # a share
        ("awards-province-share", None),  # 近八成: an estimate
        ("university-students", None),  # 165万: too many to count out
        ("foreign-talent-growth", None),  # +40.3 %
    ],
)
def test_which_numbers_are_drawn_as_marks(content: Content, number_id: str, marks: int | None) -> None:
    assert marks_for(content.number(number_id)) == marks


def test_the_chart_that_draws_a_number(content: Content) -> None:
    found = chart_of(content, "gii-cluster-rank")
    assert found is not None and (found[0].id, found[1].id) == ("national-strategy", "rankings")
    assert chart_of(content, "unicorns") is None


# The timeline of a scene ---------------------------------------------------------------------------------------
def test_a_scene_enters_then_its_figure_appears_then_fills() -> None:
    start = moment(0.0, 7.0)
    assert (start.enter, start.appear, start.fill) == (0.0, 0.0, 0.0)
    middle = moment(3.6, 7.0)
    assert middle.enter == 1.0 and middle.appear == 1.0 and 0.0 < middle.fill < 0.2
    assert moment(6.9, 7.0).fill == 1.0
    assert phase_s(7.0) == phase_s(60.0) == PHASE_S
    assert phase_s(4.0) == pytest.approx(1.85)  # a short slide builds faster and is complete at its end
    assert moment(4.0 - 1e-9, 4.0).fill == pytest.approx(1.0)


@given(slide_s=st.floats(2.0, 120.0))
def test_a_touch_demonstration_comes_at_least_every_ten_seconds(slide_s: float) -> None:
    loop = AttractLoop((TitleSlide(), NumberSlide("n"), PillarSlide("p")), slide_s)
    assert loop.longest_without_demo() <= 10.0
    starts = demo_starts(slide_s)
    for start in starts:  # a whole demonstration within its scene, when the scene is long enough for one
        assert 0.0 <= start and start + min(DEMO_S, slide_s / len(starts)) <= slide_s + 1e-9


def test_the_demonstration_is_on_while_it_runs() -> None:
    (start,) = demo_starts(7.0)
    assert moment(start - 0.01, 7.0).demo is None
    assert moment(start + DEMO_S / 2, 7.0).demo == pytest.approx(0.5)
    assert moment(start + DEMO_S + 0.01, 7.0).demo is None


PLAYLIST = (TitleSlide(), NumberSlide("n"), PillarSlide("p"))


@pytest.mark.parametrize(
    ("elapsed_s", "index", "into"),
    [
        (0.0, 0, 0.0),
        (6.5, 0, 6.5),
        (7.0, 1, 0.0),
        (13.0, 1, 6.0),
        (14.0, 2, 0.0),
        (20.9, 2, 6.9),
        (21.0, 0, 0.0),
        (22.0, 0, 1.0),
        (7.0 * 3 * 1000 + 8.0, 1, 1.0),
        (-5.0, 0, 0.0),
    ],
)
def test_slide_at(elapsed_s: float, index: int, into: float) -> None:
    loop = AttractLoop(PLAYLIST, slide_s=7.0)
    got_index, slide, got_into = loop.slide_at(elapsed_s)
    assert (got_index, slide) == (index, PLAYLIST[index])
    assert got_into == pytest.approx(into)


def test_next_change_and_cycle() -> None:
    loop = AttractLoop(PLAYLIST, slide_s=7.0)
    assert loop.slide_s == 7.0 and loop.playlist == PLAYLIST and loop.cycle_s == 21.0
    assert loop.next_change_in(0.0) == 7.0
    assert loop.next_change_in(9.5) == pytest.approx(4.5)
    assert loop.slide_at(9.5 + loop.next_change_in(9.5))[0] == 2


@pytest.mark.parametrize("slide_s", [0.0, -1.0, float("nan"), float("inf")])
def test_slide_time_must_be_positive(slide_s: float) -> None:
    with pytest.raises(ValueError, match="slide_s"):
        AttractLoop(PLAYLIST, slide_s)


def test_an_empty_playlist_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        AttractLoop((), 7.0)


@given(slide_s=st.floats(0.5, 30.0), elapsed=st.floats(0.0, 1e6), size=st.integers(1, 12))
def test_every_time_maps_into_the_playlist(slide_s: float, elapsed: float, size: int) -> None:
    playlist = tuple(NumberSlide(str(i)) for i in range(size))
    index, slide, into = AttractLoop(playlist, slide_s).slide_at(elapsed)
    assert 0 <= index < size and slide == playlist[index]
    assert 0.0 <= into < slide_s
    assert index == int(elapsed // slide_s) % size
