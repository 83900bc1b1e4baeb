"""``kiosk`` command line: validate, schema, run, render, config, set-pin, bundle, bench, analytics.

An unexpected error ends the command with one plain message for the person at the keyboard, and its full traceback
goes to the log (the ``kiosk`` logger: kiosk.log when file logging is on, else stderr), for the bug report."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.accessibility.choices import MODES, mode_choices
from kiosk.commands.analytics import register as register_analytics_commands
from kiosk.commands.bench import register as register_bench_command
from kiosk.commands.bundle import register as register_bundle_commands
from kiosk.commands.settings import register as register_config_commands
from kiosk.commands.settings_args import add_config_argument, add_run_flags, load_from_args, print_errors, run_overrides
from kiosk.content.loader import load_content
from kiosk.content.model import Content
from kiosk.content.schema import content_schema_json
from kiosk.content.validated_cache import FILE_NAME as CONTENT_CACHE_FILE
from kiosk.content.validated_cache import load_validated
from kiosk.errors import display_path
from kiosk.exit_codes import ExitCode
from kiosk.paths import default_content_dir
from kiosk.safe_read import MAX_TEXT_BYTES, FileRefused, read_regular
from kiosk.service.instance_lock import AlreadyRunning, acquire_instance_lock

_log = logging.getLogger(__name__)


def _cmd_validate(args: argparse.Namespace) -> int:
    article = None
    if args.article is not None:
        try:
            article = read_regular(Path(args.article), MAX_TEXT_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError, FileRefused) as exc:
            print(f"{args.article}: cannot read the article: {exc}", file=sys.stderr)
            return ExitCode.INVALID
    result = load_content(args.content_dir, strict_assets=True, article_text=article)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    shown = display_path(args.content_dir)
    if not result.ok:
        for error in result.errors:
            print(error, file=sys.stderr)
        files = len({e.path for e in result.errors})
        print(f"{shown}: {len(result.errors)} error(s) in {files} file(s); nothing was changed", file=sys.stderr)
        return ExitCode.INVALID
    assert result.content is not None
    if args.layout:
        from kiosk.qt.proof.layout_check import layout_problems  # Qt is needed to measure text

        modes = tuple(MODES) if "all" in (args.mode or []) else tuple(args.mode or ["default"])
        report = layout_problems(result, args.content_dir, modes=modes)
        for note in report.notes:
            print(f"note: {note}")
        for problem in report.problems:
            print(problem, file=sys.stderr)
        if report.problems:
            print(
                f"{shown}: {len(report.problems)} text(s) do not fit or break the typesetting rules; nothing was "
                "changed",
                file=sys.stderr,
            )
            return ExitCode.INVALID
    checked = (
        ", and every text fits and is typeset by the rules at 1920x1080, 3840x2160 and 1080x1920" if args.layout else ""
    )
    print(f"{shown}: OK — {result.content.summary()} ({len(result.files)} files){checked}")
    return ExitCode.OK


def _cmd_schema(args: argparse.Namespace) -> int:
    text = content_schema_json()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return ExitCode.OK


def _cmd_run(args: argparse.Namespace) -> int:
    loaded = load_from_args(args, run_overrides(args))
    if not loaded.ok:
        print_errors(loaded, "the exhibit was not started")
        return ExitCode.INVALID
    settings = loaded.settings
    assert settings is not None
    state_dir = settings.folders.state_dir
    assert state_dir is not None  # loading resolves the folder (the settings file or a default)
    # Before anything else (logs, Qt, a window): a second exhibit on the same folder ends here and touches nothing.
    try:
        instance = acquire_instance_lock(state_dir)
    except AlreadyRunning as exc:
        print(f"kiosk: {exc}; the exhibit was not started", file=sys.stderr)
        return ExitCode.INVALID
    with instance:
        exhibit = settings.exhibit
        content_dir = exhibit.content_dir
        assert content_dir is not None  # loading resolves the folder (a flag, the settings file or a default)
        content = _loaded_for_screens(content_dir, "the exhibit was not started", state_dir / CONTENT_CACHE_FILE)
        if content is None:
            return ExitCode.INVALID
        from kiosk.qt.app.run import run_exhibit  # Qt is imported only by the commands that show something

        return run_exhibit(content, settings, config_path=loaded.path if loaded.exists else None)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080") from None
    if not (320 <= width <= 8192 and 320 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 320 and 8192")
    return width, height


def _mode(text: str) -> str:
    """An accessibility mode for --mode: one of MODES, 'all', or several joined by + (large-text+reach)."""
    if text == "all":
        return text
    try:
        mode_choices(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _loaded_for_screens(content_dir: Path, outcome: str, cache: Path | None = None) -> Content | None:
    """The content for showing it (a missing image is only a warning), or None after printing every error;
    ``cache``: where the validated content is kept (the state folder's; None: validated every time)."""
    result = load_validated(content_dir, cache)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not result.ok:
        for error in result.errors:
            print(error, file=sys.stderr)
        print(f"{display_path(content_dir)}: {len(result.errors)} error(s); {outcome}", file=sys.stderr)
        return None
    return result.content


def _cmd_render(args: argparse.Namespace) -> int:
    content = _loaded_for_screens(args.content, "nothing was rendered")
    if content is None:
        return ExitCode.INVALID
    from kiosk.qt.proof.render import SIZES, render  # Qt is imported only by the commands that draw
    from kiosk.qt.proof.render_staff import OPERATOR_SHOTS

    languages = list(content.exhibit.languages) if args.lang == "all" else [args.lang]
    sizes = args.size or list(SIZES)
    modes = list(MODES) if "all" in (args.mode or []) else (args.mode or ["default"])
    written = render(content, args.content, args.out, sizes, languages, staff_shots=OPERATOR_SHOTS, modes=modes)
    print(f"wrote {len(written)} files to {display_path(args.out)}")
    return ExitCode.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Guangzhou Sci-Tech touchscreen exhibit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check the content folder and report every problem")
    validate.add_argument(
        "content_dir",
        nargs="?",
        type=Path,
        default=default_content_dir(),
        help="content folder (default: the shipped content)",
    )
    validate.add_argument(
        "--article", metavar="FILE", help="also check that every 'source:' is word for word in this article text"
    )
    validate.add_argument(
        "--layout",
        action="store_true",
        help="also lay out every screen at 1920x1080 and 1080x1920 in each language and report "
        "any text that does not fit",
    )
    validate.add_argument(
        "--mode",
        type=_mode,
        action="append",
        metavar="MODE",
        help=f"with --layout: lay the screens out in an accessibility mode ({', '.join(MODES)}, or several at once "
        "joined by +, e.g. large-text+reach; 'all' for each one); repeat for several",
    )
    validate.set_defaults(func=_cmd_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of a content file")
    schema.add_argument("--out", metavar="FILE", help="write it to FILE instead of printing it")
    schema.set_defaults(func=_cmd_schema)

    run = commands.add_parser("run", help="show the exhibit (settings from the settings file; flags override it)")
    add_config_argument(run)
    add_run_flags(run)
    run.set_defaults(func=_cmd_run)

    render = commands.add_parser("render", help="write a PNG of every screen, offscreen, to proof the content")
    render.add_argument("--content", type=Path, default=default_content_dir(), metavar="DIR")
    render.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the pictures")
    render.add_argument(
        "--size",
        type=_size,
        action="append",
        metavar="WxH",
        help="screen size; repeat for several (default: 1920x1080, 3840x2160 and 1080x1920)",
    )
    render.add_argument("--lang", choices=("zh", "en", "all"), default="all")
    render.add_argument(
        "--mode",
        type=_mode,
        action="append",
        metavar="MODE",
        help=f"also (or only) in an accessibility mode ({', '.join(MODES)}, or several at once joined by +, e.g. "
        "large-text+reach), into WxH/LANG-MODE/; repeat for several, 'all' for every one (default: default)",
    )
    render.set_defaults(func=_cmd_render)

    register_config_commands(commands)
    register_bundle_commands(commands)
    register_bench_command(commands)
    register_analytics_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage and what is wrong (status 2), or the help (0)
        return ExitCode.INVALID if exc.code else ExitCode.OK
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except Exception as exc:  # the last line of defence: a message, and the traceback in the log
        _log.exception("internal error in 'kiosk %s'", args.command)
        print(f"kiosk: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("kiosk: this is a bug in the exhibit software, not in your content; please report it", file=sys.stderr)
        return ExitCode.INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
