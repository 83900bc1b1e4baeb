"""Static checks of the packaging files (no build, no display): the session units keep what the kiosk relies on,
the locks agree with each other and carry hashes, the bundle spec keeps the platform plugins the exhibit needs, and
the list of system libraries is well formed. The builds themselves run in packaging/ci-check."""

from __future__ import annotations

import ast
import fnmatch
import os
import re
import tomllib
from pathlib import Path

import pytest

from kiosk.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
UNITS = ("guangzhou-exhibit-wayland.service", "guangzhou-exhibit-x11.service")


def unit_entries(path: Path) -> dict[str, list[tuple[str, str]]]:
    """A systemd unit file as {section: [(key, value), ...]} (keys may repeat, as systemd allows)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None, f"{path.name}: setting outside a section: {line}"
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def values(entries: list[tuple[str, str]], key: str) -> list[str]:
    return [value for k, value in entries if k == key]


@pytest.mark.parametrize("name", UNITS)
def test_session_unit_is_a_supervised_notify_service_of_the_kiosk_user(name: str) -> None:
    unit = unit_entries(LINUX / name)
    service = unit["Service"]
    assert values(service, "Type") == ["notify"]
    assert values(service, "NotifyAccess") == ["all"]  # the exhibit is a child of cage / xinit, not the main process
    assert int(values(service, "WatchdogSec")[0]) > 0
    assert values(service, "Restart") == ["always"]
    # Only the operator panel's Exit stops the service for good; the status comes from the one enum of exit codes.
    assert values(service, "RestartPreventExitStatus") == [str(int(ExitCode.OPERATOR_EXIT))]
    assert values(service, "User") == ["kiosk"]
    assert values(unit["Unit"], "StartLimitIntervalSec") == ["0"]  # never give up restarting
    assert values(service, "PAMName") == ["guangzhou-exhibit"]
    assert (LINUX / "pam.d" / "guangzhou-exhibit").is_file()
    exec_start = values(service, "ExecStart")[0].split()
    # exhibit-session runs the display server and exits with the exhibit's status (see test_session_exit_status).
    assert exec_start[0] == "/opt/guangzhou-exhibit/linux/exhibit-session"
    assert exec_start[1].startswith("/usr/bin/")
    assert values(unit["Install"], "WantedBy") == ["multi-user.target"]


@pytest.mark.parametrize("name", UNITS)
def test_session_unit_takes_the_content_from_the_settings_file(name: str) -> None:
    service = unit_entries(LINUX / name)["Service"]
    environment = " ".join(values(service, "Environment")).split()
    assert "KIOSK_CONFIG=/etc/guangzhou-exhibit/kiosk.yaml" in environment
    assert "KIOSK_ARGS=" in environment  # /etc/default/guangzhou-exhibit may add flags
    assert values(service, "EnvironmentFile") == ["-/etc/default/guangzhou-exhibit"]
    assert values(service, "StateDirectory") == ["guangzhou-exhibit"]  # $STATE_DIRECTORY: the releases' folder
    text = (LINUX / name).read_text(encoding="utf-8")
    assert "--content" not in text and "KIOSK_CONTENT" not in text and "issue 4" not in text


def test_the_exhibit_runs_through_run_exhibit_in_both_sessions() -> None:
    wayland = values(unit_entries(LINUX / UNITS[0])["Service"], "ExecStart")[0].split()
    assert wayland[wayland.index("--") + 1 :] == ["/opt/guangzhou-exhibit/linux/run-exhibit", "$KIOSK_ARGS"]
    xinitrc = (LINUX / "xinitrc").read_text(encoding="utf-8")
    assert 'exec "$(dirname "$0")/run-exhibit" ${KIOSK_ARGS:-}' in xinitrc
    for script in ("exhibit-session", "run-exhibit", "xinitrc"):
        assert os.access(LINUX / script, os.X_OK), f"chmod +x packaging/linux/{script}"
    assert "KIOSK_CONTENT" not in (LINUX / "default").read_text(encoding="utf-8")


def test_the_two_sessions_exclude_each_other_and_the_console_on_tty1() -> None:
    for name in UNITS:
        other = next(u for u in UNITS if u != name)
        conflicts = " ".join(values(unit_entries(LINUX / name)["Unit"], "Conflicts")).split()
        assert other in conflicts and "getty@tty1.service" in conflicts


def test_x11_session_turns_screen_blanking_off() -> None:
    xinitrc = (LINUX / "xinitrc").read_text(encoding="utf-8")
    assert "xset s off -dpms" in xinitrc
    assert os.access(LINUX / "xinitrc", os.X_OK)
    exec_start = values(unit_entries(LINUX / UNITS[1])["Service"], "ExecStart")[0]
    assert "/opt/guangzhou-exhibit/linux/xinitrc" in exec_start and "-s 0 -dpms" in exec_start


def test_autostart_entry_starts_the_installed_exhibit() -> None:
    entry = unit_entries(LINUX / "guangzhou-exhibit.desktop")["Desktop Entry"]
    assert values(entry, "Type") == ["Application"]
    assert values(entry, "Exec") == ["/opt/guangzhou-exhibit/kiosk run"]


@pytest.mark.parametrize(
    "script",
    [
        "build-wheelhouse",
        "install-offline",
        "build-bundle",
        "smoke-bundle",
        "build-deb",
        "ci-check",
        "fleet-check",
        "lock-requirements",
        "linux/install.sh",
    ],
)
def test_scripts_are_executable(script: str) -> None:
    assert os.access(PACKAGING / script, os.X_OK), f"chmod +x packaging/{script}"


def system_libs() -> list[tuple[str, str, str]]:
    rows = []
    for line in (LINUX / "system-libs.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("system "):
            kind, glob, package = line.split()
            rows.append((kind, glob, package))
    return rows


def test_system_libraries_name_a_debian_package_each() -> None:
    rows = system_libs()
    assert rows
    for _, glob, package in rows:
        assert re.fullmatch(r"lib[\w.+-]*\.so[.\d]*|ld-linux[\w-]*\.so\.\d", glob), glob
        assert re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", package), package
    packages = {package for *_, package in rows}
    # DESIGN.md section 4: GL/EGL, fontconfig, and libwayland-cursor0 for the wayland platform.
    assert {"libegl1", "libgl1", "libfontconfig1", "libwayland-cursor0", "libc6"} <= packages


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    return {m[1].lower(): m[2] for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


@pytest.mark.parametrize("lock", ["runtime.txt", "test.txt", "build.txt", "bundle.txt"])
def test_every_pin_in_a_lock_carries_hashes(lock: str) -> None:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text)
    pinned = [b for b in blocks if re.match(r"[A-Za-z0-9_.-]+==", b)]
    assert pinned
    for block in pinned:
        assert "--hash=sha256:" in block, f"{lock}: {block.splitlines()[0]} has no hash"


def test_bundle_and_build_locks_agree_with_the_runtime_lock() -> None:
    runtime, bundle, build = pins("runtime.txt"), pins("bundle.txt"), pins("build.txt")
    for name, version in runtime.items():
        assert bundle.get(name) == version, f"bundle.txt has {name} {bundle.get(name)}, runtime.txt {version}"
    assert "pyinstaller" in bundle
    assert bundle["setuptools"] == build["setuptools"]
    assert int(build["setuptools"].split(".")[0]) >= 68  # pyproject.toml [build-system] requires setuptools>=68


def spec_constants() -> dict[str, object]:
    tree = ast.parse((PACKAGING / "kiosk.spec").read_text(encoding="utf-8"))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("EXCLUDED_MODULES", "DROPPED_QT_FILES"):
                found[name] = ast.literal_eval(node.value)
            elif name in ("KEPT_TRANSLATIONS", "SYSTEM_LIBRARIES"):  # re.compile(r"...")
                found[name] = ast.literal_eval(node.value.args[0])  # type: ignore[attr-defined]
    return found


def spec_keeps(dest: str) -> bool:
    """The spec's _keep(), rebuilt from its constants."""
    constants = spec_constants()
    if re.match(constants["SYSTEM_LIBRARIES"], dest):  # type: ignore[arg-type]
        return False
    path = "/" + dest
    if "/translations/" in path and path.endswith(".qm"):
        return bool(re.search(constants["KEPT_TRANSLATIONS"], path))  # type: ignore[arg-type]
    return not any(re.search(p, path) for p in constants["DROPPED_QT_FILES"])  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
    ],
)
def test_bundle_keeps_what_the_exhibit_uses(dest: str) -> None:
    assert spec_keeps(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/assistant_zh_CN.qm",
        "libfontconfig.so.1",
        "libfreetype.so.6",
    ],
)
def test_bundle_leaves_out_what_the_exhibit_never_uses(dest: str) -> None:
    assert not spec_keeps(dest)


def test_bundle_excludes_other_qt_bindings_and_tkinter() -> None:
    excluded = spec_constants()["EXCLUDED_MODULES"]
    assert {"PyQt5", "PyQt6", "PySide2", "tkinter", "PySide6.QtQml", "PySide6.QtWebEngineCore"} <= set(excluded)


def test_every_asset_is_package_data_of_the_wheel() -> None:
    """The fonts and icons reach an installed wheel only through pyproject.toml's package-data patterns."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["kiosk"]
    package = ROOT / "src" / "kiosk"
    assets = [path.relative_to(package).as_posix() for path in (package / "assets").rglob("*") if path.is_file()]
    assert any(name.endswith(".otf") for name in assets) and any(name.endswith(".svg") for name in assets)
    assert [name for name in assets if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)] == []
