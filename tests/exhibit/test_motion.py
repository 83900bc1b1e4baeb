"""Easing, count-up of every shipped figure in both languages, drift and transitions."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.loader import load_content
from kiosk.content.model import Content, KeyNumber
from kiosk.content.number_format import format_number, shape_of
from kiosk.content.text import Affix, Text
from kiosk.exhibit.motion import (
    COUNT_UP_MAX_S,
    COUNT_UP_MIN_S,
    CountUp,
    clamp01,
    count_up_duration,
    count_up_for,
    count_up_text,
    drift_offset,
    ease_out_cubic,
    ease_out_expo,
)
from kiosk.paths import PROJECT_ROOT

LANGUAGES = ("zh", "en")
UNIT = st.floats(min_value=0, max_value=1, allow_nan=False)


def _load() -> Content:
    result = load_content(PROJECT_ROOT / "content")
    assert result.content is not None, "\n".join(map(str, result.errors))
    return result.content


SHIPPED = _load()
NUMBERS = {n.id: n for n in SHIPPED.all_numbers()}
CASES = [pytest.param(n, lang, id=f"{n.id}-{lang}") for n in NUMBERS.values() for lang in LANGUAGES]


def number(value: float, **fields) -> KeyNumber:
    return KeyNumber(id="n", value=value, label=Text(zh="标签"), source="来源", **fields)


def samples(count_up: CountUp, steps: int = 400) -> list[float]:
    """Times from before the start to after the end, ascending."""
    end = count_up.delay_s + count_up.duration_s
    return [-0.5 + (end + 1.0) * i / steps for i in range(steps + 1)]


_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def shown_value(text: str, number: KeyNumber, language: str) -> float:
    """The figure a visitor reads in ``text``, in plain units (for 165万: 165 × 10⁴)."""
    (digits,) = _DIGITS.findall(text)
    final_digits = _DIGITS.findall(format_number(number, language))[0]
    final_shown = float(final_digits.replace(",", ""))
    return float(digits.replace(",", "")) * (number.value / final_shown if final_shown else 1.0)


def shape(text: str) -> str:
    return _DIGITS.sub("#", text)


# -- easing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ease", [ease_out_cubic, ease_out_expo])
def test_easing_is_exact_at_the_ends(ease) -> None:
    assert ease(0.0) == 0.0
    assert ease(1.0) == 1.0
    assert ease(-3.0) == 0.0 and ease(7.0) == 1.0


@pytest.mark.parametrize("ease", [ease_out_cubic, ease_out_expo])
@given(a=UNIT, b=UNIT)
def test_easing_is_monotonic_and_stays_in_range(ease, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert 0.0 <= ease(lo) <= ease(hi) <= 1.0


def test_easing_is_ease_out() -> None:
    assert ease_out_cubic(0.5) == pytest.approx(0.875)
    assert ease_out_expo(0.5) == pytest.approx((1 - 2**-5) / (1 - 2**-10))
    assert ease_out_expo(0.3) > ease_out_cubic(0.3) > 0.3


def test_clamp01() -> None:
    assert [clamp01(t) for t in (-1.0, 0.0, 0.25, 1.0, 2.0, math.nan)] == [0.0, 0.0, 0.25, 1.0, 1.0, 0.0]


# -- CountUp --------------------------------------------------------------------------------------------------


def test_count_up_holds_start_during_the_delay_and_lands_exactly_on_end() -> None:
    c = CountUp(start=0.0, end=40.3, duration_s=2.0, delay_s=0.5)
    assert c.value_at(-1.0) == 0.0 and c.value_at(0.5) == 0.0
    assert 0.0 < c.value_at(1.0) < 40.3
    assert c.value_at(2.5) == 40.3 and c.value_at(100.0) == 40.3
    assert not c.done(2.4999) and c.done(2.5)
    assert c.progress(0.2) == 0.0 and c.progress(2.5) == 1.0
    assert c.progress(1.5) == pytest.approx(ease_out_cubic(0.5))


def test_count_up_counts_down() -> None:
    c = CountUp(start=50.0, end=8.0, duration_s=1.5)
    values = [c.value_at(t / 100) for t in range(0, 200)]
    assert values[0] == 50.0 and values[-1] == 8.0
    assert all(a >= b for a, b in zip(values, values[1:]))
    assert all(8.0 <= v <= 50.0 for v in values)


def test_count_up_rejects_negative_times_and_unknown_easing() -> None:
    with pytest.raises(ValueError):
        CountUp(0, 1, -1.0)
    with pytest.raises(ValueError):
        CountUp(0, 1, 1.0, delay_s=-0.1)
    with pytest.raises(ValueError):
        CountUp(0, 1, 1.0, easing="bounce")  # type: ignore[arg-type]


@given(
    start=st.floats(-1e9, 1e9),
    end=st.floats(-1e9, 1e9),
    duration=st.floats(0, 5),
    delay=st.floats(0, 2),
    a=st.floats(-1, 10),
    b=st.floats(-1, 10),
    easing=st.sampled_from(["cubic", "expo"]),
)
def test_count_up_is_monotonic_and_in_range(start, end, duration, delay, a, b, easing) -> None:
    c = CountUp(start, end, duration, delay, easing)
    t0, t1 = sorted((a, b))
    v0, v1 = c.value_at(t0), c.value_at(t1)
    lo, hi = sorted((start, end))
    assert lo <= v0 <= hi and lo <= v1 <= hi
    assert (v0 <= v1) if end >= start else (v0 >= v1)


# -- count_up_for ---------------------------------------------------------------------------------------------


def test_duration_grows_with_the_jump_within_the_brief() -> None:
    assert count_up_duration(0) == count_up_duration(8) == COUNT_UP_MIN_S == 1.5
    assert count_up_duration(1e6) == count_up_duration(2e11) == COUNT_UP_MAX_S == 2.5
    assert count_up_duration(100) == pytest.approx(1.7)
    assert count_up_duration(-100) == count_up_duration(100)
    jumps = [10**k for k in range(0, 13)]
    durations = [count_up_duration(j) for j in jumps]
    assert durations == sorted(durations)


@pytest.mark.parametrize("n", NUMBERS.values(), ids=NUMBERS.keys())
def test_every_shipped_count_up_takes_1_5_to_2_5_seconds(n: KeyNumber) -> None:
    c = count_up_for(n)
    assert 1.5 <= c.duration_s <= 2.5
    assert c.start == (n.start if n.start is not None else 0.0)
    assert c.end == n.value


def test_large_jumps_ease_out_expo_and_small_ones_cubic() -> None:
    assert count_up_for(NUMBERS["university-students"]).easing == "expo"
    assert count_up_for(NUMBERS["fund-forest"]).easing == "expo"
    assert count_up_for(NUMBERS["ehang-certificates"]).easing == "cubic"
    assert count_up_for(NUMBERS["nature-index-rank"]).easing == "cubic"
    assert count_up_for(NUMBERS["fund-forest"]).duration_s > count_up_for(NUMBERS["academicians"]).duration_s


def test_a_small_count_does_not_sit_on_its_final_value() -> None:
    eight = number(8)
    c = count_up_for(eight)
    first_final = next(t / 1000 for t in range(0, 3000) if count_up_text(eight, "zh", t / 1000, c) == "8")
    assert first_final >= 0.55 * c.duration_s


def test_delay_is_passed_on() -> None:
    c = count_up_for(number(71), delay_s=0.4)
    assert c.delay_s == 0.4 and c.value_at(0.4) == 0.0 and c.value_at(0.5) > 0.0


@pytest.mark.parametrize("n", NUMBERS.values(), ids=NUMBERS.keys())
def test_reduced_motion_shows_the_final_value_at_once(n: KeyNumber) -> None:
    c = count_up_for(n, reduced_motion=True, delay_s=1.0)
    assert c.duration_s == 0.0 and c.delay_s == 0.0
    for t in (-1.0, 0.0, 0.5, 3.0):
        assert c.value_at(t) == n.value
        assert c.done(max(t, 0.0))
        for lang in LANGUAGES:
            assert count_up_text(n, lang, t, c) == format_number(n, lang)


# -- count_up_text over every shipped figure -----------------------------------------------------------------


@pytest.mark.parametrize(("n", "language"), CASES)
def test_final_text_is_the_formatted_number(n: KeyNumber, language: str) -> None:
    c = count_up_for(n, delay_s=0.3)
    expected = format_number(n, language)
    assert count_up_text(n, language, c.delay_s + c.duration_s, c) == expected
    assert count_up_text(n, language, 60.0, c) == expected
    assert count_up_text(n, language, 60.0) == expected


@pytest.mark.parametrize(("n", "language"), CASES)
def test_counting_text_stays_in_range_shape_and_order(n: KeyNumber, language: str) -> None:
    c = count_up_for(n)
    final = format_number(n, language)
    texts = [count_up_text(n, language, t, c) for t in samples(c)]
    values = [shown_value(text, n, language) for text in texts]
    lo, hi = sorted((c.start, c.end))
    tolerance = 1e-9 * max(1.0, abs(n.value))
    assert all(lo - tolerance <= v <= hi + tolerance for v in values), (texts[0], texts[-1])
    assert all(shape(text) == shape(final) for text in texts), {t for t in texts if shape(t) != shape(final)}
    step = -1 if c.start > c.end else 1
    assert all(step * (b - a) >= -tolerance for a, b in zip(values, values[1:]))
    assert texts[-1] == final
    assert values[0] == pytest.approx(c.start, abs=tolerance)
    number_shape = shape_of(n, language)
    shown_steps = round(abs(c.end - c.start) * 10**number_shape.decimals / number_shape.divisor)
    assert len(set(texts)) >= min(shown_steps + 1, 20), "the number should visibly count"


@pytest.mark.parametrize(
    "number_id",
    [
        "nature-index-rank",
        "gii-cluster-rank",
        "unicorns-world-rank",
        "unicorns-china-rank",
        "foreign-talent-rank",
        "students-rank",
    ],
)
def test_ranks_count_down(number_id: str) -> None:
    n = NUMBERS[number_id]
    c = count_up_for(n)
    assert n.start is not None and n.start > n.value and c.start > c.end
    assert count_up_text(n, "zh", 0.0, c) == format_number(n, "zh", n.start)
    assert count_up_text(n, "zh", 0.0, c).startswith("第")
    middle = shown_value(count_up_text(n, "zh", c.duration_s / 2, c), n, "zh")
    assert n.value < middle < n.start


def test_known_counting_texts() -> None:
    students, fund, nature = NUMBERS["university-students"], NUMBERS["fund-forest"], NUMBERS["nature-index-rank"]
    assert count_up_text(students, "zh", 0.0) == "0万人"
    assert count_up_text(students, "en", 0.0) == "0.00 million"
    assert re.fullmatch(r"\d{1,3}万人", count_up_text(students, "zh", 1.0))
    assert re.fullmatch(r"\d{1,4}多亿元", count_up_text(fund, "zh", 1.0))
    assert count_up_text(nature, "en", 0.0) == "No. 50"
    assert count_up_text(NUMBERS["foreign-talent-growth"], "zh", 0.0) == "+0.0%"


def test_whole_numbers_are_rounded_not_truncated_or_shown_with_decimals() -> None:
    n = number(8, unit=Affix(zh="款", en=""))
    c = CountUp(0.0, 8.0, 1.0)
    t = next(t / 1000 for t in range(1000) if c.value_at(t / 1000) >= 2.5)
    assert count_up_text(n, "zh", t, c) in {"2款", "3款"}
    assert all(re.fullmatch(r"\d款", count_up_text(n, "zh", k / 50, c)) for k in range(60))


def test_an_off_grid_start_is_never_shown_below_itself() -> None:
    n = number(8)
    c = CountUp(0.4, 8.0, 1.0)
    assert count_up_text(n, "zh", 0.0, c) == "1"
    assert count_up_text(n, "zh", 1.0, c) == "8"
    assert count_up_text(number(0.6), "zh", 0.0, CountUp(0.45, 0.6, 1.0)) == "0.5"


@given(
    value=st.integers(1, 10**12),
    start=st.one_of(st.none(), st.integers(0, 10**12)),
    t=st.floats(0, 3),
    language=st.sampled_from(LANGUAGES),
)
def test_counting_text_never_leaves_the_range(value: int, start: int | None, t: float, language: str) -> None:
    n = number(float(value), start=None if start is None else float(start))
    c = count_up_for(n)
    text = count_up_text(n, language, t, c)
    assert shape(text) == shape(format_number(n, language))
    lo, hi = sorted((c.start, c.end))
    shown = shown_value(text, n, language)
    assert lo - 1e-6 * hi <= shown <= hi + 1e-6 * hi


# -- drift and transitions -----------------------------------------------------------------------------------


def test_drift_starts_still_and_closes_its_path() -> None:
    assert drift_offset(0.0) == (0.0, 0.0)
    x, y = drift_offset(1800.0 * 3)
    assert x == pytest.approx(0.0, abs=1e-9) and y == pytest.approx(0.0, abs=1e-9)
    assert drift_offset(123.0, 12.0, 600.0) == pytest.approx(drift_offset(723.0, 12.0, 600.0))


@pytest.mark.parametrize("amplitude", [4.0, 12.0, 30.0])
def test_drift_stays_within_the_amplitude_and_uses_it(amplitude: float) -> None:
    distances = [math.hypot(*drift_offset(t, amplitude)) for t in range(0, 1801)]
    assert max(distances) <= amplitude + 1e-9
    assert max(distances) >= 0.99 * amplitude


def test_default_drift_moves_at_most_6_px_per_minute() -> None:
    dt = 0.5
    points = [drift_offset(i * dt) for i in range(int(1800 / dt) + 1)]
    speeds = [math.dist(a, b) / dt * 60 for a, b in zip(points, points[1:])]
    assert max(speeds) <= 6.0
    assert max(speeds) >= 3.0, "it should still move perceptibly over the period"
    assert max(speeds) == pytest.approx(0.8 * 12 * math.sqrt(5) * 2 * math.pi / 1800 * 60, rel=1e-3)


def test_drift_rejects_a_zero_period() -> None:
    with pytest.raises(ValueError):
        drift_offset(1.0, 12.0, 0.0)
