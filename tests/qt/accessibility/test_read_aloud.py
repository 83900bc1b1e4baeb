"""Reading aloud on the real stage: a tap speaks what is under the finger from sound prepared beforehand, a double
tap does what the tap does otherwise, speak-this-screen reads the screen; the test sound output records what it was
asked to play (tests/qt: nothing is heard)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from kiosk.accessibility.speech_cache import SpeechCache
from kiosk.accessibility.spoken import Utterance, number_sentence
from kiosk.exhibit.navigation import Home, PillarPage
from kiosk.qt.accessibility.reader import words_at
from kiosk.qt.accessibility.sound import RecordingOutput
from kiosk.qt.accessibility.words import ACCESS_WORDS
from kiosk.qt.exhibit.screens.home import PillarTile
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.text_block import TextBlock

from ..exhibit_fixtures import Harness, Pointer, awake

pytestmark = pytest.mark.gui


def fake_speech(voice: str, text: str) -> bytes:
    return b"RIFF" + f"{voice}|{text}".encode()


def reading(harness: Harness, tmp_path: Path) -> tuple[RecordingOutput, SpeechCache]:
    """Home with reading aloud on; every text it can say prepared in ``tmp_path`` by a stand-in synthesiser."""
    access = harness.exhibit.accessibility
    access.cache.folder = tmp_path
    maker = SpeechCache(tmp_path, access.cache.voices, synthesise=fake_speech)
    awake(harness)
    for language in ("zh", "en"):
        maker.prepare(Utterance(ACCESS_WORDS.say("read_aloud_on", language), language))
    harness.controller.access.set("read_aloud", True)
    harness.settle()
    for text in access.reader.screen_words():
        maker.prepare(Utterance(text, harness.controller.context().language))
    output = access.reader.output
    assert isinstance(output, RecordingOutput)
    return output, maker


def spoken(output: RecordingOutput) -> list[str]:
    """The texts of the last request (the stand-in's files hold their text)."""
    return [path.read_bytes().decode().split("|", 1)[1] for path in output.played[-1]]


def test_turning_it_on_says_how_it_works(harness: Harness, tmp_path: Path) -> None:
    output, _maker = reading(harness, tmp_path)
    assert output.played[0] and spoken(output)[0] == ACCESS_WORDS.say("read_aloud_on", "zh")


def test_a_tap_speaks_the_text_under_the_finger_and_does_nothing_else(
    harness: Harness, pointer: Pointer, tmp_path: Path
) -> None:
    output, _maker = reading(harness, tmp_path)
    title = next(b for b in harness.of_type(TextBlock) if b.origin == "exhibit.title")
    pointer.tap(harness.centre(title))
    assert spoken(output) == [title.text]
    assert isinstance(harness.screen, Home)


def test_a_double_tap_opens_what_a_tap_would(harness: Harness, pointer: Pointer, tmp_path: Path) -> None:
    output, _maker = reading(harness, tmp_path)
    tile = harness.of_type(PillarTile)[0]
    point = harness.centre(tile)
    pointer.tap(point)
    assert isinstance(harness.screen, Home)
    assert spoken(output)  # what is under the finger on the tile: here its headline figure
    pointer.tap(point)
    assert harness.screen == PillarPage(tile.pillar_id)


def test_a_second_tap_later_speaks_again(harness: Harness, pointer: Pointer, tmp_path: Path) -> None:
    output, _maker = reading(harness, tmp_path)
    title = next(b for b in harness.of_type(TextBlock) if b.origin == "exhibit.title")
    pointer.tap(harness.centre(title))
    harness.clock.advance(2.0)
    pointer.tap(harness.centre(title))
    assert len(output.played) == 3 and spoken(output) == [title.text]


def test_a_counting_number_is_said_by_its_final_value(harness: Harness, tmp_path: Path) -> None:
    output, maker = reading(harness, tmp_path)
    controller = harness.controller
    controller.open_pillar(controller.pillar_ids[0])
    controller.switcher.finish_transition()  # the page is on; its count-ups (1.5 s at the least) have begun
    harness.clock.advance(0.8)
    controller._ticker.tick()
    page = controller.page
    assert page is not None
    screen = harness.scene.sceneRect()
    counter = next(
        c
        for c in page.childItems_recursive()
        if isinstance(c, CountingNumber) and screen.contains(c.sceneBoundingRect())
    )
    assert counter.text != counter.final_text  # still counting
    said = words_at(harness.scene, harness.centre(counter), "zh")
    assert said == [number_sentence(counter.number, "zh")]
    assert counter.final_text not in said[0].split("，")[0]  # the figure in words, not digits: 第八位, not 第8位


def test_speak_this_screen_reads_every_text_in_order(harness: Harness, pointer: Pointer, tmp_path: Path) -> None:
    output, _maker = reading(harness, tmp_path)
    button = harness.find("speak-screen", Button)
    assert button.sceneBoundingRect().height() >= 104
    harness.exhibit.accessibility.speak_screen()
    said = spoken(output)
    texts = {b.text for b in harness.of_type(TextBlock) if b.scene() is harness.scene}
    assert said[0] == harness.controller.content.exhibit.title.get("zh")
    assert len(said) >= 15 and set(said) & texts


def test_no_speak_button_and_no_speaking_when_it_is_off(harness: Harness, pointer: Pointer, tmp_path: Path) -> None:
    output, _maker = reading(harness, tmp_path)
    harness.controller.access.set("read_aloud", False)
    harness.settle()
    assert "speak-screen" not in harness.names()
    before = len(output.played)
    pointer.tap(QPointF(960, 300))
    assert len(output.played) == before and output.stops >= 1


def test_a_text_not_prepared_stays_silent(harness: Harness, pointer: Pointer, tmp_path: Path) -> None:
    output, _maker = reading(harness, tmp_path)
    for path in tmp_path.glob("*.wav"):
        path.unlink()
    title = next(b for b in harness.of_type(TextBlock) if b.origin == "exhibit.title")
    pointer.tap(harness.centre(title))
    assert output.played[-1] == []  # nothing synthesised on the tap's path
    assert harness.exhibit.accessibility.reader.missing >= 1
