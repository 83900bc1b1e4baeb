"""A virtual X server on a free display (the benchmark's real window, tools/monkey.py, the X11 lock-down tests)."""

from __future__ import annotations

import os
import shutil
import subprocess


def xvfb_available() -> bool:
    return shutil.which("Xvfb") is not None


def start_xvfb(size: tuple[int, int]) -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb of ``size`` on a display number no other server uses (``-displayfd``): (process, ":N")."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        return server, ":" + pipe.readline().strip()
