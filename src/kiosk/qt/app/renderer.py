"""How the stage is drawn: by the CPU into the window (raster) or by the GPU (an OpenGL viewport).

``auto`` takes OpenGL only when the machine has a hardware OpenGL driver: a software rasteriser (Mesa's llvmpipe,
softpipe, swrast, Microsoft's GDI Generic) would only add a copy to what raster already does on the CPU.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext
from PySide6.QtOpenGLWidgets import QOpenGLWidget

from kiosk.qt.foundations.stage import Stage

_log = logging.getLogger(__name__)
GL_RENDERER = 0x1F01
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software", "gdi generic", "lavapipe")


def is_software_renderer(name: str) -> bool:
    """``name`` (OpenGL's GL_RENDERER string) is a rasteriser on the CPU, not a GPU."""
    lowered = name.lower()
    return not lowered or any(word in lowered for word in SOFTWARE_RENDERERS)


def gl_renderer_name() -> str:
    """The OpenGL renderer this display gives a context of ('' when it gives none)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return ""
    context = QOpenGLContext()
    if not context.create():
        return ""
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not context.makeCurrent(surface):
            return ""
        name = context.functions().glGetString(GL_RENDERER)
        context.doneCurrent()
        return str(name or "")
    finally:
        surface.destroy()


def choose_renderer(setting: str) -> tuple[str, str]:
    """(``raster`` or ``opengl``, why) for the setting ``auto | raster | opengl``."""
    if setting == "raster":
        return "raster", "the settings ask for raster"
    name = gl_renderer_name()
    if setting == "opengl":
        return "opengl", f"the settings ask for OpenGL (renderer: {name or 'none found'})"
    if name and not is_software_renderer(name):
        return "opengl", f"hardware OpenGL: {name}"
    return "raster", f"no hardware OpenGL ({name or 'no context'}): raster"


def use_renderer(stage: Stage, setting: str) -> str:
    """Draw ``stage`` as ``setting`` says (before anything watches its viewport); returns what was chosen."""
    chosen, why = choose_renderer(setting)
    if chosen == "opengl":
        viewport = QOpenGLWidget()
        # Kept between paints, so that only what changed is drawn again (as on raster).
        viewport.setUpdateBehavior(QOpenGLWidget.UpdateBehavior.PartialUpdate)
        stage.setViewport(viewport)
    _log.info("renderer: %s (%s)", chosen, why)
    return chosen
