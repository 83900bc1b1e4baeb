"""Checks across files: one exhibit and outlook, unique ids, references, contrast, images, sources."""

from __future__ import annotations

import io
import re
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kiosk.content.messages import did_you_mean
from kiosk.content.model import Card, Content, ContentFile, Pillar, Policy, art_name
from kiosk.content.text import TextAudio, contrast_ratio
from kiosk.content.yaml_source import KeyPath, SourceMap
from kiosk.errors import ContentError
from kiosk.paths import default_assets_dir
from kiosk.safe_read import MAX_AUDIO_BYTES, MAX_IMAGE_BYTES, NOT_REGULAR, FileRefused, read_regular

MIN_CONTRAST = 4.5


def wav_problem(path: Path) -> str | None:
    """Why ``path`` is no recording the exhibit can play (16-bit PCM WAV, mono or stereo), or None."""
    try:
        data = read_regular(path, MAX_AUDIO_BYTES)  # a pipe or a device named as a recording cannot hang the check
    except FileRefused as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    try:
        with wave.open(io.BytesIO(data), "rb") as recording:
            if recording.getsampwidth() != 2 or recording.getnchannels() not in (1, 2):
                return (
                    f"is {recording.getsampwidth() * 8}-bit with {recording.getnchannels()} channels, "
                    "not 16-bit mono or stereo"
                )
            if recording.getnframes() == 0:
                return "holds no sound"
    except (wave.Error, EOFError) as exc:
        return f"is not a WAV recording ({exc})"
    return None


@dataclass(frozen=True)
class _AssetKind:
    noun: str  # what the message calls it
    key: str  # the content key that names it
    hint: str  # what to do when it is refused
    check: Callable[[Path], str | None] | None = None  # a problem with the file's contents, or None


_IMAGE = _AssetKind("image", "image", "use a PNG or JPEG file of a few MB, or remove 'image:'")
_RECORDING = _AssetKind(
    "recording", "audio", "save it as a 16-bit PCM WAV file (mono, 22050 or 44100 Hz), or remove it", wav_problem
)


@dataclass
class FileEntry:
    file: ContentFile
    source_map: SourceMap


def walk_models(value: Any, path: KeyPath) -> Iterator[tuple[Any, KeyPath]]:
    """Every model object below ``value`` with its key path."""
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from walk_models(item, (*path, i))
    elif isinstance(value, BaseModel):
        yield value, path
        for name in type(value).model_fields:
            yield from walk_models(getattr(value, name), (*path, name))


class _Checker:
    def __init__(self, entries: list[FileEntry], content_dir: Path, shown_dir: str):
        self.entries = entries
        self.content_dir = content_dir
        self.shown_dir = shown_dir
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []

    def of_kind(self, kind: str) -> list[tuple[Any, FileEntry]]:
        return [(getattr(e.file, kind), e) for e in self.entries if getattr(e.file, kind) is not None]

    def single(self, kind: str, kinds_present: set[str] | None) -> Any:
        """The one file of ``kind``. A missing one is reported only if no file that failed could have been it."""
        found = self.of_kind(kind)
        if not found:
            if kinds_present is not None and kind not in kinds_present:
                self.errors.append(
                    ContentError(
                        self.shown_dir,
                        0,
                        0,
                        "",
                        f"no file starts with '{kind}:'",
                        f"add {kind}.yaml with '{kind}:' as its first key",
                    )
                )
            return None
        first = found[0][1].source_map.file
        for _, entry in found[1:]:
            self.errors.append(
                entry.source_map.error(
                    (kind,),
                    f"a second '{kind}:' file (the first is {first})",
                    "keep one and delete the other",
                    prefer_key=True,
                )
            )
        return found[0][0]

    def unique_ids(self) -> None:
        seen: dict[str, str] = {}
        for entry in self.entries:
            for obj, path in walk_models(entry.file, ()):
                object_id = getattr(obj, "id", None)
                if not isinstance(object_id, str):
                    continue
                line, _ = entry.source_map.locate((*path, "id"))
                where = f"{entry.source_map.file}:{line}"
                if object_id in seen:
                    self.errors.append(
                        entry.source_map.error(
                            (*path, "id"),
                            f"the id '{object_id}' is already used at {seen[object_id]}",
                            "every id must be unique across all content files; rename one",
                        )
                    )
                else:
                    seen[object_id] = where

    def pillar_orders(self, pillars: list[tuple[Pillar, FileEntry]]) -> None:
        seen: dict[int, str] = {}
        for pillar, entry in pillars:
            if pillar.order in seen:
                self.errors.append(
                    entry.source_map.error(
                        ("pillar", "order"),
                        f"order {pillar.order} is already taken by {seen[pillar.order]}",
                        "give each pillar its own position 1, 2, 3, …",
                    )
                )
            seen[pillar.order] = entry.source_map.file

    def task_pillars(self, outlook_entry: FileEntry, pillars: list[tuple[Pillar, FileEntry]]) -> None:
        outlook = outlook_entry.file.outlook
        assert outlook is not None
        ids = [p.id for p, _ in pillars]
        for i, task in enumerate(outlook.tasks):
            if task.pillar is not None and task.pillar not in ids:
                self.errors.append(
                    outlook_entry.source_map.error(
                        ("outlook", "tasks", i, "pillar"),
                        f"no pillar has the id '{task.pillar}'",
                        did_you_mean(task.pillar, ids) or "use the id of one of the pillars",
                    )
                )

    def references(self, exhibit_entry: FileEntry, pillars: list[tuple[Pillar, FileEntry]]) -> None:
        exhibit = exhibit_entry.file.exhibit
        assert exhibit is not None
        all_ids = [n.id for n in exhibit.numbers] + [n.id for p, _ in pillars for n in p.numbers]
        for i, ref in enumerate(exhibit.headline_numbers):
            if ref not in all_ids:
                self.errors.append(
                    exhibit_entry.source_map.error(
                        ("exhibit", "headline_numbers", i),
                        f"no number has the id '{ref}'",
                        did_you_mean(ref, all_ids) or "use the id of a number defined in a pillar or the exhibit",
                    )
                )
        for pillar, entry in pillars:
            own = [n.id for n in pillar.numbers]
            if pillar.headline_number is not None and pillar.headline_number not in own:
                self.errors.append(
                    entry.source_map.error(
                        ("pillar", "headline_number"),
                        f"this pillar has no number with the id '{pillar.headline_number}'",
                        did_you_mean(pillar.headline_number, own) or "use the id of one of this pillar's numbers",
                    )
                )
            drawable = own + [n.id for n in exhibit.numbers]
            for c, chart in enumerate(pillar.charts):
                for i, ref in enumerate(chart.numbers):
                    if ref not in drawable:
                        self.errors.append(
                            entry.source_map.error(
                                ("pillar", "charts", c, "numbers", i),
                                f"the chart '{chart.id}' draws no number with the id '{ref}' of this pillar",
                                did_you_mean(ref, drawable) or "use the id of one of this pillar's numbers",
                            )
                        )
        if exhibit.default_language not in exhibit.languages:
            self.errors.append(
                exhibit_entry.source_map.error(
                    ("exhibit", "default_language"),
                    f"'{exhibit.default_language}' is not in 'languages'",
                    "add it to languages or choose one of them",
                )
            )
        if len(set(exhibit.languages)) != len(exhibit.languages):
            self.errors.append(
                exhibit_entry.source_map.error(
                    ("exhibit", "languages"), "a language is listed twice", "list each language once"
                )
            )

    def stories(self, exhibit_entry: FileEntry, pillars: list[tuple[Pillar, FileEntry]], art: frozenset[str]) -> None:
        """Each story's figure is a defined number and its art a shipped scene; a story with neither art nor photo is
        shown with a pattern, which is only a warning."""
        exhibit = exhibit_entry.file.exhibit
        assert exhibit is not None
        number_ids = [n.id for n in exhibit.numbers] + [n.id for p, _ in pillars for n in p.numbers]
        for pillar, entry in pillars:
            listed: list[tuple[str, int, Card | Policy]] = [("cards", i, c) for i, c in enumerate(pillar.cards)]
            listed += [("policies", i, p) for i, p in enumerate(pillar.policies)]
            for kind, i, story in listed:
                where = ("pillar", kind, i)
                if story.figure is not None and story.figure not in number_ids:
                    self.errors.append(
                        entry.source_map.error(
                            (*where, "figure"),
                            f"no number has the id '{story.figure}'",
                            did_you_mean(story.figure, number_ids) or "use the id of a number defined in a pillar",
                        )
                    )
                if story.art is not None and story.art not in art:
                    self.errors.append(
                        entry.source_map.error(
                            (*where, "art"),
                            f"the exhibit has no illustration named '{story.art}'",
                            did_you_mean(story.art, sorted(art)) or "leave 'art:' out, or give a photo with 'image:'",
                        )
                    )
                elif story.image is None and art_name(story) not in art:
                    self.warnings.append(
                        entry.source_map.error(
                            (*where, "id"),
                            f"the story '{story.id}' has no illustration: its sheet shows a pattern in the pillar's "
                            "colours",
                            "give it a photo with 'image: images/NAME.jpg', or name a scene with 'art:'",
                        )
                    )

    def contrast(self, exhibit_entry: FileEntry, pillars: list[tuple[Pillar, FileEntry]]) -> None:
        exhibit = exhibit_entry.file.exhibit
        assert exhibit is not None
        theme = exhibit.theme
        pairs: list[tuple[str, SourceMap, KeyPath]] = [
            (getattr(theme, name), exhibit_entry.source_map, ("exhibit", "theme", name))
            for name in ("text", "muted", "number", "signature")
        ]
        pairs += [(p.accent, e.source_map, ("pillar", "accent")) for p, e in pillars]
        for colour, source_map, path in pairs:
            ratio = contrast_ratio(colour, theme.ground)
            if ratio < MIN_CONTRAST:
                self.errors.append(
                    source_map.error(
                        path,
                        f"{colour} on the background {theme.ground} has contrast {ratio:.2f}:1; "
                        f"at least {MIN_CONTRAST}:1 is needed to read it",
                        "choose a lighter colour",
                    )
                )

    def images(self, strict: bool) -> None:
        """Every image and every recording (``audio:``) exists inside the content folder and is a file of its kind."""
        for entry in self.entries:
            for obj, path in walk_models(entry.file, ()):
                image = getattr(obj, "image", None)
                if isinstance(image, str):
                    self._asset(entry, (*path, "image"), image, strict, _IMAGE)
                if isinstance(obj, TextAudio):
                    for language in ("zh", "en"):
                        recording = getattr(obj, language)
                        if isinstance(recording, str):
                            self._asset(entry, (*path, language), recording, strict, _RECORDING)

    def _asset(self, entry: FileEntry, key: KeyPath, name: str, strict: bool, kind: _AssetKind) -> None:
        target = (self.content_dir / name).resolve()
        if not target.is_relative_to(self.content_dir.resolve()):
            self.errors.append(
                entry.source_map.error(
                    key,
                    f"'{name}' leads outside the content folder (through a link)",
                    f"copy the {kind.noun} into the content folder",
                )
            )
            return
        what = None
        if not target.exists():
            problem = entry.source_map.error(
                key, f"the {kind.noun} '{name}' does not exist", f"check the file name, or remove '{kind.key}:'"
            )
            (self.errors if strict else self.warnings).append(problem)
            return
        if not target.is_file() or target.stat().st_size > MAX_IMAGE_BYTES:
            what = NOT_REGULAR if not target.is_file() else f"is over {MAX_IMAGE_BYTES // 2**20} MB"
        elif kind.check is not None:
            what = kind.check(target)
        if what is not None:
            problem = entry.source_map.error(key, f"the {kind.noun} '{name}' {what}", kind.hint)
            (self.errors if strict else self.warnings).append(problem)

    def sources(self, article_text: str) -> None:
        flat = re.sub(r"\s+", "", article_text)
        for entry in self.entries:
            for obj, path in walk_models(entry.file, ()):
                source = getattr(obj, "source", None)
                if isinstance(source, str) and re.sub(r"\s+", "", source) not in flat:
                    self.errors.append(
                        entry.source_map.error(
                            (*path, "source"),
                            "this source is not word for word in the article",
                            "copy the sentence exactly from the article",
                        )
                    )


def shipped_art() -> frozenset[str]:
    """The names of the illustrations the exhibit ships (kiosk/assets/art/NAME.svg)."""
    folder = default_assets_dir() / "art"
    if not folder.is_dir():
        return frozenset()
    return frozenset(e.name.removesuffix(".svg") for e in folder.iterdir() if e.name.endswith(".svg") and e.is_file())


def check_content(
    entries: list[FileEntry],
    content_dir: Path,
    shown_dir: str,
    *,
    strict_assets: bool,
    article_text: str | None,
    files_failed: bool,
    kinds_present: set[str] | None,
) -> tuple[Content | None, list[ContentError], list[ContentError]]:
    """Cross-file checks; the assembled content when everything needed is there."""
    checker = _Checker(entries, content_dir, shown_dir)
    exhibit = checker.single("exhibit", kinds_present)
    outlook = checker.single("outlook", kinds_present)
    pillars = sorted(checker.of_kind("pillar"), key=lambda pe: pe[0].order)
    if not pillars and kinds_present is not None and "pillar" not in kinds_present:
        checker.errors.append(
            ContentError(
                shown_dir,
                0,
                0,
                "",
                "no file starts with 'pillar:'",
                "add one YAML file per pillar, e.g. pillars/1-x.yaml",
            )
        )
    checker.unique_ids()
    checker.pillar_orders(pillars)
    checker.images(strict_assets)
    if article_text is not None:
        checker.sources(article_text)
    if exhibit is not None and not files_failed:  # a broken file would make every reference to it look wrong
        exhibit_entry = checker.of_kind("exhibit")[0][1]
        checker.references(exhibit_entry, pillars)
        checker.stories(exhibit_entry, pillars, shipped_art())
        checker.contrast(exhibit_entry, pillars)
        if outlook is not None:
            checker.task_pillars(checker.of_kind("outlook")[0][1], pillars)
    if exhibit is None or outlook is None or not pillars or checker.errors:
        return None, checker.errors, checker.warnings
    content = Content(exhibit=exhibit, pillars=tuple(p for p, _ in pillars), outlook=outlook)
    return content, checker.errors, checker.warnings
