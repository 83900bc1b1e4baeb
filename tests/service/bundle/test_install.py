"""Make a bundle, install it, install another, roll back, list, prune: ``current`` always names a complete
release."""

from __future__ import annotations

import base64
import os
import stat
from datetime import UTC
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.releases import current_content_dir, list_releases, release_dir
from kiosk.service.bundle.rollback import rollback
from kiosk.service.bundle.version import default_version, version_key, version_problem

from .bundle_helpers import assert_current_complete, make_bundle, zip_entries


def test_a_bundle_holds_a_manifest_of_every_content_file_and_installs_as_the_current_release(
    content, releases, tmp_path
):
    bundle = make_bundle(content, tmp_path / "b.zip", "2026.12.1")
    names = set(zip_entries(bundle))
    shipped = {p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()}
    assert names == {"manifest.json"} | {f"content/{p}" for p in shipped}

    result = install_bundle(bundle, releases, public_key=None)
    assert result.installed and result.version == "2026.12.1" and result.previous is None
    assert os.readlink(releases / "current") == "releases/2026.12.1"  # relative, so the folder can move
    assert assert_current_complete(releases) == "2026.12.1"
    assert (current_content_dir(releases) / "exhibit.yaml").read_bytes() == (content / "exhibit.yaml").read_bytes()


def test_a_second_install_switches_current_and_rollback_goes_back(content, releases, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "a.zip", "2026.12.1"), releases, public_key=None)
    (content / "outlook.yaml").write_text((content / "outlook.yaml").read_text() + "\n# edited\n")
    result = install_bundle(make_bundle(content, tmp_path / "b.zip", "2026.12.2"), releases, public_key=None)
    assert result.previous == "2026.12.1"
    assert assert_current_complete(releases) == "2026.12.2"
    assert "# edited" in (current_content_dir(releases) / "outlook.yaml").read_text()

    assert rollback(releases) == ("2026.12.2", "2026.12.1")
    assert assert_current_complete(releases) == "2026.12.1"
    assert "# edited" not in (current_content_dir(releases) / "outlook.yaml").read_text()
    with pytest.raises(BundleError, match="oldest"):
        rollback(releases)

    # installing the newer one again after a rollback reuses its unpacked release
    again = install_bundle(tmp_path / "b.zip", releases, public_key=None)
    assert again.installed and "already unpacked" in again.message
    assert assert_current_complete(releases) == "2026.12.2"


def test_the_same_version_twice_is_a_no_op_with_a_clear_message(content, releases, tmp_path):
    bundle = make_bundle(content, tmp_path / "a.zip", "7")
    install_bundle(bundle, releases, public_key=None)
    before = (releases / "current").lstat().st_mtime_ns
    result = install_bundle(bundle, releases, public_key=None)
    assert not result.installed
    assert "already the current release" in result.message and "nothing was changed" in result.message
    assert (releases / "current").lstat().st_mtime_ns == before


def test_a_different_bundle_under_an_installed_version_is_refused(content, releases, tmp_path):
    install_bundle(make_bundle(content, tmp_path / "a.zip", "1"), releases, public_key=None)
    install_bundle(make_bundle(content, tmp_path / "b.zip", "2"), releases, public_key=None)
    rollback(releases)
    (content / "outlook.yaml").write_text((content / "outlook.yaml").read_text() + "\n# other\n")
    with pytest.raises(BundleError, match="different release 2 is already installed"):
        install_bundle(make_bundle(content, tmp_path / "c.zip", "2"), releases, public_key=None)
    assert assert_current_complete(releases) == "1"


def test_only_the_newest_releases_are_kept_and_never_current_or_the_previous_one(content, releases, tmp_path):
    for version in ("2026.12.1", "2026.12.2", "2026.12.10", "2026.12.3"):
        bundle = make_bundle(content, tmp_path / f"{version}.zip", version)
        install_bundle(bundle, releases, public_key=None, keep=2, allow_older=True)
    # 2026.12.3 is current and 2026.12.10 was current before it: both stay although 2026.12.10 sorts newer
    assert list_releases(releases) == ["2026.12.3", "2026.12.10"]
    result = install_bundle(make_bundle(content, tmp_path / "11.zip", "2026.12.11"), releases, public_key=None, keep=2)
    assert result.removed == ["2026.12.10"]  # 2026.12.3 was current until now: kept, for a rollback
    assert list_releases(releases) == ["2026.12.3", "2026.12.11"]
    assert not release_dir(releases, "2026.12.10").exists()
    assert [p.name for p in (releases / "releases").iterdir() if p.name.startswith(".")] == []


def test_versions_sort_naturally_and_odd_names_are_refused():
    ordered = ["1", "2", "10", "2026.12.1", "2026.12.2", "2026.12.10", "2026.12.10-b", "2027.1.1"]
    assert sorted(reversed(ordered), key=version_key) == ordered
    for bad in ("", "-1", ".hidden", "a/b", "a b", "x" * 65, "版本"):
        assert version_problem(bad)
    assert not version_problem(default_version())
    assert len(default_version()) == len("2026.11.28-015100")


def test_the_same_content_and_time_make_the_same_bytes(content, tmp_path):
    from datetime import datetime

    from kiosk.service.bundle.create import create_bundle

    when = datetime(2026, 11, 28, 1, 2, 3, tzinfo=UTC)
    first = create_bundle(content, tmp_path / "1.zip", now=when).path.read_bytes()
    os.utime(content / "exhibit.yaml", (0, 0))
    second = create_bundle(content, tmp_path / "2.zip", now=when).path.read_bytes()
    assert first == second
    assert b'"version": "2026.11.28-010203"' in zip_entries(tmp_path / "1.zip")["manifest.json"]


def test_invalid_content_makes_no_bundle_and_names_the_file_and_line(content, tmp_path, capsys):
    pillar = content / "pillars" / "2-industry.yaml"
    pillar.write_text(pillar.read_text().replace("order:", "ordre:", 1))
    out = tmp_path / "b.zip"
    assert main(["bundle", "create", str(content), str(out)]) == 1
    err = capsys.readouterr().err
    assert "2-industry.yaml:" in err and "no bundle was made" in err
    assert not out.exists()


def test_the_commands_keygen_create_install_list_rollback(content, tmp_path, capsys):
    keys, releases = tmp_path / "keys", tmp_path / "exhibit"
    assert main(["bundle", "keygen", "--out-dir", str(keys)]) == 0
    assert stat.S_IMODE((keys / "bundle-signing.key").stat().st_mode) == 0o600
    public = (keys / "bundle-signing.pub").read_text()
    assert public.endswith("\n") and len(public.strip()) == 44  # base64 of 32 bytes
    assert main(["bundle", "keygen", "--out-dir", str(keys)]) == 1  # never overwrites a key

    for version in ("1.0", "1.1"):
        assert (
            main(
                [
                    "bundle",
                    "create",
                    str(content),
                    str(tmp_path / f"{version}.zip"),
                    "--version",
                    version,
                    "--sign-key",
                    str(keys / "bundle-signing.key"),
                ]
            )
            == 0
        )
        assert (
            main(
                [
                    "bundle",
                    "install",
                    str(tmp_path / f"{version}.zip"),
                    "--releases-dir",
                    str(releases),
                    "--public-key",
                    public.strip(),
                    "--keep",
                    "3",
                    "--max-mb",
                    "10",
                ]
            )
            == 0
        )
    capsys.readouterr()
    assert main(["bundle", "list", "--releases-dir", str(releases), "--config", str(tmp_path / "none.yaml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("* 1.1  current since ") and lines[1].startswith("< 1.0  previous: rollback goes here")
    assert main(["bundle", "rollback", "--releases-dir", str(releases), "--config", str(tmp_path / "none.yaml")]) == 0
    assert "current is now 1.0" in capsys.readouterr().out
    assert (
        main(
            [
                "bundle",
                "install",
                str(tmp_path / "1.1.zip"),
                "--releases-dir",
                str(releases),
                "--public-key",
                "bm90IGEga2V5",
            ]
        )
        == 1
    )
    assert "not an Ed25519 public key" in capsys.readouterr().err


def test_leftovers_of_a_killed_install_are_removed_by_the_next_one(content, releases, tmp_path):
    (releases / "releases" / ".tmp-9-abcd" / "content").mkdir(parents=True)
    os.symlink("releases/9", releases / ".current-new-abcd")
    install_bundle(make_bundle(content, tmp_path / "a.zip", "1"), releases, public_key=None)
    assert sorted(p.name for p in releases.iterdir()) == [".lock", "current", "history.json", "releases"]
    assert [p.name for p in (releases / "releases").iterdir()] == ["1"]


def test_an_install_while_another_runs_is_refused(content, releases, tmp_path):
    from kiosk.service.bundle.releases import locked

    bundle = make_bundle(content, tmp_path / "a.zip", "1")
    with locked(releases), pytest.raises(BundleError, match="another install"):
        install_bundle(bundle, releases, public_key=None)


def test_a_missing_or_unreadable_file_is_a_message(releases, tmp_path):
    with pytest.raises(BundleError, match="no such file"):
        install_bundle(tmp_path / "none.zip", releases, public_key=None)
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(BundleError, match="not a readable zip"):
        install_bundle(Path(tmp_path / "x.zip"), releases, public_key=None)


def test_a_releases_folder_that_cannot_take_the_link_is_a_message_and_changes_nothing(content, releases, tmp_path):
    (releases / "current").mkdir(parents=True)  # someone made a folder where the link belongs
    with pytest.raises(BundleError, match="the current release was not changed"):
        install_bundle(make_bundle(content, tmp_path / "a.zip", "1"), releases, public_key=None)
    assert (releases / "current").is_dir() and not (releases / "current").is_symlink()


def test_the_commands_take_the_folder_key_and_limits_from_the_settings_file(content, tmp_path, capsys, keys):
    private, public = keys
    releases = tmp_path / "state" / "releases"
    settings = tmp_path / "kiosk.yaml"
    settings.write_text(
        f"folders:\n  releases_dir: {releases}\ncontent_updates:\n  public_key: {base64.b64encode(public).decode()}\n"
    )
    config = ["--config", str(settings)]
    unsigned = make_bundle(content, tmp_path / "u.zip", "1")
    assert main(["bundle", "install", str(unsigned), *config]) == 1
    assert "not signed" in capsys.readouterr().err
    signed = make_bundle(content, tmp_path / "s.zip", "1", sign_key=private)
    assert main(["bundle", "install", str(signed), *config]) == 0
    assert assert_current_complete(releases) == "1"
    assert main(["bundle", "list", *config]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("* 1 ")

    settings.write_text("content_updates:\n  keep_releases: 1\n")
    assert main(["bundle", "list", *config]) == 1
    assert "kiosk.yaml:2:" in capsys.readouterr().err
