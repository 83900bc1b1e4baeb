"""The shipped content validates, is fully bilingual, and holds every figure and achievement of the article."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from kiosk.content.loader import load_content
from kiosk.content.model import Content
from kiosk.content.number_format import format_number
from kiosk.content.text import Text
from kiosk.paths import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "content"
ARTICLE = PROJECT_ROOT.parent / "shared" / "source" / "guangzhou-sci-tech-2025-01-16.txt"


@pytest.fixture(scope="module")
def content() -> Content:
    result = load_content(CONTENT_DIR)
    assert result.errors == [] and result.warnings == [], "\n".join(map(str, result.errors + result.warnings))
    assert result.content is not None
    return result.content


# id -> (Chinese text, English text) exactly as a visitor reads them
FIGURES = {
    "nature-index-rank": ("第8位", "No. 8"),
    "gii-cluster-rank": ("第2位", "No. 2"),
    "national-awards": ("26个", "26"),
    "awards-led": ("11项", "11"),
    "awards-province-share": ("近80%", "nearly 80%"),
    "unicorns": ("24家", "24"),
    "unicorns-china-rank": ("第4", "No. 4"),
    "unicorns-world-rank": ("第9", "No. 9"),
    "academicians": ("71人", "71"),
    "axis-universities-share": ("约30%", "about 30%"),
    "axis-hightech-share": ("51%", "51%"),
    "axis-unicorns-share": ("74%", "74%"),
    "gzlab-drugs": ("6款", "6"),
    "motor-power-density": ("+100%", "+100%"),
    "ehang-certificates": ("3证", "3"),
    "fund-forest": ("2000多亿元", "over 200 billion yuan"),
    "foreign-talent-growth": ("+40.3%", "+40.3%"),
    "foreign-talent-rank": ("第3", "No. 3"),
    "university-students": ("165万人", "1.65 million"),
    "students-rank": ("第1", "No. 1"),
    "policy-1n": ("1+N", "1+N"),
}


@pytest.mark.parametrize(("number_id", "texts"), FIGURES.items())
def test_every_figure_of_the_article_reads_right(content: Content, number_id: str, texts: tuple[str, str]) -> None:
    number = content.number(number_id)
    assert (format_number(number, "zh"), format_number(number, "en")) == texts


def test_ranks_count_down(content: Content) -> None:
    for number_id in ("nature-index-rank", "gii-cluster-rank", "unicorns-world-rank", "students-rank"):
        number = content.number(number_id)
        assert number.start is not None and number.start > number.value


def test_record_and_context_notes(content: Content) -> None:
    assert "历史之最" in content.number("academicians").note.zh
    assert "2019年底" in content.number("foreign-talent-growth").note.zh


ACHIEVEMENTS = [
    "梦想号",
    "人体蛋白质组导航",
    "瘤内注射药物",
    "高纯锗探测器",
    "质子重离子治疗监测系统",
    "夸克电驱",
    "亿航智能",
    "超快动力电池",
    "手术机器人定位系统",
    "TH-F120",
    "太赫兹扫描隧道显微镜",
    "脑机接口",
    "全国唯一",
]
POLICIES = ["全生命周期", "创新联合体", "1+N", "五个一", "成果转化试点", "创投贷融保", "启航", "活力创新轴"]


def _all_chinese(content: Content) -> str:
    return content.model_dump_json()


@pytest.mark.parametrize("name", ACHIEVEMENTS)
def test_every_named_achievement_has_a_card(content: Content, name: str) -> None:
    cards = [card for pillar in content.pillars for card in pillar.cards]
    assert any(name in card.title.zh + card.organisation.zh + card.achievement.zh + card.source for card in cards)


@pytest.mark.parametrize("name", POLICIES)
def test_every_policy_framework_is_there(content: Content, name: str) -> None:
    policies = [p for pillar in content.pillars for p in pillar.policies]
    assert any(name in p.title.zh + p.text.zh + p.source for p in policies), name


def test_four_pillars_in_order_and_four_tasks(content: Content) -> None:
    assert [p.title.zh for p in content.pillars] == [
        "服务国家战略 承载国际创新",
        "服务产业发展 引领产业创新",
        "服务成果转化 激活发展动能",
        "服务创新生态 提升创新效能",
    ]
    assert [t.source[:2] for t in content.outlook.tasks] == ["一是", "二是", "三是", "四是"]
    assert all(p.headline_number for p in content.pillars)


def _texts(model: BaseModel, path: str = "") -> list[tuple[str, Text]]:
    found = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(items):
            where = f"{path}.{name}" + (f"[{i}]" if isinstance(value, (list, tuple)) else "")
            if isinstance(item, Text):
                found.append((where, item))
            elif isinstance(item, BaseModel):
                found.extend(_texts(item, where))
    return found


def test_shipped_content_is_fully_bilingual(content: Content) -> None:
    missing = [where for where, text in _texts(content) if text.en is None]
    assert missing == []


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the article is kept beside the repository, in shared/source")
def test_every_source_is_word_for_word_in_the_article() -> None:
    result = load_content(CONTENT_DIR, article_text=ARTICLE.read_text(encoding="utf-8"))
    assert result.ok, "\n".join(map(str, result.errors))
