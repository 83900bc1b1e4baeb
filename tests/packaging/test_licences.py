"""LICENSES/ holds the licence texts of every library the bundle and the .deb ship (the runtime lock), with an index
row per package at the locked version; packaging/collect-licences re-generates exactly what is committed, and the
bundle spec copies the folder into the bundle."""

from __future__ import annotations

import ast
import filecmp
import importlib.machinery
import importlib.metadata as metadata
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LICENSES = ROOT / "LICENSES"
LOCK = ROOT / "requirements" / "runtime.txt"
SCRIPT = ROOT / "packaging" / "collect-licences"
EXTRA = {"cpython"}  # shipped by the bundle but not a pip package (the interpreter itself)
ROW = re.compile(r"^\| (?P<name>[^|]+?) \| (?P<version>[^|]+?) \| (?P<licence>[^|]+?) \| (?P<files>.+) \|$")
LINK = re.compile(r"\]\(third-party/([^)]+)\)")


def _load_script():
    loader = importlib.machinery.SourceFileLoader("collect_licences", str(SCRIPT))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


pinned = _load_script().pinned_packages  # the lock's {canonical name: version}, read as the script reads it


def index_rows(folder: Path) -> dict[str, dict]:
    rows = {}
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match and match["name"] not in ("Package", "---"):
            files = [link.replace("%20", " ") for link in LINK.findall(match["files"])]
            rows[match["name"]] = {"version": match["version"], "licence": match["licence"], "files": files}
    return rows


def licence_problems(folder: Path, pins: dict[str, str]) -> list[str]:
    """What is wrong with a LICENSES folder for a lock's pins (empty when all is well)."""
    problems = []
    rows = index_rows(folder)
    for name, version in sorted(pins.items()):
        files = [p for p in (folder / "third-party" / name).rglob("*") if p.is_file()]
        if not any(p.stat().st_size > 0 for p in files):
            problems.append(f"{name}: no non-empty licence file in LICENSES/third-party/{name}/")
        if name not in rows:
            problems.append(f"{name}: no row in LICENSES/README.md")
        elif rows[name]["version"] != version:
            problems.append(f"{name}: LICENSES/README.md says {rows[name]['version']}, the lock pins {version}")
    for name in sorted(set(rows) - set(pins) - EXTRA):
        problems.append(f"{name}: in LICENSES/README.md but no longer in the lock")
    for name, row in rows.items():
        for link in row["files"]:
            path = folder / "third-party" / link
            if not path.is_file() or path.stat().st_size == 0:
                problems.append(f"{name}: the index lists {link}, which is missing or empty")
    return problems


RERUN = "run `.venv/bin/python packaging/collect-licences` and commit LICENSES/"


def test_every_runtime_package_has_its_licence_and_an_index_row():
    pins = pinned()
    assert {"pyside6-essentials", "shiboken6", "pyqtgraph", "numpy", "pyyaml", "pydantic", "cryptography"} <= set(pins)
    problems = licence_problems(LICENSES, pins)
    assert not problems, f"{RERUN}:\n" + "\n".join(problems)


def test_the_check_catches_a_new_dependency_and_a_version_bump(tmp_path):
    lock = tmp_path / "runtime.txt"
    lock.write_text(
        LOCK.read_text(encoding="utf-8").replace("pyyaml==6.0.4", "pyyaml==6.0.5")
        + "newlib==1.0 \\\n    --hash=sha256:00\n",
        encoding="utf-8",
    )
    problems = licence_problems(LICENSES, pinned(lock))
    assert "newlib: no non-empty licence file in LICENSES/third-party/newlib/" in problems
    assert "newlib: no row in LICENSES/README.md" in problems
    assert "pyyaml: LICENSES/README.md says 6.0.4, the lock pins 6.0.5" in problems


def test_the_qt_bindings_carry_the_lgpl_and_gpl_texts():
    for name in ("pyside6-essentials", "shiboken6"):
        texts = {p.name: p.read_text(encoding="utf-8") for p in (LICENSES / "third-party" / name).iterdir()}
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in texts["LGPL-3.txt"] and "Version 3" in texts["LGPL-3.txt"]
        # LGPL-3.0 is a set of exceptions to the GPL-3.0: the GPL-3.0 text must come with it.
        assert "GNU GENERAL PUBLIC LICENSE" in texts["GPL-3.txt"] and "Version 3" in texts["GPL-3.txt"]
        assert "Version 2" in texts["GPL-2.txt"]
        assert index_rows(LICENSES)[name]["licence"] == "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"


def _installed_matches_lock(pins: dict[str, str]) -> bool:
    try:
        return all(metadata.version(name) == version for name, version in pins.items())
    except metadata.PackageNotFoundError:
        return False


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_script_regenerates_what_is_committed(tmp_path):
    if not _installed_matches_lock(pinned()):
        pytest.skip("this Python does not have requirements/runtime.txt installed")
    out = tmp_path / "LICENSES"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert _tree(out) == _tree(LICENSES), RERUN
    # CPython's text belongs to the interpreter that ran the script: a patch release may word it differently.
    compared = [name for name in _tree(LICENSES) if not name.startswith("third-party/cpython/")]
    _match, mismatch, errors = filecmp.cmpfiles(LICENSES, out, compared, shallow=False)
    assert not mismatch and not errors, f"{RERUN}: differs: {mismatch + errors}"


def test_the_script_refuses_a_pinned_package_that_is_not_installed(tmp_path):
    lock = tmp_path / "runtime.txt"
    lock.write_text("pyyaml==6.0.4\nno-such-distribution-kiosk==1.0\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--lock", str(lock), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "no-such-distribution-kiosk==1.0 is pinned but not installed" in result.stderr
    assert not out.exists(), "a failed run must not leave a half-written folder"


def test_the_bundle_spec_copies_licenses_beside_the_executable():
    tree = ast.parse((ROOT / "packaging" / "kiosk.spec").read_text(encoding="utf-8"))
    copied = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple):
            for pair in node.iter.elts:
                if isinstance(pair, ast.Tuple) and all(isinstance(e, ast.Constant) for e in pair.elts):
                    copied.add(tuple(e.value for e in pair.elts))
    assert ("LICENSES", "LICENSES") in copied
    assert ("content", "content") in copied  # the same loop that places content/ beside the executable
