"""Operator access on the real exhibit: the corner gesture, the PIN pad (right, wrong, lock-out, timeout), the
panel's buttons, and the exhibit beneath held while it is open. Time runs on the harness's hand-driven clock."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QPointF

from kiosk.exhibit.navigation import Attract, Home, PillarPage
from kiosk.qt.staff.access import OperatorAccess, OperatorSettings, install_operator_access
from kiosk.qt.staff.panel import OperatorPanel
from kiosk.qt.staff.pin_pad import PinPad
from kiosk.qt.staff.touch_test import TouchDiagnostics
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.text_block import TextBlock
from kiosk.staff.content_status import ContentStatus, StoryReads, VisitorSummary
from kiosk.staff.pin_hash import hash_pin

from ..exhibit_fixtures import LANDSCAPE, MIN_TARGET_PX, PORTRAIT, Harness, Pointer, awake

pytestmark = pytest.mark.gui

PIN = "2580"
SETTINGS = OperatorSettings(pin_hash=hash_pin(PIN, salt=b"\7" * 16))


@dataclass
class FakeActions:
    """The application's side, recorded."""

    errors: tuple[str, ...] = ("pillars/industry.yaml:12:5: cards.0.title.en: is empty (write the text)",)
    calls: list[str] = field(default_factory=list)
    visitors: VisitorSummary | None = None

    def exit_exhibit(self) -> None:
        self.calls.append("exit")

    def reload_content(self) -> None:
        self.calls.append("reload")
        self.errors = ()

    def content_status(self) -> ContentStatus:
        return ContentStatus("content", "2026-11-27.2", "2026-11-28 09:12", self.errors, None)

    def visitor_summary(self) -> VisitorSummary | None:
        return self.visitors


@pytest.fixture
def actions() -> FakeActions:
    return FakeActions()


@pytest.fixture
def access(harness: Harness, actions: FakeActions) -> OperatorAccess:
    return install_operator_access(harness.controller, harness.stage, SETTINGS, actions, harness.clock)


def corner_points(harness: Harness) -> list[QPointF]:
    size = harness.stage.logical_size()
    w, h = size.width(), size.height()
    return [QPointF(8, 8), QPointF(w - 8, 8), QPointF(w - 8, h - 8), QPointF(8, h - 8)]


def four_corners(harness: Harness, pointer: Pointer, order=(0, 1, 2, 3), step_s: float = 1.0) -> None:
    points = corner_points(harness)
    for i in order:
        pointer.tap(points[i])
        harness.clock.advance(step_s)


def type_pin(harness: Harness, pointer: Pointer, digits: str) -> None:
    for digit in digits:
        pointer.tap(f"pin-key-{digit}")
    pointer.tap("pin-ok")


def pad(access: OperatorAccess) -> PinPad:
    assert isinstance(access.overlay, PinPad), access.showing
    return access.overlay


def test_corners_then_the_right_pin_open_the_panel(
    harness: Harness, pointer: Pointer, access: OperatorAccess, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        four_corners(harness, pointer)
        assert access.showing == "pad" and harness.controller.held
        assert "pin-pad" in harness.names()
        pointer.tap("pin-key-2")
        pointer.tap("pin-key-5")
        assert pad(access).dots.count == 2 and len(pad(access).entry) == 2
        pointer.tap("pin-delete")
        assert pad(access).dots.count == 1
        type_pin(harness, pointer, "580")
    assert access.showing == "panel"
    assert isinstance(harness.find("operator-panel"), OperatorPanel)
    assert "pin-pad" not in harness.names()
    assert not any(PIN in r.getMessage() for r in caplog.records)


def test_the_corner_taps_still_reach_the_exhibit(harness: Harness, pointer: Pointer, access: OperatorAccess) -> None:
    assert harness.screen == Attract()
    pointer.tap(corner_points(harness)[0])
    assert harness.screen == Home()  # the first corner woke the exhibit, as any touch does


@pytest.mark.parametrize("order", [(1, 0, 2, 3), (0, 2, 1, 3), (3, 2, 1, 0), (0, 1, 2)])
def test_corners_in_the_wrong_order_do_nothing(
    harness: Harness, pointer: Pointer, access: OperatorAccess, order
) -> None:
    four_corners(harness, pointer, order)
    assert access.showing == "nothing" and not harness.controller.held


def test_corners_too_slowly_do_nothing(harness: Harness, pointer: Pointer, access: OperatorAccess) -> None:
    four_corners(harness, pointer, step_s=1.7)  # 5.1 s from the first to the last
    assert access.showing == "nothing"
    four_corners(harness, pointer, step_s=1.6)  # 4.8 s
    assert access.showing == "pad"


def test_a_wrong_pin_says_how_many_tries_are_left(
    harness: Harness, pointer: Pointer, access: OperatorAccess, caplog: pytest.LogCaptureFixture
) -> None:
    four_corners(harness, pointer)
    with caplog.at_level(logging.WARNING):
        type_pin(harness, pointer, "1234")
    assert access.showing == "pad"
    assert pad(access).message == "密码错误 还可再试 4 次\nWrong PIN — 4 tries left"
    assert pad(access).dots.count == 0
    assert [r.getMessage() for r in caplog.records if "wrong PIN" in r.getMessage()]
    assert not any("1234" in r.getMessage() for r in caplog.records)


@pytest.mark.log_warnings("wrong PINs and the lock are logged")
def test_five_wrong_pins_lock_the_pad_for_sixty_seconds_across_reopening(
    harness: Harness, pointer: Pointer, access: OperatorAccess
) -> None:
    four_corners(harness, pointer)
    for _ in range(5):
        type_pin(harness, pointer, "9999")
    assert pad(access).message == "已锁定 60 秒后再试\nLocked — try again in 60 s"
    assert access.tick_timer.isActive() and access.tick_timer.interval() == 1000
    harness.clock.advance(17.5)
    access.tick_timer.timeout.emit()
    assert pad(access).message.endswith("try again in 43 s")
    type_pin(harness, pointer, PIN)  # the right PIN waits too
    assert access.showing == "pad" and pad(access).dots.count == 0
    pointer.tap("pin-cancel")
    assert access.showing == "nothing" and not harness.controller.held
    harness.clock.advance(10)
    four_corners(harness, pointer, step_s=0.5)
    assert pad(access).message.endswith("try again in 31 s")  # still locked after closing and opening again
    harness.clock.advance(31)
    access.tick_timer.timeout.emit()
    assert pad(access).message == "输入密码后按确定\nType the PIN, then OK"
    type_pin(harness, pointer, PIN)
    assert access.showing == "panel"


@pytest.mark.parametrize("screen", ["pad", "panel"])
def test_the_pad_and_the_panel_close_after_a_minute_untouched(
    harness: Harness, pointer: Pointer, access: OperatorAccess, screen: str
) -> None:
    four_corners(harness, pointer)
    if screen == "panel":
        type_pin(harness, pointer, PIN)
    assert access.showing == screen
    timer = access.timeout_timer
    assert timer.isActive() and timer.isSingleShot() and 59_000 < timer.interval() <= 60_001
    harness.clock.advance(50)
    pointer.tap(QPointF(960, 12))  # the operator is still there (a tap on the dimmed screen)
    harness.clock.advance(50)
    timer.timeout.emit()
    assert access.showing == screen and timer.isActive() and timer.interval() <= 10_001
    harness.clock.advance(10)
    timer.timeout.emit()
    assert access.showing == "nothing" and access.overlay is None
    assert not harness.controller.held and not timer.isActive()
    assert "pin-pad" not in harness.names() and "operator-panel" not in harness.names()


def open_panel(harness: Harness, pointer: Pointer) -> None:
    four_corners(harness, pointer)
    type_pin(harness, pointer, PIN)


@pytest.mark.log_warnings("the operator's Exit is logged as a warning")
def test_the_panel_shows_the_status_and_its_buttons_act(
    harness: Harness, pointer: Pointer, actions: FakeActions, access: OperatorAccess
) -> None:
    open_panel(harness, pointer)
    panel = access.overlay
    assert isinstance(panel, OperatorPanel)
    assert [b.text for b in panel.error_blocks] == list(actions.errors)
    for name in ("operator-return", "operator-reload", "operator-touch-test", "operator-exit"):
        rect = harness.find(name).sceneBoundingRect()
        assert min(rect.width(), rect.height()) >= MIN_TARGET_PX
    pointer.tap("operator-reload")
    assert actions.calls == ["reload"] and panel.error_blocks == []  # the status after the reload
    pointer.tap("operator-touch-test")
    assert access.showing == "diagnostics" and isinstance(access.overlay, TouchDiagnostics)
    pointer.tap("touch-close")
    assert access.showing == "panel"
    pointer.tap("operator-exit")
    assert actions.calls == ["reload"] and access.overlay.confirming_exit  # asks once more
    pointer.tap("operator-exit")
    assert actions.calls == ["reload", "exit"]  # the actions let the lock-down go (tests/qt/app/test_unattended.py)


def test_return_to_the_exhibit_lets_it_go(harness: Harness, pointer: Pointer, access: OperatorAccess) -> None:
    open_panel(harness, pointer)
    pointer.tap("operator-return")
    assert access.showing == "nothing" and not harness.controller.held


def test_the_exhibit_under_the_panel_does_not_start_over(
    harness: Harness, pointer: Pointer, access: OperatorAccess
) -> None:
    awake(harness)
    pillar = harness.controller.pillar_ids[0]
    harness.controller.open_pillar(pillar)
    harness.settle()
    open_panel(harness, pointer)
    for _ in range(3):  # three minutes with the panel open, the operator touching it now and then
        harness.clock.advance(59)
        pointer.tap(QPointF(960, 12))
        harness.controller.check_idle()
        assert not harness.controller.idle_loop.idle_timer.isActive()
    assert harness.screen == PillarPage(pillar) and harness.controller.idle_warning is None
    pointer.tap("operator-return")
    assert harness.controller.idle_loop.tracker.idle_s() == 0.0 and harness.controller.idle_loop.idle_timer.isActive()
    assert harness.screen == PillarPage(pillar)


def test_without_a_pin_the_gesture_shows_how_to_set_one(
    harness: Harness, pointer: Pointer, actions: FakeActions, caplog: pytest.LogCaptureFixture
) -> None:
    access = install_operator_access(harness.controller, harness.stage, OperatorSettings(), actions, harness.clock)
    with caplog.at_level(logging.WARNING):
        four_corners(harness, pointer)
    assert access.showing == "no-pin" and "pin-pad" not in harness.names()
    assert [r.getMessage() for r in caplog.records].count("no operator PIN set: run 'kiosk set-pin'") == 1
    pointer.tap("no-pin-ok")
    assert access.showing == "nothing" and not harness.controller.held


def test_a_failing_action_is_logged_and_the_panel_stays(
    harness: Harness, pointer: Pointer, actions: FakeActions, access: OperatorAccess, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise OSError("content folder unreadable")

    actions.reload_content = broken  # type: ignore[method-assign]
    open_panel(harness, pointer)
    with caplog.at_level(logging.ERROR):
        pointer.tap("operator-reload")
    assert access.showing == "panel"
    assert any("reloading the content failed" in r.getMessage() for r in caplog.records)


def test_a_new_screen_shape_lays_the_open_screen_out_again(
    harness: Harness, qtbot, pointer: Pointer, access: OperatorAccess
) -> None:
    open_panel(harness, pointer)
    before = access.overlay
    harness.stage.resize(1080, 1920)
    qtbot.waitUntil(lambda: access.overlay is not before)
    assert access.showing == "panel" and access.overlay.boundingRect().height() == 1920


@pytest.mark.log_warnings("the no-PIN notice logs that no PIN is set")
@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("screen", ["pad", "no-pin", "panel", "diagnostics"])
def test_every_operator_screen_fits_both_screen_shapes(open_exhibit, actions: FakeActions, size, screen) -> None:
    """No word cut (an error line may be), nothing off screen, no button under 104 px or overlapping a button or
    a text."""
    harness = open_exhibit(size)
    settings = OperatorSettings(pin_hash=None if screen == "no-pin" else SETTINGS.pin_hash)
    access = install_operator_access(harness.controller, harness.stage, settings, actions, harness.clock)
    actions.errors = tuple(
        f"pillars/industry.yaml:{i}:5: cards.{i}.title.en: is empty; write the text or remove the field"
        for i in range(1, 30)
    )
    {
        "pad": access.open_pad,
        "no-pin": access.open_pad,
        "panel": access.open_panel,
        "diagnostics": access.open_diagnostics,
    }[screen]()
    overlay = access.overlay
    assert overlay is not None and access.showing == screen
    screen_rect = harness.scene.sceneRect()
    blocks = [item for item in harness.of_type(TextBlock) if overlay.isAncestorOf(item)]
    assert blocks
    cut = [block.text for block in blocks if block.elided and block.origin != "error"]
    assert cut == []
    for block in blocks:
        assert screen_rect.contains(block.sceneBoundingRect()), block.text
    buttons = [item for item in harness.of_type(Button) if overlay.isAncestorOf(item)]
    assert buttons
    for i, button in enumerate(buttons):
        rect = button.sceneBoundingRect()
        assert screen_rect.contains(rect) and min(rect.width(), rect.height()) >= MIN_TARGET_PX, button.name
        for other in buttons[i + 1 :]:
            assert not rect.intersects(other.sceneBoundingRect()), (button.name, other.name)
        for block in blocks:
            if not button.isAncestorOf(block):
                assert not rect.intersects(block.sceneBoundingRect()), (button.name, block.text)
    if screen == "panel":
        panel = overlay
        assert isinstance(panel, OperatorPanel) and panel.more is not None and panel.error_blocks
        assert panel.more.text.startswith(f"另有 {29 - len(panel.error_blocks)} 条")
        bottom = max(block.sceneBoundingRect().bottom() for block in panel.error_blocks + [panel.more])
        assert bottom <= panel.sheet.sceneBoundingRect().bottom()


def shown_texts(harness: Harness, origin: str) -> list[str]:
    return [item.text for item in harness.of_type(TextBlock) if item.origin == origin]


def test_the_panel_shows_the_visitor_summary(harness: Harness, pointer: Pointer, actions: FakeActions, access) -> None:
    actions.visitors = VisitorSummary(
        sessions_today=12,
        sessions_week=85,
        median_s=65.0,
        top_stories=(StoryReads("脑机接口", "Brain–computer interface", 9), StoryReads("创新联合体", "Consortia", 4)),
    )
    open_panel(harness, pointer)
    assert shown_texts(harness, "status_visitors_value") == [
        "今天 12 次 · 本周 85 次 · 中位时长 1\u00a0min\u00a005\u00a0s\n"
        "today 12, this week 85, median time in use 1\u00a0min\u00a005\u00a0s"
    ]
    assert shown_texts(harness, "status_most_read_value") == ["脑机接口\u00a0·\u00a09\n创新联合体\u00a0·\u00a04"]
    access.close()
    actions.visitors = None  # analytics off
    open_panel(harness, pointer)
    assert shown_texts(harness, "status_visitors_value") == ["未记录访客 — visitor analytics are off"]
    assert shown_texts(harness, "status_most_read_value") == []
