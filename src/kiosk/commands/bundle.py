"""``kiosk bundle keygen|create|install|rollback|list``: content updates as signed zip bundles.

``install``, ``rollback`` and ``list`` act on the exhibit's own releases: what a flag does not say comes from the
settings file (``folders.releases_dir``, ``content_updates.public_key``, ``max_bundle_mb``, ``keep_releases``).
The commands import what they need when they run, so the other ``kiosk`` commands never depend on cryptography.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.exit_codes import ExitCode
from kiosk.safe_read import MAX_KEY_BYTES, FileRefused, read_regular
from kiosk.service.bundle.errors import BundleError

MB = 1024 * 1024


class SettingsInvalid(Exception):
    """The settings file has errors (already printed)."""


def _needs_settings(args: argparse.Namespace) -> bool:
    if args.releases_dir is None:
        return True
    if not hasattr(args, "keep"):  # rollback and list need only the folder
        return False
    return args.max_mb is None or args.keep is None or (args.public_key is None and args.public_key_file is None)


def _with_settings(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` with every option that was not given filled in from the settings file."""
    if not _needs_settings(args):
        return args
    from kiosk.commands.settings_args import load_from_args, print_errors  # only when a value is missing

    loaded = load_from_args(args)
    if not loaded.ok:
        print_errors(loaded, "nothing was changed")
        raise SettingsInvalid
    assert loaded.settings is not None
    updates = loaded.settings.content_updates
    filled = argparse.Namespace(**vars(args))
    if args.releases_dir is None:
        filled.releases_dir = loaded.settings.folders.releases_dir
    if hasattr(args, "keep"):
        filled.max_mb = args.max_mb or updates.max_bundle_mb
        filled.keep = args.keep or updates.keep_releases
        if args.public_key is None and args.public_key_file is None:
            filled.public_key = updates.public_key
    return filled


def _keygen(args: argparse.Namespace) -> int:
    from kiosk.service.bundle.signing import write_key_pair

    private, public = write_key_pair(args.out_dir)
    print(f"wrote {private} (private: keep it safe and off the exhibit; it signs bundles)")
    print(f"wrote {public} (public: paste its one line into the settings file as content_updates.public_key)")
    return ExitCode.OK


def _moment(text: str) -> datetime:
    """``--activate-at``: an ISO 8601 time with its time zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time like 2026-12-02T09:00+08:00") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' has no time zone; add it (2026-12-02T09:00+08:00, or Z for UTC) so every kiosk reads the same "
            "moment"
        )
    return moment


def _create(args: argparse.Namespace) -> int:
    from kiosk.service.bundle.create import create_bundle

    result = create_bundle(
        args.content_dir, args.out, version=args.version, sign_key=args.sign_key, activate_at=args.activate_at
    )
    signed = "signed" if result.signed else "not signed"
    activate = result.manifest.activate_utc
    when = f", installed by watch folders from {activate}" if activate else ""
    print(
        f"wrote {result.path}: version {result.manifest.version}, {len(result.manifest.files)} files, "
        f"{result.size} bytes, {signed}{when}"
    )
    return ExitCode.OK


def _public_key(args: argparse.Namespace) -> bytes | None:
    from kiosk.service.bundle.signing import parse_public_key

    if args.public_key is not None:
        return parse_public_key(args.public_key, "--public-key")
    if args.public_key_file is not None:
        try:
            text = read_regular(Path(args.public_key_file), MAX_KEY_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError, FileRefused) as exc:
            raise BundleError(f"{args.public_key_file}: cannot read the public key: {exc}") from None
        return parse_public_key(text, str(args.public_key_file))
    return None


def _install(args: argparse.Namespace) -> int:
    from kiosk.service.bundle.install import install_bundle

    start = time.monotonic()
    result = install_bundle(
        args.bundle,
        args.releases_dir,
        public_key=_public_key(args),
        max_bytes=args.max_mb * MB,
        keep=args.keep,
        allow_older=args.allow_older,
    )
    print(result.message)
    if result.removed:
        print(f"removed old release(s): {', '.join(result.removed)}")
    if result.installed:
        print(f"current -> {result.release} ({time.monotonic() - start:.2f} s)")
    return ExitCode.OK


def _rollback(args: argparse.Namespace) -> int:
    from kiosk.service.bundle.rollback import rollback

    old, new = rollback(args.releases_dir)
    print(f"{args.releases_dir}: current is now {new} (was {old})")
    return ExitCode.OK


def _list(args: argparse.Namespace) -> int:
    """Newest on screen first (the installation history's order, not the versions'): ``*`` the current release,
    ``<`` the previous one, where ``kiosk bundle rollback`` goes."""
    from kiosk.service.bundle.history import last_shown, read_history
    from kiosk.service.bundle.releases import current_version, read_release_manifest, release_dir, shown_order
    from kiosk.service.bundle.rollback import rollback_target

    versions = shown_order(args.releases_dir)
    if not versions:
        print(f"{args.releases_dir}: no releases installed")
        return ExitCode.OK
    current = current_version(args.releases_dir)
    target = None if current is None else rollback_target(args.releases_dir, current)
    previous = None if target is None else target.version
    last = last_shown(read_history(args.releases_dir) or [])
    for version in reversed(versions):
        try:
            manifest = read_release_manifest(release_dir(args.releases_dir, version))
            about = f"made {manifest.created_utc}, {len(manifest.files)} files"
        except BundleError:
            about = "damaged: no readable manifest"
        when = f"{last[version][1].utc} ({last[version][1].how})" if version in last else ""
        shown_from = f"last shown from {when}" if when else "not in the installation history"
        if version == current:
            shown, mark = f"current since {when}" if when else "current; not in the installation history", "*"
        elif version == previous:
            shown, mark = f"previous: rollback goes here; {shown_from}", "<"
        else:
            shown, mark = shown_from, " "
        print(f"{mark} {version}  {shown}; {about}")
    if current is None:
        print("(no current release)")
    return ExitCode.OK


def _run(func: Callable[[argparse.Namespace], int], settings: bool = False) -> Callable[[argparse.Namespace], int]:
    """``func`` as a command's handler: a bad bundle or settings file ends it with EXIT_INVALID, not a traceback."""

    def run(args: argparse.Namespace) -> int:
        try:
            return func(_with_settings(args) if settings else args)
        except BundleError as exc:
            print(exc, file=sys.stderr)
            return ExitCode.INVALID
        except SettingsInvalid:
            return ExitCode.INVALID

    return run


def _count(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type=`` for a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text}: must be between {low} and {high}")
        return value

    return parse


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``bundle`` command to the ``kiosk`` parser."""
    bundle = commands.add_parser("bundle", help="content updates: make, sign, install and roll back bundles")
    actions = bundle.add_subparsers(dest="bundle_command", required=True, metavar="ACTION")

    keygen = actions.add_parser("keygen", help="make a signing key pair (bundle-signing.key and .pub)")
    keygen.add_argument("--out-dir", type=Path, required=True, metavar="DIR")
    keygen.set_defaults(func=_run(_keygen))

    create = actions.add_parser("create", help="check a content folder and pack it as a bundle")
    create.add_argument("content_dir", type=Path, metavar="CONTENT_DIR")
    create.add_argument("out", type=Path, metavar="OUT.zip")
    create.add_argument(
        "--version",
        help="the release's name (default: the UTC time, YYYY.MM.DD-HHMMSS); newer "
        "versions sort higher, digit runs compared as numbers",
    )
    create.add_argument("--sign-key", type=Path, metavar="FILE", help="sign with this private key")
    create.add_argument(
        "--activate-at",
        type=_moment,
        metavar="TIME",
        help="watch folders install the bundle from this moment on, not before (ISO 8601 with its time zone, "
        "e.g. 2026-12-02T09:00+08:00): the whole hall switches together",
    )
    create.set_defaults(func=_run(_create))

    from kiosk.commands.settings_args import add_config_argument

    releases = argparse.ArgumentParser(add_help=False)
    releases.add_argument(
        "--releases-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="where releases/ and current live (default: folders.releases_dir of the settings)",
    )
    add_config_argument(releases)

    install = actions.add_parser("install", parents=[releases], help="verify a bundle and make it the current release")
    install.add_argument("bundle", type=Path, metavar="BUNDLE.zip")
    key = install.add_mutually_exclusive_group()
    key.add_argument(
        "--public-key",
        metavar="B64",
        help="only install bundles signed with this key (default: content_updates.public_key of the settings)",
    )
    key.add_argument("--public-key-file", type=Path, metavar="FILE", help="the same, read from a .pub file")
    install.add_argument(
        "--max-mb",
        type=_count(1, 100_000),
        default=None,
        metavar="N",
        help="refuse bundles that unpack to more (default: content_updates.max_bundle_mb)",
    )
    install.add_argument(
        "--keep",
        type=_count(2, 1000),
        default=None,
        metavar="N",
        help="releases kept, including the current one (default: content_updates.keep_releases)",
    )
    install.add_argument(
        "--allow-older",
        action="store_true",
        help="install even when the bundle's version is older than the current release's (refused otherwise)",
    )
    install.set_defaults(func=_run(_install, settings=True))

    back = actions.add_parser("rollback", parents=[releases], help="make the previous release current again")
    back.set_defaults(func=_run(_rollback, settings=True))

    listing = actions.add_parser(
        "list",
        parents=[releases],
        help="the releases, last on screen first; * marks the current one, < the previous one",
    )
    listing.set_defaults(func=_run(_list, settings=True))
