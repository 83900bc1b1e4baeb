"""Bundle versions: which names are allowed, the default one (UTC time), and natural ordering."""

from __future__ import annotations

import re
from datetime import UTC, datetime

VERSION_PATTERN = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}")
_RUNS = re.compile(r"(\d+)")


def version_problem(version: str) -> str | None:
    """Why ``version`` cannot name a release, or None when it can."""
    if VERSION_PATTERN.fullmatch(version):
        return None
    return (
        f"'{version}' is not a usable version: use 1 to 64 letters, digits, '.', '_' or '-', "
        "starting with a letter or digit (for example 2026.12.1)"
    )


def version_key(version: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Sort key with digit runs compared as numbers: ``2026.12.1`` < ``2026.12.2`` < ``2026.12.10``."""
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in _RUNS.split(version) if p)
    return parts, version


def is_newer(version: str, than: str | None) -> bool:
    return than is None or version_key(version) > version_key(than)


def is_older(version: str, than: str | None) -> bool:
    return than is not None and version_key(version) < version_key(than)


def default_version(now: datetime | None = None) -> str:
    """The UTC time as ``YYYY.MM.DD-HHMMSS``."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y.%m.%d-%H%M%S")
