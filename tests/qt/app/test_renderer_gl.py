"""The OpenGL path draws what raster draws: the home screen on a virtual X server with Mesa, once through an OpenGL
viewport and once raster, match within a small tolerance (antialiasing may differ by a shade). And ``auto`` takes
OpenGL only from a hardware driver."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.qt.app.renderer import is_software_renderer

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
from xvfb_session import start_xvfb  # noqa: E402  (shared with tools/monkey.py)

SHOT = Path(__file__).with_name("gl_shot.py")


@pytest.mark.parametrize(
    ("name", "software"),
    [
        ("llvmpipe (LLVM 15.0.6, 256 bits)", True),
        ("softpipe", True),
        ("Software Rasterizer", True),
        ("GDI Generic", True),
        ("", True),
        ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", False),
        ("AMD Radeon Graphics (radeonsi, renoir, LLVM 15.0.6, DRM 3.49, 6.1.0-18-amd64)", False),
        ("NVIDIA GeForce GTX 1650/PCIe/SSE2", False),
    ],
)
def test_software_rasterisers_count_as_no_gpu(name: str, software: bool) -> None:
    assert is_software_renderer(name) is software


def shot(renderer: str, display: str, out: Path) -> str:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run(
        [sys.executable, str(SHOT), renderer, str(out)], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout.strip().splitlines()[-1]


def differing_share(a: QImage, b: QImage, tolerance: int = 24, step: int = 3) -> float:
    assert a.size() == b.size()
    differ = total = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            total += 1
            if any(abs(((pa >> s) & 255) - ((pb >> s) & 255)) > tolerance for s in (0, 8, 16)):
                differ += 1
    return differ / total


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_the_opengl_viewport_draws_what_raster_draws(tmp_path: Path) -> None:
    server, display = start_xvfb((1280, 720))
    try:
        gl_line = shot("opengl", display, tmp_path / "gl.png")
        raster_line = shot("raster", display, tmp_path / "raster.png")
        auto_line = shot("auto", display, tmp_path / "auto.png")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "viewport=QOpenGLWidget" in gl_line, gl_line
    assert "viewport=QOpenGLWidget" not in raster_line, raster_line
    if "llvmpipe" in gl_line or "gl=''" in gl_line:  # Xvfb's Mesa is a software rasteriser: auto stays on raster
        assert "chosen=raster" in auto_line, auto_line
    gl, raster = QImage(str(tmp_path / "gl.png")), QImage(str(tmp_path / "raster.png"))
    assert not gl.isNull() and not raster.isNull()
    assert len({gl.pixel(x, y) for x in range(0, 1280, 16) for y in range(40, 720, 40)}) > 3, (
        "the OpenGL picture is blank"
    )
    assert differing_share(gl, raster) < 0.01
