"""Read the settings file, apply command-line flags, and say where each effective value came from (pure Python).

Errors are :class:`kiosk.errors.ContentError` located ``file:line:column`` exactly like content errors, all of
them at once. A missing file (unless named with ``--config``), or one holding only comments, means every default.
Only a regular file of at most MAX_SETTINGS_BYTES is read: ``--config /dev/zero`` or a pipe is refused, not read.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.content.messages import translate
from kiosk.content.yaml_source import ParsedFile, SourceMap, parse_yaml_bytes
from kiosk.errors import ContentError, display_path
from kiosk.paths import default_content_dir as shipped_content_dir
from kiosk.safe_read import NOT_REGULAR, FileRefused, read_regular
from kiosk.settings.folders import default_content_dir, default_log_dir, default_releases_dir, default_state_dir
from kiosk.settings.model import Settings, section_types

DEFAULT = "default"
MAX_SETTINGS_BYTES = 256 * 1024  # a complete example file is a few KiB


@dataclass(frozen=True)
class Override:
    """A command-line flag that replaces one setting: ``Override("exhibit.screen", 1, "--screen")``."""

    key: str
    value: Any
    flag: str


@dataclass
class LoadedSettings:
    """The effective settings (folders and content_dir filled in), or every error that stopped them."""

    path: Path
    exists: bool
    settings: Settings | None = None
    errors: list[ContentError] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # "exhibit.screen" → "default" | "kiosk.yaml:4" | "--screen"

    @property
    def ok(self) -> bool:
        return self.settings is not None and not self.errors

    @property
    def shown_path(self) -> str:
        return display_path(self.path)


def _only_comments(text: str) -> bool:
    return all(
        not line.strip() or line.lstrip().startswith("#") or line.strip() in ("---", "...")
        for line in text.splitlines()
    )


def _file_error(shown: str, message: str, hint: str) -> ContentError:
    return ContentError(shown, 0, 0, "", message, hint)


def _read(path: Path, shown: str, required: bool) -> tuple[Any, SourceMap, list[ContentError]]:
    """The file's data (or None), its positions, and the errors that reading it found (the data may still be
    validated alongside them: one bad date must not hide the file's other errors)."""
    if not path.exists():
        if required:
            hint = f"create it with 'kiosk config --example > {shown}', or drop --config to use the defaults"
            return None, SourceMap(shown), [_file_error(shown, "there is no such settings file", hint)]
        return {}, SourceMap(shown), []
    try:
        raw = read_regular(path, MAX_SETTINGS_BYTES)
    except FileRefused as exc:
        hint = "point the setting at a YAML file" if exc.reason == NOT_REGULAR else "this is not a settings file"
        return None, SourceMap(shown), [_file_error(shown, exc.reason, hint)]
    except OSError as exc:
        hint = "check that it is readable by the user running the exhibit"
        return None, SourceMap(shown), [_file_error(shown, f"cannot read the file: {exc.strerror or exc}", hint)]
    try:
        if _only_comments(raw.decode("utf-8-sig")):
            return {}, SourceMap(shown), []
    except UnicodeDecodeError:
        pass  # the YAML reader says where
    parsed = parse_yaml_bytes(raw, shown)
    if parsed.data is None:
        return None, parsed.source_map, parsed.errors
    if not isinstance(parsed.data, dict):
        error = ContentError(
            shown, 1, 1, "", "a settings file is a list of sections like 'exhibit:'", "see 'kiosk config --example'"
        )
        return None, parsed.source_map, [*parsed.errors, error]
    return parsed, parsed.source_map, parsed.errors


def _merge(data: dict[str, Any], overrides: Iterable[Override]) -> dict[str, Any]:
    merged = copy.deepcopy(data)
    for name in section_types():
        if name != "opening_hours" and name in merged and merged[name] is None:
            merged[name] = {}  # "exhibit:" with every key commented out: the defaults
    for override in overrides:
        section, key = override.key.split(".")
        target = merged.setdefault(section, {})
        if isinstance(target, dict):  # otherwise the section itself is wrong and reported as such
            target[key] = override.value
    return merged


def load_settings(
    path: Path,
    *,
    overrides: Iterable[Override] = (),
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    shipped_content: Path | None = None,
    required: bool = False,
) -> LoadedSettings:
    """Read ``path``, apply ``overrides``, fill in the folders. Never raises for bad input.

    A missing file means every default, unless ``required`` (the user named it with ``--config``): then it is an
    error, since a typo in the name would otherwise start the exhibit with defaults.
    """
    path = Path(path)
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    shown = display_path(path)
    result = LoadedSettings(path, path.exists())
    read, source_map, errors = _read(path, shown, required)
    if read is None:
        result.errors = sorted(set(errors))
        return result
    data = read.data if isinstance(read, ParsedFile) else read
    overrides = list(overrides)
    try:
        settings = Settings.model_validate(_merge(data, overrides))
    except ValidationError as exc:
        found = translate(exc, Settings, source_map)
        errors = [*errors, *(read.besides(found) if isinstance(read, ParsedFile) else found)]
    if errors:
        result.errors = sorted(set(errors))
        return result
    result.sources = _sources(source_map, overrides, settings)
    result.settings = _effective(
        settings, path.absolute().parent, result.sources, environ, platform, shipped_content or shipped_content_dir()
    )
    return result


def _sources(source_map: SourceMap, overrides: list[Override], settings: Settings) -> dict[str, str]:
    flags = {o.key: o.flag for o in overrides}
    sources: dict[str, str] = {}

    def where(*key: str) -> str:
        dotted = ".".join(key)
        if dotted in flags:
            return flags[dotted]
        if key in source_map.keys:
            return f"{source_map.file}:{source_map.keys[key][0]}"
        return DEFAULT

    for name, model in section_types().items():
        if name == "opening_hours" and settings.opening_hours is None:
            sources[name] = where(name)
            continue
        for key in model.model_fields:
            sources[f"{name}.{key}"] = where(name, key)
    return sources


def _effective(
    settings: Settings,
    file_dir: Path,
    sources: dict[str, str],
    environ: Mapping[str, str],
    platform: str,
    shipped: Path,
) -> Settings:
    """``settings`` with relative paths from the file made absolute and every null folder replaced by its default."""

    def from_file(key: str, value: Path | None) -> Path | None:
        if value is None or sources[key] == DEFAULT or sources[key].startswith("--"):
            return value
        return value if value.is_absolute() else file_dir / value

    folders = settings.folders
    state = from_file("folders.state_dir", folders.state_dir)
    if state is None:
        located = default_state_dir(environ, platform)
        state, sources["folders.state_dir"] = located.path, located.reason
    log = from_file("folders.log_dir", folders.log_dir)
    if log is None:
        located = default_log_dir(state, environ)
        log, sources["folders.log_dir"] = located.path, located.reason
    releases = from_file("folders.releases_dir", folders.releases_dir)
    if releases is None:
        located = default_releases_dir(state)
        releases, sources["folders.releases_dir"] = located.path, located.reason
    exhibit = settings.exhibit
    content = from_file("exhibit.content_dir", exhibit.content_dir)
    if content is None:
        located = default_content_dir(releases, shipped)
        content, sources["exhibit.content_dir"] = located.path, located.reason
    updates = settings.content_updates
    return settings.model_copy(
        update={
            "folders": folders.model_copy(update={"state_dir": state, "log_dir": log, "releases_dir": releases}),
            "exhibit": exhibit.model_copy(update={"content_dir": content}),
            "content_updates": updates.model_copy(
                update={"watch_dir": from_file("content_updates.watch_dir", updates.watch_dir)}
            ),
            "monitoring": settings.monitoring.model_copy(
                update={"metrics_file": from_file("monitoring.metrics_file", settings.monitoring.metrics_file)}
            ),
        }
    )
