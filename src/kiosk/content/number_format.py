"""How a key number reads in each language: ``第8位``, ``约30%``, ``2000多亿元`` / ``over 200 billion yuan``.

Pure Python. The scale (万/亿, million/billion) and the digits after the point are chosen from the *final* value,
so a number counting up keeps one shape and does not jump between ``9999`` and ``1万``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Chart, KeyNumber, Qualifier
from kiosk.content.text import Affix, Language

_ZH_SCALES = ((1e8, "亿"), (1e4, "万"))
_EN_SCALES = ((1e9, "billion"), (1e6, "million"))
_ZH_BEFORE = {"about": "约", "nearly": "近"}
_ZH_AFTER = {"over": "多"}
_EN_WORDS = {"about": "about", "nearly": "nearly", "over": "over"}
MAX_DECIMALS = 3
_RANK_PREFIX = Affix(zh="第", en="No. ")
_RANK_UNIT = Affix(zh="位", en="")


@dataclass(frozen=True)
class NumberShape:
    """Everything about a number's text except its digits: fixed once per number and language."""

    language: Language
    divisor: float
    decimals: int
    before: str  # qualifier and prefix
    after: str  # 多, magnitude word and unit

    def digits(self, value: float) -> str:
        scaled = value / self.divisor
        grouping = "," if self.language == "en" else ""
        return f"{scaled:{grouping}.{self.decimals}f}"

    def text(self, value: float) -> str:
        return f"{self.before}{self.digits(value)}{self.after}"


def _exact_decimals(value: float) -> int | None:
    for decimals in range(MAX_DECIMALS + 1):
        if abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value)):
            return decimals
    return None


def decimals_needed(value: float) -> int:
    """The fewest digits after the point that show ``value`` exactly (at most ``MAX_DECIMALS``)."""
    exact = _exact_decimals(value)
    return MAX_DECIMALS if exact is None else exact


def _scale(number: KeyNumber, language: Language) -> tuple[float, str]:
    """万/亿 or million/billion when the value reads exactly in it (12345 stays 12345, not 1.235万)."""
    if number.compact:
        for divisor, word in _ZH_SCALES if language == "zh" else _EN_SCALES:
            if abs(number.value) >= divisor and _exact_decimals(number.value / divisor) is not None:
                return divisor, word
    return 1.0, ""


def _joined(words: list[str], language: Language) -> str:
    """Join the parts after the digits: no spaces in Chinese; in English a space before each word."""
    out = ""
    for word in words:
        if word:
            out += f" {word}" if language == "en" and word[0].isalpha() else word
    return out


def shape_of(number: KeyNumber, language: Language) -> NumberShape:
    divisor, magnitude = _scale(number, language)
    decimals = max(number.decimals or 0, decimals_needed(number.value / divisor))
    prefix = number.prefix.get(language) if number.prefix else ""
    unit = number.unit.get(language) if number.unit else ""
    qualifier = number.qualifier
    if language == "zh":
        before = _ZH_BEFORE.get(qualifier or "", "") + prefix
        after = _ZH_AFTER.get(qualifier or "", "") + magnitude + unit
    else:
        before = (f"{_EN_WORDS[qualifier]} " if qualifier else "") + prefix
        after = _joined([magnitude, unit], language)
    return NumberShape(language, divisor, decimals, before, after)


def format_number(number: KeyNumber, language: Language, value: float | None = None) -> str:
    """The text of ``number`` in ``language``, showing ``value`` (default: its final value)."""
    return shape_of(number, language).text(number.value if value is None else value)


def chart_number(chart: Chart, value: float, qualifier: Qualifier | None = None) -> KeyNumber:
    """A chart's figure as a key number, so it reads like every other number in the exhibit: a rank as
    第8位 / No. 8, a share or a part with the chart's unit and the item's qualifier (约30% / about 30%)."""
    rank = chart.type == "rank"
    return KeyNumber(
        id=chart.id,
        value=value,
        qualifier=qualifier,
        label=chart.title,
        source=chart.source,
        prefix=_RANK_PREFIX if rank else None,
        unit=_RANK_UNIT if rank else chart.unit,
    )
