"""Where the settings file and the state folders are on each platform: the exhibit's own rules from the environment
passed in, the per-user folders from platformdirs (which reads the process environment, set here per test)."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from kiosk.settings.folders import SYSTEM_CONFIG, config_file, default_log_dir, default_state_dir

pytestmark = pytest.mark.usefixtures("user_home")


def never(_path: Path) -> bool:
    return False


def test_config_flag_beats_the_environment_which_beats_the_platform() -> None:
    env = {"KIOSK_CONFIG": "/srv/kiosk.yaml"}
    assert config_file("mine.yaml", env, "linux", never).path == Path("mine.yaml")
    assert config_file(None, env, "linux", never).path == Path("/srv/kiosk.yaml")
    located = config_file(None, {}, "linux", never)
    assert (located.path, located.reason) == (
        Path("/home/ops/.config/guangzhou-exhibit/kiosk.yaml"),
        "default (per user)",
    )


def test_linux_prefers_the_system_file_when_it_exists_then_xdg_config_home(monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_file(None, {}, "linux", lambda p: p == SYSTEM_CONFIG).path == Path(
        "/etc/guangzhou-exhibit/kiosk.yaml"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", "/cfg")
    assert config_file(None, {}, "linux", never).path == Path("/cfg/guangzhou-exhibit/kiosk.yaml")
    monkeypatch.setenv("XDG_CONFIG_HOME", "cfg")  # a relative XDG value is ignored, as the XDG spec says
    assert config_file(None, {}, "linux", never).path == Path("/home/ops/.config/guangzhou-exhibit/kiosk.yaml")


def test_windows_and_macos_places(monkeypatch: pytest.MonkeyPatch) -> None:
    # platformdirs asks Windows for its known folders; off Windows it takes these overrides instead.
    monkeypatch.setenv("WIN_PD_OVERRIDE_COMMON_APPDATA", r"D:\PD")
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\ops\AppData\Local")
    settings = config_file(None, {}, "win32", never)
    assert PureWindowsPath(settings.path) == PureWindowsPath(r"D:\PD\GuangzhouExhibit\kiosk.yaml")
    assert settings.reason == "%PROGRAMDATA%"
    state = default_state_dir({}, "win32")
    assert PureWindowsPath(state.path) == PureWindowsPath(r"C:\Users\ops\AppData\Local\GuangzhouExhibit")
    assert state.reason == "default (%LOCALAPPDATA%)"
    monkeypatch.setenv("HOME", "/Users/ops")
    mac = Path("/Users/ops/Library/Application Support/GuangzhouExhibit")
    assert default_state_dir({}, "darwin").path == mac
    assert config_file(None, {}, "darwin", never).path == mac / "kiosk.yaml"


def test_state_and_log_folders_follow_systemd_then_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    systemd = {"STATE_DIRECTORY": "/var/lib/guangzhou-exhibit:/var/lib/other", "LOGS_DIRECTORY": "/var/log/ge"}
    monkeypatch.setenv("XDG_STATE_HOME", "/st")
    state = default_state_dir(systemd, "linux")
    assert (state.path, state.reason) == (Path("/var/lib/guangzhou-exhibit"), "default ($STATE_DIRECTORY)")
    assert default_log_dir(state.path, systemd).path == Path("/var/log/ge")
    plain = default_state_dir({}, "linux")
    assert (plain.path, plain.reason) == (Path("/st/guangzhou-exhibit"), "default ($XDG_STATE_HOME)")
    assert default_log_dir(plain.path, {}).path == plain.path / "logs"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert default_state_dir({}, "linux").path == Path("/home/ops/.local/state/guangzhou-exhibit")
