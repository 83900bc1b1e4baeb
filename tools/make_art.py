#!/usr/bin/env python3
"""Draw the story illustrations: one SVG scene per story, in its pillar's palette.

    python tools/make_art.py [OUT_DIR]      (default: src/kiosk/assets/art)

The committed SVGs are the assets; this script is how they were drawn, kept so a scene can be changed and drawn
again. Every scene is 1000 x 1000 units with its subject inside the centre 740 x 740 (the sheet crops the edges to
fit its picture box: tall on a landscape screen, wide on a portrait one), and uses only what QtSvg renders (SVG
Tiny 1.2: paths, shapes, gradients, groups, opacity; no filters, no CSS, no text).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GROUND = "#0A1633"
WHITE = "#F3F6FB"
GOLD = "#F6C85F"
RED = "#F0605A"
ACCENTS = {
    "national-strategy": "#5EC8F2",
    "industry": "#4FD1A5",
    "commercialisation": "#B59CFF",
    "ecosystem": "#FF9F6B",
}


def mix(a: str, b: str, t: float) -> str:
    """``a`` moved ``t`` of the way to ``b`` (both #RRGGBB)."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(ca, cb))


@dataclass(frozen=True)
class Palette:
    accent: str

    @property
    def night(self) -> str:  # the darkest ground of a scene
        return mix(GROUND, self.accent, 0.07)

    @property
    def deep(self) -> str:
        return mix(GROUND, self.accent, 0.22)

    @property
    def mid(self) -> str:
        return mix(GROUND, self.accent, 0.45)

    @property
    def soft(self) -> str:
        return mix(GROUND, self.accent, 0.7)

    @property
    def pale(self) -> str:
        return mix(self.accent, WHITE, 0.55)

    @property
    def ice(self) -> str:
        return mix(self.accent, WHITE, 0.82)


# Drawing helpers ---------------------------------------------------------------------------------------------------


def lin(gid: str, stops: list[tuple[float, str]], x1: float = 0, y1: float = 0, x2: float = 0, y2: float = 1) -> str:
    s = "".join(f'<stop offset="{o:g}" stop-color="{c}"/>' for o, c in stops)
    return f'<linearGradient id="{gid}" x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}">{s}</linearGradient>'


def rad(gid: str, stops: list[tuple[float, str, float]], cx: float = 0.5, cy: float = 0.5, r: float = 0.5) -> str:
    s = "".join(f'<stop offset="{o:g}" stop-color="{c}" stop-opacity="{a:g}"/>' for o, c, a in stops)
    return f'<radialGradient id="{gid}" cx="{cx:g}" cy="{cy:g}" r="{r:g}">{s}</radialGradient>'


def attrs(**kw: object) -> str:
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{v}"' for k, v in kw.items() if v is not None)


def rect(x: float, y: float, w: float, h: float, fill: str, rx: float = 0, **kw: object) -> str:
    return f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{rx:g}" fill="{fill}"{attrs(**kw)}/>'


def circle(cx: float, cy: float, r: float, fill: str, **kw: object) -> str:
    return f'<circle cx="{cx:g}" cy="{cy:g}" r="{r:g}" fill="{fill}"{attrs(**kw)}/>'


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str, **kw: object) -> str:
    return f'<ellipse cx="{cx:g}" cy="{cy:g}" rx="{rx:g}" ry="{ry:g}" fill="{fill}"{attrs(**kw)}/>'


def path(d: str, fill: str = "none", **kw: object) -> str:
    return f'<path d="{d}" fill="{fill}"{attrs(**kw)}/>'


def line(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float, **kw: object) -> str:
    return (
        f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{stroke}" stroke-width="{width:g}"'
        f' stroke-linecap="round"{attrs(**kw)}/>'
    )


def poly(points: list[tuple[float, float]], fill: str, **kw: object) -> str:
    pts = " ".join(f"{x:g},{y:g}" for x, y in points)
    return f'<polygon points="{pts}" fill="{fill}"{attrs(**kw)}/>'


def group(body: list[str], **kw: object) -> str:
    return f"<g{attrs(**kw)}>" + "".join(body) + "</g>"


def backdrop(p: Palette, name: str, top: str | None = None, bottom: str | None = None) -> tuple[list[str], list[str]]:
    """The scene's ground: a vertical wash and a soft glow behind the subject. Returns (defs, body)."""
    defs = [
        lin(f"{name}-sky", [(0, top or p.deep), (1, bottom or p.night)]),
        rad(f"{name}-glow", [(0, p.accent, 0.32), (0.55, p.accent, 0.08), (1, p.accent, 0)], cy=0.46, r=0.5),
    ]
    body = [rect(0, 0, 1000, 1000, f"url(#{name}-sky)"), circle(500, 470, 470, f"url(#{name}-glow)")]
    return defs, body


def stars(points: list[tuple[float, float, float]], colour: str) -> list[str]:
    return [circle(x, y, r, colour, opacity=0.7) for x, y, r in points]


def gear(cx: float, cy: float, r: float, teeth: int, fill: str, hole: str, depth: float = 0.16) -> str:
    """A toothed wheel as one path, with a round hub of ``hole`` colour."""
    pts = []
    for i in range(teeth * 4):
        a = 2 * math.pi * i / (teeth * 4)
        rr = r if (i % 4) in (1, 2) else r * (1 - depth)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d = "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in pts) + " Z"
    return path(d, fill) + circle(cx, cy, r * 0.32, hole)


def wave(x0: float, x1: float, y: float, amp: float, period: float) -> str:
    d = f"M{x0:g} {y:g}"
    x = x0
    up = True
    while x < x1:
        d += f" q{period / 4:g} {-amp if up else amp:g} {period / 2:g} 0"
        x += period / 2
        up = not up
    return d


def svg(defs: list[str], body: list[str], scale: float = 1.0, keep: int = 2) -> str:
    """The document; with ``scale`` the subject (everything after the first ``keep`` ground elements) is drawn
    smaller about the centre, to sit inside both crops."""
    if scale != 1.0:
        body = [*body[:keep], group(body[keep:], transform=f"translate(500 500) scale({scale:g}) translate(-500 -500)")]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" viewBox="0 0 1000 1000"'
        ' width="1000" height="1000">\n'
        f"<defs>{''.join(defs)}</defs>\n" + "\n".join(body) + "\n</svg>\n"
    )


# Scenes: pillar 1, national strategy (sky blue) ------------------------------------------------------------------

NAT = Palette(ACCENTS["national-strategy"])


def dream_drillship() -> str:
    p = NAT
    defs, body = backdrop(p, "s", top=mix(GROUND, p.accent, 0.3))
    defs += [
        lin("sea", [(0, p.mid), (0.25, p.deep), (1, mix(GROUND, "#000000", 0.35))]),
        lin("hull", [(0, WHITE), (0.5, p.ice), (1, p.pale)]),
        lin("derrick", [(0, GOLD), (1, p.pale)]),
    ]
    body += stars([(140, 120, 3), (260, 200, 2), (820, 140, 3), (700, 90, 2), (900, 260, 2), (380, 90, 2)], WHITE)
    body.append(circle(780, 210, 54, p.ice, opacity=0.85))
    # the sea, and below it the trench the drill string reaches for
    body.append(rect(0, 540, 1000, 460, "url(#sea)"))
    body.append(
        path(
            "M0 905 C150 890 260 900 360 915 L440 985 L560 985 L640 912 C760 895 880 890 1000 900 L1000 1000 L0 1000 Z",
            mix(GROUND, "#000000", 0.2),
        )
    )
    keep = len(body)
    body.append(line(505, 545, 505, 968, p.pale, 4, stroke_dasharray="2 14"))
    body.append(poly([(495, 960), (515, 960), (505, 984)], GOLD))
    for y, w, o in ((575, 300, 0.35), (610, 220, 0.25), (650, 160, 0.18)):
        body.append(line(505 - w / 2, y, 505 + w / 2, y, p.ice, 4, opacity=o))
    # the hull, with the moon-pool line and a helideck at the bow
    body.append(path("M140 470 L870 470 L830 548 L190 548 Z", "url(#hull)"))
    body.append(path("M150 492 L860 492", stroke=p.accent, stroke_width=8))
    body.append(path("M186 540 L834 540", stroke=RED, stroke_width=6, opacity=0.8))
    body.append(rect(170, 360, 170, 110, p.ice, rx=6))
    body.append(rect(195, 320, 120, 42, WHITE, rx=6))
    for row in range(3):
        for col in range(6):
            body.append(rect(184 + col * 25, 376 + row * 30, 15, 14, p.mid, rx=2))
    body.append(rect(205, 330, 100, 14, p.mid, rx=3))
    body.append(line(255, 320, 255, 270, p.pale, 5))
    body.append(ellipse(775, 440, 88, 16, p.pale))
    body.append(rect(740, 444, 70, 26, p.soft))
    body.append(ellipse(775, 437, 62, 10, "none", stroke=GOLD, stroke_width=4))
    # the derrick: a lattice tower over the drill floor
    body.append(rect(420, 430, 170, 40, p.soft, rx=4))
    lx0, rx0, lx1, rx1, y0, y1 = 440, 570, 488, 522, 430, 150
    body.append(path(f"M{lx0} {y0} L{lx1} {y1} M{rx0} {y0} L{rx1} {y1}", stroke="url(#derrick)", stroke_width=9))
    levels = 7
    for i in range(levels):
        ya = y0 - (y0 - y1) * i / levels
        yb = y0 - (y0 - y1) * (i + 1) / levels
        la = lx0 + (lx1 - lx0) * i / levels
        ra = rx0 + (rx1 - rx0) * i / levels
        lb = lx0 + (lx1 - lx0) * (i + 1) / levels
        rb = rx0 + (rx1 - rx0) * (i + 1) / levels
        body.append(
            path(
                f"M{la:.1f} {ya:.1f} L{rb:.1f} {yb:.1f} M{ra:.1f} {ya:.1f} L{lb:.1f} {yb:.1f}",
                stroke=p.pale,
                stroke_width=3.5,
            )
        )
        body.append(line(lb, yb, rb, yb, p.pale, 3.5))
    body.append(rect(476, 132, 58, 22, GOLD, rx=4))
    body.append(circle(505, 120, 7, RED))
    body.append(line(505, 154, 505, 430, p.ice, 3, opacity=0.8))
    # crane
    body.append(path("M650 470 L650 420 L735 300", stroke=p.pale, stroke_width=10, stroke_linecap="round"))
    body.append(line(735, 300, 735, 370, p.ice, 3))
    return svg(defs, body, scale=0.88, keep=keep)


def proteome_programme_hq() -> str:
    p = NAT
    defs, body = backdrop(p, "s")
    defs += [
        lin("page", [(0, p.ice), (1, p.pale)], x2=1, y2=0),
        lin("page2", [(0, p.pale), (1, p.ice)], x2=1, y2=0),
        lin("ribbon", [(0, p.accent), (1, GOLD)], y1=1, y2=0),
    ]
    # the international programme: meridians of a globe behind
    for rx in (330, 230, 120):
        body.append(ellipse(500, 390, rx, 330, "none", stroke=p.soft, stroke_width=3, opacity=0.45))
    for y, rx in ((190, 250), (390, 330), (590, 250)):
        body.append(ellipse(500, y, rx, 26, "none", stroke=p.soft, stroke_width=3, opacity=0.35))
    # the open book with pages of unread marks (the proteome's "book without words")
    body.append(path("M500 640 C400 600 290 592 170 612 L170 842 C290 822 400 830 500 868 Z", "url(#page)"))
    body.append(path("M500 640 C600 600 710 592 830 612 L830 842 C710 822 600 830 500 868 Z", "url(#page2)"))
    body.append(path("M500 640 L500 868", stroke=p.mid, stroke_width=4))
    body.append(
        path(
            "M170 842 C290 822 400 830 500 868 C600 830 710 822 830 842 L830 858 C710 840 600 846 500 884"
            " C400 846 290 840 170 858 Z",
            p.soft,
        )
    )
    for row in range(5):
        for side in (-1, 1):
            for k in range(9):
                x = 500 + side * (48 + k * 30)
                y = 668 + row * 34 - (k * 1.6 if side else 0) + k * 0.9
                r = 4.5 if (row * 9 + k + (side > 0)) % 4 else 7
                body.append(circle(x, y + k * -1.8, r, p.mid, opacity=0.75))
    # a protein chain rising from the spine: a helix, then a sheet, beads of amino acids around it
    d = "M500 640"
    y = 640.0
    for i in range(7):
        side = 1 if i % 2 == 0 else -1
        d += f" C{500 + side * 150} {y - 20:.0f} {500 + side * 150} {y - 70:.0f} 500 {y - 80:.0f}"
        y -= 80
    body.append(path(d, stroke=p.deep, stroke_width=44, stroke_linecap="round"))
    body.append(path(d, stroke="url(#ribbon)", stroke_width=30, stroke_linecap="round"))
    body.append(path(d, stroke=WHITE, stroke_width=6, stroke_linecap="round", opacity=0.45))
    body.append(poly([(500, 100), (560, 150), (530, 150), (530, 182), (470, 182), (470, 150), (440, 150)], GOLD))
    beads = [
        (300, 300, 16),
        (330, 360, 11),
        (700, 260, 16),
        (680, 330, 11),
        (250, 470, 12),
        (760, 470, 14),
        (720, 540, 9),
        (270, 210, 9),
        (780, 180, 10),
        (360, 530, 9),
    ]
    for bx, by, br in beads:
        body.append(circle(bx, by, br + 5, p.deep))
        body.append(circle(bx, by, br, GOLD if br > 13 else p.pale))
    body.append(path("M300 300 L330 360 M700 260 L680 330 L720 540", stroke=p.pale, stroke_width=3, opacity=0.6))
    return svg(defs, body)


def intratumoral_drug() -> str:
    p = NAT
    defs, body = backdrop(p, "s")
    tumour = mix(RED, GROUND, 0.25)
    defs += [
        rad("tumour", [(0, p.ice, 1), (0.3, p.pale, 1), (1, tumour, 1)], r=0.55),
        lin("barrel", [(0, p.ice), (1, p.pale)]),
        lin("dose", [(0, p.accent), (1, mix(p.accent, GOLD, 0.5))], x2=1, y2=0),
    ]
    # tissue: healthy cells around
    cells = [
        (180, 240, 50),
        (300, 170, 38),
        (820, 620, 54),
        (850, 300, 40),
        (160, 600, 46),
        (250, 740, 40),
        (720, 800, 44),
        (880, 470, 30),
        (420, 820, 36),
        (130, 420, 32),
        (600, 880, 30),
    ]
    for cx, cy, r in cells:
        body.append(circle(cx, cy, r, p.deep, stroke=p.soft, stroke_width=4, opacity=0.9))
        body.append(circle(cx + r * 0.2, cy - r * 0.15, r * 0.34, p.soft, opacity=0.8))
    # the tumour: a cluster of cells, the drug spreading from its core
    lumps = [(560, 560, 120), (470, 500, 80), (650, 480, 76), (640, 650, 82), (480, 640, 78), (560, 430, 60)]
    for cx, cy, r in lumps:
        body.append(circle(cx, cy, r + 10, mix(tumour, GROUND, 0.35)))
    for cx, cy, r in lumps:
        body.append(circle(cx, cy, r, tumour))
    body.append(circle(565, 555, 130, "url(#tumour)", opacity=0.9))
    for cx, cy, r in ((500, 470, 22), (640, 470, 20), (660, 640, 24), (470, 640, 20), (560, 690, 16)):
        body.append(circle(cx, cy, r, mix(tumour, GROUND, 0.2), opacity=0.8))
    # the syringe, needle into the core
    syringe = [
        line(0, 0, 250, 0, WHITE, 6),
        rect(-300, -44, 300, 88, "url(#barrel)", rx=14, opacity=0.95),
        rect(-290, -32, 180, 64, "url(#dose)", rx=8),
        rect(-330, -70, 28, 140, p.pale, rx=8),
        rect(-460, -14, 140, 28, p.pale, rx=6),
        rect(-490, -44, 34, 88, p.ice, rx=8),
        rect(-10, -18, 24, 36, p.soft, rx=4),
    ]
    for k in range(5):
        syringe.append(line(-250 + k * 45, -44, -250 + k * 45, -20, p.mid, 4))
    body.append(group(syringe, transform="translate(560 555) rotate(45) scale(0.72) translate(-255 0)"))
    # six drugs approved for market; the first of its kind in gold
    for k in range(6):
        x = 262 + k * 96
        fill = GOLD if k == 0 else p.pale
        body.append(rect(x, 900, 64, 30, fill, rx=15, transform=f"rotate(-20 {x + 32} 915)"))
        body.append(rect(x + 32, 900, 32, 30, p.soft, rx=15, transform=f"rotate(-20 {x + 32} 915)", opacity=0.9))
    return svg(defs, body)


def germanium_detector() -> str:
    p = NAT
    defs, body = backdrop(p, "s")
    defs += [
        lin("metal", [(0, p.soft), (0.45, p.ice), (1, p.mid)], x2=1, y2=0),
        lin("metalv", [(0, p.ice), (1, p.soft)]),
        rad("crystal", [(0, WHITE, 1), (0.4, GOLD, 1), (1, mix(GOLD, GROUND, 0.4), 1)], r=0.6),
    ]
    # the spectrum: sharp lines from a high-purity crystal
    body.append(rect(150, 150, 400, 260, p.night, rx=20, stroke=p.soft, stroke_width=4))
    body.append(path("M180 370 L520 370 M180 370 L180 180", stroke=p.soft, stroke_width=4))
    d = "M185 366 L230 360 L250 300 L262 362 L300 350 L330 356 L350 200 L362 355 L410 345 L430 330 L446 240 L458"
    d += " 348 L500 360 L518 364"
    body.append(path(d, stroke=GOLD, stroke_width=5, stroke_linejoin="round"))
    # the dewar of liquid nitrogen and the cryostat arm with the crystal behind a window
    body.append(rect(200, 500, 170, 360, "url(#metal)", rx=24))
    body.append(ellipse(285, 500, 85, 22, p.ice))
    body.append(ellipse(285, 500, 60, 14, p.mid))
    body.append(rect(200, 620, 170, 12, p.mid, opacity=0.7))
    body.append(rect(200, 770, 170, 12, p.mid, opacity=0.7))
    body.append(rect(370, 585, 330, 110, "url(#metalv)", rx=18))
    body.append(rect(690, 570, 110, 140, "url(#metalv)", rx=30))
    body.append(rect(560, 598, 220, 84, p.night, rx=14))
    body.append(rect(584, 608, 174, 64, "url(#crystal)", rx=26))
    body.append(line(600, 640, 744, 640, WHITE, 3, opacity=0.6))
    body.append(rect(380, 700, 20, 160, p.soft, rx=6))
    body.append(rect(820, 700, 20, 160, p.soft, rx=6))
    body.append(rect(360, 850, 500, 18, p.soft, rx=6))
    # gamma rays from a source, top right
    body.append(circle(800, 250, 34, RED))
    body.append(circle(800, 250, 58, "none", stroke=RED, stroke_width=4, opacity=0.5))
    for k, (tx, ty) in enumerate(((640, 600), (700, 590), (760, 596))):
        ang = math.atan2(ty - 250, tx - 800)
        length = math.hypot(tx - 800, ty - 250) - 70
        d = wave(0, length, 0, 14, 40)
        body.append(
            path(
                d,
                stroke=GOLD,
                stroke_width=5,
                stroke_linecap="round",
                transform=f"translate(800 250) rotate({math.degrees(ang):.1f}) translate(66 {k - 1})",
            )
        )
    return svg(defs, body)


def proton_therapy_monitor() -> str:
    p = NAT
    defs, body = backdrop(p, "s")
    defs += [
        lin("ring", [(0, p.ice), (1, p.soft)]),
        lin("beam", [(0, mix(GOLD, GROUND, 0.6)), (1, GOLD)]),
    ]
    # the gantry that turns around the patient
    body.append(circle(500, 450, 300, "none", stroke="url(#ring)", stroke_width=74))
    body.append(circle(500, 450, 262, "none", stroke=p.mid, stroke_width=4))
    body.append(circle(500, 450, 338, "none", stroke=p.soft, stroke_width=3, opacity=0.7))
    body.append(rect(450, 118, 100, 80, p.pale, rx=14))
    body.append(rect(466, 190, 68, 34, p.soft, rx=6))
    # the beam and its peak inside the patient
    body.append(poly([(488, 224), (512, 224), (503, 505), (497, 505)], "url(#beam)"))
    body.append(circle(500, 508, 26, GOLD, opacity=0.35))
    body.append(circle(500, 508, 12, WHITE))
    # couch and patient
    body.append(rect(200, 530, 600, 34, p.pale, rx=12))
    body.append(rect(470, 564, 60, 190, p.soft))
    body.append(rect(380, 750, 240, 26, p.soft, rx=8))
    body.append(circle(290, 500, 34, p.ice))
    body.append(path("M330 490 C380 470 640 470 700 492 C720 500 720 528 700 530 L330 530 Z", p.ice))
    # the monitors that watch where the dose lands (detector heads either side)
    for x in (380, 620):
        body.append(rect(x - 34, 580, 68, 40, p.accent, rx=8))
        body.append(path(f"M{x} 580 L500 512", stroke=p.accent, stroke_width=3, stroke_dasharray="8 8"))
    # the read-out: the Bragg peak
    body.append(rect(290, 800, 420, 130, p.night, rx=18, stroke=p.soft, stroke_width=4))
    body.append(
        path(
            "M320 900 L560 884 C600 880 612 860 622 826 C630 860 636 896 644 904 L690 904",
            stroke=GOLD,
            stroke_width=6,
            stroke_linejoin="round",
        )
    )
    body.append(line(320, 906, 690, 906, p.soft, 3))
    return svg(defs, body, scale=0.85)


def national_platforms() -> str:
    p = NAT
    defs, body = backdrop(p, "s")
    defs += [
        lin("tower", [(0, p.ice), (1, p.soft)], x2=1, y2=0),
        lin("disk", [(0, p.mid), (1, p.deep)]),
        rad("hub", [(0, GOLD, 1), (0.6, GOLD, 0.5), (1, GOLD, 0)]),
    ]
    body.append(ellipse(500, 720, 400, 150, "url(#disk)"))
    body.append(ellipse(500, 720, 400, 150, "none", stroke=p.soft, stroke_width=3))
    body.append(ellipse(500, 720, 300, 108, "none", stroke=p.soft, stroke_width=2, opacity=0.5))
    # links from the centre to each platform
    hub = (500, 700)
    ends = [(270, 600), (740, 610), (500, 830), (500, 260)]
    for x, y in ends:
        body.append(path(f"M{hub[0]} {hub[1]} L{x} {y}", stroke=GOLD, stroke_width=5, stroke_dasharray="12 10"))
    # 1 national laboratory: a tower of labs
    body.append(rect(200, 360, 140, 250, "url(#tower)", rx=8))
    body.append(poly([(200, 360), (270, 320), (340, 360)], p.pale))
    for row in range(6):
        for col in range(3):
            body.append(rect(218 + col * 40, 384 + row * 36, 26, 20, p.mid, rx=3))
    # 2 the technology innovation centre: a dome
    body.append(rect(650, 520, 180, 90, "url(#tower)", rx=6))
    body.append(path("M650 520 A90 90 0 0 1 830 520 Z", p.pale))
    body.append(path("M740 430 L740 520", stroke=p.mid, stroke_width=5))
    for col in range(4):
        body.append(rect(664 + col * 42, 548, 24, 40, p.mid, rx=3))
    # 3 big science infrastructure: an accelerator ring on the plain
    body.append(ellipse(500, 820, 150, 48, "none", stroke=p.ice, stroke_width=18))
    body.append(ellipse(500, 820, 150, 48, "none", stroke=p.accent, stroke_width=6))
    body.append(rect(600, 790, 54, 34, p.pale, rx=6))
    # 4 an international programme: a globe with an orbit
    body.append(circle(500, 260, 92, p.mid, stroke=p.ice, stroke_width=6))
    for rx in (60, 28):
        body.append(ellipse(500, 260, rx, 92, "none", stroke=p.ice, stroke_width=3))
    body.append(line(408, 260, 592, 260, p.ice, 3))
    body.append(ellipse(500, 260, 150, 40, "none", stroke=GOLD, stroke_width=4, transform="rotate(-18 500 260)"))
    # the one city that holds all four
    body.append(circle(500, 700, 70, "url(#hub)"))
    body.append(circle(500, 700, 20, WHITE))
    return svg(defs, body)


def innovation_axis() -> str:
    p = NAT
    defs, body = backdrop(p, "s", top=p.night, bottom=p.deep)
    defs += [
        lin("axis", [(0, p.accent), (0.5, GOLD), (1, p.accent)]),
        lin("river", [(0, p.soft), (1, p.mid)], x2=1, y2=0),
    ]
    # city blocks
    for row in range(9):
        for col in range(9):
            if (row * 7 + col * 3) % 5 == 0:
                continue
            body.append(rect(40 + col * 108, 40 + row * 108, 84, 84, p.deep, rx=10, opacity=0.55))
    # the Pearl River across the city
    body.append(
        path(
            "M0 560 C180 500 300 620 500 560 C700 500 820 600 1000 540",
            stroke="url(#river)",
            stroke_width=70,
            stroke_linecap="butt",
        )
    )
    body.append(
        path("M0 560 C180 500 300 620 500 560 C700 500 820 600 1000 540", stroke=p.pale, stroke_width=3, opacity=0.5)
    )
    # the axis, north to south
    d = "M500 150 C470 300 540 420 500 560 C460 700 530 780 500 880"
    body.append(path(d, stroke=p.accent, stroke_width=70, opacity=0.18))
    body.append(path(d, stroke="url(#axis)", stroke_width=22))
    for x, y, r in (
        (500, 150, 16),
        (496, 300, 22),
        (516, 430, 30),
        (500, 560, 18),
        (478, 690, 26),
        (506, 800, 20),
        (500, 880, 16),
    ):
        body.append(circle(x, y, r + 14, p.accent, opacity=0.22))
        body.append(circle(x, y, r, WHITE, stroke=GOLD, stroke_width=6))
    # linking air (north) and sea (south)
    plane = "M0 -10 L60 -14 L78 -44 L92 -44 L84 -12 L120 -10 C132 -8 132 8 120 10 L84 12 L92 44 L78 44 L60 14 L0 10 Z"
    body.append(path(plane, p.ice, transform="translate(570 150) rotate(-20) scale(1.3)"))
    body.append(path("M300 190 L440 160", stroke=p.pale, stroke_width=4, stroke_dasharray="2 14"))
    body.append(path("M560 880 L760 880 L730 920 L590 920 Z", p.ice))
    body.append(rect(610, 840, 70, 40, p.pale, rx=4))
    body.append(rect(690, 850, 40, 30, p.soft, rx=4))
    for y in (940, 965):
        body.append(path(wave(420, 900, y, 6, 40), stroke=p.pale, stroke_width=4, opacity=0.6))
    return svg(defs, body)


def innovation_chain() -> str:
    """From source to incubation to industry: three medallions joined by a chain, rising along a trail of light."""
    p = NAT
    defs, body = backdrop(p, "s")
    defs += [
        lin("trail", [(0, p.deep), (0.6, p.accent), (1, GOLD)], x2=1, y2=0),
        rad("disc", [(0, p.mid, 1), (0.8, p.deep, 1), (1, p.deep, 1)], cy=0.4, r=0.6),
        rad("nucleus", [(0, WHITE, 1), (0.4, GOLD, 1), (1, GOLD, 0.9)]),
        lin("dome", [(0, p.ice), (1, p.soft)]),
        lin("works", [(0, p.ice), (1, p.pale)]),
    ]
    # a faint grid of dots: the city's innovation ground
    for row in range(9):
        for col in range(11):
            body.append(circle(70 + col * 86, 120 + row * 96, 3, p.soft, opacity=0.35))
    keep = len(body)
    centres = [(250.0, 655.0), (500.0, 485.0), (750.0, 315.0)]
    radius = 112.0
    # the trail of light rising under the chain to an arrowhead
    d = "M110 880 C300 850 380 690 560 610 C720 540 780 420 880 350"
    body.append(path(d, stroke=p.deep, stroke_width=64, stroke_linecap="round", opacity=0.8))
    body.append(path(d, stroke="url(#trail)", stroke_width=26, stroke_linecap="round"))
    for k in range(1, 9):
        tx, ty = 110 + k * 86, 880 - 530 * (k / 9) ** 1.15
        body.append(circle(tx, ty, 5, WHITE, opacity=0.7))
    body.append(poly([(858, 300), (948, 318), (898, 398)], GOLD))
    # the chain between the medallions: a flat link and an edge-on link, in turn
    for (x0, y0), (x1, y1) in zip(centres, centres[1:]):
        ang = math.degrees(math.atan2(y1 - y0, x1 - x0))
        gap = math.hypot(x1 - x0, y1 - y0)
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        t = f"translate({mx:.1f} {my:.1f}) rotate({ang:.1f})"
        for dx in (-gap * 0.2, gap * 0.2):
            body.append(ellipse(dx, 0, 62, 34, "none", stroke=p.pale, stroke_width=16, transform=t))
        body.append(rect(-46, -9, 92, 18, p.ice, rx=9, transform=t))
        body.append(rect(-40, -4, 80, 5, WHITE, rx=2.5, transform=t, opacity=0.6))
    rims = [p.pale, p.accent, GOLD]
    for (x, y), rim in zip(centres, rims):
        body.append(circle(x + 10, y + 16, radius + 8, mix(GROUND, "#000000", 0.3), opacity=0.45))
        body.append(circle(x, y, radius, "url(#disc)", stroke=rim, stroke_width=14))
        body.append(circle(x, y, radius - 24, "none", stroke=rim, stroke_width=3, opacity=0.5))
    # 1 the source: an atom
    x, y = centres[0]
    for a in (0, 60, 120):
        body.append(ellipse(x, y, 82, 30, "none", stroke=p.ice, stroke_width=7, transform=f"rotate({a} {x:g} {y:g})"))
    body.append(circle(x, y, 24, "url(#nucleus)"))
    for a, r in ((20, 82), (200, 82), (110, 30)):
        ex = x + 82 * math.cos(math.radians(a)) * (1 if r == 82 else 0) - (0 if r == 82 else 0)
        ey = y + 82 * math.sin(math.radians(a)) * (0.36 if r == 82 else 0)
        body.append(circle(ex, ey, 10, GOLD))
    # 2 incubation: a sprout under a glass dome
    x, y = centres[1]
    body.append(rect(x - 82, y + 40, 164, 26, p.soft, rx=10))
    body.append(path(f"M{x - 72:g} {y + 40:g} C{x - 72:g} {y - 100:g} {x + 72:g} {y - 100:g} {x + 72:g} {y + 40:g} Z",
                     "url(#dome)", opacity=0.35))  # fmt: skip
    body.append(path(f"M{x - 72:g} {y + 40:g} C{x - 72:g} {y - 100:g} {x + 72:g} {y - 100:g} {x + 72:g} {y + 40:g}",
                     stroke=p.ice, stroke_width=6))  # fmt: skip
    body.append(path(f"M{x - 44:g} {y - 30:g} C{x - 40:g} {y - 56:g} {x - 20:g} {y - 70:g} {x:g} {y - 72:g}",
                     stroke=WHITE, stroke_width=6, opacity=0.6, stroke_linecap="round"))  # fmt: skip
    body.append(ellipse(x, y + 36, 34, 10, mix(p.deep, "#000000", 0.2)))
    body.append(path(f"M{x:g} {y + 36:g} L{x:g} {y - 14:g}", stroke=p.accent, stroke_width=9, stroke_linecap="round"))
    body.append(path(f"M{x:g} {y - 4:g} C{x - 30:g} {y - 12:g} {x - 48:g} {y - 36:g} {x - 44:g} {y - 58:g}"
                     f" C{x - 14:g} {y - 56:g} {x + 2:g} {y - 30:g} {x:g} {y - 4:g} Z", p.accent))  # fmt: skip
    body.append(path(f"M{x:g} {y - 16:g} C{x + 26:g} {y - 40:g} {x + 52:g} {y - 44:g} {x + 64:g} {y - 30:g}"
                     f" C{x + 50:g} {y - 8:g} {x + 24:g} {y - 6:g} {x:g} {y - 16:g} Z", p.pale))  # fmt: skip
    # 3 industry: a works with a saw-tooth roof, its chimney and a gear turning
    x, y = centres[2]
    body.append(path(f"M{x - 86:g} {y + 56:g} L{x - 86:g} {y - 4:g} L{x - 46:g} {y - 34:g} L{x - 46:g} {y - 4:g}"
                     f" L{x - 6:g} {y - 34:g} L{x - 6:g} {y - 4:g} L{x + 34:g} {y - 34:g} L{x + 34:g} {y + 56:g} Z",
                     "url(#works)"))  # fmt: skip
    body.append(rect(x - 76, y - 92, 22, 70, p.pale, rx=3))
    for k in range(3):
        body.append(circle(x - 65 + k * 14, y - 110 - k * 16, 9 + k * 3, p.ice, opacity=0.5 - k * 0.12))
    for col in range(3):
        body.append(rect(x - 74 + col * 38, y + 10, 24, 28, p.mid, rx=3))
    body.append(gear(x + 62, y - 34, 46, 10, GOLD, p.deep))
    return svg(defs, body, scale=0.9, keep=keep)


# Scenes: pillar 2, industry (mint) --------------------------------------------------------------------------------

IND = Palette(ACCENTS["industry"])


def quark_e_drive() -> str:
    p = IND
    defs, body = backdrop(p, "s")
    copper = mix(GOLD, GROUND, 0.12)
    defs += [
        lin("housing", [(0, p.ice), (1, p.soft)]),
        rad("core", [(0, p.pale, 1), (1, p.mid, 1)]),
        lin("car", [(0, p.mid), (1, p.deep)]),
    ]
    cx, cy = 500, 420
    # flux lines around the drive
    for r, o in ((320, 0.25), (350, 0.15)):
        body.append(circle(cx, cy, r, "none", stroke=p.accent, stroke_width=4, stroke_dasharray="30 18", opacity=o))
    body.append(circle(cx, cy, 285, "url(#housing)"))
    body.append(circle(cx, cy, 250, p.deep))
    # the stator: teeth with copper windings between them
    teeth = 24
    for i in range(teeth):
        a = 360 * i / teeth
        body.append(rect(cx - 11, cy - 245, 22, 80, p.pale, rx=4, transform=f"rotate({a:g} {cx} {cy})"))
        body.append(rect(cx - 9, cy - 236, 18, 62, copper, rx=6, transform=f"rotate({a + 7.5:g} {cx} {cy})"))
    body.append(circle(cx, cy, 160, p.night))
    # the rotor with its magnets
    body.append(circle(cx, cy, 148, "url(#core)"))
    for i in range(8):
        a = 45 * i
        body.append(
            rect(cx - 34, cy - 138, 68, 30, GOLD if i % 2 == 0 else WHITE, rx=8, transform=f"rotate({a:g} {cx} {cy})")
        )
    body.append(circle(cx, cy, 56, p.mid, stroke=p.ice, stroke_width=8))
    body.append(circle(cx, cy, 18, WHITE))
    # energy into the drive
    body.append(path("M150 150 L230 150 L200 200 L270 200 L170 300 L195 225 L135 225 Z", GOLD))
    # the car it drives
    body.append(
        path(
            "M150 840 C160 800 220 780 300 770 L380 716 C420 700 560 696 640 716 L740 770 C800 778 850"
            " 800 856 840 L856 870 L150 870 Z",
            "url(#car)",
        )
    )
    body.append(path("M400 724 L460 706 L600 706 L660 740 Z", p.soft))
    for x in (290, 710):
        body.append(circle(x, 870, 52, p.night, stroke=p.pale, stroke_width=10))
        body.append(circle(x, 870, 16, p.pale))
    body.append(path(f"M{cx} {cy + 285} L{cx} 760", stroke=p.accent, stroke_width=6, stroke_dasharray="6 10"))
    return svg(defs, body, scale=0.85)


def ehang_evtol() -> str:
    """EHang's passenger drone: a two-seat cabin under eight arms with paired rotors, flying over the city at dusk,
    the Canton Tower on the skyline."""
    p = IND
    defs, body = backdrop(p, "s", top=mix(GROUND, p.accent, 0.3))
    defs += [
        rad("dusk", [(0, GOLD, 0.35), (0.5, GOLD, 0.08), (1, GOLD, 0)], cy=0.5, r=0.5),
        lin("city", [(0, mix(GROUND, p.accent, 0.16)), (1, p.night)]),
        lin("shell", [(0, WHITE), (0.55, p.ice), (1, p.pale)], x2=1, y2=1),
        lin("canopy", [(0, mix(GROUND, p.accent, 0.12)), (0.7, p.deep), (1, p.mid)], x2=1, y2=1),
        lin("tower", [(0, GOLD), (1, mix(GOLD, GROUND, 0.6))]),
        lin("disc", [(0, WHITE), (1, p.ice)]),
    ]
    body.append(ellipse(500, 900, 620, 260, "url(#dusk)"))
    body += stars([(120, 110, 3), (330, 70, 2), (880, 120, 3), (760, 60, 2), (610, 130, 2), (60, 300, 2)], WHITE)
    keep = len(body)
    # the skyline, with the Canton Tower
    blocks = [(40, 740, 70), (115, 690, 60), (180, 770, 50), (330, 720, 64), (400, 650, 56), (460, 760, 60),
              (525, 700, 70), (600, 640, 54), (660, 730, 62), (730, 680, 58), (795, 760, 54), (855, 700, 66),
              (925, 750, 60)]  # fmt: skip
    for x, top, w in blocks:
        body.append(rect(x - w / 2, top, w, 1000 - top, "url(#city)"))
        for wy in range(top + 22, 990, 38):
            for wx in (x - w / 4 - 5, x + w / 4 - 5):
                body.append(rect(wx, wy, 10, 12, GOLD if (wx + wy) % 7 == 0 else p.soft, opacity=0.55))
    tx = 262
    body.append(path(f"M{tx - 34} 1000 C{tx - 8} 800 {tx - 10} 700 {tx - 24} 560 L{tx + 24} 560"
                     f" C{tx + 10} 700 {tx + 8} 800 {tx + 34} 1000 Z", "url(#tower)", opacity=0.9))  # fmt: skip
    for k in range(9):
        yy = 580 + k * 46
        half = 22 - 14 * math.sin(math.pi * min(1.0, (yy - 560) / 440)) * 0.9
        body.append(line(tx - half, yy, tx + half, yy + 20, mix(GOLD, GROUND, 0.4), 3))
    body.append(rect(tx - 26, 548, 52, 14, GOLD, rx=4))
    body.append(line(tx, 548, tx, 440, GOLD, 5))
    body.append(circle(tx, 436, 6, RED))
    # the route it flies: a dashed arc from a rooftop pad
    body.append(ellipse(735, 676, 52, 12, p.soft))
    body.append(ellipse(735, 676, 34, 7, "none", stroke=GOLD, stroke_width=3))
    body.append(path("M735 664 C760 600 700 560 610 540", stroke=p.ice, stroke_width=5, stroke_dasharray="4 16",
                     stroke_linecap="round", opacity=0.8))  # fmt: skip
    # the drone: eight arms round the top of the cabin, a pair of rotors at the end of each
    cx, cy = 470.0, 360.0
    arms = 8

    def angle(k: int) -> float:
        return 2 * math.pi * k / arms + math.pi / 8

    def tip(k: int) -> tuple[float, float]:
        return cx + 300 * math.cos(angle(k)), cy - 70 + 96 * math.sin(angle(k))

    def rotor(k: int) -> list[str]:
        x, y = tip(k)
        x0, y0 = cx + 62 * math.cos(angle(k)), cy - 104 + 20 * math.sin(angle(k))  # from the ring on the roof
        return [
            line(x0, y0, x, y, p.pale, 14),
            line(x0, y0, x, y, WHITE, 4, opacity=0.6),
            rect(x - 9, y - 26, 18, 48, p.ice, rx=6),
            ellipse(x, y - 28, 80, 15, "url(#disc)", opacity=0.45),
            ellipse(x, y - 28, 80, 15, "none", stroke=WHITE, stroke_width=3, opacity=0.9),
            ellipse(x, y + 24, 72, 13, "url(#disc)", opacity=0.3),
            ellipse(x, y + 24, 72, 13, "none", stroke=p.ice, stroke_width=2.5, opacity=0.7),
            circle(x, y - 28, 7, GOLD),
        ]

    order = sorted(range(arms), key=lambda k: tip(k)[1])
    behind = [k for k in order if tip(k)[1] < cy - 70]
    before = [k for k in order if tip(k)[1] >= cy - 70]
    for k in behind:
        body += rotor(k)
    # skids
    body.append(path(f"M{cx - 70} {cy + 120} L{cx - 96} {cy + 186} M{cx + 70} {cy + 120} L{cx + 96} {cy + 186}",
                     stroke=p.pale, stroke_width=11, stroke_linecap="round"))  # fmt: skip
    body.append(path(f"M{cx - 150} {cy + 190} L{cx - 40} {cy + 190} M{cx + 40} {cy + 190} L{cx + 150} {cy + 190}",
                     stroke=p.ice, stroke_width=12, stroke_linecap="round"))  # fmt: skip
    # the cabin: an egg with a wrap-round canopy, two seats behind it
    body.append(path(f"M{cx - 118} {cy + 30} C{cx - 122} {cy - 70} {cx - 60} {cy - 112} {cx} {cy - 112}"
                     f" C{cx + 60} {cy - 112} {cx + 122} {cy - 70} {cx + 118} {cy + 30}"
                     f" C{cx + 112} {cy + 110} {cx + 60} {cy + 150} {cx} {cy + 150}"
                     f" C{cx - 60} {cy + 150} {cx - 112} {cy + 110} {cx - 118} {cy + 30} Z",
                     "url(#shell)"))  # fmt: skip
    body.append(path(f"M{cx - 104} {cy + 10} C{cx - 104} {cy - 62} {cx - 50} {cy - 96} {cx + 6} {cy - 96}"
                     f" C{cx + 62} {cy - 96} {cx + 108} {cy - 60} {cx + 108} {cy + 8}"
                     f" C{cx + 70} {cy + 44} {cx - 66} {cy + 46} {cx - 104} {cy + 10} Z", "url(#canopy)"))  # fmt: skip
    for sx in (-42, 42):
        body.append(rect(cx + sx - 26, cy - 42, 52, 62, mix(GROUND, p.accent, 0.2), rx=18, opacity=0.8))
    body.append(path(f"M{cx - 80} {cy - 34} C{cx - 64} {cy - 70} {cx - 30} {cy - 84} {cx + 10} {cy - 84}",
                     stroke=WHITE, stroke_width=8, stroke_linecap="round", opacity=0.55))  # fmt: skip
    body.append(path(f"M{cx - 112} {cy + 62} C{cx - 60} {cy + 92} {cx + 60} {cy + 92} {cx + 112} {cy + 62}",
                     stroke=p.accent, stroke_width=12, stroke_linecap="round"))  # fmt: skip
    body.append(ellipse(cx, cy - 106, 66, 22, p.pale))
    body.append(ellipse(cx, cy - 110, 40, 12, p.ice))
    body.append(circle(cx - 96, cy + 96, 7, RED))
    body.append(circle(cx + 96, cy + 96, 7, p.accent))
    for k in before:
        body += rotor(k)
    return svg(defs, body, scale=0.94, keep=keep)


def ultrafast_battery_factory() -> str:
    p = IND
    defs, body = backdrop(p, "s")
    defs += [
        lin("wall", [(0, p.soft), (1, p.mid)]),
        lin("cell", [(0, p.ice), (1, p.accent)], x2=1, y2=0),
        lin("charge", [(0, GOLD), (1, p.accent)], y1=1, y2=0),
        lin("water", [(0, p.mid), (1, p.night)]),
    ]
    # Nansha's waterfront
    body.append(rect(0, 820, 1000, 180, "url(#water)"))
    for y in (860, 900, 940):
        body.append(path(wave(60, 940, y, 5, 46), stroke=p.soft, stroke_width=4, opacity=0.5))
    # the factory hall with a sawtooth roof, open to show the line
    body.append(rect(130, 420, 740, 400, "url(#wall)"))
    roof = "M130 420"
    for k in range(6):
        x = 130 + k * 123.3
        roof += (
            f" L{x + 80:.1f} 330 L{x + 80:.1f} 420 L{x + 123.3:.1f} 420" if k < 5 else f" L{x + 80:.1f} 330 L870 420"
        )
    body.append(path(roof + " Z", p.pale))
    for k in range(6):
        x = 130 + k * 123.3 + 80
        body.append(rect(x - 4, 340, 8, 78, p.ice, opacity=0.6))
    body.append(rect(170, 470, 660, 290, p.night, rx=14))
    # the line: cells moving on a belt under a robot arm
    body.append(rect(190, 680, 620, 30, p.soft, rx=15))
    for k in range(8):
        body.append(circle(215 + k * 82, 695, 9, p.deep))
    for k in range(6):
        x = 215 + k * 100
        body.append(rect(x, 600, 56, 80, "url(#cell)", rx=8))
        body.append(rect(x + 18, 590, 20, 12, p.pale, rx=3))
    body.append(
        path(
            "M700 480 L700 520 L620 560 L620 585",
            stroke=p.ice,
            stroke_width=16,
            stroke_linecap="round",
            stroke_linejoin="round",
        )
    )
    body.append(circle(700, 520, 14, GOLD))
    body.append(rect(596, 580, 48, 14, p.ice, rx=4))
    # the ultra-fast battery, charging
    body.append(rect(300, 170, 220, 120, p.ice, rx=22))
    body.append(rect(520, 205, 22, 50, p.ice, rx=6))
    body.append(rect(316, 186, 188, 88, p.deep, rx=14))
    for k in range(4):
        body.append(rect(328 + k * 44, 198, 34, 64, "url(#charge)", rx=6))
    body.append(
        path("M420 150 L380 240 L420 240 L400 320 L470 210 L430 210 L455 150 Z", GOLD, stroke=p.night, stroke_width=6)
    )
    for k, y in enumerate((185, 230, 275)):
        body.append(line(190 - k * 20, y, 270, y, p.accent, 6, opacity=0.7))
    return svg(defs, body)


def surgical_robot_positioning() -> str:
    p = IND
    defs, body = backdrop(p, "s")
    defs += [
        lin("arm", [(0, WHITE), (1, p.pale)], x2=1, y2=0),
        rad("light", [(0, WHITE, 0.5), (1, WHITE, 0)]),
        lin("drape", [(0, p.accent), (1, p.mid)]),
    ]
    # the operating light and its pool
    body.append(ellipse(500, 760, 300, 70, "url(#light)"))
    body.append(path("M500 100 L500 150", stroke=p.pale, stroke_width=10))
    body.append(ellipse(500, 170, 120, 36, p.pale))
    body.append(ellipse(500, 178, 90, 20, WHITE))
    # the table and the patient under a drape
    body.append(rect(170, 700, 660, 40, p.pale, rx=14))
    body.append(rect(470, 740, 60, 120, p.soft))
    body.append(rect(380, 860, 240, 24, p.soft, rx=8))
    body.append(path("M200 700 C220 640 320 630 380 636 C500 610 700 620 800 700 Z", "url(#drape)"))
    body.append(circle(540, 650, 20, "none", stroke=GOLD, stroke_width=4))
    body.append(line(520, 650, 560, 650, GOLD, 3))
    body.append(line(540, 630, 540, 670, GOLD, 3))
    # the robot arm from the right, its tool carrying a marker frame
    body.append(rect(800, 560, 90, 140, p.soft, rx=12))
    body.append(
        path(
            "M845 560 L800 420 L640 470 L570 600",
            stroke="url(#arm)",
            stroke_width=44,
            stroke_linecap="round",
            stroke_linejoin="round",
        )
    )
    for x, y in ((845, 560), (800, 420), (640, 470)):
        body.append(circle(x, y, 28, p.mid, stroke=WHITE, stroke_width=6))
    body.append(line(570, 600, 548, 640, p.ice, 10))
    markers = [(660, 540), (700, 580), (690, 510), (735, 545)]
    body.append(path("M600 560 L660 540 L690 510 M660 540 L700 580 L735 545", stroke=p.ice, stroke_width=6))
    # the optical tracker: a stereo camera bar, its sight lines to the markers
    body.append(path("M220 300 L220 640 M170 640 L270 640", stroke=p.soft, stroke_width=14, stroke_linecap="round"))
    body.append(
        group(
            [
                rect(-140, -34, 280, 68, p.ice, rx=30),
                circle(-100, 0, 24, p.night, stroke=p.accent, stroke_width=6),
                circle(100, 0, 24, p.night, stroke=p.accent, stroke_width=6),
                circle(-100, 0, 8, GOLD),
                circle(100, 0, 8, GOLD),
            ],
            transform="translate(240 280) rotate(16)",
        )
    )
    for cam in ((144, 252), (336, 308)):
        for mx, my in markers:
            body.append(line(cam[0], cam[1], mx, my, GOLD, 2, opacity=0.45, stroke_dasharray="8 8"))
    for mx, my in markers:
        body.append(circle(mx, my, 14, WHITE, stroke=GOLD, stroke_width=4))
    return svg(defs, body)


def enterprise_lifecycle_support() -> str:
    p = IND
    defs, body = backdrop(p, "s")
    defs += [
        lin("tower", [(0, p.ice), (1, p.soft)], x2=1, y2=0),
        lin("ring", [(0, p.accent), (1, GOLD)], x2=1, y2=1),
    ]
    # the whole life cycle: a ring of support with its stages
    body.append(path("M200 620 A320 320 0 1 1 310 760", stroke=p.deep, stroke_width=60))
    body.append(path("M200 620 A320 320 0 1 1 310 760", stroke="url(#ring)", stroke_width=22))
    body.append(poly([(262, 730), (338, 790), (270, 812)], GOLD))
    for a in (200, 250, 300, 350, 40, 90):
        x = 500 + 320 * math.cos(math.radians(a))
        y = 500 + 320 * math.sin(math.radians(a))
        body.append(circle(x, y, 20, WHITE, stroke=p.accent, stroke_width=7))
    # a company growing: start-up, growing firm, leader
    body.append(rect(230, 700, 540, 14, p.pale, rx=6))
    body.append(rect(290, 610, 110, 90, "url(#tower)", rx=6))
    body.append(poly([(280, 614), (345, 560), (410, 614)], p.pale))
    body.append(rect(330, 650, 30, 50, p.mid, rx=3))
    body.append(circle(345, 500, 26, GOLD, opacity=0.9))
    body.append(rect(335, 524, 20, 16, p.pale, rx=3))
    body.append(rect(430, 470, 130, 230, "url(#tower)", rx=6))
    for row in range(5):
        for col in range(3):
            body.append(rect(446 + col * 38, 492 + row * 40, 24, 22, p.mid, rx=3))
    body.append(rect(590, 280, 150, 420, "url(#tower)", rx=6))
    body.append(rect(640, 230, 50, 52, p.pale, rx=4))
    body.append(line(665, 230, 665, 160, p.pale, 6))
    body.append(path("M665 160 L720 178 L665 196 Z", GOLD))
    for row in range(9):
        for col in range(3):
            body.append(rect(606 + col * 44, 300 + row * 42, 28, 24, p.mid, rx=3))
    # supporting hands under the start-up: steps up
    body.append(
        path(
            "M260 760 L380 760 L380 730 L520 730 L520 740 L740 740",
            stroke=p.accent,
            stroke_width=8,
            stroke_linejoin="round",
            opacity=0.7,
        )
    )
    return svg(defs, body)


def focus_industries() -> str:
    p = IND
    defs, body = backdrop(p, "s")
    defs += [
        lin("chip", [(0, p.soft), (1, p.deep)], x2=1, y2=1),
        rad("die", [(0, WHITE, 1), (0.5, GOLD, 1), (1, mix(GOLD, GROUND, 0.3), 1)]),
        lin("medal", [(0, p.mid), (1, p.deep)]),
    ]
    centres = [(250, 250), (750, 250), (250, 750), (750, 750)]
    # circuit traces from the chip to each industry
    for x, y in centres:
        sx = 1 if x > 500 else -1
        sy = 1 if y > 500 else -1
        for off in (-30, 0, 30):
            d = f"M{500 + sx * 120} {500 + off} L{500 + sx * 170} {500 + off} L{x - sx * 20 + off} {y + sy * 120}"
            body.append(path(d, stroke=p.accent, stroke_width=5, stroke_linejoin="round", opacity=0.7))
            body.append(circle(x - sx * 20 + off, y + sy * 120, 8, GOLD))
    # the integrated circuit
    for k in range(6):
        for side in (0, 90, 180, 270):
            body.append(rect(432 + k * 25, 360, 12, 40, p.pale, rx=3, transform=f"rotate({side} 500 500)"))
    body.append(rect(390, 390, 220, 220, "url(#chip)", rx=22, stroke=p.pale, stroke_width=5))
    body.append(rect(440, 440, 120, 120, "url(#die)", rx=10))
    for k in range(3):
        body.append(line(460, 470 + k * 30, 540, 470 + k * 30, mix(GOLD, GROUND, 0.5), 4, opacity=0.6))
    for x, y in centres:
        body.append(circle(x, y, 112, "url(#medal)", stroke=p.soft, stroke_width=5))
    # AI: a small neural net
    nodes = [(190, 200), (190, 300), (250, 180), (250, 250), (250, 320), (310, 220), (310, 290)]
    for a, b in ((0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 5), (3, 5), (3, 6), (4, 6), (2, 6), (4, 5)):
        body.append(line(*nodes[a], *nodes[b], p.pale, 3, opacity=0.7))
    for x, y in nodes:
        body.append(circle(x, y, 13, WHITE if x != 250 else GOLD))
    # commercial spaceflight: a rocket
    body.append(path("M750 150 C780 180 790 230 786 300 L714 300 C710 230 720 180 750 150 Z", WHITE))
    body.append(poly([(714, 270), (686, 320), (714, 310)], p.pale))
    body.append(poly([(786, 270), (814, 320), (786, 310)], p.pale))
    body.append(circle(750, 225, 16, p.mid))
    body.append(path("M730 304 L750 360 L770 304 Z", GOLD))
    # smart new-energy vehicles: a car with a plug
    body.append(path("M160 780 C170 750 200 736 230 730 L260 700 L340 700 L370 730 C310 730 350 736 350 780 Z", WHITE))
    body.append(path("M160 780 L350 780 L350 792 L160 792 Z", WHITE))
    for x in (205, 310):
        body.append(circle(x, 795, 22, p.deep, stroke=WHITE, stroke_width=7))
    body.append(path("M270 708 L255 740 L275 740 L262 770 L295 730 L276 730 L290 708 Z", GOLD))
    # the low-altitude economy: a drone
    body.append(rect(710, 745, 80, 30, WHITE, rx=12))
    for dx in (-70, 70):
        body.append(line(750, 760, 750 + dx, 730, WHITE, 8))
        body.append(ellipse(750 + dx, 722, 44, 9, p.ice, opacity=0.8))
    body.append(line(750, 775, 750, 810, p.pale, 4))
    body.append(rect(732, 808, 36, 26, GOLD, rx=4))
    return svg(defs, body)


def innovation_consortia() -> str:
    p = IND
    defs, body = backdrop(p, "s")
    defs += [
        lin("g1", [(0, p.ice), (1, p.accent)], x2=1, y2=1),
        lin("g2", [(0, p.pale), (1, p.soft)], x2=1, y2=1),
    ]
    # the chain that joins them
    d = "M150 860 C300 820 380 880 500 840 C620 800 700 860 850 820"
    body.append(path(d, stroke=p.soft, stroke_width=14, stroke_dasharray="34 14", stroke_linecap="round"))
    # the leading company: the large gear, the others meshing with it
    body.append(gear(430, 460, 230, 18, "url(#g1)", p.deep))
    body.append(
        poly(
            [
                (430, 410),
                (445, 448),
                (486, 448),
                (453, 472),
                (466, 512),
                (430, 488),
                (394, 512),
                (407, 472),
                (374, 448),
                (415, 448),
            ],
            GOLD,
        )
    )
    body.append(gear(722, 262, 120, 11, "url(#g2)", p.deep))
    body.append(gear(740, 620, 118, 11, "url(#g2)", p.deep))
    body.append(gear(200, 760, 96, 9, "url(#g2)", p.deep))
    body.append(gear(210, 210, 84, 8, p.soft, p.deep))
    for x, y, r in ((722, 262, 20), (740, 620, 20), (200, 760, 16), (210, 210, 14)):
        body.append(circle(x, y, r, WHITE))
    for x, y in ((150, 860), (500, 840), (850, 820)):
        body.append(circle(x, y, 18, GOLD))
    return svg(defs, body, scale=0.9)


# Scenes: pillar 3, commercialisation (lavender) -------------------------------------------------------------------

COM = Palette(ACCENTS["commercialisation"])


def th_f120_microscope() -> str:
    p = COM
    defs, body = backdrop(p, "s")
    defs += [
        lin("col", [(0, p.soft), (0.4, WHITE), (1, p.mid)], x2=1, y2=0),
        lin("desk", [(0, p.pale), (1, p.soft)]),
        lin("beam", [(0, GOLD), (1, mix(GOLD, WHITE, 0.5))]),
    ]
    # the console the column stands on, with two screens
    body.append(rect(150, 760, 700, 40, "url(#desk)", rx=12))
    body.append(rect(190, 800, 620, 100, p.soft, rx=10))
    for x in (180, 700):
        body.append(rect(x, 600, 130, 100, p.night, rx=10, stroke=p.pale, stroke_width=5))
        body.append(rect(x + 55, 700, 20, 60, p.pale))
    body.append(circle(245, 650, 30, "none", stroke=GOLD, stroke_width=4))
    for k in range(5):
        body.append(circle(225 + (k * 13) % 40, 636 + (k * 17) % 30, 5, GOLD))
    body.append(path("M715 680 L740 640 L760 660 L785 620 L800 650", stroke=GOLD, stroke_width=4))
    # the column, from the field-emission gun at the top to the viewing chamber
    sections = [
        (120, 180, 96),
        (180, 250, 124),
        (250, 300, 110),
        (300, 380, 140),
        (380, 440, 124),
        (440, 520, 150),
        (520, 600, 136),
        (600, 760, 190),
    ]
    for y0, y1, w in sections:
        body.append(rect(500 - w / 2, y0, w, y1 - y0, "url(#col)", rx=10))
        body.append(rect(500 - w / 2 - 6, y1 - 10, w + 12, 14, p.pale, rx=6))
    body.append(path("M452 120 C452 80 548 80 548 120 Z", p.ice))
    body.append(line(500, 60, 500, 86, p.pale, 8))
    # the sample holder rod
    body.append(rect(575, 466, 150, 24, p.pale, rx=12))
    body.append(circle(735, 478, 22, GOLD))
    # a window onto the beam, focused by the lenses
    body.append(rect(482, 150, 36, 590, p.night, rx=18, opacity=0.85))
    beam = "M500 160 L492 260 L508 340 L494 420 L500 478 L506 540 L490 640 L510 730"
    body.append(path(beam, stroke="url(#beam)", stroke_width=6, stroke_linejoin="round"))
    body.append(circle(500, 478, 10, WHITE))
    for y in (220, 330, 410, 560):
        body.append(ellipse(500, y, 16, 5, "none", stroke=p.accent, stroke_width=3))
    body.append(ellipse(500, 700, 60, 20, p.accent, opacity=0.5))
    return svg(defs, body, scale=0.8)


def terahertz_stm() -> str:
    p = COM
    defs, body = backdrop(p, "s")
    defs += [
        lin("tip", [(0, p.soft), (0.45, WHITE), (1, p.mid)], x2=1, y2=0),
        rad("atom", [(0, WHITE, 1), (0.45, p.pale, 1), (1, p.mid, 1)], cx=0.38, cy=0.35, r=0.7),
        rad("hot", [(0, GOLD, 1), (0.5, GOLD, 0.45), (1, GOLD, 0)]),
    ]
    # the surface, atom by atom, in perspective
    rows = [(700, 34, 70), (780, 42, 86), (880, 52, 106)]
    for y, r, step in rows:
        n = int(1000 / step) + 2
        off = (step / 2) if (y // 10) % 2 else 0
        for k in range(n):
            x = -step + k * step + off
            body.append(circle(x, y, r, "url(#atom)"))
    # the tip: a cone narrowing to one atom
    body.append(rect(380, 70, 240, 90, p.pale, rx=16))
    body.append(rect(400, 90, 200, 14, p.soft, rx=6))
    body.append(path("M410 160 L590 160 L512 600 L488 600 Z", "url(#tip)"))
    body.append(circle(500, 606, 14, WHITE))
    # the tunnelling junction glows under a terahertz pulse
    body.append(circle(500, 650, 70, "url(#hot)"))
    body.append(line(500, 620, 500, 664, GOLD, 5, stroke_dasharray="6 6"))
    d = "M90 430"
    for k in range(14):
        amp = 80 * math.exp(-((k - 8) ** 2) / 10)
        d += f" q20 {-amp if k % 2 == 0 else amp:.1f} 40 0"
    body.append(path(d, stroke=GOLD, stroke_width=7, stroke_linecap="round", stroke_linejoin="round"))
    body.append(
        path(
            "M650 470 L720 430 M650 470 L704 480",
            stroke=GOLD,
            stroke_width=7,
            stroke_linecap="round",
            transform="rotate(12 650 470) translate(-160 60) rotate(180 650 470)",
        )
    )
    body.append(path("M646 440 L510 590", stroke=GOLD, stroke_width=4, stroke_dasharray="10 10", opacity=0.8))
    # the current read out
    body.append(rect(640, 220, 210, 150, p.night, rx=16, stroke=p.pale, stroke_width=4))
    body.append(
        path(
            "M660 340 L700 340 L715 260 L730 340 L780 340 L792 300 L804 340 L830 340",
            stroke=p.accent,
            stroke_width=5,
            stroke_linejoin="round",
        )
    )
    return svg(defs, body)


def brain_computer_interface() -> str:
    p = COM
    defs, body = backdrop(p, "s")
    defs += [
        lin("head", [(0, p.mid), (1, p.deep)], x2=1, y2=1),
        rad("brain", [(0, p.pale, 1), (1, p.accent, 1)]),
    ]
    # a head in profile, facing right
    head = (
        "M170 780 L170 640 C120 560 120 420 180 330 C240 240 360 200 450 230 C560 262 600 360 590 440 L630 520"
        " L590 540 L600 600 C600 640 570 650 530 650 L470 650 L470 780 Z"
    )
    body.append(path(head, "url(#head)", stroke=p.soft, stroke_width=5))
    # the brain with its folds
    body.append(
        path(
            "M200 420 C190 320 280 250 380 260 C480 270 540 330 530 410 C520 470 460 500 380 495 C300 500"
            " 210 490 200 420 Z",
            "url(#brain)",
        )
    )
    for d in (
        "M240 400 C270 350 320 360 330 320",
        "M300 460 C330 420 380 430 400 380",
        "M380 300 C420 320 460 300 490 340",
        "M420 460 C450 420 490 440 510 410",
        "M250 450 C280 440 290 470 320 470",
    ):
        body.append(path(d, stroke=p.mid, stroke_width=7, stroke_linecap="round"))
    # electrodes over the brain
    for x, y in ((230, 330), (300, 270), (380, 248), (460, 270), (520, 330), (260, 410), (350, 340), (440, 350)):
        body.append(circle(x, y, 12, GOLD, stroke=p.night, stroke_width=4))
    # signals flowing out to a screen: a cursor moving on thought
    for k, y in enumerate((320, 380, 440)):
        body.append(
            path(
                wave(560, 700, y, 14 - k * 3, 28 + k * 6),
                stroke=GOLD if k == 1 else p.pale,
                stroke_width=5,
                opacity=0.9,
            )
        )
    body.append(rect(700, 250, 200, 250, p.night, rx=20, stroke=p.pale, stroke_width=6))
    body.append(circle(800, 340, 40, "none", stroke=p.accent, stroke_width=6))
    body.append(circle(800, 340, 10, p.accent))
    body.append(path("M770 420 L770 470 L782 458 L792 480 L802 476 L792 454 L808 454 Z", WHITE))
    body.append(path("M790 410 C770 400 760 390 760 380", stroke=GOLD, stroke_width=4, stroke_dasharray="6 6"))
    body.append(rect(780, 500, 40, 50, p.pale))
    body.append(rect(740, 550, 120, 16, p.pale, rx=6))
    return svg(defs, body, scale=0.9)


def transfer_policy_system() -> str:
    p = COM
    defs, body = backdrop(p, "s")
    defs += [
        lin("doc", [(0, WHITE), (1, p.pale)]),
        lin("chain", [(0, p.soft), (1, GOLD)], x2=1, y2=0),
    ]
    # the N: policies around the one
    n = 8
    for k in range(n):
        a = 2 * math.pi * k / n - math.pi / 2
        x = 500 + 300 * math.cos(a)
        y = 450 + 260 * math.sin(a)
        body.append(line(500, 450, x, y, p.soft, 4, stroke_dasharray="10 8"))
    for k in range(n):
        a = 2 * math.pi * k / n - math.pi / 2
        x = 500 + 300 * math.cos(a)
        y = 450 + 260 * math.sin(a)
        body.append(rect(x - 42, y - 54, 84, 108, "url(#doc)", rx=10))
        for ly in (-30, -12, 6):
            body.append(line(x - 24, y + ly, x + 24, y + ly, p.soft, 5))
        body.append(circle(x + 16, y + 32, 9, p.accent))
    # the 1: the framework document at the centre, sealed
    body.append(rect(390, 300, 220, 290, p.night, rx=22, opacity=0.6))
    body.append(rect(400, 290, 200, 280, "url(#doc)", rx=18))
    for ly in (340, 376, 412, 448):
        body.append(line(435, ly, 565, ly, p.soft, 8))
    body.append(circle(540, 510, 38, GOLD, stroke=mix(GOLD, GROUND, 0.35), stroke_width=6))
    body.append(poly([(520, 540), (510, 590), (530, 576), (540, 596), (548, 546)], GOLD))
    # the whole chain, from laboratory to market, underneath
    body.append(path("M150 860 L850 860", stroke="url(#chain)", stroke_width=16, stroke_linecap="round"))
    body.append(path("M160 840 L160 800 L140 780 M180 780 L160 800", stroke=p.pale, stroke_width=6))
    body.append(path("M200 800 L186 840 L214 840 Z", p.pale))
    body.append(
        path(
            "M800 840 L800 790 L850 790 L850 840 M790 790 L825 760 L860 790",
            stroke=GOLD,
            stroke_width=6,
            stroke_linejoin="round",
        )
    )
    for x in (300, 420, 540, 660):
        body.append(circle(x, 860, 14, WHITE, stroke=p.accent, stroke_width=5))
    return svg(defs, body)


def five_ones_model() -> str:
    p = COM
    defs, body = backdrop(p, "s")
    defs += [
        lin("medal", [(0, p.mid), (1, p.deep)]),
        rad("hub", [(0, GOLD, 0.9), (1, GOLD, 0)]),
    ]
    cx, cy, r = 500, 480, 290
    pts = [
        (cx + r * math.cos(math.radians(-90 + 72 * k)), cy + r * math.sin(math.radians(-90 + 72 * k))) for k in range(5)
    ]
    body.append(poly(pts, "none", stroke=GOLD, stroke_width=6, stroke_linejoin="round"))
    for x, y in pts:
        body.append(line(cx, cy, x, y, p.soft, 4, stroke_dasharray="8 10"))
    body.append(circle(cx, cy, 120, "url(#hub)"))
    body.append(circle(cx, cy, 56, WHITE))
    body.append(
        path(
            f"M{cx - 26} {cy} L{cx + 24} {cy} M{cx + 6} {cy - 18} L{cx + 26} {cy} L{cx + 6} {cy + 18}",
            stroke=p.deep,
            stroke_width=9,
            stroke_linecap="round",
            stroke_linejoin="round",
        )
    )
    for x, y in pts:
        body.append(circle(x, y, 104, "url(#medal)", stroke=p.pale, stroke_width=6))
    (ax, ay), (bx, by), (kx, ky), (dx, dy), (ex, ey) = pts
    # one research team
    for ox, s in ((-44, 0.8), (44, 0.8), (0, 1.0)):
        body.append(circle(ax + ox, ay - 24 * s, 20 * s, WHITE))
        body.append(
            path(
                f"M{ax + ox - 34 * s} {ay + 40} C{ax + ox - 34 * s} {ay} {ax + ox + 34 * s} {ay}"
                f" {ax + ox + 34 * s} {ay + 40} Z",
                WHITE if ox == 0 else p.pale,
            )
        )
    # one batch of results: a flask and a page
    body.append(
        path(
            f"M{bx - 20} {by - 50} L{bx - 20} {by - 10} L{bx - 50} {by + 44} L{bx + 10} {by + 44}"
            f" L{bx - 2} {by - 10} L{bx - 2} {by - 50} Z",
            WHITE,
        )
    )
    body.append(rect(bx + 10, by - 40, 50, 66, p.pale, rx=6))
    body.append(line(bx + 20, by - 22, bx + 50, by - 22, p.mid, 4))
    body.append(line(bx + 20, by - 6, bx + 50, by - 6, p.mid, 4))
    # a fund matrix: coins in a grid
    for i in range(3):
        for j in range(3):
            body.append(circle(kx - 44 + i * 44, ky - 44 + j * 44, 17, GOLD if (i + j) % 2 == 0 else p.pale))
    # a specialised park: buildings
    for ox, h in ((-50, 60), (-10, 100), (34, 76)):
        body.append(rect(dx + ox, dy + 44 - h, 36, h, WHITE if h == 100 else p.pale, rx=4))
    body.append(line(dx - 64, dy + 46, dx + 80, dy + 46, p.pale, 5))
    # a service team: a headset
    body.append(
        path(
            f"M{ex - 44} {ey + 10} C{ex - 44} {ey - 60} {ex + 44} {ey - 60} {ex + 44} {ey + 10}",
            stroke=WHITE,
            stroke_width=10,
        )
    )
    body.append(rect(ex - 56, ey - 4, 26, 44, WHITE, rx=10))
    body.append(rect(ex + 30, ey - 4, 26, 44, WHITE, rx=10))
    body.append(
        path(
            f"M{ex + 44} {ey + 40} C{ex + 40} {ey + 60} {ex + 20} {ey + 62} {ex} {ey + 62}", stroke=GOLD, stroke_width=6
        )
    )
    return svg(defs, body, scale=0.86)


def transformation_pilots() -> str:
    """Pilots that link the laboratory to the market: a bridge from a lab to a market over the river, the four
    pilot zones as beacons along it, results crossing on its deck."""
    p = COM
    defs, body = backdrop(p, "s", top=p.night, bottom=p.deep)
    defs += [
        lin("water", [(0, p.mid), (1, mix(GROUND, "#000000", 0.3))]),
        lin("lab", [(0, p.ice), (1, p.pale)]),
        lin("deck", [(0, p.pale), (0.5, GOLD), (1, p.pale)], x2=1, y2=0),
        rad("beam", [(0, GOLD, 0.55), (1, GOLD, 0)]),
    ]
    body += stars([(120, 150, 3), (240, 90, 2), (420, 140, 2), (620, 80, 3), (800, 160, 2), (900, 100, 2)], WHITE)
    body.append(rect(0, 700, 1000, 300, "url(#water)"))
    for y, o in ((740, 0.45), (800, 0.3), (860, 0.2)):
        body.append(path(wave(40, 960, y, 8, 90), stroke=p.pale, stroke_width=4, opacity=o))
    keep = len(body)
    # the banks
    body.append(path("M0 700 L360 700 L330 740 L0 740 Z", p.deep))
    body.append(path("M1000 700 L640 700 L670 740 L1000 740 Z", p.deep))
    # the laboratory: a hall with a domed roof and a flask in its round window
    body.append(rect(130, 450, 210, 250, "url(#lab)", rx=10))
    body.append(path("M150 450 C150 370 320 370 320 450 Z", p.pale))
    body.append(path("M235 372 L235 340", stroke=p.ice, stroke_width=6, stroke_linecap="round"))
    body.append(circle(235, 540, 58, p.deep, stroke=p.accent, stroke_width=8))
    body.append(path("M222 505 L248 505 L248 530 L272 575 C276 584 270 590 262 590 L208 590 C200 590 194 584 198 575"
                     " L222 530 Z", p.ice))  # fmt: skip
    body.append(path("M206 568 L264 568 L272 582 C274 588 270 590 262 590 L208 590 C200 590 196 588 198 582 Z", GOLD))
    for col in range(3):
        body.append(rect(152 + col * 62, 626, 42, 50, p.mid, rx=4))
    # the market: a shop front under a striped awning, its goods stacked before it
    body.append(rect(665, 480, 210, 220, p.pale, rx=8))
    for k in range(5):
        fill = GOLD if k % 2 == 0 else p.accent
        body.append(path(f"M{650 + k * 48} 470 L{698 + k * 48} 470 L{698 + k * 48} 520"
                         f" C{686 + k * 48} 540 {662 + k * 48} 540 {650 + k * 48} 520 Z", fill))  # fmt: skip
    body.append(rect(650, 452, 240, 22, p.ice, rx=6))
    body.append(rect(700, 560, 140, 140, p.deep, rx=6))
    for bx, by, bw in ((705, 650, 60), (772, 650, 60), (738, 600, 60)):
        body.append(rect(bx, by, bw, 46, GOLD if by == 600 else p.soft, rx=5))
        body.append(line(bx + bw / 2, by + 4, bx + bw / 2, by + 42, p.deep, 4))
    # the bridge between them, its deck lit end to end
    body.append(path("M345 702 C425 620 575 620 655 702", stroke=p.ice, stroke_width=9, opacity=0.7))
    for k in range(1, 8):  # the columns from the arch up to the deck
        u = k / 8
        x = (1 - u) ** 3 * 345 + 3 * (1 - u) ** 2 * u * 425 + 3 * (1 - u) * u**2 * 575 + u**3 * 655
        y = (1 - u) ** 3 * 702 + 3 * (1 - u) ** 2 * u * 620 + 3 * (1 - u) * u**2 * 620 + u**3 * 702
        body.append(line(x, y, x, 648, p.ice, 4, opacity=0.55))
    body.append(path("M338 640 L662 640", stroke=mix(GROUND, p.accent, 0.2), stroke_width=30, stroke_linecap="round"))
    body.append(path("M338 640 L662 640", stroke="url(#deck)", stroke_width=12, stroke_linecap="round"))
    for x in (430, 520, 600):  # results on their way to market
        body.append(rect(x - 16, 596, 32, 30, GOLD, rx=5))
        body.append(line(x, 600, x, 622, mix(GOLD, GROUND, 0.5), 3))
    # four pilot zones along it, each its own beacon
    colours = [p.accent, GOLD, p.ice, mix(p.accent, RED, 0.45)]
    for k, colour in enumerate(colours):
        x = 350 + k * 100
        y = 470 if k in (1, 2) else 500
        body.append(circle(x, y - 6, 70, "url(#beam)"))
        body.append(line(x, y + 40, x, 626, p.pale, 4, opacity=0.7))
        body.append(path(f"M{x} {y + 44} C{x - 18} {y + 18} {x - 34} {y + 2} {x - 34} {y - 18}"
                         f" C{x - 34} {y - 38} {x - 18} {y - 52} {x} {y - 52}"
                         f" C{x + 18} {y - 52} {x + 34} {y - 38} {x + 34} {y - 18}"
                         f" C{x + 34} {y + 2} {x + 18} {y + 18} {x} {y + 44} Z", colour))  # fmt: skip
        body.append(circle(x, y - 18, 13, p.night))
    return svg(defs, body, scale=0.96, keep=keep)


# Scenes: pillar 4, ecosystem (orange) -----------------------------------------------------------------------------

ECO = Palette(ACCENTS["ecosystem"])


def tech_finance() -> str:
    p = ECO
    defs, body = backdrop(p, "s")
    defs += [
        lin("umb", [(0, p.pale), (1, p.accent)]),
        lin("coin", [(0, GOLD), (1, mix(GOLD, RED, 0.3))], x2=1, y2=0),
        lin("chip", [(0, p.mid), (1, p.deep)], x2=1, y2=1),
    ]
    # insurance: an umbrella over everything
    body.append(
        path(
            "M160 360 C180 180 820 180 840 360 C800 330 760 330 720 360 C680 330 640 330 600 360 C560 330"
            " 520 330 500 360 C480 330 440 330 400 360 C360 330 320 330 280 360 C240 330 200 330 160 360 Z",
            "url(#umb)",
        )
    )
    for x in (280, 400, 600, 720):
        body.append(
            path(f"M500 200 C{(500 + x) / 2:.0f} 230 {x} 300 {x} 356", stroke=p.soft, stroke_width=4, opacity=0.7)
        )
    body.append(line(500, 170, 500, 210, p.pale, 10))
    body.append(line(500, 360, 500, 460, p.pale, 10))
    # hard tech: a chip carried on stacked coins (venture capital, loans, financing)
    for k in range(6):
        y = 800 - k * 46
        body.append(ellipse(500, y + 16, 170, 40, mix(GOLD, GROUND, 0.45)))
        body.append(rect(330, y - 24, 340, 40, "url(#coin)"))
        body.append(ellipse(500, y - 24, 170, 40, GOLD))
        body.append(ellipse(500, y - 24, 130, 28, "none", stroke=mix(GOLD, RED, 0.35), stroke_width=4))
    for k in range(5):
        for side in (-1, 1):
            body.append(rect(500 + side * 110 - 20, 452 + k * 26, 40, 12, p.pale, rx=4))
    body.append(rect(400, 440, 200, 140, "url(#chip)", rx=18, stroke=p.pale, stroke_width=5))
    body.append(rect(450, 470, 100, 80, GOLD, rx=8))
    # early, small, long-term: a sprout of growth, and an arrow for the long run
    body.append(
        path(
            "M180 880 C300 860 420 860 560 840 C680 822 760 760 830 690",
            stroke=p.accent,
            stroke_width=12,
            stroke_linecap="round",
        )
    )
    body.append(poly([(806, 676), (858, 660), (846, 714)], p.accent))
    body.append(
        path(
            "M200 870 L200 820 M200 840 C180 830 172 812 176 800 C194 802 202 820 200 836",
            stroke=p.pale,
            stroke_width=6,
        )
    )
    return svg(defs, body)


def seed_angel_funds() -> str:
    p = ECO
    defs, body = backdrop(p, "s")
    defs += [
        lin("trunk", [(0, p.mid), (1, p.deep)], x2=1, y2=0),
        lin("leaf", [(0, p.pale), (1, p.accent)]),
        lin("leaf2", [(0, p.soft), (1, p.mid)]),
        lin("soil", [(0, p.mid), (1, p.night)]),
    ]
    # the fund forest: towering trees behind
    trees = [
        (150, 420, 110, "leaf2"),
        (300, 300, 140, "leaf"),
        (700, 280, 150, "leaf"),
        (860, 440, 110, "leaf2"),
        (520, 380, 90, "leaf2"),
    ]
    for x, top, r, fill in trees:
        body.append(rect(x - 14, top, 28, 800 - top, "url(#trunk)"))
        body.append(circle(x, top, r, f"url(#{fill})"))
        body.append(circle(x - r * 0.45, top + r * 0.3, r * 0.6, f"url(#{fill})"))
        body.append(circle(x + r * 0.45, top + r * 0.25, r * 0.62, f"url(#{fill})"))
        for k in range(3):  # coins among the leaves
            a = math.radians(200 + k * 60)
            body.append(
                circle(
                    x + r * 0.55 * math.cos(a),
                    top + r * 0.5 * math.sin(a),
                    r * 0.13,
                    GOLD,
                    stroke=mix(GOLD, GROUND, 0.3),
                    stroke_width=3,
                )
            )
    body.append(rect(0, 800, 1000, 200, "url(#soil)"))
    body.append(path("M0 800 C200 780 800 780 1000 800", stroke=p.soft, stroke_width=6))
    # drip irrigation: finance reaching one sapling exactly
    body.append(
        path(
            "M300 620 L560 620 L560 660", stroke=p.ice, stroke_width=14, stroke_linejoin="round", stroke_linecap="round"
        )
    )
    body.append(rect(540, 656, 40, 18, p.ice, rx=6))
    for k, y in enumerate((700, 735, 768)):
        body.append(
            path(
                f"M560 {y - 14} C552 {y - 2} 552 {y + 8} 560 {y + 8} C568 {y + 8} 568 {y - 2} 560 {y - 14} Z",
                p.ice,
                opacity=1 - k * 0.2,
            )
        )
    body.append(path("M560 860 L560 800", stroke=p.accent, stroke_width=8))
    body.append(path("M560 830 C530 820 516 796 520 778 C548 780 560 804 560 826 Z", p.accent))
    body.append(path("M560 818 C586 800 612 800 622 812 C606 834 584 834 560 826 Z", p.pale))
    # seeds waiting in the soil
    for x in (200, 360, 720, 840):
        body.append(ellipse(x, 880, 18, 11, GOLD, opacity=0.8))
    return svg(defs, body)


def talent_reform() -> str:
    p = ECO
    defs, body = backdrop(p, "s", top=mix(GROUND, p.accent, 0.32))
    defs += [
        lin("sea", [(0, p.mid), (1, p.night)]),
        rad("sun", [(0, GOLD, 1), (0.5, GOLD, 0.6), (1, GOLD, 0)]),
        lin("sail", [(0, WHITE), (1, p.pale)], x2=1, y2=0),
    ]
    body.append(circle(720, 560, 190, "url(#sun)"))
    body.append(circle(720, 560, 84, GOLD))
    body.append(rect(0, 560, 1000, 440, "url(#sea)"))
    for y, o in ((600, 0.5), (660, 0.4), (740, 0.3), (840, 0.25)):
        body.append(path(wave(0, 1000, y, 7, 60), stroke=p.pale, stroke_width=4, opacity=o))
    for k in range(4):
        body.append(line(640 - k * 10, 580 + k * 22, 800 + k * 10, 580 + k * 22, GOLD, 5, opacity=0.5 - k * 0.1))

    def boat(x: float, y: float, s: float, sails: int, flag: bool) -> str:
        parts = [path("M-120 0 L120 0 L90 40 L-90 40 Z", p.soft), path("M-112 8 L112 8", stroke=p.pale, stroke_width=5)]
        parts.append(line(0, 0, 0, -260, p.pale, 8))
        parts.append(path("M8 -250 C90 -190 110 -90 100 -16 L8 -16 Z", "url(#sail)"))
        if sails > 1:
            parts.append(path("M-8 -220 C-60 -160 -80 -90 -84 -16 L-8 -16 Z", p.ice))
        if flag:
            parts.append(path("M0 -260 L60 -244 L0 -228 Z", RED))
        return group(parts, transform=f"translate({x} {y}) scale({s})")

    # set sail, sail on, lead the way: three boats, each further and larger
    body.append(boat(220, 650, 0.55, 1, False))
    body.append(boat(450, 720, 0.8, 1, False))
    body.append(boat(700, 830, 1.15, 2, True))
    for x, y in ((240, 250), (300, 200), (360, 230)):
        body.append(circle(x, y, 6, WHITE, opacity=0.8))
    return svg(defs, body)


def global_talent() -> str:
    p = ECO
    defs, body = backdrop(p, "s")
    defs += [
        lin("globe", [(0, p.mid), (1, p.deep)], x2=1, y2=1),
        lin("tower", [(0, p.pale), (1, GOLD)]),
        rad("pool", [(0, GOLD, 0.7), (1, GOLD, 0)]),
    ]
    # the world: a globe with the routes of people coming
    body.append(circle(330, 720, 260, "url(#globe)", stroke=p.soft, stroke_width=5))
    for rx in (190, 110):
        body.append(ellipse(330, 720, rx, 260, "none", stroke=p.soft, stroke_width=3, opacity=0.7))
    for y, rx in ((560, 200), (720, 260), (880, 200)):
        body.append(ellipse(330, y, rx, 22, "none", stroke=p.soft, stroke_width=3, opacity=0.6))
    body.append(path("M200 600 C240 580 300 600 330 640 C300 690 240 670 210 700 Z", p.soft))
    body.append(path("M380 780 C430 760 480 790 470 840 C430 860 390 830 380 780 Z", p.soft))
    # the pool of talent at the tower's foot
    body.append(ellipse(720, 840, 190, 50, "url(#pool)"))
    starts = [(200, 560), (330, 470), (470, 600), (150, 760), (430, 820)]
    for k, (x, y) in enumerate(starts):
        d = f"M{x} {y} C{x + 60} {y - 260 + k * 30} {660 - k * 10} {420 + k * 10} {700 + k * 10} {760 + k * 8}"
        body.append(path(d, stroke=GOLD if k % 2 == 0 else p.pale, stroke_width=5, stroke_dasharray="14 10"))
        body.append(circle(x, y, 10, WHITE))
    # Canton Tower: waisted lattice and mast
    body.append(path("M640 830 C690 640 700 520 690 360 L750 360 C740 520 750 640 800 830 Z", "url(#tower)"))
    for k in range(10):
        y = 380 + k * 46
        body.append(line(690 - (k * 2), y, 752 + (k * 2), y + 24, p.mid, 3, opacity=0.7))
        body.append(line(752 + (k * 2), y, 690 - (k * 2), y + 24, p.mid, 3, opacity=0.7))
    body.append(rect(700, 330, 40, 34, p.ice, rx=6))
    body.append(line(720, 330, 720, 150, p.ice, 8))
    body.append(circle(720, 150, 10, RED))
    # people arriving
    for x, s in ((620, 1.0), (670, 0.8), (780, 0.9), (830, 1.1), (720, 0.7)):
        body.append(circle(x, 840 - 46 * s, 12 * s, WHITE))
        body.append(
            path(
                f"M{x - 16 * s} {840 + 6} C{x - 16 * s} {840 - 30 * s} {x + 16 * s} {840 - 30 * s}"
                f" {x + 16 * s} {840 + 6} Z",
                p.ice,
            )
        )
    return svg(defs, body)


SCENES: dict[str, Callable[[], str]] = {
    "dream-drillship": dream_drillship,
    "proteome-programme-hq": proteome_programme_hq,
    "intratumoral-drug": intratumoral_drug,
    "germanium-detector": germanium_detector,
    "proton-therapy-monitor": proton_therapy_monitor,
    "national-platforms": national_platforms,
    "innovation-axis": innovation_axis,
    "innovation-chain": innovation_chain,
    "quark-e-drive": quark_e_drive,
    "ehang-evtol": ehang_evtol,
    "ultrafast-battery-factory": ultrafast_battery_factory,
    "surgical-robot-positioning": surgical_robot_positioning,
    "enterprise-lifecycle-support": enterprise_lifecycle_support,
    "focus-industries": focus_industries,
    "innovation-consortia": innovation_consortia,
    "th-f120-microscope": th_f120_microscope,
    "terahertz-stm": terahertz_stm,
    "brain-computer-interface": brain_computer_interface,
    "transfer-policy-system": transfer_policy_system,
    "five-ones-model": five_ones_model,
    "transformation-pilots": transformation_pilots,
    "tech-finance": tech_finance,
    "seed-angel-funds": seed_angel_funds,
    "talent-reform": talent_reform,
    "global-talent": global_talent,
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "src" / "kiosk" / "assets" / "art"
    out.mkdir(parents=True, exist_ok=True)
    for name, scene in SCENES.items():
        (out / f"{name}.svg").write_text(scene(), encoding="utf-8")
    print(f"{out}: {len(SCENES)} scenes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
