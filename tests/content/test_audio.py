"""Recordings (``audio:`` on a text) are checked like images: inside the content folder, there, a regular file, and
a WAV the exhibit can play (16-bit PCM); each problem with file, line, key and what to do."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from kiosk.content.loader import load_content

from .fixtures import PILLAR, edit, write_content

WITH_AUDIO = edit(PILLAR, "lead: {zh: 引言}", "lead: {zh: 引言, audio: {zh: audio/lead-zh.wav}}")


def _errors(content: Path) -> list[str]:
    return [str(e) for e in load_content(content).errors]


def _wav(path: Path, width: int = 2, frames: int = 100) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(width)
        out.setframerate(22050)
        out.writeframes(b"\0" * width * frames)


def test_a_recording_that_is_there_is_taken(tmp_path: Path) -> None:
    content = write_content(tmp_path, pillar=WITH_AUDIO)
    _wav(content / "audio" / "lead-zh.wav")
    result = load_content(content)
    assert result.ok, result.errors
    assert result.content is not None
    lead = result.content.pillars[0].lead
    assert lead.recording("zh") == "audio/lead-zh.wav"
    assert lead.recording("en") == "audio/lead-zh.wav"  # no English text: the Chinese is shown and heard


def test_a_missing_recording_is_an_error_with_its_line(tmp_path: Path) -> None:
    content = write_content(tmp_path, pillar=WITH_AUDIO)
    [error] = _errors(content)
    assert error.endswith(
        "content/pillars/1.yaml:7:30: pillar.lead.audio.zh: the recording 'audio/lead-zh.wav' does not exist "
        "(check the file name, or remove 'audio:')"
    )
    relaxed = load_content(content, strict_assets=False)
    assert relaxed.ok and len(relaxed.warnings) == 1


@pytest.mark.parametrize(
    ("write", "problem"),
    [
        (lambda p: p.write_bytes(b"not a wave file at all"), "is not a WAV recording"),
        (lambda p: _wav(p, width=1), "is 8-bit with 1 channels, not 16-bit mono or stereo"),
        (lambda p: _wav(p, frames=0), "holds no sound"),
    ],
)
def test_a_file_that_is_no_playable_recording_is_refused(tmp_path: Path, write, problem: str) -> None:
    content = write_content(tmp_path, pillar=WITH_AUDIO)
    (content / "audio").mkdir()
    write(content / "audio" / "lead-zh.wav")
    [error] = _errors(content)
    assert "pillar.lead.audio.zh: the recording 'audio/lead-zh.wav' " + problem in error
    assert error.endswith("(save it as a 16-bit PCM WAV file (mono, 22050 or 44100 Hz), or remove it)")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../x.wav", "must stay inside the content folder; remove '..'"),
        ("/tmp/x.wav", "must be a path relative to the content folder, written with '/', e.g. 'audio/ship-zh.wav'"),
        ("audio/x.mp3", "must be a recording ending in .wav"),
    ],
)
def test_recording_paths_stay_inside_the_folder(tmp_path: Path, path: str, message: str) -> None:
    broken = edit(PILLAR, "lead: {zh: 引言}", f"lead: {{zh: 引言, audio: {{zh: {path}}}}}")
    [error] = _errors(write_content(tmp_path, pillar=broken))
    assert error.endswith(f"pillar.lead.audio.zh: {message}")
