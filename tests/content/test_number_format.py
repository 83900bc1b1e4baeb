"""Number text in both languages: scale words, qualifiers, prefixes and units, fixed shape while counting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.model import Chart, ChartItem, KeyNumber
from kiosk.content.number_format import chart_number, decimals_needed, format_number, shape_of
from kiosk.content.text import Affix, Text


def number(value: float, **fields) -> KeyNumber:
    return KeyNumber(id="n", value=value, label=Text(zh="标签"), source="来源", **fields)


PERCENT = Affix(zh="%", en="%")
YUAN = Affix(zh="元", en="yuan")
RANK = {"prefix": Affix(zh="第", en="No. "), "unit": Affix(zh="位", en=""), "start": 50}


@pytest.mark.parametrize(
    ("n", "zh", "en"),
    [
        (number(8, **RANK), "第8位", "No. 8"),
        (number(40.3, prefix=Affix(zh="+", en="+"), unit=PERCENT), "+40.3%", "+40.3%"),
        (number(1_650_000, unit=Affix(zh="人", en="")), "165万人", "1.65 million"),
        (number(200_000_000_000, unit=YUAN, qualifier="over"), "2000多亿元", "over 200 billion yuan"),
        (number(80, unit=PERCENT, qualifier="nearly"), "近80%", "nearly 80%"),
        (number(30, unit=PERCENT, qualifier="about"), "约30%", "about 30%"),
        (number(26, unit=Affix(zh="个", en="awards")), "26个", "26 awards"),
        (number(1, unit=Affix(zh="+N", en="+N")), "1+N", "1+N"),
        (number(40, unit=PERCENT, decimals=1), "40.0%", "40.0%"),
        (number(12_345, compact=False), "12345", "12,345"),
        (number(12_345), "12345", "12,345"),
        (number(2_500_000_000), "25亿", "2.5 billion"),
    ],
)
def test_final_text(n: KeyNumber, zh: str, en: str) -> None:
    assert format_number(n, "zh") == zh
    assert format_number(n, "en") == en


def test_counting_keeps_the_final_shape() -> None:
    students = number(1_650_000, unit=Affix(zh="人", en=""))
    assert format_number(students, "zh", 0) == "0万人"
    assert format_number(students, "en", 830_000) == "0.83 million"
    assert format_number(number(40.3, unit=PERCENT), "zh", 3) == "3.0%"


def test_a_rank_counts_down_through_whole_numbers() -> None:
    rank = number(8, **RANK)
    assert rank.start is not None and rank.start > rank.value
    assert format_number(rank, "zh", 23) == "第23位"


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_text_width_in_digits_never_shrinks_below_the_final_decimals(value: float) -> None:
    n = number(value)
    for language in ("zh", "en"):
        shape = shape_of(n, language)
        digits = shape.digits(value)
        assert digits.count(".") == (1 if shape.decimals else 0)
        if shape.decimals:
            assert len(digits.split(".")[1]) == shape.decimals


@pytest.mark.parametrize(("value", "decimals"), [(8, 0), (40.3, 1), (1.65, 2), (0.1 + 0.2, 1), (1 / 3, 3)])
def test_decimals_needed(value: float, decimals: int) -> None:
    assert decimals_needed(value) == decimals


def _chart(kind: str, unit: Affix | None = None) -> Chart:
    extra = {"total": 26} if kind == "part_of_whole" else {}
    return Chart(
        id="c",
        type=kind,
        title=Text(zh="图"),
        items=[ChartItem(label=Text(zh="项"), value=1)],
        unit=unit,
        source="来源",
        **extra,
    )


@pytest.mark.parametrize(
    ("chart", "value", "qualifier", "zh", "en"),
    [
        (_chart("share", PERCENT), 30, "about", "约30%", "about 30%"),
        (_chart("share", PERCENT), 51, None, "51%", "51%"),
        (_chart("rank"), 8, None, "第8位", "No. 8"),
        (_chart("part_of_whole", Affix(zh="项", en="")), 26, None, "26项", "26"),
        (_chart("part_of_whole"), 11, "over", "11多", "over 11"),
    ],
)
def test_chart_values_read_like_key_numbers(chart: Chart, value: float, qualifier, zh: str, en: str) -> None:
    number = chart_number(chart, value, qualifier)
    assert format_number(number, "zh") == zh
    assert format_number(number, "en") == en
