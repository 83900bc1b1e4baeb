"""The accessibility menu's own words: each choice named in both languages at once, so a visitor who reads only
one of them finds it whatever language the screen is in; and what the buttons are called when read aloud."""

from __future__ import annotations

from kiosk.accessibility.choices import Choice
from kiosk.qt.foundations.words import Words

CHOICE_WORDS: dict[Choice, tuple[str, str]] = {  # (zh, en)
    "large_text": ("大字", "Large text"),
    "high_contrast": ("高对比度", "High contrast"),
    "reduced_motion": ("减少动画", "Less motion"),
    "reach": ("低位操作", "Controls low"),
    "more_time": ("更多时间", "More time"),
    "read_aloud": ("朗读", "Read aloud"),
}

ACCESS_WORDS = Words(
    {
        "menu_title": {"zh": "无障碍", "en": "Accessibility"},
        "menu_hint": {"zh": "轻触选择，再次轻触取消", "en": "Tap to turn on, tap again to turn off"},
        "done": {"zh": "完成", "en": "Done"},
        "on": {"zh": "已开启", "en": "on"},
        "off": {"zh": "已关闭", "en": "off"},
        # what the interface's buttons are called when read aloud
        "back": {"zh": "返回", "en": "Back"},
        "home": {"zh": "首页", "en": "Home"},
        "close": {"zh": "关闭", "en": "Close"},
        "previous": {"zh": "上一个", "en": "Previous"},
        "next": {"zh": "下一个", "en": "Next"},
        "accessibility": {"zh": "无障碍菜单", "en": "Accessibility menu"},
        "speak-screen": {"zh": "朗读本页", "en": "Read this screen aloud"},
        "language-zh": {"zh": "中文", "en": "Chinese, 中文"},
        "language-en": {"zh": "英文，English", "en": "English"},
        "read_aloud_on": {
            "zh": "朗读已开启。轻触任何内容即可听到，轻触两下即可打开。",
            "en": "Reading aloud is on. Tap anything to hear it; tap twice to open it.",
        },
    }
)
