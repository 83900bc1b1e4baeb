"""Numbers read as words, the way a voice should say them: 40.3% as 百分之四十点三 / forty point three percent,
No. 8 as number eight, 第8位 as 第八位 (pure Python, no Qt).

:func:`words_in` replaces every figure in a text (digits with an optional point, grouping commas and per cent sign)
by its words and leaves the rest as it is, so a formatted key number (``2000多亿元``, ``over 200 billion yuan``)
becomes what a speech synthesiser should say.
"""

from __future__ import annotations

import re

from kiosk.content.text import Language

_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(\s?%)?")
_EN_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_GROUPS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_EN_ORDINAL = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_ZH_DIGITS = "零一二三四五六七八九"


def english_integer(n: int) -> str:
    if n < 0:
        return "minus " + english_integer(-n)
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_ONES[hundreds]} hundred" + (f" and {english_integer(rest)}" if rest else "")
    for size, word in _EN_GROUPS:
        if n >= size:
            high, rest = divmod(n, size)
            tail = "" if not rest else (" and " if rest < 100 else " ") + english_integer(rest)
            return f"{english_integer(high)} {word}{tail}"
    raise AssertionError(n)  # every n >= 1000 has a group


def english_ordinal(n: int) -> str:
    """1 → first, 8 → eighth, 21 → twenty-first, 40 → fortieth."""
    words = english_integer(n)
    head, sep, last = words.rpartition(" ") if "-" not in words.split(" ")[-1] else words.rpartition("-")
    if last in _EN_ORDINAL:
        last = _EN_ORDINAL[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}{sep}{last}"


def _zh_below_10000(n: int, leading: bool) -> str:
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit == 0:
            zero = bool(out)
            continue
        if zero or (not out and not leading):
            out += "零"
        zero = False
        out += ("" if (digit == 1 and unit == "十" and not out and leading) else _ZH_DIGITS[digit]) + unit
    return out


def chinese_integer(n: int) -> str:
    """165 → 一百六十五, 1650000 → 一百六十五万, 10 → 十, 2005 → 二千零五."""
    if n < 0:
        return "负" + chinese_integer(-n)
    if n == 0:
        return "零"
    parts: list[str] = []
    for size, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group, n = divmod(n, size)
        if group:
            text = chinese_integer(group) if group >= 10**4 else _zh_below_10000(group, leading=not parts)
            parts.append(text + unit)
        elif parts and n:
            parts.append("零")
    return "".join(parts).replace("零零", "零")


def _figure_words(digits: str, language: Language) -> str:
    whole, _, fraction = digits.replace(",", "").partition(".")
    if language == "zh":
        text = chinese_integer(int(whole))
        return text + ("点" + "".join(_ZH_DIGITS[int(d)] for d in fraction) if fraction else "")
    text = english_integer(int(whole))
    return text + (" point " + " ".join(_EN_ONES[int(d)] for d in fraction) if fraction else "")


def words_in(text: str, language: Language) -> str:
    """``text`` with each figure in words (and ``%`` as per cent): what a voice should read."""

    def one(match: re.Match[str]) -> str:
        words = _figure_words(match.group(1), language)
        if match.group(2):
            return f"百分之{words}" if language == "zh" else f"{words} percent"
        return words

    spoken = _FIGURE.sub(one, text)
    if language == "en":
        spoken = re.sub(r"\bNo\. ", "number ", spoken)
    return spoken
