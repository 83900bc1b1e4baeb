"""Fixtures for tests of the whole exhibit (see exhibit_fixtures.py for the helpers behind them)."""

from __future__ import annotations

import atexit
import json
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.content.model import Content

from .exhibit_fixtures import ExhibitFactory, Finger, Harness, Mouse, Pointer, shipped_content

SCREEN = {
    "screens": [{"name": "test-screen", "x": 0, "y": 0, "width": 3840, "height": 2160}],
    "windowFrameMargins": False,
}


def _offscreen_screen_big_enough_to_touch() -> None:
    """The offscreen platform's one screen is 800×800 unless configured, and Qt drops a touch on a child widget
    (the stage's viewport) where it lies off every screen. A 3840×2160 screen lets a finger reach every pixel of a
    1920×1080 or 1080×1920 stage. Only possible before the QApplication exists; nothing else depends on it."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen" or QApplication.instance() is not None:
        return
    path = Path(tempfile.gettempdir()) / f"kiosk-test-screens-{os.getpid()}.json"
    if ":" in str(path):  # the platform's arguments are separated by ':'
        return
    path.write_text(json.dumps(SCREEN), encoding="utf-8")
    atexit.register(path.unlink, missing_ok=True)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


_offscreen_screen_big_enough_to_touch()


@pytest.fixture(scope="session")
def content() -> Content:
    """The shipped content, loaded once."""
    return shipped_content()


@pytest.fixture
def open_exhibit(qtbot, content: Content) -> ExhibitFactory:
    """``open_exhibit(size, rotation=, language=, settings=, content=)`` → a Harness on screen."""
    return ExhibitFactory(qtbot, content)


@pytest.fixture
def harness(open_exhibit: ExhibitFactory) -> Harness:
    """The exhibit at 1920×1080 on its attract loop, with a ManualClock."""
    return open_exhibit()


@pytest.fixture(params=["mouse", "touch"])
def pointer(request: pytest.FixtureRequest, harness: Harness, qtbot) -> Pointer:
    """The same visitor input through mouse events and through touch events on the stage's viewport."""
    return Mouse(harness, qtbot) if request.param == "mouse" else Finger(harness, qtbot)


@pytest.fixture
def finger(harness: Harness, qtbot) -> Finger:
    return Finger(harness, qtbot)


@pytest.fixture
def mouse(harness: Harness, qtbot) -> Mouse:
    return Mouse(harness, qtbot)
