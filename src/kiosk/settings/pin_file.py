"""Write ``operator.pin_hash`` into the settings file, keeping every other line and comment (pure Python).

The file is edited as text at the positions the YAML parser reports, never re-dumped, so an operator's comments
and layout survive. It is written atomically: a temporary file beside it, then ``os.replace``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

import yaml

NEW_FILE_MODE = 0o600
SECTION, KEY = "operator", "pin_hash"


class PinFileError(Exception):
    """The settings file cannot be edited safely; the message says why and what to do."""


def _scalar(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def with_pin_hash(text: str, pin_hash: str) -> str:
    """``text`` (a settings file) with ``operator.pin_hash`` set to ``pin_hash``; everything else unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    value = _scalar(pin_hash)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise PinFileError(f"the file is not valid YAML ({str(exc).splitlines()[0]}); fix it first") from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        block = f"{SECTION}:{newline}  {KEY}: {value}{newline}"
        return block if root is None and not text.strip() else _append(text, block, newline)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise PinFileError("the file does not hold sections like 'operator:'; see 'kiosk config --example'")
    section = _value_of(root, SECTION)
    if section is None:
        return _append(text, f"{SECTION}:{newline}  {KEY}: {value}{newline}", newline)
    if isinstance(section, yaml.ScalarNode) and section.tag.endswith(":null"):
        return _splice(text, section, f"{newline}  {KEY}: {value}" if not section.value else f"{{{KEY}: {value}}}")
    if not isinstance(section, yaml.MappingNode):
        raise PinFileError(f"'{SECTION}:' is not a group of keys; fix it first (see 'kiosk config --example')")
    current = _value_of(section, KEY)
    if current is not None:
        if not isinstance(current, yaml.ScalarNode):
            raise PinFileError(f"'{SECTION}.{KEY}' is not a single value; fix it first")
        empty = current.start_mark.index == current.end_mark.index
        return _splice(text, current, (" " if empty else "") + value)
    if section.flow_style:
        at = section.start_mark.index + 1
        separator = ", " if section.value else ""
        return text[:at] + f"{KEY}: {value}{separator}" + text[at:]
    first_key = section.value[0][0]
    line_start = text.rfind("\n", 0, first_key.start_mark.index) + 1
    indent = text[line_start : first_key.start_mark.index]
    if indent.strip():  # the first key shares its line with something else: too unusual to edit safely
        raise PinFileError(
            f"cannot find where to add '{KEY}:' under '{SECTION}:'; add 'pin_hash: null' there and run this again"
        )
    return text[:line_start] + f"{indent}{KEY}: {value}{newline}" + text[line_start:]


def _value_of(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _splice(text: str, node: yaml.Node, replacement: str) -> str:
    return text[: node.start_mark.index] + replacement + text[node.end_mark.index :]


def _append(text: str, block: str, newline: str) -> str:
    if text and not text.endswith("\n"):
        text += newline
    return text + block


def store_pin_hash(path: Path, pin_hash: str) -> bool:
    """Set ``operator.pin_hash`` in the file at ``path``; creates the file (and folders) when missing.

    Returns True when the file was created. Raises :class:`PinFileError` (or ``OSError``) without touching the file.
    """
    path = Path(path)
    created = not path.exists()
    if created:
        text, bom, mode = "", "", NEW_FILE_MODE
    else:
        raw = path.read_bytes()
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
    write_atomically(path, (bom + updated).encode("utf-8"), mode)
    return created


def _keep_owner(path: Path, temp: str) -> None:
    """The new file keeps the old one's owner and group (e.g. root:kiosk when root runs ``set-pin``), so the
    exhibit can still read its settings; only possible for root, and harmless to skip otherwise."""
    try:
        old = os.stat(path)
        os.chown(temp, old.st_uid, old.st_gid)
    except (OSError, AttributeError):  # no old file, not allowed, or no chown (Windows)
        pass


def write_atomically(path: Path, data: bytes, mode: int) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file, never half of one."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        _keep_owner(path, temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    with contextlib.suppress(OSError, AttributeError):  # make the rename itself durable (not on Windows)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
