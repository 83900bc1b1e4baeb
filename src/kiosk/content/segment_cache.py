"""The word segmenter's answers kept on disk: the exhibit starts without loading it.

Loading rjieba (jieba's dictionary) takes about a quarter of a second and 32 MB of memory, and the exhibit's texts
hardly change: every Chinese run it has cut into words is kept, with the segmenter's version, in a small JSON file
in the state folder. A start whose texts are all there never imports rjieba; a text not there (new content) is cut
by rjieba, imported then, and the file gains it at the next :meth:`SegmentCache.save`. A file that cannot be read,
is not the cache's, or came from another segmenter version is ignored (and written anew).
"""

from __future__ import annotations

import json
import logging
from importlib import metadata
from pathlib import Path

from kiosk.atomic_file import replace_file
from kiosk.safe_read import MAX_STATE_BYTES, FileRefused, read_regular

FILE_NAME = "line-breaks.json"
FORMAT = 1
_log = logging.getLogger(__name__)


def segmenter_version() -> str:
    try:
        return metadata.version("rjieba")
    except metadata.PackageNotFoundError:  # a frozen bundle without metadata: the cache is still this build's
        return "unknown"


class SegmentCache:
    """Runs of Chinese text → their words; read from ``path`` (None: kept in memory only)."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.version = segmenter_version()
        self._words: dict[str, tuple[str, ...]] = {}
        self._changed = False
        self.misses = 0  # runs cut by the segmenter itself (tests, kiosk bench)
        if path is not None:
            self._words = self._read(path)

    def _read(self, path: Path) -> dict[str, tuple[str, ...]]:
        try:
            data = json.loads(read_regular(path, MAX_STATE_BYTES).decode("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, FileRefused, UnicodeDecodeError, ValueError) as exc:
            _log.info("%s: the line-break cache is not used (%s); it is made again", path, exc)
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("segmenter") != self.version:
            return {}
        words = data.get("words")
        if not isinstance(words, dict):
            return {}
        return {
            text: tuple(cut)
            for text, cut in words.items()
            if isinstance(text, str) and isinstance(cut, list) and all(isinstance(w, str) for w in cut)
            and "".join(cut) == text
        }  # fmt: skip

    def words(self, text: str) -> tuple[str, ...]:
        """``text`` cut into words (their concatenation is ``text``)."""
        found = self._words.get(text)
        if found is None:
            import rjieba  # only for a text the cache does not know: 0.25 s and 32 MB, once

            found = tuple(piece for piece in rjieba.cut(text) if piece)
            self._words[text] = found
            self._changed = True
            self.misses += 1
        return found

    def __len__(self) -> int:
        return len(self._words)

    def save(self) -> None:
        """Write the file when it gained texts (a folder that cannot be written: logged, kept in memory)."""
        if self.path is None or not self._changed:
            return
        data = {"format": FORMAT, "segmenter": self.version, "words": {t: list(w) for t, w in self._words.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        except OSError as exc:
            _log.info("%s: the line-break cache is not written (%s)", self.path, exc.strerror or exc)
            return
        self._changed = False
