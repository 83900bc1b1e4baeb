"""The bundle side's own files are read like every other file (kiosk.safe_read): the installation history, the watch
folder's record of tried bundles, a release's manifest and its files. A pipe or a device put in their place is
refused at once, with the file named, instead of hanging the exhibit or an operator's command (each of these tests
hung until its time limit before)."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from kiosk.service.bundle.create import create_bundle
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.history import HISTORY_NAME, read_history
from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.manifest import MANIFEST_NAME
from kiosk.service.bundle.releases import CONTENT, release_dir, verify_release
from kiosk.service.bundle.watch import TRIED_NAME, check_watch_folder

from .bundle_helpers import make_bundle

pytestmark = pytest.mark.timeout(30)  # a read that blocks on a pipe fails here, not after the suite's 300 s


def installed(content: Path, releases: Path, tmp_path: Path) -> Path:
    install_bundle(make_bundle(content, tmp_path / "b.zip", "2026.12.01"), releases, public_key=None)
    return release_dir(releases, "2026.12.01")


@pytest.mark.log_warnings("the refused history is logged")
def test_a_history_that_is_a_pipe_is_refused_with_its_name(content, releases, tmp_path, caplog) -> None:
    installed(content, releases, tmp_path)
    (releases / HISTORY_NAME).unlink()
    os.mkfifo(releases / HISTORY_NAME)
    with caplog.at_level(logging.WARNING):
        assert read_history(releases) is None  # rollback goes by version order instead
    assert f"{releases / HISTORY_NAME}: unreadable (is not a regular file" in caplog.text


def test_a_tried_record_that_is_a_pipe_does_not_hang_the_watch_folder(content, releases, tmp_path) -> None:
    watch = tmp_path / "usb"
    watch.mkdir()
    make_bundle(content, watch / "exhibit-2026.12.01.zip", "2026.12.01")
    releases.mkdir(parents=True)
    os.mkfifo(releases / TRIED_NAME)
    results = check_watch_folder(watch, releases, public_key=None, wall_clock=lambda: time.time() + 3600)
    assert [(r.installed, r.version) for r in results] == [(True, "2026.12.01")]


def test_a_release_manifest_that_is_a_pipe_makes_the_release_incomplete(content, releases, tmp_path) -> None:
    release = installed(content, releases, tmp_path)
    (release / MANIFEST_NAME).unlink()
    os.mkfifo(release / MANIFEST_NAME)
    assert verify_release(release) == [
        f"{release / MANIFEST_NAME}: is not a regular file (a device, a pipe or a folder)"
    ]


def test_a_release_file_that_is_a_pipe_or_grew_is_not_the_installed_one(content, releases, tmp_path) -> None:
    release = installed(content, releases, tmp_path)
    (release / CONTENT / "exhibit.yaml").unlink()
    os.mkfifo(release / CONTENT / "exhibit.yaml")
    with (release / CONTENT / "outlook.yaml").open("ab") as grown:
        grown.write(b"# more\n")
    problems = verify_release(release)
    assert "'exhibit.yaml': is not a regular file (a device, a pipe or a folder)" in problems
    assert any(p.startswith("'outlook.yaml': file is ") and "the limit is" in p for p in problems)


def test_a_pipe_in_the_content_folder_is_refused_by_bundle_create(content, tmp_path) -> None:
    os.mkfifo(content / "notes.txt")
    with pytest.raises(BundleError) as refused:
        create_bundle(content, tmp_path / "b.zip", version="2026.12.01")
    assert f"{content / 'notes.txt'}: is not a regular file" in "\n".join(refused.value.problems)
