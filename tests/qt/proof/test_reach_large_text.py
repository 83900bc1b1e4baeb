"""Reach mode and large text together on a portrait screen (``kiosk validate --layout --mode large-text+reach``):
every screen is laid out with no text cut, every control below the reach line, and every button in view as the
screen comes up (a story sheet's words scroll, its controls stay at the foot of the screen); a sheet whose controls
scroll away with its words is reported."""

from __future__ import annotations

import pytest

from kiosk.content.loader import load_content
from kiosk.qt.exhibit.screens.story_sheet import StorySheet
from kiosk.qt.proof.layout_check import layout_problems, out_of_view
from kiosk.qt.proof.render import mode_shots, visit

from ..exhibit_fixtures import CONTENT_DIR, shipped_content

pytestmark = pytest.mark.gui
BOTH = "large-text+reach"


def test_every_screen_with_both_modes_on_has_nothing_cut_and_every_control_in_reach(qapp) -> None:
    result = load_content(CONTENT_DIR)
    assert result.content is not None and result.content.exhibit.languages == ["zh", "en"]
    report = layout_problems(result, CONTENT_DIR, sizes=((1080, 1920),), modes=(BOTH,))  # both languages
    assert report.problems == []


def test_a_sheet_whose_controls_scroll_away_with_its_words_is_reported(qapp, monkeypatch) -> None:
    content = shipped_content()
    chosen = [shot for shot in mode_shots(content, BOTH) if shot.name.startswith("story-national-strategy-02")]
    for _shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), "zh", chosen, mode=BOTH):
        sheet = exhibit.controller.sheet
        assert isinstance(sheet, StorySheet) and sheet.scroll_area is not None and sheet.control_bar is not None
        assert out_of_view(exhibit) == []
    monkeypatch.setattr(StorySheet, "_control_bar", lambda self, top: None)  # the controls stay on the sheet
    for _shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), "zh", chosen, mode=BOTH):
        names = {found.split(" at ")[0] for found in out_of_view(exhibit)}
        assert {"close", "home", "next"} <= names


def test_a_button_under_another_control_is_reported(qapp) -> None:
    content = shipped_content()
    chosen = [shot for shot in mode_shots(content, BOTH) if shot.name == "pillar-industry"]
    for _shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), "en", chosen, mode=BOTH):
        assert out_of_view(exhibit) == []
        items = exhibit.stage.scene().items()
        back = next(item for item in items if getattr(item, "name", "") == "back")
        access = next(item for item in items if getattr(item, "name", "") == "accessibility")
        back.setPos(access.pos())  # as one row of controls had it: Back under the wide accessibility button
        assert [found.split(" at ")[0] for found in out_of_view(exhibit)] == ["back"]
        assert "is under accessibility" in out_of_view(exhibit)[0]
