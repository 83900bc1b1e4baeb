"""The web kiosk a venue could run instead, measured on the same machine in the same run: headless Chromium showing
the two peer pages (a static pillar page for start-up; ten cross-fades that log their frame intervals).

The pages are not part of this project; they are read from ``--peer-dir`` (default ``../shared/peer`` beside the
checkout) and copied to a temporary folder with the exhibit's own font as ``peer-font.otf``, so both draw the same
glyphs."""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from kiosk.paths import default_assets_dir

PAGES = ("pillar.html", "transition.html")
_PEER_LINE = re.compile(r"PEER frames .*? ms")


def find_peer_dir(given: Path | None) -> Path | None:
    """The peer pages' folder: ``given``, else ``../shared/peer`` beside the checkout; None when they are not there."""
    candidates = [given] if given is not None else [Path(__file__).resolve().parents[4] / ".." / "shared" / "peer"]
    for folder in candidates:
        if folder is not None and all((folder / page).is_file() for page in PAGES):
            return folder.resolve()
    return None


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("no chromium on this machine (apt-get install chromium)")


class PeerPages:
    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def _copy(self, into: Path) -> None:
        for page in PAGES:
            shutil.copy(self._folder / page, into / page)
        font = default_assets_dir() / "fonts" / "NotoSansSC-Regular.otf"
        (into / "peer-font.otf").write_bytes(font.read_bytes())

    def _flags(self, size: tuple[int, int]) -> list[str]:
        return [chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={size[0]},{size[1]}"]

    def start_up_ms(self, size: tuple[int, int], runs: int) -> float:
        """Median time of a whole Chromium process that loads the pillar page and writes its screenshot."""
        times = []
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
            folder = Path(tmp)
            self._copy(folder)
            for i in range(max(1, runs)):
                shot = folder / f"shot-{i}.png"
                profile = folder / f"profile-{i}"
                command = self._flags(size) + [
                    f"--user-data-dir={profile}",
                    f"--screenshot={shot}",
                    (folder / "pillar.html").as_uri(),
                ]
                start = time.monotonic()
                _run(command, timeout_s=120)
                times.append((time.monotonic() - start) * 1000)
        return statistics.median(times)

    def transition(self, size: tuple[int, int]) -> str:
        """The transition page's own line: ``PEER frames N p50 … p90 … p99 … max … ms`` (or why there is none)."""
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
            folder = Path(tmp)
            self._copy(folder)
            command = self._flags(size) + [
                f"--user-data-dir={folder / 'profile'}",
                "--enable-logging=stderr",
                "--v=0",
                (folder / "transition.html").as_uri(),
            ]
            output = _run(command, timeout_s=20)  # the page stays open: its line was logged before the end
        found = _PEER_LINE.search(output)
        return found.group(0) if found else "no PEER line (chromium failed or the page changed)"


def _run(command: list[str], timeout_s: float) -> str:
    """Run Chromium until it exits or ``timeout_s`` has passed, then end it with every process it started (they
    share its new session: a renderer left behind went on writing into the profile while its folder was removed,
    and the bench stopped with "Directory not empty"); what it printed."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        out, err = "", ""
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:  # it and all it started have ended
            pass
    if process.returncode is None:
        more_out, more_err = process.communicate()
        out, err = out + _text(more_out), err + _text(more_err)
    return out + err


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else data
