"""``kiosk render``: every screen and state as a PNG, after its animations settle, plus a contact sheet per size.

Runs offscreen with a hand-driven clock, so the pictures are the same on every run and need no display. The same
walk through the screens feeds the layout check (``kiosk validate --layout``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from kiosk.accessibility.choices import mode_choices
from kiosk.clock import ManualClock
from kiosk.content.model import Content
from kiosk.content.text import Language
from kiosk.exhibit.attract import build_playlist
from kiosk.exhibit.navigation import stories
from kiosk.qt.app.build import BuiltExhibit, application, build_exhibit
from kiosk.qt.proof.attract_strip import write_strip
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.settings.model import ExhibitSettings

if TYPE_CHECKING:
    from kiosk.qt.exhibit.charts.chart import ChartGraphic

SIZES = ((1920, 1080), (3840, 2160), (1080, 1920))


@dataclass(frozen=True)
class Shot:
    name: str  # e.g. "pillar-industry"
    go: Callable[[BuiltExhibit, ManualClock], None]  # brings the exhibit to this state


def _attract_slide(index: int) -> Callable[[BuiltExhibit, ManualClock], None]:
    """The attract loop's scene ``index`` as it is complete, just before the next one comes."""

    def go(exhibit: BuiltExhibit, clock: ManualClock) -> None:
        exhibit.controller.go_idle()
        slide_s = exhibit.controller.settings.attract_slide_s
        exhibit.controller.show_attract_at(slide_s * (index + 1) - min(0.05, slide_s / 10))

    return go


def _attract_shots(content: Content) -> list[Shot]:
    """One shot per attract scene: ``attract`` (the title), then ``attract-02-rankings`` and so on."""
    found = []
    for index, slide in enumerate(build_playlist(content)):
        ident = getattr(slide, "chart_id", None) or getattr(slide, "number_id", None) or getattr(slide, "pillar_id", "")
        name = "attract" if index == 0 else f"attract-{index + 1:02d}-{ident}"
        found.append(Shot(name, _attract_slide(index)))
    return found


def _home(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    exhibit.controller.go_idle()
    exhibit.controller.wake()


def _pillar(pillar_id: str) -> Callable[[BuiltExhibit, ManualClock], None]:
    def go(exhibit: BuiltExhibit, clock: ManualClock) -> None:
        _home(exhibit, clock)
        exhibit.controller.open_pillar(pillar_id)

    return go


def _story(pillar_id: str, index: int) -> Callable[[BuiltExhibit, ManualClock], None]:
    def go(exhibit: BuiltExhibit, clock: ManualClock) -> None:
        _pillar(pillar_id)(exhibit, clock)
        exhibit.controller.open_story(index)

    return go


def _outlook(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    _home(exhibit, clock)
    exhibit.controller.open_outlook()


def _idle_warning(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    _home(exhibit, clock)
    settings = exhibit.controller.settings
    clock.advance(settings.idle_timeout_s - settings.idle_warning_s + 0.5)
    exhibit.controller.check_idle()


def _menu(exhibit: BuiltExhibit, clock: ManualClock) -> None:
    _home(exhibit, clock)
    exhibit.accessibility.open_menu()


def shots(content: Content) -> list[Shot]:
    """Every screen and state, in visiting order."""
    found = [*_attract_shots(content), Shot("home", _home)]
    for pillar in sorted(content.pillars, key=lambda p: p.order):
        found.append(Shot(f"pillar-{pillar.id}", _pillar(pillar.id)))
        for index, story in enumerate(stories(pillar)):
            found.append(Shot(f"story-{pillar.id}-{index + 1:02d}-{story.id}", _story(pillar.id, index)))
    found += [Shot("outlook", _outlook), Shot("idle-warning", _idle_warning), Shot("accessibility-menu", _menu)]
    return found


def mode_shots(content: Content, mode: str) -> list[Shot]:
    """The screens a mode is shown on: every one but the attract loop in a visitor's mode (the choices are reset
    there, so it is always drawn as by default)."""
    every = shots(content)
    return every if mode == "default" else [shot for shot in every if not shot.name.startswith("attract")]


def _choose(exhibit: BuiltExhibit, clock: ManualClock, mode: str) -> None:
    """Turn the mode's choices on where the shot took the exhibit (an idle warning comes back after the longer idle
    time that any choice gives)."""
    controller = exhibit.controller
    warning = controller.idle_warning is not None
    for choice in mode_choices(mode):
        controller.access.set(choice, True)
    if warning and controller.idle_warning is None:
        tracker = controller.idle_loop.tracker
        clock.advance(tracker.seconds_left() - tracker.warning_s + 0.5)
        controller.check_idle()


def visit(
    content: Content,
    content_dir: Path | None,
    size: tuple[int, int],
    language: Language,
    chosen: list[Shot] | None = None,
    mode: str = "default",
) -> Iterator[tuple[Shot, BuiltExhibit]]:
    """Bring a fresh offscreen exhibit of ``size`` to each state (``chosen``, default every screen of ``mode``) in
    turn, in the accessibility ``mode`` (see kiosk.accessibility.choices.mode_choices: e.g. ``large-text+reach``),
    settled, and yield it."""
    app = application()
    for shot in mode_shots(content, mode) if chosen is None else chosen:
        clock = ManualClock()
        # Defaults but the language (the proof shows the motion's end state, so reduced motion makes no difference).
        exhibit = build_exhibit(content, ExhibitSettings(language=language), clock, content_dir=content_dir)
        exhibit.stage.resize(*size)
        exhibit.stage.show()
        app.processEvents()
        shot.go(exhibit, clock)
        _choose(exhibit, clock, mode)
        # The clock is driven by hand: no timer may act on real time passing while the pictures are taken.
        exhibit.controller.stop_timers()
        exhibit.controller.settle(clock.advance)
        app.processEvents()
        yield shot, exhibit
        exhibit.stage.close()
        exhibit.stage.deleteLater()
        del exhibit
        # processEvents() leaves deferred deletions alone, and the exhibit's Python wrappers refer to each other
        # (signals to bound methods): without these two, every screen at 4K kept about 200 MB alive.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


def text_blocks(exhibit: BuiltExhibit) -> list[TextBlock]:
    return [item for item in exhibit.stage.scene().items() if isinstance(item, TextBlock) and _shown(item)]


def charts_shown(exhibit: BuiltExhibit) -> list[ChartGraphic]:
    """The charts on screen (their ``fit_scale`` below 1: they were shrunk to fit)."""
    from kiosk.qt.exhibit.charts.chart import ChartGraphic  # pyqtgraph: imported only where charts are looked for

    return [item for item in exhibit.stage.scene().items() if isinstance(item, ChartGraphic) and _shown(item)]


def _shown(item: QGraphicsItem) -> bool:
    return item.isVisible() and item.effectiveOpacity() > 0.01


def render(
    content: Content,
    content_dir: Path | None,
    out: Path,
    sizes: list[tuple[int, int]],
    languages: list[Language],
    progress: Callable[[str], None] = print,
    staff_shots: list[Shot] | None = None,
    modes: list[str] | None = None,
    attract_strip: bool = True,
) -> list[Path]:
    """Write ``out/WxH/LANG/NAME.png`` for every state (``out/WxH/LANG-MODE/NAME.png`` in each accessibility mode
    of ``modes`` other than default), ``out/WxH/operator/NAME.png`` for each of ``staff_shots`` (bilingual screens,
    drawn once) and ``out/contact-WxH.png``; with ``attract_strip``, also the attract loop as frames, a strip and a
    report in ``out/WxH/attract/`` (see :mod:`kiosk.qt.proof.attract_strip`). Returns the files."""
    written: list[Path] = []
    for size in sizes:
        tiles: list[tuple[str, QImage]] = []
        passes: list[tuple[str, Language, list[Shot] | None, str]] = [
            (language if mode == "default" else f"{language}-{mode}", language, None, mode)
            for mode in modes or ["default"]
            for language in languages
        ]
        if staff_shots:
            passes.append(("operator", languages[0], staff_shots, "default"))
        for folder_name, language, chosen, mode in passes:
            folder = out / f"{size[0]}x{size[1]}" / folder_name
            folder.mkdir(parents=True, exist_ok=True)
            for shot, exhibit in visit(content, content_dir, size, language, chosen, mode):
                image = exhibit.stage.grab().toImage()
                path = folder / f"{shot.name}.png"
                if not image.save(str(path)):
                    raise OSError(f"cannot write {path}")
                written.append(path)
                # Only the thumbnail is kept for the contact sheet (72 full 4K screens would hold 2.4 GB).
                thumb = image.scaledToWidth(_thumb_width(size), Qt.TransformationMode.SmoothTransformation)
                tiles.append((f"{folder_name} · {shot.name}", thumb))
        sheet = out / f"contact-{size[0]}x{size[1]}.png"
        contact_sheet(tiles, size).save(str(sheet))
        written.append(sheet)
        progress(f"{size[0]}x{size[1]}: {len(tiles)} screens, contact sheet {sheet}")
        if attract_strip:
            folder = out / f"{size[0]}x{size[1]}" / "attract"
            report = write_strip(content, content_dir, folder, size)
            written += [folder / name for name in report.frame_files]
            written += [folder / "strip.png", folder / "report.json", folder / "report.txt"]
            progress(report.as_text().rstrip())
    return written


def _thumb_width(size: tuple[int, int]) -> int:
    return 360 if size[0] >= size[1] else 220


def contact_sheet(tiles: list[tuple[str, QImage]], size: tuple[int, int], columns: int = 6) -> QImage:
    """Thumbnails of every screen with their names, on the exhibit's navy."""
    thumb_w = _thumb_width(size)
    thumb_h = round(thumb_w * size[1] / size[0])
    caption, pad = 30, 16
    rows = -(-len(tiles) // columns)
    sheet = QImage(columns * (thumb_w + pad) + pad, rows * (thumb_h + caption + pad) + pad, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#050B1A"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setPen(QColor("#A9B6CF"))
    font = QApplication.font()
    font.setPixelSize(15)
    painter.setFont(font)
    for i, (name, image) in enumerate(tiles):
        x = pad + (i % columns) * (thumb_w + pad)
        y = pad + (i // columns) * (thumb_h + caption + pad)
        painter.drawImage(QRectF(x, y, thumb_w, thumb_h), image)
        painter.drawText(
            QRectF(x, y + thumb_h + 4, thumb_w, caption - 4),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine,
            name,
        )
    painter.end()
    return sheet
