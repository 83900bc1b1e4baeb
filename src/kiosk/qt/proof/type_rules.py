"""The typesetting rules every shown text is checked against (``kiosk validate --layout``), each with a name an
editor can look up: what was found, on which line of the text.

- ``ellipsis``: the text was cut short with "…" (write a shorter text);
- ``preview-cut``: a preview on a tile was cut short with "…" (reported as a note until every story has a short
  teaser of its own; the full text is one tap away on its sheet);
- ``word-split``: a line breaks inside a word, a name or a number token (the word is wider than its box);
- ``short-last-line``: a Chinese last line of fewer than two Han characters (three in body text);
- ``mark-at-line-start``: a line starts with a closing mark (，。、”）…).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.line_breaks import CLOSING, WORD_JOINER, han_count, has_han
from kiosk.qt.widgets.text_block import TextBlock, line_texts, shortest_last_line

RULES = ("ellipsis", "preview-cut", "word-split", "short-last-line", "mark-at-line-start")
NOTES = ("preview-cut",)  # reported, but they do not fail the check (yet)


@dataclass(frozen=True)
class Violation:
    rule: str
    detail: str


def violations(block: TextBlock) -> list[Violation]:
    """What breaks the rules in ``block``; a text cut short is only reported as such (once cut, its lines are
    broken anywhere, so the other rules say nothing more about it)."""
    layout = block.fitted.layout
    if block.elided:
        return [Violation("preview-cut" if block.preview else "ellipsis", "cut short with …")]
    found: list[Violation] = []
    text = layout.text()
    for index in range(layout.lineCount() - 1):
        line = layout.lineAt(index)
        end = line.textStart() + line.textLength()
        if 0 < end < len(text) and WORD_JOINER in (text[end - 1], text[end]):
            found.append(Violation("word-split", f"line {index + 1} ends inside a word"))
    lines = line_texts(layout)
    if len(lines) > 1 and has_han(lines[-1]) and han_count(lines[-1]) < shortest_last_line(block.style):
        found.append(Violation("short-last-line", f"the last line is only “{lines[-1]}”"))
    for number, line_text in enumerate(lines[1:], start=2):
        if line_text[:1] in CLOSING:
            found.append(Violation("mark-at-line-start", f"line {number} starts with “{line_text[:1]}”"))
    return found
