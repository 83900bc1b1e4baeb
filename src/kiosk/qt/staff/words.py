"""The operator screens' words. Operators may read either language, so these screens show both, Chinese first."""

from __future__ import annotations

_WORDS: dict[str, tuple[str, str]] = {
    "pin_title": ("操作员密码", "Operator PIN"),
    "pin_prompt": ("输入密码后按确定", "Type the PIN, then OK"),
    "pin_wrong": ("密码错误 还可再试 {n} 次", "Wrong PIN — {n} tries left"),
    "pin_wrong_one": ("密码错误 还可再试 1 次", "Wrong PIN — 1 try left"),
    "pin_locked": ("已锁定 {s} 秒后再试", "Locked — try again in {s} s"),
    "delete": ("删除", "Del"),
    "ok": ("确定", "OK"),
    "cancel": ("取消", "Cancel"),
    "no_pin_title": ("未设置操作员密码", "No operator PIN set"),
    "no_pin_body": ("请在这台电脑上运行 kiosk set-pin 设置密码。", "Run 'kiosk set-pin' on this computer to set one."),
    "understood": ("知道了", "OK"),
    "panel_title": ("操作员面板", "Operator panel"),
    "panel_closes": ("{s} 秒无操作后自动关闭", "Closes after {s} s untouched"),
    "return": ("返回展览", "Return to exhibit"),
    "reload": ("重新载入内容", "Reload content"),
    "touch_test": ("触摸测试", "Touch test"),
    "exit": ("退出展览", "Exit exhibit"),
    "exit_confirm": ("再按一次退出", "Tap again to exit"),
    "source": ("内容来源", "Content from"),
    "version": ("版本", "Version"),
    "no_version": ("无", "none (not from a bundle)"),
    "loaded_at": ("载入时间", "Loaded"),
    "pending": ("待换内容", "Waiting"),
    "errors": ("内容错误", "Content errors"),
    "no_errors": ("没有内容错误", "No content errors"),
    "more_errors": ("另有 {n} 条 见日志", "{n} more in the log"),
    "status_unavailable": ("无法读取内容状态", "Content status unavailable"),
    "touch_title": ("触摸测试", "Touch test"),
    "touch_hint": ("用一个或多个手指触摸屏幕任意位置", "Touch anywhere with one or more fingers"),
    "touch_count": ("触点 {n} · 最多 {most}", "Points {n} · most at once {most}"),
    "close": ("关闭", "Close"),
}


def both(key: str, separator: str = " ", **values: object) -> str:
    """The words for ``key`` in Chinese and English, joined by ``separator``, with ``values`` filled in."""
    zh, en = _WORDS[key]
    return f"{zh.format(**values)}{separator}{en.format(**values)}"
