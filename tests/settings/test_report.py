"""`kiosk config --example` and `--print` text: a complete example that loads back to the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings.load import Override, load_settings
from kiosk.settings.model import Settings
from kiosk.settings.report import example_text, settings_lines
from kiosk.staff.pin_hash import hash_pin

ENV: dict[str, str] = {}  # no systemd variables; the user is conftest.py's user_home
pytestmark = pytest.mark.usefixtures("user_home")


def test_the_example_names_every_key_and_loads_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    text = example_text()
    path.write_text(text, encoding="utf-8")
    from_example = load_settings(path, environ=ENV, platform="linux")
    from_nothing = load_settings(tmp_path / "missing.yaml", environ=ENV, platform="linux")
    assert from_example.ok, from_example.errors
    assert from_example.settings == from_nothing.settings
    assert Settings.model_validate({}) == Settings()
    for section, _model in Settings.model_fields.items():
        assert f"{section}:" in text
    for key in from_example.sources:
        assert key.rpartition(".")[2] + ":" in text
    assert "Allowed: 20 to 3600." in text  # ranges come from the model


def test_the_commented_out_opening_hours_are_valid_once_uncommented(tmp_path: Path) -> None:
    lines = example_text().splitlines()
    start = lines.index("# opening_hours:")
    block = [line[2:] for line in lines[start:] if line.startswith(("# opening_hours:", "#   "))]
    path = tmp_path / "kiosk.yaml"
    path.write_text("\n".join(block) + "\n")
    result = load_settings(path, environ=ENV, platform="linux")
    assert result.ok, result.errors
    assert result.settings.opening_hours.sunday == "closed"
    assert len(result.settings.opening_hours.closed_dates) == 2


def test_print_shows_every_value_with_its_source_and_never_the_pin_hash(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    pin_hash = hash_pin("2580")
    path.write_text(f"exhibit:\n  attract_slide_s: 5\noperator:\n  pin_hash: '{pin_hash}'\n")
    loaded = load_settings(path, overrides=[Override("exhibit.screen", 1, "--screen")], environ=ENV, platform="linux")
    lines = settings_lines(loaded)
    text = "\n".join(lines)
    assert pin_hash not in text and "scrypt" not in text
    rows = {line.split(" = ")[0].strip(): line for line in lines[1:]}
    assert set(rows) == set(loaded.sources)
    assert rows["exhibit.attract_slide_s"].split()[-2:] == ["5", f"[{loaded.shown_path}:2]"]
    assert rows["exhibit.screen"].split()[-2:] == ["1", "[--screen]"]
    assert rows["operator.pin_hash"].split()[2] == "set"
    assert rows["exhibit.idle_timeout_s"].split()[-2:] == ["60", "[default]"]
    assert "/home/ops/.local/state/guangzhou-exhibit/logs" in rows["folders.log_dir"]
