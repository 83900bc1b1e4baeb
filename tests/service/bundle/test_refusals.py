"""Bundles that must not be installed: tampered, unsigned or wrongly signed, unsafe names, zip bombs, too many
entries, too large, invalid content. Each is refused with a message, and the current release stays as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from kiosk.service.bundle.archive import MAX_ENTRIES
from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.install import install_bundle

from .bundle_helpers import assert_current_complete, make_bundle, manifest_for, rebuilt, write_zip, zip_entries

MB = 1024 * 1024


@pytest.fixture
def installed(content, releases, tmp_path) -> Path:
    """A releases folder whose current release is version 1 (so a refusal can be seen to leave it alone)."""
    install_bundle(make_bundle(content, tmp_path / "v1.zip", "1"), releases, public_key=None)
    return releases


def refused(bundle: Path, releases: Path, match: str, **options) -> BundleError:
    options.setdefault("public_key", None)
    before = sorted(p.name for p in (releases / "releases").iterdir())
    with pytest.raises(BundleError, match=match) as caught:
        install_bundle(bundle, releases, **options)
    assert assert_current_complete(releases) == "1"
    assert sorted(p.name for p in (releases / "releases").iterdir()) == before  # no new release, no leftovers
    return caught.value


def test_a_file_changed_after_the_bundle_was_made_is_refused(content, installed, tmp_path):
    bundle = make_bundle(content, tmp_path / "v2.zip", "2")
    entries = zip_entries(bundle)
    entries["content/outlook.yaml"] = entries["content/outlook.yaml"].replace(b"zh:", b"zh: ", 1)[:-1]  # same size
    error = refused(write_zip(tmp_path / "t.zip", entries), installed, "do not match the manifest")
    assert error.problems == ["'content/outlook.yaml': its sha256 differs from the manifest"]


def test_a_missing_an_extra_or_a_resized_file_is_refused(content, installed, tmp_path):
    entries = zip_entries(make_bundle(content, tmp_path / "v2.zip", "2"))
    entries.pop("content/outlook.yaml")
    entries["content/extra.yaml"] = b"x: 1\n"
    entries["content/exhibit.yaml"] += b"\n"
    error = refused(write_zip(tmp_path / "t.zip", entries), installed, "do not match the manifest")
    assert any("'content/extra.yaml': in the archive but not in the manifest" in p for p in error.problems)
    assert any("'content/outlook.yaml': in the manifest but not in the archive" in p for p in error.problems)
    assert any("'content/exhibit.yaml':" in p and "the manifest says" in p for p in error.problems)


def test_a_manifest_changed_after_signing_is_refused(content, installed, tmp_path, keys):
    private, public = keys
    entries = zip_entries(make_bundle(content, tmp_path / "v2.zip", "2", sign_key=private))
    entries["manifest.json"] = entries["manifest.json"].replace(b'"version": "2"', b'"version": "3"')
    refused(write_zip(tmp_path / "t.zip", entries), installed, "signature does not match", public_key=public)


def test_a_manifest_that_is_not_one_is_refused(content, installed, tmp_path):
    entries = zip_entries(make_bundle(content, tmp_path / "v2.zip", "2"))
    manifest = json.loads(entries["manifest.json"])
    manifest["files"][0]["sha256"] = "XYZ"
    manifest["version"] = "../2"
    entries["manifest.json"] = json.dumps(manifest).encode()
    error = refused(write_zip(tmp_path / "t.zip", entries), installed, "manifest.json is not valid")
    assert len(error.problems) == 2
    entries["manifest.json"] = b"{not json"
    refused(write_zip(tmp_path / "t.zip", entries), installed, "not readable JSON")
    entries.pop("manifest.json")
    refused(write_zip(tmp_path / "t.zip", entries), installed, "no manifest.json")


def test_an_unsigned_bundle_is_refused_when_a_key_is_configured(content, installed, tmp_path, keys):
    refused(make_bundle(content, tmp_path / "v2.zip", "2"), installed, "not signed", public_key=keys[1])


def test_a_bundle_signed_with_another_key_is_refused(content, installed, tmp_path, keys):
    from kiosk.service.bundle.signing import write_key_pair

    other, _ = write_key_pair(tmp_path / "other-keys")
    bundle = make_bundle(content, tmp_path / "v2.zip", "2", sign_key=other)
    refused(bundle, installed, "signature does not match", public_key=keys[1])
    entries = zip_entries(bundle)
    entries["manifest.sig"] = b"garbage\n"
    refused(write_zip(tmp_path / "t.zip", entries), installed, "signature does not match", public_key=keys[1])
    # the right key installs it
    good = make_bundle(content, tmp_path / "v3.zip", "3", sign_key=keys[0])
    assert install_bundle(good, installed, public_key=keys[1]).installed


def symlink_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/kiosk-owned", "an absolute path"),
        ("content/../../escaped.yaml", "'..' in the path"),
        ("../escaped.yaml", "'..' in the path"),
        ("content\\..\\..\\escaped.yaml", "a backslash"),
        ("C:/escaped.yaml", "drive letter"),
        ("content/C:escaped.yaml", "drive letter"),
        ("content/./x.yaml", "'.' part"),
    ],
)
def test_unsafe_names_are_refused_before_anything_is_written(content, installed, tmp_path, name, why):
    bundle = rebuilt(
        make_bundle(content, tmp_path / "v2.zip", "2"), tmp_path / "t.zip", version="2", extra={name: b"x: 1\n"}
    )
    error = refused(bundle, installed, "refused, nothing was installed")
    assert any(why in p for p in error.problems), error.problems
    assert not (tmp_path / "escaped.yaml").exists() and not (installed.parent / "escaped.yaml").exists()


def test_a_symbolic_link_entry_is_refused(content, installed, tmp_path):
    entries = list(zip_entries(make_bundle(content, tmp_path / "v2.zip", "2")).items())
    entries.append((symlink_entry("content/link.yaml"), b"/etc/passwd"))
    error = refused(write_zip(tmp_path / "t.zip", entries), installed, "refused")
    assert error.problems == ["'content/link.yaml': a symbolic link"]


def test_a_name_twice_is_refused(content, installed, tmp_path):
    entries = list(zip_entries(make_bundle(content, tmp_path / "v2.zip", "2")).items())
    entries.append(("content/OUTLOOK.yaml", b"x: 1\n"))
    entries.append(("content/outlook.yaml", b"x: 2\n"))
    with pytest.warns(UserWarning, match="Duplicate name"):
        bundle = write_zip(tmp_path / "t.zip", entries)
    error = refused(bundle, installed, "refused")
    assert sum("appears twice" in p for p in error.problems) == 2


def test_a_zip_bomb_is_refused_while_streaming_even_when_its_header_lies(content, installed, tmp_path):
    zeros = b"\0" * (60 * MB)
    bomb = rebuilt(
        make_bundle(content, tmp_path / "v2.zip", "2"), tmp_path / "bomb.zip", version="2", change={"bomb.yaml": zeros}
    )
    error = refused(bomb, installed, "refused", max_bytes=1000 * MB)
    assert any("bomb.yaml" in p and "zip bomb" in p for p in error.problems)

    # the same bomb with its headers (and manifest) saying 1 MB: the real bytes are never all unpacked
    entries = zip_entries(bomb)
    manifest = json.loads(entries["manifest.json"])
    next(f for f in manifest["files"] if f["path"] == "bomb.yaml")["size"] = MB
    entries["manifest.json"] = json.dumps(manifest).encode()
    data = bytearray(write_zip(tmp_path / "liar.zip", entries).read_bytes())
    real, fake = len(zeros).to_bytes(4, "little"), MB.to_bytes(4, "little")
    name = b"content/bomb.yaml"
    local = data.index(name) - 30
    central = data.index(name, local + 30 + len(name)) - 46
    assert data[local + 22 : local + 26] == real and data[central + 24 : central + 28] == real
    data[local + 22 : local + 26] = data[central + 24 : central + 28] = fake
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bytes(data))
    with zipfile.ZipFile(liar) as archive:
        assert archive.getinfo("content/bomb.yaml").file_size == MB
    error = refused(
        liar, installed, "cannot be read from the archive|more bytes than its header|zip bomb", max_bytes=1000 * MB
    )
    assert "content/bomb.yaml" in str(error)


def test_an_archive_over_the_size_limit_is_refused(content, installed, tmp_path):
    import os

    noise = os.urandom(3 * MB // 2).hex().encode()  # 3 MB that packs to about half: no bomb, just too large
    bundle = rebuilt(
        make_bundle(content, tmp_path / "v2.zip", "2"), tmp_path / "big.zip", version="2", change={"noise.bin": noise}
    )
    error = refused(bundle, installed, "refused", max_bytes=2 * MB)
    assert any("more than the 2097152 allowed" in p for p in error.problems)
    assert install_bundle(bundle, installed, public_key=None, max_bytes=4 * MB).installed


def test_too_many_entries_are_refused(content, installed, tmp_path):
    files = {f"n/{i}.txt": b"" for i in range(MAX_ENTRIES)}
    bundle = write_zip(
        tmp_path / "many.zip",
        {"manifest.json": manifest_for(files, "2"), **{f"content/{p}": d for p, d in files.items()}},
    )
    error = refused(bundle, installed, "refused")
    assert error.problems == [f"{MAX_ENTRIES + 1} entries, more than the {MAX_ENTRIES} allowed"]


def test_invalid_content_inside_a_bundle_is_refused_with_every_error_naming_the_file_and_line(
    content, installed, tmp_path
):
    bundle = make_bundle(content, tmp_path / "v2.zip", "2")
    entries = zip_entries(bundle)
    pillar = entries["content/pillars/2-industry.yaml"].decode()
    broken = pillar.replace("order:", "ordre:", 1)
    outlook = entries["content/outlook.yaml"].decode() + "unknown_key: 1\n"
    bad = rebuilt(
        bundle,
        tmp_path / "bad.zip",
        version="2",
        change={"pillars/2-industry.yaml": broken.encode(), "outlook.yaml": outlook.encode()},
    )
    error = refused(bad, installed, r"the content has \d+ error\(s\); nothing was installed")
    line = 1 + broken[: broken.index("ordre:")].count("\n")
    assert any(p.startswith(f"content/pillars/2-industry.yaml:{line}:") for p in error.problems), error.problems
    assert any(p.startswith("content/outlook.yaml:") for p in error.problems), error.problems


def test_a_bundle_file_larger_than_the_limit_is_refused_unopened(content, installed, tmp_path):
    bundle = make_bundle(content, tmp_path / "v2.zip", "2")
    refused(bundle, installed, "bytes, more than the 1000 allowed", max_bytes=1000)
