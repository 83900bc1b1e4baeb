"""scripts/shellcheck-all finds the shell scripts by their first line: the sourced ones too, nothing else."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def found() -> list[str]:
    run = subprocess.run(
        ["bash", str(ROOT / "scripts" / "shellcheck-all"), "--list"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_every_kind_of_shell_script_is_found() -> None:
    scripts = found()
    for name in (
        ".ci/run",  # bash through env
        "packaging/linux/xinitrc",  # /bin/sh
        "packaging/linux/install.sh",
        "packaging/lib.sh",  # sourced: no shebang, a shellcheck shell= directive
        "scripts/setup-env",  # sourced, with a shebang
        "scripts/shellcheck-all",
    ):
        assert name in scripts


def test_other_files_are_not_shell_scripts() -> None:
    scripts = found()
    assert "packaging/collect-licences" not in scripts  # python3 through env
    assert not [name for name in scripts if name.endswith((".py", ".service", ".txt", ".md"))]
