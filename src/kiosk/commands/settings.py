"""``kiosk config`` (print the effective settings, or an example file) and ``kiosk set-pin``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kiosk.commands.settings_args import add_config_argument, add_run_flags, load_from_args, print_errors, run_overrides
from kiosk.errors import display_path
from kiosk.exit_codes import ExitCode
from kiosk.settings.folders import config_file
from kiosk.settings.load import load_settings
from kiosk.staff.pin_hash import hash_pin, pin_problem

# The settings report and the round-trip YAML writer (ruamel) are imported by the commands that use them: not on
# the exhibit's start-up path.


def _cmd_config(args: argparse.Namespace) -> int:
    from kiosk.settings.report import example_text, settings_lines

    if args.example:
        sys.stdout.write(example_text())
        return ExitCode.OK
    loaded = load_from_args(args, run_overrides(args))
    if not loaded.ok:
        print_errors(loaded, "fix them and try again")
        return ExitCode.INVALID
    print("\n".join(settings_lines(loaded)))
    return ExitCode.OK


def _read_pin(from_stdin: bool) -> str | None:
    """The new PIN, typed twice without echo (or one line of stdin); None after a message when it is unusable."""
    try:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        first = getpass.getpass("New operator PIN (4 to 12 digits): ")
        problem = pin_problem(first)
        if problem:
            print(f"set-pin: {problem}; nothing was changed", file=sys.stderr)
            return None
        if getpass.getpass("The same PIN again: ") != first:
            print("set-pin: the two PINs are different; nothing was changed", file=sys.stderr)
            return None
        return first
    except EOFError:
        print("set-pin: no PIN was given; nothing was changed", file=sys.stderr)
        return None


def _cmd_set_pin(args: argparse.Namespace) -> int:
    path = config_file(args.config, os.environ, sys.platform).path
    shown = display_path(path)
    pin = _read_pin(args.pin_stdin)
    if pin is None:
        return ExitCode.INVALID
    problem = pin_problem(pin)
    if problem:
        print(f"set-pin: {problem}; nothing was changed", file=sys.stderr)
        return ExitCode.INVALID
    if args.print_hash:  # for an inventory (packaging/ansible): the hash only, no settings file touched
        print(hash_pin(pin))
        return ExitCode.OK
    from kiosk.settings.pin_file import PinFileError, store_pin_hash

    try:
        created = store_pin_hash(path, hash_pin(pin))
    except PinFileError as exc:
        print(f"{shown}: cannot store the PIN: {exc}; nothing was changed", file=sys.stderr)
        return ExitCode.INVALID
    except OSError as exc:
        print(
            f"{shown}: cannot write the settings file: {exc.strerror or exc} (run this as a user who may change "
            "it, e.g. with sudo, or give another file with --config); nothing was changed",
            file=sys.stderr,
        )
        return ExitCode.INVALID
    print(
        f"{shown}: operator PIN {'stored in a new settings file' if created else 'changed'} (only a salted "
        "hash is kept); restart the exhibit to use it"
    )
    loaded = load_settings(path)
    if not loaded.ok:
        print_errors(loaded, "the exhibit will not start until they are fixed")
    return ExitCode.OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``config`` and ``set-pin`` to the ``kiosk`` parser."""
    config = commands.add_parser(
        "config", help="show the effective settings and where each came from, or print an example settings file"
    )
    shown = config.add_mutually_exclusive_group()
    shown.add_argument(
        "--print",
        action="store_true",
        help="every effective setting with its source: default, FILE:LINE or a flag (the default)",
    )
    shown.add_argument(
        "--example", action="store_true", help="a complete settings file with every default and a comment for each key"
    )
    add_config_argument(config)
    run_flags = config.add_argument_group("run flags", "what 'kiosk run' with these flags would use")
    add_run_flags(run_flags)
    config.set_defaults(func=_cmd_config)

    set_pin = commands.add_parser("set-pin", help="set the operator panel's PIN (stored as a salted hash)")
    add_config_argument(set_pin)
    set_pin.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from one line of standard input instead of asking twice"
    )
    set_pin.add_argument(
        "--print-hash",
        action="store_true",
        help="print the PIN's salted hash instead of storing it (for kiosk_pin_hash in an Ansible inventory)",
    )
    set_pin.set_defaults(func=_cmd_set_pin)
