"""The per-user folders come from platformdirs, which reads the process environment: tests that check them give it
a made-up user."""

from __future__ import annotations

import pytest

USER_HOME = "/home/ops"
PER_USER_VARIABLES = ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME")


@pytest.fixture
def user_home(monkeypatch: pytest.MonkeyPatch) -> str:
    """``HOME`` is ``/home/ops`` and no XDG variable is set, whatever the machine running the tests has."""
    monkeypatch.setenv("HOME", USER_HOME)
    for name in PER_USER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return USER_HOME
