"""Turn pydantic's validation errors into plain words an editor can act on, with "did you mean"."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kiosk.content.yaml_source import KeyPath, SourceMap
from kiosk.errors import ContentError


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional wrappers down to the type that matters for the next path step."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def annotation_at(model: type[BaseModel], path: KeyPath) -> Any:
    """The declared type at ``path`` inside ``model`` (None when the path leaves the model)."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            if typing.get_origin(current) in (list, tuple):
                current = typing.get_args(current)[0]
                continue
            return None
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
            continue
        return None
    return _unwrap(current)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    if value is None:
        return "nothing"
    return type(value).__name__


_PATTERN_WORDS = {
    "^#[0-9A-Fa-f]{6}$": ("is not a colour", "write it as #RRGGBB, e.g. '#E8433A', in quotes"),
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "is not a valid id",
        "use lower-case letters, digits and single hyphens, e.g. 'ship-mengxiang'",
    ),
}


def _words(error: ErrorDetails, root: type[BaseModel], loc: KeyPath) -> tuple[str, str]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = loc[-1] if loc else ""
    if kind == "missing":
        return f"'{field}' is missing", f"add '{field}:' here"
    if kind == "extra_forbidden":
        parent = annotation_at(root, loc[:-1])
        allowed = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        return f"unknown key '{field}'", did_you_mean(str(field), allowed) or "allowed here: " + ", ".join(allowed)
    if kind in ("string_type", "str_type"):
        return f"expected text, found {_describe(value)}", "put the text in quotes"
    if kind in ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float"):
        whole = kind.startswith("int")
        return (
            f"expected a {'whole ' if whole else ''}number, found {_describe(value)}",
            "write digits only, e.g. 40.3, without quotes or units",
        )
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {_describe(value)}", ""
    if kind == "literal_error":
        choices = [str(c) for c in typing.get_args(annotation_at(root, loc))]
        hint = did_you_mean(str(value), choices) or ("choose one of: " + ", ".join(choices) if choices else "")
        return f"{_describe(value)} is not allowed here", hint
    if kind == "string_pattern_mismatch":
        message, hint = _PATTERN_WORDS.get(ctx.get("pattern", ""), ("has the wrong form", ""))
        return f"{_describe(value)} {message}", hint
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a group of keys, found {_describe(value)}", "write 'key: value' lines indented under this one"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, found {_describe(value)}", "write each entry on its own line starting with '- '"
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return (
            f"has {ctx.get('actual_length', '?')} entries; "
            f"{'at least' if kind == 'too_short' else 'at most'} {limit} allowed",
            "",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "?")
        bound = f"{bound:g}" if isinstance(bound, float) else bound  # 20, not 20.0
        word = "at least" if kind.startswith("greater") else "at most"
        return f"{_describe(value)} is out of range: must be {word} {bound}", ""
    if kind.startswith("date"):
        return f"expected a date, found {_describe(value)}", "write it as 2025-01-16, without quotes"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    return error["msg"], ""


def translate(exc: ValidationError, root: type[BaseModel], source_map: SourceMap) -> list[ContentError]:
    """Every pydantic error of one file, located in that file and worded for an editor."""
    out = []
    for error in exc.errors(include_url=False):
        loc: KeyPath = tuple(error["loc"])
        message, hint = _words(error, root, loc)
        out.append(source_map.error(loc, message, hint, prefer_key=error["type"] == "extra_forbidden"))
    return out
