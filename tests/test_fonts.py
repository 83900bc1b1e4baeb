"""The bundled fonts cover GB2312 and every character of the content (fontTools only, no Qt)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from importlib.resources import as_file
from pathlib import Path

import pytest
import yaml
from fontTools.ttLib import TTFont

from kiosk.paths import default_assets_dir

ROOT = Path(__file__).resolve().parents[1]


def _font_script():
    """The script that makes the fonts: its definition of GB2312 is the one the test holds the fonts to."""
    spec = importlib.util.spec_from_file_location("make_fonts", ROOT / "tools" / "make_fonts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FONT_DIR = default_assets_dir() / "fonts"
CONTENT_DIR = ROOT / "content"
FONT_NAMES = ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf")
MAX_BYTES = 6 * 1024 * 1024
REGENERATE = "regenerate with: python tools/make_fonts.py"


@pytest.fixture(scope="module", params=FONT_NAMES)
def font(request) -> Iterator[TTFont]:
    with as_file(FONT_DIR / request.param) as path, TTFont(path, lazy=True) as opened:
        yield opened  # package data as a real file while the font is read lazily; closed after the module


def strings_in(node: object):
    """Every string (mapping keys and values, list items) in parsed YAML."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(key)
            yield from strings_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings_in(item)


def content_characters() -> set[str]:
    chars: set[str] = set()
    for path in sorted(CONTENT_DIR.rglob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            for text in strings_in(document):
                chars.update(c for c in text if not c.isspace())
    return chars


def missing(font: TTFont, chars: set[str]) -> str:
    cmap = font.getBestCmap()
    return "".join(sorted(c for c in chars if ord(c) not in cmap))


def test_font_files_are_small_enough():
    for name in FONT_NAMES:
        size = len((FONT_DIR / name).read_bytes())
        assert size < MAX_BYTES, f"{name} is {size:,} bytes"


def test_every_content_character_has_a_glyph(font):
    absent = missing(font, content_characters())
    assert not absent, f"{font.reader.file.name} lacks glyphs for {absent!r}; {REGENERATE}"


def test_all_of_gb2312_has_a_glyph(font):
    chars = _font_script().gb2312_chars()
    assert len(chars) == 7445
    absent = missing(font, chars)
    assert not absent, f"{font.reader.file.name} lacks GB2312 glyphs {absent!r}"


def test_digits_are_tabular(font):
    """Counting-up numbers must not jitter: digits equal-width, or a 'tnum' feature to ask for."""
    tags = {
        record.FeatureTag
        for table in ("GSUB", "GPOS")
        if table in font
        for record in font[table].table.FeatureList.FeatureRecord
    }
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    advances = {metrics[cmap[ord(d)]][0] for d in "0123456789"}
    assert len(advances) == 1 or "tnum" in tags, f"digit advances {advances}, features {tags}"


def test_layout_features_kept(font):
    tags = {record.FeatureTag for table in ("GSUB", "GPOS") for record in font[table].table.FeatureList.FeatureRecord}
    assert {"kern", "liga", "palt", "vert", "locl"} <= tags
