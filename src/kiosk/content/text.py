"""Bilingual text and the small value types every content file shares (pure Python, no Qt)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

Language = Literal["zh", "en"]

# Bidirectional overrides/isolates can make text display in an order other than it is stored.
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
MAX_TEXT_CHARS = 2000


def _clean_text(value: str) -> str:
    for ch in value:
        if ch in _BIDI_CONTROLS:
            raise ValueError(f"contains the invisible direction control U+{ord(ch):04X}; delete it")
        if ch not in "\n" and unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}:
            raise ValueError(f"contains the control or unassigned character U+{ord(ch):04X}; delete it")
    if len(value) > MAX_TEXT_CHARS:
        raise ValueError(f"is {len(value)} characters long; at most {MAX_TEXT_CHARS} fit any screen")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty; write the text or remove the field")
    return value


PlainText = Annotated[str, AfterValidator(_clean_text)]
RequiredText = Annotated[str, AfterValidator(_clean_text), AfterValidator(_non_blank)]

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        max_length=60,
        description="Identifier: lower-case letters, digits and single hyphens, e.g. 'nature-index-rank'.",
    ),
]
Colour = Annotated[
    str,
    Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="Colour as #RRGGBB, e.g. '#E8433A'."),
]
Source = Annotated[
    RequiredText,
    Field(
        description="The sentence of the article this comes from, copied exactly (Chinese), so anyone can check it.",
    ),
]


AUDIO_SUFFIXES = (".wav",)


def relative_asset(value: str, suffixes: tuple[str, ...], kind: str) -> str:
    """``value`` when it is a path inside the content folder, written with '/', ending in one of ``suffixes``."""
    path = PurePosixPath(value)
    if "\\" in value or value.startswith("/") or (len(value) > 1 and value[1] == ":"):
        example = "images/ship.png" if kind == "an image" else "audio/ship-zh.wav"
        raise ValueError(f"must be a path relative to the content folder, written with '/', e.g. '{example}'")
    if ".." in path.parts:
        raise ValueError("must stay inside the content folder; remove '..'")
    if path.suffix.lower() not in suffixes:
        raise ValueError(f"must be {kind} ending in {', '.join(suffixes)}")
    return value


AudioPath = Annotated[
    str,
    AfterValidator(lambda value: relative_asset(value, AUDIO_SUFFIXES, "a recording")),
    Field(
        description="A recording (WAV, 16-bit PCM) inside the content folder, relative to it, e.g. "
        "'audio/ship-zh.wav'; played instead of the speech synthesiser when the text is read aloud."
    ),
]


class Model(BaseModel):
    """Base of every content model: immutable, unknown keys are errors."""

    # defer_build: the validators are made at the first validation, not at import (a start from the validated cache
    # needs none)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


class TextAudio(Model):
    """An editor's recordings of one text, one per language (either may be left out: then it is synthesised)."""

    zh: AudioPath | None = None
    en: AudioPath | None = None


class Text(Model):
    """Visible text in both languages. ``zh`` is required; a missing ``en`` falls back to ``zh``."""

    zh: RequiredText = Field(description="Chinese (Simplified), as in the article.")
    en: RequiredText | None = Field(default=None, description="English; leave out to show the Chinese.")
    audio: TextAudio | None = Field(
        default=None, description="Recordings of this text read aloud, per language: {zh: audio/x-zh.wav, en: …}."
    )

    def get(self, language: Language) -> str:
        if language == "en" and self.en is not None:
            return self.en
        return self.zh

    def recording(self, language: Language) -> str | None:
        """The editor's recording of the text in ``language`` (the one shown: English falls back to Chinese)."""
        if self.audio is None:
            return None
        return self.audio.en if language == "en" and self.en is not None else self.audio.zh


class Affix(Text):
    """Short text around a number (prefix or unit). Either side may be empty; en: "" means nothing in English
    (e.g. for a Chinese measure word such as 家), while leaving en out shows the Chinese."""

    zh: PlainText = Field(default="", description="Chinese; may be empty.")
    en: PlainText | None = Field(default=None, description='English; "" for nothing, leave out to show the Chinese.')


_HEX = re.compile(r"^#([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})$")


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a ``#RRGGBB`` colour."""
    match = _HEX.match(colour)
    if not match:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(h) for h in match.groups())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#RRGGBB`` colours (1.0 … 21.0)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
