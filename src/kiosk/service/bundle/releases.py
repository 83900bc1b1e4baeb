"""The releases folder: ``releases/<version>/`` (``manifest.json`` + ``content/``) and ``current``, a relative
symbolic link to one of them, switched atomically. POSIX: symbolic links, ``os.replace`` over a link, fsync of
folders, ``flock``."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from kiosk.safe_read import FileRefused, read_regular
from kiosk.service.bundle.errors import BundleBusy, BundleError
from kiosk.service.bundle.history import last_shown, read_history
from kiosk.service.bundle.manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, Manifest, parse_manifest
from kiosk.service.bundle.version import version_key, version_problem

log = logging.getLogger(__name__)

RELEASES = "releases"
CURRENT = "current"
CONTENT = "content"
TEMP_PREFIX = ".tmp-"
LINK_PREFIX = ".current-new-"
LOCK_NAME = ".lock"


def release_dir(releases_dir: Path, version: str) -> Path:
    return Path(releases_dir) / RELEASES / version


def temp_name(label: str) -> str:
    return f"{TEMP_PREFIX}{label}-{secrets.token_hex(4)}"


def current_version(releases_dir: Path) -> str | None:
    """The version ``current`` points at, or None when there is none (or it points somewhere odd)."""
    try:
        target = os.readlink(Path(releases_dir) / CURRENT)
    except OSError:
        return None
    head, _, version = target.partition("/")
    if head != RELEASES or version_problem(version):
        log.warning("%s: points at %r, not at a release", Path(releases_dir) / CURRENT, target)
        return None
    return version


def current_content_dir(releases_dir: Path) -> Path | None:
    """The content folder of the current release (through the ``current`` link), for the exhibit to show."""
    version = current_version(releases_dir)
    return None if version is None else Path(releases_dir) / CURRENT / CONTENT


def list_releases(releases_dir: Path) -> list[str]:
    """The installed releases' versions, oldest first (natural order)."""
    try:
        names = [p.name for p in (Path(releases_dir) / RELEASES).iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        return []
    return sorted((n for n in names if not version_problem(n)), key=version_key)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def switch_current(releases_dir: Path, version: str) -> None:
    """Point ``current`` at ``releases/<version>``: a new link renamed over the old one (atomic), then fsync."""
    releases_dir = Path(releases_dir)
    new_link = releases_dir / f"{LINK_PREFIX}{secrets.token_hex(4)}"
    os.symlink(f"{RELEASES}/{version}", new_link)
    os.replace(new_link, releases_dir / CURRENT)
    fsync_dir(releases_dir)


def remove_leftovers(releases_dir: Path) -> list[str]:
    """Remove what a killed install or prune left behind (temp folders, unused new links); returns their names."""
    releases_dir = Path(releases_dir)
    removed: list[str] = []
    for folder, prefix in ((releases_dir / RELEASES, TEMP_PREFIX), (releases_dir, LINK_PREFIX)):
        with contextlib.suppress(FileNotFoundError):
            for path in folder.iterdir():
                if path.name.startswith(prefix):
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
                    removed.append(path.name)
    if removed:
        log.info("%s: removed leftovers of an interrupted install: %s", releases_dir, ", ".join(removed))
    return removed


def remove_release(releases_dir: Path, version: str) -> None:
    """Rename first (so no half-deleted folder ever carries a version's name), then delete."""
    doomed = Path(releases_dir) / RELEASES / temp_name(f"delete-{version}")
    os.rename(release_dir(releases_dir, version), doomed)
    shutil.rmtree(doomed)


def shown_order(releases_dir: Path) -> list[str]:
    """The installed releases, longest off screen first: those the history never saw (made by an older program;
    by version), then by their last switch in the history. Pruning removes from the front, ``list`` shows it
    reversed."""
    versions = list_releases(releases_dir)
    last = last_shown(read_history(releases_dir) or [])
    return sorted(versions, key=lambda v: (v in last, last[v][0] if v in last else -1, version_key(v)))


def prune(releases_dir: Path, keep: int, protect: set[str]) -> list[str]:
    """Delete the releases longest off screen (``shown_order``, not version order) beyond ``keep``, never one in
    ``protect`` (the current and the previous one); returns the deleted versions."""
    versions = shown_order(releases_dir)
    excess = len(versions) - max(keep, len(protect))
    removed: list[str] = []
    for version in versions:
        if len(removed) >= excess:
            break
        if version not in protect:
            remove_release(releases_dir, version)
            removed.append(version)
    return removed


def older_by_version(releases_dir: Path, version: str) -> list[str]:
    """The kept releases older than ``version`` by version order, newest first (rollback without a history)."""
    return [v for v in reversed(list_releases(releases_dir)) if version_key(v) < version_key(version)]


def read_release_manifest(release: Path) -> Manifest:
    try:
        data = read_regular(release / MANIFEST_NAME, MAX_MANIFEST_BYTES)
    except OSError as exc:
        raise BundleError(f"{release}: no readable {MANIFEST_NAME} ({exc.strerror or exc})") from None
    except FileRefused as exc:
        raise BundleError(f"{release / MANIFEST_NAME}: {exc.reason}") from None
    return parse_manifest(data, str(release))


def file_problems(content_dir: Path, manifest: Manifest) -> list[str]:
    """How the files under ``content_dir`` differ from ``manifest`` (missing, extra, size, sha256)."""
    problems: list[str] = []
    expected = manifest.by_path()
    found = {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*") if not p.is_dir()}
    problems += [f"'{path}': not in the manifest" for path in sorted(found - set(expected))]
    for path, record in sorted(expected.items()):
        file = content_dir / path
        if path not in found:
            problems.append(f"'{path}': missing")
            continue
        try:
            data = read_regular(file, record.size)  # a bigger file, a device or a pipe is not what was installed
        except OSError as exc:
            problems.append(f"'{path}': unreadable ({exc.strerror or exc})")
            continue
        except FileRefused as exc:
            problems.append(f"'{path}': {exc.reason}")
            continue
        if len(data) != record.size or hashlib.sha256(data).hexdigest() != record.sha256:
            problems.append(f"'{path}': differs from the manifest (size or sha256)")
    return problems


def verify_release(release: Path) -> list[str]:
    """Every way ``release`` is not complete and intact; empty when it is."""
    try:
        manifest = read_release_manifest(Path(release))
    except BundleError as exc:
        return [str(exc)]
    return file_problems(Path(release) / CONTENT, manifest)


@contextlib.contextmanager
def locked(releases_dir: Path) -> Iterator[None]:
    """One install, rollback or prune at a time (the exhibit's watch folder and an operator's command)."""
    import fcntl  # POSIX; see the module docstring

    releases_dir = Path(releases_dir)
    (releases_dir / RELEASES).mkdir(parents=True, exist_ok=True)
    with open(releases_dir / LOCK_NAME, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BundleBusy(
                f"{releases_dir}: another install or rollback is running; try again when it has finished"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
