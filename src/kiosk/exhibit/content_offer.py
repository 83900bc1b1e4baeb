"""New content waiting for the right moment: never under a visitor mid-story, but at the next return to Home or the
attract loop (pure Python).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.model import Content
from kiosk.exhibit.navigation import Attract, Home, Screen


@dataclass(frozen=True)
class Offered:
    content: Content
    content_dir: Path | None


def is_adoption_point(screen: Screen) -> bool:
    """The screens at which waiting content is taken: nobody is in the middle of something there."""
    return isinstance(screen, (Attract, Home))


class ContentOffer:
    """Holds the latest offered content until :meth:`take` hands it over (once)."""

    def __init__(self) -> None:
        self._offered: Offered | None = None

    @property
    def pending(self) -> Offered | None:
        return self._offered

    def offer(self, content: Content, content_dir: Path | None) -> None:
        """Wait with ``content``; a later offer replaces an earlier one that was not taken yet."""
        self._offered = Offered(content, content_dir)

    def take(self) -> Offered | None:
        offered, self._offered = self._offered, None
        return offered
