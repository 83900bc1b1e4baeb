"""What the exhibit says when it reads aloud (pure Python, no Qt): a figure with its unit as words, a chart as
sentences built from its data, and every text of the content — the list the speech cache prepares ahead of time.

Counting numbers are said by their final value only (the count-up is motion, not content).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from kiosk.accessibility.number_words import english_ordinal, words_in
from kiosk.content.model import Chart, Content, KeyNumber
from kiosk.content.number_format import chart_number, format_number
from kiosk.content.text import Language, Text


@dataclass(frozen=True)
class Utterance:
    """One thing to say: the words in one language, and the editor's recording for them if there is one."""

    text: str
    language: Language
    recording: str | None = None  # a WAV file in the content folder, relative to it


def figure(number: KeyNumber, language: Language) -> str:
    """A key number's final value in words with its unit: 四十点三%… → 百分之四十点三 / forty point three percent."""
    return words_in(format_number(number, language), language)


def number_sentence(number: KeyNumber, language: Language) -> str:
    """What a number tile says: its value in words, then what it counts (and its note)."""
    label = number.label.get(language)
    note = number.note.get(language) if number.note else ""
    separator = "，" if language == "zh" else ", "
    end = "。" if language == "zh" else "."
    return separator.join(part for part in (figure(number, language), label, note) if part) + end


def chart_sentence(chart: Chart, language: Language) -> str:
    """A chart as sentences from its data: 'Global rankings: Nature Index – Science Cities, ranked eighth; …'."""
    parts: list[str] = []
    for item in chart.items:
        label = item.label.get(language)
        if chart.type == "rank":
            rank = int(item.value)
            value = f"第{words_in(str(rank), 'zh')}位" if language == "zh" else f"ranked {english_ordinal(rank)}"
        else:
            value = words_in(format_number(chart_number(chart, item.value, item.qualifier), language), language)
            if chart.type == "part_of_whole" and chart.total is not None:
                total = words_in(format_number(chart_number(chart, chart.total), language), language)
                total_label = chart.total_label.get(language) if chart.total_label else ""
                value = f"{total_label}{total}中的{value}" if language == "zh" else f"{value} of {total} {total_label}"
        parts.append(f"{label}，{value}" if language == "zh" else f"{label}, {value}")
    title = chart.title.get(language)
    if language == "zh":
        return f"{title}：" + "；".join(parts) + "。"
    return f"{title}: " + "; ".join(parts) + "."


def _texts(value: object) -> Iterator[Text]:
    """Every Text inside a content model (depth first, in field order)."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)


def _numbers(content: Content) -> Iterator[KeyNumber]:
    yield from content.all_numbers()


def content_utterances(content: Content, languages: Iterable[Language] | None = None) -> list[Utterance]:
    """Everything the content can say, in each language (default: the exhibit's): every text with its recording,
    every figure as a sentence, every chart as sentences. Without duplicates, in content order."""
    found: dict[tuple[str, Language], Utterance] = {}
    for language in content.exhibit.languages if languages is None else languages:
        said = [Utterance(t.get(language), language, t.recording(language)) for t in _texts(content) if t.get(language)]
        said += [Utterance(number_sentence(n, language), language) for n in _numbers(content)]
        said += [Utterance(chart_sentence(c, language), language) for p in content.pillars for c in p.charts]
        for utterance in said:
            found.setdefault((utterance.text, language), utterance)
    return list(found.values())
