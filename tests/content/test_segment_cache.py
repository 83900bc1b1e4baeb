"""The segmenter's words kept on disk: the same line breaks as the segmenter gives, no segmenter loaded when every
text is known, and a file that is not the cache's (or another segmenter version's) ignored and written anew."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kiosk.content.line_breaks import LineBreaker
from kiosk.content.segment_cache import FILE_NAME, SegmentCache

TEXTS = ("广州科创迈入全球“第一方阵”", "南沙夸克电驱排名第8位，增长40.3%。")


def test_kept_words_give_the_same_line_breaks_and_need_no_segmenter(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    first = SegmentCache(path)
    made = [LineBreaker(["夸克电驱"], first).units(text) for text in TEXTS]
    assert first.misses > 0
    first.save()
    again = SegmentCache(path)
    assert [LineBreaker(["夸克电驱"], again).units(text) for text in TEXTS] == made
    assert again.misses == 0 and len(again) == len(first)


def test_a_start_with_every_text_kept_never_loads_the_segmenter(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    cache = SegmentCache(path)
    for text in TEXTS:
        LineBreaker((), cache).glue(text)
    cache.save()
    script = (
        "import sys; from pathlib import Path\n"
        "from kiosk.content.line_breaks import LineBreaker\n"
        "from kiosk.content.segment_cache import SegmentCache\n"
        f"cache = SegmentCache(Path({str(path)!r}))\n"
        f"[LineBreaker((), cache).glue(t) for t in {TEXTS!r}]\n"
        "print('rjieba' in sys.modules, cache.misses)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "0"]


def test_a_file_of_another_version_or_not_the_caches_is_ignored_and_written_anew(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    cache = SegmentCache(path)
    LineBreaker((), cache).glue(TEXTS[0])
    cache.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["segmenter"] = "0.0.1"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert len(SegmentCache(path)) == 0
    for broken in ("{not json", "[1, 2]", json.dumps({**data, "segmenter": cache.version, "words": {"广州": ["广"]}})):
        path.write_text(broken, encoding="utf-8")
        assert len(SegmentCache(path)) == 0  # a cut whose words are not the text is not taken either
    renewed = SegmentCache(path)
    LineBreaker((), renewed).glue(TEXTS[0])
    renewed.save()
    assert len(SegmentCache(path)) == len(renewed) > 0


def test_a_folder_that_cannot_be_written_keeps_the_words_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = SegmentCache(blocker / FILE_NAME)  # its folder is a file
    LineBreaker((), cache).glue(TEXTS[0])
    cache.save()
    assert len(cache) > 0 and not (blocker / FILE_NAME).exists()
