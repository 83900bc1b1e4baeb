"""The facts the analytics keep about a story and the content: ids tied to a digest of the text, and how long a
story takes to read (pure)."""

from __future__ import annotations

import hashlib
from typing import Literal

from kiosk.analytics.records import StorySeen
from kiosk.content.model import Card, Content, Policy
from kiosk.content.text import Language
from kiosk.exhibit.navigation import stories

# Reading speeds for text on a screen, read standing: Chinese characters and Latin characters per second.
READING_CHARS_PER_S: dict[str, float] = {"zh": 8.0, "en": 15.0}
MIN_READING_S = 4.0  # even the shortest story needs a moment to take in
MAX_READING_S = 45.0  # nobody is asked to stay longer than this for "read to the end"
LANGUAGES: tuple[Language, ...] = ("zh", "en")


def digest(text: str, length: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def content_version(content: Content) -> str:
    """A short digest of the whole content: two sessions with the same one saw the same words and figures."""
    return digest(content.model_dump_json(), 12)


def story_text(story: Card | Policy, language: Language) -> str:
    """Everything a visitor reads on the story sheet, in ``language``."""
    if isinstance(story, Card):
        parts = [story.title, story.organisation, story.achievement, *([story.first] if story.first else [])]
    else:
        parts = [story.title, story.text]
    return "\n".join(part.get(language) for part in parts)


def reading_time_s(text: str, language: str) -> float:
    """Seconds a visitor needs to read ``text`` in ``language``, between MIN_READING_S and MAX_READING_S."""
    chars = sum(1 for ch in text if not ch.isspace())
    seconds = chars / READING_CHARS_PER_S.get(language, READING_CHARS_PER_S["en"])
    return round(min(MAX_READING_S, max(MIN_READING_S, seconds)), 1)


def story_seen(content: Content, pillar_id: str, index: int) -> StorySeen:
    """The story ``index`` of ``pillar_id`` (as ``StoryDetail`` counts them) with its version and reading times."""
    story = stories(content.pillar(pillar_id))[index]
    kind: Literal["card", "policy"] = "card" if isinstance(story, Card) else "policy"
    version = digest(story.model_dump_json())
    reading: dict[str, float] = {lang: reading_time_s(story_text(story, lang), lang) for lang in LANGUAGES}
    title_en = story.title.en if story.title.en is not None else story.title.zh
    return StorySeen(story.id, version, pillar_id, kind, story.title.zh, title_en, reading)
