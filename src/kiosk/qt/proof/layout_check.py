"""``kiosk validate --layout``: every text on every screen, at the sizes that matter, must fit its box and be set by
the typesetting rules (:mod:`kiosk.qt.proof.type_rules`).

Each problem is reported with the file and line the text comes from, the screen, the size, the language and the
rule, so an editor who wrote a longer text learns what to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.loader import LoadResult
from kiosk.content.locate import TextLocator
from kiosk.qt.proof.render import charts_shown, text_blocks, visit
from kiosk.qt.proof.type_rules import NOTES, violations

LAYOUT_SIZES = ((1920, 1080), (3840, 2160), (1080, 1920))


@dataclass(frozen=True)
class LayoutReport:
    problems: list[str]  # each fails the check
    notes: list[str]  # reported only (see type_rules.NOTES)


def layout_problems(
    result: LoadResult,
    content_dir: Path | None,
    sizes: tuple[tuple[int, int], ...] = LAYOUT_SIZES,
    modes: tuple[str, ...] = ("default",),
) -> LayoutReport:
    """One line per text and rule it breaks, for each size, language and accessibility mode it breaks it in."""
    assert result.content is not None
    locator = TextLocator(result.entries)
    problems: list[str] = []
    notes: list[str] = []
    seen: set[tuple[str, str, tuple[int, int], str]] = set()
    for size, language, mode in [
        (s, lang, m) for s in sizes for lang in result.content.exhibit.languages for m in modes
    ]:
        at = f"{size[0]}x{size[1]}" + ("" if mode == "default" else f" in {mode}")
        for shot, exhibit in visit(result.content, content_dir, size, language, mode=mode):
            for chart in charts_shown(exhibit):
                origin = f"{chart.chart.id}.title"
                key = (origin, language, size, mode)
                if chart.fit_scale < 0.999 and key not in seen:
                    seen.add(key)
                    where = locator.where(origin, language) or origin
                    problems.append(
                        f"{where}: chart {chart.chart.id} ({language}) is shrunk to {chart.fit_scale:.0%} "
                        "to fit at "
                        f"{at} on '{shot.name}', so its labels are under the smallest text size "
                        "(use fewer items or shorter labels)"
                    )
            for block in text_blocks(exhibit):
                for found in violations(block):
                    key = (f"{block.origin}/{found.rule}", language, size, mode)
                    if key in seen:
                        continue
                    seen.add(key)
                    where = locator.where(block.origin, language) or "the exhibit's own words"
                    (notes if found.rule in NOTES else problems).append(
                        f"{where}: {block.origin} ({language}) at {at} on '{shot.name}': "
                        f"[{found.rule}] {found.detail} ({ADVICE[found.rule]})"
                    )
    return LayoutReport(problems, notes)


ADVICE = {
    "ellipsis": "make the text shorter",
    "preview-cut": "the tile shows the start only; the sheet shows it all",
    "word-split": "the word is too long for its box: shorten the text around it",
    "short-last-line": "add or remove a few words so the last line is not a lone character",
    "mark-at-line-start": "rephrase so the mark is not pushed onto a new line",
}
