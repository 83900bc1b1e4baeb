"""Loudness of reading aloud (pure Python, no Qt): a WAV file's 16-bit samples scaled by the volume setting before
they go to the sound output, so recordings and synthesised speech follow the same setting."""

from __future__ import annotations

import io
import sys
import wave
from array import array
from pathlib import Path

from kiosk.safe_read import MAX_AUDIO_BYTES, read_regular


def scaled_wav(path: Path, volume_percent: int) -> bytes:
    """The WAV file at ``path`` with its samples at ``volume_percent`` (0..100) of their loudness."""
    with wave.open(io.BytesIO(read_regular(path, MAX_AUDIO_BYTES)), "rb") as source:
        params = source.getparams()
        frames = source.readframes(params.nframes)
    if params.sampwidth != 2:
        raise ValueError(f"{path}: {params.sampwidth * 8}-bit sound; only 16-bit PCM is played")
    samples = array("h")
    samples.frombytes(frames)
    if sys.byteorder == "big":
        samples.byteswap()
    factor = max(0, min(100, volume_percent)) / 100
    if factor < 1:
        samples = array("h", (int(s * factor) for s in samples))
    if sys.byteorder == "big":
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setparams(params)
        target.writeframes(samples.tobytes())
    return out.getvalue()
