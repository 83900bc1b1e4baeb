"""The `kiosk` command: plain summaries, every error, exit codes, and a traceback only in the log."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.paths import PROJECT_ROOT
from kiosk.service.logs import setup_logging
from kiosk.settings.model import LoggingSettings

from .content.fixtures import PILLAR, edit, write_content


def test_validate_shipped_content_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", str(PROJECT_ROOT / "content")]) == 0
    out = capsys.readouterr().out
    assert "OK — 4 pillars, 21 numbers, 13 cards, 4 charts, 4 outlook tasks (6 files)" in out


def test_validate_reports_every_error_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    broken = edit(edit(PILLAR, "value: 8", "value: eight"), "icon: globe", "icon: glob")
    write_content(tmp_path, pillar=broken, outlook="outlook: [")
    assert cli.main(["validate", "content"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "content/outlook.yaml:2:1: YAML syntax error: while parsing a flow node, did not find expected node content "
        "(a '[' or '{' is not closed, or a value is missing)"
    )
    assert (
        err[1] == "content/pillars/1.yaml:9:9: pillar.icon: the text 'glob' is not allowed here (did you mean 'globe'?)"
    )
    assert err[2].startswith("content/pillars/1.yaml:13:14: pillar.numbers[0].value: expected a number")
    assert err[3] == "content: 3 error(s) in 2 file(s); nothing was changed"


def explode(*args, **kwargs):
    raise RuntimeError("boom")


def test_internal_error_is_a_message_and_its_traceback_is_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(cli, "load_content", explode)
    assert cli.main(["validate"]) == 2
    err = capsys.readouterr().err
    assert "kiosk: internal error: RuntimeError: boom" in err
    [record] = [r for r in caplog.records if r.name.startswith("kiosk")]
    assert record.levelname == "ERROR" and record.getMessage() == "internal error in 'kiosk validate'"
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "in explode" in caplog.text and "RuntimeError: boom" in caplog.text  # the whole traceback


@pytest.mark.log_warnings("the internal error is logged: that is what it checks")
def test_internal_error_traceback_reaches_the_log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "load_content", explode)
    logs = setup_logging(tmp_path, LoggingSettings(), stream=io.StringIO())
    try:
        assert cli.main(["validate"]) == 2
    finally:
        logs.close()
    logged = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "ERROR kiosk.cli: internal error in 'kiosk validate'" in logged
    assert "Traceback (most recent call last)" in logged and "RuntimeError: boom" in logged


def test_without_a_log_file_the_traceback_goes_to_stderr() -> None:
    broken = "import kiosk.cli as c; c.load_content = lambda *a, **k: 1 / 0; raise SystemExit(c.main(['validate']))"
    run = subprocess.run([sys.executable, "-c", broken], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "Traceback (most recent call last)" in run.stderr and "ZeroDivisionError" in run.stderr
    assert run.stderr.rstrip().endswith("this is a bug in the exhibit software, not in your content; please report it")


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_python_dash_m_kiosk_and_console_script_work() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(PROJECT_ROOT / "content")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "4 pillars" in run.stdout
    script = Path(sys.executable).with_name("kiosk")
    if script.exists():  # installed with pip: the console script runs the same main
        assert subprocess.run([script, "validate", "--help"], capture_output=True, timeout=60).returncode == 0


def test_run_takes_idle_and_attract_timings_in_range(capsys) -> None:
    from kiosk.cli import build_parser

    args = build_parser().parse_args(["run", "--idle-timeout-s", "90", "--attract-slide-s", "5"])
    assert (args.idle_timeout_s, args.attract_slide_s) == (90.0, 5.0)
    defaults = build_parser().parse_args(["run"])  # a flag not given leaves the settings file's value alone
    assert (defaults.idle_timeout_s, defaults.attract_slide_s, defaults.rotate, defaults.screen) == (None,) * 4
    for flag, value in (
        ("--idle-timeout-s", "5"),
        ("--attract-slide-s", "soon"),
        ("--rotate", "45"),
        ("--screen", "16"),
    ):
        with pytest.raises(SystemExit) as stopped:
            build_parser().parse_args(["run", flag, value])
        assert stopped.value.code == 2
        assert flag in capsys.readouterr().err
