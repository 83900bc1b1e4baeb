"""The operator screens' words. Operators may read either language, so these screens show both, Chinese first."""

from __future__ import annotations

from kiosk.qt.foundations.words import Words

STAFF_WORDS = Words(
    {
        "pin_title": {"zh": "操作员密码", "en": "Operator PIN"},
        "pin_prompt": {"zh": "输入密码后按确定", "en": "Type the PIN, then OK"},
        "pin_wrong": {"zh": "密码错误 还可再试 {n} 次", "en": "Wrong PIN — {n} tries left"},
        "pin_wrong_one": {"zh": "密码错误 还可再试 1 次", "en": "Wrong PIN — 1 try left"},
        "pin_locked": {"zh": "已锁定 {s} 秒后再试", "en": "Locked — try again in {s} s"},
        "delete": {"zh": "删除", "en": "Del"},
        "ok": {"zh": "确定", "en": "OK"},
        "cancel": {"zh": "取消", "en": "Cancel"},
        "no_pin_title": {"zh": "未设置操作员密码", "en": "No operator PIN set"},
        "no_pin_body": {
            "zh": "请在这台电脑上运行 kiosk set-pin 设置密码。",
            "en": "Run 'kiosk set-pin' on this computer to set one.",
        },
        "understood": {"zh": "知道了", "en": "OK"},
        "panel_title": {"zh": "操作员面板", "en": "Operator panel"},
        "panel_closes": {"zh": "{s} 秒无操作后自动关闭", "en": "Closes after {s} s untouched"},
        "return": {"zh": "返回展览", "en": "Return to exhibit"},
        "reload": {"zh": "重新载入内容", "en": "Reload content"},
        "touch_test": {"zh": "触摸测试", "en": "Touch test"},
        "exit": {"zh": "退出展览", "en": "Exit exhibit"},
        "exit_confirm": {"zh": "再按一次退出", "en": "Tap again to exit"},
        "source": {"zh": "内容来源", "en": "Content from"},
        "version": {"zh": "版本", "en": "Version"},
        "no_version": {"zh": "无", "en": "none (not from a bundle)"},
        "loaded_at": {"zh": "载入时间", "en": "Loaded"},
        "pending": {"zh": "待换内容", "en": "Waiting"},
        "errors": {"zh": "内容错误", "en": "Content errors"},
        "no_errors": {"zh": "没有内容错误", "en": "No content errors"},
        "more_errors": {"zh": "另有 {n} 条 见日志", "en": "{n} more in the log"},
        "status_unavailable": {"zh": "无法读取内容状态", "en": "Content status unavailable"},
        "visitors": {"zh": "访客", "en": "Visitors"},
        "visitors_value": {
            "zh": "今天 {today} 次 · 本周 {week} 次 · 中位时长 {median}",
            "en": "today {today}, this week {week}, median time in use {median}",
        },
        "no_visitors": {"zh": "未记录访客", "en": "— visitor analytics are off"},
        "most_read": {"zh": "最多读完", "en": "Most read"},
        "none_read": {"zh": "本周还没有读完的故事", "en": "— none read to the end this week"},
        "touch_title": {"zh": "触摸测试", "en": "Touch test"},
        "touch_hint": {"zh": "用一个或多个手指触摸屏幕任意位置", "en": "Touch anywhere with one or more fingers"},
        "touch_count": {"zh": "触点 {n} · 最多 {most}", "en": "Points {n} · most at once {most}"},
        "close": {"zh": "关闭", "en": "Close"},
    }
)
both = STAFF_WORDS.both
