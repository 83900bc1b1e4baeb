"""Where the shipped content and assets live, found from the package (no global state)."""

from __future__ import annotations

import sys
from pathlib import Path

# A PyInstaller bundle (packaging/kiosk.spec) keeps content/ and assets/ beside the executable.
PROJECT_ROOT = (
    Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else Path(__file__).resolve().parents[2]
)


def default_content_dir() -> Path:
    """The shipped ``content/`` folder of this checkout, or ``./content`` when installed elsewhere."""
    shipped = PROJECT_ROOT / "content"
    return shipped if shipped.is_dir() else Path("content")


def default_assets_dir() -> Path:
    """The shipped ``assets/`` folder (fonts) of this checkout."""
    return PROJECT_ROOT / "assets"
