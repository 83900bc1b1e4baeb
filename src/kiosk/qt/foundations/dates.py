"""Day names, dates and times of day as the exhibit writes them, from Qt's locale data rather than word lists of
our own: Chinese as written in China (周一, 1月2日), English as in the UK (Monday, 2 January, 24-hour clock).

The pure schedule (``kiosk.service.schedule``) works in weekday numbers and minutes; only the screens turn them
into words, here.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from kiosk.content.text import Language

_LOCALES: dict[Language, tuple[QLocale.Language, QLocale.Country]] = {
    "zh": (QLocale.Language.Chinese, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
# How long a day name is: 周一 (short; 星期一 is the long form) and Monday (long; Mon is the short form).
_DAY_NAME_FORMAT: dict[Language, QLocale.FormatType] = {
    "zh": QLocale.FormatType.ShortFormat,
    "en": QLocale.FormatType.LongFormat,
}
# A date without its year, in QLocale's pattern letters: the locale supplies the month's name (1月, January).
_DAY_AND_MONTH: dict[Language, str] = {"zh": "MMMd日", "en": "d MMMM"}
_FULL_DATE: dict[Language, str] = {"zh": "yyyy年MMMd日", "en": "d MMMM yyyy"}


def locale_for(language: Language) -> QLocale:
    """The locale that writes ``language``'s dates (Chinese for a language without its own)."""
    return QLocale(*_LOCALES.get(language, _LOCALES["zh"]))


def weekday_name(day: date, language: Language) -> str:
    """``周一`` / ``Monday`` for a Monday."""
    return locale_for(language).dayName(day.isoweekday(), _DAY_NAME_FORMAT.get(language, _DAY_NAME_FORMAT["zh"]))


def day_and_month(day: date, language: Language) -> str:
    """``1月2日`` / ``2 January``: a date within the coming year, so without the year."""
    pattern = _DAY_AND_MONTH.get(language, _DAY_AND_MONTH["zh"])
    return locale_for(language).toString(QDate(day.year, day.month, day.day), pattern)


def full_date(day: date, language: Language) -> str:
    """``2025年1月16日`` / ``16 January 2025``."""
    pattern = _FULL_DATE.get(language, _FULL_DATE["zh"])
    return locale_for(language).toString(QDate(day.year, day.month, day.day), pattern)


def time_of_day(moment: datetime, language: Language) -> str:
    """``09:00``: the locale's short time (24-hour in both languages)."""
    return locale_for(language).toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
