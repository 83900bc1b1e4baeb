"""The story illustrations as shipped: one scene per story, each its own, in what QtSvg draws (SVG Tiny: no
filters, no CSS, no text), the same as tools/make_art.py draws them, and sharp at any size (vector)."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.content.model import Content, art_name
from kiosk.exhibit.navigation import stories
from kiosk.paths import default_assets_dir
from kiosk.qt.exhibit.screens.story_art import SceneArt
from kiosk.qt.foundations.item import Item

ART = Path(str(default_assets_dir() / "art"))
TOOL = Path(__file__).parents[3] / "tools" / "make_art.py"
NS = "{http://www.w3.org/2000/svg}"
ALLOWED = {
    "svg",
    "defs",
    "g",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polygon",
    "linearGradient",
    "radialGradient",
    "stop",
}
MIN_SHAPES = 20  # a scene, not an icon: the line icons have eight shapes at most
MIN_COLOURS = 400  # distinct colours in a 200 px rendering (gradients, several tints)


def scenes() -> list[Path]:
    return sorted(ART.glob("*.svg"))


def test_one_scene_per_story_and_no_other(content: Content) -> None:
    names = sorted(art_name(story) for pillar in content.pillars for story in stories(pillar))
    assert [p.stem for p in scenes()] == names


def test_no_two_scenes_alike() -> None:
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in scenes()]
    assert len(set(digests)) == len(digests) == 25


def test_scenes_use_only_what_qtsvg_draws() -> None:
    for file in scenes():
        root = ET.parse(file).getroot()
        assert root.get("viewBox") == "0 0 1000 1000", file.name
        tags = {element.tag.removeprefix(NS) for element in root.iter()}
        assert tags <= ALLOWED, (file.name, tags - ALLOWED)
        shapes = sum(
            1 for e in root.iter() if e.tag.removeprefix(NS) in {"path", "rect", "circle", "ellipse", "line", "polygon"}
        )
        assert shapes >= MIN_SHAPES, (file.name, shapes)
        assert "style=" not in file.read_text(encoding="utf-8"), file.name
        assert QSvgRenderer(QByteArray(file.read_bytes())).isValid(), file.name


def _render(file: Path, side: int) -> QImage:
    image = QImage(side, side, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(file.read_bytes())).render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image


def test_scenes_are_rich_and_fill_their_square(qapp) -> None:
    for file in scenes():
        image = _render(file, 200)
        colours = {image.pixel(x, y) for y in range(0, 200, 2) for x in range(0, 200, 2)}
        assert len(colours) >= MIN_COLOURS, (file.name, len(colours))
        corners = [QColor(image.pixel(x, y)).alpha() for x, y in ((0, 0), (199, 0), (0, 199), (199, 199))]
        assert corners == [255] * 4, file.name  # a ground to the edges: the sheet may crop any side


def test_the_committed_scenes_are_what_the_tool_draws(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_art", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # its dataclasses look their module up
    try:
        spec.loader.exec_module(tool)
    finally:
        del sys.modules[spec.name]
    assert tool.main([str(tmp_path)]) == 0
    stale = [p.name for p in scenes() if (tmp_path / p.name).read_bytes() != p.read_bytes()]
    assert stale == [], "run python tools/make_art.py and commit src/kiosk/assets/art"


def test_a_scene_gives_its_picture_back_with_its_item(qapp) -> None:
    """A scene drawn ahead holds an image at the screen's pixels (14 MB for a sheet's at 4K); it goes when the item
    goes, not when Python's garbage collector finally finds the screen's objects."""
    holder = Item()
    art = SceneArt(QSvgRenderer(QByteArray(scenes()[0].read_bytes())), 300, 200, 12.0, holder)
    picture = art.picture
    assert picture.prepare(2.0) and picture.bytes == 600 * 400 * 4
    keep = [art, holder]  # Python still holds them, as a screen's own references do
    shiboken6.delete(holder)  # the screen is freed (its items with it)
    assert picture.bytes == 0
    assert len(keep) == 2
