"""Shared test setup: Qt runs offscreen and pyqtgraph uses PySide6; no test needs a display."""

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from hypothesis import HealthCheck, settings

from . import guards

# These machines are shared and noisy: generated examples are checked on what they find, never on how fast they
# were made (a slow minute would otherwise fail a property test with a "too slow" health check).
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
settings.load_profile("shared-machine")


@pytest.fixture(autouse=True)
def _no_unexpected_log_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """A WARNING from the kiosk loggers fails a test that did not ask for it (see tests/guards.py)."""
    yield from guards.unexpected_log_warnings(request)


@pytest.fixture(autouse=True)
def _no_leftover_timers(request: pytest.FixtureRequest) -> Iterator[None]:
    """A GUI test may not leave a QTimer or an animation running (see tests/guards.py). Autouse fixtures are set up
    first, so this one is torn down after pytest-qt has closed the test's widgets."""
    yield from guards.no_leftover_timers(request)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Take the Qt side down while Python is still whole: close every window, run the deferred deletions and let
    the garbage collector free what refers to Qt objects, then shut the application down. Left to the interpreter's
    own exit, the order in which Python and Qt free their halves of an object is chance, and about one run in four
    ended in a segmentation fault after every test had passed."""
    guards.shut_qt_down()
