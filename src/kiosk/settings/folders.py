"""Where the settings file and the state folders are, per platform.

The per-user folders are platformdirs' (``user_config_dir``, ``user_state_dir``; ``site_config_dir`` for the
machine-wide settings on Windows), which read the process environment (``HOME``, ``XDG_*``, Windows' known
folders; tests set them with ``monkeypatch.setenv``). The exhibit's own rules read ``environ`` (a mapping like
``os.environ``, passed in): ``$KIOSK_CONFIG``, and systemd's ``$STATE_DIRECTORY`` and ``$LOGS_DIRECTORY``, which win
over platformdirs. ``platform`` (like ``sys.platform``: ``linux``, ``win32``, ``darwin``) picks the platform's
folders, so tests ask for another platform's without running on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs.api import PlatformDirsABC
from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

from kiosk.service.bundle.releases import current_content_dir

APP = "guangzhou-exhibit"  # Linux folder name
APP_TITLE = "GuangzhouExhibit"  # Windows and macOS folder name
FILE_NAME = "kiosk.yaml"
SYSTEM_CONFIG = Path("/etc") / APP / FILE_NAME  # not platformdirs' site_config_dir, which is /etc/xdg/<app>
ENV_CONFIG = "KIOSK_CONFIG"


@dataclass(frozen=True)
class Located:
    """A path and, for people, why it is that path (``--config``, ``$KIOSK_CONFIG``, ``default``…)."""

    path: Path
    reason: str


def platform_folders(platform: str) -> PlatformDirsABC:
    """platformdirs' folders of the exhibit on ``platform``: ``<base>/GuangzhouExhibit`` on Windows (no author
    folder) and macOS, ``<base>/guangzhou-exhibit`` elsewhere; nothing is created."""
    if platform == "win32":
        return Windows(appname=APP_TITLE, appauthor=False)
    if platform == "darwin":
        return MacOS(appname=APP_TITLE)
    return Unix(appname=APP)


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
    """The settings file: ``--config`` > ``$KIOSK_CONFIG`` > the platform's place (it may not exist): Windows
    ``%PROGRAMDATA%``, Linux ``/etc/guangzhou-exhibit`` when the file is there, else the per-user config folder."""
    if explicit:
        return Located(Path(explicit), "--config")
    if environ.get(ENV_CONFIG):
        return Located(Path(environ[ENV_CONFIG]), f"${ENV_CONFIG}")
    folders = platform_folders(platform)
    if platform == "win32":
        return Located(Path(folders.site_config_dir) / FILE_NAME, "%PROGRAMDATA%")
    if platform == "darwin":
        return Located(Path(folders.user_config_dir) / FILE_NAME, "default")
    if exists(SYSTEM_CONFIG):
        return Located(SYSTEM_CONFIG, "default (system-wide)")
    return Located(Path(folders.user_config_dir) / FILE_NAME, "default (per user)")


def default_state_dir(environ: Mapping[str, str], platform: str) -> Located:
    """``$STATE_DIRECTORY`` (systemd) > the platform's per-user state folder."""
    systemd = _systemd_dir(environ, "STATE_DIRECTORY")
    if systemd is not None:
        return Located(systemd, "default ($STATE_DIRECTORY)")
    reason = {"win32": "default (%LOCALAPPDATA%)", "darwin": "default"}.get(platform, "default ($XDG_STATE_HOME)")
    return Located(Path(platform_folders(platform).user_state_dir), reason)


def default_log_dir(state_dir: Path, environ: Mapping[str, str]) -> Located:
    """``$LOGS_DIRECTORY`` (systemd) > ``<state_dir>/logs``. Not platformdirs' ``user_log_dir``: that is the state
    folder itself (or its ``log``/``Logs`` sub-folder), and the logs must follow a ``folders.state_dir`` set in the
    settings file."""
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
