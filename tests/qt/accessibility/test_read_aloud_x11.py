"""Reading aloud in the real exhibit: ``kiosk run`` in a window on a real X server (Xvfb), clicked with xdotool — wake
it, open the accessibility menu, turn reading aloud on, close the menu with a double tap — and a tap on the title
plays the title's prepared speech through the player. The player is a test sink: an ``aplay`` early on the PATH that
keeps what it is given, so the test hears exactly what the headphones would. Skipped where Xvfb, xdotool or
espeak-ng is not installed."""

from __future__ import annotations

import io
import os
import shutil
import sys
import time
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from kiosk.accessibility.speech_cache import SpeechCache
from kiosk.qt.widgets.text_block import TextBlock

from ..exhibit_fixtures import Harness, awake

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
from xvfb_session import find_window, run_exhibit, start_xvfb, stop_processes, wait_for, x_command  # noqa: E402

SCREEN = (1280, 720)  # logical 1920 × 1080: the same layout as the offscreen harness that finds the targets
SCALE = SCREEN[1] / 1080

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "espeak-ng")),
        reason="needs Xvfb, xdotool and espeak-ng",
    ),
]

SINK = """#!/bin/sh
# a test audio sink in aplay's place: each call's arguments and the WAV it was given
n=$(ls "{out}" | wc -l)
echo "$@" > "{out}/$n.args"
cat > "{out}/$n.wav"
"""


def _targets(harness: Harness) -> dict[str, QPointF]:
    """Where to click (logical): the menu's button on Home, the read-aloud switch, Done, and then the title."""
    awake(harness)
    found = {"menu": harness.centre("accessibility")}
    harness.exhibit.accessibility.open_menu()
    harness.settle()
    found["switch"] = harness.centre("choice-read_aloud")
    found["done"] = harness.centre("done")
    harness.controller.access.set("read_aloud", True)
    harness.exhibit.accessibility.close_menu()
    harness.settle()
    title = next(b for b in harness.of_type(TextBlock) if b.origin == "exhibit.title")
    rect = title.sceneBoundingRect()
    found["title"] = QPointF(rect.left() + 60, rect.top() + title.fitted.height / 2)  # on its first line
    found["text"] = title.text  # type: ignore[assignment]
    return found


def _click(display: str, point: QPointF, repeat: int = 1) -> None:
    x, y = round(point.x() * SCALE), round(point.y() * SCALE)
    x_command(display, "xdotool", "mousemove", str(x), str(y), "click", "--repeat", str(repeat), "--delay", "120", "1")


def _frames(data: bytes) -> bytes:
    with wave.open(io.BytesIO(data)) as sound:
        return sound.readframes(sound.getnframes())


def test_a_tap_on_the_title_plays_its_speech_in_a_real_window(open_exhibit, tmp_path: Path) -> None:
    targets = _targets(open_exhibit((1920, 1080), language="zh"))
    title_text = str(targets.pop("text"))
    sink_dir, played = tmp_path / "bin", tmp_path / "played"
    sink_dir.mkdir()
    played.mkdir()
    sink = sink_dir / "aplay"
    sink.write_text(SINK.format(out=played), encoding="utf-8")
    sink.chmod(0o755)
    state = tmp_path / "state"
    config = tmp_path / "kiosk.yaml"
    config.write_text(f"folders:\n  state_dir: {state}\naccessibility:\n  volume_percent: 100\n", encoding="utf-8")
    server, display = start_xvfb(SCREEN)
    started = [server]
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": str(ROOT / "src"),
        "PATH": f"{sink_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    exhibit = run_exhibit(config, env)
    started.append(exhibit)
    cache = SpeechCache(state / "speech", {"zh": "cmn", "en": "en-gb"})
    prepared = cache.prepared_path(title_text, "zh")
    try:
        assert find_window(display, exhibit.pid, SCREEN) is not None, "the exhibit's window did not appear"
        time.sleep(1.0)
        _click(display, QPointF(960, 540))  # wakes it: Home
        time.sleep(1.5)
        _click(display, targets["menu"])
        time.sleep(1.0)
        _click(display, targets["switch"])  # reading aloud on (it says how it works)
        time.sleep(1.0)
        _click(display, targets["done"], repeat=2)  # a double tap does what a tap does otherwise: closes the menu
        assert wait_for(prepared.exists, 60, step_s=0.2) is not None, "the title's speech was not prepared"
        time.sleep(1.0)
        before = len(list(played.glob("*.wav")))
        _click(display, targets["title"])
        assert wait_for(lambda: len(list(played.glob("*.wav"))) > before, 5) is not None, "nothing was played"
        time.sleep(0.3)  # the sink has the whole file
        newest = max(played.glob("*.wav"), key=lambda p: int(p.stem))
        assert _frames(newest.read_bytes()) == _frames(prepared.read_bytes())  # the title, as prepared
        assert (played / f"{newest.stem}.args").read_text(encoding="utf-8").split() == ["-q", "-"]
    finally:
        stop_processes(started)
