"""``kiosk analytics report|export``: the visitor analytics of this exhibit as a report page and CSV files.

The database is ``<state_dir>/analytics.sqlite3`` of the settings (``--database`` names another, e.g. a copy);
it is opened read-only, so a running exhibit goes on recording while a report is made.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.commands.settings_args import add_config_argument, load_from_args, print_errors
from kiosk.errors import display_path
from kiosk.exit_codes import ExitCode
from kiosk.paths import default_assets_dir
from kiosk.qt.foundations.fonts import MAX_FONT_BYTES
from kiosk.safe_read import FileRefused, read_regular

if TYPE_CHECKING:  # the analytics are imported by the commands that use them: not on every command's start-up
    from kiosk.analytics.store import AnalyticsStore
    from kiosk.analytics.tables import Period, Table

FONT = "NotoSansSC-Regular.otf"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-01") from None


def _database(args: argparse.Namespace) -> Path | None:
    if args.database is not None:
        return Path(args.database)
    loaded = load_from_args(args)
    if not loaded.ok:
        print_errors(loaded, "no report was made")
        return None
    assert loaded.settings is not None and loaded.settings.folders.state_dir is not None
    from kiosk.analytics.store import FILE_NAME

    return loaded.settings.folders.state_dir / FILE_NAME


def _period(args: argparse.Namespace, store: AnalyticsStore) -> Period | str:
    from kiosk.analytics.tables import Period, recorded_period

    recorded = recorded_period(store.connection)
    today = datetime.now().date()
    first = args.first or (recorded.first if recorded else today)
    last = args.last or (max(recorded.last, first) if recorded else max(today, first))
    if first > last:
        return f"--from {first} is after --to {last}: give the first day, then the last"
    if (last - first).days > 3660:
        return f"--from {first} --to {last} is more than ten years; choose a shorter period"
    return Period(first, last)


def _open(args: argparse.Namespace) -> tuple[AnalyticsStore, Period] | None:
    path = _database(args)
    if path is None:
        return None
    from kiosk.analytics.store import AnalyticsStore, AnalyticsUnavailable

    try:
        store = AnalyticsStore.open(path, read_only=True)
        period = _period(args, store)
    except AnalyticsUnavailable as exc:
        print(f"kiosk analytics: {exc}", file=sys.stderr)
        return None
    if isinstance(period, str):
        store.close()
        print(f"kiosk analytics: {period}", file=sys.stderr)
        return None
    return store, period


def _tables(args: argparse.Namespace) -> tuple[dict[str, Table], Period] | None:
    """The report's tables for the period asked for, or None after a message."""
    opened = _open(args)
    if opened is None:
        return None
    store, period = opened
    from kiosk.analytics.tables import all_tables

    try:
        return all_tables(store.connection, period), period
    finally:
        store.close()


def _cmd_report(args: argparse.Namespace) -> int:
    made = _tables(args)
    if made is None:
        return ExitCode.INVALID
    tables, period = made
    font_file = default_assets_dir() / "fonts" / FONT
    try:
        font = read_regular(font_file, MAX_FONT_BYTES)
    except (OSError, FileRefused) as exc:
        reason = exc.reason if isinstance(exc, FileRefused) else exc.strerror or exc
        print(f"{font_file}: the report's font cannot be read: {reason} (reinstall the exhibit)", file=sys.stderr)
        return ExitCode.INVALID
    from kiosk.analytics.report import write_report

    written = write_report(tables, period, args.out, font=font, generated=datetime.now())
    print(f"wrote {display_path(written[0])} and {len(written) - 1} CSV files ({period.first} to {period.last})")
    return ExitCode.OK


def _cmd_export(args: argparse.Namespace) -> int:
    made = _tables(args)
    if made is None:
        return ExitCode.INVALID
    tables, period = made
    folder = args.out / f"visitor-analytics-{period.first}_{period.last}"
    from kiosk.analytics.report import write_csvs

    try:
        written = write_csvs(tables, folder)
    except OSError as exc:
        print(f"{display_path(folder)}: cannot write the CSV files: {exc.strerror or exc}", file=sys.stderr)
        return ExitCode.INVALID
    print(f"wrote {len(written)} CSV files to {display_path(folder)} ({period.first} to {period.last})")
    return ExitCode.OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``analytics report`` and ``analytics export`` to the ``kiosk`` parser."""
    analytics = commands.add_parser("analytics", help="the visitor analytics: a report page, or CSV files")
    actions = analytics.add_subparsers(dest="action", required=True, metavar="ACTION")
    report = actions.add_parser("report", help="write an HTML report with charts, and its tables as CSV files")
    report.set_defaults(func=_cmd_report)
    export = actions.add_parser("export", help="write the tables as CSV files into a folder (e.g. a USB stick)")
    export.set_defaults(func=_cmd_export)
    for parser in (report, export):
        parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write to")
        parser.add_argument(
            "--from", dest="first", type=_date, metavar="DAY", help="first day (default: the first recorded)"
        )
        parser.add_argument(
            "--to", dest="last", type=_date, metavar="DAY", help="last day, included (default: the last recorded)"
        )
        parser.add_argument(
            "--database",
            type=Path,
            metavar="FILE",
            help="the analytics database (default: <state_dir>/analytics.sqlite3)",
        )
        add_config_argument(parser)
