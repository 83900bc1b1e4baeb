"""Errors a content editor or operator reads: where, what, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, printed as ``file:line:column: key.path: message (hint)``.

    ``line`` and ``column`` are 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    column: int
    key_path: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        key = f" {self.key_path}:" if self.key_path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{key} {self.message}{hint}"


class ContentInvalid(Exception):
    """Raised when content cannot be used; carries every error found, not just the first."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__(f"{len(self.errors)} content error(s)")


def display_path(path: Path) -> str:
    """A path as an editor would type it: relative to the working folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
