"""The shipped content, loaded once for the accessibility tests (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load_content
from kiosk.content.model import Content

CONTENT = Path(__file__).parents[2] / "content"


@pytest.fixture(scope="session")
def content() -> Content:
    loaded = load_content(CONTENT).content
    assert loaded is not None
    return loaded
