"""Where the settings file and the state folders are on each platform (the environment is passed in)."""

from __future__ import annotations

from pathlib import Path

from kiosk.settings.folders import SYSTEM_CONFIG, config_file, default_log_dir, default_state_dir


def never(_path: Path) -> bool:
    return False


def test_config_flag_beats_the_environment_which_beats_the_platform() -> None:
    env = {"KIOSK_CONFIG": "/srv/kiosk.yaml", "HOME": "/home/ops"}
    assert config_file("mine.yaml", env, "linux", never).path == Path("mine.yaml")
    assert config_file(None, env, "linux", never).path == Path("/srv/kiosk.yaml")
    assert config_file(None, {"HOME": "/home/ops"}, "linux", never).path == Path(
        "/home/ops/.config/guangzhou-exhibit/kiosk.yaml"
    )


def test_linux_prefers_the_system_file_when_it_exists_then_xdg_config_home() -> None:
    assert config_file(None, {"HOME": "/h"}, "linux", lambda p: p == SYSTEM_CONFIG).path == Path(
        "/etc/guangzhou-exhibit/kiosk.yaml"
    )
    assert config_file(None, {"HOME": "/h", "XDG_CONFIG_HOME": "/cfg"}, "linux", never).path == Path(
        "/cfg/guangzhou-exhibit/kiosk.yaml"
    )
    # a relative XDG value is ignored, as the XDG spec says
    assert config_file(None, {"HOME": "/h", "XDG_CONFIG_HOME": "cfg"}, "linux", never).path == Path(
        "/h/.config/guangzhou-exhibit/kiosk.yaml"
    )


def test_windows_and_macos_places() -> None:
    env = {"PROGRAMDATA": r"D:\PD", "LOCALAPPDATA": r"C:\Users\ops\AppData\Local", "USERPROFILE": r"C:\Users\ops"}
    assert config_file(None, env, "win32", never).path == Path(r"D:\PD") / "GuangzhouExhibit" / "kiosk.yaml"
    assert default_state_dir(env, "win32").path == Path(r"C:\Users\ops\AppData\Local") / "GuangzhouExhibit"
    assert default_state_dir({"HOME": "/Users/ops"}, "darwin").path == Path(
        "/Users/ops/Library/Application Support/GuangzhouExhibit"
    )


def test_state_and_log_folders_follow_systemd_then_xdg() -> None:
    systemd = {
        "STATE_DIRECTORY": "/var/lib/guangzhou-exhibit:/var/lib/other",
        "LOGS_DIRECTORY": "/var/log/ge",
        "HOME": "/h",
    }
    state = default_state_dir(systemd, "linux")
    assert (state.path, state.reason) == (Path("/var/lib/guangzhou-exhibit"), "default ($STATE_DIRECTORY)")
    assert default_log_dir(state.path, systemd).path == Path("/var/log/ge")
    plain = default_state_dir({"HOME": "/h", "XDG_STATE_HOME": "/st"}, "linux").path
    assert plain == Path("/st/guangzhou-exhibit")
    assert default_state_dir({"HOME": "/h"}, "linux").path == Path("/h/.local/state/guangzhou-exhibit")
    assert default_log_dir(plain, {}).path == plain / "logs"
