"""Make a bundle from a content folder: validated first, then a deterministic zip (sorted entries, fixed
timestamps) of ``manifest.json``, an optional ``manifest.sig`` and the files under ``content/``."""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.content.loader import load_content
from kiosk.errors import display_path
from kiosk.safe_read import MAX_IMAGE_BYTES, FileRefused, read_regular
from kiosk.service.bundle.archive import MAX_ENTRIES
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.manifest import (
    CONTENT_PREFIX,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileRecord,
    Manifest,
    format_utc,
    path_problem,
)
from kiosk.service.bundle.signing import load_private_key, sign
from kiosk.service.bundle.version import default_version, version_problem

log = logging.getLogger(__name__)

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: the same bytes for the same content
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass
class CreateResult:
    path: Path
    manifest: Manifest
    signed: bool
    size: int


def create_bundle(
    content_dir: Path,
    out_zip: Path,
    *,
    version: str | None = None,
    sign_key: Path | None = None,
    now: datetime | None = None,
    activate_at: datetime | None = None,
) -> CreateResult:
    """Validate ``content_dir`` and write the bundle ``out_zip``. Raises BundleError (every problem) instead.
    ``activate_at`` (aware): a watch folder installs the bundle from that moment on, not before."""
    content_dir, out_zip = Path(content_dir), Path(out_zip)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    version = version or default_version(now)
    problem = version_problem(version)
    if problem:
        raise BundleError(problem)
    if activate_at is not None and activate_at.tzinfo is None:
        raise BundleError(f"activation time {activate_at.isoformat()}: give its time zone, e.g. 2026-12-02T09:00+08:00")
    key = load_private_key(sign_key) if sign_key is not None else None
    result = load_content(content_dir, strict_assets=True)
    if not result.ok:
        raise BundleError(
            f"{display_path(content_dir)}: {len(result.errors)} error(s); no bundle was made",
            [str(e) for e in result.errors],
        )
    files = _content_files(content_dir, out_zip)
    records = tuple(FileRecord(rel, len(data), hashlib.sha256(data).hexdigest()) for rel, data in files)
    activate = None if activate_at is None else format_utc(activate_at)
    manifest = Manifest(version, format_utc(now), records, activate)
    manifest_bytes = manifest.to_bytes()
    entries = [(MANIFEST_NAME, manifest_bytes)]
    if key is not None:
        entries.append((SIGNATURE_NAME, sign(key, manifest_bytes)))
    entries += [(CONTENT_PREFIX + rel, data) for rel, data in files]
    temp = out_zip.with_name(f".{out_zip.name}.part")
    try:
        out_zip.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o100644 << 16
                info.create_system = 3  # Unix, so the mode above is read as such
                archive.writestr(info, data)
        os.replace(temp, out_zip)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise BundleError(f"{out_zip}: cannot write the bundle: {exc.strerror or exc}") from None
    log.info("%s: bundle %s made from %s (%d files)", out_zip, version, content_dir, len(records))
    return CreateResult(out_zip, manifest, key is not None, out_zip.stat().st_size)


def _content_files(content_dir: Path, out_zip: Path) -> list[tuple[str, bytes]]:
    """Every file of the content folder (sorted, '/'-separated), refusing what could not be unpacked safely."""
    problems: list[str] = []
    files: list[tuple[str, bytes]] = []
    skip = out_zip.resolve()
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir).as_posix()
        if path.name in SKIPPED_NAMES or path.resolve() == skip:
            continue
        if path.is_symlink():
            problems.append(f"{path}: a link; copy the file itself into the content folder")
        elif path.is_dir():
            continue
        elif problem := path_problem(rel):
            problems.append(f"{path}: cannot go into a bundle ({problem}); rename it")
        else:
            try:  # no content file is bigger than an image may be; a device or a pipe there is refused, not read
                files.append((rel, read_regular(path, MAX_IMAGE_BYTES)))
            except FileRefused as exc:
                problems.append(f"{path}: {exc.reason}; remove it from the content folder")
            except OSError as exc:
                problems.append(f"{path}: cannot be read ({exc.strerror or exc})")
    if len(files) + 2 > MAX_ENTRIES:
        problems.append(f"{content_dir}: {len(files)} files, more than a bundle may hold ({MAX_ENTRIES - 2})")
    if problems:
        raise BundleError(f"{display_path(content_dir)}: no bundle was made", problems)
    return files
