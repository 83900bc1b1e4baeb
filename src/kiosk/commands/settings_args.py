"""Command-line side of the settings: ``--config FILE``, the ``run`` flags that override the file, loading.

Any command that needs the settings adds :func:`add_config_argument` to its parser and calls
:func:`load_from_args`; a command that prints them calls :func:`print_errors` when they are not ok.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from kiosk.settings.folders import config_file
from kiosk.settings.load import LoadedSettings, Override, load_settings
from kiosk.settings.model import field_range

# run flag (argparse dest) → the setting it replaces
RUN_FLAGS: dict[str, tuple[str, str]] = {
    "content": ("exhibit.content_dir", "--content"),
    "windowed": ("exhibit.windowed", "--windowed"),
    "screen": ("exhibit.screen", "--screen"),
    "rotate": ("exhibit.rotate_deg", "--rotate"),
    "lang": ("exhibit.language", "--lang"),
    "reduced_motion": ("exhibit.reduced_motion", "--reduced-motion"),
    "renderer": ("exhibit.renderer", "--renderer"),
    "idle_timeout_s": ("exhibit.idle_timeout_s", "--idle-timeout-s"),
    "attract_slide_s": ("exhibit.attract_slide_s", "--attract-slide-s"),
}


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help="the settings file (default: $KIOSK_CONFIG, else the platform's place; see 'kiosk config --print')",
    )


def _in_range(section: str, key: str, number: type, unit: str) -> Callable[[str], Any]:
    low, high = field_range(section, key)

    def parse(text: str) -> Any:
        try:
            value = number(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a {unit}") from None
        if (low is not None and value < low) or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{text}: must be between {low:g} and {high:g}")
        return value

    return parse


def add_run_flags(parser: argparse._ActionsContainer) -> None:
    """The flags of ``kiosk run``; each given one replaces the settings file's value (absent = None).

    ``parser`` is a parser or one of its argument groups (``kiosk config`` shows them as a group).
    """
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder (default: exhibit.content_dir of the settings)",
    )
    parser.add_argument(
        "--windowed", action="store_true", default=None, help="a normal window with a cursor, for editors"
    )
    parser.add_argument(
        "--screen",
        type=_in_range("exhibit", "screen", int, "screen number"),
        default=None,
        metavar="N",
        help="which screen to fill (0 = the first)",
    )
    parser.add_argument(
        "--rotate",
        type=int,
        default=None,
        choices=(0, 90, 180, 270),
        help="turn the whole UI, for panels mounted in portrait while the system says landscape",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="the language the exhibit starts in and returns to (default: the content's)",
    )
    parser.add_argument(
        "--reduced-motion", action="store_true", default=None, help="numbers and screens appear without animation"
    )
    parser.add_argument(
        "--renderer",
        choices=("auto", "raster", "opengl"),
        default=None,
        help="draw with OpenGL or the CPU (auto: OpenGL only with a hardware driver)",
    )
    parser.add_argument(
        "--idle-timeout-s",
        type=_in_range("exhibit", "idle_timeout_s", float, "number of seconds"),
        default=None,
        metavar="S",
        help="seconds without a touch before the exhibit starts over (default 60; the last "
        "idle_warning_s show a countdown)",
    )
    parser.add_argument(
        "--attract-slide-s",
        type=_in_range("exhibit", "attract_slide_s", float, "number of seconds"),
        default=None,
        metavar="S",
        help="seconds each slide of the attract loop stays (default 7)",
    )


def run_overrides(args: argparse.Namespace) -> list[Override]:
    """The run flags that were given, as overrides of the settings file."""
    return [
        Override(key, getattr(args, dest), flag)
        for dest, (key, flag) in RUN_FLAGS.items()
        if getattr(args, dest, None) is not None
    ]


def load_from_args(
    args: argparse.Namespace,
    overrides: Iterable[Override] = (),
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> LoadedSettings:
    """The effective settings for a command with :func:`add_config_argument`."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    located = config_file(getattr(args, "config", None), environ, platform)
    named = located.reason == "--config"  # a missing file named on the command line is a typo, not "defaults"
    return load_settings(located.path, overrides=overrides, environ=environ, platform=platform, required=named)


def print_errors(loaded: LoadedSettings, outcome: str, stream: TextIO | None = None) -> None:
    """Every error, then one line: which file, how many errors, what did not happen."""
    stream = stream or sys.stderr
    for error in loaded.errors:
        print(error, file=stream)
    print(f"{loaded.shown_path}: {len(loaded.errors)} error(s) in the settings file; {outcome}", file=stream)
