"""What reading aloud says: figures by their final value in words with the unit, charts as sentences from their data,
and a list of every text of the shipped content in both languages."""

from __future__ import annotations

import pytest

from kiosk.accessibility.number_words import chinese_integer, english_integer, english_ordinal, words_in
from kiosk.accessibility.spoken import _texts, chart_sentence, content_utterances, figure, number_sentence
from kiosk.content.model import Content


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("40.3%", "百分之四十点三", "forty point three percent"),
        ("第8位", "第八位", None),
        ("165万", "一百六十五万", None),
        ("2000多亿元", "二千多亿元", None),
        ("No. 8", None, "number eight"),
        ("over 200 billion yuan", None, "over two hundred billion yuan"),
        ("1,650,000", "一百六十五万", "one million six hundred and fifty thousand"),
        ("2005", "二千零五", "two thousand and five"),
        ("10", "十", "ten"),
        ("110000", "十一万", "one hundred and ten thousand"),
    ],
)
def test_figures_in_words(text: str, zh: str | None, en: str | None) -> None:
    if zh is not None:
        assert words_in(text, "zh") == zh
    if en is not None:
        assert words_in(text, "en") == en


def test_integers_and_ordinals() -> None:
    assert english_integer(0) == "zero"
    assert english_integer(21) == "twenty-one"
    assert english_integer(1000001) == "one million and one"
    assert chinese_integer(100000000) == "一亿"
    assert chinese_integer(1001) == "一千零一"
    assert [english_ordinal(n) for n in (1, 2, 3, 8, 12, 20, 21)] == [
        "first",
        "second",
        "third",
        "eighth",
        "twelfth",
        "twentieth",
        "twenty-first",
    ]


def test_a_rank_chart_reads_as_a_sentence(content: Content) -> None:
    chart = next(c for p in content.pillars for c in p.charts if c.id == "talent-rankings")
    en = chart_sentence(chart, "en")
    assert en.startswith("Talent – rankings in China: Foreign talent working in Guangzhou, ranked third;")
    assert "ranked first" in en
    zh = chart_sentence(chart, "zh")
    assert zh.startswith("人才全国排名：在穗工作的外籍人才数量，第三位；") and zh.endswith("第一位。")


def test_a_share_and_a_part_of_a_whole_read_with_their_units(content: Content) -> None:
    charts = {c.id: c for p in content.pillars for c in p.charts}
    assert "about thirty percent" in chart_sentence(charts["axis-shares"], "en")
    assert "约百分之三十" in chart_sentence(charts["axis-shares"], "zh")
    assert "eleven of twenty-six" in chart_sentence(charts["awards-led-chart"], "en")


def test_a_counting_number_is_said_by_its_final_value(content: Content) -> None:
    rank = content.number(content.exhibit.headline_numbers[0])
    assert figure(rank, "zh") == "第八位"
    said = number_sentence(rank, "en")
    assert said.startswith("number eight, ") and said.endswith(".")
    assert rank.start is None or str(int(rank.start)) not in said


def test_every_text_of_the_content_in_both_languages_is_to_be_said(content: Content) -> None:
    said = {(u.text, u.language) for u in content_utterances(content)}
    for text in _texts(content):
        for language in ("zh", "en"):
            if text.get(language):  # an empty unit (en: "") has nothing to say
                assert (text.get(language), language) in said
    for number in content.all_numbers():
        assert (number_sentence(number, "en"), "en") in said
    assert len(said) == len(content_utterances(content))  # no duplicates
