"""The import contracts in pyproject.toml (import-linter) hold for the code, and they bite: a copy of the package
with one forbidden import added fails the check, naming the contract it breaks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package under ``tree/src`` with the project's contracts."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def copy_of_the_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "src" / "kiosk", tree / "src" / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    return tree


def with_line(tree: Path, module: str, line: str) -> Path:
    """A fresh copy of ``tree`` where ``module`` (a path under src/kiosk) starts with ``line``."""
    edited = tree.parent / f"{tree.name}-{module.replace('/', '-')}"
    shutil.copytree(tree, edited)
    path = edited / "src" / "kiosk" / module
    path.write_text(line + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return edited


def test_the_code_keeps_every_contract(copy_of_the_package: Path) -> None:
    run = lint_imports(copy_of_the_package)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("content/text.py", "import PySide6.QtCore", "The pure side never imports Qt"),
        ("exhibit/idle.py", "import pyqtgraph", "The pure side never imports Qt"),
        ("service/memory.py", "import kiosk.qt.foundations.timers", "The pure side never imports Qt"),
        ("content/model.py", "import kiosk.settings.model", "Packages in layers"),
        ("qt/foundations/look.py", "import kiosk.qt.widgets.button", "Rooms of the Qt side"),
        ("qt/exhibit/screens/home.py", "import kiosk.qt.app.build", "Rooms of the Qt side"),
        ("qt/staff/access.py", "import kiosk.qt.service.lockdown", "Rooms of the Qt side"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    copy_of_the_package: Path, module: str, line: str, contract: str
) -> None:
    run = lint_imports(with_line(copy_of_the_package, module, line))
    assert run.returncode != 0
    assert verdict(run.stdout, contract) == "BROKEN", run.stdout


def verdict(report: str, contract: str) -> str:
    """KEPT or BROKEN for the contract whose name starts with ``contract`` (the report wraps long names)."""
    text = " ".join(report.split())
    start = text.index(contract)
    return re.search(r"\b(KEPT|BROKEN)\b", text[start:]).group(1)  # type: ignore[union-attr]
