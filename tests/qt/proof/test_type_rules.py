"""Each typesetting rule catches a text made to break it, and the typesetter keeps the shipped kinds of text clear
of them: Chinese breaks between words only, headings are balanced, a last line is never a lone character."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kiosk.content.line_breaks import LineBreaker
from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.text_style import TextStyle
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.proof.type_rules import violations
from kiosk.qt.widgets.text_block import Fitted, TextBlock, _layout, line_texts

BODY = TextStyle(px=30, min_px=30, colour="#ffffff", max_lines=8)
HEADING = TextStyle(px=40, min_px=40, colour="#ffffff", max_lines=3)
LONG_A, LONG_B = "一二三四五六七八九十一二三四", "五六七八九十一二三四五六七八"  # two long "names" that never split


@pytest.fixture(scope="module")
def typography(qapp) -> Typography:
    return Typography(load_bundled_fonts(default_assets_dir())[0], LineBreaker(["夸克电驱", LONG_A, LONG_B]))


def rules(block: object) -> set[str]:
    return {v.rule for v in violations(block)}  # type: ignore[arg-type]


@dataclass
class Laid:
    """A stand-in for a TextBlock whose lines were broken some other way (to show what the rules would say)."""

    fitted: Fitted
    style: TextStyle
    elided: bool = False
    preview: bool = False


def laid_anywhere(text: str, typography: Typography, style: TextStyle, width: float) -> Laid:
    layout, height, lines, _ = _layout(typography.breaker.glue(text), typography, style, style.px, width, 9, True)
    return Laid(Fitted(style.px, layout, height, lines, False), style)


def test_chinese_breaks_between_words_only(typography: Typography) -> None:
    block = TextBlock("广汽埃安发布夸克电驱融入广州南沙", BODY, typography, 4.5 * 30, 400)
    lines = line_texts(block.fitted.layout)
    assert len(lines) > 1 and not block.elided
    assert "夸克电驱" in lines and all(line not in ("州南沙", "克电驱") for line in lines)
    assert any("广州" in line for line in lines) and "广汽埃安" in lines


def test_a_line_broken_inside_a_word_is_caught(typography: Typography) -> None:
    assert "word-split" in rules(laid_anywhere("融入广州南沙夸克电驱", typography, BODY, 3.5 * 30))


def test_a_line_starting_with_a_closing_mark_is_caught(typography: Typography) -> None:
    caught = set()
    for chars in range(3, 7):  # wherever the comma falls at a line start when lines may break anywhere
        caught |= rules(laid_anywhere("一二三四五六，七八九十一二三四五，六七", typography, BODY, chars * 30 + 2))
    assert "mark-at-line-start" in caught


def test_a_lone_last_character_is_moved_up_or_caught(typography: Typography) -> None:
    # Seven characters a line, eight characters: the typesetter brings a word down to the last line.
    fixed = TextBlock("推动产业科技互促双强", HEADING, typography, 7 * 40 + 4, 200)
    assert len(line_texts(fixed.fitted.layout)[-1]) >= 2 and rules(fixed) == set()
    # A body text's last line needs three: the line before it ends a word earlier.
    moved = TextBlock("广汽埃安发布夸克电驱融入广州南沙", BODY, typography, 4.5 * 30, 400)
    assert line_texts(moved.fitted.layout)[-2:] == ["融入", "广州南沙"] and rules(moved) == set()
    # Two unbreakable names fill their lines; nothing can come down to the lone last character: the rule says so.
    stuck = TextBlock(f"{LONG_A}{LONG_B}。人", BODY, typography, 15 * 30 + 4, 400)
    assert line_texts(stuck.fitted.layout)[-1] == "人" and rules(stuck) == {"short-last-line"}


def test_headings_are_balanced(typography: Typography) -> None:
    block = TextBlock("进一步完善科技金融和人才发展体制机制", HEADING, typography, 14 * 40, 200)
    lengths = [len(line) for line in line_texts(block.fitted.layout)]
    assert len(lengths) == 2 and abs(lengths[0] - lengths[1]) <= 4


def test_a_cut_text_is_caught_as_an_ellipsis_and_a_cut_preview_as_a_note(typography: Typography) -> None:
    long = "广州科技创新综合水平迈入全球第一方阵" * 4
    assert rules(TextBlock(long, BODY, typography, 300, 40)) == {"ellipsis"}
    assert rules(TextBlock(long, BODY, typography, 300, 40, preview=True)) == {"preview-cut"}


def test_a_quoted_term_wider_than_the_rest_of_its_line_moves_to_the_next(typography: Typography) -> None:
    # 创投“基金丛林”规模 is ten characters; eight fit a line. Without a break beside the quotation marks the text was
    # cut short with an ellipsis.
    block = TextBlock("产投、创投“基金丛林”规模", HEADING, typography, 8 * 40 + 4, 400)
    assert not block.elided and rules(block) == set()
    assert line_texts(block.fitted.layout) == ["产投、创投", "“基金丛林”规模"]


def test_large_text_keeps_a_heading_a_heading(typography: Typography) -> None:
    from kiosk.content.model import Theme
    from kiosk.qt.foundations.look import Look

    theme = Theme()
    large = Look(1920, 1080, theme, "zh", text_scale=1.43)
    # a story title may take four lines, eight in large text: it is still a heading (balanced, two characters
    # on its last line will do), where body text of as many lines needs three
    title = large.style("heading", max_lines=4)
    assert title.max_lines == 8 and title.is_heading
    assert not large.style("body", max_lines=4).is_heading and large.style("label", max_lines=2).is_heading
    block = TextBlock("“创投贷融保”一体", title, typography, 8 * title.px, 400)
    assert line_texts(block.fitted.layout) == ["“创投贷融保”", "一体"] and rules(block) == set()
    body_style = large.style("body", max_lines=4)
    body = TextBlock("“创投贷融保”一体", body_style, typography, 8 * body_style.px + 4, 400)
    assert "short-last-line" in rules(body)  # the same lines as body text break the rule


def test_a_fitted_text_is_kept_for_the_same_box_and_made_anew_for_new_words(typography: Typography) -> None:
    from kiosk.qt.widgets.text_block import fit_text

    first = fit_text("广州科技创新综合水平", typography, HEADING, 300, 200)
    assert fit_text("广州科技创新综合水平", typography, HEADING, 300, 200) is first  # laid out once
    assert fit_text("广州科技创新综合水平", typography, HEADING, 301, 200) is not first
    # new content brings a new line breaker (its names): the text is fitted again
    other = Typography(typography.family, LineBreaker(["科技创新综合"]))
    assert fit_text("广州科技创新综合水平", other, HEADING, 300, 200) is not first
