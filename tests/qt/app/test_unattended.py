"""The operations wiring from a settings file: what is switched on, and what the operator panel's buttons do."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.exhibit.navigation import PillarPage
from kiosk.exit_codes import ExitCode
from kiosk.qt.app.unattended import Operations, weekly_schedule
from kiosk.settings.load import load_settings

from ..exhibit_fixtures import CONTENT_DIR, Harness

pytestmark = pytest.mark.gui
MONDAY_NOON = datetime(2026, 11, 30, 12, 0)


def settings_for(tmp_path: Path, text: str = ""):
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(CONTENT_DIR, content)
    path = tmp_path / "kiosk.yaml"
    path.write_text(
        f"exhibit:\n  content_dir: {content}\nfolders:\n  state_dir: {tmp_path / 'state'}\n{text}", encoding="utf-8"
    )
    loaded = load_settings(path, environ={})
    assert loaded.ok, loaded.errors
    return loaded.settings


class FakeApp:
    def __init__(self) -> None:
        self.codes: list[int] = []

    def exit(self, code: int) -> None:
        self.codes.append(code)


def operations(harness: Harness, settings, kiosk_mode: bool = False) -> tuple[Operations, FakeApp]:
    app = FakeApp()
    ops = Operations(
        app,  # type: ignore[arg-type]
        harness.stage,
        harness.controller,
        settings,
        harness.clock,
        kiosk_mode=kiosk_mode,
        now=lambda: MONDAY_NOON,
    )
    return ops, app


def test_the_defaults_watch_the_content_and_no_stick(harness: Harness, tmp_path: Path) -> None:
    ops, _ = operations(harness, settings_for(tmp_path))
    assert ops.reloader.timer.isActive() and ops.reloader.timer.interval() == 2000
    assert ops.bundles is None and ops.lockdown is None
    assert weekly_schedule(ops.settings).is_open(datetime(2026, 12, 25, 3, 0))
    ops.stop()
    assert not ops.reloader.timer.isActive()


def test_settings_switch_on_the_stick_and_opening_hours(harness: Harness, tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        f"content_updates:\n  watch_dir: {tmp_path / 'stick'}\n  watch_check_s: 7\n"
        "opening_hours:\n  monday: '09:00-17:00'\n  sunday: closed\n",
    )
    ops, _ = operations(harness, settings)
    assert ops.bundles is not None and ops.bundles.timer.interval() == 7000
    schedule = weekly_schedule(settings)
    assert schedule.is_open(MONDAY_NOON) and not schedule.is_open(datetime(2026, 11, 30, 18, 0))
    assert not schedule.is_open(datetime(2026, 12, 6, 12, 0))  # a Sunday
    ops.stop()


@pytest.mark.log_warnings("broken content is logged with its errors")
def test_the_panel_reports_the_content_and_its_errors(harness: Harness, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    ops, _ = operations(harness, settings)
    status = ops.content_status()
    assert status.errors == () and status.pending is None and status.loaded_at == "2026-11-30 12:00"
    assert status.source.endswith("content")
    outlook = settings.exhibit.content_dir / "outlook.yaml"
    outlook.write_text(outlook.read_text(encoding="utf-8").replace("zh:", "zh: [", 1), encoding="utf-8")
    ops.reload_content()
    status = ops.content_status()
    assert status.errors and all("outlook.yaml:" in error for error in status.errors)
    ops.stop()


def test_reload_from_the_panel_shows_new_content_at_once(harness: Harness, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    ops, _ = operations(harness, settings)
    pillar = harness.controller.pillar_ids[0]
    harness.controller.wake()
    harness.controller.open_pillar(pillar)
    path = next((settings.exhibit.content_dir / "pillars").glob("1-*.yaml"))
    path.write_text(
        path.read_text(encoding="utf-8").replace("short_title: {zh: 服务国家战略", "short_title: {zh: 新", 1),
        encoding="utf-8",
    )
    ops.reload_content()
    assert harness.screen == PillarPage(pillar)
    assert harness.controller.content.pillar(pillar).short_title.zh == "新"
    ops.stop()


@pytest.mark.log_warnings("the operator's Exit is logged as a warning")
def test_exit_from_the_panel_releases_the_lock_down_and_ends_with_the_operator_status(
    harness: Harness, tmp_path: Path
) -> None:
    ops, app = operations(harness, settings_for(tmp_path), kiosk_mode=True)
    assert ops.lockdown is not None and not ops.lockdown.released
    ops.exit_exhibit()
    assert ops.lockdown.released and app.codes == [ExitCode.OPERATOR_EXIT]
    ops.stop()


@pytest.mark.log_warnings("broken content is logged with its errors")
def test_an_open_panel_shows_a_change_found_by_the_reloader(harness: Harness, tmp_path: Path, monkeypatch) -> None:
    settings = settings_for(tmp_path)
    ops, _ = operations(harness, settings)
    ops.operator.open_panel()
    shown: list = []
    panel = ops.operator.overlay
    monkeypatch.setattr(panel, "set_status", shown.append)
    outlook = settings.exhibit.content_dir / "outlook.yaml"
    outlook.write_text(outlook.read_text(encoding="utf-8").replace("zh:", "zh: [", 1), encoding="utf-8")
    ops.reloader.reload()  # what the reloader's timer does once the change has settled
    assert len(shown) == 1 and shown[0].errors and "outlook.yaml:" in shown[0].errors[0]
    ops.operator.close()
    ops.stop()
