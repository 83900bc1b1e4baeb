"""Every action from every screen: the valid ones move as documented, all others change nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.loader import load_content
from kiosk.exhibit.navigation import (
    Attract,
    Home,
    Navigator,
    OutlookPage,
    PillarPage,
    Screen,
    StoryDetail,
    pillar_order,
    stories,
    story_counts,
)
from kiosk.paths import PROJECT_ROOT

COUNTS = {"a": 3, "b": 0, "c": 1}
IDS = ("a", "b", "c")


def make() -> tuple[Navigator, list[tuple[Screen, Screen]]]:
    nav = Navigator(COUNTS, IDS, "zh", ("zh", "en"))
    events: list[tuple[Screen, Screen]] = []
    nav.subscribe(lambda old, new: events.append((old, new)))
    return nav, events


def drive_to(nav: Navigator, screen: Screen) -> None:
    """Reach ``screen`` through valid actions only."""
    if isinstance(screen, Attract):
        return
    nav.wake()
    if isinstance(screen, OutlookPage):
        nav.open_outlook()
    if isinstance(screen, PillarPage | StoryDetail):
        nav.open_pillar(screen.pillar_id)
    if isinstance(screen, StoryDetail):
        nav.open_story(screen.index)
    assert nav.screen == screen


ACTIONS: dict[str, Callable[[Navigator], object]] = {
    "wake": lambda n: n.wake(),
    "open_pillar(a)": lambda n: n.open_pillar("a"),
    "open_pillar(c)": lambda n: n.open_pillar("c"),
    "open_pillar(unknown)": lambda n: n.open_pillar("zzz"),
    "open_story(0)": lambda n: n.open_story(0),
    "open_story(2)": lambda n: n.open_story(2),
    "open_story(3)": lambda n: n.open_story(3),
    "open_story(-1)": lambda n: n.open_story(-1),
    "open_story(True)": lambda n: n.open_story(True),
    "open_story(1.0)": lambda n: n.open_story(1.0),  # type: ignore[arg-type]
    "next_story": lambda n: n.next_story(),
    "previous_story": lambda n: n.previous_story(),
    "close_story": lambda n: n.close_story(),
    "back": lambda n: n.back(),
    "home": lambda n: n.home(),
    "open_outlook": lambda n: n.open_outlook(),
    "go_idle": lambda n: n.go_idle(),
}

LEAVE = {"home": Home(), "go_idle": Attract()}
# Start screen -> the actions that change it, and where they lead. Every other action must change nothing.
VALID: dict[Screen, dict[str, Screen]] = {
    Attract(): {"wake": Home()},
    Home(): {
        "open_pillar(a)": PillarPage("a"),
        "open_pillar(c)": PillarPage("c"),
        "open_outlook": OutlookPage(),
        "go_idle": Attract(),
    },
    PillarPage("a"): {
        "open_pillar(c)": PillarPage("c"),
        "open_story(0)": StoryDetail("a", 0),
        "open_story(2)": StoryDetail("a", 2),
        "back": Home(),
        **LEAVE,
    },
    PillarPage("b"): {"open_pillar(a)": PillarPage("a"), "open_pillar(c)": PillarPage("c"), "back": Home(), **LEAVE},
    StoryDetail("a", 0): {
        "next_story": StoryDetail("a", 1),
        "close_story": PillarPage("a"),
        "back": PillarPage("a"),
        **LEAVE,
    },
    StoryDetail("a", 1): {
        "next_story": StoryDetail("a", 2),
        "previous_story": StoryDetail("a", 0),
        "close_story": PillarPage("a"),
        "back": PillarPage("a"),
        **LEAVE,
    },
    StoryDetail("a", 2): {
        "previous_story": StoryDetail("a", 1),
        "close_story": PillarPage("a"),
        "back": PillarPage("a"),
        **LEAVE,
    },
    StoryDetail("c", 0): {"close_story": PillarPage("c"), "back": PillarPage("c"), **LEAVE},
    OutlookPage(): {"open_pillar(a)": PillarPage("a"), "open_pillar(c)": PillarPage("c"), "back": Home(), **LEAVE},
}
CASES = [pytest.param(start, action, id=f"{start}-{action}") for start in VALID for action in ACTIONS]


@pytest.mark.parametrize(("start", "action"), CASES)
def test_action_from_screen(start: Screen, action: str) -> None:
    nav, events = make()
    drive_to(nav, start)
    events.clear()
    result = ACTIONS[action](nav)
    expected = VALID[start].get(action)
    if expected is None:
        assert result is None
        assert nav.screen == start and events == []
    else:
        assert result == expected
        assert nav.screen == expected and events == [(start, expected)]
    assert nav.language == "zh"


def test_stories_stop_at_the_ends_without_wrapping() -> None:
    nav, _ = make()
    drive_to(nav, StoryDetail("a", 0))
    assert [nav.next_story(), nav.next_story(), nav.next_story()] == [StoryDetail("a", 1), StoryDetail("a", 2), None]
    assert nav.screen == StoryDetail("a", 2)
    assert [nav.previous_story(), nav.previous_story(), nav.previous_story()][-1] is None
    assert nav.screen == StoryDetail("a", 0)


# -- language ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("screen", VALID)
def test_language_switches_on_every_screen_and_notifies_with_the_same_screen(screen: Screen) -> None:
    nav, events = make()
    drive_to(nav, screen)
    events.clear()
    assert nav.set_language("en") is True
    assert nav.language == "en" and nav.screen == screen and events == [(screen, screen)]
    assert nav.set_language("en") is False and events == [(screen, screen)]


@pytest.mark.parametrize("language", ["fr", "", "EN", None])
def test_unknown_language_is_refused(language) -> None:
    nav, events = make()
    drive_to(nav, Home())
    events.clear()
    assert nav.set_language(language) is False
    assert nav.language == "zh" and events == []


@pytest.mark.parametrize("screen", [s for s in VALID if not isinstance(s, Attract)])
def test_go_idle_resets_the_language(screen: Screen) -> None:
    nav, events = make()
    drive_to(nav, screen)
    nav.set_language("en")
    events.clear()
    assert nav.go_idle() == Attract()
    assert nav.language == "zh" and events == [(screen, Attract())]


def test_go_idle_on_the_attract_loop_still_resets_the_language() -> None:
    nav, events = make()
    nav.set_language("en")
    events.clear()
    assert nav.go_idle() is None
    assert nav.language == "zh" and events == [(Attract(), Attract())]
    assert nav.go_idle() is None and len(events) == 1


# -- subscribers ---------------------------------------------------------------------------------------------


def test_subscribers_are_called_in_order_and_can_unsubscribe() -> None:
    nav = Navigator(COUNTS, IDS, "zh", ("zh", "en"))
    calls: list[str] = []

    def first(old: Screen, new: Screen) -> None:
        calls.append(f"first {type(old).__name__}->{type(new).__name__}")

    def second(old: Screen, new: Screen) -> None:
        calls.append(f"second {type(old).__name__}->{type(new).__name__}")

    nav.subscribe(first)
    stop_second = nav.subscribe(second)
    nav.wake()
    assert calls == ["first Attract->Home", "second Attract->Home"]
    stop_second()
    nav.open_outlook()
    nav.unsubscribe(first)
    nav.unsubscribe(first)  # unknown now: ignored
    nav.back()
    assert calls == ["first Attract->Home", "second Attract->Home", "first Home->OutlookPage"]


def test_a_subscriber_sees_the_new_state_and_may_unsubscribe_while_called() -> None:
    nav = Navigator(COUNTS, IDS, "zh", ("zh", "en"))
    seen: list[object] = []

    def once(old: Screen, new: Screen) -> None:
        seen.append((nav.screen, old, new))
        nav.unsubscribe(once)

    nav.subscribe(once)
    nav.subscribe(lambda old, new: seen.append("other"))
    nav.wake()
    nav.home()
    nav.open_outlook()
    assert seen == [(Home(), Attract(), Home()), "other", "other"]


# -- setup and replace_content -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "ids", "default", "languages", "message"),
    [
        ({"a": 1}, ("a", "a"), "zh", ("zh",), "repeat"),
        ({"x": 1}, ("a",), "zh", ("zh",), "not listed"),
        ({"a": -1}, ("a",), "zh", ("zh",), "0 or more"),
        ({"a": 1}, ("a",), "en", ("zh",), "default language"),
    ],
)
def test_inconsistent_setup_is_a_clear_error(counts, ids, default, languages, message) -> None:
    with pytest.raises(ValueError, match=message):
        Navigator(counts, ids, default, languages)
    nav, events = make()
    drive_to(nav, StoryDetail("a", 1))
    with pytest.raises(ValueError, match=message):
        nav.replace_content(counts, ids, default, languages)
    assert nav.screen == StoryDetail("a", 1) and nav.pillar_ids == IDS
    assert nav.next_story() == StoryDetail("a", 2)


def test_pillars_missing_from_the_counts_have_no_stories() -> None:
    nav = Navigator({}, ("a",), "zh", ("zh",))
    nav.wake()
    assert nav.open_pillar("a") == PillarPage("a")
    assert nav.open_story(0) is None


@pytest.mark.parametrize(
    ("start", "counts", "ids", "repaired"),
    [
        (PillarPage("a"), {"c": 1}, ("c",), Home()),
        (StoryDetail("a", 2), {"c": 1}, ("c",), Home()),
        (StoryDetail("a", 2), {"a": 1, "c": 1}, ("a", "c"), StoryDetail("a", 0)),
        (StoryDetail("a", 1), {"a": 0}, ("a",), PillarPage("a")),
        (StoryDetail("a", 1), {"a": 5}, ("a",), None),
        (PillarPage("a"), {"a": 0}, ("a",), None),
        (OutlookPage(), {}, (), None),
        (Home(), {}, (), None),
        (Attract(), {}, (), None),
    ],
)
def test_replace_content_repairs_what_vanished(start, counts, ids, repaired) -> None:
    nav, events = make()
    drive_to(nav, start)
    events.clear()
    assert nav.replace_content(counts, ids, "zh", ("zh", "en")) == repaired
    assert nav.screen == (start if repaired is None else repaired)
    assert events == ([] if repaired is None else [(start, repaired)])


def test_replace_content_takes_the_new_pillars_and_languages() -> None:
    nav, events = make()
    drive_to(nav, Home())
    nav.set_language("en")
    events.clear()
    assert nav.replace_content({"d": 2}, ("d",), "zh", ("zh",)) is None
    assert nav.language == "zh" and events == [(Home(), Home())]
    assert nav.open_pillar("a") is None
    assert nav.open_pillar("d") == PillarPage("d") and nav.open_story(1) == StoryDetail("d", 1)
    assert nav.set_language("en") is False


def test_replace_content_keeps_a_language_still_offered() -> None:
    nav, events = make()
    nav.set_language("en")
    events.clear()
    nav.replace_content(COUNTS, IDS, "zh", ("en", "zh"))
    assert nav.language == "en" and events == []


# -- random use never raises and never leaves an impossible state --------------------------------------------

ANY_ACTION = st.one_of(
    st.sampled_from(sorted(ACTIONS)).map(lambda name: ACTIONS[name]),
    st.builds(lambda i: lambda n: n.open_story(i), st.integers(-3, 5)),
    st.builds(lambda p: lambda n: n.open_pillar(p), st.sampled_from(["a", "b", "c", "", "A"])),
    st.builds(lambda lang: lambda n: n.set_language(lang), st.sampled_from(["zh", "en", "fr"])),
)


@given(st.lists(ANY_ACTION, max_size=40))
def test_random_actions_keep_a_valid_state(actions) -> None:
    nav, events = make()
    for action in actions:
        before = (nav.screen, nav.language)
        action(nav)
        after = (nav.screen, nav.language)
        assert (before != after) == (len(events) > 0)
        if events:
            assert events == [(before[0], after[0])]
        events.clear()
        screen = nav.screen
        assert nav.language in ("zh", "en")
        if isinstance(screen, PillarPage | StoryDetail):
            assert screen.pillar_id in IDS
        if isinstance(screen, StoryDetail):
            assert 0 <= screen.index < COUNTS[screen.pillar_id]


# -- from the shipped content --------------------------------------------------------------------------------


def test_navigator_from_the_shipped_content() -> None:
    result = load_content(PROJECT_ROOT / "content")
    assert result.content is not None
    content = result.content
    ids = pillar_order(content)
    assert ids == ("national-strategy", "industry", "commercialisation", "ecosystem")
    counts = story_counts(content)
    for pillar in content.pillars:
        assert counts[pillar.id] == len(pillar.cards) + len(pillar.policies) == len(stories(pillar))
        assert stories(pillar)[: len(pillar.cards)] == tuple(pillar.cards)
    nav = Navigator(counts, ids, content.exhibit.default_language, content.exhibit.languages)
    assert nav.screen == Attract() and nav.language == content.exhibit.default_language
    assert nav.pillar_ids == ids and nav.languages == tuple(content.exhibit.languages)
    nav.wake()
    nav.open_pillar("ecosystem")
    last = counts["ecosystem"] - 1
    assert nav.open_story(last) == StoryDetail("ecosystem", last) and nav.next_story() is None


def test_waking_on_what_the_attract_loop_showed_goes_straight_there() -> None:
    for to, expected in [
        (PillarPage("b"), PillarPage("b")),
        (StoryDetail("a", 1), StoryDetail("a", 1)),
        (StoryDetail("a", 9), Home()),  # no such story: Home
        (PillarPage("zz"), Home()),  # no such pillar
        (None, Home()),
    ]:
        nav = Navigator({"a": 2, "b": 0}, ["a", "b"], "zh", ["zh", "en"])
        assert nav.wake(to) == expected
        assert nav.wake(to) is None  # awake already: nothing more


@pytest.mark.parametrize(
    ("screen", "likely"),
    [
        (Attract(), (Home(),)),
        (Home(), (PillarPage("a"), PillarPage("b"), PillarPage("c"), OutlookPage())),
        (PillarPage("a"), (StoryDetail("a", 0), StoryDetail("a", 1), StoryDetail("a", 2), Home())),
        (PillarPage("b"), (Home(),)),
        (StoryDetail("a", 0), (StoryDetail("a", 1),)),
        (StoryDetail("a", 1), (StoryDetail("a", 2), StoryDetail("a", 0))),
        (StoryDetail("a", 2), (StoryDetail("a", 1),)),
        (OutlookPage(), (Home(), PillarPage("a"), PillarPage("b"), PillarPage("c"))),
    ],
)
def test_the_likely_next_screens_are_ones_the_navigator_opens_from_there(screen: Screen, likely: tuple) -> None:
    nav, _events = make()
    drive_to(nav, screen)
    assert nav.likely_next() == likely
    assert screen not in nav.likely_next()


def test_the_likely_stories_are_limited() -> None:
    nav, _events = make()
    drive_to(nav, PillarPage("a"))
    assert nav.likely_next(limit_stories=1) == (StoryDetail("a", 0), Home())
