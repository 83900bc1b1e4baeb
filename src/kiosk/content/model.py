"""The exhibit's content: what a YAML file may say, and the assembled whole (pure Python, no Qt).

Each content file holds exactly one top-level key: ``exhibit:`` (one file), ``pillar:`` (one file per pillar)
or ``outlook:`` (one file). The loader assembles them into :class:`Content`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, Field, model_validator

from kiosk.content.text import Affix, Colour, Language, Model, RequiredText, Slug, Source, Text, relative_asset

Icon = Literal[
    "globe",
    "flask",
    "ship",
    "dna",
    "pill",
    "atom",
    "radar",
    "network",
    "trophy",
    "factory",
    "car",
    "drone",
    "battery",
    "robot",
    "chip",
    "microscope",
    "brain",
    "bridge",
    "coins",
    "people",
    "graduation",
    "seedling",
    "rocket",
    "target",
    "handshake",
]
ICONS: tuple[str, ...] = get_args(Icon)
Qualifier = Literal["about", "nearly", "over"]
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")


AssetPath = Annotated[
    str,
    AfterValidator(lambda value: relative_asset(value, IMAGE_SUFFIXES, "an image")),
    Field(description="Image file inside the content folder, relative to it, e.g. 'images/ship.png'."),
]


class KeyNumber(Model):
    """A figure from the article, shown large and counted up: 第8位, 40.3%, 165万, 2000多亿元."""

    id: Slug
    value: float = Field(description="The figure itself, in plain units (1.65 million students: 1650000).")
    decimals: int | None = Field(
        default=None, ge=0, le=3, description="Digits after the point; leave out to show exactly the value."
    )
    start: float | None = Field(
        default=None,
        description="Where the count-up animation starts (default 0). A rank may start higher and count down. "
        "Animation only: never shown as a fact.",
    )
    prefix: Affix | None = Field(default=None, description="Text before the number, e.g. {zh: 第, en: 'No. '}.")
    unit: Affix | None = Field(default=None, description="Text after the number, e.g. {zh: 家, en: ''} or '%'.")
    qualifier: Qualifier | None = Field(
        default=None, description="about (约), nearly (近) or over (多): how exact the article says the figure is."
    )
    compact: bool = Field(
        default=True, description="Write large values with 万/亿 in Chinese and million/billion in English."
    )
    label: Text = Field(description="What the number counts, shown under it.")
    note: Text | None = Field(default=None, description="Optional second line, e.g. 'a record high'.")
    source: Source


ArtName = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="The illustration: the name of one of the exhibit's scenes (kiosk/assets/art/NAME.svg). Leave "
        "out to use the scene named like the story's id.",
    ),
]
FigureRef = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Id of the number the story's sentence carries (defined once in a pillar or the exhibit); the "
        "story sheet shows it large.",
    ),
]


class Card(Model):
    """An achievement card: who did what, and the first it claims."""

    id: Slug
    title: Text
    teaser: Text | None = Field(
        default=None,
        description="One complete short line for the story's tile (the sheet shows it all): never cut; without one "
        "the tile shows the title and who did it.",
    )
    organisation: Text
    achievement: Text = Field(description="What was achieved, one or two sentences.")
    first: Text | None = Field(default=None, description="The 'first' it claims, e.g. {zh: 全球首个, en: World first}.")
    tags: list[Text] = Field(default_factory=list, max_length=4)
    icon: Icon = Field(description="The icon of its tile: " + ", ".join(ICONS) + ".")
    art: ArtName | None = None
    image: AssetPath | None = Field(
        default=None, description="An editor's photo: the story sheet becomes photo-led (full picture, caption)."
    )
    figure: FigureRef | None = None
    source: Source


class ChartItem(Model):
    label: Text
    value: float
    qualifier: Qualifier | None = None


class Chart(Model):
    """Comparable figures drawn as a chart: shares of 100 %, ranks (1 is best) or parts of a whole."""

    id: Slug
    type: Literal["share", "rank", "part_of_whole"]
    title: Text
    items: list[ChartItem] = Field(min_length=1, max_length=8)
    total: float | None = Field(default=None, description="The whole, for type part_of_whole.")
    total_label: Text | None = None
    unit: Affix | None = None
    numbers: list[Slug] = Field(
        default_factory=list,
        max_length=8,
        description="Ids of the key numbers this chart draws (e.g. a ranking chart: its two ranks). The attract loop "
        "shows the chart in their place; each must be a number of the same pillar or of the exhibit.",
    )
    source: Source

    @model_validator(mode="after")
    def _fits_type(self) -> Chart:
        values = [item.value for item in self.items]
        if self.type == "share" and not all(0 <= v <= 100 for v in values):
            raise ValueError("a share chart's values are percentages between 0 and 100")
        if self.type == "rank" and not all(v >= 1 and v == int(v) for v in values):
            raise ValueError("a rank chart's values are positions: whole numbers from 1")
        if self.type == "part_of_whole":
            if self.total is None:
                raise ValueError("a part_of_whole chart needs 'total'")
            if sum(values) > self.total:
                raise ValueError(f"the parts add up to {sum(values):g}, more than the total {self.total:g}")
        return self


class Policy(Model):
    """A policy framework or initiative the article names."""

    id: Slug
    title: Text
    teaser: Text | None = Field(
        default=None,
        description="One complete short line for the story's tile (the sheet shows it all): never cut; without one "
        "the tile shows the title and who did it.",
    )
    text: Text
    art: ArtName | None = None
    image: AssetPath | None = Field(
        default=None, description="An editor's photo: the story sheet becomes photo-led (full picture, caption)."
    )
    figure: FigureRef | None = None
    source: Source


def art_name(story: Card | Policy) -> str:
    """The scene a story's sheet shows when it has no photo: its ``art:``, else the one named like its id."""
    return story.art or story.id


class Pillar(Model):
    """One of the four services (四个服务)."""

    id: Slug
    order: int = Field(ge=1, le=9, description="Position on the home screen, 1 first.")
    title: Text
    short_title: Text = Field(description="Two to six words for the home tile.")
    tagline: Text
    lead: Text = Field(description="The opening text of the pillar page.")
    accent: Colour
    icon: Icon
    headline_number: Slug | None = Field(default=None, description="Id of the number shown on the home tile.")
    numbers: list[KeyNumber] = Field(default_factory=list, max_length=12)
    cards: list[Card] = Field(default_factory=list, max_length=24)
    charts: list[Chart] = Field(default_factory=list, max_length=4)
    policies: list[Policy] = Field(default_factory=list, max_length=8)


class Theme(Model):
    ground: Colour = Field(default="#0A1633", description="Background (deep navy).")
    text: Colour = Field(default="#F3F6FB", description="Body text.")
    muted: Colour = Field(default="#A9B6CF", description="Secondary text.")
    number: Colour = Field(default="#F6C85F", description="Key numbers (gold).")
    signature: Colour = Field(default="#F0605A", description="The city's kapok red (木棉红).")


class Article(Model):
    """Where the story comes from."""

    title: Text
    publisher: Text
    author: Text | None = None
    date: dt.date
    url: RequiredText


class Exhibit(Model):
    title: Text
    subtitle: Text
    intro: Text | None = None
    attract_prompt: Text = Field(description="The invitation on the attract loop, e.g. 触摸屏幕 开始探索.")
    languages: list[Language] = Field(min_length=1, max_length=2)
    default_language: Language
    theme: Theme = Field(default_factory=Theme)
    article: Article
    headline_numbers: list[Slug] = Field(
        min_length=1, max_length=8, description="Ids of the figures on the home screen and attract loop (数说)."
    )
    numbers: list[KeyNumber] = Field(default_factory=list, description="Figures that belong to no pillar.")
    keep_together: list[str] = Field(
        default_factory=list,
        max_length=500,
        description="Names and terms a Chinese line must never split (e.g. 夸克电驱, 太赫兹), on top of the words the "
        "segmenter knows.",
    )


class OutlookTask(Model):
    id: Slug
    title: Text
    text: Text
    icon: Icon
    pillar: Slug | None = Field(
        default=None, description="Id of the pillar the task carries on: its card takes that pillar's colour."
    )
    source: Source


class Outlook(Model):
    title: Text
    lead: Text
    tasks: list[OutlookTask] = Field(min_length=1, max_length=8)
    source: Source


class ContentFile(Model):
    """One YAML file of the content folder: exactly one of exhibit, pillar or outlook."""

    exhibit: Exhibit | None = None
    pillar: Pillar | None = None
    outlook: Outlook | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> ContentFile:
        present = [name for name in ("exhibit", "pillar", "outlook") if getattr(self, name) is not None]
        if len(present) != 1:
            raise ValueError("a content file holds exactly one of 'exhibit:', 'pillar:' or 'outlook:' at the top")
        return self


class Content(Model):
    """The whole, validated exhibit. Build it with :func:`kiosk.content.loader.load_content`."""

    exhibit: Exhibit
    pillars: tuple[Pillar, ...]
    outlook: Outlook

    def all_numbers(self) -> Iterator[KeyNumber]:
        yield from self.exhibit.numbers
        for pillar in self.pillars:
            yield from pillar.numbers

    def number(self, number_id: str) -> KeyNumber:
        for number in self.all_numbers():
            if number.id == number_id:
                return number
        raise KeyError(number_id)

    def headline_numbers(self) -> list[KeyNumber]:
        return [self.number(i) for i in self.exhibit.headline_numbers]

    def pillar(self, pillar_id: str) -> Pillar:
        for pillar in self.pillars:
            if pillar.id == pillar_id:
                return pillar
        raise KeyError(pillar_id)

    def summary(self) -> str:
        cards = sum(len(p.cards) for p in self.pillars)
        charts = sum(len(p.charts) for p in self.pillars)
        numbers = sum(1 for _ in self.all_numbers())
        return (
            f"{len(self.pillars)} pillars, {numbers} numbers, {cards} cards, {charts} charts, "
            f"{len(self.outlook.tasks)} outlook tasks"
        )
