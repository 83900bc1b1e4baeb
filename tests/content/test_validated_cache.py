"""The validated content kept in the state folder: a hit is the very content a fresh validation gives (and validates
nothing), any change of the content or the code misses, and a damaged or foreign file is ignored with a log line."""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import loader, validated_cache
from kiosk.content.loader import load_content
from kiosk.content.validated_cache import FILE_NAME, content_key, load_validated, read_cache
from kiosk.paths import default_content_dir


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(default_content_dir(), copy)
    return copy


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the content was validated")

    monkeypatch.setattr(loader, "load_content", refuse)


def test_a_hit_equals_a_fresh_validation_and_validates_nothing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "state" / FILE_NAME
    fresh = load_content(folder, strict_assets=False)
    first = load_validated(folder, cache)
    assert cache.is_file() and first.ok
    _no_validation(monkeypatch)
    hit = load_validated(folder, cache)
    assert hit.content == fresh.content and hit.content is not first.content
    assert hit.warnings == fresh.warnings and hit.files == fresh.files
    assert hit.content is not None and hit.content.summary() == fresh.content.summary()  # type: ignore[union-attr]


def test_a_missing_picture_s_warning_comes_from_the_cache_too(folder: Path, tmp_path: Path) -> None:
    pillar = folder / "pillars" / "1-national-strategy.yaml"
    text = pillar.read_text(encoding="utf-8")
    card = "    - id: dream-drillship\n"
    assert card in text
    pillar.write_text(text.replace(card, card + "      image: images/nowhere.jpg\n", 1), encoding="utf-8")
    fresh = load_content(folder, strict_assets=False)
    assert fresh.ok and any("nowhere.jpg" in str(w) for w in fresh.warnings)
    cache = tmp_path / FILE_NAME
    load_validated(folder, cache)
    assert load_validated(folder, cache).warnings == fresh.warnings
    (folder / "images").mkdir()
    (folder / "images" / "nowhere.jpg").write_bytes(b"\xff\xd8\xff")  # the picture arrives: a miss, checked again
    assert load_validated(folder, cache).warnings != fresh.warnings


def test_a_changed_content_file_misses(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / FILE_NAME
    before = load_validated(folder, cache)
    key = content_key(folder)
    exhibit = folder / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("  languages:", "  # edited\n  languages:", 1))
    assert content_key(folder) != key
    assert read_cache(cache, content_key(folder)) is None
    changed = load_validated(folder, cache)
    assert changed.ok and changed.content == before.content  # a comment: the same content, validated again
    assert read_cache(cache, content_key(folder)) is not None  # and kept for the new key


def test_an_edited_text_is_shown_after_a_miss(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / FILE_NAME
    before = load_validated(folder, cache)
    assert before.content is not None
    title = before.content.exhibit.title.zh
    exhibit = folder / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    assert title in text
    exhibit.write_text(text.replace(title, title + "新", 1), encoding="utf-8")
    after = load_validated(folder, cache)
    assert after.content is not None and after.content.exhibit.title.zh == title + "新"


def test_a_file_added_beside_the_content_or_other_code_misses(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = content_key(folder)
    (folder / "photos").mkdir(exist_ok=True)
    (folder / "photos" / "new.jpg").write_bytes(b"\xff\xd8")
    assert content_key(folder) != key
    key = content_key(folder)
    monkeypatch.setattr(validated_cache, "code_version", lambda: "another version of the validation")
    assert content_key(folder) != key


def test_another_key_s_cache_is_not_used(folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / FILE_NAME
    load_validated(folder, cache)
    with caplog.at_level(logging.INFO, logger="kiosk.content.validated_cache"):
        assert read_cache(cache, "0" * 64) is None
    assert "changed since it was validated" in caplog.text


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", b"\x80\x05\x95garbage"],
    ids=["empty", "text", "truncated"],
)
def test_a_damaged_cache_is_ignored_with_a_log_line(
    folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: bytes
) -> None:
    cache = tmp_path / FILE_NAME
    load_validated(folder, cache)
    cache.write_bytes(cache.read_bytes()[: len(damage)] if damage.startswith(b"\x80") else damage)
    with caplog.at_level(logging.INFO, logger="kiosk.content.validated_cache"):
        result = load_validated(folder, cache)
    assert result.ok and result.content == load_content(folder, strict_assets=False).content
    assert f"{cache}: the validated content is not used" in caplog.text
    assert read_cache(cache, content_key(folder)) is not None  # written anew


def test_a_cache_that_names_other_code_builds_nothing(
    folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A pickle that would run a command when loaded with plain pickle is refused before anything is built."""
    marker = tmp_path / "ran"

    class Crafted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.system, (f"touch {marker}",)

    cache = tmp_path / FILE_NAME
    cache.write_bytes(pickle.dumps({"format": 1, "key": content_key(folder), "result": Crafted()}))
    with caplog.at_level(logging.INFO, logger="kiosk.content.validated_cache"):
        result = load_validated(folder, cache)
    assert result.ok and not marker.exists()
    assert "which is not part of the content" in caplog.text


def test_a_cache_of_another_shape_is_ignored(folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / FILE_NAME
    cache.write_bytes(pickle.dumps({"format": 1, "key": content_key(folder), "result": [1, 2]}))
    with caplog.at_level(logging.INFO, logger="kiosk.content.validated_cache"):
        assert load_validated(folder, cache).ok
    assert "not this cache's format" in caplog.text


def test_invalid_content_is_reported_and_not_kept(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / FILE_NAME
    (folder / "exhibit.yaml").write_text("exhibit: [not, a, mapping]\n", encoding="utf-8")
    result = load_validated(folder, cache)
    assert not result.ok and result.errors
    assert not cache.exists()


def test_a_folder_that_cannot_be_written_still_shows_the_content(
    folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    with caplog.at_level(logging.INFO, logger="kiosk.content.validated_cache"):
        assert load_validated(folder, blocked / FILE_NAME).ok
    assert "the validated content is not kept" in caplog.text


def test_a_start_from_the_cache_imports_neither_yaml_parsing_nor_the_checks(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / FILE_NAME
    load_validated(folder, cache)
    script = (
        "import sys; from pathlib import Path\n"
        "from kiosk.content.validated_cache import load_validated\n"
        f"result = load_validated(Path({str(folder)!r}), Path({str(cache)!r}))\n"
        "print(result.ok, 'kiosk.content.checks' in sys.modules, 'kiosk.content.yaml_source' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["True", "False", "False"]
