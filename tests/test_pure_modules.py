"""Content, formatting, errors and the CLI's checking commands never import Qt: they work without a display."""

from __future__ import annotations

import subprocess
import sys

PURE = ["kiosk.cli", "kiosk.errors", "kiosk.paths", "kiosk.number_format", "kiosk.content.loader",
        "kiosk.content.schema", "kiosk.content.model"]


def test_pure_modules_do_not_import_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
