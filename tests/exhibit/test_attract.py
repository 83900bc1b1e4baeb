"""The attract playlist's order and which slide shows when, looping forever."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.loader import load_content
from kiosk.content.model import Content
from kiosk.exhibit.attract import AttractLoop, NumberSlide, PillarSlide, TitleSlide, build_playlist
from kiosk.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def content() -> Content:
    result = load_content(PROJECT_ROOT / "content")
    assert result.content is not None
    return result.content


def test_shipped_playlist_alternates_numbers_and_pillars(content: Content) -> None:
    assert build_playlist(content) == (
        TitleSlide(),
        NumberSlide("nature-index-rank"),
        PillarSlide("national-strategy"),
        NumberSlide("gii-cluster-rank"),
        PillarSlide("industry"),
        NumberSlide("national-awards"),
        PillarSlide("commercialisation"),
        NumberSlide("unicorns"),
        PillarSlide("ecosystem"),
        NumberSlide("academicians"),
    )


def test_playlist_follows_pillar_order_not_file_order(content: Content) -> None:
    reordered = content.model_copy(update={"pillars": tuple(reversed(content.pillars))})
    pillars = [s.pillar_id for s in build_playlist(reordered) if isinstance(s, PillarSlide)]
    assert pillars == ["national-strategy", "industry", "commercialisation", "ecosystem"]


def test_more_pillars_than_numbers_finish_the_list(content: Content) -> None:
    exhibit = content.exhibit.model_copy(update={"headline_numbers": ["unicorns"]})
    playlist = build_playlist(content.model_copy(update={"exhibit": exhibit}))
    assert playlist == (
        TitleSlide(),
        NumberSlide("unicorns"),
        PillarSlide("national-strategy"),
        PillarSlide("industry"),
        PillarSlide("commercialisation"),
        PillarSlide("ecosystem"),
    )


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
    assert loop.slide_s == 7.0 and loop.playlist == PLAYLIST
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
