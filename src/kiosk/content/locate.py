"""Where a shown text comes from: ``pillar-id.lead`` → ``content/pillars/2-industry.yaml:11`` (pure Python).

Screens tag each text with an *origin*: the id of the thing it belongs to (every id is unique in the content)
or ``exhibit`` / ``outlook``, then the field, e.g. ``gzlab-drugs.label``. The locator turns that into the file
and line an editor should open.
"""

from __future__ import annotations

from kiosk.content.checks import FileEntry, walk_models
from kiosk.content.yaml_source import KeyPath, SourceMap

_TOP = ("exhibit", "outlook")


class TextLocator:
    def __init__(self, entries: list[FileEntry]):
        self._index: dict[str, tuple[SourceMap, KeyPath]] = {}
        for entry in entries:
            for model, path in walk_models(entry.file, ()):
                if path and path[0] in _TOP and len(path) == 1:
                    self._index[str(path[0])] = (entry.source_map, path)
                object_id = getattr(model, "id", None)
                if isinstance(object_id, str):
                    self._index.setdefault(object_id, (entry.source_map, path))

    def where(self, origin: str, language: str) -> str | None:
        """``file:line`` of the text ``origin`` in ``language``, or None when it is not content text."""
        owner, _, fields = origin.partition(".")
        found = self._index.get(owner)
        if found is None or not fields:
            return None
        source_map, path = found
        line, _column = source_map.locate((*path, *fields.split("."), language))
        return f"{source_map.file}:{line}"
