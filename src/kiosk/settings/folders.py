"""Where the settings file and the state folders are, per platform (pure: the environment is passed in).

Each function takes ``environ`` (a mapping like ``os.environ``) and ``platform`` (like ``sys.platform``:
``linux``, ``win32``, ``darwin``) so tests decide both without touching the machine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.service.bundle.releases import current_content_dir

APP = "guangzhou-exhibit"  # Linux folder name
APP_TITLE = "GuangzhouExhibit"  # Windows and macOS folder name
FILE_NAME = "kiosk.yaml"
SYSTEM_CONFIG = Path("/etc") / APP / FILE_NAME
ENV_CONFIG = "KIOSK_CONFIG"


@dataclass(frozen=True)
class Located:
    """A path and, for people, why it is that path (``--config``, ``$KIOSK_CONFIG``, ``default``…)."""

    path: Path
    reason: str


def _home(environ: Mapping[str, str], platform: str) -> Path:
    for name in ("USERPROFILE", "HOME") if platform == "win32" else ("HOME",):
        if environ.get(name):
            return Path(environ[name])
    return Path.home()


def _xdg(environ: Mapping[str, str], name: str, fallback: str) -> Path:
    value = environ.get(name, "")
    if value and Path(value).is_absolute():  # the XDG spec says a relative value is to be ignored
        return Path(value)
    return _home(environ, "linux") / fallback


def _systemd_dir(environ: Mapping[str, str], name: str) -> Path | None:
    """systemd's ``StateDirectory=``/``LogsDirectory=`` variable (a ':'-separated list: the first one)."""
    value = environ.get(name, "").split(":")[0]
    return Path(value) if value else None


def config_file(
    explicit: str | Path | None,
    environ: Mapping[str, str],
    platform: str,
    exists: Callable[[Path], bool] = Path.is_file,
) -> Located:
    """The settings file: ``--config`` > ``$KIOSK_CONFIG`` > the platform's place (it may not exist)."""
    if explicit:
        return Located(Path(explicit), "--config")
    if environ.get(ENV_CONFIG):
        return Located(Path(environ[ENV_CONFIG]), f"${ENV_CONFIG}")
    if platform == "win32":
        base = Path(environ.get("PROGRAMDATA") or r"C:\ProgramData")
        return Located(base / APP_TITLE / FILE_NAME, "%PROGRAMDATA%")
    if platform == "darwin":
        return Located(_home(environ, platform) / "Library" / "Application Support" / APP_TITLE / FILE_NAME, "default")
    if exists(SYSTEM_CONFIG):
        return Located(SYSTEM_CONFIG, "default (system-wide)")
    return Located(_xdg(environ, "XDG_CONFIG_HOME", ".config") / APP / FILE_NAME, "default (per user)")


def default_state_dir(environ: Mapping[str, str], platform: str) -> Located:
    """``$STATE_DIRECTORY`` (systemd) > the platform's per-user state folder."""
    systemd = _systemd_dir(environ, "STATE_DIRECTORY")
    if systemd is not None:
        return Located(systemd, "default ($STATE_DIRECTORY)")
    if platform == "win32":
        local = environ.get("LOCALAPPDATA")
        base = Path(local) if local else _home(environ, platform) / "AppData" / "Local"
        return Located(base / APP_TITLE, "default (%LOCALAPPDATA%)")
    if platform == "darwin":
        return Located(_home(environ, platform) / "Library" / "Application Support" / APP_TITLE, "default")
    return Located(_xdg(environ, "XDG_STATE_HOME", ".local/state") / APP, "default ($XDG_STATE_HOME)")


def default_log_dir(state_dir: Path, environ: Mapping[str, str]) -> Located:
    systemd = _systemd_dir(environ, "LOGS_DIRECTORY")
    if systemd is not None:
        return Located(systemd, "default ($LOGS_DIRECTORY)")
    return Located(state_dir / "logs", "default (<state_dir>/logs)")


def default_releases_dir(state_dir: Path) -> Located:
    return Located(state_dir / "content", "default (<state_dir>/content)")


def default_content_dir(releases_dir: Path, shipped: Path) -> Located:
    """The current release's content when a bundle was installed (``<releases_dir>/current/content``), else the
    content shipped with the software."""
    current = current_content_dir(releases_dir)
    if current is not None and current.is_dir():
        return Located(current, "default (the current release in <releases_dir>)")
    return Located(shipped, "default (the shipped content)")
