#!/usr/bin/env python3
"""Build the bundled Simplified Chinese fonts: subsets of Noto Sans CJK SC.

    python tools/make_fonts.py [--source-dir DIR] [--out src/kiosk/assets/fonts]

Reads font number 2 ("Noto Sans CJK SC") of NotoSansCJK-{Regular,Bold}.ttc and
writes NotoSansSC-{Regular,Bold}.otf, covering all of GB2312, Latin, common
punctuation/symbol blocks and every character used in content/**/*.yaml.
The output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
FONT_DIR = REPO / "src" / "kiosk" / "assets" / "fonts"  # package data of kiosk, written here in the checkout
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SC_FONT_NUMBER = 2  # index of Simplified Chinese inside the Noto Sans CJK .ttc
SC_FAMILY = "Noto Sans CJK SC"
WEIGHTS = ("Regular", "Bold")

BLOCKS = (
    (0x0020, 0x017F),  # Basic Latin, Latin-1 Supplement, Latin Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0x2190, 0x21FF),  # Arrows
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
    # Cheap extras that science text reaches for (CO₂, km², ℃, ①, ●, ㎡, μ, ≤):
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x2100, 0x218F),  # Letterlike Symbols, Number Forms
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2460, 0x24FF),  # Enclosed Alphanumerics
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0x3300, 0x33FF),  # CJK Compatibility (unit squares)
)


def gb2312_chars() -> set[str]:
    """Every character of GB2312 (two-byte codes 0xA1A1..0xF7FE that decode)."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def content_chars(content_dir: Path) -> set[str]:
    """Every character in any *.yaml file under content_dir (read as UTF-8)."""
    chars: set[str] = set()
    for path in sorted(content_dir.rglob("*.yaml")):
        chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if not c.isspace()}


def block_codepoints() -> set[int]:
    return {cp for first, last in BLOCKS for cp in range(first, last + 1)}


def subset_options() -> subset.Options:
    options = subset.Options()
    options.layout_features = ["*"]  # keep kern, liga, palt, vert, locl, ...
    options.name_IDs = ["*"]  # keep copyright, licence and trademark records
    options.name_languages = ["*"]
    options.hinting = False  # ~15% smaller; kiosk text is large on a dense screen
    options.recalc_timestamp = False  # keep head.modified: deterministic output
    return options


def make_font(source: Path, out: Path, required: set[str], optional: set[int]) -> TTFont:
    """Subset source to required characters (warn if absent) plus optional code points."""
    font = TTFont(source, fontNumber=SC_FONT_NUMBER)
    family = font["name"].getDebugName(1)
    if family != SC_FAMILY:
        raise SystemExit(f"{source} font #{SC_FONT_NUMBER} is {family!r}, not {SC_FAMILY!r}")
    available = set(font.getBestCmap())
    absent = "".join(sorted(c for c in required if ord(c) not in available))
    if absent:
        print(f"warning: {source.name} has no glyph for {absent!r}", file=sys.stderr)
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=({ord(c) for c in required} | optional) & available)
    subsetter.subset(font)
    font.recalcTimestamp = False
    font.save(out)
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=DEFAULT_SOURCE_DIR,
        help="folder holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc",
    )
    parser.add_argument(
        "--out", type=Path, default=FONT_DIR, help="output folder (default: src/kiosk/assets/fonts of this repo)"
    )
    parser.add_argument(
        "--content-dir", type=Path, default=REPO / "content", help="folder whose *.yaml characters must be covered"
    )
    args = parser.parse_args(argv)

    required = gb2312_chars() | content_chars(args.content_dir)
    optional = block_codepoints()
    args.out.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        source = args.source_dir / f"NotoSansCJK-{weight}.ttc"
        out = args.out / f"NotoSansSC-{weight}.otf"
        font = make_font(source, out, required, optional)
        data = out.read_bytes()
        print(
            f"{out.name}: {len(data):,} bytes, {font['maxp'].numGlyphs} glyphs, "
            f"{len(font.getBestCmap())} code points, "
            f"sha256 {hashlib.sha256(data).hexdigest()[:16]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
