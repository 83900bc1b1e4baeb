"""The loader reports every problem of a content folder with file, line, column, key path and a hint."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.loader import load_content, require_content
from kiosk.content.yaml_source import MAX_FILE_BYTES
from kiosk.errors import ContentInvalid

from .fixtures import EXHIBIT, OUTLOOK, PILLAR, edit, write_content


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # error paths are shown relative to the working folder


def errors_of(tmp_path: Path, **changes) -> list[str]:
    result = load_content(write_content(tmp_path, **changes))
    assert result.content is None, "broken content must not produce a Content"
    return [str(e) for e in result.errors]


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    result = load_content(write_content(tmp_path))
    assert result.errors == [] and result.warnings == []
    assert result.content is not None
    assert result.content.summary() == "1 pillars, 1 numbers, 1 cards, 0 charts, 1 outlook tasks"
    assert result.content.pillars[0].title.get("en") == "National strategy"
    assert result.content.pillars[0].short_title.get("en") == "国家战略"  # English falls back to Chinese
    assert result.content.pillars[0].numbers[0].unit.get("en") == ""  # explicit empty English stays empty


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    broken = edit(PILLAR, "en: National strategy}", "en: National strategy")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:5:14: YAML syntax error: while parsing a flow mapping that starts at line 4, "
        "did not find expected ',' or '}' (a '{' is not closed, or text containing ',' needs quotes)"
    ]


def test_tab_indentation_has_a_plain_hint(tmp_path: Path) -> None:
    broken = edit(PILLAR, "  order: 1", "\torder: 1")
    (error,) = errors_of(tmp_path, pillar=broken)
    assert error.startswith("content/pillars/1.yaml:3:1: YAML syntax error:")
    assert error.endswith("(indent with spaces, not tabs)")


def test_wrong_type_is_located_at_the_value(tmp_path: Path) -> None:
    broken = edit(PILLAR, "value: 8", "value: eight")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:13:14: pillar.numbers[0].value: expected a number, found the text 'eight' "
        "(write digits only, e.g. 40.3, without quotes or units)"
    ]


def test_yes_no_where_text_belongs_says_to_quote(tmp_path: Path) -> None:
    broken = edit(PILLAR, "label: {zh: 排名, en: Rank}", "label: {zh: 排名, en: no}")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:17:27: pillar.numbers[0].label.en: expected text, found the yes/no value false "
        "(put the text in quotes)"
    ]


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    broken = edit(PILLAR, "  tagline:", "  tagtine:")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:2:3: pillar.tagline: 'tagline' is missing (add 'tagline:' here)",
        "content/pillars/1.yaml:6:3: pillar.tagtine: unknown key 'tagtine' (did you mean 'tagline'?)",
    ]


def test_unknown_key_without_a_near_match_lists_allowed_keys(tmp_path: Path) -> None:
    broken = edit(OUTLOOK, "  lead:", "  colour: red\n  lead:")
    (error,) = errors_of(tmp_path, outlook=broken)
    assert error == (
        "content/outlook.yaml:3:3: outlook.colour: unknown key 'colour' (allowed here: title, lead, tasks, source)"
    )


def test_duplicate_key_is_an_error_not_silently_dropped(tmp_path: Path) -> None:
    broken = edit(PILLAR, "      title: {zh: 梦想号}", "      title: {zh: 梦想号}\n      title: {zh: 另一张}")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:22:7: pillar.cards[0].title: duplicate key 'title' (first at line 21) "
        "(YAML would silently keep only the last one; remove or rename one of them)"
    ]


def test_missing_required_chinese_text(tmp_path: Path) -> None:
    broken = edit(PILLAR, "tagline: {zh: 承载地}", "tagline: {en: Hub}")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:6:12: pillar.tagline.zh: 'zh' is missing (add 'zh:' here)"
    ]


def test_blank_chinese_text(tmp_path: Path) -> None:
    broken = edit(PILLAR, "lead: {zh: 引言}", 'lead: {zh: "  "}')
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:7:14: pillar.lead.zh: is empty; write the text or remove the field"
    ]


def test_bad_colour(tmp_path: Path) -> None:
    broken = edit(PILLAR, 'accent: "#5EC8F2"', 'accent: "#5EC8F"')
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:8:11: pillar.accent: the text '#5EC8F' is not a colour "
        "(write it as #RRGGBB, e.g. '#E8433A', in quotes)"
    ]


def test_colour_too_dark_to_read(tmp_path: Path) -> None:
    broken = edit(PILLAR, 'accent: "#5EC8F2"', 'accent: "#203040"')
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:8:11: pillar.accent: #203040 on the background #0A1633 has contrast 1.33:1; "
        "at least 4.5:1 is needed to read it (choose a lighter colour)"
    ]


def test_unknown_icon_suggests_a_close_one(tmp_path: Path) -> None:
    broken = edit(PILLAR, "icon: globe", "icon: glob")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:9:9: pillar.icon: the text 'glob' is not allowed here (did you mean 'globe'?)"
    ]


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("../secret.png", "must stay inside the content folder; remove '..'"),
        ("/etc/passwd.png", "must be a path relative to the content folder, written with '/', e.g. 'images/ship.png'"),
        ("images/ship.exe", "must be an image ending in .png, .jpg, .jpeg, .svg"),
    ],
)
def test_image_paths_stay_inside_the_folder(tmp_path: Path, image: str, message: str) -> None:
    broken = edit(PILLAR, "      icon: ship", f"      icon: ship\n      image: {image}")
    assert errors_of(tmp_path, pillar=broken) == [f"content/pillars/1.yaml:25:14: pillar.cards[0].image: {message}"]


def test_image_symlink_escaping_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG")
    broken = edit(PILLAR, "      icon: ship", "      icon: ship\n      image: images/ship.png")
    content = write_content(tmp_path, pillar=broken)
    (content / "images").mkdir()
    os.symlink(outside, content / "images" / "ship.png")
    assert [str(e) for e in load_content(content).errors] == [
        "content/pillars/1.yaml:25:14: pillar.cards[0].image: 'images/ship.png' leads outside the content folder "
        "(through a link) (copy the image into the content folder)"
    ]


def test_missing_image_is_an_error_for_validate_and_a_warning_when_running(tmp_path: Path) -> None:
    broken = edit(PILLAR, "      icon: ship", "      icon: ship\n      image: images/ship.png")
    content = write_content(tmp_path, pillar=broken)
    expected = (
        "content/pillars/1.yaml:25:14: pillar.cards[0].image: the image 'images/ship.png' does not exist "
        "(check the file name, or remove 'image:')"
    )
    assert [str(e) for e in load_content(content).errors] == [expected]
    relaxed = load_content(content, strict_assets=False)
    assert relaxed.ok and [str(w) for w in relaxed.warnings] == [expected]
    (content / "images").mkdir()
    (content / "images" / "ship.png").write_bytes(b"\x89PNG")
    assert load_content(content).ok


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):  # each line repeats the previous one ten times: 10**9 values once expanded
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    assert errors_of(tmp_path, outlook=bomb) == [
        "content/outlook.yaml:1:32: e[0][6][8][8][8]: the file expands to more than 20,000 values "
        "(an alias (*name) repeats an anchor (&name) too often; write the content out instead)"
    ]


def test_recursive_alias_is_stopped(tmp_path: Path) -> None:
    (error,) = errors_of(tmp_path, outlook="outlook: &loop\n  tasks: [*loop]\n")
    assert error.startswith("content/outlook.yaml:1:10: outlook.tasks[0].tasks[0]")
    assert "nested more than 40 levels deep (a recursive alias?)" in error


def test_oversized_file(tmp_path: Path) -> None:
    huge = OUTLOOK + "#" + "x" * MAX_FILE_BYTES + "\n"
    assert errors_of(tmp_path, outlook=huge) == [
        f"content/outlook.yaml:0:0: file is {len(huge.encode()):,} bytes; the limit is {MAX_FILE_BYTES:,} "
        "(split it, or remove what does not belong in a content file)"
    ]


def test_python_object_tag_is_refused_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    broken = edit(PILLAR, "lead: {zh: 引言}", f'lead: !!python/object/apply:os.system ["touch {marker}"]')
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:7:9: pillar.lead: the tag !!python/object/apply:os.system is not allowed "
        "(content is plain text, numbers, true/false, dates, lists and keys; remove the tag)"
    ]
    assert not marker.exists()


def test_not_utf8(tmp_path: Path) -> None:
    broken = EXHIBIT.encode("utf-8").replace("副标题".encode(), "副标题".encode("gbk"))
    assert errors_of(tmp_path, exhibit=broken) == [
        "content/exhibit.yaml:3:1: the file is not UTF-8 text (save it as UTF-8 in your editor)"
    ]


def test_windows_line_endings_and_byte_order_mark_are_fine(tmp_path: Path) -> None:
    windows = b"\xef\xbb\xbf" + PILLAR.replace("\n", "\r\n").encode("utf-8")
    assert load_content(write_content(tmp_path, pillar=windows)).ok
    broken = edit(PILLAR, "value: 8", "value: eight").replace("\n", "\r\n").encode("utf-8")
    assert errors_of(tmp_path, pillar=b"\xef\xbb\xbf" + broken)[0].startswith("content/pillars/1.yaml:13:14:")


def test_empty_file(tmp_path: Path) -> None:
    assert errors_of(tmp_path, outlook="# nothing yet\n") == [
        "content/outlook.yaml:0:0: the file is empty (start it with 'exhibit:', 'pillar:' or 'outlook:')"
    ]


def test_hostile_text_is_refused(tmp_path: Path) -> None:
    broken = edit(PILLAR, "lead: {zh: 引言}", 'lead: {zh: "引\\u202e言", en: "bell\\a"}')
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:7:14: pillar.lead.zh: contains the invisible direction control U+202E; delete it",
        "content/pillars/1.yaml:7:30: pillar.lead.en: contains the control or unassigned character U+0007; delete it",
    ]


def test_empty_english_is_refused_except_around_numbers(tmp_path: Path) -> None:
    broken = edit(PILLAR, "title: {zh: 服务国家战略, en: National strategy}", 'title: {zh: 服务国家战略, en: ""}')
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:4:27: pillar.title.en: is empty; write the text or remove the field"
    ]


def test_markup_is_kept_as_plain_text(tmp_path: Path) -> None:
    changed = edit(PILLAR, "lead: {zh: 引言}", 'lead: {zh: "<b>引言</b><img src=x>"}')
    content = require_content(write_content(tmp_path, pillar=changed))
    assert content.pillars[0].lead.zh == "<b>引言</b><img src=x>"


def test_unknown_headline_reference(tmp_path: Path) -> None:
    broken = edit(EXHIBIT, "headline_numbers: [rank]", "headline_numbers: [rnak]")
    assert errors_of(tmp_path, exhibit=broken) == [
        "content/exhibit.yaml:12:22: exhibit.headline_numbers[0]: no number has the id 'rnak' (did you mean 'rank'?)"
    ]


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    broken = edit(OUTLOOK, "- id: t1", "- id: ship")
    assert errors_of(tmp_path, outlook=broken) == [
        "content/pillars/1.yaml:20:11: pillar.cards[0].id: the id 'ship' is already used at content/outlook.yaml:6 "
        "(every id must be unique across all content files; rename one)"
    ]


def test_every_error_of_every_file_in_one_pass(tmp_path: Path) -> None:
    errors = errors_of(
        tmp_path,
        exhibit=edit(EXHIBIT, "default_language: zh", "default_language: fr"),
        pillar=edit(PILLAR, "value: 8", "value: eight"),
        outlook=edit(OUTLOOK, "icon: target", "icon: [target]"),
    )
    assert [e.split(":")[0] for e in errors] == [
        "content/exhibit.yaml",
        "content/outlook.yaml",
        "content/pillars/1.yaml",
    ]


def test_missing_files_are_named(tmp_path: Path) -> None:
    assert errors_of(tmp_path, outlook=None) == [
        "content:0:0: no file starts with 'outlook:' (add outlook.yaml with 'outlook:' as its first key)"
    ]


def test_two_exhibit_files(tmp_path: Path) -> None:
    assert errors_of(tmp_path, **{"extra__exhibit2.yaml": EXHIBIT}) == [
        "content/extra/exhibit2.yaml:1:1: exhibit: a second 'exhibit:' file (the first is content/exhibit.yaml) "
        "(keep one and delete the other)"
    ]


def test_sources_must_be_word_for_word(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    article = "广州“自然指数—科研城市”全球排名跃升至第8位。梦想号正式入列。面向2025年，一是……"
    assert load_content(content, article_text=article).ok
    result = load_content(content, article_text=article.replace("梦想号", "梦想"))
    assert [str(e) for e in result.errors] == [
        "content/pillars/1.yaml:25:15: pillar.cards[0].source: this source is not word for word in the article "
        "(copy the sentence exactly from the article)"
    ]


def test_missing_folder(tmp_path: Path) -> None:
    result = load_content(tmp_path / "nowhere")
    assert [str(e) for e in result.errors] == [
        "nowhere:0:0: the content folder does not exist (give the folder that holds exhibit.yaml)"
    ]
    (tmp_path / "file.yaml").write_text("exhibit: {}\n")
    assert [str(e) for e in load_content(tmp_path / "file.yaml").errors] == [
        "file.yaml:0:0: is a file, not a folder (give the folder that holds exhibit.yaml)"
    ]


def test_require_content_raises_with_every_error(tmp_path: Path) -> None:
    with pytest.raises(ContentInvalid) as raised:
        require_content(write_content(tmp_path, outlook=None, pillar=edit(PILLAR, "value: 8", "value: x")))
    assert len(raised.value.errors) == 2
    assert any(str(error).startswith("content/pillars/1.yaml:13:14") for error in raised.value.errors)


def test_an_image_that_is_a_pipe_or_a_folder_is_refused_not_read(tmp_path: Path) -> None:
    broken = edit(PILLAR, "      icon: ship", "      icon: ship\n      image: images/ship.png")
    content = write_content(tmp_path, pillar=broken)
    (content / "images").mkdir()
    os.mkfifo(content / "images" / "ship.png")  # reading it would wait for a writer for ever
    assert [str(e) for e in load_content(content).errors] == [
        "content/pillars/1.yaml:25:14: pillar.cards[0].image: the image 'images/ship.png' is not a regular file "
        "(a device, a pipe or a folder) (use a PNG or JPEG file of a few MB, or remove 'image:')"
    ]


def test_a_chart_may_draw_only_numbers_it_can_see(tmp_path: Path) -> None:
    chart = """\
  charts:
    - id: ranks
      type: rank
      title: {zh: 排名}
      items:
        - label: {zh: 排名}
          value: 8
      numbers: [rank, rnak]
      source: 跃升至第8位
"""
    broken = PILLAR.replace("  cards:\n", chart + "  cards:\n")
    assert errors_of(tmp_path, pillar=broken) == [
        "content/pillars/1.yaml:26:23: pillar.charts[0].numbers[1]: the chart 'ranks' draws no number with the id "
        "'rnak' of this pillar (did you mean 'rank'?)"
    ]
    fixed = require_content(write_content(tmp_path / "fixed", pillar=broken.replace("rank, rnak", "rank")))
    assert fixed.pillars[0].charts[0].numbers == ["rank"]
