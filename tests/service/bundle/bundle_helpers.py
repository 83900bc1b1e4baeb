"""Helpers for the bundle tests: a copy of the shipped content, bundles made from it, and hand-built zips."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

from kiosk.service.bundle.create import create_bundle
from kiosk.service.bundle.releases import CURRENT, current_version, verify_release

SHIPPED_CONTENT = Path(__file__).resolve().parents[3] / "content"


def copy_content(tmp_path: Path, name: str = "content") -> Path:
    target = tmp_path / name
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


def make_bundle(content: Path, out: Path, version: str, sign_key: Path | None = None) -> Path:
    create_bundle(content, out, version=version, sign_key=sign_key)
    return out


def zip_entries(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, entries: dict[str, bytes] | list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    """A zip with exactly these entries, deflated, in this order (duplicates allowed)."""
    items = entries.items() if isinstance(entries, dict) else entries
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return path


def manifest_for(files: dict[str, bytes], version: str) -> bytes:
    """A manifest.json that truly describes ``files`` (content-relative names)."""
    return json.dumps(
        {
            "format": 1,
            "version": version,
            "created_utc": "2026-01-01T00:00:00Z",
            "files": [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for p, d in files.items()],
        }
    ).encode()


def rebuilt(
    bundle: Path,
    out: Path,
    *,
    version: str | None = None,
    change: dict[str, bytes] | None = None,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """The bundle's files with some changed or added, under a manifest that truly lists them (unsigned)."""
    entries = zip_entries(bundle)
    files = {n.removeprefix("content/"): d for n, d in entries.items() if n.startswith("content/")}
    files.update(change or {})
    old_version = json.loads(entries["manifest.json"])["version"]
    manifest = manifest_for(files, version or old_version)
    return write_zip(out, {"manifest.json": manifest, **{f"content/{p}": d for p, d in files.items()}, **(extra or {})})


def assert_current_complete(releases: Path) -> str:
    """``current`` resolves to a release whose every manifest file is present with the right sha256."""
    version = current_version(releases)
    assert version is not None, f"{releases / CURRENT} does not point at a release"
    assert verify_release((releases / CURRENT).resolve()) == []
    return version
