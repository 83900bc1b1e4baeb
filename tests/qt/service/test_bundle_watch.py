"""A bundle dropped in the watch folder (a USB stick) is installed off the GUI thread and reaches the screen
through the content reloader, like any other content change."""

from __future__ import annotations

import os
import shutil
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.qt.service.bundle_watch import BundleWatch, install_bundle_watch
from kiosk.qt.service.hot_reload import ContentReloader
from kiosk.service.bundle.create import create_bundle
from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.releases import current_content_dir, current_version
from kiosk.service.bundle.watch import result_path

from ..exhibit_fixtures import CONTENT_DIR, Harness

pytestmark = pytest.mark.gui
MB = 1024 * 1024


def bundle(tmp_path: Path, folder: Path, version: str, edit: tuple[str, str] | None = None) -> Path:
    content = tmp_path / f"content-{version}"
    shutil.copytree(CONTENT_DIR, content)
    if edit is not None:
        path = next((content / "pillars").glob("1-*.yaml"))
        path.write_text(path.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    folder.mkdir(exist_ok=True)
    out = folder / f"exhibit-{version}.zip"
    create_bundle(content, out, version=version)
    old = time.time() - 60  # copied a minute ago: the copy has finished
    os.utime(out, (old, old))
    return out


def poll_until_done(qtbot, watch: BundleWatch) -> None:
    watch.poll()  # starts the look at the folder on the worker thread
    qtbot.waitUntil(lambda: watch._running is not None and watch._running.done(), timeout=30_000)
    watch.poll()  # collects it


def test_a_newer_bundle_on_the_stick_is_installed_and_shown_at_the_next_attract_loop(
    harness: Harness, qtbot, tmp_path: Path
) -> None:
    releases, stick = tmp_path / "releases-dir", tmp_path / "stick"
    install_bundle(bundle(tmp_path, tmp_path / "first", "2026.11.1"), releases, public_key=None)
    shown = current_content_dir(releases)
    assert shown is not None
    reloader = ContentReloader(harness.controller, shown, 2.0, now=datetime.now)
    newer = bundle(tmp_path, stick, "2026.11.20", edit=("short_title: {zh: 服务国家战略", "short_title: {zh: 新标题"))
    watch = install_bundle_watch(
        harness.controller, stick, releases, public_key=None, max_bytes=64 * MB, keep=5, interval_s=5
    )
    assert watch.timer.isActive() and watch.timer.interval() == 5000
    poll_until_done(qtbot, watch)
    assert current_version(releases) == "2026.11.20"
    assert [r.installed for r in watch.results] == [True]
    assert "2026.11.20" in result_path(newer).read_text(encoding="utf-8")
    reloader.check()
    reloader.check()
    pillar = harness.controller.pillar_ids[0]
    assert harness.controller.content.pillar(pillar).short_title.zh == "新标题"
    assert reloader.version == "2026.11.20"
    watch.stop()


def test_a_broken_check_is_logged_and_the_watch_goes_on(harness: Harness, qtbot, caplog) -> None:
    calls: list[str] = []

    def check():
        calls.append(threading.current_thread().name)
        raise OSError("the stick was pulled out")

    watch = BundleWatch(harness.controller, check, 5)
    poll_until_done(qtbot, watch)
    assert "looking for content bundles failed" in caplog.text
    assert calls and calls[0].startswith("bundle-watch")  # not on the GUI thread
    poll_until_done(qtbot, watch)
    assert len(calls) == 2
    watch.stop()
