"""Reading an untrusted bundle zip safely: names, entry count, sizes and compression ratios, checked from the
headers first and again on the real decompressed bytes while streaming."""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kiosk.safe_read import FileRefused, open_regular
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.manifest import (
    CONTENT_PREFIX,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SIGNATURE_NAME,
    path_problem,
)

MAX_ENTRIES = 5000
MAX_RATIO = 100  # uncompressed : compressed
RATIO_FLOOR_BYTES = 1024 * 1024  # below this many bytes an entry is too small to be a bomb, whatever its ratio
CHUNK = 256 * 1024


def ratio_allows(uncompressed: int, compressed: int) -> bool:
    return uncompressed <= max(MAX_RATIO * compressed, RATIO_FLOOR_BYTES)


@dataclass
class Budget:
    """Decompressed bytes still allowed for the whole archive."""

    left: int


class _OwnZip(zipfile.ZipFile):
    """A zip read from a handle that it closes with itself (ZipFile leaves a handle it was given open)."""

    def __init__(self, handle: BinaryIO):
        self._handle = handle
        super().__init__(handle)

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._handle.close()


def open_zip(zip_path: Path, shown: str, max_bytes: int) -> zipfile.ZipFile:
    """The bundle opened as a zip; only a regular file of at most ``max_bytes`` (never a device or a pipe)."""
    try:
        handle = open_regular(zip_path, max_bytes)
    except FileNotFoundError:
        raise BundleError(f"{shown}: no such file") from None
    except FileRefused as exc:
        if exc.size is not None:
            raise BundleError(
                f"{shown}: {exc.size} bytes, more than the {max_bytes} allowed; nothing was installed"
            ) from None
        raise BundleError(f"{shown}: {exc.reason}; give the bundle's .zip file; nothing was installed") from None
    except OSError as exc:
        raise BundleError(f"{shown}: cannot read the file ({exc.strerror or exc}); nothing was installed") from None
    try:
        return _OwnZip(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        handle.close()
        raise BundleError(f"{shown}: not a readable zip archive ({exc}); copy the bundle again") from None


def entry_problems(archive: zipfile.ZipFile, max_bytes: int) -> list[str]:
    """Every reason, found from the zip's headers alone, not to unpack it."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        return [f"{len(infos)} entries, more than the {MAX_ENTRIES} allowed"]
    problems: list[str] = []
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        problem = path_problem(name)
        if problem:
            problems.append(f"'{name}': {problem}")
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            problems.append(f"'{name}': a symbolic link")
        key = name.rstrip("/").casefold()
        if key in seen:
            problems.append(f"'{name}': the name appears twice (letter case ignored)")
        seen.add(key)
        if not (name in (MANIFEST_NAME, SIGNATURE_NAME) or name.startswith(CONTENT_PREFIX)):
            problems.append(
                f"'{name}': not part of a bundle (only {MANIFEST_NAME}, {SIGNATURE_NAME} and {CONTENT_PREFIX}...)"
            )
        if info.flag_bits & 0x1:
            problems.append(f"'{name}': encrypted")
        if not ratio_allows(info.file_size, info.compress_size):
            problems.append(
                f"'{name}': compressed more than {MAX_RATIO}:1 ({info.file_size} bytes in "
                f"{info.compress_size}), refused as a possible zip bomb"
            )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > max_bytes:
        problems.append(f"{total} bytes unpacked, more than the {max_bytes} allowed")
    elif not ratio_allows(total, packed):
        problems.append(f"the archive is compressed more than {MAX_RATIO}:1, refused as a possible zip bomb")
    return problems


def stream_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget, write: Callable[[bytes], object]
) -> tuple[int, str]:
    """Decompress one entry into ``write`` while counting the real bytes; returns (size, sha256 hex).

    Stops as soon as the entry outgrows its header, the ratio limit or the archive's budget.
    """
    digest = hashlib.sha256()
    size = 0
    try:
        source = archive.open(info)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise _unreadable(info, exc) from None
    with source:
        while True:
            try:
                chunk = source.read(CHUNK)
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
                raise _unreadable(info, exc) from None
            if not chunk:
                break
            size += len(chunk)
            if size > info.file_size:
                raise BundleError(f"'{info.filename}': holds more bytes than its header says; refused")
            if not ratio_allows(size, info.compress_size):
                raise BundleError(
                    f"'{info.filename}': compressed more than {MAX_RATIO}:1, refused as a possible zip bomb"
                )
            if size > budget.left:
                raise BundleError("the archive unpacks to more bytes than allowed; refused")
            digest.update(chunk)
            write(chunk)
    budget.left -= size
    return size, digest.hexdigest()


def _unreadable(info: zipfile.ZipInfo, exc: Exception) -> BundleError:
    return BundleError(f"'{info.filename}': cannot be read from the archive ({exc}); copy the bundle again")


def read_small(archive: zipfile.ZipFile, name: str, budget: Budget) -> bytes | None:
    """The bytes of ``name`` (manifest or signature), or None when the archive has no such entry."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise BundleError(f"'{name}': {info.file_size} bytes, too large")
    parts: list[bytes] = []
    stream_entry(archive, info, budget, parts.append)
    return b"".join(parts)
