"""Which screen the exhibit shows and in which language: a small state machine (pure Python, no Qt).

Rules, all enforced by :class:`Navigator`:

- Attract → Home by ``wake()`` (any touch), or straight to the pillar or story the touch was on with
  ``wake(to)``; nothing else works on the attract loop except ``go_idle()`` and ``set_language()``.
- ``open_pillar`` works from Home, Outlook and another pillar's page; not from the attract loop (wake first)
  nor from a story (the story sheet is closed first). Opening the pillar already shown changes nothing.
- ``open_outlook`` works from Home only.
- ``next_story`` / ``previous_story`` stop at the ends: no wrap, so a visitor always knows where the row ends.
- Every action returns the new screen when the screen changed and ``None`` when it did not (refused or
  already there). A refused action never raises and never changes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kiosk.content.model import Card, Content, Pillar, Policy


@dataclass(frozen=True)
class Attract:
    """The attract loop, shown while nobody touches the screen."""


@dataclass(frozen=True)
class Home:
    """The title, the pillar tiles and the headline figures."""


@dataclass(frozen=True)
class PillarPage:
    pillar_id: str


@dataclass(frozen=True)
class StoryDetail:
    """One story of a pillar over its page; ``index`` counts its cards first, then its policies."""

    pillar_id: str
    index: int


@dataclass(frozen=True)
class OutlookPage:
    """The tasks for 2025."""


Screen = Attract | Home | PillarPage | StoryDetail | OutlookPage
Listener = Callable[[Screen, Screen], None]
Story = Card | Policy


def stories(pillar: Pillar) -> tuple[Story, ...]:
    """A pillar's stories in the order ``StoryDetail.index`` counts them: its cards, then its policies."""
    return (*pillar.cards, *pillar.policies)


def story_counts(content: Content) -> dict[str, int]:
    """Pillar id → how many stories it has (cards plus policies)."""
    return {pillar.id: len(pillar.cards) + len(pillar.policies) for pillar in content.pillars}


def pillar_order(content: Content) -> tuple[str, ...]:
    """Pillar ids in home-screen order."""
    return tuple(pillar.id for pillar in sorted(content.pillars, key=lambda p: p.order))


def _checked(
    counts: Mapping[str, int], pillar_ids: Sequence[str], default_language: str, languages: Sequence[str]
) -> tuple[dict[str, int], tuple[str, ...], str, tuple[str, ...]]:
    """The navigator's setup, or a ValueError that says what is inconsistent."""
    ids, langs = tuple(pillar_ids), tuple(languages)
    if len(set(ids)) != len(ids):
        raise ValueError(f"pillar ids repeat: {list(ids)}")
    unknown = sorted(set(counts) - set(ids))
    if unknown:
        raise ValueError(f"story counts for pillars that are not listed: {unknown}")
    if any(n < 0 for n in counts.values()):
        raise ValueError(f"story counts must be 0 or more: {dict(counts)}")
    if default_language not in langs:
        raise ValueError(f"default language {default_language!r} is not one of {list(langs)}")
    return {i: int(counts.get(i, 0)) for i in ids}, ids, default_language, langs


class Navigator:
    """The current screen and language, changed only through its actions.

    Subscribers are called as ``callback(old_screen, new_screen)`` after every change of the screen *or* the
    language; on a language change alone both arguments are the same screen (read ``language`` for the new one).
    They run after the change is made, in the order they subscribed; one that raises stops the rest.
    """

    def __init__(
        self,
        story_counts: Mapping[str, int],
        pillar_ids: Sequence[str],
        default_language: str,
        languages: Sequence[str],
    ) -> None:
        self._counts, self._pillar_ids, self._default_language, self._languages = _checked(
            story_counts, pillar_ids, default_language, languages
        )
        self._screen: Screen = Attract()
        self._language = default_language
        self._listeners: list[Listener] = []

    @property
    def screen(self) -> Screen:
        return self._screen

    @property
    def language(self) -> str:
        return self._language

    @property
    def pillar_ids(self) -> tuple[str, ...]:
        return self._pillar_ids

    @property
    def languages(self) -> tuple[str, ...]:
        return self._languages

    # -- subscribers --------------------------------------------------------------------------------------

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(old, new)`` after each change; returns a function that unsubscribes it."""
        self._listeners.append(callback)
        return lambda: self.unsubscribe(callback)

    def unsubscribe(self, callback: Listener) -> None:
        """Stop calling ``callback``; unknown callbacks are ignored."""
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _change(self, screen: Screen, language: str | None = None) -> Screen | None:
        language = self._language if language is None else language
        old = self._screen
        if screen == old and language == self._language:
            return None
        self._screen, self._language = screen, language
        for callback in list(self._listeners):
            callback(old, screen)
        return screen if screen != old else None

    # -- actions ------------------------------------------------------------------------------------------

    def wake(self, to: PillarPage | StoryDetail | None = None) -> Screen | None:
        """Attract → Home, or → ``to`` (what the attract loop showed where it was touched) when that exists."""
        if not isinstance(self._screen, Attract):
            return None
        target: Screen = Home()
        if isinstance(to, PillarPage) and to.pillar_id in self._counts:
            target = to
        elif isinstance(to, StoryDetail) and self._valid_index(to.pillar_id, to.index):
            target = to
        return self._change(target)

    def open_pillar(self, pillar_id: str) -> Screen | None:
        """Home, Outlook or another pillar's page → that pillar's page."""
        if pillar_id not in self._counts or not isinstance(self._screen, Home | OutlookPage | PillarPage):
            return None
        return self._change(PillarPage(pillar_id))

    def open_story(self, index: int) -> Screen | None:
        """PillarPage → one of its stories (0-based)."""
        screen = self._screen
        if not isinstance(screen, PillarPage) or not self._valid_index(screen.pillar_id, index):
            return None
        return self._change(StoryDetail(screen.pillar_id, index))

    def next_story(self) -> Screen | None:
        """The following story of the same pillar; refused at the last one."""
        return self._step_story(+1)

    def previous_story(self) -> Screen | None:
        """The preceding story of the same pillar; refused at the first one."""
        return self._step_story(-1)

    def close_story(self) -> Screen | None:
        """StoryDetail → its pillar's page."""
        screen = self._screen
        return self._change(PillarPage(screen.pillar_id)) if isinstance(screen, StoryDetail) else None

    def back(self) -> Screen | None:
        """StoryDetail → PillarPage; PillarPage and Outlook → Home; refused on Home and the attract loop."""
        screen = self._screen
        if isinstance(screen, StoryDetail):
            return self._change(PillarPage(screen.pillar_id))
        if isinstance(screen, PillarPage | OutlookPage):
            return self._change(Home())
        return None

    def home(self) -> Screen | None:
        """Any screen but the attract loop → Home."""
        return None if isinstance(self._screen, Attract) else self._change(Home())

    def open_outlook(self) -> Screen | None:
        """Home → Outlook."""
        return self._change(OutlookPage()) if isinstance(self._screen, Home) else None

    def set_language(self, language: str) -> bool:
        """Switch to one of the exhibit's languages, on any screen; True when the language changed."""
        if language not in self._languages or language == self._language:
            return False
        self._change(self._screen, language)
        return True

    def go_idle(self) -> Screen | None:
        """Any screen → the attract loop, back in the default language."""
        old_screen = self._screen
        self._change(Attract(), self._default_language)
        return None if isinstance(old_screen, Attract) else self._screen

    def replace_content(
        self,
        story_counts: Mapping[str, int],
        pillar_ids: Sequence[str],
        default_language: str,
        languages: Sequence[str],
    ) -> Screen | None:
        """Take new content (e.g. after a hot reload) and repair the screen if what it shows is gone.

        A vanished pillar → Home; a story index past the end → the last story, or the pillar page when the
        pillar has no stories left. A language that is no longer offered → the new default language.
        Raises ValueError (changing nothing) when the new setup is inconsistent.
        """
        checked = _checked(story_counts, pillar_ids, default_language, languages)
        self._counts, self._pillar_ids, self._default_language, self._languages = checked
        language = self._language if self._language in self._languages else self._default_language
        return self._change(self._repaired(self._screen), language)

    def likely_next(self, limit_stories: int = 4) -> tuple[Screen, ...]:
        """The screens a visitor's next tap is likely to open from here, most likely first (what is worth building
        ahead in idle time): Home from the attract loop; every pillar and the outlook from Home; a pillar's first
        ``limit_stories`` stories and Home from its page; the next and previous story from a story; Home and the
        pillars from the outlook. Only screens the navigator would open; never the one shown."""
        screen = self._screen
        pillars = tuple(PillarPage(p) for p in self._pillar_ids)
        found: list[Screen]
        if isinstance(screen, Attract):
            found = [Home()]
        elif isinstance(screen, Home):
            found = [*pillars, OutlookPage()]
        elif isinstance(screen, PillarPage):
            count = min(limit_stories, self._counts.get(screen.pillar_id, 0))
            found = [*(StoryDetail(screen.pillar_id, i) for i in range(count)), Home()]
        elif isinstance(screen, StoryDetail):
            found = [StoryDetail(screen.pillar_id, screen.index + step) for step in (1, -1)]
            found = [s for s in found if isinstance(s, StoryDetail) and self._valid_index(s.pillar_id, s.index)]
        else:
            found = [Home(), *pillars]
        return tuple(found)

    # -- helpers ------------------------------------------------------------------------------------------

    def _valid_index(self, pillar_id: str, index: object) -> bool:
        if not isinstance(index, int) or isinstance(index, bool):
            return False
        return 0 <= index < self._counts.get(pillar_id, 0)

    def _step_story(self, step: int) -> Screen | None:
        screen = self._screen
        if not isinstance(screen, StoryDetail) or not self._valid_index(screen.pillar_id, screen.index + step):
            return None
        return self._change(StoryDetail(screen.pillar_id, screen.index + step))

    def _repaired(self, screen: Screen) -> Screen:
        if not isinstance(screen, PillarPage | StoryDetail):
            return screen
        if screen.pillar_id not in self._counts:
            return Home()
        count = self._counts[screen.pillar_id]
        if isinstance(screen, StoryDetail) and screen.index >= count:
            return StoryDetail(screen.pillar_id, count - 1) if count else PillarPage(screen.pillar_id)
        return screen
