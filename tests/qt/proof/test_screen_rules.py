"""Each whole-screen rule of ``kiosk validate --layout`` catches a screen made to break it, and says nothing about
one that keeps it (the rules read a plain description of the screen: no Qt needed)."""

from __future__ import annotations

from kiosk.qt.proof.screen_rules import Shown, screen_violations

W, H, HERO_ABOVE = 1920.0, 1080.0, 80.0


def rules(shown: list[Shown], **kw: bool) -> set[str]:
    return {v.rule for v in screen_violations(shown, W, H, HERO_ABOVE, **kw)}


def filled(*items: Shown) -> list[Shown]:
    """``items`` on a screen otherwise filled top to bottom with boxes (so no empty band unless one is made)."""
    boxes = [Shown("box", "panel", top, top + 100) for top in range(0, int(H), 100)]
    return [*boxes, *items]


def text(origin: str, px: float, row: float | None = None, group: str = "Tile") -> Shown:
    return Shown("text", origin, 200, 240, px=px, row=row, group=group)


def test_a_screen_on_the_scale_breaks_no_rule() -> None:
    shown = filled(
        text("exhibit.title", 54),
        text("a.short_title", 40, row=500),
        text("b.short_title", 40, row=500),
        text("a.label", 30, row=500),
        Shown("hero", "a.label", 520, 620, px=150, sizes=(150, 54), row=500, group="Tile", baseline=620),
        Shown("hero", "b.label", 520, 620, px=150, sizes=(150, 54), row=500, group="Tile", baseline=620),
        Shown("figure", "c.label", 300, 360, px=72, sizes=(72, 40), numbers=("c",)),
    )
    assert rules(shown) == set()


def test_a_fifth_size_or_a_step_under_a_third_is_caught() -> None:
    fifth = filled(*(text(f"t{px}.body", px) for px in (30, 40, 54, 72)), text("odd.body", 36))
    assert "type-scale" in rules(fifth)  # 36 px: a fifth size, and only 1.1× 30
    close = filled(text("a.body", 30), text("b.body", 34))
    assert rules(close) == {"type-scale"}
    assert rules(filled(text("a.body", 30), text("b.body", 40))) == set()


def test_a_small_hero_is_caught() -> None:
    small = filled(Shown("hero", "n.label", 500, 580, px=110, sizes=(110,), numbers=("n",)))
    found = screen_violations(small, W, H, HERO_ABOVE)
    assert [v.rule for v in found] == ["hero-size"] and found[0].origin == "n.label"
    assert rules(filled(Shown("hero", "n.label", 500, 600, px=130, sizes=(130,)))) == set()


def test_one_size_and_one_baseline_a_row() -> None:
    titles = filled(text("a.title", 40, row=500), text("b.title", 30, row=500))
    found = screen_violations(titles, W, H, HERO_ABOVE)
    assert [(v.rule, v.origin) for v in found] == [("row-size", "b.title")]
    # The same sizes in different rows, or in different kinds of tile, are no row.
    assert rules(filled(text("a.title", 40, row=500), text("b.title", 30, row=800))) == set()
    assert rules(filled(text("a.title", 40, row=500), text("b.title", 30, row=500, group="Lead"))) == set()
    figures = filled(
        Shown("figure", "a.label", 300, 360, px=72, row=300, group="Tile", baseline=360),
        Shown("figure", "b.label", 325, 385, px=72, row=300, group="Tile", baseline=385),
    )
    assert rules(figures) == {"row-size"}


def test_an_empty_band_over_a_tenth_of_the_height_is_caught() -> None:
    gap = [Shown("box", "top", 0, 400), Shown("box", "bottom", 520, H)]
    assert rules(gap) == {"dead-band"}
    assert rules(gap, bands=False) == set()  # a sheet over part of the page
    assert rules([Shown("box", "top", 0, 450), Shown("box", "bottom", 520, H)]) == set()


def test_a_figure_shown_twice_is_caught() -> None:
    twice = filled(
        Shown("hero", "lead.label", 300, 400, px=150, numbers=("lead",)),
        Shown("box", "chart.title", 500, 800, numbers=("lead", "other")),
    )
    found = screen_violations(twice, W, H, HERO_ABOVE)
    assert [(v.rule, v.origin) for v in found] == [("figure-twice", "lead.label")]
