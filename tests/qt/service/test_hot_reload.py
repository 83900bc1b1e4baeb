"""Hot reload while a visitor is on a pillar page: valid content waits for Home or the attract loop; invalid
content leaves the old content on screen, and every error is logged with its file and line."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.exhibit.navigation import Attract, Home, PillarPage
from kiosk.qt.service.hot_reload import ContentReloader, release_version

from ..exhibit_fixtures import CONTENT_DIR, Harness

pytestmark = pytest.mark.gui

OLD_TITLE = "服务国家战略"
NEW_TITLE = "服务国家战略（新）"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def pillar_file(folder: Path) -> Path:
    return next((folder / "pillars").glob("1-*.yaml"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def settled_check(reloader: ContentReloader) -> None:
    """What the timer does twice: the first look sees the change, the second sees it has settled."""
    reloader.check()
    reloader.check()


def short_title(harness: Harness, pillar_id: str) -> str:
    return harness.controller.content.pillar(pillar_id).short_title.zh


def on_a_pillar(harness: Harness) -> str:
    pillar = harness.controller.pillar_ids[0]
    harness.controller.wake()
    harness.controller.open_pillar(pillar)
    harness.settle()
    return pillar


def test_valid_content_waits_for_the_visitor_to_go_home(harness: Harness, folder: Path) -> None:
    reloader = ContentReloader(harness.controller, folder, 2.0, now=datetime.now)
    pillar = on_a_pillar(harness)
    page = harness.controller.page
    edit(pillar_file(folder), f"short_title: {{zh: {OLD_TITLE}", f"short_title: {{zh: {NEW_TITLE}")
    reloader.check()
    assert harness.controller.offered_content is None  # one look: maybe still being copied
    reloader.check()
    assert harness.controller.offered_content is not None
    assert harness.screen == PillarPage(pillar) and harness.controller.page is page  # not under the visitor
    assert short_title(harness, pillar) == OLD_TITLE
    harness.controller.home()
    harness.settle()
    assert harness.screen == Home()
    assert short_title(harness, pillar) == NEW_TITLE
    assert harness.controller.page.ctx.content.pillar(pillar).short_title.zh == NEW_TITLE
    assert harness.controller.offered_content is None and reloader.errors == ()


def test_invalid_content_keeps_the_old_content_and_reports_every_error(
    harness: Harness, folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    reloader = ContentReloader(harness.controller, folder, 2.0, now=datetime.now)
    pillar = on_a_pillar(harness)
    old_content = harness.controller.content
    edit(pillar_file(folder), "short_title: {zh:", "short_titel: {zh:")
    edit(folder / "outlook.yaml", "zh:", "zh: [")
    with caplog.at_level(logging.ERROR, logger="kiosk.qt.service.hot_reload"):
        settled_check(reloader)
    assert len(reloader.errors) >= 2
    assert any(pillar_file(folder).name in error and "short_titel" in error for error in reloader.errors)
    assert any("outlook.yaml:" in error for error in reloader.errors)
    logged = caplog.text
    assert all(error in logged for error in reloader.errors)
    assert "keeps showing its last good content" in logged
    assert harness.screen == PillarPage(pillar) and harness.controller.content is old_content
    harness.controller.home()
    harness.settle()
    assert harness.controller.content is old_content and harness.controller.offered_content is None
    reloader.check()
    assert harness.controller.offered_content is None  # the same broken files are not reported again


@pytest.mark.log_warnings("broken content is logged with its errors")
def test_fixing_the_content_clears_the_errors(harness: Harness, folder: Path) -> None:
    reloader = ContentReloader(harness.controller, folder, 2.0, now=datetime.now)
    on_a_pillar(harness)
    edit(pillar_file(folder), "short_title: {zh:", "short_titel: {zh:")
    settled_check(reloader)
    assert reloader.errors
    edit(pillar_file(folder), "short_titel: {zh:", "short_title: {zh:")
    settled_check(reloader)
    assert reloader.errors == () and harness.controller.offered_content is not None


def test_on_the_attract_loop_new_content_is_shown_at_once(harness: Harness, folder: Path) -> None:
    reloader = ContentReloader(harness.controller, folder, 2.0, now=datetime.now)
    assert harness.screen == Attract()
    pillar = harness.controller.pillar_ids[0]
    edit(pillar_file(folder), f"short_title: {{zh: {OLD_TITLE}", f"short_title: {{zh: {NEW_TITLE}")
    settled_check(reloader)
    assert short_title(harness, pillar) == NEW_TITLE and harness.controller.offered_content is None
    assert harness.controller.page.ctx.content is harness.controller.content


def test_the_operator_can_have_it_shown_at_once(harness: Harness, folder: Path) -> None:
    reloader = ContentReloader(harness.controller, folder, 2.0, now=datetime.now)
    pillar = on_a_pillar(harness)
    edit(pillar_file(folder), f"short_title: {{zh: {OLD_TITLE}", f"short_title: {{zh: {NEW_TITLE}")
    assert reloader.reload(at_once=True)
    assert harness.screen == PillarPage(pillar) and short_title(harness, pillar) == NEW_TITLE


def test_the_timer_is_named_and_polls_at_the_configured_interval(harness: Harness, folder: Path) -> None:
    reloader = ContentReloader(harness.controller, folder, 2.5, now=datetime.now)
    reloader.start()
    assert reloader.timer.objectName() == "reload_timer" and reloader.timer.interval() == 2500
    assert reloader.timer.isActive()


def test_a_release_folder_knows_its_version(tmp_path: Path) -> None:
    release = tmp_path / "releases" / "2026.11.28-0100"
    (release / "content").mkdir(parents=True)
    (tmp_path / "current").symlink_to(Path("releases") / release.name)
    assert release_version(tmp_path / "current" / "content") == "2026.11.28-0100"
    assert release_version(tmp_path) is None


def test_the_version_and_time_on_screen_change_only_when_the_controller_takes_the_content(
    harness: Harness, tmp_path: Path
) -> None:
    releases = tmp_path / "releases"
    for version in ("2026.11.1", "2026.11.2"):
        shutil.copytree(CONTENT_DIR, releases / version / "content")
    current = tmp_path / "current"
    current.symlink_to(releases / "2026.11.1")
    times = iter([datetime(2026, 11, 28, 9, 0), datetime(2026, 11, 28, 10, 30)])
    reloader = ContentReloader(harness.controller, current / "content", 2.0, now=lambda: next(times))
    on_a_pillar(harness)
    current.unlink()
    current.symlink_to(releases / "2026.11.2")
    settled_check(reloader)
    assert reloader.version == "2026.11.1" and reloader.loaded_at.hour == 9  # still what is on screen
    assert reloader.waiting == ("2026.11.2", datetime(2026, 11, 28, 10, 30))
    harness.controller.home()
    assert reloader.version == "2026.11.2" and reloader.loaded_at.hour == 10 and reloader.waiting is None
