"""A story's ``figure:`` must name a number and its ``art:`` a shipped scene; a story with neither scene nor photo is
shown with a pattern, which ``kiosk validate`` warns about without failing the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.checks import shipped_art
from kiosk.content.loader import load_content
from kiosk.content.model import art_name
from kiosk.exhibit.navigation import stories
from kiosk.paths import default_content_dir

from .fixtures import PILLAR, edit, write_content


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # error paths are shown relative to the working folder


def test_an_unknown_figure_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    result = load_content(write_content(tmp_path, pillar=edit(PILLAR, "figure: rank", "figure: rnak")))
    assert result.content is None
    assert [str(e) for e in result.errors] == [
        "content/pillars/1.yaml:27:15: pillar.cards[0].figure: no number has the id 'rnak' (did you mean 'rank'?)"
    ]


def test_an_unknown_scene_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    result = load_content(write_content(tmp_path, pillar=edit(PILLAR, "art: dream-drillship", "art: dream-drilship")))
    assert result.content is None
    assert [str(e) for e in result.errors] == [
        "content/pillars/1.yaml:26:12: pillar.cards[0].art: the exhibit has no illustration named 'dream-drilship' "
        "(did you mean 'dream-drillship'?)"
    ]


def test_a_story_without_a_picture_is_only_a_warning(tmp_path: Path) -> None:
    result = load_content(write_content(tmp_path, pillar=edit(PILLAR, "      art: dream-drillship\n", "")))
    assert result.errors == [] and result.content is not None
    assert [str(w) for w in result.warnings] == [
        "content/pillars/1.yaml:20:11: pillar.cards[0].id: the story 'ship' has no illustration: its sheet shows a "
        "pattern in the pillar's colours (give it a photo with 'image: images/NAME.jpg', or name a scene with 'art:')"
    ]


def test_a_photo_is_a_picture(tmp_path: Path) -> None:
    (tmp_path / "content" / "images").mkdir(parents=True)
    (tmp_path / "content" / "images" / "ship.png").write_bytes(b"\x89PNG\r\n")
    pillar = edit(PILLAR, "      art: dream-drillship\n", "      image: images/ship.png\n")
    result = load_content(write_content(tmp_path, pillar=pillar))
    assert result.errors == [] and result.warnings == []


def test_every_shipped_story_has_its_own_scene() -> None:
    result = load_content(default_content_dir())
    assert result.content is not None and result.warnings == []
    names = [art_name(story) for pillar in result.content.pillars for story in stories(pillar)]
    assert len(names) == 25 and len(set(names)) == 25
    assert set(names) <= shipped_art()
