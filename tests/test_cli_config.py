"""`kiosk config`, `kiosk set-pin` and `kiosk run` with a settings file, through the real command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.paths import PROJECT_ROOT
from kiosk.settings import folders
from kiosk.settings.load import load_settings
from kiosk.staff.pin_hash import verify_pin


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine with no settings anywhere: HOME is a fresh folder, no systemd or XDG variables, and no system-wide
    file (this machine may have the exhibit installed, with one in /etc)."""
    monkeypatch.setattr(folders, "SYSTEM_CONFIG", tmp_path / "etc" / "kiosk.yaml")
    for name in ("KIOSK_CONFIG", "STATE_DIRECTORY", "LOGS_DIRECTORY", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_config_print_lists_each_setting_with_its_source(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("kiosk.yaml").write_text("exhibit:\n  attract_slide_s: 5\n  idle_timeout_s: 90\n")
    assert cli.main(["config", "--print", "--config", "kiosk.yaml", "--idle-timeout-s", "45"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "settings file: kiosk.yaml (read)"
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["exhibit.attract_slide_s"][2:] == ["5", "[kiosk.yaml:2]"]
    assert rows["exhibit.idle_timeout_s"][2:] == ["45", "[--idle-timeout-s]"]
    assert rows["exhibit.idle_warning_s"][2:] == ["10", "[default]"]
    assert rows["operator.pin_hash"][2:4] == ["not", "set"]
    assert rows["folders.state_dir"][2] == str(home / ".local/state/guangzhou-exhibit")


def test_kiosk_config_environment_variable_names_the_file(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "elsewhere.yaml").write_text("logging:\n  level: debug\n")
    monkeypatch.setenv("KIOSK_CONFIG", str(home / "elsewhere.yaml"))
    assert cli.main(["config"]) == 0
    out = capsys.readouterr().out
    assert "logging.level" in out and "debug" in out and "[elsewhere.yaml:2]" in out


def test_a_missing_settings_file_means_defaults(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["config", "--print"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("settings file: .config/guangzhou-exhibit/kiosk.yaml (not found")


def test_config_print_reports_every_error_and_exits_1(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("kiosk.yaml").write_text("exhibit:\n  idle_timeout_s: 5\n  langauge: en\n")
    assert cli.main(["config", "--print", "--config", "kiosk.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.splitlines()
    assert len(err) == 3
    assert err[0] == "kiosk.yaml:2:19: exhibit.idle_timeout_s: the number 5 is out of range: must be at least 20"
    assert err[1:] == [
        "kiosk.yaml:3:3: exhibit.langauge: unknown key 'langauge' (did you mean 'language'?)",
        "kiosk.yaml: 2 error(s) in the settings file; fix them and try again",
    ]


def test_config_example_round_trips(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["config", "--example"]) == 0
    Path("kiosk.yaml").write_text(capsys.readouterr().out)
    assert cli.main(["config", "--config", "kiosk.yaml"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert all(row.endswith("]") for row in rows)
    assert load_settings(Path("kiosk.yaml")).settings == load_settings(Path("missing.yaml")).settings


def test_set_pin_from_stdin_creates_the_file_with_a_hash_only(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("739164\n"))
    assert cli.main(["set-pin", "--pin-stdin"]) == 0
    path = home / ".config/guangzhou-exhibit/kiosk.yaml"
    text = path.read_text()
    stored = load_settings(path).settings.operator.pin_hash
    assert verify_pin("739164", stored) and not verify_pin("739165", stored)
    assert "739164" not in text.replace(stored, "")
    out = capsys.readouterr()
    assert "739164" not in out.out + out.err and "stored in a new settings file" in out.out


def test_set_pin_print_hash_prints_a_hash_for_an_inventory_and_writes_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("739164\n"))
    assert cli.main(["set-pin", "--pin-stdin", "--print-hash"]) == 0
    printed = capsys.readouterr().out.strip()
    assert verify_pin("739164", printed) and "739164" not in printed
    assert not (home / ".config/guangzhou-exhibit/kiosk.yaml").exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO("12\n"))
    assert cli.main(["set-pin", "--pin-stdin", "--print-hash"]) == 1


def test_set_pin_asks_twice_and_keeps_the_files_comments(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = home / "kiosk.yaml"
    path.write_text("# the museum's settings\nexhibit:\n  screen: 1  # the right-hand panel\n")
    answers = iter(["2580", "2580"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert cli.main(["set-pin", "--config", str(path)]) == 0
    text = path.read_text()
    assert text.startswith("# the museum's settings\nexhibit:\n  screen: 1  # the right-hand panel\noperator:\n")
    assert verify_pin("2580", load_settings(path).settings.operator.pin_hash)


@pytest.mark.parametrize(
    "answers, message",
    [
        (["12a4"], "a PIN is digits only (0-9)"),
        (["1111"], "one repeated digit"),
        (["2580", "2581"], "the two PINs are different"),
    ],
)
def test_set_pin_refuses_a_bad_or_mistyped_pin_and_changes_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], answers: list[str], message: str
) -> None:
    typed = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert cli.main(["set-pin", "--config", "kiosk.yaml"]) == 1
    assert message in capsys.readouterr().err
    assert not Path("kiosk.yaml").exists()
    monkeypatch.setattr(sys, "stdin", io.StringIO("12\n"))
    assert cli.main(["set-pin", "--config", "kiosk.yaml", "--pin-stdin"]) == 1
    assert "4 to 12 digits" in capsys.readouterr().err and not Path("kiosk.yaml").exists()


def test_run_with_a_broken_settings_file_exits_1_and_shows_nothing(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.yaml"
    settings.write_text("exhibit:\n  screen: 1\n  rotate_deg: 45\n")
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--config", str(settings)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "QT_QPA_PLATFORM": "minimal",
            "PYTHONPATH": str(PROJECT_ROOT / "src"),
        },
    )
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "kiosk.yaml:3:15: exhibit.rotate_deg: the number 45 is not allowed here (choose one of: 0, 90, 180, 270)",
        "kiosk.yaml: 1 error(s) in the settings file; the exhibit was not started",
    ]


@pytest.mark.gui
def test_run_passes_the_effective_settings_to_the_exhibit(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.qt.app.run

    calls: list[tuple[tuple, dict]] = []
    monkeypatch.setattr(kiosk.qt.app.run, "run_exhibit", lambda *args, **kwargs: calls.append((args, kwargs)) or 0)
    Path("kiosk.yaml").write_text(
        f"exhibit:\n  content_dir: {PROJECT_ROOT / 'content'}\n  rotate_deg: 90\n"
        "  idle_timeout_s: 120\n  idle_warning_s: 20\n  language: en\n"
    )
    assert cli.main(["run", "--config", "kiosk.yaml", "--screen", "1", "--attract-slide-s", "4"]) == 0
    (content, settings), kwargs = calls[0]
    exhibit = settings.exhibit
    assert exhibit.content_dir == PROJECT_ROOT / "content" and content.exhibit is not None
    assert (exhibit.rotate_deg, exhibit.screen, exhibit.language, exhibit.windowed) == (90, 1, "en", False)
    assert (exhibit.idle_timeout_s, exhibit.idle_warning_s, exhibit.attract_slide_s) == (120, 20, 4)
    assert kwargs["config_path"] == Path("kiosk.yaml")
    assert settings.folders.log_dir is not None
