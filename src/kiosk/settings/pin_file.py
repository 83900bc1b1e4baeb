"""Write ``operator.pin_hash`` into the settings file, keeping every other line and comment (pure Python).

The file is edited with ruamel.yaml's round trip, never re-dumped from plain values: its comments, key order, quotes
and flow or block styles are kept, it is written back with the indentation it uses, its nulls as it wrote them
(``null``, ``~`` or nothing) and its line endings. What the round trip does not keep is extra spacing inside a line
(``key:   1`` comes back as ``key: 1``) and, in a file that mixes indentations, all but the first. A file without
any YAML in it (empty, or only comments) gets the section appended to its text. The file is written atomically
(a temporary file beside it, then ``os.replace``) with the old file's mode, owner and group.
"""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator, Mapping, Sequence, Set
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from kiosk.atomic_file import replace_file
from kiosk.safe_read import FileRefused, read_regular
from kiosk.settings.load import MAX_SETTINGS_BYTES

NEW_FILE_MODE = 0o600
SECTION, KEY = "operator", "pin_hash"
NULL_TAG = "tag:yaml.org,2002:null"
DEFAULT_INDENT = 2


class PinFileError(Exception):
    """The settings file cannot be edited safely; the message says why and what to do."""


class _Null:
    """A null as the file wrote it, so that the round trip writes ``null`` back as ``null`` (ruamel.yaml would
    otherwise write every null in a mapping as nothing, changing lines the operator did not ask to change)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Constructor(RoundTripConstructor):
    def construct_kept_null(self, node: ScalarNode) -> _Null:
        return _Null(node.value)


class _Representer(RoundTripRepresenter):
    def represent_kept_null(self, data: _Null) -> ScalarNode:
        return self.represent_scalar(NULL_TAG, data.text)


_Constructor.add_constructor(NULL_TAG, _Constructor.construct_kept_null)
_Representer.add_representer(_Null, _Representer.represent_kept_null)


def _round_trip() -> YAML:
    editor = YAML(typ="rt")
    editor.Constructor = _Constructor
    editor.Representer = _Representer
    editor.preserve_quotes = True
    editor.width = 1_000_000  # never fold a long value onto a second line
    return editor


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _append(text: str, block: str) -> str:
    if text and not text.endswith("\n"):
        text += "\n"
    return text + block


def _block_children(node: object) -> Iterator[tuple[CommentedMap | CommentedSeq, int]]:
    """Every block mapping and sequence that is the value of a key below ``node``, with that key's column."""
    if isinstance(node, CommentedMap):
        for key, position in (node.lc.data or {}).items():  # its own keys, not those merged in with '<<:'
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
                yield value, position[1]
            yield from _block_children(value)
    elif isinstance(node, CommentedSeq):
        for item in node:
            yield from _block_children(item)


def _indentation(root: CommentedMap, lines: list[str]) -> tuple[int, int, int]:
    """The file's own (mapping indent, sequence indent, dash offset), from where its first nested blocks start
    (the text's columns: a collection's own position is its anchor's when it has one)."""
    mapping = sequence = offset = None
    for child, key_column in _block_children(root):
        if isinstance(child, CommentedMap) and mapping is None and child.lc.data:
            mapping = min(position[1] for position in child.lc.data.values()) - key_column
        elif isinstance(child, CommentedSeq) and sequence is None:
            line, column = child.lc.item(0)[:2]
            text = lines[line] if line < len(lines) else ""
            if text.lstrip(" ").startswith("-"):
                offset, sequence = len(text) - len(text.lstrip(" ")) - key_column, column - key_column
    mapping = mapping if mapping and mapping > 0 else DEFAULT_INDENT
    if sequence is None or offset is None or offset < 0 or sequence < offset + 2:
        sequence, offset = DEFAULT_INDENT, 0
    return mapping, sequence, offset


def _starts_explicitly(text: str) -> bool:
    """The document begins with ``---`` (after any comments), which the round trip would otherwise drop."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%")):
            return stripped.startswith("---")
    return False


def with_pin_hash(text: str, pin_hash: str) -> str:
    """``text`` (a settings file) with ``operator.pin_hash`` set to ``pin_hash``; everything else unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    editor = _round_trip()
    try:
        root = editor.load(text)
    except YAMLError as exc:
        raise PinFileError(f"the file is not valid YAML ({str(exc).strip().splitlines()[0]}); fix it first") from None
    if root is None:  # empty, or only comments: nothing to edit, the section goes after them
        updated = _append(text, f"{SECTION}:\n{' ' * DEFAULT_INDENT}{KEY}: {_quoted(pin_hash)}\n")
        return updated.replace("\n", newline)
    if not isinstance(root, CommentedMap):
        raise PinFileError("the file does not hold sections like 'operator:'; see 'kiosk config --example'")
    mapping, sequence, offset = _indentation(root, text.split("\n"))  # before the edit: new keys have no position
    value = SingleQuotedScalarString(pin_hash)
    section = root.get(SECTION)
    if section is None or isinstance(section, _Null):  # no section, or 'operator:' with nothing under it
        root[SECTION] = CommentedMap([(KEY, value)])
    elif not isinstance(section, CommentedMap):
        raise PinFileError(f"'{SECTION}:' is not a group of keys; fix it first (see 'kiosk config --example')")
    elif KEY in section:
        current = section[KEY]
        if isinstance(current, Mapping | Set) or (isinstance(current, Sequence) and not isinstance(current, str)):
            raise PinFileError(f"'{SECTION}.{KEY}' is not a single value; fix it first")
        section[KEY] = value
    else:
        section.insert(0, KEY, value)
    editor.indent(mapping=mapping, sequence=sequence, offset=offset)
    editor.explicit_start = _starts_explicitly(text)
    out = io.StringIO()
    editor.dump(root, out)
    return out.getvalue().replace("\n", newline)


def store_pin_hash(path: Path, pin_hash: str) -> bool:
    """Set ``operator.pin_hash`` in the file at ``path``; creates the file (and folders) when missing.

    Returns True when the file was created. Raises :class:`PinFileError` (or ``OSError``) without touching the file.
    """
    path = Path(path)
    created = not path.exists()
    if created:
        text, bom, mode = "", "", NEW_FILE_MODE
    else:
        try:
            raw = read_regular(path, MAX_SETTINGS_BYTES)
        except FileRefused as exc:
            raise PinFileError(exc.reason) from None
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PinFileError("the file is not UTF-8 text; save it as UTF-8 first") from None
        bom = "\ufeff" if decoded.startswith("\ufeff") else ""
        text, mode = decoded[len(bom) :], stat.S_IMODE(path.stat().st_mode)
    updated = with_pin_hash(text, pin_hash)
    check = yaml.safe_load(updated) or {}
    if not isinstance(check, dict) or (check.get(SECTION) or {}).get(KEY) != pin_hash:  # never write a broken file
        raise PinFileError(f"could not add '{KEY}:' safely; add 'pin_hash: null' under 'operator:' and run this again")
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, bom + updated, durable=True, mode=mode, keep_owner=True)
    return created
