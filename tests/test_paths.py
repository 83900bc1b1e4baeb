"""Where the exhibit finds what it ships: the content folder, and the assets as package data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk import paths


def test_the_assets_are_package_data() -> None:
    assets = paths.default_assets_dir()
    assert (assets / "fonts" / "NotoSansSC-Regular.otf").is_file()
    assert (assets / "icons" / "rocket.svg").read_bytes().startswith(b"<svg")


def test_the_content_of_a_checkout_else_beside_an_installed_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert paths.default_content_dir() == paths.PROJECT_ROOT / "content"
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path / "site-packages")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.chdir(tmp_path)
    assert paths.default_content_dir() == Path("content")
    installed = tmp_path / "venv" / "share" / "guangzhou-exhibit" / "content"
    installed.mkdir(parents=True)
    assert paths.default_content_dir() == installed
