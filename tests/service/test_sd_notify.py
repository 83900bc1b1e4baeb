"""sd_notify without libsystemd: datagrams reach a real socket (path or abstract); no socket, no messages."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.service.sd_notify import Notifier, own_ancestry, watchdog_interval_s


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    """A datagram socket standing in for systemd's, and its NOTIFY_SOCKET address (abstract sockets: see
    tests/qt/service/test_health.py, which runs the watchdog over both kinds)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(tmp_path / "notify"))
    sock.settimeout(2)
    yield sock, str(tmp_path / "notify")
    sock.close()


def test_messages_arrive_on_the_socket_systemd_names(listener) -> None:
    sock, address = listener
    notifier = Notifier.from_environ({"NOTIFY_SOCKET": address})
    assert notifier is not None
    assert notifier.send("READY=1\nSTATUS=showing the attract loop")
    assert notifier.send("WATCHDOG=1")
    assert sock.recv(4096) == b"READY=1\nSTATUS=showing the attract loop"
    assert sock.recv(4096) == b"WATCHDOG=1"
    notifier.close()


@pytest.mark.parametrize("environ", [{}, {"NOTIFY_SOCKET": ""}])
def test_without_notify_socket_there_is_no_notifier(environ) -> None:
    assert Notifier.from_environ(environ) is None


def test_an_address_that_is_no_socket_is_refused_with_one_line(caplog) -> None:
    with caplog.at_level(logging.WARNING, "kiosk.service.sd_notify"):
        assert Notifier.from_environ({"NOTIFY_SOCKET": "tcp:1234"}) is None
    assert "NOTIFY_SOCKET='tcp:1234'" in caplog.text


def test_a_socket_that_is_gone_gives_false_and_one_log_line_never_an_exception(tmp_path: Path, caplog) -> None:
    notifier = Notifier(str(tmp_path / "nobody-listens"))
    with caplog.at_level(logging.WARNING, "kiosk.service.sd_notify"):
        results = [notifier.send("WATCHDOG=1") for _ in range(5)]
    assert results == [False] * 5
    assert len(caplog.records) == 1 and "nobody-listens" in caplog.text


def test_the_watchdog_pings_at_half_the_interval_systemd_gives() -> None:
    environ = {"NOTIFY_SOCKET": "/run/systemd/notify", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}
    assert watchdog_interval_s(environ) == 15.0
    del environ["WATCHDOG_PID"]  # systemd may leave it out: then it is meant for whoever reads it
    assert watchdog_interval_s(environ) == 15.0


def test_watchdog_pid_of_a_parent_counts_as_ours_as_under_cage_or_xinit() -> None:
    environ = {"NOTIFY_SOCKET": "@n", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": str(os.getppid())}
    assert watchdog_interval_s(environ) == 1.0


def test_watchdog_pid_of_an_unrelated_process_means_no_watchdog() -> None:
    parents = {300: 200, 200: 1}
    environ = {"NOTIFY_SOCKET": "@n", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "250"}
    assert watchdog_interval_s(environ, ancestry=lambda: own_ancestry(300, parents.get)) is None
    environ["WATCHDOG_PID"] = "200"
    assert watchdog_interval_s(environ, ancestry=lambda: own_ancestry(300, parents.get)) == 1.0


@pytest.mark.parametrize(
    "environ",
    [
        {"WATCHDOG_USEC": "2000000"},  # no socket to ping
        {"NOTIFY_SOCKET": "@n"},
        {"NOTIFY_SOCKET": "@n", "WATCHDOG_USEC": "0"},
        {"NOTIFY_SOCKET": "@n", "WATCHDOG_USEC": "soon"},
        {"NOTIFY_SOCKET": "@n", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "me"},
    ],
)
@pytest.mark.log_warnings("an unusable WATCHDOG_USEC is logged")
def test_no_watchdog_without_a_usable_interval(environ) -> None:
    assert watchdog_interval_s(environ) is None


def test_the_ancestry_of_this_process_reaches_its_parent() -> None:
    chain = own_ancestry()
    assert chain[:2] == [os.getpid(), os.getppid()]
