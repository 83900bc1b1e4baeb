"""The settings file, typed (pure Python, no Qt): sections of keys with units in their names and checked ranges.

Every key has a default, so a missing or empty file is a valid one. Unknown keys are errors (with "did you mean"),
numbers are not accepted as text nor true/false as numbers. The descriptions here are what ``kiosk config
--example`` writes as comments.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from kiosk.service.schedule import WEEKDAYS, parse_day_hours
from kiosk.staff.pin_hash import hash_problem


class Section(BaseModel):
    """Base of every settings section: immutable, strict types, unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _folder(description: str) -> Any:
    return Field(default=None, strict=False, description=description)


class ExhibitSettings(Section):
    """What the exhibit shows and how it treats visitors."""

    content_dir: Path | None = _folder(
        "Content folder. null: the current release in releases_dir when a bundle was installed, else the "
        "shipped content. "
        "A relative path is relative to this file's folder."
    )
    language: Literal["zh", "en"] | None = Field(
        default=None, description="Language the exhibit starts in and returns to (zh or en); null: the content's."
    )
    screen: int = Field(default=0, ge=0, le=15, description="Which screen to fill (0 = the first).")
    rotate_deg: Literal[0, 90, 180, 270] = Field(
        default=0, description="Turn the whole picture (0, 90, 180 or 270), for panels mounted in portrait."
    )
    windowed: bool = Field(
        default=False, description="true: a normal window with a cursor and no lock-down, for content editors."
    )
    reduced_motion: bool = Field(default=False, description="true: numbers and screens appear without animation.")
    renderer: Literal["auto", "raster", "opengl"] = Field(
        default="auto",
        description="How the screen is drawn: opengl (the GPU), raster (the CPU) or auto (OpenGL only with a "
        "hardware OpenGL driver; a software one such as llvmpipe counts as none).",
    )
    idle_timeout_s: float = Field(
        default=60.0, ge=20, le=3600, description="Seconds without a touch before the exhibit starts over."
    )
    idle_warning_s: float = Field(
        default=10.0,
        ge=3,
        le=30,
        description="The last seconds of idle_timeout_s show a countdown; less than idle_timeout_s.",
    )
    attract_slide_s: float = Field(default=7.0, ge=2, le=120, description="Seconds each attract-loop slide stays.")

    @field_validator("idle_warning_s")
    @classmethod
    def _warning_inside_timeout(cls, value: float, info: ValidationInfo) -> float:
        timeout = info.data.get("idle_timeout_s")
        if timeout is not None and value >= timeout:
            raise ValueError(
                f"idle_warning_s ({value:g}) must be less than idle_timeout_s ({timeout:g}): "
                "the countdown is the last part of the idle time"
            )
        return value


class OperatorSettings(Section):
    """The hidden operator panel: how it opens and how the PIN is guarded."""

    pin_hash: str | None = Field(
        default=None,
        description="Written by 'kiosk set-pin' (a salted hash, never the PIN). null: the panel cannot be opened.",
    )
    corner_gesture_s: float = Field(
        default=5.0, ge=2, le=15, description="The four corners must be touched in order within this many seconds."
    )
    pin_attempts: int = Field(default=5, ge=3, le=10, description="Wrong PINs in a row before the pad locks.")
    pin_lockout_s: float = Field(default=60.0, ge=10, le=3600, description="Seconds the PIN pad stays locked.")
    pin_lockout_max_s: float = Field(
        default=3600.0,
        ge=60,
        le=86400,
        description="Each wrong PIN after a lock locks the pad twice as long as the lock before, up to this many "
        "seconds; only the right PIN ends it.",
    )
    panel_timeout_s: float = Field(
        default=60.0, ge=15, le=600, description="The panel closes itself after this many seconds untouched."
    )

    @field_validator("pin_hash")
    @classmethod
    def _known_hash(cls, value: str | None) -> str | None:
        if value is not None and (problem := hash_problem(value)):
            raise ValueError(problem)
        return value


class ContentUpdateSettings(Section):
    """Hot reload of the content folder and content bundles (zip files) from a USB stick."""

    reload_check_s: float = Field(
        default=2.0, ge=0.5, le=60, description="How often the content folder is checked for changes, in seconds."
    )
    watch_dir: Path | None = _folder(
        "A folder checked for new bundles, e.g. a USB stick's mount point. null: no folder is watched."
    )
    watch_check_s: float = Field(default=5.0, ge=1, le=300, description="How often watch_dir is checked, in seconds.")
    public_key: str | None = Field(
        default=None,
        description="Base64 Ed25519 public key from 'kiosk bundle keygen'. Set: only bundles signed with its "
        "private key are installed.",
    )
    keep_releases: int = Field(default=5, ge=2, le=50, description="How many installed content releases are kept.")
    max_bundle_mb: int = Field(default=512, ge=1, le=4096, description="Largest bundle accepted, in megabytes.")

    @field_validator("public_key")
    @classmethod
    def _ed25519_key(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            raw = base64.b64decode(value.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(
                "the public key is not base64 text; copy the whole line that 'kiosk bundle keygen' printed"
            ) from None
        if len(raw) != 32:
            raise ValueError(
                f"the public key is {len(raw)} bytes, an Ed25519 public key is 32; copy the "
                "public key, not the private one, from 'kiosk bundle keygen'"
            )
        return value.strip()


class HealthSettings(Section):
    """Self-healing limits."""

    max_rss_mb: int | None = Field(
        default=1536,
        ge=256,
        le=16384,
        description="Memory ceiling in megabytes; above it the exhibit restarts itself at the next attract loop. "
        "null: no ceiling.",
    )


class MonitoringSettings(Section):
    """Watching a hall of exhibits from afar: a health file for Prometheus's node_exporter, a small screenshot."""

    metrics_file: Path | None = _folder(
        "The health file for node_exporter's textfile collector (a .prom file in the folder given to "
        "--collector.textfile.directory), replaced whole every metrics_every_s seconds. null: none is written."
    )
    metrics_every_s: float = Field(
        default=20.0, ge=5, le=300, description="How often the health file is written, in seconds."
    )
    group: str = Field(
        default="default",
        min_length=1,
        max_length=64,
        description="This exhibit's group in the hall (letters, digits, _ . : -): an alert fires when one exhibit "
        "of a group shows other content than the rest.",
    )
    screenshot_every_s: float | None = Field(
        default=300.0,
        ge=30,
        le=86400,
        description="How often a small screenshot is kept in the state folder (screenshot.png), in seconds; a file "
        "screenshot.request there asks for one now. null: never.",
    )
    screenshot_px: int = Field(default=480, ge=64, le=1920, description="The screenshot's longer side, in pixels.")

    @field_validator("group")
    @classmethod
    def _group_name(cls, value: str) -> str:
        if re.fullmatch(r"[A-Za-z0-9_.:-]+", value) is None:
            raise ValueError(f"'{value}': use only letters, digits and _ . : - (e.g. hall-a)")
        return value


def _day(name: str) -> Any:
    return Field(default=None, description=f"Hours on {name.capitalize()}s. null: open all day.")


class OpeningHoursSettings(Section):
    """Weekly opening hours; outside them the screen shows a dark standby. Leave the section out to stay open."""

    monday: str | None = _day("monday")
    tuesday: str | None = _day("tuesday")
    wednesday: str | None = _day("wednesday")
    thursday: str | None = _day("thursday")
    friday: str | None = _day("friday")
    saturday: str | None = _day("saturday")
    sunday: str | None = _day("sunday")
    closed_dates: list[dt.date] = Field(
        default_factory=list, description="Whole days closed, e.g. [2026-12-25, 2027-01-01]."
    )
    sleep_display: bool = Field(default=True, description="Ask the display to sleep while closed.")

    @field_validator(*WEEKDAYS)
    @classmethod
    def _hours(cls, value: str | None) -> str | None:
        if value is not None:
            parse_day_hours(value)
        return value

    def day_texts(self) -> dict[str, str]:
        """The days the file gives and their hours, for ``kiosk.service.schedule.WeeklySchedule.from_texts``."""
        return {day: text for day in WEEKDAYS if (text := getattr(self, day)) is not None}


class LoggingSettings(Section):
    """Log files, rotated by size."""

    level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="Least important messages written: debug, info, warning or error."
    )
    file_kb: int = Field(default=1024, ge=64, le=65536, description="Size of one log file in kilobytes.")
    files: int = Field(default=5, ge=1, le=50, description="Rotated log files kept.")


class AnalyticsSettings(Section):
    """Visitor analytics: sessions, screens and dwell times in <state_dir>/analytics.sqlite3, nothing personal."""

    enabled: bool = Field(default=True, description="false: nothing about visits is recorded.")
    retention_days: int = Field(
        default=400, ge=7, le=3650, description="Days the records are kept; older ones are removed each day."
    )


class AccessibilitySettings(Section):
    """The visitor's accessibility menu: reach mode's mounting height, and reading aloud (voices, volume, output)."""

    panel_bottom_m: float = Field(
        default=0.8,
        ge=0,
        le=1.1,
        description="Height of the screen's lower edge above the floor, in metres; reach mode keeps every control "
        "below 1.2 m from the floor.",
    )
    panel_diagonal_in: float = Field(default=55.0, ge=20, le=110, description="The screen's diagonal in inches.")
    volume_percent: int = Field(default=80, ge=0, le=100, description="Loudness of reading aloud, 0 to 100.")
    audio_device: str | None = Field(
        default=None,
        description="ALSA device that plays the speech, e.g. 'plughw:0,0' for the headphone jack. null: the "
        "system's default.",
    )
    voice_zh: str = Field(default="cmn", description="espeak-ng voice for Chinese (cmn: Mandarin).")
    voice_en: str = Field(default="en-gb", description="espeak-ng voice for English.")


class FolderSettings(Section):
    """Where the exhibit keeps its state. null: the platform's usual place (see 'kiosk config --print')."""

    state_dir: Path | None = _folder(
        "State folder. null: $STATE_DIRECTORY under systemd, else ~/.local/state/guangzhou-exhibit on Linux, "
        "%LOCALAPPDATA%\\GuangzhouExhibit on Windows."
    )
    log_dir: Path | None = _folder("Log folder. null: $LOGS_DIRECTORY under systemd, else <state_dir>/logs.")
    releases_dir: Path | None = _folder(
        "Installed content bundles: releases/<version>/ and the 'current' link. null: <state_dir>/content."
    )


class Settings(Section):
    """The whole settings file."""

    exhibit: ExhibitSettings = Field(default_factory=ExhibitSettings)
    operator: OperatorSettings = Field(default_factory=OperatorSettings)
    content_updates: ContentUpdateSettings = Field(default_factory=ContentUpdateSettings)
    health: HealthSettings = Field(default_factory=HealthSettings)
    monitoring: MonitoringSettings = Field(default_factory=MonitoringSettings)
    opening_hours: OpeningHoursSettings | None = Field(default=None)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    analytics: AnalyticsSettings = Field(default_factory=AnalyticsSettings)
    accessibility: AccessibilitySettings = Field(default_factory=AccessibilitySettings)
    folders: FolderSettings = Field(default_factory=FolderSettings)


def section_types() -> dict[str, type[Section]]:
    """Each section's name and model, in file order."""
    out: dict[str, type[Section]] = {}
    for name, info in Settings.model_fields.items():
        model = OpeningHoursSettings if name == "opening_hours" else info.annotation  # the one optional section
        # Every field of Settings is a section; a plain value added there would break the reports that walk them.
        if not (isinstance(model, type) and issubclass(model, Section)):
            raise TypeError(f"Settings.{name} is not a settings section: {model!r}")
        out[name] = model
    return out


def field_range(section: str, key: str) -> tuple[float | None, float | None]:
    """The lowest and highest value allowed for ``section.key`` (None where there is no bound)."""
    info = section_types()[section].model_fields[key]
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    return low, high
