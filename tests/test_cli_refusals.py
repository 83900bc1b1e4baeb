"""No refusal is silent: every command that exits non-zero on a broken input printed a line naming the file and why
(a folder that is not content, a missing file, a FIFO, /dev/zero, broken YAML), and none hangs or reads forever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.settings import folders

CONTENT = Path(__file__).resolve().parents[1] / "content"
BROKEN = ("not-content", "missing.yaml", "pipe.yaml", "/dev/zero", "broken.yaml")


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(folders, "SYSTEM_CONFIG", tmp_path / "etc" / "kiosk.yaml")
    for name in ("KIOSK_CONFIG", "STATE_DIRECTORY", "LOGS_DIRECTORY", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "not-content").mkdir()
    (tmp_path / "not-content" / "notes.txt").write_text("hello\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "broken.yaml").write_text("exhibit:\n  screen: [1\n", encoding="utf-8")
    (tmp_path / "ok.yaml").write_text("# every default\n", encoding="utf-8")
    return tmp_path


def _commands(broken: str) -> list[list[str]]:
    return [
        ["validate", broken],
        ["run", "--config", broken],
        ["run", "--config", "ok.yaml", "--content", broken],
        ["config", "--config", broken],
        ["bundle", "install", broken, "--config", "ok.yaml", "--releases-dir", "releases"],
        ["bundle", "install", "ok.yaml", "--config", broken, "--releases-dir", "releases"],
        *([["validate", "--article", broken]] if broken != "broken.yaml" else []),  # any text is an article
        ["bundle", "create", "--sign-key", broken, "--version", "1.0", str(CONTENT), "out.zip"],
        ["bundle", "install", "ok.yaml", "--public-key-file", broken, "--config", "ok.yaml", "--releases-dir", "r"],
    ]


@pytest.mark.parametrize("broken", BROKEN)
def test_every_refusal_names_a_file_and_a_reason(
    inputs: Path, broken: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = Path(broken).name
    # a command that got past every check would open the exhibit: fail instead
    monkeypatch.setattr("kiosk.qt.app.run.run_exhibit", lambda *a, **k: pytest.fail("the exhibit was started"))
    for argv in _commands(broken):
        status = cli.main(argv)
        out, err = capsys.readouterr()
        if status == 0:
            continue  # e.g. bundle install with --config ok.yaml does not need the broken one
        lines = [line for line in (out + err).splitlines() if shown in line and ": " in line.split(shown, 1)[1]]
        assert status == 1 and lines, (argv, status, out, err)
        assert "internal error" not in err, (argv, err)
