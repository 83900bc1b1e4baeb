"""The content folder's fingerprint changes with every edit, and a change is reported once it has settled."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kiosk.service.content_watch import ChangeDetector, fingerprint

SHIPPED = Path(__file__).parents[2] / "content"


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(SHIPPED, target)
    return target


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later time, whatever the clock


def test_an_unchanged_folder_keeps_its_fingerprint(tmp_path):
    folder = copy_content(tmp_path)
    assert fingerprint(folder) == fingerprint(folder)
    assert fingerprint(folder).readable and len(fingerprint(folder).files) >= 6


def test_an_edit_a_new_file_and_a_removed_file_each_change_it(tmp_path):
    folder = copy_content(tmp_path)
    before = fingerprint(folder)
    touch(folder / "outlook.yaml", (folder / "outlook.yaml").read_text(encoding="utf-8") + "\n")
    edited = fingerprint(folder)
    assert edited != before
    (folder / "images").mkdir(exist_ok=True)
    (folder / "images" / "new.png").write_bytes(b"x")
    added = fingerprint(folder)
    assert added != edited
    (folder / "images" / "new.png").unlink()
    assert fingerprint(folder) != added


def test_a_link_switched_to_another_folder_changes_it(tmp_path):
    one, two = copy_content(tmp_path), tmp_path / "two"
    shutil.copytree(one, two)
    link = tmp_path / "current"
    link.symlink_to(one)
    before = fingerprint(link)
    link.unlink()
    link.symlink_to(two)
    assert fingerprint(link) != before


def test_a_missing_folder_is_not_readable_and_does_not_raise(tmp_path):
    assert not fingerprint(tmp_path / "nowhere").readable


def test_a_change_is_reported_once_it_has_stayed_the_same_for_one_poll(tmp_path):
    folder = copy_content(tmp_path)
    detector = ChangeDetector(fingerprint(folder))
    assert not detector.poll(fingerprint(folder))
    touch(folder / "outlook.yaml", "half a file")
    assert not detector.poll(fingerprint(folder))  # just changed: maybe still being copied
    touch(folder / "outlook.yaml", "the whole file, later")
    assert not detector.poll(fingerprint(folder))  # changed again: still moving
    assert detector.poll(fingerprint(folder))  # the same as last time: settled
    detector.loaded(fingerprint(folder))
    assert not detector.poll(fingerprint(folder))


def test_going_back_to_the_loaded_state_is_no_change(tmp_path):
    folder = copy_content(tmp_path)
    loaded = fingerprint(folder)
    detector = ChangeDetector(loaded)
    text = (folder / "outlook.yaml").read_text(encoding="utf-8")
    stat = (folder / "outlook.yaml").stat()
    touch(folder / "outlook.yaml", "x")
    assert not detector.poll(fingerprint(folder))
    (folder / "outlook.yaml").write_text(text, encoding="utf-8")
    os.utime(folder / "outlook.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not detector.poll(fingerprint(folder))
    assert not detector.poll(fingerprint(folder))
