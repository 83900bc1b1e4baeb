"""High contrast: every text colour on every background the screens use is at least 7:1, for the shipped content's
accents too, and the accents keep their hue. The default theme does not reach 7:1 (so the check can fail)."""

from __future__ import annotations

import colorsys

import pytest

from kiosk.accessibility.contrast import (
    AAA,
    HIGH_CONTRAST,
    high_contrast_content,
    lowest_pair,
    mix_hex,
    strong_accent,
    theme_pairs,
)
from kiosk.content.model import Content, Theme


def _accents(content: Content) -> dict[str, str]:
    return {pillar.id: pillar.accent for pillar in content.pillars}


def test_every_pair_of_the_high_contrast_content_is_at_least_7_to_1(content: Content) -> None:
    shown = high_contrast_content(content)
    pairs = theme_pairs(shown.exhibit.theme, _accents(shown))
    assert len(pairs) > 50
    weak = [f"{p.what}: {p.text} on {p.background} = {p.ratio:.2f}" for p in pairs if p.ratio < AAA]
    assert weak == []


def test_the_default_theme_does_not_pass_7_to_1(content: Content) -> None:
    assert lowest_pair(content.exhibit.theme, _accents(content)).ratio < AAA


def _hue(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def test_accents_stay_recognisable(content: Content) -> None:
    shown = high_contrast_content(content)
    for before, after in zip(content.pillars, shown.pillars):
        assert after.accent != "#FFFFFF", f"{before.id}: the accent became white"
        turn = abs(_hue(before.accent) - _hue(after.accent))
        assert min(turn, 360 - turn) < 8, f"{before.id}: {before.accent} → {after.accent}"


def test_the_rest_of_the_content_is_untouched(content: Content) -> None:
    shown = high_contrast_content(content)
    assert shown.exhibit.theme == HIGH_CONTRAST
    assert shown.exhibit.title == content.exhibit.title
    assert [p.cards for p in shown.pillars] == [p.cards for p in content.pillars]
    assert content.exhibit.theme != HIGH_CONTRAST  # the original is not changed


def test_a_dark_accent_is_lightened_until_it_reads() -> None:
    dark = strong_accent("#202060")
    assert lowest_pair(HIGH_CONTRAST, {"dark": dark}).ratio >= AAA
    assert lowest_pair(HIGH_CONTRAST, {"dark": "#202060"}).ratio < AAA


def test_mixing_colours() -> None:
    assert mix_hex("#000000", "#FFFFFF", 0.5) == "#808080"
    assert mix_hex("#102030", "#102030", 0.7) == "#102030"
    assert mix_hex("#0A1633", "#FFFFFF", 0.0) == "#0A1633"


def test_a_text_colour_equal_to_its_ground_fails() -> None:
    grey = Theme(ground="#777777", text="#777777", muted="#777777", number="#777777", signature="#777777")
    assert lowest_pair(grey, {}).ratio == pytest.approx(1.0)
