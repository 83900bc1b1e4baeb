"""packaging/monitoring and packaging/ansible agree with the program: every kiosk_ metric the alert rules read is one
the health file has, every alert has a heading in the operator guide, and the Ansible role's settings template only
uses keys the settings file knows. (promtool checks and tests the rules themselves: packaging/fleet-check.)"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kiosk.service.fleet.frames import FrameHistogram
from kiosk.service.fleet.metrics import ExhibitMetrics, format_textfile
from kiosk.settings.model import section_types

ROOT = Path(__file__).resolve().parents[2]
MONITORING = ROOT / "packaging" / "monitoring"
TEMPLATE = ROOT / "packaging" / "ansible" / "roles" / "exhibit" / "templates" / "kiosk.yaml.j2"


def health_file_names() -> set[str]:
    text = format_textfile(
        ExhibitMetrics(
            True, 1.0, 1.0, "g", "v", "p", None, 0, FrameHistogram().snapshot(), 0, 0, None, "on", True, None
        )
    )
    return {re.split(r"[{ ]", line, maxsplit=1)[0] for line in text.splitlines() if not line.startswith("#")}


def rules() -> list[dict[str, str]]:
    data = yaml.safe_load((MONITORING / "exhibit-alerts.yml").read_text(encoding="utf-8"))
    return [rule for group in data["groups"] for rule in group["rules"]]


def test_the_rules_read_only_metrics_the_health_file_has():
    known = health_file_names()
    assert {"kiosk_up", "kiosk_frame_interval_seconds_bucket", "kiosk_display_state"} <= known
    used = {name for rule in rules() for name in re.findall(r"\bkiosk_[a-z_]+", rule["expr"])}
    assert used and used <= known, sorted(used - known)


def test_every_alert_is_explained_in_the_operator_guide():
    guide = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    alerts = [rule["alert"] for rule in rules() if "alert" in rule]
    assert len(alerts) >= 5
    missing = [name for name in alerts if not re.search(rf"^#+ .*`{name}`", guide, re.MULTILINE)]
    assert missing == []


def test_the_ansible_template_writes_only_known_settings():
    sections = section_types()
    section = None
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "{%")) or not line.strip():
            continue
        if not line.startswith(" "):
            section = line.rstrip(":")
            assert section in sections, section
        elif not line.lstrip().startswith("{%"):
            key = line.strip().split(":", 1)[0]
            assert section is not None and (key in sections[section].model_fields or key == "{{ day }}"), (section, key)
