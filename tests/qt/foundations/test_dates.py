"""Day names, dates and times from Qt's locale data read as the exhibit wrote them by hand before."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kiosk.qt.foundations.dates import day_and_month, time_of_day, weekday_name
from kiosk.qt.foundations.words import credit

MONDAY = date(2026, 11, 30)
ENGLISH_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ENGLISH_MONTHS = "January February March April May June July August September October November December".split()


def test_weekday_names() -> None:
    week = [MONDAY + timedelta(days=n) for n in range(7)]
    assert [weekday_name(day, "zh") for day in week] == "周一 周二 周三 周四 周五 周六 周日".split()
    assert [weekday_name(day, "en") for day in week] == ENGLISH_DAYS


@pytest.mark.parametrize("month", range(1, 13))
def test_day_and_month(month: int) -> None:
    day = date(2027, month, 2 + month)
    assert day_and_month(day, "zh") == f"{month}月{day.day}日"
    assert day_and_month(day, "en") == f"{day.day} {ENGLISH_MONTHS[month - 1]}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_time_of_day_is_a_24_hour_clock_with_two_digit_hours(language: str) -> None:
    assert time_of_day(datetime(2027, 1, 2, 9, 0), language) == "09:00"
    assert time_of_day(datetime(2027, 1, 2, 17, 5), language) == "17:05"
    assert time_of_day(datetime(2027, 1, 2, 0, 30), language) == "00:30"


def test_a_credit_breaks_only_between_its_parts() -> None:
    line = credit("source_credit", "en", "Guangzhou Daily", "16 January 2025")
    assert line.replace("\u00a0", " ") == "Source: Guangzhou Daily · 16 January 2025"
    assert line.split(" ") == ["Source:", "Guangzhou\u00a0Daily\u00a0·", "16\u00a0January\u00a02025"]
    assert credit("credit", "zh", "广州日报", "2025年1月16日") == "广州日报\u00a0· 2025年1月16日"
