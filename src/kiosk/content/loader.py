"""Load the content folder: every YAML file, every error at once, or a validated :class:`Content`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.errors import ContentError, ContentInvalid, display_path

if TYPE_CHECKING:
    from kiosk.content.checks import FileEntry
    from kiosk.content.model import Content

SKIP_DIRS = {"schema"}


@dataclass
class LoadResult:
    content: Content | None
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    entries: list[FileEntry] = field(default_factory=list)  # each valid file with the positions of its values

    @property
    def ok(self) -> bool:
        return self.content is not None and not self.errors


def content_files(content_dir: Path) -> list[Path]:
    """The YAML files of a content folder, in a stable order (top folder first, then sub-folders)."""
    found = [
        p
        for p in content_dir.rglob("*")
        if p.suffix in (".yaml", ".yml") and not SKIP_DIRS.intersection(p.relative_to(content_dir).parts[:-1])
    ]
    return sorted(found, key=lambda p: (len(p.relative_to(content_dir).parts), str(p)))


def load_content(content_dir: Path, *, strict_assets: bool = True, article_text: str | None = None) -> LoadResult:
    """Read, validate and assemble a content folder. Never raises for bad content.

    ``strict_assets``: a missing image is an error (``kiosk validate``); otherwise a warning, and the exhibit
    shows the card's illustration instead. ``article_text``: when given, every ``source:`` must be a verbatim
    part of it.
    """
    # Imported here: a start whose content is in the validated cache (kiosk.content.validated_cache) needs none of it.
    from pydantic import ValidationError

    from kiosk.content.checks import FileEntry, check_content
    from kiosk.content.messages import translate
    from kiosk.content.model import ContentFile
    from kiosk.content.yaml_source import parse_yaml_file

    content_dir = Path(content_dir)
    shown_dir = display_path(content_dir)
    if not content_dir.is_dir():
        problem = "is a file, not a folder" if content_dir.exists() else "the content folder does not exist"
        error = ContentError(shown_dir, 0, 0, "", problem, "give the folder that holds exhibit.yaml")
        return LoadResult(None, [error])

    files = content_files(content_dir)
    errors: list[ContentError] = []
    entries: list[FileEntry] = []
    kinds_present: set[str] = set()  # top-level keys of every readable file, valid or not
    unreadable = False
    for path in files:
        parsed = parse_yaml_file(path, display_path(path))
        errors.extend(parsed.errors)
        if parsed.data is None:
            unreadable = True
            continue
        if isinstance(parsed.data, dict):
            kinds_present.update(parsed.data)
        try:
            entries.append(FileEntry(ContentFile.model_validate(parsed.data), parsed.source_map))
        except ValidationError as exc:
            errors.extend(parsed.besides(translate(exc, ContentFile, parsed.source_map)))

    content, check_errors, warnings = check_content(
        entries,
        content_dir,
        shown_dir,
        strict_assets=strict_assets,
        article_text=article_text,
        files_failed=bool(errors),
        kinds_present=None if unreadable else kinds_present,
    )
    errors.extend(check_errors)
    return LoadResult(content if not errors else None, sorted(set(errors)), sorted(warnings), files, entries)


def require_content(content_dir: Path, *, strict_assets: bool = True, article_text: str | None = None) -> Content:
    """Like :func:`load_content` but raises :class:`ContentInvalid` with every error."""
    result = load_content(content_dir, strict_assets=strict_assets, article_text=article_text)
    if not result.ok:
        raise ContentInvalid(result.errors)
    assert result.content is not None
    return result.content
