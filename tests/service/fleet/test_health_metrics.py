"""The health file's text (Prometheus text format 0.0.4): every metric each time, HELP and TYPE before its samples,
label values escaped, the frame histogram cumulative with +Inf, _sum and _count; the frame and session counters."""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta

import pytest

from kiosk.service.fleet.frames import FRAME_BOUNDS_S, FrameHistogram
from kiosk.service.fleet.metrics import BundleOutcome, ExhibitMetrics, format_textfile, label_value
from kiosk.service.fleet.sessions import SessionCounter

SAMPLE = re.compile(r'^(kiosk_[a-z_]+)(\{([a-z_]+="(\\.|[^"\\])*",?)*\})? (-?[0-9.e+]+|NaN)$')


def metrics(**changes: object) -> ExhibitMetrics:
    frames = FrameHistogram()
    for t in (0.0, 0.016, 0.033, 0.1, 3.0, 3.016):
        frames.frame(t)
    values: dict[str, object] = {
        "up": True,
        "written_at": 1796000000.5,
        "started_at": 1795990000.0,
        "group": "hall-a",
        "content_version": "2026.12.01",
        "program_version": "0.1.0",
        "last_touch_at": 1795999990.0,
        "sessions_today": 42,
        "frames": frames.snapshot(),
        "errors": 3,
        "self_restarts": 1,
        "rss_bytes": 200 * 1024 * 1024.0,
        "display": "closed",
        "schedule_open": False,
        "bundle": BundleOutcome("hall.zip", "2026.12.01", "installed", 1795999000.0),
    }
    values.update(changes)
    return ExhibitMetrics(**values)  # type: ignore[arg-type]


def samples(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            match = SAMPLE.match(line)
            assert match, line
            key, value = line.rsplit(" ", 1)
            out[key] = float(value)
    return out


def test_every_metric_has_help_and_type_before_its_samples_and_one_value_per_series():
    text = format_textfile(metrics())
    assert text.endswith("\n")
    declared: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            declared.add(line.split()[2])
        elif not line.startswith("#"):
            name = line.split("{")[0].split(" ")[0]
            assert name in declared or name.rsplit("_", 1)[0] in declared, line
    values = samples(text)
    assert len(values) == len([ln for ln in text.splitlines() if not ln.startswith("#")])  # no series twice
    assert values["kiosk_up"] == 1 and values["kiosk_sessions_today"] == 42
    assert (
        values['kiosk_content_info{exhibit_group="hall-a",content_version="2026.12.01",program_version="0.1.0"}'] == 1
    )
    assert values['kiosk_display_state{state="closed"}'] == 1
    assert values['kiosk_display_state{state="on"}'] == 0 and values['kiosk_display_state{state="dark"}'] == 0
    assert values['kiosk_bundle_last_result{result="installed",bundle="hall.zip",version="2026.12.01"}'] == 1
    assert values["kiosk_errors_total"] == 3 and values["kiosk_self_restarts_total"] == 1
    assert values["kiosk_resident_memory_bytes"] == 209715200
    assert values["kiosk_metrics_written_timestamp_seconds"] == 1796000000.5


def test_the_frame_histogram_is_cumulative_and_skips_the_gaps_between_runs_of_drawing():
    values = samples(format_textfile(metrics()))
    # intervals 0.016, 0.017, 0.067 and (after the 2.9 s gap, not counted) 0.016
    assert values['kiosk_frame_interval_seconds_bucket{le="0.017"}'] == 3
    assert values['kiosk_frame_interval_seconds_bucket{le="0.05"}'] == 3
    assert values['kiosk_frame_interval_seconds_bucket{le="0.1"}'] == 4
    assert values['kiosk_frame_interval_seconds_bucket{le="+Inf"}'] == 4
    assert values["kiosk_frame_interval_seconds_count"] == 4
    assert values["kiosk_frame_interval_seconds_sum"] == pytest.approx(0.016 + 0.017 + 0.067 + 0.016)
    buckets = [v for k, v in values.items() if k.startswith("kiosk_frame_interval_seconds_bucket")]
    assert buckets == sorted(buckets) and len(buckets) == len(FRAME_BOUNDS_S) + 1


def test_nothing_measured_yet_still_gives_every_series():
    text = format_textfile(
        metrics(frames=FrameHistogram().snapshot(), bundle=None, last_touch_at=None, rss_bytes=None, up=False)
    )
    values = samples(text)
    assert values["kiosk_up"] == 0 and values["kiosk_last_touch_timestamp_seconds"] == 0
    assert math.isnan(values["kiosk_resident_memory_bytes"])
    assert values['kiosk_bundle_last_result{result="refused",bundle="",version=""}'] == 0
    assert values["kiosk_bundle_last_timestamp_seconds"] == 0
    assert values['kiosk_frame_interval_seconds_bucket{le="+Inf"}'] == 0


def test_label_values_are_escaped():
    assert label_value('a "b"\\c\nd') == '"a \\"b\\"\\\\c\\nd"'
    text = format_textfile(metrics(bundle=BundleOutcome('odd "name".zip', None, "refused", 1.0)))
    assert 'bundle="odd \\"name\\".zip",version=""} 1' in text
    samples(text)


def test_histogram_bounds_must_rise():
    with pytest.raises(ValueError):
        FrameHistogram((0.1, 0.05))


def test_sessions_are_counted_per_local_day_and_the_last_touch_kept():
    now = [datetime(2026, 12, 1, 23, 59)]
    counter = SessionCounter(lambda: now[0])
    counter.started()
    counter.started()
    counter.touched()
    assert counter.today() == 2 and counter.last_touch == datetime(2026, 12, 1, 23, 59)
    now[0] += timedelta(minutes=2)
    assert counter.today() == 0
    counter.started()
    assert counter.today() == 1
