"""The installation history: ``history.json`` in the releases folder, one entry per switch of ``current`` (install,
rollback) with the version and the UTC time. Rollback, pruning and ``kiosk bundle list`` follow it, because the
order releases were on screen is not the order of their version strings (an older-numbered bundle can be installed
on purpose).

The ``current`` link stays the truth: the history is written just after each switch, so a kill between the two
leaves a history one switch behind. Readers add the missing switch (``effective_stack``), and the next write records
it (as ``found``) before its own."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.atomic_file import replace_file
from kiosk.safe_read import MAX_STATE_BYTES, FileRefused, read_regular
from kiosk.service.bundle.version import version_problem

log = logging.getLogger(__name__)

HISTORY_NAME = "history.json"
MAX_ENTRIES = 500  # years of updates; the oldest entries go first
HOWS = (
    "install",
    "rollback",
    "found",
)  # found: current pointed there without a recorded switch (a kill, an old program)


@dataclass(frozen=True)
class Switch:
    version: str
    utc: str  # ISO 8601, e.g. 2026-12-01T09:30:00Z
    how: str  # one of HOWS


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_history(releases_dir: Path) -> list[Switch] | None:
    """The recorded switches, oldest first; None when there is no history (releases made by an older program).
    Unreadable entries are skipped with a log line: a damaged history must not stop a rollback."""
    path = Path(releases_dir) / HISTORY_NAME
    try:
        data = json.loads(read_regular(path, MAX_STATE_BYTES))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, FileRefused) as exc:
        log.warning("%s: unreadable (%s); going by version order instead", path, exc)
        return None
    raw = data.get("switches") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        log.warning("%s: not an installation history; going by version order instead", path)
        return None
    switches = [
        Switch(item["version"], item["utc"], item["how"])
        for item in raw
        if isinstance(item, dict)
        and isinstance(item.get("version"), str)
        and not version_problem(item["version"])
        and isinstance(item.get("utc"), str)
        and item.get("how") in HOWS
    ]
    if len(switches) != len(raw):
        log.warning("%s: %d entries unreadable, skipped", path, len(raw) - len(switches))
    return switches


def on_screen_stack(switches: list[Switch]) -> list[str]:
    """The releases as they replaced each other on screen, the current one last. A rollback takes the stack back
    to its target (so a second rollback goes further back, not forth again); an install or a found switch puts a
    release on top."""
    stack: list[str] = []
    for switch in switches:
        if switch.how == "rollback":
            if switch.version in stack:
                while stack[-1] != switch.version:
                    stack.pop()
                continue
            if stack:
                stack.pop()
        if not stack or stack[-1] != switch.version:
            stack.append(switch.version)
    return stack


def effective_stack(switches: list[Switch], current: str | None) -> list[str]:
    """The stack with the switch a kill kept from being recorded: ``current`` on top."""
    stack = on_screen_stack(switches)
    if current is not None and (not stack or stack[-1] != current):
        stack.append(current)
    return stack


def record_switch(releases_dir: Path, version: str, how: str, before: str | None) -> None:
    """Add the switch from ``before`` to ``version`` (just made) to the history: written whole and renamed over the
    old one (``replace_file``, fsynced), so a kill leaves the old history or the new one. Raises OSError."""
    releases_dir = Path(releases_dir)
    switches = read_history(releases_dir) or []
    now = utc_now()
    if before is not None and effective_stack(switches, None)[-1:] != [before]:
        switches.append(Switch(before, now, "found"))
    switches.append(Switch(version, now, how))
    data = {"format": 1, "switches": [vars(s) for s in switches[-MAX_ENTRIES:]]}
    replace_file(releases_dir / HISTORY_NAME, json.dumps(data, indent=1) + "\n", durable=True)


def last_shown(switches: list[Switch]) -> dict[str, tuple[int, Switch]]:
    """Each release's last switch to it: (its place in the history, the switch)."""
    return {switch.version: (index, switch) for index, switch in enumerate(switches)}
