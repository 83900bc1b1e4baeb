"""Fixtures of the bundle tests: a fresh copy of the shipped content, a key pair, a releases folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.service.bundle.signing import parse_public_key, write_key_pair

from .bundle_helpers import copy_content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path)


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, bytes]:
    """(private key file, raw public key)."""
    private, public = write_key_pair(tmp_path / "keys")
    return private, parse_public_key(public.read_text())


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    return tmp_path / "exhibit"
