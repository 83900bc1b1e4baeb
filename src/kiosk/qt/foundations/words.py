"""The words the program itself says (buttons, prompts, notices), held one way: a table of keys, each with its
Chinese and English. Content text lives in YAML; these are the interface's own.

:data:`EXHIBIT_WORDS` are the visitor screens' (one language at a time, Chinese when there is no English); the staff
screens keep theirs in :mod:`kiosk.qt.staff.words` and show both languages at once.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.content.text import Language


class Words:
    """A table ``{key: {"zh": …, "en": …}}``; ``{name}`` fields are filled from the values given."""

    def __init__(self, table: Mapping[str, Mapping[str, str]]):
        for key, texts in table.items():
            if not texts.get("zh"):
                raise ValueError(f"interface words {key!r}: Chinese is required")
        self._table = dict(table)

    def keys(self) -> list[str]:
        return list(self._table)

    def __contains__(self, key: object) -> bool:
        return key in self._table

    def say(self, key: str, language: Language, **values: object) -> str:
        """The words for ``key`` in ``language`` (Chinese when there is no English)."""
        texts = self._table[key]
        return (texts.get(language) or texts["zh"]).format(**values)

    def both(self, key: str, separator: str = " ", **values: object) -> str:
        """The words for ``key`` in Chinese and English, joined by ``separator``."""
        return f"{self.say(key, 'zh', **values)}{separator}{self.say(key, 'en', **values)}"


EXHIBIT_WORDS = Words(
    {
        "policy": {"zh": "政策举措", "en": "Policy"},
        "achievement": {"zh": "创新成果", "en": "Achievement"},
        "still_there": {"zh": "还在浏览吗？", "en": "Still there?"},
        "touch_to_continue": {"zh": "触摸屏幕任意位置继续浏览", "en": "Touch anywhere to keep exploring"},
        "restart_in": {"zh": "秒后重新开始", "en": "seconds until the exhibit starts over"},
        "more_time": {"zh": "我需要更多时间", "en": "I need more time"},
        # the article's credit (publisher and date each kept on one line: see credit())
        "credit": {"zh": "{publisher}\u00a0· {date}", "en": "{publisher}\u00a0· {date}"},
        "source_credit": {"zh": "来源：{publisher}\u00a0· {date}", "en": "Source: {publisher}\u00a0· {date}"},
        # the story sheet's QR code of the article
        "take_home": {"zh": "扫码带走这个故事", "en": "Scan to take this story home"},
        # the standby screen outside opening hours
        "opens_today": {"zh": "今天 {time} 开放", "en": "Opens today at {time}"},
        "opens_tomorrow": {"zh": "明天 {time} 开放", "en": "Opens tomorrow at {time}"},
        "opens_on_day": {"zh": "{day} {time} 开放", "en": "Opens at {time} {day}"},
        "opens_on_date": {"zh": "{date} {time} 开放", "en": "Opens at {time} on {date}"},
        "closed_for_now": {"zh": "暂停开放", "en": "Closed for now"},
    }
)
say = EXHIBIT_WORDS.say


def credit(key: str, language: Language, publisher: str, date: str) -> str:
    """The article's credit line (``key``: "credit" or "source_credit"): a line may break after the dot between
    the publisher and the date, never inside either (Guangzhou | Daily, 16 | January 2025)."""
    return say(key, language, publisher=publisher.replace(" ", "\u00a0"), date=date.replace(" ", "\u00a0"))
