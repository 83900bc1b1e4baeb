"""`kiosk render` writes a proof of every screen and a contact sheet; broken content and bad sizes are refused with
a message, never a traceback; `kiosk run` on broken content stops with the validation errors.

Rendering uses the small content of tests/content/fixtures.py (seven screens), so it stays quick.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk import cli
from kiosk.content.loader import require_content
from kiosk.exhibit.navigation import Home
from kiosk.qt.proof import render

from ...content.fixtures import PILLAR, edit, write_content

pytestmark = pytest.mark.gui

SCREENS = ["attract", "attract-02-rank", "attract-03-one", "home", "pillar-one", "story-one-01-ship", "outlook"]
SCREENS += ["idle-warning", "accessibility-menu"]
# The attract loop of the fixture: three scenes of 7 s, one frame a second, a strip and the report.
STRIP = [f"frame-{i:03d}.png" for i in range(21)] + ["report.json", "report.txt", "strip.png"]
STAFF_SCREENS = ["operator-pin", "operator-panel", "operator-touch-test", "standby"]  # bilingual: drawn once


def written(out: Path) -> list[str]:
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())


def test_render_writes_one_proof_per_screen_and_a_contact_sheet(tmp_path, qapp, capsys) -> None:
    content_dir, out = write_content(tmp_path), tmp_path / "proofs"
    assert (
        cli.main(["render", "--content", str(content_dir), "--out", str(out), "--size", "1920x1080", "--lang", "zh"])
        == 0
    )
    assert [shot.name for shot in render.shots(require_content(content_dir))] == SCREENS
    assert written(out) == sorted(
        [f"1920x1080/zh/{name}.png" for name in SCREENS]
        + [f"1920x1080/operator/{name}.png" for name in STAFF_SCREENS]
        + [f"1920x1080/attract/{name}" for name in STRIP]
        + ["contact-1920x1080.png"]
    )
    for folder, name in [("zh", name) for name in SCREENS] + [("operator", name) for name in STAFF_SCREENS]:
        image = QImage(str(out / "1920x1080" / folder / f"{name}.png"))
        assert (image.width(), image.height()) == (1920, 1080), name
        colours = {image.pixel(x, y) for x in range(0, 1920, 23) for y in range(0, 1080, 19)}
        assert len(colours) > 3, f"{name} is blank"
    sheet = QImage(str(out / "contact-1920x1080.png"))
    assert not sheet.isNull() and sheet.width() > 1000
    said = capsys.readouterr().out
    assert f"wrote {len(SCREENS) + len(STAFF_SCREENS) + len(STRIP) + 1} files" in said
    assert "attract loop at 1920x1080: 3 scenes of 7 s, one cycle 21 s" in said


def test_render_every_language_at_a_portrait_size(tmp_path, qapp) -> None:
    content_dir, out = write_content(tmp_path), tmp_path / "proofs"
    assert (
        cli.main(["render", "--content", str(content_dir), "--out", str(out), "--size", "1080x1920", "--lang", "all"])
        == 0
    )
    expected = [f"1080x1920/{lang}/{name}.png" for lang in ("zh", "en") for name in SCREENS]
    expected += [f"1080x1920/operator/{name}.png" for name in STAFF_SCREENS]
    expected += [f"1080x1920/attract/{name}" for name in STRIP]
    assert written(out) == sorted(expected + ["contact-1080x1920.png"])
    portrait = QImage(str(out / "1080x1920" / "en" / "home.png"))
    assert (portrait.width(), portrait.height()) == (1080, 1920)


def test_render_with_broken_content_names_the_file_and_line_and_writes_nothing(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    write_content(tmp_path, outlook="outlook: [")
    assert cli.main(["render", "--content", "content", "--out", "proofs", "--size", "1920x1080"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/outlook.yaml:2:1: YAML syntax error")
    assert "nothing was rendered" in err and "Traceback" not in err
    assert not (tmp_path / "proofs").exists()


@pytest.mark.parametrize("size", ["12x12", "1920x100000", "big", "1920"])
def test_render_refuses_a_size_it_cannot_draw(tmp_path, capsys, size) -> None:
    assert cli.main(["render", "--out", str(tmp_path / "proofs"), "--size", size]) == 1  # bad arguments
    err = capsys.readouterr().err
    assert f"argument --size: {size!r}" in err and "Traceback" not in err
    assert not (tmp_path / "proofs").exists()


def test_run_with_broken_content_exits_1_with_every_error_and_no_traceback(tmp_path) -> None:
    write_content(tmp_path, outlook="outlook: [", pillar=edit(PILLAR, "icon: globe", "icon: glob"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--content", "content"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert lines[0].startswith("content/outlook.yaml:2:1: YAML syntax error")
    assert lines[1].startswith("content/pillars/1.yaml:9:9: pillar.icon:") and "did you mean 'globe'" in lines[1]
    assert lines[-1] == "content: 2 error(s); the exhibit was not started"
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_the_idle_warning_proof_stays_a_warning_however_slow_the_render(tmp_path, qapp, monkeypatch) -> None:
    content = require_content(write_content(tmp_path))
    only = [shot for shot in render.shots(content) if shot.name == "idle-warning"]
    monkeypatch.setattr(render, "shots", lambda _content: only)
    seen = []
    for _shot, exhibit in render.visit(content, None, (1920, 1080), "zh"):
        controller = exhibit.controller
        before = controller.idle_warning is not None
        if controller.idle_loop.idle_timer.isActive():
            controller.idle_loop.idle_timer.timeout.emit()  # what happens when the render takes longer than the timer
        seen.append((before, controller.idle_warning is not None, controller.screen))
    assert seen == [(True, True, Home())]
