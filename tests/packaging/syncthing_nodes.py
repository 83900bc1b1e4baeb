"""Real Syncthing instances on loopback for the hall test: each with its own home, ports and API key, global
discovery, relays, NAT, usage and crash reporting and upgrades off (nothing leaves the machine), devices that know
each other by 127.0.0.1 addresses, and one shared folder: send-only on the operator machine, receive-only on the
kiosks. Configured by writing the config.xml that ``syncthing generate`` made, before the first start."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

OFF_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "startBrowser": "false",
    "reconnectionIntervalS": "1",
    "progressUpdateIntervalS": "1",
    "limitBandwidthInLan": "true",  # loopback counts as LAN: without this the slow kiosk is not slowed
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Node:
    name: str
    home: Path
    folder: Path
    kind: str  # sendonly (the operator) or receiveonly (a kiosk)
    api_key: str = "hall-test-key"
    gui_port: int = field(default_factory=free_port)
    sync_port: int = field(default_factory=free_port)
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None
    max_recv_kbps: int = 0

    def generate(self) -> None:
        out = subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder", "--skip-port-probing"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        said = (out.stdout + out.stderr).splitlines()  # the ID is on the log (stderr), after "Device ID: "
        self.device_id = next(line.split("Device ID: ", 1)[1].strip() for line in said if "Device ID: " in line)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)

    def configure(self) -> None:
        """Its own ports and API key, the receive limit, and nothing that would reach out of the machine: before it
        starts (devices and the folder are set through its REST API by packaging/syncthing-hall, as in the guide)."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        top = tree.getroot()
        top.find("gui/address").text = f"127.0.0.1:{self.gui_port}"  # type: ignore[union-attr]
        top.find("gui/apikey").text = self.api_key  # type: ignore[union-attr]
        options = top.find("options")
        assert options is not None
        options.find("listenAddress").text = f"tcp://127.0.0.1:{self.sync_port}"  # type: ignore[union-attr]
        options.find("maxRecvKbps").text = str(self.max_recv_kbps)  # type: ignore[union-attr]
        for key, value in OFF_OPTIONS.items():
            element = options.find(key)
            if element is None:
                element = ET.SubElement(options, key)
            element.text = value
        tree.write(path)

    @property
    def address(self) -> str:
        """How the others give this device to syncthing-hall: ID=ADDRESS."""
        return f"{self.device_id}=tcp://127.0.0.1:{self.sync_port}"

    def start(self, log: Path) -> None:
        env = {**os.environ, "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "STNORESTART": "1"}
        with open(log, "ab") as out:
            self.process = subprocess.Popen(
                ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade"],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        self.wait_for(lambda: self.api("/rest/system/ping") == {"ping": "pong"}, 60, "its REST API")

    def kill(self) -> None:
        """SIGKILL: no chance to tidy up (a power cut, a crash)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def api(self, path: str) -> object:
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}", headers={"X-API-Key": self.api_key})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                return json.loads(answer.read())
        except OSError:
            return None

    def connected_to(self, peer: Node) -> bool:
        answer = self.api("/rest/system/connections")
        return isinstance(answer, dict) and bool(answer.get("connections", {}).get(peer.device_id, {}).get("connected"))

    def wait_for(self, condition, timeout_s: float, what: str) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(
                    f"syncthing {self.name} ended (status {self.process.returncode}) waiting for {what}"
                )
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError(f"syncthing {self.name}: no {what} within {timeout_s:g} s")
