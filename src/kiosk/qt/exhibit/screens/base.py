"""What every screen shares: its context (content, look, fonts, icons, clock, actions) and the page header."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TypeVar, Unpack

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.content.model import Content
from kiosk.content.text import Language
from kiosk.qt.exhibit.screens.story_art import ArtLibrary
from kiosk.qt.foundations.icons import IconLibrary
from kiosk.qt.foundations.item import Item, descendants, on_whole_pixels
from kiosk.qt.foundations.look import TARGET, Look
from kiosk.qt.foundations.text_style import StyleChanges
from kiosk.qt.foundations.ticker import Ticker
from kiosk.qt.foundations.typography import Typography
from kiosk.qt.widgets.button import Button
from kiosk.qt.widgets.counting_number import CountingNumber
from kiosk.qt.widgets.language_switch import LanguageSwitch
from kiosk.qt.widgets.readable import where_cut
from kiosk.qt.widgets.scroll_area import ScrollArea, scroll_below
from kiosk.qt.widgets.surface import IconItem
from kiosk.qt.widgets.text_block import TextBlock, fit_text


class Actions(Protocol):
    """What a visitor can do; the navigator provides these."""

    def wake(self) -> object: ...
    def home(self) -> object: ...
    def back(self) -> object: ...
    def open_pillar(self, pillar_id: str) -> object: ...
    def open_story(self, index: int) -> object: ...
    def next_story(self) -> object: ...
    def previous_story(self) -> object: ...
    def close_story(self) -> object: ...
    def open_outlook(self) -> object: ...
    def set_language(self, language: Language) -> object: ...


@dataclass(frozen=True)
class PageContext:
    content: Content
    look: Look
    typography: Typography
    icons: IconLibrary
    ticker: Ticker
    actions: Actions
    reduced_motion: bool = False
    content_dir: Path | None = None  # where card images are found
    art: ArtLibrary | None = None  # the stories' illustrations (none: every story gets its pattern)
    # Reach mode: the y of the row along the bottom where the controls go (the page's own layout ends above it),
    # and the screen y no control may be above (kiosk.accessibility.reach). None: controls where they always are.
    control_row_y: float | None = None
    reach_line: float | None = None
    # Two rows where one cannot hold the controls (a portrait screen in large text): the accessibility buttons (and
    # Home's Outlook) on the upper row, Back, the language switch and Home on the lower one.
    control_rows: int = 1
    # The accessibility menu's button and the speak-this-screen button call these (None: no such button).
    open_accessibility: Callable[[], object] | None = None
    speak_screen: Callable[[], object] | None = None
    # Large text: the height a screen is laid out on, taller than the screen (None: the screen's). What does not
    # fit the screen scrolls (Page.scroll_if_taller).
    page_height: float | None = None

    @property
    def canvas_height(self) -> float:
        """The height a screen lays its content out on: the screen's, or taller in large text (it then scrolls)."""
        return self.look.height if self.page_height is None else self.page_height

    @property
    def language(self) -> Language:
        return self.look.language

    @property
    def width(self) -> float:
        return self.look.width

    @property
    def screen_height(self) -> float:
        """The whole screen's height: the look's, and in reach mode the control row below it (what an overlay
        covers)."""
        if self.control_row_y is None:
            return self.look.height
        return self.control_row_y + self.control_rows * (TARGET + self.look.gap)

    @property
    def nav_row_y(self) -> float | None:
        """Reach mode: the y of the row Back, the language switch and Home go to (the lower of two rows)."""
        if self.control_row_y is None:
            return None
        return self.control_row_y + (self.control_rows - 1) * (TARGET + self.look.gap)

    @property
    def height(self) -> float:
        return self.look.height

    def text(
        self,
        text: str,
        role: str,
        width: float,
        height: float,
        parent: QGraphicsItem,
        x: float,
        y: float,
        origin: str = "",
        colour: str | None = None,
        preview: bool = False,
        **style: Unpack[StyleChanges],
    ) -> TextBlock:
        chosen = self.look.style(role, colour, **style)
        if self.look.text_scale > 1.0 and fit_text(text, self.typography, chosen, width, height).elided:
            # Large text: a text that would be cut takes the height it needs instead (the screen scrolls; the
            # layout check reports a text that then spills out of its tile)
            height = max(height, fit_text(text, self.typography, chosen, width, 1e5).height + 1)
        block = TextBlock(text, chosen, self.typography, width, height, parent, origin=origin, preview=preview)
        block.setPos(x, y)
        return block

    def button(
        self,
        name: str,
        action: Callable[[], object],
        parent: QGraphicsItem,
        x: float,
        y: float,
        *,
        icon: str | None = None,
        label: str = "",
        width: float = TARGET,
        height: float = TARGET,
    ) -> Button:
        look = self.look
        button = Button(
            name,
            action,
            width,
            height,
            look.surface_high,
            parent,
            icons=self.icons,
            icon=icon,
            icon_colour=look.theme.text,
            label=label,
            label_style=look.style("button"),
            typography=self.typography,
            outline=look.hairline,
            label_lines=look.lines(2),
        )
        button.setPos(x, y)
        return button


class Page(Item):
    """A full screen of the exhibit. ``enter()`` starts its entrance animations (count-ups, staggers)."""

    name = "page"

    def __init__(self, ctx: PageContext, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        # What stays in place when the page scrolls (its header, its controls), and where the scrolling part starts.
        self.pinned: list[QGraphicsItem] = []
        self.pinned_bottom = 0.0
        self.scroll_area: ScrollArea | None = None

    def pin(self, *items: QGraphicsItem, bottom: float | None = None) -> None:
        """``items`` stay where they are when the page scrolls; ``bottom``: the scrolling part starts there."""
        self.pinned.extend(items)
        if bottom is not None:
            self.pinned_bottom = max(self.pinned_bottom, bottom)

    def shift_unpinned(self, dy: float) -> None:
        """Move everything below the pinned header ``dy`` down (to centre it in room left above a row)."""
        pinned = {id(item) for item in self.pinned}
        for item in self.childItems():
            if id(item) not in pinned:
                item.setY(item.y() + dy)

    def scroll_if_taller(self) -> None:
        """Once built: when the page reaches below the screen (large text), what is not pinned scrolls, in a window
        from under the header to the foot of the screen, with the edges fading and a scroll indicator."""
        ctx, look = self.ctx, self.ctx.look
        self.scroll_area = scroll_below(
            self,
            self.pinned,
            QRectF(0, self.pinned_bottom, look.width, look.height - self.pinned_bottom),
            ctx.ticker,
            (look.theme.ground, look.theme.muted, look.hairline),
            margin=look.margin,
            end_gap=look.margin,
        )

    def enter(self) -> None:
        """Start the entrance animations; the page is already complete without them."""

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.ctx.width, self.ctx.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass

    def text_blocks(self) -> list[TextBlock]:
        """Every text on the page (for layout checks)."""
        return [item for item in self.childItems_recursive() if isinstance(item, TextBlock)]

    def childItems_recursive(self) -> list[QGraphicsItem]:
        return descendants(self)

    def stagger_in(self, items: Sequence[QGraphicsItem], delay_s: float = 0.12, rise: float = 36.0) -> None:
        """Fade and lift ``items`` in one after another (instant in reduced-motion mode)."""
        if self.ctx.reduced_motion:
            return
        for i, item in enumerate(items):
            _rise_in(self.ctx.ticker, self, item, delay_s + i * 0.07, rise)


HERO_SHARE = 0.12  # a hero number's least size, of the short side
TALLER = 1.25  # each further try of a large-text screen is this much taller
TRIES = 4
LAYOUTS_KEY = 0x4C41  # QGraphicsItem.data(): how many times build_readable laid the item out
Built = TypeVar("Built", bound=QGraphicsItem)


def unreadable(item: QGraphicsItem, screen: QRectF, short_side: float) -> list[str]:
    """What in ``item`` (a screen as built) a visitor cannot read whole: a text cut short or not inside its tile and
    the screen or what scrolls, a hero number under its least size."""
    found: list[str] = []
    stack = list(item.childItems())
    while stack:
        node = stack.pop()
        stack.extend(node.childItems())
        if isinstance(node, TextBlock) and node.text:
            why = "cut short" if node.elided else where_cut(node, item, screen)
            if why is not None:
                found.append(f"{node.origin}: {why}")
        elif isinstance(node, CountingNumber) and node.hero and node.px < HERO_SHARE * short_side - 0.5:
            found.append(f"{node.number.id}: a hero number of {node.px:.0f} px")
    return found


def build_readable(ctx: PageContext, make: Callable[[PageContext], Built]) -> Built:
    """``make(ctx)``, and in large text, where what it made is not all readable (see :func:`unreadable`), made
    again on a taller canvas (it scrolls), up to :data:`TRIES` times; the last is kept. How many times it was laid
    out is the item's data under :data:`LAYOUTS_KEY` (for the benchmark: each time costs a whole build)."""
    built = make(ctx)
    layouts = 1
    if ctx.page_height is not None:  # otherwise a screen is laid out to fit (kiosk validate --layout checks it does)
        look = ctx.look
        screen = QRectF(0, 0, look.width, 1e6)  # what reaches below the screen will scroll
        while layouts < TRIES and unreadable(built, screen, min(look.width, look.height)):
            ctx = replace(ctx, page_height=ctx.canvas_height * TALLER)
            built = make(ctx)
            layouts += 1
    built.setData(LAYOUTS_KEY, layouts)
    return built


def _rise_in(ticker: Ticker, owner: object, item: QGraphicsItem, delay_s: float, rise: float) -> None:
    """``item`` fades in as it rises ``rise`` px to where it is. It moves by whole pixels of the screen: a move by a
    part of one makes Qt draw the caches of everything in it again (a card at 4K: 10 ms a frame, not a copy)."""
    x, y = item.pos().x(), item.pos().y()
    item.setOpacity(0.0)
    item.setY(y + rise)

    def step(progress: float) -> None:
        item.setOpacity(progress)
        item.setPos(x, y + on_whole_pixels(item, rise * (1.0 - progress)))

    ticker.tween(owner, 0.42, step, delay_s=delay_s)


def build_header(
    page: Page, title: str, *, origin: str, accent: str | None = None, back: bool = True, icon: str | None = None
) -> float:
    """Back, title, language switch and Home along the top; returns the y below the header. In reach mode the
    buttons go to the control row along the bottom and the title takes the top alone."""
    ctx, look = page.ctx, page.ctx.look
    m = look.margin
    top = m * 0.85
    before = set(map(id, page.childItems()))
    if ctx.control_row_y is not None:
        build_control_row(page, back=back)
        below = _header_title(page, title, origin, accent, icon, m, look.width - m, top)
    else:
        below = _header_buttons(page, title, origin, accent, icon, back, top)
    page.pin(*(item for item in page.childItems() if id(item) not in before), bottom=below - look.gap * 0.6)
    return below


def _header_buttons(
    page: Page, title: str, origin: str, accent: str | None, icon: str | None, back: bool, top: float
) -> float:
    ctx, look = page.ctx, page.ctx.look
    m = look.margin
    x = m
    if back:
        ctx.button("back", ctx.actions.back, page, x, top, icon="ui-back")
        x += TARGET + look.gap
    right = look.width - m
    ctx.button("home", ctx.actions.home, page, right - TARGET, top, icon="ui-home")
    right -= TARGET + look.gap
    languages = ctx.content.exhibit.languages
    if len(languages) > 1:
        switch = LanguageSwitch(
            languages,
            ctx.language,
            ctx.actions.set_language,
            look,
            ctx.typography,
            page,
            segment_width=132.0 if look.portrait else 150.0,
        )
        right -= switch.boundingRect().width()
        switch.setPos(right, top)
        right -= look.gap
    right = build_access_buttons(ctx, page, right, top)
    if look.portrait:  # the title gets a row of its own under the buttons
        x, right, top = look.margin, look.width - look.margin, top + TARGET + look.gap
    return _header_title(page, title, origin, accent, icon, x, right, top)


ACCESS_LABEL = "无障碍 Access"  # the menu button's label: both languages at once, whatever the screen's language
SPEAK_LABEL = "朗读 Read"


def _access_buttons(ctx: PageContext) -> list[tuple[str, Callable[[], object], str, str]]:
    found = [
        ("accessibility", ctx.open_accessibility, "ui-access", ACCESS_LABEL),
        ("speak-screen", ctx.speak_screen, "ui-speak", SPEAK_LABEL),
    ]
    return [(name, action, icon, label) for name, action, icon, label in found if action is not None]


def access_buttons_width(ctx: PageContext) -> float:
    """How wide :func:`build_access_buttons` will be (0 when there are none)."""
    return sum(access_button_width(ctx, label) + ctx.look.gap for _n, _a, _i, label in _access_buttons(ctx))


def build_access_buttons(ctx: PageContext, parent: QGraphicsItem, right: float, y: float) -> float:
    """The accessibility menu's button (and, while reading aloud, speak-this-screen) ending at ``right``; returns
    the x left of them (``right`` when there are none). On a page they stay in place when it scrolls."""
    for name, action, icon, label in _access_buttons(ctx):
        width = access_button_width(ctx, label)
        button = ctx.button(name, action, parent, right - width, y, icon=icon, label=label, width=width)
        if isinstance(parent, Page):
            parent.pin(button)
        right -= width + ctx.look.gap
    return right


def build_access_column(ctx: PageContext, parent: QGraphicsItem, x: float, y: float) -> float:
    """The accessibility buttons one under another, each a touch target with its symbol and its bilingual label
    under it (for a narrow column, e.g. beside a story sheet's text); returns the y below them."""
    for name, action, icon, label in _access_buttons(ctx):
        ctx.button(name, action, parent, x, y, icon=icon)
        caption = ctx.text(
            label.replace(" ", "\n"),
            "label",
            TARGET + 32,
            86,
            parent,
            x - 16,
            y + TARGET + 4,
            origin=name,
            align="center",
            max_lines=2,
            line_height=1.1,
        )
        y += TARGET + 8 + caption.text_height() + 12
    return y


def access_button_width(ctx: PageContext, label: str) -> float:
    """Icon, gap and the label at the button style's size, at least a touch target."""
    style = ctx.look.style("button")
    font = ctx.typography.font(style.px, style.bold, ctx.language)
    return max(TARGET, round(TARGET * 0.96 + QFontMetricsF(font).horizontalAdvance(label) + 30))


def build_control_row(page: Page, *, back: bool = True, language: bool = True, home: bool = True) -> None:
    """Reach mode: the accessibility buttons from the left; Back, the language switch and Home from the right, in
    the row along the bottom. On two rows, the language switch goes up beside the accessibility buttons, and Back
    and Home stay on the lower row."""
    ctx, look = page.ctx, page.ctx.look
    assert ctx.control_row_y is not None and ctx.nav_row_y is not None
    y = ctx.nav_row_y
    before = set(map(id, page.childItems()))
    right = look.width - look.margin
    if home:
        ctx.button("home", ctx.actions.home, page, right - TARGET, y, icon="ui-home")
        right -= TARGET + look.gap
    languages = ctx.content.exhibit.languages
    if language and len(languages) > 1:
        switch = LanguageSwitch(
            languages, ctx.language, ctx.actions.set_language, look, ctx.typography, page, segment_width=132.0
        )
        if ctx.control_rows > 1:
            switch.setPos(look.width - look.margin - switch.boundingRect().width(), ctx.control_row_y)
        else:
            right -= switch.boundingRect().width()
            switch.setPos(right, y)
            right -= look.gap
    if back:
        ctx.button("back", ctx.actions.back, page, right - TARGET, y, icon="ui-back")
    build_access_buttons(ctx, page, look.margin + access_buttons_width(ctx) - look.gap, ctx.control_row_y)
    page.pin(*(item for item in page.childItems() if id(item) not in before))


def _header_title(
    page: Page, title: str, origin: str, accent: str | None, icon: str | None, x: float, right: float, top: float
) -> float:
    ctx, look = page.ctx, page.ctx.look
    if icon is not None and accent is not None:
        IconItem(ctx.icons, icon, 64, accent, page).setPos(x, top + (TARGET - 64) / 2)
        x += 64 + 20
    block = ctx.text(
        title,
        "heading",
        right - x,
        TARGET,
        page,
        x,
        top,
        origin=origin,
        colour=accent,
        valign="center",
        max_lines=2,
        px=44.0 if not look.portrait else 40.0,
    )
    return top + max(TARGET, block.text_height()) + look.gap * 1.2
