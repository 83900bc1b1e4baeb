"""A minimal valid content folder, written fresh for each test so a test can break one line of it."""

from __future__ import annotations

from pathlib import Path

EXHIBIT = """\
exhibit:
  title: {zh: 标题, en: Title}
  subtitle: {zh: 副标题}
  attract_prompt: {zh: 触摸屏幕 开始探索, en: Touch to explore}
  languages: [zh, en]
  default_language: zh
  article:
    title: {zh: 文章}
    publisher: {zh: 广州日报, en: Guangzhou Daily}
    date: 2025-01-16
    url: http://example.invalid/a
  headline_numbers: [rank]
"""

PILLAR = """\
pillar:
  id: one
  order: 1
  title: {zh: 服务国家战略, en: National strategy}
  short_title: {zh: 国家战略}
  tagline: {zh: 承载地}
  lead: {zh: 引言}
  accent: "#5EC8F2"
  icon: globe
  headline_number: rank
  numbers:
    - id: rank
      value: 8
      start: 50
      prefix: {zh: 第, en: "No. "}
      unit: {zh: 位, en: ""}
      label: {zh: 排名, en: Rank}
      source: 跃升至第8位
  cards:
    - id: ship
      title: {zh: 梦想号}
      organisation: {zh: 广州}
      achievement: {zh: 入列}
      icon: ship
      source: 梦想号
      art: dream-drillship
      figure: rank
"""

OUTLOOK = """\
outlook:
  title: {zh: 面向2025年}
  lead: {zh: 努力}
  source: 面向2025年
  tasks:
    - id: t1
      title: {zh: 任务}
      text: {zh: 内容}
      icon: target
      source: 一是
"""

FILES = {"exhibit.yaml": EXHIBIT, "pillars/1.yaml": PILLAR, "outlook.yaml": OUTLOOK}


def write_content(root: Path, **changes: str | bytes | None) -> Path:
    """Write the fixture under ``root/content``. ``changes`` maps a file key (exhibit, pillar, outlook, or a
    relative path with '/' written as '__') to new text, bytes, or None to leave the file out."""
    keys = {"exhibit": "exhibit.yaml", "pillar": "pillars/1.yaml", "outlook": "outlook.yaml"}
    files: dict[str, str | bytes | None] = dict(FILES)
    for key, text in changes.items():
        files[keys.get(key, key.replace("__", "/"))] = text
    content = root / "content"
    for name, text in files.items():
        if text is None:
            continue
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"fixture edit is ambiguous or missing: {old!r}"
    return text.replace(old, new)
