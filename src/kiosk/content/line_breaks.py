"""Where a line of Chinese may break (pure Python, no Qt).

Qt's line breaker knows only UAX #14, under which any two Han characters may be split: 广|州, 南|沙, 夸|克电驱. Here a
maintained word segmenter (rjieba, the jieba dictionary in Rust) finds the words, names an editor lists in the
content (``exhibit.keep_together``) stay whole, and Latin or number tokens (TH-F120, 1+N, 第8位, 100%) stay whole
with what they belong to (the segmenter's answers are kept on disk: :mod:`kiosk.content.segment_cache`). Inside
every such unit a WORD JOINER (U+2060, invisible and zero-width) is put between the
characters, so that the layout may break only between units. Where a unit ends or starts with a quotation mark
(“ ” ‘ ’, which UAX #14 lets nothing break beside), a ZERO WIDTH SPACE (U+200B) between the two units gives the
layout the break it would otherwise refuse: 产投、创投 | “基金丛林”规模, “创投贷融保” | 一体.

The same module knows the punctuation classes the typesetter needs: opening marks (aligned at a line start, never
left at a line end), and pairs of marks that are set closer together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kiosk.content.segment_cache import SegmentCache

WORD_JOINER = "\u2060"
BREAK_HERE = "\u200b"  # ZERO WIDTH SPACE: a line may break after it
QUOTES = "“”‘’"  # UAX #14's class QU: no break before or after one unless something else allows it
OPENING = "“‘（《〈「『【〔"
CLOSING = "”’）》〉」』】〕，。、；：！？"
# Measure words and suffixes that belong to the number before them (8位, 26项, 2025年, 40.3%…).
_AFTER_NUMBER = set("位名家个项倍年月日号届次亿万元所条种类台座批期级")
_PARTICLES = frozenset("的了地得")  # structural and aspect particles: they end the word before them
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z0-9.\-+%/·~×]+")
_ENDS_IN_NUMBER = re.compile(r"\d[.\d]*%?$")
# A short quoted term is one unit: “五个一”, “1+N”.
_SHORT_QUOTE = re.compile(r"[“‘「『][^“”‘’「」『』\s]{1,8}[”’」』]")


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


class LineBreaker:
    """Turns a text into the same text with word joiners inside every unit that must not be split."""

    def __init__(self, keep_together: Iterable[str] = (), segments: SegmentCache | None = None):
        self.keep_together: tuple[str, ...] = tuple(sorted({n for n in keep_together if n}, key=len, reverse=True))
        self.segments = segments if segments is not None else SegmentCache()

    def units(self, text: str) -> list[str]:
        """The text cut into the pieces a line may break between (their concatenation is ``text``)."""
        return list(_units(text, self.keep_together, self.segments))

    def glue(self, text: str) -> str:
        """``text`` with a word joiner between the characters of each unit (unchanged when it has no Han)."""
        if not has_han(text):
            return text
        out: list[str] = []
        previous = ""
        for unit in self.units(text):
            if previous and unit and (previous[-1] in QUOTES or unit[0] in QUOTES):
                out.append(BREAK_HERE)  # between two units a line may break, even beside a quotation mark
            out.append(WORD_JOINER.join(unit) if len(unit) > 1 else unit)
            previous = unit
        return "".join(out)


def strip_joiners(text: str) -> str:
    """``text`` without the invisible marks :meth:`LineBreaker.glue` put in."""
    return text.replace(WORD_JOINER, "").replace(BREAK_HERE, "")


@lru_cache(maxsize=4096)
def _units(text: str, names: tuple[str, ...], segments: SegmentCache) -> tuple[str, ...]:
    pieces: list[str] = []
    for protected, part in _split_names(text, names):
        if protected:
            pieces.append(part)
        else:
            pieces.extend(segments.words(part))
    return tuple(_attach_particles(_attach_punctuation(_join_numbers(_join_latin(pieces)))))


def _split_names(text: str, names: Sequence[str]) -> list[tuple[bool, str]]:
    """``text`` as (is kept whole, part) pairs: listed names (longest first) and short quoted terms."""
    alternatives = [re.escape(n) for n in names] + [_SHORT_QUOTE.pattern]
    pattern = re.compile("|".join(alternatives))
    out: list[tuple[bool, str]] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            out.append((False, text[last : match.start()]))
        out.append((True, match.group()))
        last = match.end()
    if last < len(text):
        out.append((False, text[last:]))
    return out


def _join_latin(pieces: list[str]) -> list[str]:
    """Runs of Latin letters, digits and their symbols without a space between them are one token (1+N, TH-F120)."""
    out: list[str] = []
    for piece in pieces:
        if out and _LATIN.fullmatch(piece) and _LATIN.fullmatch(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _join_numbers(pieces: list[str]) -> list[str]:
    """A number keeps its 第 before it and its measure word after it: 排名 | 第8位, 26项."""
    out: list[str] = []
    for piece in pieces:
        if out and _ENDS_IN_NUMBER.search(out[-1]) and piece[:1] in _AFTER_NUMBER:
            out[-1] += piece[0]
            if piece[1:]:
                out.append(piece[1:])
            continue
        if out and piece[:1].isdigit() and out[-1].endswith("第") and len(out[-1]) > 1:
            out[-1] = out[-1][:-1]
            out.append("第" + piece)
            continue
        if out and piece[:1].isdigit() and out[-1] == "第":
            out[-1] += piece
            continue
        out.append(piece)
    return out


def _attach_particles(pieces: list[str]) -> list[str]:
    """A particle that leans on the word before it (的, 了, 地, 得) never starts a line: 主导的 | 产学研."""
    out: list[str] = []
    for piece in pieces:
        if out and piece in _PARTICLES and has_han(out[-1][-1:]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _attach_punctuation(pieces: list[str]) -> list[str]:
    """An opening mark goes with the word after it, a closing mark with the word before it."""
    out: list[str] = []
    pending = ""
    for piece in pieces:
        if piece and all(c in OPENING for c in piece):
            pending += piece
            continue
        piece = pending + piece
        pending = ""
        if out and piece and all(c in CLOSING for c in piece):
            out[-1] += piece
        else:
            out.append(piece)
    if pending:
        out.append(pending)
    return out


def compressible(text: str) -> list[int]:
    """Indexes of marks to set at half width: the first of two adjacent full-width marks (”， 。” ）、…)."""
    marks = set(OPENING + CLOSING)
    visible = [(i, c) for i, c in enumerate(text) if c not in (WORD_JOINER, BREAK_HERE)]
    return [i for (i, c), (_j, d) in zip(visible, visible[1:]) if c in marks and d in marks]
