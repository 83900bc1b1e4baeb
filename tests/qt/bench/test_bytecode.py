"""kiosk bench times cold starts with the exhibit's bytecode compiled, as an installed exhibit has it."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from kiosk.qt.bench.bytecode import compile_package, stale_modules


def _package(root: Path) -> Path:
    package = root / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "mod.py").write_text("X = 1\n")
    return package


def test_every_module_of_a_fresh_package_is_compiled_and_then_nothing_is_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    assert len(stale_modules(package)) == 3
    assert compile_package(package) == (3, 0)
    assert Path(importlib.util.cache_from_source(str(package / "sub" / "mod.py"))).is_file()
    assert stale_modules(package) == []
    assert compile_package(package) == (0, 0)


def test_a_changed_source_is_stale_again(tmp_path: Path) -> None:
    package = _package(tmp_path)
    compile_package(package)
    source = package / "sub" / "mod.py"
    source.write_text("X = 22\n")  # another size
    stat = source.stat()
    os.utime(source, (stat.st_atime, stat.st_mtime + 5))
    assert stale_modules(package) == [source]
    assert compile_package(package) == (1, 0)


def test_a_compiled_file_of_another_interpreter_is_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    compile_package(package)
    compiled = Path(importlib.util.cache_from_source(str(package / "__init__.py")))
    compiled.write_bytes(b"\0\0\0\0" + compiled.read_bytes()[4:])
    assert stale_modules(package) == [package / "__init__.py"]
