"""Reach mode alone on a portrait screen (``kiosk validate --layout --mode reach``): every screen is laid out with no
text cut and no empty band; a story sheet covers the control row too, and where its words would still be cut under
its shortest picture it grows to what they need and scrolls above its controls (a bar at the foot of the screen).
A sheet that does not grow is reported: its body is cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from kiosk.content.loader import load_content
from kiosk.qt.app.build import BuiltExhibit
from kiosk.qt.exhibit.screens import story_sheet
from kiosk.qt.exhibit.screens.story_sheet import StorySheet
from kiosk.qt.proof.layout_check import layout_problems, out_of_view
from kiosk.qt.proof.render import mode_shots, text_blocks, visit
from kiosk.qt.proof.type_rules import violations
from kiosk.qt.widgets.readable import where_cut

from ..exhibit_fixtures import CONTENT_DIR, shipped_content

pytestmark = pytest.mark.gui
REACH = "reach"
SHEET = "story-industry-03-ultrafast-battery-factory"


def test_every_portrait_screen_in_reach_mode_has_nothing_cut_and_no_empty_band(qapp) -> None:
    result = load_content(CONTENT_DIR)
    assert result.content is not None and result.content.exhibit.languages == ["zh", "en"]
    report = layout_problems(result, CONTENT_DIR, sizes=((1080, 1920),), modes=(REACH,))  # both languages
    assert report.problems == []


def _cut(exhibit: BuiltExhibit) -> list[str]:
    """The texts on the screen that are cut, by the layout check's rules (cut short with …, or cut by their tile
    or the screen)."""
    size = exhibit.stage.logical_size()
    screen = QRectF(0, 0, size.width(), size.height())
    found = []
    for block in text_blocks(exhibit):
        if where_cut(block, block.topLevelItem(), screen) is not None:
            found.append(f"{block.origin} [cut]")
        found += [f"{block.origin} [{v.rule}]" for v in violations(block) if v.rule in ("ellipsis", "preview-cut")]
    return found


def test_a_sheet_whose_words_need_more_than_the_screen_scrolls_and_one_that_does_not_grow_is_cut(
    qapp, monkeypatch
) -> None:
    content = shipped_content()
    chosen = [shot for shot in mode_shots(content, REACH) if shot.name == SHEET]
    assert chosen
    # a taller least picture leaves the words less room than they need (as a longer body would)
    monkeypatch.setattr(story_sheet, "PORTRAIT_PICTURE", (1250.0, 1300.0))
    for _shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), "en", chosen, mode=REACH):
        sheet = exhibit.controller.sheet
        assert isinstance(sheet, StorySheet)
        assert sheet.control_bar is not None and sheet.scroll_area is not None  # it grew: its words scroll
        assert _cut(exhibit) == []
        assert out_of_view(exhibit) == []  # its controls stay in view, on the bar
    monkeypatch.setattr(StorySheet, "_portrait_shortfall", lambda self, story, sheet_w, bottom: 0.0)
    for _shot, exhibit in visit(content, CONTENT_DIR, (1080, 1920), "en", chosen, mode=REACH):
        sheet = exhibit.controller.sheet
        assert isinstance(sheet, StorySheet) and sheet.control_bar is None
        assert "ultrafast-battery-factory.achievement [ellipsis]" in _cut(exhibit)
