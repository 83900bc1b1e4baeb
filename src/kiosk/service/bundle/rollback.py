"""Go back one release: ``current`` points at the newest kept release older than it."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.service.bundle.errors import BundleError
from kiosk.service.bundle.releases import (
    current_version,
    locked,
    previous_version,
    release_dir,
    switch_current,
    verify_release,
)

log = logging.getLogger(__name__)


def rollback(releases_dir: Path) -> tuple[str, str]:
    """Switch ``current`` to the previous release; returns (from, to). Raises BundleError when there is none."""
    releases_dir = Path(releases_dir)
    with locked(releases_dir):
        current = current_version(releases_dir)
        if current is None:
            raise BundleError(f"{releases_dir}: no current release; install a bundle first")
        previous = previous_version(releases_dir, current)
        if previous is None:
            raise BundleError(
                f"{releases_dir}: release {current} is the oldest one kept; there is nothing to go back to"
            )
        problems = verify_release(release_dir(releases_dir, previous))
        if problems:
            raise BundleError(f"{releases_dir}: release {previous} is damaged; current stays {current}", problems)
        switch_current(releases_dir, previous)
    log.info("%s: rolled back from %s to %s", releases_dir, current, previous)
    return current, previous
