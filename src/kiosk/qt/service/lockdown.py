"""Kiosk-mode lock-down: no key closes, minimises or leaves the exhibit, close requests are refused, and the
window comes back to the front, full-screen, if something takes it away.

Only what reaches Qt can be refused: a window manager or the system may act on Alt+Tab or Ctrl+Alt+Del before
Qt sees them (the kiosk session runs without one). Every refusal is logged, once per kind within
``log_every_s``. :meth:`LockDown.release` (the operator's "exit") lifts it all so the application can close.

The application's own quit (``QApplication.quit()``: SIGTERM, the operator's Exit) releases the lock-down first, or
the window would refuse the close that quitting asks of it; keys and the window manager never quit the application.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.qt.foundations.timers import named_timer

_log = logging.getLogger(__name__)

LOG_EVERY_S = 60.0
RESTORE_EVERY_S = 0.5  # at most two restores a second when something keeps taking the window away

_KEY_EVENTS = frozenset((QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease))
_WINDOW_EVENTS = frozenset(
    (QEvent.Type.Close, QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.WindowDeactivate)
)
# What another X client can do to the window behind Qt's back (unmap, resize, move): Qt only hears of it.
_GEOMETRY_EVENTS = frozenset((QEvent.Type.Resize, QEvent.Type.Move))
_WATCHED = _KEY_EVENTS | _WINDOW_EVENTS | _GEOMETRY_EVENTS | {QEvent.Type.Quit, QEvent.Type.Expose}

K, M = Qt.Key, Qt.KeyboardModifier
_MODIFIERS = M.ShiftModifier | M.ControlModifier | M.AltModifier | M.MetaModifier
_META_KEYS = frozenset((K.Key_Meta, K.Key_Super_L, K.Key_Super_R, K.Key_Hyper_L, K.Key_Hyper_R))
# (key, the modifiers it needs) → the name it is logged under; Shift does not matter. Keyed by int, as
# QKeyEvent.key() gives it (Qt.Key is an IntEnum, so its members find the same entries).
_REFUSED: dict[tuple[int, int], str] = {
    (K.Key_F4, M.AltModifier.value): "Alt+F4",
    (K.Key_Q, M.ControlModifier.value): "Ctrl+Q",
    (K.Key_W, M.ControlModifier.value): "Ctrl+W",
    (K.Key_F4, M.ControlModifier.value): "Ctrl+F4",
    (K.Key_M, M.ControlModifier.value): "Ctrl+M",
    (K.Key_Space, M.AltModifier.value): "Alt+Space",
    (K.Key_Tab, M.AltModifier.value): "Alt+Tab",
    (K.Key_Backtab, M.AltModifier.value): "Alt+Tab",
    (K.Key_Delete, (M.ControlModifier | M.AltModifier).value): "Ctrl+Alt+Del",
}
_ANY_MODIFIERS: dict[int, str] = {K.Key_Escape: "Esc", K.Key_F11: "F11"}


def refused_combination(key: int, modifiers: Qt.KeyboardModifier) -> str | None:
    """The name of the refused combination ``key`` + ``modifiers`` makes, or None for a harmless key."""
    if key in _META_KEYS or modifiers & M.MetaModifier:
        return "Meta/Super"
    if key in _ANY_MODIFIERS:
        return _ANY_MODIFIERS[key]
    held = (modifiers & _MODIFIERS & ~M.ShiftModifier).value
    return _REFUSED.get((key, held))


class LockDown(QObject):
    """Application-wide event filter that keeps ``window`` closed to keys, full-screen and in front."""

    def __init__(
        self,
        window: QWidget,
        clock: Callable[[], float],
        log_every_s: float = LOG_EVERY_S,
        restore_every_s: float = RESTORE_EVERY_S,
    ):
        super().__init__(window)  # dies with the window; Qt then drops the filter by itself
        self._window = window
        self._clock = clock
        self._log_every_s = log_every_s
        self._restore_every_s = restore_every_s
        self._logged: dict[str, float] = {}
        self._installed = False
        self._released = False
        self._next_restore = -float("inf")
        self._was_exposed = False
        self._restoring = False  # the window's own events while restore() changes it are not taken as attacks
        self.restore_timer = named_timer(self, "lockdown_restore_timer", self.restore, single_shot=True)
        # Wayland: Qt is not always told that another window took the front (it may hear nothing at all); look.
        self._had_front = False
        self.front_timer = named_timer(
            self, "lockdown_front_timer", self._check_front, single_shot=False, interval_ms=int(restore_every_s * 1000)
        )

    @property
    def released(self) -> bool:
        return self._released

    def install(self) -> None:
        """Start refusing (once the window is shown full-screen)."""
        if self._installed or self._released:
            return
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("the lock-down needs a QApplication")
        app.installEventFilter(self)
        self._installed = True
        handle = self._window.windowHandle()
        self._was_exposed = handle is not None and handle.isExposed()
        screen = self._window.screen()
        screen.geometryChanged.connect(self._screen_changed)  # a new resolution, or the screen plugged back
        if QGuiApplication.platformName().startswith("wayland"):
            self.front_timer.start()
        _log.info("kiosk lock-down on: closing keys and close requests are refused")

    def release(self) -> None:
        """Stop refusing: the window may close, leave full screen, or be minimised from now on."""
        if self._released:
            return
        self._released = True
        self.restore_timer.stop()
        self.front_timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        _log.info("kiosk lock-down released: the exhibit may close")

    # The filter --------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or self._released:
            return False
        if kind in _KEY_EVENTS:
            return isinstance(event, QKeyEvent) and self._on_key(event)
        if kind == QEvent.Type.Quit:
            if isinstance(watched, QCoreApplication):  # the application itself, not a window
                _log.info("the application is quitting")
                self.release()
            return False
        if self._restoring:
            return False
        if kind == QEvent.Type.Expose:
            self._on_expose(watched)
            return False
        if watched is not self._window:
            return False
        if kind in _GEOMETRY_EVENTS:
            if self._checks_geometry() and self._window.geometry() != self._window.screen().geometry():
                self._take_back("the window was moved or resized")
            return False
        if kind == QEvent.Type.Close:
            event.ignore()
            self._note(
                "close",
                "kiosk lock-down: a request to close the exhibit was refused "
                "(only the operator panel's Exit closes it)",
            )
            return True
        if kind == QEvent.Type.WindowStateChange:
            if self._window.isMinimized() or not self._window.isFullScreen():
                self._take_back(
                    "the window left full screen" if not self._window.isMinimized() else "the window was minimised"
                )
        elif kind == QEvent.Type.Hide:
            self._take_back("the window was hidden")
        elif kind == QEvent.Type.WindowDeactivate:
            self._take_back("another window took the front")
        return False

    def _on_expose(self, watched: QObject) -> None:
        handle = self._window.windowHandle()
        if handle is None or watched is not handle:
            return
        if handle.isExposed():
            self._was_exposed = True
        elif self._was_exposed and self._window.isVisible() and not self._window.isMinimized():
            self._take_back("the window was unmapped")

    def _check_front(self) -> None:
        """Once the window has had the front, losing it is taken back once (never a remap every half second
        under a compositor that does not tell a window it is active)."""
        if self._window.isActiveWindow():
            self._had_front = True
        elif self._had_front and self._window.isVisible() and not self.restore_timer.isActive():
            self._had_front = False
            self._take_back("another window took the front")

    def _screen_changed(self) -> None:
        if not self._released:
            self._take_back("the screen changed")

    @staticmethod
    def _checks_geometry() -> bool:
        """Only under X11 do other clients place the window; Wayland compositors and offscreen tests place it as
        they must."""
        return QGuiApplication.platformName() == "xcb"

    def _on_key(self, event: QKeyEvent) -> bool:
        name = refused_combination(event.key(), event.modifiers())
        if name is None:
            return False
        if event.type() == QEvent.Type.KeyPress or event.type() == QEvent.Type.ShortcutOverride:
            self._note(f"key {name}", f"kiosk lock-down: refused {name}")
        # An accepted ShortcutOverride tells Qt no shortcut may act on these keys; the key press then stops here.
        event.accept()
        return True

    def _note(self, what: str, message: str) -> None:
        now = self._clock()
        last = self._logged.get(what)
        if last is None or now - last >= self._log_every_s:
            self._logged[what] = now
            _log.warning(message)

    # Back to the front, full screen ---------------------------------------------------------------------------
    def _take_back(self, reason: str) -> None:
        self._note(f"window {reason}", f"kiosk lock-down: {reason}; back to full screen in front")
        if not self.restore_timer.isActive():
            self.restore_timer.start(0)  # on the next turn of the event loop, after Qt has finished the change

    def restore(self) -> None:
        """Full screen, raised and active again (the restore timer's slot; rate-limited)."""
        if self._released:
            return
        wait = self._next_restore - self._clock()
        if wait > 0:
            self.restore_timer.start(max(1, int(wait * 1000) + 1))
            return
        self._next_restore = self._clock() + self._restore_every_s
        self._restoring = True
        try:
            self._bring_back()
        finally:
            self._restoring = False

    def _bring_back(self) -> None:
        window = self._window
        handle = window.windowHandle()
        platform = QGuiApplication.platformName()
        if handle is not None and self._was_exposed and window.isVisible() and not handle.isExposed():
            window.hide()  # unmapped by another client: Qt still thinks it is shown, so show it afresh
        elif platform.startswith("wayland") and window.isVisible() and not window.isActiveWindow():
            # Covered by another client's window. A Wayland client cannot raise or activate its own window
            # (activation needs the compositor's xdg-activation, which Debian 12's cage 0.1.4 lacks); a kiosk
            # compositor puts the window mapped last in front and gives it the focus: map it afresh.
            window.hide()
        if self._checks_geometry() and window.geometry() != window.screen().geometry():
            window.setGeometry(window.screen().geometry())  # a bare X server keeps no full-screen promise
        if window.isMinimized() or not window.isFullScreen() or not window.isVisible():
            window.showFullScreen()
        if platform.startswith("wayland"):
            return  # raise() and activateWindow() would only warn that Wayland does not support them
        if platform != "offscreen":  # no stacking there (and it warns about raise())
            window.raise_()
        window.activateWindow()


def install_lockdown(window: QWidget, clock: Callable[[], float]) -> LockDown:
    """Lock ``window`` down (kiosk mode only; a windowed run has none). Keep the result to release it."""
    lockdown = LockDown(window, clock)
    lockdown.install()
    return lockdown
