"""The validated content kept in the state folder: a start whose content and code have not changed skips reading
the YAML files, validating them and the checks (and pydantic building its validators, made at the first validation).

The cache is keyed by a hash of every file of the content folder (the YAML files' bytes; every other file's path,
size and modification time, since the checks look for pictures and recordings), the folder's own path, and the code
that validates (the sources of the ``kiosk.content`` modules and ``kiosk.errors``, or the exhibit's version and
executable where they are frozen), Python's and pydantic's versions. Any difference is a miss: the folder is loaded
and validated as always, and the cache written anew. A file that cannot be read, is not the cache's, was written for
another key or names anything but the content's own classes (it is read with an unpickler that builds nothing else)
is ignored with a log line and made again: it is never trusted.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import kiosk
from kiosk.atomic_file import replace_file
from kiosk.safe_read import FileRefused, read_regular

if TYPE_CHECKING:
    from kiosk.content.loader import LoadResult

FILE_NAME = "content-cache.pickle"
FORMAT = 1
MAX_CACHE_BYTES = 16 * 1024 * 1024  # the shipped content pickles to about 50 KB
_YAML = (".yaml", ".yml")
# What a cache may build: the content's models, its error records, and the few standard types in them.
_ALLOWED_MODULES = ("kiosk.content.loader", "kiosk.content.model", "kiosk.content.text", "kiosk.errors")
_ALLOWED_NAMES = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("pathlib", "PosixPath"),
    ("pathlib", "PurePosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "PureWindowsPath"),
}
_log = logging.getLogger(__name__)


def code_version() -> str:
    """What the validation's result depends on besides the content: the validating modules' sources (in a frozen
    bundle, where there are none, the exhibit's version and its executable), Python and pydantic."""
    from importlib import metadata

    digest = hashlib.sha256(f"{FORMAT} {sys.version} {kiosk.__version__}".encode())
    try:
        digest.update(metadata.version("pydantic").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"pydantic ?")
    package = Path(kiosk.__file__).parent
    sources = sorted((package / "content").glob("*.py")) + [package / "errors.py"]
    try:
        for source in sources:
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    except OSError:  # frozen: no sources beside the modules
        executable = Path(sys.executable).stat()
        digest.update(f"frozen {sys.executable} {executable.st_size} {executable.st_mtime_ns}".encode())
    return digest.hexdigest()


def content_key(content_dir: Path) -> str:
    """The hash of the content folder as the loader sees it, and of :func:`code_version`."""
    folder = content_dir.resolve()
    digest = hashlib.sha256(f"{code_version()}\0{folder}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        info = path.stat()
        digest.update(f"\0{path.relative_to(folder)}\0{info.st_size}\0".encode())
        if path.suffix in _YAML:
            digest.update(path.read_bytes())
        else:
            digest.update(str(info.st_mtime_ns).encode())
    return digest.hexdigest()


class _ContentUnpickler(pickle.Unpickler):
    """Builds the content's own classes and the standard types listed above, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module in _ALLOWED_MODULES or (module, name) in _ALLOWED_NAMES:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"names {module}.{name}, which is not part of the content")


def read_cache(path: Path, key: str) -> LoadResult | None:
    """The load result kept in ``path`` for ``key``; None (logged) when there is none for it."""
    from kiosk.content.loader import LoadResult

    try:
        raw = read_regular(path, MAX_CACHE_BYTES)
    except FileNotFoundError:
        return None
    except (OSError, FileRefused) as exc:
        _log.info("%s: the validated content is not used (%s); the content is validated again", path, exc)
        return None
    try:
        data = _ContentUnpickler(io.BytesIO(raw)).load()
    except Exception as exc:  # a damaged file can fail any way unpickling can
        _log.info("%s: the validated content is not used (unreadable: %s); the content is validated again", path, exc)
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("result"), LoadResult):
        _log.info("%s: the validated content is not used (not this cache's format); it is made again", path)
        return None
    if data.get("key") != key:
        _log.info("%s: the content or the exhibit changed since it was validated; it is validated again", path)
        return None
    result: LoadResult = data["result"]
    return result if result.ok else None


def write_cache(path: Path, key: str, result: LoadResult) -> None:
    """Keep a valid ``result`` (without its source positions, which only the checking commands use)."""
    from kiosk.content.loader import LoadResult

    kept = LoadResult(result.content, [], list(result.warnings), list(result.files))
    data = pickle.dumps({"format": FORMAT, "key": key, "result": kept}, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, data)
    except OSError as exc:
        _log.info("%s: the validated content is not kept (%s)", path, exc.strerror or exc)


def load_validated(content_dir: Path, cache_path: Path | None) -> LoadResult:
    """The content of ``content_dir`` for showing it (a missing picture is a warning), from ``cache_path`` when it
    holds this very content validated by this very code, else loaded and validated (and kept there when valid)."""
    from kiosk.content.loader import load_content

    if cache_path is None:
        return load_content(content_dir, strict_assets=False)
    try:
        key = content_key(content_dir)
    except OSError as exc:  # a file vanished while it was hashed: the loader says what is wrong
        _log.info("%s: the content folder could not be hashed (%s); it is validated", content_dir, exc)
        return load_content(content_dir, strict_assets=False)
    found = read_cache(cache_path, key)
    if found is not None:
        return found
    result = load_content(content_dir, strict_assets=False)
    if result.ok:
        write_cache(cache_path, key, result)
    return result
