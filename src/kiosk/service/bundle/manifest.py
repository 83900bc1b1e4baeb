"""``manifest.json``: the bundle's version and, for every content file, its path, size and sha256; optionally the
moment a watch folder may install it (``activate_utc``, signed with the rest, so a whole hall switches together)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.version import version_problem

FORMAT = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
CONTENT_PREFIX = "content/"
MAX_PATH_CHARS = 255
UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
MAX_MANIFEST_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class FileRecord:
    path: str  # relative to the content folder, '/'-separated
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    version: str
    created_utc: str
    files: tuple[FileRecord, ...]
    activate_utc: str | None = None  # UTC_FORMAT; None: install as soon as it arrives

    def to_bytes(self) -> bytes:
        data: dict[str, object] = {"format": FORMAT, "version": self.version, "created_utc": self.created_utc}
        if self.activate_utc is not None:  # left out otherwise: a bundle without one has the bytes it always had
            data["activate_utc"] = self.activate_utc
        data["files"] = [
            {"path": f.path, "size": f.size, "sha256": f.sha256} for f in sorted(self.files, key=lambda f: f.path)
        ]
        return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")

    def by_path(self) -> dict[str, FileRecord]:
        return {f.path: f for f in self.files}

    @property
    def activate_at(self) -> float | None:
        """The activation time as Unix seconds (None: none)."""
        return None if self.activate_utc is None else parse_utc(self.activate_utc).timestamp()


def format_utc(moment: datetime) -> str:
    """``moment`` (aware) as the manifest writes times: UTC to the second, e.g. ``2026-12-02T01:00:00Z``."""
    if moment.tzinfo is None:
        raise ValueError("a time without a time zone")
    return moment.astimezone(UTC).strftime(UTC_FORMAT)


def parse_utc(text: str) -> datetime:
    """A manifest time back as an aware datetime; ValueError when it is not in ``UTC_FORMAT``."""
    return datetime.strptime(text, UTC_FORMAT).replace(tzinfo=UTC)


def path_problem(name: str) -> str | None:
    """Why ``name`` (a '/'-separated path inside a bundle) is unsafe to unpack, or None when it is safe."""
    if not name:
        return "an empty name"
    if "\\" in name:
        return "a backslash in the name"
    if name.startswith("/"):
        return "an absolute path"
    if ":" in name:
        return "a ':' in the name (drive letter or stream)"
    if any(ord(c) < 32 for c in name):
        return "a control character in the name"
    if len(name) > MAX_PATH_CHARS:
        return f"a name longer than {MAX_PATH_CHARS} characters"
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return "'..' in the path"
    if any(p in ("", ".") for p in parts):
        return "an empty or '.' part in the path"
    return None


def parse_manifest(data: bytes, where: str) -> Manifest:
    """The manifest in ``data``; BundleError naming ``where`` and every problem when it is not a usable one."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(
            f"{where}: {MANIFEST_NAME} is not readable JSON ({exc}); make the bundle again with 'kiosk bundle create'"
        ) from None
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise BundleError(f"{where}: {MANIFEST_NAME} is not a JSON object; make the bundle again")
    if raw.get("format") != FORMAT:
        problems.append(
            f"format is {raw.get('format')!r}, this exhibit reads format {FORMAT} "
            "(make the bundle with the same exhibit version)"
        )
    version = raw.get("version")
    version_wrong = version_problem(version) if isinstance(version, str) else "version is missing"
    if version_wrong:
        problems.append(version_wrong)
    created = raw.get("created_utc")
    if not isinstance(created, str):
        problems.append("created_utc is missing")
    activate = raw.get("activate_utc")
    if activate is not None:
        try:
            parse_utc(activate if isinstance(activate, str) else "")
        except ValueError:
            problems.append(f"activate_utc is {activate!r}, not a UTC time like 2026-12-02T01:00:00Z")
    files: list[FileRecord] = []
    entries = raw.get("files")
    if not isinstance(entries, list):
        problems.append("files is missing or not a list")
        entries = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        record = _file_record(entry)
        if isinstance(record, str):
            problems.append(f"files entry {number}: {record}")
        elif record.path.casefold() in seen:
            problems.append(f"files entry {number}: '{record.path}' is listed twice")
        else:
            seen.add(record.path.casefold())
            files.append(record)
    if problems:
        raise BundleError(
            f"{where}: {MANIFEST_NAME} is not valid; make the bundle again with 'kiosk bundle create'", problems
        )
    assert isinstance(version, str) and isinstance(created, str)
    return Manifest(version, created, tuple(files), activate if isinstance(activate, str) else None)


def _file_record(entry: object) -> FileRecord | str:
    if not isinstance(entry, dict):
        return "not an object"
    path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
    if not isinstance(path, str):
        return "path is missing"
    problem = path_problem(path)
    if problem or path.endswith("/"):
        return f"'{path}': {problem or 'a folder, not a file'}"
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return f"'{path}': size is not a whole number of bytes"
    if not isinstance(digest, str) or len(digest) != 64 or digest.strip("0123456789abcdef"):
        return f"'{path}': sha256 is not 64 lowercase hex digits"
    return FileRecord(path, size, digest)
