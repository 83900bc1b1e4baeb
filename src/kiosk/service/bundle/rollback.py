"""Go back one release: ``current`` points again at the release that was on screen before it, by the installation
history (``history.py``), whatever the version strings. Releases the history never saw (made by an older program)
are gone back through by version order, as before the history was kept."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.history import effective_stack, read_history, record_switch
from kiosk.service.bundle.releases import (
    current_version,
    locked,
    older_by_version,
    release_dir,
    switch_current,
    verify_release,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    version: str
    by_history: bool  # False: found by version order (no history of it)


def rollback_target(releases_dir: Path, current: str) -> Target | None:
    """Where a rollback from ``current`` goes: the latest release before it on the history's stack that is still
    installed (a history one switch behind, or a pruned entry, just moves the search on); else the newest release
    older by version that the history never saw; None when there is neither."""
    releases_dir = Path(releases_dir)
    switches = read_history(releases_dir) or []
    stack = effective_stack(switches, current)
    for version in reversed(stack[:-1]):
        if version != current and release_dir(releases_dir, version).is_dir():
            return Target(version, True)
    known = {s.version for s in switches}
    older = [v for v in older_by_version(releases_dir, current) if v not in known]
    return Target(older[0], False) if older else None


def rollback(releases_dir: Path) -> tuple[str, str]:
    """Switch ``current`` to the previous release; returns (from, to). Raises BundleError when there is none."""
    releases_dir = Path(releases_dir)
    with locked(releases_dir):
        current = current_version(releases_dir)
        if current is None:
            raise BundleError(f"{releases_dir}: no current release; install a bundle first")
        target = rollback_target(releases_dir, current)
        if target is None:
            raise BundleError(
                f"{releases_dir}: release {current} is the oldest one kept (by the installation history); "
                "there is nothing to go back to"
            )
        if not target.by_history:
            log.info(
                "%s: no release before %s in the installation history (releases from before it was kept): "
                "going back by version order, to %s",
                releases_dir,
                current,
                target.version,
            )
        problems = verify_release(release_dir(releases_dir, target.version))
        if problems:
            raise BundleError(f"{releases_dir}: release {target.version} is damaged; current stays {current}", problems)
        switch_current(releases_dir, target.version)
        try:
            record_switch(releases_dir, target.version, "rollback", before=current)
        except OSError as exc:  # the rollback itself has succeeded; the next switch records it as found
            log.warning("%s: the installation history could not be written (%s)", releases_dir, exc)
    log.info("%s: rolled back from %s to %s", releases_dir, current, target.version)
    return current, target.version
