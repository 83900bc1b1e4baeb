"""A bundle's activation time (signed in its manifest): a watch folder installs it from that moment on, not before,
so a whole hall switches together; partial files of a sync tool or a copy are never looked at."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.service.bundle.create import create_bundle
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.manifest import MANIFEST_NAME, parse_manifest
from kiosk.service.bundle.watch import check_watch_folder, result_path

from .bundle_helpers import assert_current_complete, make_bundle, write_zip, zip_entries

AT = datetime(2026, 12, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))  # 01:00 UTC


def timed_bundle(content: Path, out: Path, version: str, sign_key: Path | None = None) -> Path:
    create_bundle(content, out, version=version, sign_key=sign_key, activate_at=AT)
    os.utime(out, (AT.timestamp() - 3600, AT.timestamp() - 3600))  # copied an hour before: settled
    return out


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "synced"
    path.mkdir()
    return path


def test_the_activation_time_is_in_the_manifest_in_utc_and_read_back(content, tmp_path):
    bundle = timed_bundle(content, tmp_path / "b.zip", "7")
    raw = zip_entries(bundle)[MANIFEST_NAME]
    assert json.loads(raw)["activate_utc"] == "2026-12-02T01:00:00Z"
    manifest = parse_manifest(raw, "b.zip")
    assert manifest.activate_utc == "2026-12-02T01:00:00Z" and manifest.activate_at == AT.timestamp()
    assert manifest.to_bytes() == raw  # the signed bytes are what is written back
    plain = zip_entries(make_bundle(content, tmp_path / "p.zip", "7"))[MANIFEST_NAME]
    assert b"activate_utc" not in plain and parse_manifest(plain, "p.zip").activate_at is None


def test_a_time_without_its_zone_or_a_malformed_one_is_refused(content, tmp_path):
    with pytest.raises(BundleError, match="give its time zone"):
        create_bundle(content, tmp_path / "b.zip", version="1", activate_at=datetime(2026, 12, 2, 9, 0))
    raw = json.loads(zip_entries(timed_bundle(content, tmp_path / "b.zip", "7"))[MANIFEST_NAME])
    raw["activate_utc"] = "tomorrow at nine"
    with pytest.raises(BundleError) as caught:
        parse_manifest(json.dumps(raw).encode(), "b.zip")
    assert "activate_utc is 'tomorrow at nine', not a UTC time like 2026-12-02T01:00:00Z" in caught.value.problems


def test_the_watch_folder_waits_for_the_activation_time_then_installs(content, releases, folder, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "v1.zip", "1"), releases, public_key=None)
    timed_bundle(content, folder / "hall.zip", "2")
    before, after = AT.timestamp() - 1, AT.timestamp() + 1

    [waiting] = check_watch_folder(folder, releases, public_key=None, wall_clock=lambda: before)
    assert not waiting.installed and waiting.waiting_until == AT.timestamp() and waiting.version == "2"
    assert result_path(folder / "hall.zip").read_text().startswith("WAITING until 2026-12-02 01:00:00 UTC\n")
    assert assert_current_complete(releases) == "1"
    # said once, not at every look; still not installed
    assert check_watch_folder(folder, releases, public_key=None, wall_clock=lambda: before) == []
    assert assert_current_complete(releases) == "1"

    [installed] = check_watch_folder(folder, releases, public_key=None, wall_clock=lambda: after)
    assert installed.installed and installed.waiting_until is None
    assert assert_current_complete(releases) == "2"
    assert result_path(folder / "hall.zip").read_text().startswith("INSTALLED version 2 at ")


@pytest.mark.log_warnings("the refused bundle is logged")
def test_an_activation_time_changed_after_signing_is_refused_at_that_time(content, releases, folder, keys, tmp_path):
    private, public = keys
    install_bundle(make_bundle(content, tmp_path / "v1.zip", "1", private), releases, public_key=public)
    entries = zip_entries(timed_bundle(content, tmp_path / "hall.zip", "2", private))
    raw = json.loads(entries[MANIFEST_NAME])
    raw["activate_utc"] = "2026-12-01T00:00:00Z"  # someone wants it earlier
    entries[MANIFEST_NAME] = (json.dumps(raw, indent=1) + "\n").encode()
    write_zip(folder / "hall.zip", entries)
    os.utime(folder / "hall.zip", (0, 0))

    [result] = check_watch_folder(folder, releases, public_key=public, wall_clock=lambda: AT.timestamp() - 60)
    assert not result.installed and result.waiting_until is None and "signature does not match" in result.message
    assert assert_current_complete(releases) == "1"


def test_partial_files_of_syncthing_or_a_copy_are_never_looked_at(content, releases, folder, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "v1.zip", "1"), releases, public_key=None)
    whole = make_bundle(content, tmp_path / "v2.zip", "2").read_bytes()
    for name in (".syncthing.hall.zip.tmp", "~syncthing~hall.zip.tmp", ".hall.zip.part", "hall.zip.part"):
        (folder / name).write_bytes(whole[: len(whole) // 2])
    later = time.time() + 60
    assert check_watch_folder(folder, releases, public_key=None, wall_clock=lambda: later) == []
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt")) == []  # no result file for them
    assert assert_current_complete(releases) == "1"


def test_kiosk_bundle_create_takes_an_activation_time_with_its_zone(content, tmp_path, capsys):
    from kiosk.cli import main

    out = tmp_path / "b.zip"
    assert (
        main(["bundle", "create", str(content), str(out), "--version", "3", "--activate-at", "2026-12-02T09:00+08:00"])
        == 0
    )
    assert "installed by watch folders from 2026-12-02T01:00:00Z" in capsys.readouterr().out
    assert parse_manifest(zip_entries(out)[MANIFEST_NAME], "b.zip").activate_at == AT.timestamp()
    assert main(["bundle", "create", str(content), str(out), "--activate-at", "2026-12-02T09:00"]) == 1  # bad argument
    assert "has no time zone" in capsys.readouterr().err
    assert datetime.fromtimestamp(AT.timestamp(), UTC).hour == 1
