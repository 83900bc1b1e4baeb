"""A hall's content distribution with real Syncthing (Debian's package) on loopback: one operator instance shares a
folder of signed bundles send-only, two kiosk instances receive it read-only into their watch folders, and the
exhibit's own watch-folder code installs each bundle from there. A bundle killed mid-transfer leaves only
Syncthing's temporary file, which the exhibit ignores until the transfer completes after a restart; a bundle with
an activation time waits for it on both kiosks and then goes on screen on both.

Run by packaging/fleet-check (KIOSK_FLEET_CHECK=1, with syncthing installed); skipped otherwise (about a minute).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.service.bundle.create import create_bundle
from kiosk.service.bundle.install import install_bundle
from kiosk.service.bundle.releases import current_version
from kiosk.service.bundle.signing import parse_public_key, write_key_pair
from kiosk.service.bundle.watch import WatchResult, check_watch_folder, result_path

from .syncthing_nodes import Node

CONTENT = Path(__file__).resolve().parents[2] / "content"
HALL_TOOL = Path(__file__).resolve().parents[2] / "packaging" / "syncthing-hall"
BIG_BYTES = 12 * 1024 * 1024  # random, so it does not compress: the transfer takes seconds at the kiosk's limit
SLOW_KBPS = 1024

pytestmark = pytest.mark.skipif(
    os.environ.get("KIOSK_FLEET_CHECK") != "1", reason="real Syncthing instances: run by packaging/fleet-check"
)


@pytest.fixture
def hall(tmp_path: Path):
    if shutil.which("syncthing") is None:
        pytest.fail("syncthing is not installed (packaging/fleet-check installs Debian's package)")
    operator = Node("operator", tmp_path / "operator" / "home", tmp_path / "operator" / "outbox", "sendonly")
    kiosks = [
        Node(f"kiosk-{n}", tmp_path / f"kiosk-{n}" / "home", tmp_path / f"kiosk-{n}" / "watch", "receiveonly")
        for n in (1, 2)
    ]
    kiosks[1].max_recv_kbps = SLOW_KBPS
    nodes = [operator, *kiosks]
    for node in nodes:
        node.generate()
    for node in nodes:
        node.configure()
    try:
        for node in nodes:
            node.start(tmp_path / f"{node.name}.log")
        # As the operator guide does it: packaging/syncthing-hall on each machine, through Syncthing's REST API.
        hall_tool(operator, "operator", str(operator.folder), *(k.address for k in kiosks))
        for kiosk in kiosks:
            hall_tool(kiosk, "kiosk", str(kiosk.folder), operator.address)
        for kiosk in kiosks:
            operator.wait_for(lambda k=kiosk: operator.connected_to(k), 60, f"connection to {kiosk.name}")
        yield operator, kiosks
    finally:
        for node in nodes:
            node.stop()
        for node in nodes:  # the logs tell what happened when the test failed
            log = tmp_path / f"{node.name}.log"
            if log.exists():
                print(
                    f"---- {node.name}.log (last lines)\n"
                    + "\n".join(log.read_text(errors="replace").splitlines()[-15:])
                )


def hall_tool(node: Node, *args: str) -> None:
    said = subprocess.run(
        [sys.executable, str(HALL_TOOL), "--home", str(node.home), *args], capture_output=True, text=True, timeout=60
    )
    assert said.returncode == 0, said.stderr
    assert f"folder hall-bundles: {node.folder}" in said.stdout, said.stdout
    print(said.stdout, end="")


def received(path: Path) -> int:
    """Bytes on disk of a (sparse) file; 0 when there is none."""
    try:
        return path.stat().st_blocks * 512
    except FileNotFoundError:
        return 0


def content_with_padding(tmp_path: Path, size: int) -> Path:
    folder = tmp_path / f"content-{size}"
    shutil.copytree(CONTENT, folder)
    (folder / "padding.bin").write_bytes(os.urandom(size))
    return folder


def watch_until(kiosk: Node, releases: Path, key: bytes, done, timeout_s: float = 60) -> list[WatchResult]:  # type: ignore[no-untyped-def]
    """What the exhibit's watch timer does every few seconds, until ``done(results)`` (real wall clock)."""
    seen: list[WatchResult] = []
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        seen += check_watch_folder(kiosk.folder, releases, public_key=key)
        if done(seen):
            return seen
        time.sleep(0.5)
    raise AssertionError(
        f"{kiosk.name}: watch folder results {[r.message for r in seen]}, files {sorted(os.listdir(kiosk.folder))}"
    )


def test_a_signed_bundle_reaches_every_kiosk_and_a_partial_transfer_is_ignored(hall, tmp_path: Path):
    operator, kiosks = hall
    private, public_file = write_key_pair(tmp_path / "keys")
    key = parse_public_key(public_file.read_text())
    releases = {k.name: tmp_path / k.name / "releases" for k in kiosks}
    for kiosk in kiosks:  # each kiosk shows a first release, as after provisioning
        create_bundle(CONTENT, tmp_path / "first.zip", version="2026.12.01", sign_key=private)
        install_bundle(tmp_path / "first.zip", releases[kiosk.name], public_key=key)

    # 1. A small signed bundle on the operator machine reaches both kiosks and is installed there.
    create_bundle(CONTENT, operator.folder / "hall-2026.12.02.zip", version="2026.12.02", sign_key=private)
    for kiosk in kiosks:
        results = watch_until(kiosk, releases[kiosk.name], key, lambda seen: any(r.installed for r in seen))
        assert [r.version for r in results if r.installed] == ["2026.12.02"]
        assert current_version(releases[kiosk.name]) == "2026.12.02"
        assert result_path(kiosk.folder / "hall-2026.12.02.zip").read_text().startswith("INSTALLED version 2026.12.02")

    # 2. A big bundle with an activation time; kiosk-2 receives slowly and is killed mid-transfer.
    activate = datetime.now(UTC) + timedelta(seconds=45)
    big = content_with_padding(tmp_path, BIG_BYTES)
    name = "hall-2026.12.03.zip"
    made = create_bundle(big, tmp_path / name, version="2026.12.03", sign_key=private, activate_at=activate)
    shutil.copy2(made.path, operator.folder / f".{name}.part")  # as an operator copies it in: then renamed
    os.replace(operator.folder / f".{name}.part", operator.folder / name)
    slow = kiosks[1]
    partial = slow.folder / f".syncthing.{name}.tmp"
    # Syncthing makes the temporary file at its full (sparse) size and fills it block by block: what has arrived is
    # what the disk holds of it.
    slow.wait_for(lambda: received(partial) > 1024 * 1024, 60, f"a megabyte in the partial file {partial.name}")
    slow.kill()
    size = received(partial)
    assert not (slow.folder / name).exists() and size < made.size, (size, made.size)
    assert check_watch_folder(slow.folder, releases[slow.name], public_key=key) == []  # the partial file is no bundle
    assert current_version(releases[slow.name]) == "2026.12.02"
    assert sorted(p.name for p in slow.folder.iterdir() if p.name.endswith(".result.txt")) == [
        "hall-2026.12.02.result.txt"
    ]

    # 3. Restarted (no limit now), it completes; both kiosks wait for the activation time, then install.
    slow.max_recv_kbps = 0
    slow.configure()
    slow.start(tmp_path / f"{slow.name}.log")
    installed_at: dict[str, float] = {}
    for kiosk in kiosks:
        results = watch_until(
            kiosk, releases[kiosk.name], key, lambda seen: any(r.waiting_until for r in seen), timeout_s=40
        )
        assert datetime.now(UTC) < activate, "the test machine was too slow to see the bundle wait"
        assert current_version(releases[kiosk.name]) == "2026.12.02"
        assert result_path(kiosk.folder / name).read_text().startswith("WAITING until ")
        assert (kiosk.folder / name).stat().st_size == made.size
    for kiosk in kiosks:
        watch_until(kiosk, releases[kiosk.name], key, lambda seen: any(r.installed for r in seen), timeout_s=90)
        installed_at[kiosk.name] = time.time()
        assert current_version(releases[kiosk.name]) == "2026.12.03"
        assert (releases[kiosk.name] / "current" / "content" / "padding.bin").stat().st_size == BIG_BYTES
    activate_at = made.manifest.activate_at  # to the second, as the manifest says it
    assert activate_at is not None and min(installed_at.values()) >= activate_at
    print(
        f"partial file at the kill: {size} of {made.size} bytes; installed "
        + ", ".join(f"{k} {t - activate_at:.1f} s" for k, t in installed_at.items())
        + " after the activation time"
    )
