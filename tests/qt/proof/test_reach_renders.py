"""Reach mode in the renders: on a portrait screen every control a visitor taps — buttons, the language switch, the
accessibility buttons, the tiles that open a pillar or a story, the story sheet's arrows — is below the reach line,
on every screen; a control put above it is reported (``kiosk validate --layout --mode reach``, rule ``reach``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.qt.exhibit.screens.base import Page
from kiosk.qt.proof.layout_check import above_reach, controls
from kiosk.qt.proof.render import mode_shots, visit

from ..exhibit_fixtures import CONTENT_DIR, shipped_content

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_control_is_below_the_reach_line_on_every_portrait_screen(qapp, language: str) -> None:
    content = shipped_content()
    seen, high = [], {}
    for shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), language, mode="reach"):
        line = exhibit.controller.context().reach_line
        assert line is not None and 1280 < line < 1300
        assert controls(exhibit), shot.name  # every screen has some
        found = above_reach(exhibit)
        if found:
            high[shot.name] = found
        seen.append(shot.name)
    assert high == {}
    assert seen == [shot.name for shot in mode_shots(content, "reach")]


def test_a_control_above_the_line_is_reported_and_one_under_a_sheet_is_not(qapp) -> None:
    content = shipped_content()
    chosen = [shot for shot in mode_shots(content, "reach") if shot.name == "home"]
    for _shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), "zh", chosen, mode="reach"):
        page = exhibit.controller.page
        assert isinstance(page, Page)
        assert above_reach(exhibit) == []
        page.ctx.button("stray", lambda: None, page, 400, 300, icon="ui-home")
        assert above_reach(exhibit) == ["stray at y 300 is above the reach line"]
        exhibit.controller.open_pillar(exhibit.controller.pillar_ids[0])
        exhibit.controller.open_story(0)
        names = [name for name, _rect in controls(exhibit)]
        assert "close" in names and not any(name.startswith("story-") for name in names)  # the tiles under it


def test_the_reach_line_follows_the_mounting(qapp) -> None:
    content = shipped_content()
    chosen = [shot for shot in mode_shots(content, "reach") if shot.name == "home"]
    for _shot, exhibit in visit(content, Path(CONTENT_DIR), (1080, 1920), "zh", chosen, mode="reach"):
        default = exhibit.controller.context().reach_line
        exhibit.controller.mounting = type(exhibit.controller.mounting)(panel_bottom_m=0.6)
        assert exhibit.controller.context().reach_line < default  # a lower panel: more of it within reach
