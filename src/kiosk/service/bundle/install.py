"""Install a bundle as a new release and switch ``current`` to it; a kill at any instant leaves the old or the new
release complete and ``current`` pointing at one of them."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.loader import load_content
from kiosk.errors import ContentError
from kiosk.service.bundle.archive import Budget, entry_problems, open_zip, read_small, stream_entry
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.history import record_switch
from kiosk.service.bundle.manifest import CONTENT_PREFIX, MANIFEST_NAME, SIGNATURE_NAME, Manifest, parse_manifest
from kiosk.service.bundle.releases import (
    CONTENT,
    current_version,
    file_problems,
    fsync_dir,
    locked,
    prune,
    release_dir,
    remove_leftovers,
    switch_current,
    temp_name,
)
from kiosk.service.bundle.signing import signature_matches
from kiosk.service.bundle.version import is_older

log = logging.getLogger(__name__)

DEFAULT_KEEP = 5
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


def no_op(step: str) -> None:
    """The default ``checkpoint``: install steps are reported to nobody."""


@dataclass
class InstallResult:
    version: str
    release: Path
    installed: bool  # False: this version was already current, nothing changed
    previous: str | None
    removed: list[str] = field(default_factory=list)
    message: str = ""


def install_bundle(
    zip_path: Path,
    releases_dir: Path,
    *,
    public_key: bytes | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep: int = DEFAULT_KEEP,
    allow_older: bool = False,
    checkpoint: Callable[[str], None] = no_op,
) -> InstallResult:
    """Check, unpack, validate and switch to the bundle at ``zip_path``. Raises BundleError (for people). A bundle
    older (by version) than the current release is refused unless ``allow_older``: going back is a decision."""
    zip_path, releases_dir = Path(zip_path), Path(releases_dir)
    shown = zip_path.name
    try:
        with open_zip(zip_path, shown, max_bytes) as archive, locked(releases_dir):
            return _install_locked(archive, shown, releases_dir, public_key, max_bytes, keep, allow_older, checkpoint)
    except OSError as exc:
        where = exc.filename or releases_dir
        raise BundleError(
            f"{shown}: {where}: {exc.strerror or exc}; the current release was not changed (check "
            "that the releases folder is writable and has free space)"
        ) from None


def _install_locked(
    archive: zipfile.ZipFile,
    shown: str,
    releases_dir: Path,
    public_key: bytes | None,
    max_bytes: int,
    keep: int,
    allow_older: bool,
    checkpoint: Callable[[str], None],
) -> InstallResult:
    remove_leftovers(releases_dir)
    budget = Budget(max_bytes)
    manifest_bytes, manifest = _checked_manifest(archive, shown, budget, public_key, max_bytes)
    checkpoint("checked")
    current = current_version(releases_dir)
    version = manifest.version
    target = release_dir(releases_dir, version)
    if version == current:
        return InstallResult(
            version,
            target,
            False,
            current,
            message=f"{shown}: version {version} is already the current release; nothing was changed",
        )
    if not allow_older and is_older(version, current):
        raise BundleError(older_message(shown, version, current))
    if target.exists():
        problems = file_problems(target / CONTENT, manifest)
        if problems:
            raise BundleError(
                f"{shown}: a different release {version} is already installed; give the new bundle "
                "a new version (kiosk bundle create --version)",
                problems[:20],
            )
        how = "was already unpacked; switched to it"
    else:
        _unpack_validate_rename(archive, shown, manifest, manifest_bytes, target, budget, checkpoint)
        how = "installed"
    switch_current(releases_dir, version)
    checkpoint("switched")
    try:
        record_switch(releases_dir, version, "install", before=current)
    except OSError as exc:  # the install itself has succeeded; the next switch records this one as found
        log.warning("%s: the installation history could not be written (%s)", releases_dir, exc)
    checkpoint("recorded")
    try:
        removed = prune(releases_dir, keep, {version, *([current] if current else [])})
    except OSError as exc:  # the install itself has succeeded
        log.warning("%s: old releases could not all be removed (%s); the next install tries again", releases_dir, exc)
        removed = []
    checkpoint("pruned")
    previous = f" (previous: {current})" if current else ""
    log.info("%s: release %s %s%s", shown, version, how, previous)
    return InstallResult(version, target, True, current, removed, f"{shown}: release {version} {how}{previous}")


def older_message(shown: str, version: str, current: str | None) -> str:
    return (
        f"{shown}: version {version} is older than the current release {current}; nothing was installed "
        "(to go back to the release shown before: kiosk bundle rollback; to install this older one anyway: "
        "kiosk bundle install --allow-older)"
    )


def _checked_manifest(
    archive: zipfile.ZipFile, shown: str, budget: Budget, public_key: bytes | None, max_bytes: int
) -> tuple[bytes, Manifest]:
    problems = entry_problems(archive, max_bytes)
    if problems:
        raise BundleError(f"{shown}: refused, nothing was installed", problems)
    manifest_bytes = read_small(archive, MANIFEST_NAME, budget)
    if manifest_bytes is None:
        raise BundleError(f"{shown}: no {MANIFEST_NAME}; this is not a bundle made by 'kiosk bundle create'")
    if public_key is not None:
        signature = read_small(archive, SIGNATURE_NAME, budget)
        if signature is None:
            raise BundleError(
                f"{shown}: not signed, and this exhibit only installs signed bundles; sign it with "
                "'kiosk bundle create --sign-key'"
            )
        if not signature_matches(public_key, manifest_bytes, signature):
            raise BundleError(
                f"{shown}: the signature does not match (signed with another key, or the manifest "
                "was changed); nothing was installed"
            )
    manifest = parse_manifest(manifest_bytes, shown)
    listed = {f"{CONTENT_PREFIX}{f.path}": f for f in manifest.files}
    in_zip = {i.filename: i for i in archive.infolist() if i.filename.startswith(CONTENT_PREFIX) and not i.is_dir()}
    problems = [f"'{name}': in the archive but not in the manifest" for name in sorted(set(in_zip) - set(listed))]
    problems += [f"'{name}': in the manifest but not in the archive" for name in sorted(set(listed) - set(in_zip))]
    problems += [
        f"'{name}': {in_zip[name].file_size} bytes, the manifest says {record.size}"
        for name, record in sorted(listed.items())
        if name in in_zip and in_zip[name].file_size != record.size
    ]
    if problems:
        raise BundleError(f"{shown}: the files do not match the manifest; nothing was installed", problems)
    return manifest_bytes, manifest


def _unpack_validate_rename(
    archive: zipfile.ZipFile,
    shown: str,
    manifest: Manifest,
    manifest_bytes: bytes,
    target: Path,
    budget: Budget,
    checkpoint: Callable[[str], None],
) -> None:
    temp = target.parent / temp_name(manifest.version)
    try:
        checkpoint("unpacking")
        _unpack(archive, shown, manifest, manifest_bytes, temp, budget)
        checkpoint("unpacked")
        result = load_content(temp / CONTENT, strict_assets=True)
        if not result.ok:
            errors = [str(_in_bundle(e, temp / CONTENT)) for e in result.errors]
            raise BundleError(
                f"{shown}: the content has {len(errors)} error(s); nothing was installed "
                "(fix them, check with 'kiosk validate', make the bundle again)",
                errors,
            )
        checkpoint("validated")
        os.rename(temp, target)
        fsync_dir(target.parent)
        checkpoint("renamed")
    except OSError as exc:
        raise BundleError(
            f"{shown}: cannot unpack into {target.parent}: {exc.strerror or exc}; nothing was installed"
        ) from None
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def _unpack(
    archive: zipfile.ZipFile, shown: str, manifest: Manifest, manifest_bytes: bytes, temp: Path, budget: Budget
) -> None:
    content = temp / CONTENT
    content.mkdir(parents=True)
    bad: list[str] = []
    for record in sorted(manifest.files, key=lambda r: r.path):
        destination = content / record.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "wb") as handle:
            size, digest = stream_entry(archive, archive.getinfo(CONTENT_PREFIX + record.path), budget, handle.write)
            handle.flush()
            os.fsync(handle.fileno())
        if size != record.size or digest != record.sha256:
            bad.append(f"'{CONTENT_PREFIX}{record.path}': its sha256 differs from the manifest")
    if bad:
        raise BundleError(
            f"{shown}: the files do not match the manifest (changed after the bundle was made); nothing was installed",
            bad,
        )
    (temp / MANIFEST_NAME).write_bytes(manifest_bytes)
    for folder in sorted({p for p in content.rglob("*") if p.is_dir()} | {content, temp}, reverse=True):
        fsync_dir(folder)
    fsync_dir(temp)


def _in_bundle(error: ContentError, content_dir: Path) -> ContentError:
    """The error with its file named as inside the bundle (``content/pillars/x.yaml``), not the temp folder."""
    try:
        inside = Path(error.path).resolve().relative_to(content_dir.resolve())
    except (ValueError, OSError):
        return error
    return dataclasses.replace(error, path=(CONTENT_PREFIX + inside.as_posix()).removesuffix("/."))
