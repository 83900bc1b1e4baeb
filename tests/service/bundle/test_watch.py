"""The watch folder (a USB stick): a newer bundle is installed once and a result file written beside it; the one
on screen is left alone, an older one refused; a bad one gets its errors in the result file and is not tried again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.watch import check_watch_folder

from .bundle_helpers import assert_current_complete, make_bundle, write_zip, zip_entries

LATER = time.time() + 60  # a wall clock past the settle time of freshly copied bundles


def check(stick: Path, releases: Path, **options):
    options.setdefault("public_key", None)
    return check_watch_folder(stick, releases, wall_clock=lambda: LATER, **options)


@pytest.fixture
def stick(tmp_path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_a_newer_bundle_is_installed_once_with_a_result_file(content, releases, stick, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "v1.zip", "2026.12.1"), releases, public_key=None)
    make_bundle(content, stick / "update.zip", "2026.12.10")
    (stick / "notes.txt").write_text("not a bundle")

    [result] = check(stick, releases)
    assert result.installed and result.version == "2026.12.10"
    assert assert_current_complete(releases) == "2026.12.10"
    text = (stick / "update.result.txt").read_text()
    assert text.startswith("INSTALLED version 2026.12.10 at ") and result.result_file == stick / "update.result.txt"
    assert check(stick, releases) == []  # not again


def test_the_bundle_on_screen_is_left_alone(content, releases, stick, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "v.zip", "2026.12.10"), releases, public_key=None)
    make_bundle(content, stick / "same.zip", "2026.12.10")
    assert check(stick, releases) == []
    assert sorted(p.name for p in stick.iterdir()) == ["same.zip"]
    assert assert_current_complete(releases) == "2026.12.10"
    # (an older one is refused with a result file: test_history.py)


@pytest.mark.log_warnings("a refused bundle is logged")
def test_a_bad_bundle_gets_its_errors_in_the_result_file_and_is_not_tried_again(
    content, releases, stick, tmp_path, keys
):
    install_bundle(make_bundle(content, tmp_path / "v1.zip", "1"), releases, public_key=None)
    entries = zip_entries(make_bundle(content, tmp_path / "v2.zip", "2"))
    entries["content/outlook.yaml"] = entries["content/outlook.yaml"][:-1] + b" "
    write_zip(stick / "update.zip", entries)

    [result] = check(stick, releases)
    assert not result.installed and result.version == "2"
    text = (stick / "update.result.txt").read_text()
    assert text.startswith("NOT INSTALLED at ")
    assert "'content/outlook.yaml': its sha256 differs from the manifest" in text
    assert assert_current_complete(releases) == "1"
    assert check(stick, releases) == []  # remembered, also across a restart (kept beside the releases)

    # a new copy (another size or time) of that name is a new try
    make_bundle(content, stick / "update.zip", "2")
    os.utime(stick / "update.zip", (LATER - 100, LATER - 100))
    [again] = check(stick, releases)
    assert again.installed and assert_current_complete(releases) == "2"


@pytest.mark.log_warnings("a refused bundle is logged")
def test_an_unsigned_bundle_is_not_installed_when_a_key_is_configured(content, releases, stick, keys):
    make_bundle(content, stick / "update.zip", "5")
    [result] = check(stick, releases, public_key=keys[1])
    assert not result.installed and "not signed" in (stick / "update.result.txt").read_text()
    assert not (releases / "current").exists()


def test_a_bundle_still_being_copied_waits_for_the_next_check(content, releases, stick):
    make_bundle(content, stick / "update.zip", "5")
    assert check_watch_folder(stick, releases, public_key=None, wall_clock=time.time) == []
    assert len(check(stick, releases)) == 1


def test_a_bundle_dated_in_the_future_is_not_kept_waiting(content, releases, stick):
    make_bundle(content, stick / "update.zip", "5")  # FAT sticks keep local time: another time zone looks ahead
    os.utime(stick / "update.zip", (time.time() + 8 * 3600, time.time() + 8 * 3600))
    [result] = check_watch_folder(stick, releases, public_key=None, wall_clock=time.time)
    assert result.installed


def test_a_missing_folder_is_nothing_to_do(releases, tmp_path):
    assert check(tmp_path / "no-stick", releases) == []


def test_a_result_that_cannot_be_written_is_only_logged(content, releases, stick, caplog):
    make_bundle(content, stick / "update.zip", "5")
    (stick / "update.result.txt").mkdir()  # in the way, as a read-only stick would be (also when run as root)
    [result] = check(stick, releases)
    assert result.installed and result.result_file is None
    assert "cannot write" in caplog.text and "release 5 installed" in caplog.text


def test_a_bundle_found_while_another_install_runs_is_tried_later(content, releases, stick):
    from kiosk.service.bundle.releases import locked

    make_bundle(content, stick / "update.zip", "5")
    with locked(releases):
        assert check(stick, releases) == []
    assert not (stick / "update.result.txt").exists()
    [result] = check(stick, releases)
    assert result.installed
