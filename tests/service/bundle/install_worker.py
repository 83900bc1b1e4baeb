"""Run by test_killed_install.py in a subprocess: install a bundle, printing each step's name and pausing there
so the test can SIGKILL this process at that instant.

Usage: python install_worker.py BUNDLE.zip RELEASES_DIR STEP PAUSE_S   (pause at STEP only; '*': at every step)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.service.bundle.install import install_bundle


def main() -> None:
    bundle, releases, pause_at, pause = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])

    def checkpoint(step: str) -> None:
        print(step, flush=True)
        if pause_at in (step, "*"):
            time.sleep(pause)

    print("start", flush=True)
    install_bundle(bundle, releases, public_key=None, keep=2, checkpoint=checkpoint)
    print("done", flush=True)


if __name__ == "__main__":
    main()
