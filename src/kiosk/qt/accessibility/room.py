"""The visitor's accessibility, wired to the exhibit: the menu that the button on every screen opens, reading
aloud (taps, speak-this-screen, speech prepared in the background), and the mounting for reach mode.

The choices themselves live in the controller's :class:`~kiosk.accessibility.choices.AccessState` (the controller
draws the screens in them and resets them at the attract loop); this room only offers and voices them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.accessibility.choices import AccessChoices, Choice
from kiosk.accessibility.reach import Mounting
from kiosk.accessibility.speech_cache import SpeechCache, SpeechPreparer, Synthesise, espeak_ng
from kiosk.accessibility.spoken import Utterance, content_utterances
from kiosk.content.model import Content
from kiosk.content.text import Language
from kiosk.exhibit.navigation import Attract, Screen
from kiosk.qt.accessibility.menu import AccessMenu
from kiosk.qt.accessibility.reader import Reader, all_words
from kiosk.qt.accessibility.sound import SoundOutput
from kiosk.qt.accessibility.words import ACCESS_WORDS, CHOICE_WORDS
from kiosk.qt.exhibit.controller import ExhibitController
from kiosk.settings.model import AccessibilitySettings

_log = logging.getLogger(__name__)


def interface_utterances(languages: list[Language]) -> list[Utterance]:
    """The menu's and the buttons' own words, in each language."""
    said = [Utterance(ACCESS_WORDS.say(key, lang), lang) for lang in languages for key in ACCESS_WORDS.keys()]
    said += [Utterance(f"{zh} {en}", lang) for lang in languages for zh, en in CHOICE_WORDS.values()]
    said += [Utterance(ACCESS_WORDS.both(key, sep), lang) for lang in languages for key, sep in _BOTH]
    return said


_BOTH = (("done", " "), ("menu_title", "  "))


class Accessibility(QObject):
    """What :class:`~kiosk.qt.exhibit.controller.ExhibitController` calls for the accessibility button and
    speak-this-screen. ``speech_dir`` None: nothing is prepared, so reading aloud stays silent (``kiosk render``)."""

    def __init__(
        self,
        controller: ExhibitController,
        settings: AccessibilitySettings,
        output: SoundOutput,
        clock: Callable[[], float],
        speech_dir: Path | None,
        synthesise: Synthesise = espeak_ng,
    ):
        super().__init__(controller)
        self._controller = controller
        self.menu: AccessMenu | None = None
        controller.mounting = Mounting(settings.panel_bottom_m, settings.panel_diagonal_in)
        voices: dict[Language, str] = {"zh": settings.voice_zh, "en": settings.voice_en}
        self.cache = SpeechCache(speech_dir or Path(), voices, controller.content_dir, synthesise)
        self.preparer = SpeechPreparer(self.cache) if speech_dir is not None else None
        self._recordings: dict[tuple[str, Language], Utterance] = {}
        self.reader = Reader(
            controller.stage_scene,
            self.cache,
            output,
            self._language,
            clock,
            lambda: self._recordings,
        )
        controller.accessibility_actions = self
        controller.access.subscribe(self._on_choices)
        controller.screen_shown.connect(self._on_screen_shown)
        controller.content_adopted.connect(self._on_content)
        self._on_content(controller.content)

    def _language(self) -> Language:
        return self._controller.context().language

    # The controller's AccessibilityActions -------------------------------------------------------------------
    def open_menu(self) -> None:
        self.close_menu()
        self.menu = AccessMenu(self._controller.context(), self._controller.access.choices, self.flip, self.close_menu)
        self._controller.stage_scene.addItem(self.menu)
        if self._controller.access.choices.read_aloud:
            self.reader.say(all_words(self.menu.box, self._language()))

    def speak_screen(self) -> None:
        self.reader.speak_screen()

    # The menu ---------------------------------------------------------------------------------------------
    def flip(self, choice: Choice) -> None:
        self._controller.access.toggle(choice)

    def close_menu(self) -> None:
        if self.menu is not None:
            menu, self.menu = self.menu, None
            self._controller.switcher.delete(menu)

    def _on_screen_shown(self, screen: Screen) -> None:
        if self.menu is not None:
            if isinstance(screen, Attract):
                self.close_menu()
            else:  # the same screen drawn in the new choices: the menu with it
                self.open_menu()
        if self.preparer is not None and self._controller.access.choices.read_aloud:
            self.preparer.add(self._screen_utterances())

    def _screen_utterances(self) -> list[Utterance]:
        language = self._language()
        return [self.reader.utterance(text, language) for text in self.reader.screen_words()]

    def _on_choices(self, old: AccessChoices, new: AccessChoices) -> None:
        reading = new.read_aloud
        if reading != old.read_aloud:
            self._controller.filter_taps(self.reader.on_tap if reading else None)
            if reading:
                self.reader.say([ACCESS_WORDS.say("read_aloud_on", self._language())])
            else:
                self.reader.output.stop()
        if not new.any_on and old.any_on:
            self.reader.output.stop()

    # Speech prepared ahead of time ---------------------------------------------------------------------------
    def _on_content(self, content: Content) -> None:
        self.cache.content_dir = self._controller.content_dir
        utterances = content_utterances(content)
        self._recordings = {(u.text, u.language): u for u in utterances if u.recording is not None}
        if self.preparer is not None:
            self.preparer.forget()
            queued = self.preparer.add(interface_utterances(list(content.exhibit.languages)) + utterances)
            _log.info("reading aloud: %d texts to prepare in the background", queued)

    def stop(self) -> None:
        """Before the exhibit is taken down: no more preparing, nothing playing."""
        if self.preparer is not None:
            self.preparer.close()
        self.reader.output.stop()
