"""The one error of the bundle commands: a message for the operator, with every problem found."""

from __future__ import annotations


class BundleError(Exception):
    """A bundle cannot be made, checked or installed. ``str()`` is the message for people, one problem a line."""

    def __init__(self, message: str, problems: list[str] | None = None):
        self.message = message
        self.problems = list(problems or [])
        super().__init__(message)

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  {p}" for p in self.problems)])


class BundleBusy(BundleError):
    """Another install or rollback holds the releases folder: try again later (nothing is wrong with the bundle)."""
