"""Read aloud: a tap speaks what is under the finger, a second tap on it (within :data:`DOUBLE_TAP_S`) does what a
tap does otherwise; speak-this-screen reads every text of the screen, top to bottom.

What an item says: a text its words; a key number its final value in words with its unit and what it counts
(a count-up is never read mid-way); a chart a sentence from its data; a button its name; a tile everything on it.
Only sounds prepared beforehand are played (:class:`~kiosk.accessibility.speech_cache.SpeechCache`); what a screen
can say is queued for preparing as soon as the screen is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kiosk.accessibility.speech_cache import SpeechCache
from kiosk.accessibility.spoken import Utterance, chart_sentence, number_sentence
from kiosk.content.text import Language
from kiosk.qt.accessibility.sound import SoundOutput
from kiosk.qt.accessibility.words import ACCESS_WORDS
from kiosk.qt.input.interaction import Tappable
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.text_block import TextBlock

DOUBLE_TAP_S = 0.6
DOUBLE_TAP_PX = 60.0


def _chart_sentence(item: QGraphicsItem, language: Language) -> str | None:
    chart = getattr(item, "chart", None)  # a ChartGraphic (pyqtgraph is imported only where charts are drawn)
    if chart is not None and hasattr(chart, "items") and hasattr(chart, "type"):
        return chart_sentence(chart, language)
    return None


def own_words(item: QGraphicsItem, language: Language) -> list[str] | None:
    """What ``item`` itself says (None: it says nothing of its own; its parent may)."""
    if isinstance(item, CountingNumber):
        return [number_sentence(item.number, language)]
    chart = _chart_sentence(item, language)
    if chart is not None:
        return [chart]
    name = getattr(item, "name", None)
    if isinstance(item, Button):
        label = item.label.text if item.label is not None else None
        if isinstance(name, str) and name in ACCESS_WORDS:
            return [ACCESS_WORDS.say(name, language)]
        return [label] if label else None
    if isinstance(name, str) and name.startswith("language-") and name in ACCESS_WORDS:
        return [ACCESS_WORDS.say(name, language)]
    if isinstance(item, TextBlock) and item.text.strip():
        return [item.text]
    return None


def _reading_order(items: list[QGraphicsItem]) -> list[QGraphicsItem]:
    def where(item: QGraphicsItem) -> tuple[float, float]:
        pos = item.scenePos()
        return round(pos.y() / 24), pos.x()  # rows of about one line, then left to right

    return sorted(items, key=where)


def all_words(item: QGraphicsItem, language: Language) -> list[str]:
    """Everything ``item`` and what is on it say, in reading order (a number's digits are not read twice)."""
    own = own_words(item, language)
    if own is not None:
        return own
    said: list[str] = []
    for child in _reading_order([c for c in item.childItems() if c.isVisible() and c.opacity() > 0.01]):
        said += all_words(child, language)
    return said


def _is_page(item: QGraphicsItem) -> bool:
    return item.parentItem() is None


def words_at(scene: QGraphicsScene, point: QPointF, language: Language) -> list[str]:
    """What a tap at ``point`` speaks: the topmost thing that says something, or the tile it is on."""
    for item in scene.items(point):
        node: QGraphicsItem | None = item
        while node is not None and not _is_page(node):
            if not node.isVisible():
                break
            own = own_words(node, language)
            if own is not None:
                return own
            if isinstance(node, Tappable) or getattr(node, "blocks_input", False):
                return all_words(node, language)
            node = node.parentItem()
    return []


class Reader:
    """Speaks for the exhibit: on taps while reading aloud is on, and for speak-this-screen."""

    def __init__(
        self,
        scene: QGraphicsScene,
        cache: SpeechCache,
        output: SoundOutput,
        language: Callable[[], Language],
        clock: Callable[[], float],
        recordings: Callable[[], dict[tuple[str, Language], Utterance]],
    ):
        self._scene = scene
        self._cache = cache
        self.output = output
        self._language = language
        self._clock = clock
        self._recordings = recordings
        self._last_tap: tuple[float, QPointF] | None = None
        self.missing = 0  # utterances asked for that were not prepared yet (for the log and tests)

    def utterance(self, text: str, language: Language) -> Utterance:
        return self._recordings().get((text, language)) or Utterance(text, language)

    def sounds(self, texts: list[str]) -> list[Path]:
        language = self._language()
        found: list[Path] = []
        for text in texts:
            path = self._cache.sound_for(self.utterance(text, language))
            if path is None:
                self.missing += 1
            else:
                found.append(path)
        return found

    def say(self, texts: list[str]) -> None:
        self.output.play(self.sounds(texts))

    def on_tap(self, point: QPointF) -> bool:
        """The tap filter while reading aloud: True (taken) when it spoke, False for the second tap of a double tap,
        which then acts as a tap does."""
        now = self._clock()
        last = self._last_tap
        if last is not None and now - last[0] <= DOUBLE_TAP_S and _near(point, last[1]):
            self._last_tap = None
            self.output.stop()
            return False
        self._last_tap = (now, QPointF(point))
        self.say(words_at(self._scene, point, self._language()))
        return True

    def screen_words(self) -> list[str]:
        """Every text on screen, top to bottom (the topmost overlay alone when one blocks what is under it)."""
        tops = [item for item in self._scene.items() if item.parentItem() is None and item.isVisible()]
        tops.sort(key=lambda item: item.zValue(), reverse=True)
        said: list[str] = []
        for top in tops:
            said += all_words(top, self._language())
            if getattr(top, "blocks_input", False) or any(
                getattr(child, "blocks_input", False) for child in top.childItems()
            ):
                break
        return said

    def speak_screen(self) -> None:
        self.say(self.screen_words())


def _near(a: QPointF, b: QPointF) -> bool:
    return (a - b).manhattanLength() <= DOUBLE_TAP_PX
