"""The resident memory, the ceiling that triggers a clean restart, and the command line of that restart."""

from __future__ import annotations

import gc
import logging
import mmap
import sys
import weakref
from pathlib import Path

import pytest

from kiosk.service.memory import MemoryCeiling, freeze_long_lived, give_back_free_memory, rss_mb
from kiosk.service.restart import reexec, restart_argv


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux")
def test_rss_is_measured_and_grows_with_what_the_process_holds() -> None:
    before = rss_mb()
    assert before is not None and 5 < before < 100_000
    # Fresh pages from the kernel: a bytearray could reuse heap pages that earlier tests left resident.
    block = mmap.mmap(-1, 64 * 1024 * 1024)  # zero pages are only resident once written
    block[::4096] = b"x" * len(block[::4096])
    after = rss_mb()
    assert after is not None and after - before > 50
    block.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc are Linux")
def test_free_heap_pages_are_given_back() -> None:
    blocks = [bytearray(b"x" * 60_000) for _ in range(2000)]  # 120 MB in heap chunks (below mmap's threshold)
    kept = blocks[::20]  # holes between kept chunks: free() alone cannot hand them back
    del blocks
    before = rss_mb()
    assert give_back_free_memory()
    after = rss_mb()
    assert before is not None and after is not None and before - after > 40, (before, after)
    assert len(kept) == 100


class _Node:
    pass


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a  # type: ignore[attr-defined]
    return weakref.ref(a)


def test_what_only_holds_itself_is_freed_when_memory_is_given_back() -> None:
    """A page that went holds itself through its items and their animations: it is freed in idle time, not whenever
    the cycle collector would have come."""
    was = gc.isenabled()
    gc.disable()
    try:
        gone = _cycle()
        assert gone() is not None
        give_back_free_memory()
        assert gone() is None
    finally:
        if was:
            gc.enable()


def test_what_exists_at_start_up_is_frozen_and_what_comes_after_is_still_collected() -> None:
    try:
        kept = _Node()
        freeze_long_lived()
        assert gc.get_freeze_count() > 0 and gc.is_tracked(kept)
        gone = _cycle()
        give_back_free_memory()
        assert gone() is None
    finally:
        gc.unfreeze()


def test_no_proc_means_no_measure(tmp_path: Path) -> None:
    assert rss_mb(tmp_path / "statm") is None


def test_the_ceiling_is_exceeded_only_above_it() -> None:
    used = [1000.0]
    ceiling = MemoryCeiling(1536, rss=lambda: used[0])
    assert ceiling.exceeded() is None
    used[0] = 1536.0
    assert ceiling.exceeded() is None
    used[0] = 1600.5
    assert ceiling.exceeded() == 1600.5


def test_no_ceiling_never_measures() -> None:
    assert MemoryCeiling(None, rss=lambda: pytest.fail("measured")).exceeded() is None


def test_unmeasurable_memory_is_said_once(caplog) -> None:
    ceiling = MemoryCeiling(512, rss=lambda: None)
    with caplog.at_level(logging.WARNING, "kiosk.service.memory"):
        assert [ceiling.exceeded() for _ in range(3)] == [None, None, None]
    assert len(caplog.records) == 1 and "512 MB" in caplog.text and "max_rss_mb" in caplog.text


def test_restart_argv_of_a_frozen_bundle_is_the_executable_with_the_same_arguments() -> None:
    argv = restart_argv(
        executable="/opt/exhibit/kiosk", argv=["kiosk", "run", "--windowed"], frozen=True, orig_argv=["ignored"]
    )
    assert argv == ["/opt/exhibit/kiosk", "run", "--windowed"]


def test_restart_argv_from_source_keeps_the_interpreter_options_and_module() -> None:
    argv = restart_argv(
        executable="/venv/bin/python", orig_argv=["python3", "-X", "dev", "-m", "kiosk", "run"], frozen=False
    )
    assert argv == ["/venv/bin/python", "-X", "dev", "-m", "kiosk", "run"]


def test_restart_argv_of_this_process_starts_with_this_interpreter() -> None:
    assert restart_argv()[0] == sys.executable
    assert restart_argv()[1:] == sys.orig_argv[1:]


def test_reexec_runs_the_command_and_a_failure_is_logged_not_raised(caplog) -> None:
    calls = []
    reexec(["/bin/kiosk", "run"], execv=lambda path, args: calls.append((path, args)))
    assert calls == [("/bin/kiosk", ["/bin/kiosk", "run"])]

    def refuse(path: str, args: list[str]) -> None:
        raise FileNotFoundError(2, "No such file", path)

    with caplog.at_level(logging.ERROR, "kiosk.service.restart"):
        reexec(["/gone/kiosk"], execv=refuse)
    assert "could not restart" in caplog.text and "/gone/kiosk" in caplog.text


def test_self_restarts_are_counted_in_the_environment_the_next_program_inherits() -> None:
    from kiosk.service.restart import RESTARTS_ENV, count_self_restart, self_restarts

    environ: dict[str, str] = {}
    assert self_restarts(environ) == 0
    count_self_restart(environ)
    count_self_restart(environ)
    assert environ == {RESTARTS_ENV: "2"} and self_restarts(environ) == 2
    assert self_restarts({RESTARTS_ENV: "garbage"}) == 0
