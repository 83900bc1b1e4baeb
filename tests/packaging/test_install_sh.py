"""packaging/linux/install.sh into a scratch root (``--root``: no user, no chown, nothing started), with a stand-in
bundle whose ``kiosk`` is this checkout's own: the settings file is made once and never overwritten, the shipped
content becomes the first release, content of an older install (a plain folder) is moved aside and becomes a
release, and a bundle from before settings and releases is refused. The real bundle and ``dpkg -i`` as root are
checked by packaging/ci-check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kiosk.service.bundle.releases import current_version, list_releases
from kiosk.service.bundle.version import version_key

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
STATE = Path("var/lib/guangzhou-exhibit")
SETTINGS = Path("etc/guangzhou-exhibit/kiosk.yaml")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle"
    folder.mkdir()
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "packaging" / "linux", folder / "linux")
    kiosk = folder / "kiosk"
    kiosk.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kiosk "$@"\n', encoding="utf-8")
    kiosk.chmod(0o755)
    (folder / "BUNDLE.txt").write_text("version=1.4.0\ncommit=abc1234\nsd_notify=yes\n", encoding="utf-8")
    return folder


def install(bundle: Path, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["bash", str(INSTALL), "--bundle", str(bundle), "--root", str(root), "--display", "none", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    return result


def installed(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_first_install_makes_the_settings_and_the_shipped_release_and_a_second_keeps_them(
    bundle: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    out = installed(install(bundle, root))
    settings = root / SETTINGS
    assert settings.stat().st_mode & 0o777 == 0o640
    loaded = yaml.safe_load(settings.read_text(encoding="utf-8"))
    assert loaded["folders"]["state_dir"] == "/var/lib/guangzhou-exhibit"  # the CLI then uses the service's releases
    assert loaded["operator"]["pin_hash"] is None
    assert "kiosk set-pin" in out
    releases = root / STATE / "content"
    assert current_version(releases) == "0-shipped-1.4.0"
    assert (releases / "current" / "content" / "exhibit.yaml").read_bytes() == (
        ROOT / "content" / "exhibit.yaml"
    ).read_bytes()
    # The shipped release sorts below bundles made later, so the USB watch folder installs them.
    for later in ("2026.01.01-000000", "1.0", "0.1", "v2"):
        assert version_key("0-shipped-1.4.0") < version_key(later), later

    settings.write_text(settings.read_text(encoding="utf-8") + "# the operator's own line\n", encoding="utf-8")
    again = installed(install(bundle, root))
    assert settings.read_text(encoding="utf-8").endswith("# the operator's own line\n")
    assert "kept the settings" in again and "kept the content releases" in again
    assert list_releases(releases) == ["0-shipped-1.4.0"]


def test_content_of_an_older_install_is_kept_aside_and_becomes_the_current_release(
    bundle: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    old = root / STATE / "content"
    shutil.copytree(ROOT / "content", old)
    edited = (old / "exhibit.yaml").read_text(encoding="utf-8") + "# edited on the kiosk\n"
    (old / "exhibit.yaml").write_text(edited, encoding="utf-8")
    installed(install(bundle, root))
    (aside,) = (root / STATE).glob("content.before-releases-*")
    assert (aside / "exhibit.yaml").read_text(encoding="utf-8") == edited  # the copy is kept
    version = current_version(old)
    assert version is not None and version.startswith("0-local-")
    assert (old / "current" / "content" / "exhibit.yaml").read_text(encoding="utf-8") == edited


def test_invalid_content_of_an_older_install_is_kept_and_the_shipped_content_shown(
    bundle: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    old = root / STATE / "content"
    shutil.copytree(ROOT / "content", old)
    (old / "exhibit.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    out = installed(install(bundle, root))
    (aside,) = (root / STATE).glob("content.before-releases-*")
    assert (aside / "exhibit.yaml").read_text(encoding="utf-8") == "title: [unclosed\n"
    assert "WARNING" in out and str(aside) in out
    assert current_version(old) == "0-shipped-1.4.0"


def test_a_bundle_from_before_settings_and_releases_is_refused(bundle: Path, tmp_path: Path) -> None:
    (bundle / "BUNDLE.txt").write_text("version=0.3.0\nsd_notify=no\n", encoding="utf-8")
    result = install(bundle, tmp_path / "root")
    assert result.returncode == 1
    assert "predates" in result.stderr
    assert not (tmp_path / "root" / "opt").exists()
