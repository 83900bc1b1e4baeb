"""Where the shipped content and assets live, found from the package (no global state).

The assets (fonts, icons) are package data of ``kiosk`` (``kiosk/assets``), read with importlib.resources: the same
call finds them in a checkout, in an installed wheel and in the PyInstaller bundle (``_internal/kiosk/assets``). The
shipped content is not package data but a folder that editors work in and operators look at: beside the executable
in a bundle, ``content/`` in a checkout, and ``<venv>/share/guangzhou-exhibit/content`` where
``packaging/install-offline`` puts it beside an installed wheel.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

# A PyInstaller bundle (packaging/kiosk.spec) keeps content/ beside the executable.
PROJECT_ROOT = (
    Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else Path(__file__).resolve().parents[2]
)
# Where packaging/install-offline copies the shipped content, under the virtual environment's prefix.
INSTALLED_CONTENT = Path("share") / "guangzhou-exhibit" / "content"


def default_content_dir() -> Path:
    """The shipped ``content/`` folder (bundle, checkout, or installed beside the wheel), else ``./content``."""
    for shipped in (PROJECT_ROOT / "content", Path(sys.prefix) / INSTALLED_CONTENT):
        if shipped.is_dir():
            return shipped
    return Path("content")


def default_assets_dir() -> Traversable:
    """The shipped ``assets/`` (``fonts/``, ``icons/``): the package data of ``kiosk``."""
    return files("kiosk") / "assets"
