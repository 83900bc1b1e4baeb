"""Building the exhibit: what the stage shows outside the scene follows the content on screen."""

from __future__ import annotations

import pytest

from kiosk.content.model import Content
from kiosk.content.text import Text

from ..exhibit_fixtures import Harness

pytestmark = pytest.mark.gui


def retitled(content: Content, zh: str, en: str) -> Content:
    exhibit = content.exhibit.model_copy(update={"title": Text(zh=zh, en=en)})
    return content.model_copy(update={"exhibit": exhibit})


def test_the_window_title_follows_new_content(harness: Harness) -> None:
    content = harness.controller.content
    assert harness.stage.windowTitle() == content.exhibit.title.get(content.exhibit.default_language)
    new = retitled(content, "新的展览", "A new exhibit")
    harness.controller.replace_content(new)
    assert harness.stage.windowTitle() == new.exhibit.title.get(new.exhibit.default_language)
    assert harness.stage.windowTitle() in {"新的展览", "A new exhibit"}
