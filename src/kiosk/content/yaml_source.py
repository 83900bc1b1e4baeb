"""Safe YAML reading that remembers where every value came from.

PyYAML's own constructors lose line numbers, keep the last of two duplicate keys without a word and expand
aliases without bound. Here the document is composed into nodes (C parser when available) and walked by hand:
only plain scalars, lists and mappings are accepted, duplicate keys are errors, and the number of values an
alias can expand to is capped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.errors import ContentError
from kiosk.safe_read import NOT_REGULAR, FileRefused, read_regular

try:  # the C parser is faster; both give the same nodes and marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 512 * 1024
MAX_VALUES = 20_000
MAX_DEPTH = 40

KeyPath = tuple[str | int, ...]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

_SYNTAX_HINTS = {
    "found character '\\t'": "indent with spaces, not tabs",
    "tab character": "indent with spaces, not tabs",
    "mapping values are not allowed here": "text containing ': ' must be in quotes",
    "could not find expected ':'": (
        "check this line's indentation against the line above, and that each key ends with ':'"
    ),
    "found undefined alias": "an alias *name needs an anchor &name earlier in the file",
    "expected <document start>": "check the indentation of this line",
    "did not find expected key": "check the indentation and that list items start with '- '",
    "found unexpected end of stream": "a quote or bracket is not closed",
    "did not find expected node content": "a '[' or '{' is not closed, or a value is missing",
    "did not find expected ',' or '}'": "a '{' is not closed, or text containing ',' needs quotes",
    "did not find expected ',' or ']'": "a '[' is not closed, or text containing ',' needs quotes",
    "but found another document": "a content file holds one document: remove the '---' line",
}


def format_key_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class SourceMap:
    """Positions (1-based line, column) of values and keys in one file, by key path."""

    file: str
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: KeyPath, prefer_key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that exists."""
        probe = tuple(path)
        while True:
            if prefer_key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if probe in self.keys:
                return self.keys[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]

    def error(self, path: KeyPath, message: str, hint: str = "", prefer_key: bool = False) -> ContentError:
        line, column = self.locate(path, prefer_key)
        return ContentError(self.file, line, column, format_key_path(path), message, hint)


class _Abort(Exception):
    def __init__(self, error: ContentError):
        self.error = error


@dataclass
class ParsedFile:
    """``data`` is None when the file could not be read at all; ``errors`` may be set even when it is not."""

    data: Any
    source_map: SourceMap
    errors: list[ContentError]

    def besides(self, errors: list[ContentError]) -> list[ContentError]:
        """``errors`` (from validating ``data``) without those at a key this file's reading already reported."""
        reported = {error.key_path for error in self.errors if error.key_path}
        return [error for error in errors if error.key_path not in reported]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    def __init__(self, loader: Any, source_map: SourceMap):
        self.loader = loader
        self.map = source_map
        self.count = 0
        self.errors: list[ContentError] = []

    def _fail(self, node: yaml.Node, path: KeyPath, message: str, hint: str = "") -> _Abort:
        line, column = _mark(node)
        return _Abort(ContentError(self.map.file, line, column, format_key_path(path), message, hint))

    def walk(self, node: yaml.Node, path: KeyPath, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self._fail(
                node,
                path,
                f"the file expands to more than {MAX_VALUES:,} values",
                "an alias (*name) repeats an anchor (&name) too often; write the content out instead",
            )
        if depth > MAX_DEPTH:
            raise self._fail(node, path, f"nested more than {MAX_DEPTH} levels deep", "a recursive alias?")
        self.map.values.setdefault(path, _mark(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return [self.walk(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self._mapping(node, path, depth)
        self.errors.append(self._tag_error(node, path).error)  # reported; the rest of the file is still read
        return None

    def _tag_error(self, node: yaml.Node, path: KeyPath) -> _Abort:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        return self._fail(
            node,
            path,
            f"the tag {tag} is not allowed",
            "content is plain text, numbers, true/false, dates, lists and keys; remove the tag",
        )

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.errors.append(self._tag_error(node, path).error)
            return None
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:  # 2026-02-30: reported, and the walk goes on
            self.errors.append(
                self._fail(node, path, f"cannot read {node.value!r}: {exc}", "put it in quotes if it is text").error
            )
            return node.value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self._fail(key_node, path, "merge keys (<<) are not supported", "write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._fail(key_node, path, "a key must be a plain word", "check the indentation")
            key = key_node.value
            child = (*path, key)
            if key in result:
                first_line, _ = self.map.keys[child]
                line, column = _mark(key_node)
                self.errors.append(
                    ContentError(
                        self.map.file,
                        line,
                        column,
                        format_key_path(child),
                        f"duplicate key '{key}' (first at line {first_line})",
                        "YAML would silently keep only the last one; remove or rename one of them",
                    )
                )
                continue
            self.map.keys[child] = _mark(key_node)
            result[key] = self.walk(value_node, child, depth + 1)
        return result


def _syntax_error(file: str, exc: yaml.YAMLError) -> ContentError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        context = f"{context} that starts at line {context_mark.line + 1}"
    text = f"{context}, {problem}" if context else problem
    hint = next((h for needle, h in _SYNTAX_HINTS.items() if needle in str(exc)), "check the YAML syntax here")
    return ContentError(file, line, column, "", f"YAML syntax error: {text}", hint)


def parse_yaml_file(
    path: Path,
    display: str,
    max_bytes: int = MAX_FILE_BYTES,
    refused_hint: str = "replace it with a YAML file",
) -> ParsedFile:
    """Read one YAML file safely (a regular file of at most ``max_bytes``). Never raises for bad input."""
    try:
        raw = read_regular(path, max_bytes)
    except FileRefused as exc:
        hint = (
            refused_hint if exc.reason == NOT_REGULAR else "split it, or remove what does not belong in a content file"
        )
        return _failed(SourceMap(display), 0, exc.reason, hint)
    except OSError as exc:
        return _failed(
            SourceMap(display),
            0,
            f"cannot read the file: {exc.strerror or exc}",
            "check that it exists and is readable",
        )
    return parse_yaml_bytes(raw, display)


def _failed(source_map: SourceMap, line: int, message: str, hint: str) -> ParsedFile:
    return ParsedFile(None, source_map, [ContentError(source_map.file, line, 1 if line else 0, "", message, hint)])


def parse_yaml_bytes(raw: bytes, display: str) -> ParsedFile:
    """Parse the bytes of one YAML file shown as ``display``. Never raises for bad input."""
    source_map = SourceMap(display)

    def failed(line: int, message: str, hint: str) -> ParsedFile:
        return _failed(source_map, line, message, hint)

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return failed(line, "the file is not UTF-8 text", "save it as UTF-8 in your editor")

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return failed(0, "the file is empty", "start it with 'exhibit:', 'pillar:' or 'outlook:'")
        walker = _Walker(loader, source_map)
        data = walker.walk(root, ())
        return ParsedFile(data, source_map, walker.errors)
    except _Abort as abort:
        return ParsedFile(None, source_map, [abort.error])
    except yaml.YAMLError as exc:
        return ParsedFile(None, source_map, [_syntax_error(display, exc)])
    except RecursionError:
        return failed(0, "the file is nested too deeply to read", "simplify its structure")
    finally:
        loader.dispose()
