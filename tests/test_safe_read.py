"""Only a regular file within its limit is read: a device never ends, a pipe never answers, a folder is no file."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from kiosk.safe_read import NOT_REGULAR, FileRefused, open_regular, read_regular


def test_a_regular_file_and_a_link_to_one_are_read(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"exhibit: {}\n")
    (tmp_path / "link.yaml").symlink_to(target)
    assert read_regular(target, 100) == read_regular(tmp_path / "link.yaml", 100) == b"exhibit: {}\n"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused) as refused:
        read_regular(fifo, 100)
    assert refused.value.reason == NOT_REGULAR


@pytest.mark.parametrize("path", [Path("/dev/zero"), Path("/dev/null")])
def test_a_device_is_refused(path: Path) -> None:
    with pytest.raises(FileRefused, match="not a regular file"):
        read_regular(path, 100)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="not a regular file"):
        open_regular(tmp_path, 100)


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 101)
    with pytest.raises(FileRefused) as refused:
        read_regular(big, 100)
    assert refused.value.size == 101 and "101 bytes; the limit is 100" in refused.value.reason


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "missing.yaml", 100)


def test_package_data_is_read_within_its_limit_from_a_folder_or_an_archive(tmp_path: Path) -> None:
    (tmp_path / "icon.svg").write_bytes(b"<svg/>")
    with zipfile.ZipFile(tmp_path / "pkg.zip", "w") as archive:
        archive.writestr("icon.svg", b"<svg/>")
    member = zipfile.Path(tmp_path / "pkg.zip", "icon.svg")
    assert read_regular(tmp_path / "icon.svg", 6) == read_regular(member, 6) == b"<svg/>"
    for entry in (tmp_path / "icon.svg", member):
        with pytest.raises(FileRefused, match="6 bytes; the limit is 5"):
            read_regular(entry, 5)
    os.mkfifo(tmp_path / "pipe.svg")
    with pytest.raises(FileRefused, match="not a regular file"):
        read_regular(tmp_path / "pipe.svg", 100)
