"""``kiosk validate --layout``: every text on every screen, at the sizes that matter, must fit its box.

A text that had to be cut short (elided) is reported with the file and line it comes from, except the previews
that are short by design (their full text is one tap away).
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.loader import LoadResult
from kiosk.content.locate import TextLocator
from kiosk.qt.proof.render import charts_shown, text_blocks, visit

LAYOUT_SIZES = ((1920, 1080), (1080, 1920))


def layout_problems(
    result: LoadResult, content_dir: Path | None, sizes: tuple[tuple[int, int], ...] = LAYOUT_SIZES
) -> list[str]:
    """One line per text that does not fit, for each size and language it fails in."""
    assert result.content is not None
    locator = TextLocator(result.entries)
    problems: list[str] = []
    seen: set[tuple[str, str, tuple[int, int]]] = set()
    for size in sizes:
        for language in result.content.exhibit.languages:
            for shot, exhibit in visit(result.content, content_dir, size, language):
                for chart in charts_shown(exhibit):
                    origin = f"{chart.chart.id}.title"
                    key = (origin, language, size)
                    if chart.fit_scale < 0.999 and key not in seen:
                        seen.add(key)
                        where = locator.where(origin, language) or origin
                        problems.append(
                            f"{where}: chart {chart.chart.id} ({language}) is shrunk to {chart.fit_scale:.0%} "
                            "to fit at "
                            f"{size[0]}x{size[1]} on '{shot.name}', so its labels are under the smallest text size "
                            "(use fewer items or shorter labels)"
                        )
                for block in text_blocks(exhibit):
                    key = (block.origin, language, size)
                    if not block.elided or block.preview or key in seen:
                        continue
                    seen.add(key)
                    where = locator.where(block.origin, language) or "the exhibit's own words"
                    problems.append(
                        f"{where}: {block.origin} ({language}) does not fit at {size[0]}x{size[1]} "
                        f"on '{shot.name}' and is cut short (make the text shorter)"
                    )
    return problems
