"""The attract loop as a strip of frames (one a second over one cycle) and the figures that say whether it works from
across a hall: how much of each frame stands away from the navy ground, how much of the screen changes in every 3 s,
how large the hero figure is, which languages appear, and how far apart the touch demonstrations are.

``kiosk render`` writes ``WxH/attract/frame-NNN.png``, ``WxH/attract/strip.png`` and ``WxH/attract/report.json``
(and ``report.txt``, the same in words) for each size.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from kiosk.clock import ManualClock
from kiosk.content.model import Content
from kiosk.exhibit.flashes import FlashFinding, region_flashes, region_means
from kiosk.qt.app.build import BuiltExhibit, application, build_exhibit
from kiosk.qt.exhibit.screens.attract import AttractPage
from kiosk.qt.foundations.item import Item
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.settings.model import ExhibitSettings

AWAY = 24  # a pixel counts as away from the ground, or as changed, when a channel differs by more than this (of 255)
WINDOW_S = 3
# What the brief asks of every frame and window (tests hold them).
MIN_AWAY = 0.40
MIN_CHANGED = 0.15
MIN_HERO = 0.25
MAX_DEMO_GAP_S = 10.0

Pixels = NDArray[np.int16]


@dataclass(frozen=True)
class FrameFigures:
    t_s: float
    scene: str  # which slide is on (its kind and id)
    away: float  # share of the pixels away from the ground colour
    hero: float  # the hero figure's smaller side as a share of the screen's short side
    languages: list[str]
    demo: bool  # the touch demonstration is on


@dataclass
class StripReport:
    size: str
    slide_s: float
    cycle_s: float
    scenes: list[str]
    frames: list[FrameFigures] = field(default_factory=list)
    windows: list[tuple[float, float]] = field(default_factory=list)  # (start s, share of the screen changed)
    longest_without_demo_s: float = 0.0
    frame_files: list[str] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        return sorted({lang for f in self.frames for lang in f.languages})

    def worst(self) -> dict[str, float]:
        return {
            "away_min": min(f.away for f in self.frames),
            "changed_min": min(c for _, c in self.windows),
            "hero_min": min(f.hero for f in self.frames),
        }

    def failures(self) -> list[str]:
        """What misses the brief's figures, in words (empty when everything holds)."""
        found = []
        for f in self.frames:
            if f.away < MIN_AWAY:
                found.append(
                    f"{self.size} {f.t_s:g} s ({f.scene}): {f.away:.0%} away from the ground, under {MIN_AWAY:.0%}"
                )
            if f.hero < MIN_HERO:
                found.append(
                    f"{self.size} {f.t_s:g} s ({f.scene}): hero {f.hero:.0%} of the short side, under {MIN_HERO:.0%}"
                )
        for start, changed in self.windows:
            if changed < MIN_CHANGED:
                found.append(f"{self.size} {start:g}–{start + WINDOW_S:g} s: {changed:.0%} of the screen changed")
        if self.longest_without_demo_s > MAX_DEMO_GAP_S:
            found.append(f"{self.size}: {self.longest_without_demo_s:g} s without a touch demonstration")
        return found

    def as_json(self) -> dict[str, object]:
        return {
            "size": self.size,
            "slide_s": self.slide_s,
            "cycle_s": self.cycle_s,
            "scenes": self.scenes,
            "languages": self.languages,
            "longest_without_demo_s": round(self.longest_without_demo_s, 2),
            "thresholds": {"away": MIN_AWAY, "changed_per_3s": MIN_CHANGED, "hero": MIN_HERO, "pixel_delta": AWAY},
            "worst": {k: round(v, 4) for k, v in self.worst().items()},
            "frames": [asdict(f) | {"away": round(f.away, 4), "hero": round(f.hero, 4)} for f in self.frames],
            "windows_3s": [{"start_s": s, "changed": round(c, 4)} for s, c in self.windows],
            "failures": self.failures(),
        }

    def as_text(self) -> str:
        worst = self.worst()
        lines = [
            f"attract loop at {self.size}: {len(self.scenes)} scenes of {self.slide_s:g} s, "
            f"one cycle {self.cycle_s:g} s",
            f"  away from the ground: lowest {worst['away_min']:.1%} (at least {MIN_AWAY:.0%} asked)",
            f"  changed in a 3 s window: lowest {worst['changed_min']:.1%} (at least {MIN_CHANGED:.0%})",
            f"  hero figure: smallest {worst['hero_min']:.1%} of the short side (at least {MIN_HERO:.0%})",
            f"  languages: {', '.join(self.languages)}; "
            f"touch demonstration at most {self.longest_without_demo_s:g} s apart",
            "  scenes: " + ", ".join(self.scenes),
        ]
        lines += [f"  MISS {text}" for text in self.failures()] or ["  every figure holds"]
        return "\n".join(lines) + "\n"


def _pixels(image: QImage, step: int = 1) -> Pixels:
    """The image's RGB values, every ``step``-th pixel each way (one per logical pixel: the shares are the same)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return data[:, : width * 3].reshape(height, width, 3)[::step, ::step].astype(np.int16)


def away_share(pixels: Pixels, ground: QColor) -> float:
    """The share of ``pixels`` that differ from ``ground`` by more than ``AWAY`` in some channel."""
    g = np.array([ground.red(), ground.green(), ground.blue()], dtype=np.int16)
    return float((np.abs(pixels - g).max(axis=2) > AWAY).mean())


def changed_share(frames: list[Pixels]) -> float:
    """The share of the screen that changes over ``frames``: pixels whose colour ranges over more than ``AWAY`` in
    some channel (a slow fade counts once it has gone far enough, however small each step)."""
    stack = np.stack(frames)
    spread = stack.max(axis=0) - stack.min(axis=0)
    return float((spread.max(axis=2) > AWAY).mean())


def hero_share(page: AttractPage) -> float:
    """The hero figure's drawn extent (its smaller side) over the logical short side."""
    scene = page.current
    if scene is None:
        return 0.0
    rect = _drawn(scene.hero)
    return min(rect.width(), rect.height()) / min(page.ctx.width, page.ctx.height)


def _drawn(item: QGraphicsItem) -> QRectF:
    """What ``item`` draws, in scene coordinates: a text's lines; an item's own box when it paints itself (a
    ladder, a grid), united with the items it holds (marks, tiles)."""
    if isinstance(item, TextBlock):
        box = item.sceneBoundingRect()
        layout = item.fitted.layout
        width = max((layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount())), default=0.0)
        return QRectF(box.x(), box.y(), width, item.text_height())
    paints = type(item).paint is not Item.paint
    rect = item.sceneBoundingRect() if paints else QRectF()
    for child in item.childItems():
        if child.isVisible():
            rect = rect.united(child.sceneBoundingRect())
    return rect


def _scene_name(page: AttractPage) -> str:
    slide = page.loop.playlist[page.slide_index]
    ident = next(iter(vars(slide).values()), "") if vars(slide) else ""
    kind = type(slide).__name__.removesuffix("Slide").lower()
    extra = getattr(slide, "chart_id", None)
    return f"{kind}:{extra or ident}" if ident or extra else kind


@contextmanager
def attract_on_stage(
    content: Content, content_dir: Path | None, size: tuple[int, int]
) -> Iterator[tuple[QApplication, BuiltExhibit, AttractPage]]:
    """The exhibit at ``size`` showing its attract loop, its timers stopped (``show_attract_at`` moves it); taken
    down and freed afterwards."""
    app = application()
    clock = ManualClock()
    exhibit: BuiltExhibit = build_exhibit(content, ExhibitSettings(), clock, content_dir=content_dir)
    try:
        exhibit.stage.resize(*size)
        exhibit.stage.show()
        app.processEvents()
        exhibit.controller.go_idle()
        exhibit.controller.stop_timers()
        page = exhibit.controller.page
        assert isinstance(page, AttractPage)
        yield app, exhibit, page
    finally:
        exhibit.stage.close()
        exhibit.stage.deleteLater()
        del exhibit
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # free it now, as render.visit does
        gc.collect()


def cycle_flashes(
    content: Content, content_dir: Path | None, size: tuple[int, int], fps: float = 12.0, seconds: float | None = None
) -> list[FlashFinding]:
    """One cycle of the attract loop (or its first ``seconds``) at ``size`` sampled ``fps`` times a second: per
    region of the screen, the most flashes in any one second (:mod:`kiosk.exhibit.flashes`)."""
    with attract_on_stage(content, content_dir, size) as (app, exhibit, page):
        means = []
        for k in range(round((seconds or page.loop.cycle_s) * fps) + 1):
            exhibit.controller.show_attract_at(k / fps)
            app.processEvents()
            means.append(region_means(_pixels(exhibit.stage.grab().toImage())))
    return region_flashes(np.stack(means), fps)


def write_strip(
    content: Content, content_dir: Path | None, out: Path, size: tuple[int, int], step_s: float = 1.0
) -> StripReport:
    """Write one frame every ``step_s`` over one cycle of the attract loop at ``size`` into ``out``, a strip of
    thumbnails and the report; returns the report."""
    out.mkdir(parents=True, exist_ok=True)
    with attract_on_stage(content, content_dir, size) as (app, exhibit, page):
        loop = page.loop
        ground = QColor(content.exhibit.theme.ground)
        report = StripReport(
            f"{size[0]}x{size[1]}", loop.slide_s, loop.cycle_s, [], longest_without_demo_s=loop.longest_without_demo()
        )
        steps = round(loop.cycle_s / step_s)
        history: list[Pixels] = []
        thumbs: list[QImage] = []
        for k in range(steps + WINDOW_S):  # a window at the end runs into the next cycle
            t = k * step_s
            exhibit.controller.show_attract_at(t)
            app.processEvents()
            image = exhibit.stage.grab().toImage()
            pixels = _pixels(image, max(1, round(min(size) / 1080)))
            history = [*history[-WINDOW_S:], pixels]
            if k >= WINDOW_S:
                report.windows.append(((k - WINDOW_S) * step_s, changed_share(history)))
            if k >= steps:
                continue
            name = _scene_name(page)
            if name not in report.scenes:
                report.scenes.append(name)
            report.frames.append(
                FrameFigures(
                    t, name, away_share(pixels, ground), hero_share(page), sorted(page.languages_shown()),
                    page.demo.isVisible(),
                )
            )  # fmt: skip
            path = out / f"frame-{k:03d}.png"
            if not image.save(str(path)):
                raise OSError(f"cannot write {path}")
            report.frame_files.append(path.name)
            thumbs.append(
                image.scaledToWidth(240 if size[0] >= size[1] else 135, Qt.TransformationMode.SmoothTransformation)
            )
    _strip(thumbs).save(str(out / "strip.png"))
    (out / "report.json").write_text(
        json.dumps(report.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (out / "report.txt").write_text(report.as_text(), encoding="utf-8")
    return report


def _strip(thumbs: list[QImage], columns: int = 10) -> QImage:
    """The frames in rows of ``columns``, one second after another, each with its second written on it."""
    w, h, pad = thumbs[0].width(), thumbs[0].height(), 6
    rows = -(-len(thumbs) // columns)
    sheet = QImage(columns * (w + pad) + pad, rows * (h + pad) + pad, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#050B1A"))
    painter = QPainter(sheet)
    font = QApplication.font()
    font.setPixelSize(13)
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF"))
    for i, thumb in enumerate(thumbs):
        x, y = pad + (i % columns) * (w + pad), pad + (i // columns) * (h + pad)
        painter.drawImage(x, y, thumb)
        painter.drawText(x + 4, y + 15, f"{i} s")
    painter.end()
    return sheet
