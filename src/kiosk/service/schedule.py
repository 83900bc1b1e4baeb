"""Opening hours: a weekly schedule of open time ranges plus whole closed dates, in local naive time.

A day's hours are written as ``"closed"``, ``"00:00-24:00"`` or ``"09:00-12:00, 13:00-17:30"`` and parsed into
minutes from midnight. Ranges are half-open: open at 09:00 exactly, closed at 17:30 exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta

DayHours = tuple[tuple[int, int], ...]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MINUTES_PER_DAY = 24 * 60
ALL_DAY: DayHours = ((0, MINUTES_PER_DAY),)

_EXAMPLE = 'write e.g. "09:00-17:30", "09:00-12:00, 13:00-17:30", "00:00-24:00" or "closed"'
_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


def parse_day_hours(text: str) -> DayHours:
    """One day's opening hours as sorted, non-overlapping (start, end) minutes from midnight; ValueError if unusable.

    ``"closed"`` is ``()``; ranges that touch (``"09:00-12:00, 12:00-13:00"``) are joined into one.
    """
    if not isinstance(text, str):
        raise ValueError(f"opening hours are text, not {type(text).__name__} ({_EXAMPLE})")
    stripped = text.strip()
    if stripped.lower() == "closed":
        return ()
    if not stripped:
        raise ValueError(f"no opening hours given ({_EXAMPLE})")
    ranges = sorted(_parse_range(part.strip()) for part in stripped.split(","))
    joined: list[tuple[int, int]] = []
    for start, end in ranges:
        if joined and start < joined[-1][1]:
            raise ValueError(
                f"{_show(joined[-1])} and {_show((start, end))} overlap (list each open time once, "
                f'e.g. "09:00-12:00, 13:00-17:30")'
            )
        if joined and start == joined[-1][1]:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)


def _parse_range(part: str) -> tuple[int, int]:
    if not part:
        raise ValueError(f"an empty time range between commas ({_EXAMPLE})")
    match = _RANGE.match(part)
    if not match:
        raise ValueError(f'"{part}" is not a time range like "09:00-17:30" ({_EXAMPLE})')
    sh, sm, eh, em = (int(g) for g in match.groups())
    start = _minutes(sh, sm, part, allow_24=False)
    end = _minutes(eh, em, part, allow_24=True)
    if end == start:
        raise ValueError(
            f'"{part}" opens and closes at the same time (e.g. "09:00-17:30"; a day without opening is "closed")'
        )
    if end < start:
        raise ValueError(
            f'"{part}" ends before it starts: split a range over midnight into two days, '
            'e.g. "20:00-24:00" on the first day and "00:00-02:00" on the next'
        )
    return start, end


def _minutes(hours: int, minutes: int, part: str, allow_24: bool) -> int:
    if minutes > 59:
        raise ValueError(f'"{part}": minutes go from 00 to 59 ({_EXAMPLE})')
    if hours == 24 and minutes == 0 and allow_24:
        return MINUTES_PER_DAY
    if hours > 23:
        latest = "24:00 as the end of the day" if allow_24 else "23:59"
        raise ValueError(f'"{part}": hours go from 00 to 23 (latest is {latest}; {_EXAMPLE})')
    return hours * 60 + minutes


def _show(span: tuple[int, int]) -> str:
    return f"{format_minutes(span[0])}-{format_minutes(span[1])}"


def format_minutes(minutes: int) -> str:
    """Minutes from midnight as ``HH:MM`` (1440 is ``24:00``)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_weekday(name: str) -> int:
    """``"monday"`` → 0 … ``"sunday"`` → 6 (case-insensitive); ValueError naming the accepted words."""
    key = name.strip().lower() if isinstance(name, str) else ""
    if key not in WEEKDAYS:
        raise ValueError(f'"{name}" is not a day of the week (use one of: {", ".join(WEEKDAYS)})')
    return WEEKDAYS.index(key)


class WeeklySchedule:
    """When the exhibit is open: time ranges per weekday (0 = Monday), minus whole closed dates.

    A weekday missing from ``days`` is open all day, as in the settings file.
    """

    def __init__(self, days: Mapping[int, DayHours], closed_dates: Iterable[date] = frozenset()) -> None:
        week: list[DayHours] = [ALL_DAY] * 7
        for weekday, ranges in days.items():
            if weekday not in range(7):
                raise ValueError(f"weekday {weekday!r} is not 0 (Monday) to 6 (Sunday)")
            week[weekday] = _checked(ranges)
        self._week: tuple[DayHours, ...] = tuple(week)
        self.closed_dates: frozenset[date] = frozenset(closed_dates)
        self._last_closed = max(self.closed_dates, default=None)

    @classmethod
    def always_open(cls) -> WeeklySchedule:
        return cls({})

    @classmethod
    def from_texts(cls, day_texts: Mapping[str, str], closed_dates: Iterable[date] = ()) -> WeeklySchedule:
        """From day names and hour texts as in the settings file (``{"monday": "09:00-17:30"}``)."""
        return cls({parse_weekday(name): parse_day_hours(text) for name, text in day_texts.items()}, closed_dates)

    @property
    def days(self) -> dict[int, DayHours]:
        return dict(enumerate(self._week))

    def hours_on(self, day: date) -> DayHours:
        """The open ranges on ``day`` (``()`` on a closed date)."""
        return () if day in self.closed_dates else self._week[day.weekday()]

    def is_open(self, at: datetime) -> bool:
        minute = (at - datetime.combine(at.date(), time())) / timedelta(minutes=1)
        return any(start <= minute < end for start, end in self.hours_on(at.date()))

    def next_change(self, at: datetime) -> datetime | None:
        """The first moment after ``at`` when ``is_open`` gives the other answer; None when that never happens."""
        for start, end in self._spans(at.date() - timedelta(days=1)):
            if end is not None and end <= at:
                continue
            return end if start <= at else start
        return None

    def _spans(self, first_day: date) -> Iterator[tuple[datetime, datetime | None]]:
        """Open spans from ``first_day`` on, in order, touching ranges joined across midnight; end None = forever."""
        weekly_all_day = all(hours == ALL_DAY for hours in self._week)
        weekly_never = all(not hours for hours in self._week)
        current: tuple[datetime, datetime] | None = None
        day = first_day
        while True:
            midnight = datetime.combine(day, time())
            if self._last_closed is None or day > self._last_closed:
                if weekly_all_day:
                    if current and current[1] == midnight:
                        yield current[0], None
                        return
                    if current:
                        yield current
                    yield midnight, None
                    return
                if weekly_never:
                    break
            for start, end in self.hours_on(day):
                opens, closes = midnight + timedelta(minutes=start), midnight + timedelta(minutes=end)
                if current and current[1] == opens:
                    current = current[0], closes
                    continue
                if current:
                    yield current
                current = opens, closes
            day += timedelta(days=1)
        if current:
            yield current

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WeeklySchedule):
            return NotImplemented
        return self._week == other._week and self.closed_dates == other.closed_dates

    def __hash__(self) -> int:
        return hash((self._week, self.closed_dates))

    def __repr__(self) -> str:
        hours = ", ".join(f"{WEEKDAYS[i]}={_day_text(h)!r}" for i, h in enumerate(self._week))
        return f"WeeklySchedule({hours}, closed_dates={sorted(self.closed_dates)!r})"


def _day_text(hours: DayHours) -> str:
    return ", ".join(_show(span) for span in hours) if hours else "closed"


def _checked(ranges: DayHours) -> DayHours:
    """Ranges given directly (not parsed) must obey the same rules as parsed ones."""
    text = _day_text(tuple(ranges))
    for start, end in ranges:
        if not (0 <= start < end <= MINUTES_PER_DAY):
            raise ValueError(f"time range {start}-{end} is not 0 <= start < end <= {MINUTES_PER_DAY} minutes")
    return parse_day_hours(text)
