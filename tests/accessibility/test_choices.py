"""The visitor's accessibility choices: all off at first and after the reset, ten times the idle time while any is
on, every change heard by the listeners."""

from __future__ import annotations

import pytest

from kiosk.accessibility.choices import CHOICES, MODES, PATIENCE_FACTOR, AccessChoices, AccessState


def test_every_choice_starts_off() -> None:
    choices = AccessChoices()
    assert not choices.any_on
    assert [c for c in CHOICES if choices.is_on(c)] == []
    assert choices.text_scale == 1.0


@pytest.mark.parametrize("choice", CHOICES)
def test_any_one_choice_gives_ten_times_the_idle_time(choice: str) -> None:
    choices = AccessChoices().with_choice(choice, True)  # type: ignore[arg-type]
    assert choices.any_on
    assert choices.idle_timeout_s(60) == 60 * PATIENCE_FACTOR >= 600
    assert AccessChoices().idle_timeout_s(60) == 60


def test_large_text_is_at_least_one_point_four_times() -> None:
    assert AccessChoices(large_text=True).text_scale >= 1.4
    assert 28 * AccessChoices(large_text=True).text_scale >= 40  # the smallest body text


def test_an_unknown_choice_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="no accessibility choice 'huge'"):
        AccessChoices().with_choice("huge", True)  # type: ignore[arg-type]


def test_reset_turns_everything_off_and_tells_the_listeners() -> None:
    state = AccessState()
    heard: list[tuple[AccessChoices, AccessChoices]] = []
    state.subscribe(lambda old, new: heard.append((old, new)))
    assert state.toggle("high_contrast") is True
    assert state.set("reach", True)
    assert not state.set("reach", True)  # no change, nothing heard
    assert state.choices == AccessChoices(high_contrast=True, reach=True)
    assert state.reset()
    assert state.choices == AccessChoices()
    assert not state.reset()  # already fresh
    assert [new for _old, new in heard] == [
        AccessChoices(high_contrast=True),
        AccessChoices(high_contrast=True, reach=True),
        AccessChoices(),
    ]


def test_every_render_mode_names_real_choices() -> None:
    assert MODES["default"] == ()
    for choices in MODES.values():
        assert set(choices) <= set(CHOICES)


def test_modes_combine_with_a_plus() -> None:
    from kiosk.accessibility.choices import mode_choices

    assert mode_choices("large-text+reach") == ("large_text", "reach")
    assert mode_choices("reach+large-text+reach") == ("reach", "large_text")
    assert mode_choices("default") == ()
    for bad in ("large-text+", "bogus", "default+reach", "large_text"):
        with pytest.raises(ValueError, match="the modes are"):
            mode_choices(bad)
