"""The exhibit's icon set: every icon the content can name exists, is valid SVG, draws a line icon, recolours and
caches."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmapCache
from PySide6.QtSvg import QSvgRenderer

from kiosk.content.model import ICONS
from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.icons import MAX_ICON_BYTES, IconLibrary

pytestmark = pytest.mark.gui

ICON_DIR = default_assets_dir() / "icons"
UI_ICONS = (
    "ui-back",
    "ui-home",
    "ui-close",
    "ui-chevron-left",
    "ui-chevron-right",
    "ui-language",
    "ui-touch",
    "ui-access",
    "ui-speak",
    "ui-clock",
)
ALL_ICONS = tuple(ICONS) + UI_ICONS
ACCENTS = ("#FFFFFF", "#5EC8F2", "#4FD1A5", "#B59CFF", "#FF9F6B")


@pytest.fixture
def library(qapp) -> IconLibrary:
    return IconLibrary(ICON_DIR)


def opaque_pixels(image: QImage, threshold: int = 128) -> list[int]:
    """The ARGB values of the pixels at least half opaque."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [
        pixel
        for y in range(image.height())
        for x in range(image.width())
        if ((pixel := image.pixel(x, y)) >> 24) & 0xFF >= threshold
    ]


def test_every_content_and_ui_icon_has_a_file() -> None:
    missing = [name for name in ALL_ICONS if not (ICON_DIR / f"{name}.svg").is_file()]
    assert not missing, f"no SVG for {missing}"


def test_library_lists_exactly_the_shipped_files(library) -> None:
    assert set(library.names()) == {
        entry.name.removesuffix(".svg") for entry in ICON_DIR.iterdir() if entry.name.endswith(".svg")
    }
    assert set(ALL_ICONS) <= set(library.names())
    assert list(library.names()) == sorted(library.names())
    assert "unicorn" not in library.names()


@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_follows_the_house_style(name: str, qapp) -> None:
    text = (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 48 48"' in text
    assert 'stroke="currentColor"' in text
    assert 'stroke-linecap="round"' in text and 'stroke-linejoin="round"' in text
    widths = {float(w) for w in re.findall(r'stroke-width="([\d.]+)"', text)}
    assert widths and all(2.5 <= w <= 3 for w in widths), widths
    # Only currentColor paints it, so the renderer can recolour every line and dot.
    colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', text)) - {"none", "currentColor"}
    assert not colours, f"{name} hard-codes {colours}"
    # Line art: shapes are outlined; only accents (dots, windows) are filled, and those have no outline.
    assert re.search(r'<g fill="none" stroke="currentColor"', text), f"{name}: outline group missing"
    filled = re.findall(r'<\w+[^>]*fill="currentColor"[^>]*>', text)
    assert all('stroke="none"' in element for element in filled), f"{name}: filled outline {filled}"
    assert "<image" not in text and "<text" not in text and "href" not in text
    assert QSvgRenderer(QByteArray(text.encode())).isValid()


@pytest.mark.parametrize("size", [48, 256])
@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_renders_a_line_drawing(library, name: str, size: int) -> None:
    image = library.pixmap(name, size, "white").toImage()
    assert (image.width(), image.height()) == (size, size)
    share = len(opaque_pixels(image)) / (size * size)
    assert 0.03 <= share <= 0.60, f"{name} at {size} px covers {share:.1%} of its square"


@pytest.mark.parametrize("colour", ACCENTS)
@pytest.mark.parametrize("name", ["rocket", "dna", "ui-touch", "factory"])
def test_icon_takes_the_requested_colour(library, name: str, colour: str) -> None:
    image = library.pixmap(name, 96, colour).toImage()
    counts = Counter(pixel & 0xFFFFFF for pixel in opaque_pixels(image, threshold=250))
    dominant = QColor(counts.most_common(1)[0][0])
    wanted = QColor(colour)
    diff = max(
        abs(dominant.red() - wanted.red()), abs(dominant.green() - wanted.green()), abs(dominant.blue() - wanted.blue())
    )
    assert diff <= 3, f"{name} drew {dominant.name()} for {colour}"


def test_background_stays_transparent(library) -> None:
    image = library.pixmap("ui-close", 64, "#FF9F6B").toImage()
    assert image.hasAlphaChannel()
    assert QColor.fromRgba(image.pixel(0, 0)).alpha() == 0
    assert QColor.fromRgba(image.pixel(2, 61)).alpha() == 0


def test_accepts_qcolor_and_translucency(library) -> None:
    solid = library.pixmap("ui-close", 64, QColor("#5EC8F2")).toImage()
    faded = library.pixmap("ui-close", 64, QColor(0x5E, 0xC8, 0xF2, 100)).toImage()
    centre_solid = QColor.fromRgba(solid.pixel(32, 32))
    centre_faded = QColor.fromRgba(faded.pixel(32, 32))
    assert centre_solid.alpha() == 255
    assert 80 <= centre_faded.alpha() <= 120


def test_device_pixel_ratio_gives_physical_pixels(library) -> None:
    pixmap = library.pixmap("globe", 40, "white", device_pixel_ratio=2.0)
    assert (pixmap.width(), pixmap.height()) == (80, 80)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.deviceIndependentSize().width() == pytest.approx(40)


def test_same_key_returns_the_same_pixmap(library) -> None:
    first = library.pixmap("atom", 64, "#B59CFF").cacheKey()
    assert library.pixmap("atom", 64, QColor("#b59cff")).cacheKey() == first
    assert library.pixmap("atom", 64, "#B59CFF", 2.0).cacheKey() != first
    assert library.pixmap("atom", 65, "#B59CFF").cacheKey() != first
    assert library.pixmap("atom", 64, "#FFFFFF").cacheKey() != first
    assert library.pixmap("ship", 64, "#B59CFF").cacheKey() != first


def test_pixmaps_are_kept_in_qts_pixmap_cache(library) -> None:
    kept = library.pixmap("atom", 32, "white")
    assert library.pixmap("atom", 32, "white").cacheKey() == kept.cacheKey()
    QPixmapCache.clear()  # what Qt does to the least recently used when the cache is full
    again = library.pixmap("atom", 32, "white")
    assert again.cacheKey() != kept.cacheKey() and again.toImage() == kept.toImage()


def test_one_folder_is_one_set_of_cached_pixmaps(tmp_path: Path, qapp) -> None:
    one, two = IconLibrary(ICON_DIR), IconLibrary(ICON_DIR)
    assert one.pixmap("dna", 48, "white").cacheKey() == two.pixmap("dna", 48, "white").cacheKey()
    (tmp_path / "dna.svg").write_bytes((ICON_DIR / "ui-close.svg").read_bytes())  # another icon, the same name
    other = IconLibrary(tmp_path).pixmap("dna", 48, "white")
    assert other.toImage() != one.pixmap("dna", 48, "white").toImage()


def test_svg_is_read_once(tmp_path: Path, qapp) -> None:
    (tmp_path / "dot.svg").write_bytes((ICON_DIR / "ui-close.svg").read_bytes())
    library = IconLibrary(tmp_path)
    library.pixmap("dot", 32, "white")
    (tmp_path / "dot.svg").unlink()
    assert not library.pixmap("dot", 40, "#4FD1A5").isNull()


def test_unknown_icon_raises_key_error_listing_the_available(library) -> None:
    with pytest.raises(KeyError) as caught:
        library.pixmap("unicorn", 48, "white")
    message = str(caught.value)
    assert "unicorn" in message
    assert "rocket" in message and "ui-touch" in message
    with pytest.raises(KeyError, match="unicorn"):
        library.paint(QPainter(), QRectF(0, 0, 10, 10), "unicorn", "white")


def test_bad_arguments_are_refused(library, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="colour"):
        library.pixmap("atom", 48, "not-a-colour")
    with pytest.raises(ValueError, match="size"):
        library.pixmap("atom", 0, "white")
    with pytest.raises(ValueError, match="ratio"):
        library.pixmap("atom", 48, "white", device_pixel_ratio=0)
    with pytest.raises(FileNotFoundError):
        IconLibrary(tmp_path / "absent")


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_paint_draws_centred_and_crisp(library, dpr: float) -> None:
    image = QImage(int(200 * dpr), int(100 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    library.paint(painter, QRectF(50, 10, 100, 80), "ui-close", "#4FD1A5")
    painter.end()
    expected = library.pixmap("ui-close", 80, "#4FD1A5", dpr).toImage().convertToFormat(image.format())
    # The 80 px square sits in the middle of the rect, copied pixel for pixel (no resampling blur).
    drawn = image.copy(int(60 * dpr), int(10 * dpr), int(80 * dpr), int(80 * dpr))
    drawn.setDevicePixelRatio(expected.devicePixelRatio())
    assert drawn == expected
    assert QColor.fromRgba(image.pixel(int(55 * dpr), int(50 * dpr))).alpha() == 0


def test_paint_draws_from_the_cache(library, monkeypatch: pytest.MonkeyPatch) -> None:
    image = QImage(100, 100, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    library.paint(painter, QRectF(0, 0, 100, 100), "ui-home", "#4FD1A5")
    monkeypatch.setattr(library, "_render", None)  # a second render would fail
    library.paint(painter, QRectF(0, 0, 100, 100), "ui-home", "#4FD1A5")
    painter.end()


def test_an_icon_over_its_limit_is_refused_with_its_name(qapp, tmp_path) -> None:
    """Icons are read like every other file (kiosk.safe_read): a regular file within MAX_ICON_BYTES."""
    huge = tmp_path / "huge.svg"
    with huge.open("wb") as out:
        out.truncate(MAX_ICON_BYTES + 1)
    with pytest.raises(RuntimeError, match=f"icon not read: {huge}: file is .* bytes; the limit is"):
        IconLibrary(tmp_path).svg_bytes("huge")
