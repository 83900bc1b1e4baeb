"""`kiosk set-pin`'s file edit: only the PIN hash changes, comments stay, the write is atomic and private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from kiosk.atomic_file import replace_file
from kiosk.settings.load import load_settings
from kiosk.settings.pin_file import PinFileError, store_pin_hash, with_pin_hash
from kiosk.settings.report import example_text
from kiosk.staff.pin_hash import hash_pin, verify_pin

HASH = hash_pin("2580")


def stored(text: str) -> str:
    return yaml.safe_load(with_pin_hash(text, HASH))["operator"]["pin_hash"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# settings\n",
        "exhibit:\n  screen: 1\n",
        "exhibit:\n  screen: 1",  # no newline at the end
        "operator:\n",
        "operator: null\nexhibit: {screen: 1}\n",
        "operator:\n  pin_hash:\n  pin_attempts: 4\n",
        "operator:\n  pin_hash: null  # set with kiosk set-pin\n",
        "operator:\n    pin_attempts: 4\n",
        "operator: {pin_attempts: 4}\n",
        "operator: {}\n",
        "operator:\n  pin_hash: 'scrypt$old'\n",
        "# only a comment\n",
        "{exhibit: {screen: 1}}\n",
        "---\nexhibit:\n  screen: 1\n",
    ],
)
def test_the_hash_lands_under_operator_whatever_the_file_looks_like(text: str) -> None:
    assert stored(text) == HASH


def test_every_other_line_and_comment_is_kept() -> None:
    before = example_text()
    after = with_pin_hash(before, HASH)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines())
    assert changed == [("  pin_hash: null", f"  pin_hash: '{HASH}'")]
    inserted = with_pin_hash("# top\noperator:\n  # how many\n  pin_attempts: 4\n", HASH).splitlines()
    assert inserted == ["# top", "operator:", "  # how many", f"  pin_hash: '{HASH}'", "  pin_attempts: 4"]
    assert (
        with_pin_hash("operator:\r\n  pin_attempts: 4\r\n", HASH)
        == f"operator:\r\n  pin_hash: '{HASH}'\r\n  pin_attempts: 4\r\n"
    )


def test_a_file_of_comments_only_keeps_them_and_gets_the_section_after_them() -> None:
    assert with_pin_hash("# mine\n\n# ours\n", HASH) == f"# mine\n\n# ours\noperator:\n  pin_hash: '{HASH}'\n"
    assert with_pin_hash("", HASH) == f"operator:\n  pin_hash: '{HASH}'\n"


def test_a_new_section_follows_the_files_own_indentation_nulls_and_lists() -> None:
    before = (
        "# top\n"
        "exhibit:\n"
        "    screen: 1   # one\n"
        "    language: ~\n"
        "    content_dir:\n"
        "opening_hours:\n"
        "    closed_dates:\n"
        "      - 2026-12-25\n"
        "    sunday: 'closed'\n"
        "folders:\n"
        "    state_dir: null\n"
        "# the end\n"
    )
    assert with_pin_hash(before, HASH) == before + f"operator:\n    pin_hash: '{HASH}'\n"


def test_anchors_aliases_and_merge_keys_are_kept() -> None:
    before = "hours: &weekday\n  monday: '09:00-17:30'\nopening_hours:\n  <<: *weekday\n  sunday: closed\n"
    assert with_pin_hash(before, HASH) == before + f"operator:\n  pin_hash: '{HASH}'\n"


def test_line_endings_and_the_document_start_are_kept() -> None:
    assert (
        with_pin_hash("---\r\n# mine\r\nexhibit:\r\n  screen: 1 # one\r\n", HASH)
        == f"---\r\n# mine\r\nexhibit:\r\n  screen: 1 # one\r\noperator:\r\n  pin_hash: '{HASH}'\r\n"
    )


@pytest.mark.parametrize("text", ["exhibit: [\n", "- a list\n", "operator: 5\n", "operator:\n  pin_hash: [1]\n"])
def test_a_file_that_cannot_be_edited_safely_is_refused(text: str) -> None:
    with pytest.raises(PinFileError):
        with_pin_hash(text, HASH)


def test_a_new_file_and_its_folders_are_created_private(tmp_path: Path) -> None:
    path = tmp_path / "etc" / "kiosk.yaml"
    assert store_pin_hash(path, HASH) is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    result = load_settings(path)
    assert result.ok and verify_pin("2580", result.settings.operator.pin_hash)
    assert "2580" not in path.read_text().replace(HASH, "")


def test_an_existing_file_keeps_its_permissions_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("\ufeff# mine\nexhibit:\n  screen: 2\n", encoding="utf-8")
    os.chmod(path, 0o640)
    assert store_pin_hash(path, HASH) is False
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text(encoding="utf-8").startswith("\ufeff# mine\nexhibit:\n  screen: 2\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.yaml"]
    assert load_settings(path).settings.exhibit.screen == 2


def test_a_refused_edit_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("operator: 5\n")
    with pytest.raises(PinFileError):
        store_pin_hash(path, HASH)
    assert path.read_text() == "operator: 5\n"


def test_a_replaced_settings_file_keeps_its_owner_and_group(tmp_path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    path = tmp_path / "kiosk.yaml"
    path.write_text("exhibit:\n  screen: 0\n")
    os.chown(path, 1234, 4321)
    replace_file(path, b"exhibit:\n  screen: 1\n", mode=0o640, keep_owner=True)
    stat = path.stat()
    assert (stat.st_uid, stat.st_gid) == (1234, 4321) and path.read_text().endswith("screen: 1\n")


@pytest.mark.timeout(30)
def test_a_settings_file_that_is_a_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    """set-pin reads the settings file like the exhibit does (kiosk.safe_read; before: it hung on a pipe)."""
    fifo = tmp_path / "kiosk.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PinFileError, match="is not a regular file"):
        store_pin_hash(fifo, hash_pin("4711"))
