"""The settings file: every error at once with file:line, defaults for what is left out, flags over the file."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from kiosk.errors import display_path
from kiosk.service.schedule import WeeklySchedule
from kiosk.settings.load import MAX_SETTINGS_BYTES, Override, load_settings
from kiosk.settings.model import Settings
from kiosk.staff.pin_hash import hash_pin

ENV: dict[str, str] = {}  # no systemd variables; the user is conftest.py's user_home
pytestmark = pytest.mark.usefixtures("user_home")


def load(tmp_path: Path, text: str | None, **kwargs):
    path = tmp_path / "kiosk.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    kwargs.setdefault("environ", ENV)
    kwargs.setdefault("platform", "linux")
    kwargs.setdefault("shipped_content", tmp_path / "shipped")
    return load_settings(path, **kwargs)


def messages(result) -> list[str]:
    assert not result.ok and result.settings is None
    return [str(e).replace(str(result.path), "kiosk.yaml") for e in result.errors]


@pytest.mark.parametrize("text", [None, "", "\n# only a comment\n", "exhibit:\n# idle_timeout_s: 90\n"])
def test_a_missing_empty_or_commented_out_file_is_every_default(tmp_path: Path, text: str | None) -> None:
    result = load(tmp_path, text)
    assert result.ok, result.errors
    assert result.exists is (text is not None)
    assert result.settings.exhibit.idle_timeout_s == 60 and result.settings.operator.pin_attempts == 5
    assert result.settings.opening_hours is None
    assert all(source == "default" or source.startswith("default (") for source in result.sources.values())


def test_every_error_is_reported_at_once_with_its_line_and_column(tmp_path: Path) -> None:
    text = (
        "exhibit:\n"  # 1
        "  idle_timeout_s: '90'\n"  # 2  text, not a number
        "  screen: 16\n"  # 3  out of range
        "  rotate_deg: 45\n"  # 4  not a choice
        "  idle_timout_s: 90\n"  # 5  unknown, with a suggestion
        "  windowed: 1\n"  # 6  a number is not true/false
        "operator:\n"  # 7
        "  pin_attempts: 2.5\n"  # 8  not a whole number
        "logging:\n"  # 9
        "  level: verbose\n"  # 10
        "helth: {}\n"  # 11 unknown section
    )
    assert messages(load(tmp_path, text)) == [
        "kiosk.yaml:2:19: exhibit.idle_timeout_s: expected a number, found the text '90' "
        "(write digits only, e.g. 40.3, without quotes or units)",
        "kiosk.yaml:3:11: exhibit.screen: the number 16 is out of range: must be at most 15",
        "kiosk.yaml:4:15: exhibit.rotate_deg: the number 45 is not allowed here (choose one of: 0, 90, 180, 270)",
        "kiosk.yaml:5:3: exhibit.idle_timout_s: unknown key 'idle_timout_s' (did you mean 'idle_timeout_s'?)",
        "kiosk.yaml:6:13: exhibit.windowed: expected true or false, found the number 1",
        "kiosk.yaml:8:17: operator.pin_attempts: expected a whole number, found the number 2.5 "
        "(write digits only, e.g. 40.3, without quotes or units)",
        "kiosk.yaml:10:10: logging.level: the text 'verbose' is not allowed here "
        "(choose one of: debug, info, warning, error)",
        "kiosk.yaml:11:1: helth: unknown key 'helth' (did you mean 'health'?)",
    ]


def test_yaml_syntax_and_duplicate_keys_are_located(tmp_path: Path) -> None:
    syntax = messages(load(tmp_path, "exhibit:\n  screen: [1\n"))
    assert len(syntax) == 1 and syntax[0].startswith("kiosk.yaml:3:1: YAML syntax error:")
    duplicate = messages(load(tmp_path, "exhibit:\n  screen: 1\n  screen: 2\n"))
    assert duplicate == [
        "kiosk.yaml:3:3: exhibit.screen: duplicate key 'screen' (first at line 2) "
        "(YAML would silently keep only the last one; remove or rename one of them)"
    ]


def test_the_idle_warning_must_be_shorter_than_the_idle_timeout(tmp_path: Path) -> None:
    errors = messages(load(tmp_path, "exhibit:\n  idle_timeout_s: 25\n  idle_warning_s: 25\n"))
    assert errors == [
        "kiosk.yaml:3:19: exhibit.idle_warning_s: idle_warning_s (25) must be less than "
        "idle_timeout_s (25): the countdown is the last part of the idle time"
    ]
    assert load(tmp_path, "exhibit:\n  idle_timeout_s: 25\n  idle_warning_s: 24\n").ok


def test_opening_hours_are_checked_day_by_day(tmp_path: Path) -> None:
    text = (
        "opening_hours:\n"
        "  monday: '09:00-17:30'\n"
        "  tuesday: '17:00-09:00'\n"
        "  wednesday: closed\n"
        "  friday: 540\n"
        "  closed_dates: [2026-12-25, 'Christmas']\n"
    )
    errors = messages(load(tmp_path, text))
    assert [e.split(": ")[0] for e in errors] == ["kiosk.yaml:3:12", "kiosk.yaml:5:11", "kiosk.yaml:6:30"]
    assert "opening_hours.tuesday" in errors[0] and "17:00-09:00" in errors[0]
    assert "opening_hours.friday: expected text, found the number 540" in errors[1]
    assert "opening_hours.closed_dates[1]: expected a date" in errors[2]


def test_valid_opening_hours_feed_the_weekly_schedule(tmp_path: Path) -> None:
    import datetime as dt

    text = "opening_hours:\n  monday: '09:00-17:30'\n  sunday: closed\n  closed_dates: [2026-12-25]\n"
    hours = load(tmp_path, text).settings.opening_hours
    assert hours.day_texts() == {"monday": "09:00-17:30", "sunday": "closed"}
    schedule = WeeklySchedule.from_texts(hours.day_texts(), hours.closed_dates)
    monday = dt.datetime(2026, 11, 30, 8, 59)
    assert not schedule.is_open(monday) and schedule.is_open(monday.replace(hour=9, minute=0))
    assert hours.sleep_display is True


def test_public_key_and_pin_hash_are_checked(tmp_path: Path) -> None:
    key = base64.b64encode(bytes(range(32))).decode()
    good = load(tmp_path, f"operator:\n  pin_hash: '{hash_pin('2580')}'\ncontent_updates:\n  public_key: {key}\n")
    assert good.ok and good.settings.content_updates.public_key == key
    bad = messages(load(tmp_path, "operator:\n  pin_hash: '2580'\ncontent_updates:\n  public_key: 'bm90IGEga2V5'\n"))
    assert bad[0].startswith("kiosk.yaml:2:13: operator.pin_hash: not a PIN hash made by 'kiosk set-pin'")
    assert bad[1].startswith(
        "kiosk.yaml:4:15: content_updates.public_key: the public key is 9 bytes, an Ed25519 public key is 32"
    )
    text = messages(load(tmp_path, "content_updates:\n  public_key: 'not base64!'\n"))
    assert text == [
        "kiosk.yaml:2:15: content_updates.public_key: the public key is not base64 text; copy the whole "
        "line that 'kiosk bundle keygen' printed"
    ]


def test_precedence_is_default_then_file_then_flag_and_each_value_knows_its_source(tmp_path: Path) -> None:
    text = "exhibit:\n  idle_timeout_s: 90\n  attract_slide_s: 5\n  screen: 1\n"
    result = load(tmp_path, text, overrides=[Override("exhibit.idle_timeout_s", 45.0, "--idle-timeout-s")])
    exhibit = result.settings.exhibit
    assert (exhibit.idle_timeout_s, exhibit.attract_slide_s, exhibit.screen, exhibit.idle_warning_s) == (45, 5, 1, 10)
    assert result.sources["exhibit.idle_timeout_s"] == "--idle-timeout-s"
    assert result.sources["exhibit.attract_slide_s"] == f"{result.shown_path}:3"
    assert result.sources["exhibit.idle_warning_s"] == "default"


def test_a_flag_can_break_a_rule_between_two_settings(tmp_path: Path) -> None:
    result = load(
        tmp_path,
        "exhibit:\n  idle_warning_s: 30\n",
        overrides=[Override("exhibit.idle_timeout_s", 25.0, "--idle-timeout-s")],
    )
    assert "must be less than idle_timeout_s (25)" in messages(result)[0]


def test_folders_and_content_dir_are_filled_in_and_relative_paths_follow_the_file(tmp_path: Path) -> None:
    result = load(tmp_path, "exhibit:\n  content_dir: my-content\nfolders:\n  log_dir: /var/log/exhibit\n")
    folders = result.settings.folders
    assert result.settings.exhibit.content_dir == tmp_path / "my-content"
    assert folders.state_dir == Path("/home/ops/.local/state/guangzhou-exhibit")
    assert folders.releases_dir == folders.state_dir / "content"
    assert folders.log_dir == Path("/var/log/exhibit")
    assert result.sources["folders.state_dir"] == "default ($XDG_STATE_HOME)"
    assert result.sources["folders.log_dir"].endswith("kiosk.yaml:4")


def test_content_dir_defaults_to_the_current_release_when_one_is_installed(tmp_path: Path) -> None:
    releases = tmp_path / "state" / "content"
    text = f"folders:\n  releases_dir: {releases}\n"
    assert load(tmp_path, text).settings.exhibit.content_dir == tmp_path / "shipped"
    (releases / "releases" / "1" / "content").mkdir(parents=True)
    (releases / "current").symlink_to("releases/1")  # as `kiosk bundle install` leaves it
    result = load(tmp_path, text)
    assert result.settings.exhibit.content_dir == releases / "current" / "content"
    assert result.sources["exhibit.content_dir"] == "default (the current release in <releases_dir>)"


def test_the_defaults_are_the_models_defaults() -> None:
    assert Settings().exhibit.idle_warning_s == 10 and Settings().health.max_rss_mb == 1536


def test_a_device_a_pipe_or_a_folder_as_the_settings_file_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo, tmp_path):
        result = load_settings(path, environ=ENV, platform="linux", shipped_content=tmp_path, required=True)
        assert [str(e) for e in result.errors] == [
            f"{display_path(path)}:0:0: is not a regular file (a device, a pipe or a folder) "
            "(point the setting at a YAML file)"
        ]


def test_a_settings_file_over_its_limit_is_refused(tmp_path: Path) -> None:
    errors = messages(load(tmp_path, "#" * MAX_SETTINGS_BYTES + "\nexhibit: {}\n"))
    assert len(errors) == 1 and "; the limit is 262,144" in errors[0]


def test_an_impossible_date_is_reported_with_every_other_error(tmp_path: Path) -> None:
    text = (
        "exhibit:\n"
        "  screen: 16\n"  # out of range
        "  windowed: 1\n"  # wrong type
        "  idle_timout_s: 90\n"  # unknown key
        "opening_hours:\n"
        "  monday: '09:00-17:30'\n"
        "  closed_dates: [2026-12-25, 2026-02-30]\n"  # no such day
    )
    errors = messages(load(tmp_path, text))
    assert [e.split(": ")[0:2] for e in errors] == [
        ["kiosk.yaml:2:11", "exhibit.screen"],
        ["kiosk.yaml:3:13", "exhibit.windowed"],
        ["kiosk.yaml:4:3", "exhibit.idle_timout_s"],
        ["kiosk.yaml:7:30", "opening_hours.closed_dates[1]"],
    ]
    assert "cannot read '2026-02-30'" in errors[3]


def test_a_missing_file_named_with_config_is_an_error_but_the_default_place_is_not(tmp_path: Path) -> None:
    assert load(tmp_path, None).ok
    errors = messages(load(tmp_path, None, required=True))
    assert errors == [
        "kiosk.yaml:0:0: there is no such settings file (create it with 'kiosk config --example > kiosk.yaml', "
        "or drop --config to use the defaults)"
    ]


def test_monitoring_names_its_group_plainly_and_its_health_file_follows_the_file(tmp_path: Path) -> None:
    good = load(tmp_path, "monitoring:\n  metrics_file: metrics/kiosk.prom\n  group: hall-a\n")
    monitoring = good.settings.monitoring
    assert monitoring.metrics_file == tmp_path / "metrics" / "kiosk.prom" and monitoring.group == "hall-a"
    assert (monitoring.metrics_every_s, monitoring.screenshot_every_s, monitoring.screenshot_px) == (20, 300, 480)
    assert load(tmp_path, "").settings.monitoring.metrics_file is None
    bad = messages(load(tmp_path, "monitoring:\n  group: 'hall a'\n  metrics_every_s: 1\n"))
    assert bad[0] == "kiosk.yaml:2:10: monitoring.group: 'hall a': use only letters, digits and _ . : - (e.g. hall-a)"
    assert bad[1].startswith("kiosk.yaml:3:20: monitoring.metrics_every_s:")
