"""The watch folder (a USB stick's mount point, or a folder a file-sync tool such as Syncthing fills): install each
newer bundle found there once, and leave a result file beside it. Only complete ``*.zip`` files are looked at:
hidden names and other endings (Syncthing's ``.syncthing.NAME.tmp``, ``~syncthing~NAME.tmp``, a copy's ``.part``)
are partial files. A bundle whose signed manifest carries an activation time waits until then (on the injected
wall clock, kept right by NTP), so a whole hall switches at once. Called by the exhibit from a timer on a worker
thread; pure Python."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kiosk.atomic_file import replace_file
from kiosk.safe_read import MAX_STATE_BYTES, FileRefused, read_regular
from kiosk.service.bundle.archive import Budget, open_zip, read_small
from kiosk.service.bundle.errors import BundleBusy, BundleError
from kiosk.service.bundle.install import DEFAULT_KEEP, DEFAULT_MAX_BYTES, install_bundle, older_message
from kiosk.service.bundle.manifest import MANIFEST_NAME, Manifest, parse_manifest
from kiosk.service.bundle.releases import current_version
from kiosk.service.bundle.version import is_older

log = logging.getLogger(__name__)

TRIED_NAME = "watch-tried.json"
MAX_REMEMBERED = 200
SETTLE_S = 5.0  # a zip changed less than this long ago may still be being copied: look again next time


@dataclass
class WatchResult:
    bundle: Path
    installed: bool
    version: str | None
    message: str
    result_file: Path | None  # None when it could not be written (a read-only stick): the message is only logged
    waiting_until: float | None = None  # set: not installed yet, its activation time (Unix s) is still to come
    at: float = field(default_factory=time.time)  # when this result was reached (Unix s)


def check_watch_folder(
    watch_dir: Path,
    releases_dir: Path,
    *,
    public_key: bytes | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep: int = DEFAULT_KEEP,
    wall_clock: Callable[[], float] = time.time,
) -> list[WatchResult]:
    """Install every bundle in ``watch_dir`` newer than the current release and not tried before (by path, size
    and modification time, remembered in ``releases_dir``). An older one is always refused, with the reason in its
    result file: going back is for an operator (``kiosk bundle rollback``), not for whatever stick is plugged in. A
    missing folder means no stick: nothing to do."""
    watch_dir, releases_dir = Path(watch_dir), Path(releases_dir)
    try:
        candidates = sorted(
            p for p in watch_dir.iterdir() if p.suffix.lower() == ".zip" and not p.name.startswith(".") and p.is_file()
        )
    except OSError:
        return []
    tried = _load_tried(releases_dir)
    results: list[WatchResult] = []
    for bundle in candidates:
        try:
            stat = bundle.stat()
        except OSError:
            continue
        key = f"{bundle.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        if key in tried or 0 <= wall_clock() - stat.st_mtime < SETTLE_S:
            continue  # (a time in the future is a stick written in another time zone, not a copy in progress)
        manifest = _peek_manifest(bundle)
        version = None if manifest is None else manifest.version
        current = current_version(releases_dir)
        if version is not None and version == current:
            continue  # the stick still holds the bundle on screen
        if version is not None and is_older(version, current):
            result: WatchResult | None = _refuse_older(bundle, version, current)
        elif manifest is not None and (activate_at := manifest.activate_at) is not None and wall_clock() < activate_at:
            waiting = _wait(bundle, manifest, activate_at)
            if waiting is not None:
                results.append(waiting)
            continue  # not tried yet: looked at again until its time has come
        else:
            result = _install(bundle, releases_dir, public_key, max_bytes, keep, version)
        if result is None:  # the releases folder is busy: look again next time
            continue
        tried.append(key)
        _save_tried(releases_dir, tried)
        results.append(result)
    return results


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _refuse_older(bundle: Path, version: str, current: str | None) -> WatchResult:
    message = older_message(bundle.name, version, current)
    log.warning("watch folder: %s", message)
    text = f"NOT INSTALLED at {_stamp()}\n{message}\nThe exhibit keeps showing the content it had.\n"
    return WatchResult(bundle, False, version, message, _write_result(bundle, text))


def _wait(bundle: Path, manifest: Manifest, activate_at: float) -> WatchResult | None:
    """Say once (result file and log) that ``bundle`` waits for its activation time; None when already said."""
    moment = datetime.fromtimestamp(activate_at, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    message = f"{bundle.name}: version {manifest.version} is installed at its activation time, {moment}"
    text = f"WAITING until {moment}\n{message}\nThe exhibit keeps showing the content it has until then.\n"
    try:
        if result_path(bundle).read_text(encoding="utf-8") == text:
            return None
    except (OSError, UnicodeDecodeError):
        pass
    log.info("watch folder: %s", message)
    return WatchResult(bundle, False, manifest.version, message, _write_result(bundle, text), waiting_until=activate_at)


def _install(
    bundle: Path, releases_dir: Path, public_key: bytes | None, max_bytes: int, keep: int, version: str | None
) -> WatchResult | None:
    stamp = _stamp()
    try:
        result = install_bundle(bundle, releases_dir, public_key=public_key, max_bytes=max_bytes, keep=keep)
    except BundleBusy as exc:
        log.info("watch folder: %s", exc)
        return None
    except BundleError as exc:
        log.error("watch folder: %s", exc)
        text = f"NOT INSTALLED at {stamp}\n{exc}\nThe exhibit keeps showing the content it had.\n"
        return WatchResult(bundle, False, version, str(exc), _write_result(bundle, text))
    except Exception as exc:  # never let one bad stick stop the exhibit
        log.exception("watch folder: %s: unexpected failure", bundle)
        text = f"NOT INSTALLED at {stamp}\n{bundle.name}: unexpected failure: {exc}\n"
        return WatchResult(bundle, False, version, text.strip(), _write_result(bundle, text))
    log.info("watch folder: %s", result.message)
    text = f"INSTALLED version {result.version} at {stamp}\n{result.message}\n"
    return WatchResult(bundle, result.installed, result.version, result.message, _write_result(bundle, text))


def result_path(bundle: Path) -> Path:
    return bundle.with_name(f"{bundle.stem}.result.txt")


def _write_result(bundle: Path, text: str) -> Path | None:
    path = result_path(bundle)
    try:
        replace_file(path, text)
    except OSError as exc:
        log.warning(
            "watch folder: cannot write %s (%s); the result is only in this log: %s",
            path,
            exc.strerror or exc,
            text.strip(),
        )
        return None
    return path


def _peek_manifest(bundle: Path) -> Manifest | None:
    """The bundle's manifest, or None when it cannot be read (the install then reports why). Its activation time
    is trusted before the signature is checked: a forged one can only delay a bundle that is then refused."""
    try:
        with open_zip(bundle, bundle.name, DEFAULT_MAX_BYTES) as archive:
            data = read_small(archive, MANIFEST_NAME, Budget(DEFAULT_MAX_BYTES))
        return None if data is None else parse_manifest(data, bundle.name)
    except BundleError:
        return None


def _load_tried(releases_dir: Path) -> list[str]:
    try:
        data = json.loads(read_regular(releases_dir / TRIED_NAME, MAX_STATE_BYTES))
    except (OSError, ValueError, FileRefused):  # missing or damaged: the bundles there are tried (once) again
        return []
    return [k for k in data if isinstance(k, str)] if isinstance(data, list) else []


def _save_tried(releases_dir: Path, tried: list[str]) -> None:
    path = releases_dir / TRIED_NAME
    try:
        releases_dir.mkdir(parents=True, exist_ok=True)
        replace_file(path, json.dumps(tried[-MAX_REMEMBERED:], indent=0))
    except OSError as exc:
        log.warning("%s: cannot remember tried bundles (%s); a failed bundle may be tried again", path, exc)
