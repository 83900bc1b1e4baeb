"""Screen power: the exact xset commands (through a fake runner), the D-Bus ScreenSaver inhibition against a fake
service on a private bus, and one log line, never an exception, for each mechanism missing or failing."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence

import pytest

from kiosk.qt.service.screensaver import ScreenSaverInhibit, screen_power
from kiosk.service.screen_power import Ran, ScreenPower, Xset

pytestmark = pytest.mark.gui

X = "xset"


class FakeRunner:
    def __init__(self, results: Sequence[object] = ()):
        self.commands: list[list[str]] = []
        self.timeouts: list[float] = []
        self._results = list(results)

    def __call__(self, args: Sequence[str], timeout_s: float) -> Ran:
        self.commands.append(list(args))
        self.timeouts.append(timeout_s)
        result = self._results.pop(0) if self._results else Ran(0)
        if isinstance(result, BaseException):
            raise result
        assert isinstance(result, Ran)
        return result


def lines(caplog: pytest.LogCaptureFixture, level: int = logging.INFO) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= level and "screen power" in r.getMessage()]


def test_xset_commands_for_awake_sleep_and_waking_again():
    runner = FakeRunner()
    xset = Xset(X, runner)
    xset.keep_awake()
    assert runner.commands == [[X, "s", "off", "s", "noblank", "-dpms"]]
    runner.commands.clear()
    xset.sleep()
    assert runner.commands == [[X, "dpms", "force", "off"]]
    runner.commands.clear()
    xset.keep_awake()
    assert runner.commands == [[X, "dpms", "force", "on"], [X, "s", "reset"], [X, "s", "off", "s", "noblank", "-dpms"]]
    assert set(runner.timeouts) == {2.0}


def test_xset_is_used_only_with_a_display_and_the_program(caplog):
    caplog.set_level(logging.INFO)
    runner = FakeRunner()
    assert Xset.find({}, runner, which=lambda name: X) is None
    assert lines(caplog) == ["screen power: no X11 display (DISPLAY is not set); xset is not used"]
    caplog.clear()
    assert Xset.find({"DISPLAY": ":0"}, runner, which=lambda name: None) is None
    assert len(lines(caplog)) == 1 and "xset program is not installed" in lines(caplog)[0]
    found = Xset.find({"DISPLAY": ":0"}, runner, which=lambda name: X)
    assert isinstance(found, Xset) and found.program == X
    assert runner.commands == []


@pytest.mark.parametrize(
    "failure",
    [Ran(1, 'unable to open display ":0"'), FileNotFoundError(2, "No such file"), subprocess.TimeoutExpired([X], 2.0)],
)
def test_a_failing_xset_logs_one_line_per_failure_and_never_raises(caplog, failure):
    caplog.set_level(logging.INFO)
    runner = FakeRunner([failure, failure, failure])
    xset = Xset(X, runner)
    xset.keep_awake()
    xset.sleep()
    xset.keep_awake()
    warnings = lines(caplog, logging.WARNING)
    assert len(warnings) == 1 and "keeping the screen awake failed" in warnings[0]
    xset.keep_awake()  # works again: said once, and the next failure is news again
    runner._results = [failure]
    xset.sleep()
    assert len(lines(caplog, logging.WARNING)) == 2
    assert any("works again" in line for line in lines(caplog))


@pytest.mark.log_warnings("a failed xset is logged once")
def test_a_failed_sleep_is_not_taken_for_sleep():
    runner = FakeRunner([Ran(1)])
    xset = Xset(X, runner)
    xset.sleep()
    runner.commands.clear()
    xset.keep_awake()
    assert runner.commands == [[X, "s", "off", "s", "noblank", "-dpms"]]  # no "force on" for a display still on


class Broken:
    name = "broken"

    def keep_awake(self) -> None:
        raise RuntimeError("boom")

    sleep = release = keep_awake


def test_one_mechanism_blowing_up_does_not_stop_the_others(caplog):
    runner = FakeRunner()
    power = ScreenPower([Broken(), Xset(X, runner)])
    power.keep_awake()
    power.sleep()
    power.release()
    assert [c[1:] for c in runner.commands] == [["s", "off", "s", "noblank", "-dpms"], ["dpms", "force", "off"]]
    assert sum("broken" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR) == 3


def test_no_mechanism_at_all_is_said_once(caplog):
    caplog.set_level(logging.INFO)
    ScreenPower([]).keep_awake()
    assert len(lines(caplog)) == 1


# --- D-Bus -------------------------------------------------------------------------------------------------------


def test_no_session_bus_is_one_line_and_no_exception(qapp, caplog, tmp_path):
    caplog.set_level(logging.INFO)
    inhibit = ScreenSaverInhibit(f"unix:path={tmp_path}/no-bus-here")
    for _ in range(3):
        inhibit.keep_awake()
        inhibit.sleep()
        inhibit.release()
    said = lines(caplog)
    assert len(said) == 1 and "no session D-Bus" in said[0]


def test_the_machine_s_screen_power_without_x11(qapp, caplog, tmp_path):
    caplog.set_level(logging.INFO)
    power = screen_power({}, runner=FakeRunner(), dbus_address=f"unix:path={tmp_path}/none")
    assert [m.name for m in power.mechanisms] == ["D-Bus ScreenSaver"]
    power.keep_awake()
    power.sleep()
    assert len(lines(caplog)) == 2  # "no X11 display" and "no session D-Bus"


FAKE_SCREENSAVER = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

class ScreenSaver(QObject):
    cookie = 41

    @Slot(str, str, result="uint")
    def Inhibit(self, application, reason):
        ScreenSaver.cookie += 1
        print("Inhibit", application, "|", reason, ScreenSaver.cookie, flush=True)
        return ScreenSaver.cookie

    @Slot("uint")
    def UnInhibit(self, cookie):
        print("UnInhibit", cookie, flush=True)

app = QCoreApplication([])
bus = QDBusConnection.connectToBus(sys.argv[1], "fake")
saver = ScreenSaver()
bus.registerObject(sys.argv[2], "org.freedesktop.ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots)
print("ready", bus.registerService("org.freedesktop.ScreenSaver"), flush=True)
app.exec()
"""


@pytest.fixture
def private_bus() -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert daemon.stdout is not None
        yield daemon.stdout.readline().strip()
    finally:
        daemon.terminate()
        daemon.communicate(timeout=5)  # waits, and closes its pipe


@pytest.fixture
def fake_screensaver(private_bus: str):
    started: list[subprocess.Popen] = []

    def start(path: str) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-c", FAKE_SCREENSAVER, private_bus, path],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready True"
        return process

    yield start
    for process in started:
        process.kill()
        process.communicate(timeout=5)  # waits, and closes its pipe


def said_by(process: subprocess.Popen) -> list[str]:
    process.terminate()
    out, _ = process.communicate(timeout=5)
    return out.splitlines()


@pytest.mark.parametrize("path", ["/org/freedesktop/ScreenSaver", "/ScreenSaver"])
def test_inhibit_while_awake_and_uninhibit_the_same_cookie_for_sleep(qapp, private_bus, fake_screensaver, path):
    service = fake_screensaver(path)
    inhibit = ScreenSaverInhibit(private_bus)
    inhibit.keep_awake()
    inhibit.keep_awake()  # already held: not asked twice
    inhibit.sleep()
    inhibit.keep_awake()
    inhibit.release()
    assert said_by(service) == [
        "Inhibit guangzhou-exhibit | the exhibit is open 42",
        "UnInhibit 42",
        "Inhibit guangzhou-exhibit | the exhibit is open 43",
        "UnInhibit 43",
    ]


def test_a_bus_without_the_service_is_one_line(qapp, private_bus, caplog):
    caplog.set_level(logging.INFO)
    inhibit = ScreenSaverInhibit(private_bus)
    inhibit.keep_awake()
    inhibit.keep_awake()
    said = lines(caplog)
    assert len(said) == 1 and "no org.freedesktop.ScreenSaver service on the session bus" in said[0]
