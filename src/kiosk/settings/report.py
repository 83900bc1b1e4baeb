"""Settings for people: the effective values with where each came from, and a commented example file (pure)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from kiosk.service.schedule import WEEKDAYS
from kiosk.settings.load import LoadedSettings
from kiosk.settings.model import OpeningHoursSettings, field_range, section_types

WIDTH = 110
EXAMPLE_HOURS = {day: "09:00-17:30" for day in WEEKDAYS[:5]} | {
    "saturday": "10:00-12:00, 13:00-16:00",
    "sunday": "closed",
}
EXAMPLE_CLOSED = [dt.date(2026, 12, 25), dt.date(2027, 1, 1)]


def value_text(value: Any) -> str:
    """A value as it would be written in the settings file."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if value == value and abs(value) < 1e15 else str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, str) and (
        value == "" or any(c in value for c in ":#'\"{}[],&*!|>%@`") or value.strip() != value
    ):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def settings_lines(loaded: LoadedSettings) -> list[str]:
    """``key = value   source`` for every effective setting (``pin_hash`` only as set / not set)."""
    settings = loaded.settings
    assert settings is not None
    rows: list[tuple[str, str, str]] = []
    for key, source in loaded.sources.items():
        section, _, name = key.partition(".")
        owner = getattr(settings, section)
        if owner is None:  # opening_hours left out
            rows.append((key, "none (open all the time)", source))
            continue
        value = getattr(owner, name)
        if key == "operator.pin_hash":
            shown = "set" if value else "not set (the operator panel cannot be opened)"
        else:
            shown = value_text(value)
        rows.append((key, shown, source))
    key_width = max(len(k) for k, _, _ in rows)
    value_width = min(max(len(v) for _, v, _ in rows), 48)
    state = "read" if loaded.exists else "not found, so every value not given as a flag is the default"
    lines = [f"settings file: {loaded.shown_path} ({state})"]
    lines += [f"{k:<{key_width}} = {v:<{value_width}}  [{s}]" for k, v, s in rows]
    return lines


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - len(indent), initial_indent=indent + "# ", subsequent_indent=indent + "# ")


def _describe(model: type, name: str, info: FieldInfo) -> str:
    text = info.description or ""
    low, high = field_range(_section_of(model), name)
    if low is not None and high is not None:
        text += f" Allowed: {low:g} to {high:g}."
    return text


def _section_of(model: type) -> str:
    return next(name for name, m in section_types().items() if m is model)


def _default(info: FieldInfo) -> Any:
    return info.get_default(call_default_factory=True)


def example_text() -> str:
    """A complete settings file with every key at its default and a comment for each; it loads to the defaults."""
    lines = _comment(
        "Settings of the Guangzhou Sci-Tech exhibit. Every key may be left out: it then takes the value "
        "written here (the default). Check a file with 'kiosk config --print --config FILE'; "
        "'kiosk set-pin' writes the operator PIN's hash into it.",
        "",
    )
    for section, model in section_types().items():
        lines.append("")
        lines += _comment(model.__doc__ or "", "")
        if model is OpeningHoursSettings:
            lines += _opening_hours_example()
            continue
        lines.append(f"{section}:")
        for name, info in model.model_fields.items():
            lines += _comment(_describe(model, name, info), "  ")
            lines.append(f"  {name}: {value_text(_default(info))}")
    return "\n".join(lines) + "\n"


def _opening_hours_example() -> list[str]:
    lines = _comment(
        'Each day: "closed", "00:00-24:00", or one or more times like "09:00-12:00, '
        '13:00-17:30" (24-hour clock, in quotes); a day left out is open all day. '
        "Remove the '# ' before the lines below to use them.",
        "",
    )
    lines.append("# opening_hours:")
    for name, info in OpeningHoursSettings.model_fields.items():
        if name in EXAMPLE_HOURS:
            lines.append(f'#   {name}: "{EXAMPLE_HOURS[name]}"')
        else:
            value = EXAMPLE_CLOSED if name == "closed_dates" else _default(info)
            lines.append(f"#   {name}: {value_text(value)}  # {info.description}")
    return lines
