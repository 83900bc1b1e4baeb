"""Ed25519 keys and signatures of ``manifest.json``.

Key files (``kiosk bundle keygen``): ``bundle-signing.key`` is the private key as unencrypted PKCS#8 PEM, readable
by its owner only (0600) — keep it off the exhibit; ``bundle-signing.pub`` is one line: base64 of the 32 raw
public-key bytes, pasted into the settings file as ``content_updates.public_key``. ``manifest.sig`` in a bundle is
one line: base64 of the 64-byte signature of the exact bytes of ``manifest.json``.
"""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.safe_read import MAX_KEY_BYTES, FileRefused, read_regular
from kiosk.service.bundle.errors import BundleError

PRIVATE_KEY_NAME = "bundle-signing.key"
PUBLIC_KEY_NAME = "bundle-signing.pub"


def write_key_pair(out_dir: Path) -> tuple[Path, Path]:
    """Make a new key pair in ``out_dir``; never overwrites an existing key. Returns (private, public) paths."""
    out_dir = Path(out_dir)
    private_path, public_path = out_dir / PRIVATE_KEY_NAME, out_dir / PUBLIC_KEY_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise BundleError(f"{path}: already exists; move it away first (bundles signed with it need it)")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    raw_public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _write_new(private_path, pem, 0o600)
        _write_new(public_path, base64.b64encode(raw_public) + b"\n", 0o644)
    except OSError as exc:
        raise BundleError(f"{out_dir}: cannot write the key files: {exc.strerror or exc}") from None
    return private_path, public_path


def _write_new(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(read_regular(Path(path), MAX_KEY_BYTES), password=None)
    except OSError as exc:
        raise BundleError(f"{path}: cannot read the signing key: {exc.strerror or exc}") from None
    except FileRefused as exc:
        raise BundleError(f"{path}: {exc.reason}; give the key file made by 'kiosk bundle keygen'") from None
    except (ValueError, TypeError) as exc:
        raise BundleError(
            f"{path}: not an unencrypted PEM private key ({exc}); make one with 'kiosk bundle keygen'"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise BundleError(f"{path}: not an Ed25519 key; make one with 'kiosk bundle keygen'")
    return key


def parse_public_key(text: str, where: str = "public key") -> bytes:
    """The 32 raw bytes of a base64 public key (the one line of ``bundle-signing.pub``)."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise BundleError(
            f"{where}: not an Ed25519 public key (expected base64 of 32 bytes, the one line of {PUBLIC_KEY_NAME})"
        )
    return raw


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    """The signature file's bytes: one line of base64."""
    return base64.b64encode(key.sign(data)) + b"\n"


def signature_matches(public_key: bytes, data: bytes, signature_file: bytes) -> bool:
    try:
        signature = base64.b64decode(signature_file.strip(), validate=True)
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (binascii.Error, ValueError, InvalidSignature):
        return False
    return True
