"""Qt loads the bundled fonts and renders Chinese and steady digits with them (offscreen)."""

from __future__ import annotations

import itertools
import os
from importlib.resources import as_file

import pytest
from PySide6.QtGui import QFont, QFontMetricsF, QRawFont

from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.fonts import FONT_FILES, MAX_FONT_BYTES, bundled_font_files, load_bundled_fonts

pytestmark = pytest.mark.gui

SAMPLE = "广州科创数说第一方阵"
DIGITS = "0123456789"


def unsupported(raw: QRawFont) -> list[str]:
    # Pass code points: PySide6 6.11 mis-converts a non-ASCII str to QChar here.
    return [c for c in SAMPLE if not raw.supportsCharacter(ord(c))]


@pytest.fixture(scope="module")
def families(qapp) -> list[str]:
    return load_bundled_fonts(default_assets_dir())


def font_for(family: str, weight: QFont.Weight) -> QFont:
    font = QFont(family)
    font.setPixelSize(48)
    font.setWeight(weight)
    return font


def test_bundled_font_files_exist():
    fonts = bundled_font_files(default_assets_dir())
    assert len(fonts) == 2
    assert all(font.is_file() for font in fonts), fonts


def test_family_names_are_returned(families):
    assert families
    assert all(family.strip() for family in families)


def test_each_file_supports_chinese(qapp):
    for font in bundled_font_files(default_assets_dir()):
        with as_file(font) as path:
            raw = QRawFont(str(path), 48)
        assert raw.isValid(), font
        absent = unsupported(raw)
        assert not absent, f"{font.name} lacks {absent}"


@pytest.mark.parametrize("weight", [QFont.Weight.Normal, QFont.Weight.Bold])
def test_loaded_family_supports_chinese(families, weight):
    for family in families:
        raw = QRawFont.fromFont(font_for(family, weight))
        assert raw.isValid()
        assert (raw.familyName(), raw.weight()) == (family, weight.value)
        absent = unsupported(raw)
        assert not absent, f"{family} {weight.name} lacks {absent}"


def test_missing_file_is_named(qapp, tmp_path):
    with pytest.raises(RuntimeError, match="NotoSansSC-Regular.otf"):
        load_bundled_fonts(tmp_path)


@pytest.mark.parametrize("weight", [QFont.Weight.Normal, QFont.Weight.Bold])
def test_tabular_digits_have_equal_advance(families, weight):
    for family in families:
        font = font_for(family, weight)
        font.setFeature(QFont.Tag("tnum"), 1)
        metrics = QFontMetricsF(font)
        singles = {metrics.horizontalAdvance(d) for d in DIGITS}
        assert len(singles) == 1, f"{family} {weight.name}: {singles}"
        pairs = {metrics.horizontalAdvance(a + b) for a, b in itertools.product(DIGITS, repeat=2)}
        assert len(pairs) == 1, f"{family} {weight.name} digit pairs: {pairs}"


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["pipe", "device", "too big"])
def test_a_font_file_that_is_no_font_file_is_refused_with_its_name(qapp, tmp_path, kind) -> None:
    """Fonts are read like every other file (kiosk.safe_read), whole, before Qt gets them: a pipe there would
    otherwise hang Qt whenever it came to read the font, /dev/zero would fill the memory."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    regular = fonts / FONT_FILES[0]
    if kind == "pipe":
        os.mkfifo(regular)
    elif kind == "device":
        regular.symlink_to("/dev/zero")
    else:
        with regular.open("wb") as big:
            big.truncate(MAX_FONT_BYTES + 1)
    with pytest.raises(RuntimeError) as refused:
        load_bundled_fonts(tmp_path)
    reason = "not a regular file" if kind != "too big" else "the limit is"
    assert str(refused.value).startswith(f"bundled font not read: {regular}: ") and reason in str(refused.value)


def test_a_missing_font_file_is_named(qapp, tmp_path) -> None:
    (tmp_path / "fonts").mkdir()
    with pytest.raises(RuntimeError, match=f"bundled font missing: .*{FONT_FILES[0]}"):
        load_bundled_fonts(tmp_path)
