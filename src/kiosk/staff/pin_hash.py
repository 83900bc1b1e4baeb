"""The operator PIN, stored only as a salted scrypt hash: ``scrypt$n$r$p$salt_hex$hash_hex``."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
MIN_DIGITS, MAX_DIGITS = 4, 12


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be an operator PIN, or None when it can."""
    if not pin.isascii() or not pin.isdigit():
        return "a PIN is digits only (0-9)"
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"a PIN has {MIN_DIGITS} to {MAX_DIGITS} digits"
    if len(set(pin)) == 1:
        return "a PIN of one repeated digit is too easy to guess"
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A new salted hash of ``pin`` for the settings file (raises ValueError for an unusable PIN)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P)
    return f"{SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` is not a PIN hash this module wrote, or None when it is one."""
    try:
        _parse(stored)
    except ValueError as exc:
        return str(exc)
    return None


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored`` (constant-time compare); False for a malformed hash."""
    try:
        n, r, p, salt, expected = _parse(stored)
    except ValueError:
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_HASH_BYTES, maxmem=64 * 1024 * 1024)


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) != 6 or parts[0] != SCHEME:
        raise ValueError("not a PIN hash made by 'kiosk set-pin' (expected scrypt$N$r$p$salt$hash)")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        raise ValueError("the PIN hash is damaged: run 'kiosk set-pin' again") from None
    if not (
        2 <= n <= 2**20
        and n & (n - 1) == 0
        and 1 <= r <= 32
        and 1 <= p <= 16
        and len(salt) >= 8
        and len(digest) == _HASH_BYTES
    ):
        raise ValueError("the PIN hash has impossible parameters: run 'kiosk set-pin' again")
    return n, r, p, salt, digest
