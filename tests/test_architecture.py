"""The shape of the package stays what the README's architecture section shows: small folders, a top level of entry
points and a few tiny shared modules, and no two classes of one name in different rooms. (Which room may import
which is import-linter's job: see pyproject.toml and tests/test_import_contracts.py.)"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kiosk"
MAX_MODULES = 12
TOP_LEVEL = {
    "__init__.py",
    "__main__.py",
    "cli.py",
    "clock.py",
    "errors.py",
    "exit_codes.py",
    "paths.py",
    "safe_read.py",
    "atomic_file.py",
}


def folders() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__" and any(p.glob("*.py")))


def test_no_folder_holds_more_than_twelve_modules() -> None:
    crowded = {
        str(folder.relative_to(PACKAGE)): n
        for folder in folders()
        if (n := len([p for p in folder.glob("*.py") if p.name != "__init__.py"])) > MAX_MODULES
    }
    assert crowded == {}


def test_every_folder_of_code_is_a_package() -> None:
    assert [str(f.relative_to(PACKAGE)) for f in folders() if not (f / "__init__.py").exists()] == []


def test_the_top_level_holds_only_entry_points_and_tiny_shared_modules() -> None:
    top = {p.name for p in PACKAGE.glob("*.py")}
    assert top <= TOP_LEVEL, sorted(top - TOP_LEVEL)
    for name in top - {"cli.py"}:
        assert len((PACKAGE / name).read_text(encoding="utf-8").splitlines()) < 60, name


def test_no_two_classes_share_a_name() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                where[node.name].append(str(path.relative_to(PACKAGE)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}
