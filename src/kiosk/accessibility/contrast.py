"""The high-contrast theme: black ground, white text, every text/background pair at least 7:1 (WCAG 1.4.6, AAA),
the accents kept in their own hue (pure Python, no Qt).

It is a transformation of the content's theme and pillar accents: :func:`high_contrast_content` returns the same
content in other colours, which the screens then draw as they always do. :func:`theme_pairs` lists every text colour
on every background the screens use (the surfaces are mixed from the ground, and tiles tint a surface with their
pillar's accent), so a test can check each pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Content, Theme
from kiosk.content.text import contrast_ratio

AAA = 7.0
HIGH_CONTRAST = Theme(ground="#000000", text="#FFFFFF", muted="#E6E6E6", number="#FFE07A", signature="#FFB8B0")
# How the screens make backgrounds with text on them: a surface is the ground mixed with white
# (kiosk.qt.foundations.look), a home tile tints a surface with its pillar's accent, the attract loop's chips tint
# the ground with the signature colour. (The story sheet's stronger tint carries only an icon, no text.)
SURFACE_WHITE = (0.0, 0.06, 0.11)
ACCENT_TINT = 0.16
SIGNATURE_TINT = 0.18


def mix_hex(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``, per channel, as ``#RRGGBB``."""
    ca, cb = _rgb(a), _rgb(b)
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(ca, cb))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@dataclass(frozen=True)
class Pair:
    what: str  # e.g. "muted on the surface tinted with industry"
    text: str
    background: str

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.text, self.background)


def theme_pairs(theme: Theme, accents: dict[str, str]) -> list[Pair]:
    """Every text colour on every background the screens put it on: the theme's text colours and every accent on
    the ground and its surfaces; the theme's text colours and the pillar's own accent on its tinted tiles; the
    theme's text colours on the signature tint."""
    own = {"text": theme.text, "muted": theme.muted, "number": theme.number, "signature": theme.signature}
    every = own | {f"accent {name}": accent for name, accent in accents.items()}
    pairs: list[Pair] = []
    for white in SURFACE_WHITE:
        surface = mix_hex(theme.ground, "#FFFFFF", white)
        pairs += [Pair(f"{t} on ground+{white:.0%} white", c, surface) for t, c in every.items()]
        for name, accent in accents.items():
            tile = mix_hex(surface, accent, ACCENT_TINT)
            for t, c in (own | {f"accent {name}": accent}).items():
                pairs.append(Pair(f"{t} on ground+{white:.0%} white tinted with {name}", c, tile))
    chip = mix_hex(theme.ground, theme.signature, SIGNATURE_TINT)
    pairs += [Pair(f"{t} on the ground tinted with signature", c, chip) for t, c in own.items()]
    return pairs


def lowest_pair(theme: Theme, accents: dict[str, str]) -> Pair:
    return min(theme_pairs(theme, accents), key=lambda pair: pair.ratio)


def strong_accent(accent: str, theme: Theme = HIGH_CONTRAST) -> str:
    """``accent`` lightened towards white (its hue kept) just enough to read at 7:1 on every background it tints,
    with the theme's own text still at 7:1 on its tint."""
    for step in range(0, 101):
        candidate = mix_hex(accent, "#FFFFFF", step / 100)
        if lowest_pair(theme, {"it": candidate}).ratio >= AAA:
            return candidate
    return "#FFFFFF"


def high_contrast_content(content: Content) -> Content:
    """``content`` in the high-contrast colours: the theme replaced, each pillar's accent strengthened."""
    exhibit = content.exhibit.model_copy(update={"theme": HIGH_CONTRAST})
    pillars = tuple(pillar.model_copy(update={"accent": strong_accent(pillar.accent)}) for pillar in content.pillars)
    return content.model_copy(update={"exhibit": exhibit, "pillars": pillars})
