"""Releases keep their installation history: rollback goes to the release that was on screen before, pruning removes
the release longest off screen, ``list`` shows that order, and an older bundle needs ``--allow-older`` (never from
the USB stick) — whatever the version strings say."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.releases import list_releases, switch_current
from kiosk.service.bundle.rollback import rollback
from kiosk.service.bundle.watch import check_watch_folder

from .bundle_helpers import assert_current_complete, make_bundle


def bundles(content: Path, tmp_path: Path, *versions: str) -> dict[str, Path]:
    return {v: make_bundle(content, tmp_path / f"{v}.zip", v) for v in versions}


def test_rollback_after_an_older_numbered_install_goes_to_the_release_that_was_on_screen(content, releases, tmp_path):
    made = bundles(content, tmp_path, "2026.03.59", "2026.03.65", "2025.01.01")
    install_bundle(made["2026.03.59"], releases, public_key=None, keep=2)
    install_bundle(made["2026.03.65"], releases, public_key=None, keep=2)
    result = install_bundle(made["2025.01.01"], releases, public_key=None, keep=2, allow_older=True)
    assert result.removed == ["2026.03.59"]  # the longest off screen; 2026.03.65 is the previous one, kept
    assert rollback(releases) == ("2025.01.01", "2026.03.65")
    assert assert_current_complete(releases) == "2026.03.65"
    with pytest.raises(BundleError, match="oldest one kept"):
        rollback(releases)  # 2026.03.59 is gone; 2025.01.01 was shown after 2026.03.65, not before it


def test_the_history_records_each_switch_with_its_version_time_and_kind(content, releases, tmp_path):
    made = bundles(content, tmp_path, "2", "1")
    install_bundle(made["2"], releases, public_key=None)
    install_bundle(made["1"], releases, public_key=None, allow_older=True)
    rollback(releases)
    data = json.loads((releases / "history.json").read_text())
    assert [(s["version"], s["how"]) for s in data["switches"]] == [
        ("2", "install"),
        ("1", "install"),
        ("2", "rollback"),
    ]
    assert all(s["utc"].endswith("Z") and s["utc"][:4].isdigit() for s in data["switches"])
    assert not [p for p in releases.iterdir() if p.name.endswith(".part")]


def test_a_second_rollback_goes_further_back_by_history(content, releases, tmp_path):
    made = bundles(content, tmp_path, "5", "3", "9")
    install_bundle(made["5"], releases, public_key=None)
    install_bundle(made["3"], releases, public_key=None, allow_older=True)
    install_bundle(made["9"], releases, public_key=None)
    assert rollback(releases) == ("9", "3")
    assert rollback(releases) == ("3", "5")
    with pytest.raises(BundleError, match="nothing to go back to"):
        rollback(releases)


def test_an_older_bundle_needs_allow_older(content, releases, tmp_path, capsys):
    made = bundles(content, tmp_path, "2026.12.10", "2026.12.9")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")  # every setting the default (a missing one is an error)
    folder = ["--releases-dir", str(releases), "--config", str(tmp_path / "empty.yaml"), "--max-mb", "50"]
    assert main(["bundle", "install", str(made["2026.12.10"]), *folder, "--keep", "5"]) == 0
    capsys.readouterr()
    assert main(["bundle", "install", str(made["2026.12.9"]), *folder, "--keep", "5"]) == 1
    err = capsys.readouterr().err
    assert "2026.12.9 is older than the current release 2026.12.10" in err and "--allow-older" in err
    assert assert_current_complete(releases) == "2026.12.10"
    assert list_releases(releases) == ["2026.12.10"]
    assert main(["bundle", "install", str(made["2026.12.9"]), *folder, "--keep", "5", "--allow-older"]) == 0
    assert assert_current_complete(releases) == "2026.12.9"


@pytest.mark.log_warnings("the refused older bundle is logged")
def test_an_older_bundle_on_the_stick_is_refused_with_the_reason_in_its_result_file(content, releases, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "v.zip", "2026.12.10"), releases, public_key=None)
    stick = tmp_path / "stick"
    stick.mkdir()
    make_bundle(content, stick / "old.zip", "2026.12.9")
    make_bundle(content, stick / "same.zip", "2026.12.10")
    [result] = check_watch_folder(stick, releases, public_key=None, wall_clock=lambda: time.time() + 60)
    assert not result.installed and result.bundle == stick / "old.zip"
    text = (stick / "old.result.txt").read_text()
    assert text.startswith("NOT INSTALLED at ") and "2026.12.9 is older than the current release 2026.12.10" in text
    assert not (stick / "same.result.txt").exists()  # the bundle on screen is left alone
    assert assert_current_complete(releases) == "2026.12.10" and list_releases(releases) == ["2026.12.10"]
    assert check_watch_folder(stick, releases, public_key=None, wall_clock=lambda: time.time() + 60) == []


def test_pruning_removes_the_release_longest_off_screen_not_the_lowest_version(content, releases, tmp_path):
    made = bundles(content, tmp_path, "3", "1", "2", "4")
    for version in ("3", "1", "2", "4"):
        install_bundle(made[version], releases, public_key=None, keep=3, allow_older=True)
    assert list_releases(releases) == ["1", "2", "4"]  # 3 went: installed first; 1 was on screen after it


def test_list_shows_the_history_order_the_current_and_the_previous_release(content, releases, tmp_path, capsys):
    made = bundles(content, tmp_path, "2026.1", "2026.3", "2026.2")
    for version in ("2026.1", "2026.3", "2026.2"):
        install_bundle(made[version], releases, public_key=None, allow_older=True)
    capsys.readouterr()
    assert main(["bundle", "list", "--releases-dir", str(releases), "--config", str(tmp_path / "none.yaml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[:9] for line in lines] == ["* 2026.2 ", "< 2026.3 ", "  2026.1 "]
    assert "current since " in lines[0] and "(install)" in lines[0]
    assert "previous: rollback goes here" in lines[1]


def test_a_history_one_switch_behind_still_rolls_back_to_a_complete_release(content, releases, tmp_path, caplog):
    made = bundles(content, tmp_path, "1", "2", "3")
    install_bundle(made["1"], releases, public_key=None)
    install_bundle(made["2"], releases, public_key=None)
    history = (releases / "history.json").read_bytes()
    install_bundle(made["3"], releases, public_key=None)
    (releases / "history.json").write_bytes(history)  # as if killed after the switch to 3, before its record
    assert rollback(releases) == ("3", "2")
    # a history naming a release that is gone (a lagging record, a hand-deleted folder) is stepped over
    os.rename(releases / "releases" / "1", tmp_path / "gone")
    switch_current(releases, "3")
    with caplog.at_level(logging.INFO, logger="kiosk"):
        assert rollback(releases) == ("3", "2")
    assert assert_current_complete(releases) == "2"


def test_without_a_history_rollback_goes_by_version_order_and_says_so(content, releases, tmp_path, caplog):
    made = bundles(content, tmp_path, "1", "2")
    install_bundle(made["1"], releases, public_key=None)
    install_bundle(made["2"], releases, public_key=None)
    (releases / "history.json").unlink()  # releases made by a program from before the history
    with caplog.at_level(logging.INFO, logger="kiosk"):
        assert rollback(releases) == ("2", "1")
    assert "going back by version order" in caplog.text
    with pytest.raises(BundleError, match="nothing to go back to"):
        rollback(releases)
