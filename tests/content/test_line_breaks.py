"""Where a Chinese line may break: between words (rjieba), never inside a listed name, a Latin or number token, or
a short quoted term; punctuation stays with its word; the glued text shows the same characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.line_breaks import BREAK_HERE, WORD_JOINER, LineBreaker, compressible, han_count, strip_joiners


def test_words_and_names_stay_whole() -> None:
    breaker = LineBreaker(["夸克电驱", "太赫兹"])
    assert breaker.units("融入广州南沙") == ["融入", "广州", "南沙"]
    assert breaker.units("夸克电驱实现") == ["夸克电驱", "实现"]
    assert "太赫兹" in breaker.units("太赫兹通信")


def test_latin_and_number_tokens_stay_whole_with_what_they_count() -> None:
    breaker = LineBreaker()
    assert "TH-F120。" in breaker.units("透射电子显微镜TH-F120。")
    assert "第8位" in breaker.units("全球排名第8位")
    assert "26项" in breaker.units("共获26项国家奖")
    assert "100%，" in breaker.units("提升100%，突破")


def test_short_quoted_terms_are_one_unit_and_marks_stay_with_their_words() -> None:
    units = LineBreaker().units("“五个一”模式和“1+N”政策体系。")
    assert units[0] == "“五个一”" and "“1+N”" in units and units[-1].endswith("。")
    assert not any(u and u[0] in "，。、”" for u in units)  # no unit (so no line) starts with a closing mark


def test_glue_joins_inside_units_only() -> None:
    glued = LineBreaker().glue("融入广州")
    assert glued == f"融{WORD_JOINER}入广{WORD_JOINER}州"
    assert LineBreaker().glue("Guangzhou ranks 8th") == "Guangzhou ranks 8th"  # no Han: untouched


@given(st.text(alphabet="广州科技创新第8位“”，。AB12-% ", max_size=40))
def test_glue_never_changes_what_is_shown(text: str) -> None:
    breaker = LineBreaker(["科技创新"])
    assert "".join(breaker.units(text)) == text
    assert strip_joiners(breaker.glue(text)) == text


def test_adjacent_marks_are_compressed_and_han_is_counted() -> None:
    text = "“夸克电驱”，电机"
    assert compressible(text) == [5]  # ” before ，
    assert compressible(LineBreaker().glue(text)) != []
    assert han_count("第8位 ab") == 2


def test_a_particle_never_starts_a_line() -> None:
    units = LineBreaker().units("加强企业主导的产学研深度融合")
    assert "主导的" in units and "的" not in units
    assert LineBreaker().units("的确") == ["的确"]  # a word that starts with 的 is left alone


def test_a_line_may_break_beside_a_quotation_mark_between_two_units() -> None:
    breaker = LineBreaker(["基金丛林"])
    glued = breaker.glue("产投、创投“基金丛林”规模")
    # UAX #14 lets no line break before “ or after ”: a zero-width space between the units gives those breaks
    assert f"创{WORD_JOINER}投{BREAK_HERE}“" in glued and f"”{BREAK_HERE}规" in glued
    assert BREAK_HERE not in breaker.glue("“基金丛林”")  # never inside a unit, never at either end
    assert strip_joiners(glued) == "产投、创投“基金丛林”规模"
    two = breaker.glue("“基金丛林”“五个一”")  # the ” and “ that meet are still set closer across the break
    assert BREAK_HERE in two and [two[i] for i in compressible(two)] == ["”"]
