"""The few words the exhibit itself says (buttons, prompts), in each language. Content text lives in YAML."""

from __future__ import annotations

from kiosk.content.text import Language

_STRINGS: dict[str, dict[str, str]] = {
    "policy": {"zh": "政策举措", "en": "Policy"},
    "achievement": {"zh": "创新成果", "en": "Achievement"},
    "still_there": {"zh": "还在浏览吗？", "en": "Still there?"},
    "touch_to_continue": {"zh": "触摸屏幕任意位置继续浏览", "en": "Touch anywhere to keep exploring"},
    "restart_in": {"zh": "秒后重新开始", "en": "seconds until the exhibit starts over"},
    "source": {"zh": "来源", "en": "Source"},
}


def say(key: str, language: Language) -> str:
    """The exhibit's own words for ``key`` in ``language`` (Chinese when there is no English)."""
    words = _STRINGS[key]
    return words.get(language) or words["zh"]


_STRINGS.update(
    {  # the standby screen outside opening hours
        "opens_today": {"zh": "今天 {time} 开放", "en": "Opens today at {time}"},
        "opens_tomorrow": {"zh": "明天 {time} 开放", "en": "Opens tomorrow at {time}"},
        "opens_on_day": {"zh": "{day} {time} 开放", "en": "Opens at {time} {day}"},
        "opens_on_date": {"zh": "{date} {time} 开放", "en": "Opens at {time} on {date}"},
        "closed_for_now": {"zh": "暂停开放", "en": "Closed for now"},
    }
)
