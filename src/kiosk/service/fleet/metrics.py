"""The exhibit's health as a node_exporter textfile-collector file (Prometheus text format 0.0.4; pure Python).

node_exporter (``--collector.textfile.directory``) serves every ``*.prom`` file of its folder with the machine's
own metrics; the exhibit replaces its file whole every ``monitoring.metrics_every_s`` seconds. The alert rules in
``packaging/monitoring/`` read these names: change both together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from kiosk.service.fleet.frames import HistogramSnapshot

DisplayState = Literal["on", "closed", "dark"]
DISPLAY_STATES: tuple[DisplayState, ...] = ("on", "closed", "dark")
BundleResult = Literal["installed", "refused", "waiting"]
BUNDLE_RESULTS: tuple[BundleResult, ...] = ("installed", "refused", "waiting")
PREFIX = "kiosk_"


@dataclass(frozen=True)
class BundleOutcome:
    """The last bundle the watch folder looked at: its file name, version (if readable), result and when (Unix s)."""

    name: str
    version: str | None
    result: BundleResult
    at: float


@dataclass(frozen=True)
class ExhibitMetrics:
    """One picture of the exhibit; times are Unix seconds (wall clock), sizes bytes."""

    up: bool
    written_at: float
    started_at: float
    group: str
    content_version: str
    program_version: str
    last_touch_at: float | None
    sessions_today: int
    frames: HistogramSnapshot
    errors: int
    self_restarts: int
    rss_bytes: float | None
    display: DisplayState
    schedule_open: bool
    bundle: BundleOutcome | None


def label_value(text: str) -> str:
    """``text`` as a quoted label value: backslash, double quote and line feed escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _labels(pairs: Iterable[tuple[str, str]]) -> str:
    inside = ",".join(f"{name}={label_value(value)}" for name, value in pairs)
    return "{" + inside + "}" if inside else ""


def _number(value: float) -> str:
    if value != value:  # NaN
        return "NaN"
    return str(int(value)) if float(value).is_integer() and abs(value) < 2**53 else repr(float(value))


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def metric(self, name: str, kind: str, help_text: str, samples: Iterable[tuple[str, str, float]]) -> None:
        """``samples``: (name suffix, formatted labels, value)."""
        self.lines.append(f"# HELP {PREFIX}{name} {help_text}")
        self.lines.append(f"# TYPE {PREFIX}{name} {kind}")
        for suffix, labels, value in samples:
            self.lines.append(f"{PREFIX}{name}{suffix}{labels} {_number(value)}")

    def gauge(self, name: str, help_text: str, value: float, labels: str = "") -> None:
        self.metric(name, "gauge", help_text, [("", labels, value)])


def format_textfile(m: ExhibitMetrics) -> str:
    """The whole file for ``m``; every metric is present in every file (a missing one would look like a fault)."""
    w = _Writer()
    w.gauge("up", "1 while the exhibit runs; 0 written as it stops.", 1 if m.up else 0)
    w.gauge("metrics_written_timestamp_seconds", "When the exhibit wrote this file.", m.written_at)
    w.gauge("start_timestamp_seconds", "When this run of the program started.", m.started_at)
    info = _labels(
        [("exhibit_group", m.group), ("content_version", m.content_version), ("program_version", m.program_version)]
    )
    w.gauge("content_info", "The content release on screen and the program's version (always 1).", 1, info)
    w.gauge(
        "last_touch_timestamp_seconds",
        "The last touch on the screen; 0 when there was none since the start.",
        m.last_touch_at or 0,
    )
    w.gauge("sessions_today", "Visitor sessions (wakes of the attract loop) since local midnight.", m.sessions_today)
    samples: list[tuple[str, str, float]] = [
        ("_bucket", _labels([("le", le)]), count) for le, count in m.frames.cumulative()
    ]
    samples += [("_sum", "", m.frames.total_s), ("_count", "", m.frames.count)]
    w.metric("frame_interval_seconds", "histogram", "Time between two frames while something moves on screen.", samples)
    w.metric("errors_total", "counter", "Errors the exhibit recovered from since it started.", [("", "", m.errors)])
    w.metric(
        "self_restarts_total",
        "counter",
        "Restarts the exhibit made itself (memory ceiling) since the service started it.",
        [("", "", m.self_restarts)],
    )
    w.gauge("resident_memory_bytes", "Resident memory of the exhibit (NaN where unmeasurable).", _or_nan(m.rss_bytes))
    w.metric(
        "display_state",
        "gauge",
        "1 for the display's state: on; closed (by the opening hours); dark (a fault: open, nothing shown).",
        [("", _labels([("state", s)]), 1 if s == m.display else 0) for s in DISPLAY_STATES],
    )
    w.gauge("schedule_open", "1 while the opening hours say open.", 1 if m.schedule_open else 0)
    bundle = m.bundle
    w.metric(
        "bundle_last_result",
        "gauge",
        "1 for the result of the last bundle the watch folder looked at (installed, refused, waiting).",
        [
            (
                "",
                _labels(
                    [
                        ("result", r),
                        ("bundle", bundle.name if bundle else ""),
                        ("version", (bundle.version or "") if bundle else ""),
                    ]
                ),
                1 if bundle is not None and bundle.result == r else 0,
            )
            for r in BUNDLE_RESULTS
        ],
    )
    w.gauge(
        "bundle_last_timestamp_seconds",
        "When the watch folder last installed, refused or put off a bundle; 0: none since the start.",
        bundle.at if bundle else 0,
    )
    return "\n".join(w.lines) + "\n"


def _or_nan(value: float | None) -> float:
    return float("nan") if value is None else value
