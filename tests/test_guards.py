"""The guards of tests/guards.py bite: run in a separate pytest, a test that logs an unasked-for warning fails, and a
GUI test that leaves a timer running fails; the markers that say it is meant let them pass."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest_plugins = ["pytester"]

CONFTEST = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from tests.conftest import _no_leftover_timers, _no_unexpected_log_warnings  # the project's own guards
"""

INI = """
[pytest]
markers =
    log_warnings(reason): expects warnings
    leaves_timers(reason): leaves timers
qt_api = pyside6
"""


@pytest.fixture
def inner(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST)
    pytester.makeini(INI)
    return pytester


def test_an_unasked_for_warning_fails_the_test(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        """
        import logging
        import pytest

        def test_quiet():
            logging.getLogger("kiosk.somewhere").info("fine")

        def test_warns():
            logging.getLogger("kiosk.somewhere").warning("something is off")

        @pytest.mark.log_warnings("it is meant")
        def test_warns_on_purpose():
            logging.getLogger("kiosk.somewhere").warning("something is off")

        def test_looks_at_its_own_logs(caplog):
            logging.getLogger("kiosk.somewhere").warning("something is off")
            assert "off" in caplog.text

        def test_other_loggers_are_not_ours():
            logging.getLogger("somebody.else").warning("not ours")
        """
    )
    result = inner.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5, errors=1)  # the guard fails test_warns at its teardown
    result.stdout.fnmatch_lines(["*unexpected warnings from the kiosk loggers*", "*something is off*"])


def test_a_timer_left_running_fails_a_gui_test(inner: pytest.Pytester) -> None:
    inner.makepyfile(
        """
        import pytest
        from PySide6.QtCore import QTimer

        def test_stops_its_timer(qapp):
            timer = QTimer(qapp)
            timer.start(1000)
            timer.stop()

        def test_leaves_a_timer(qapp):
            timer = QTimer(qapp)
            timer.setObjectName("forgotten")
            timer.start(1000)

        @pytest.mark.leaves_timers("it is meant")
        def test_leaves_a_timer_on_purpose(qapp):
            QTimer(qapp).start(1000)
        """
    )
    result = inner.runpytest_subprocess("-p", "no:cacheprovider")
    # the one left on purpose is still running when the next test ends: only the first leak is counted
    result.stdout.fnmatch_lines(["*left timers or animations running*", "*QTimer forgotten*"])
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) >= 2 and outcomes.get("errors", 0) >= 1
