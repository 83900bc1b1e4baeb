"""The freedesktop ScreenSaver inhibition over the session D-Bus (Qt's QtDBus), and the screen power of this machine.

While the exhibit is open it holds an ``Inhibit`` so a desktop session does not blank or lock the screen; outside
opening hours it gives it back (``UnInhibit``, and its private bus connection is closed, which every implementation
treats as giving back too). A missing bus or service is one log line; no call waits more than about 2 s.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Mapping

from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

from kiosk.service.screen_power import FailureNote, Mechanism, Runner, ScreenPower, Xset, run_command

_log = logging.getLogger(__name__)
SERVICE = INTERFACE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
CALL_TIMEOUT_MS = 2000
APPLICATION = "guangzhou-exhibit"
REASON = "the exhibit is open"
_connection_numbers = itertools.count(1)


class ScreenSaverInhibit:
    """``org.freedesktop.ScreenSaver.Inhibit`` while awake, given back for sleep and at exit.

    ``address`` is a D-Bus address (tests start their own bus); None is the session bus.
    """

    name = "D-Bus ScreenSaver"

    def __init__(self, address: str | None = None, timeout_ms: int = CALL_TIMEOUT_MS):
        self._address = address
        self._timeout_ms = timeout_ms
        self._note = FailureNote(self.name)
        self._connection_name: str | None = None
        self._cookie: tuple[str, int] | None = None  # (object path, cookie)
        self._missing_said = False

    def keep_awake(self) -> None:
        if self._cookie is not None:
            return
        bus = self._connect()
        if bus is None:
            return
        errors = []
        for path in PATHS:
            call = QDBusMessage.createMethodCall(SERVICE, path, INTERFACE, "Inhibit")
            call.setArguments([APPLICATION, REASON])
            reply = bus.call(call, QDBus.CallMode.Block, self._timeout_ms)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._cookie = (path, int(reply.arguments()[0]))
                self._note.worked()
                _log.info("screen power (%s): screen blanking inhibited", self.name)
                return
            errors.append((reply.errorName(), reply.errorMessage()))
        self._disconnect()
        if all(name == "org.freedesktop.DBus.Error.ServiceUnknown" for name, _ in errors):
            self._missing(f"no {SERVICE} service on the session bus")
        else:
            self._note.failed("Inhibit", "; ".join(f"{name}: {message}" for name, message in errors))

    def sleep(self) -> None:
        self.release()

    def release(self) -> None:
        if self._cookie is None or self._connection_name is None:
            return
        path, cookie = self._cookie
        bus = QDBusConnection(self._connection_name)
        interface = QDBusInterface(SERVICE, path, INTERFACE, bus)
        interface.setTimeout(self._timeout_ms)
        sent = interface.isValid() and QMetaObject.invokeMethod(
            interface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        )
        error = interface.lastError()
        if not sent or error.isValid():
            # Closing the connection below gives the inhibition back all the same.
            _log.debug("screen power (%s): UnInhibit: %s", self.name, error.message() or "not sent")
        self._cookie = None
        self._disconnect()
        _log.info("screen power (%s): screen blanking allowed again", self.name)

    def _connect(self) -> QDBusConnection | None:
        if self._connection_name is None:
            self._connection_name = f"kiosk-screensaver-{next(_connection_numbers)}"
            if self._address is None:
                QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, self._connection_name)
            else:
                QDBusConnection.connectToBus(self._address, self._connection_name)
        bus = QDBusConnection(self._connection_name)
        if bus.isConnected():
            return bus
        reason = bus.lastError().message() or "not connected"
        self._disconnect()
        self._missing(f"no session D-Bus ({reason})")
        return None

    def _disconnect(self) -> None:
        if self._connection_name is not None:
            QDBusConnection.disconnectFromBus(self._connection_name)
            self._connection_name = None

    def _missing(self, what: str) -> None:
        if not self._missing_said:
            self._missing_said = True
            _log.info("screen power (%s): %s; not used", self.name, what)


def screen_power(
    environ: Mapping[str, str] | None = None, *, runner: Runner = run_command, dbus_address: str | None = None
) -> ScreenPower:
    """The screen power of this machine: ``xset`` in an X11 session and the D-Bus ScreenSaver inhibition."""
    environ = os.environ if environ is None else environ
    mechanisms: list[Mechanism] = []
    xset = Xset.find(environ, runner)
    if xset is not None:
        mechanisms.append(xset)
    mechanisms.append(ScreenSaverInhibit(dbus_address))  # says itself, once, when there is no bus or service
    return ScreenPower(mechanisms)
