"""``kiosk bundle …`` commands (filled in with the bundle support)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``bundle`` command to the ``kiosk`` parser."""
