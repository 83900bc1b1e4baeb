"""``kiosk bench``: how fast the exhibit answers a finger and how smoothly it moves, at each screen size, offscreen
and (when an X server can be had) in a real window, its memory over many screen changes and its start-up — with
``--peer chromium`` beside a web kiosk doing the same on the same machine, in the same run. Figures only: it asserts
nothing, and every measurement runs in a process of its own (a clean start, its own memory)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.exit_codes import ExitCode
from kiosk.paths import default_content_dir


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080") from None
    return width, height


def register(commands: Any) -> None:
    bench = commands.add_parser("bench", help="measure tap latency, frame times, memory and start-up (figures only)")
    bench.add_argument("--size", type=_size, action="append", metavar="WxH", help="default: 1920x1080 and 3840x2160")
    bench.add_argument("--rounds", type=int, default=2, help="walks through every screen change per size (2)")
    bench.add_argument("--changes", type=int, default=1000, help="screen changes for the memory curve (1000)")
    bench.add_argument("--attract-s", type=float, default=8.0, help="seconds of attract loop per round (8)")
    bench.add_argument(
        "--window",
        choices=("auto", "yes", "no"),
        default="auto",
        help="also in a real X window (auto: when Xvfb or a display is there)",
    )
    bench.add_argument("--peer", choices=("none", "chromium"), default="none", help="also run the web-kiosk pages")
    bench.add_argument("--peer-dir", type=Path, default=None, help="the peer pages (default: ../shared/peer)")
    bench.add_argument(
        "--renderer", choices=("auto", "raster", "opengl"), default="auto", help="how the real window is drawn"
    )
    bench.add_argument("--start-runs", type=int, default=3, help="cold starts per size (3)")
    bench.add_argument("--content", type=Path, default=default_content_dir(), metavar="DIR")
    bench.add_argument("--child", choices=("walk", "memory", "start"), help=argparse.SUPPRESS)
    bench.add_argument("--state-dir", type=Path, default=None, help=argparse.SUPPRESS)  # the run's own state folder
    bench.add_argument("--every", type=int, default=None, help=argparse.SUPPRESS)  # memory: idle and read every N
    bench.set_defaults(func=_cmd_bench)


def _cmd_bench(args: argparse.Namespace) -> int:
    if args.child:
        return _child(args)
    from kiosk.qt.bench.report import run_bench  # figures and peers: no Qt in this process

    return run_bench(args)


def _child(args: argparse.Namespace) -> int:
    from kiosk.qt.bench import session  # Qt only in the measuring processes

    size = args.size[0]
    result: object
    if args.child == "walk":
        result = session.walk(size, args.content, args.rounds, args.attract_s, args.renderer, args.state_dir)
    elif args.child == "memory":
        every = args.every or max(1, args.changes // 10)
        result = session.memory(size, args.content, args.changes, every, args.state_dir)
    else:
        result = session.start_up(size, args.content, args.state_dir)
    print("BENCH " + json.dumps(result))
    return ExitCode.OK
