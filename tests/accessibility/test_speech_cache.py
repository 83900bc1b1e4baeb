"""Speech prepared ahead of time: one file per text, language and voice, made in the background; a tap only looks
files up; an editor's recording wins. The last test makes the real files for the shipped content with espeak-ng."""

from __future__ import annotations

import os
import shutil
import time
import wave
from pathlib import Path

import pytest

from kiosk.accessibility.speech_cache import SpeechCache, SpeechPreparer, espeak_ng
from kiosk.accessibility.spoken import Utterance, content_utterances
from kiosk.accessibility.volume import scaled_wav
from kiosk.content.checks import wav_problem
from kiosk.content.loader import load_content
from kiosk.safe_read import FileRefused

CONTENT = Path(__file__).parents[2] / "content"
VOICES = {"zh": "cmn", "en": "en-gb"}


def fake_wav(voice: str, text: str) -> bytes:
    return b"RIFF" + f"{voice}:{text}".encode()


def test_nothing_is_there_before_it_is_prepared(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path / "speech", VOICES, synthesise=fake_wav)
    hello = Utterance("你好", "zh")
    assert cache.sound_for(hello) is None
    assert cache.prepare(hello)
    path = cache.sound_for(hello)
    assert path is not None and path.read_bytes() == "RIFFcmn:你好".encode()
    assert not cache.prepare(hello)  # made once


def test_the_key_is_voice_language_and_text(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path, VOICES, synthesise=fake_wav)
    other = SpeechCache(tmp_path, {"zh": "zh", "en": "en-us"}, synthesise=fake_wav)
    assert cache.key("Hi", "en") != cache.key("Hi!", "en")
    assert cache.key("Hi", "en") != other.key("Hi", "en")
    assert cache.key("Hi", "en") != cache.key("Hi", "zh")


def test_a_recording_wins_over_speech(tmp_path: Path) -> None:
    (tmp_path / "audio").mkdir()
    recording = tmp_path / "audio" / "title-zh.wav"
    recording.write_bytes(b"RIFF")
    cache = SpeechCache(tmp_path / "speech", VOICES, content_dir=tmp_path, synthesise=fake_wav)
    said = Utterance("标题", "zh", "audio/title-zh.wav")
    assert cache.sound_for(said) == recording
    assert not cache.prepare(said)
    assert not (tmp_path / "speech").exists()


def test_the_preparer_makes_each_file_once_in_the_background(tmp_path: Path) -> None:
    calls: list[str] = []

    def slow(voice: str, text: str) -> bytes:
        calls.append(text)
        time.sleep(0.01)
        return fake_wav(voice, text)

    cache = SpeechCache(tmp_path, VOICES, synthesise=slow)
    preparer = SpeechPreparer(cache)
    started = time.monotonic()
    assert preparer.add([Utterance(str(i), "en") for i in range(20)]) == 20
    assert time.monotonic() - started < 0.15  # add() does not wait for the synthesiser
    assert preparer.add([Utterance("3", "en"), Utterance("new", "en")]) == 1
    assert preparer.wait(10)
    assert sorted(calls) == sorted([str(i) for i in range(20)] + ["new"])
    assert all(cache.sound_for(Utterance(str(i), "en")) is not None for i in range(20))
    preparer.close()


@pytest.mark.log_warnings("the synthesiser fails on purpose")
def test_a_failing_synthesiser_is_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def broken(voice: str, text: str) -> bytes:
        raise OSError("no voice")

    preparer = SpeechPreparer(SpeechCache(tmp_path, VOICES, synthesise=broken))
    preparer.add([Utterance("a", "en"), Utterance("b", "en")])
    assert preparer.wait(10)
    assert preparer.failed == 2
    assert [r.message for r in caplog.records].count(
        "reading aloud: cannot prepare speech (no voice); texts without it stay silent"
    ) == 1


def test_volume_scales_the_samples(tmp_path: Path) -> None:
    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes((10000).to_bytes(2, "little", signed=True) * 4)
    half = tmp_path / "half.wav"
    half.write_bytes(scaled_wav(path, 50))
    with wave.open(str(half), "rb") as back:
        assert int.from_bytes(back.readframes(1), "little", signed=True) == 5000
    assert scaled_wav(path, 100) == path.read_bytes()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is installed by scripts/setup-env")
def test_a_pipe_or_a_broken_file_named_as_a_recording_is_refused_not_waited_on(tmp_path: Path) -> None:
    """A FIFO would block a plain open() for ever; it is refused as not a regular file, by the content check and
    by the player's reader alike. A file that is no WAV says so."""
    fifo = tmp_path / "text.wav"
    os.mkfifo(fifo)
    problem = wav_problem(fifo)
    assert problem is not None and "regular file" in problem
    with pytest.raises(FileRefused):
        scaled_wav(fifo, 100)
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF....WAVEfmt nonsense")
    assert "not a WAV recording" in (wav_problem(broken) or "")


def test_espeak_ng_makes_a_file_for_every_text_of_the_shipped_content(tmp_path: Path) -> None:
    content = load_content(CONTENT).content
    assert content is not None
    utterances = content_utterances(content)
    assert {u.language for u in utterances} == {"zh", "en"}
    cache = SpeechCache(tmp_path, VOICES)
    preparer = SpeechPreparer(cache)
    started = time.monotonic()
    preparer.add(utterances)
    assert preparer.wait(240)
    took = time.monotonic() - started
    missing = [u for u in utterances if cache.sound_for(u) is None]
    assert missing == [] and preparer.failed == 0
    sizes = [p.stat().st_size for p in tmp_path.glob("*.wav")]
    print(f"\n{len(utterances)} texts prepared in {took:.1f} s, {sum(sizes) / 2**20:.1f} MB")
    with wave.open(str(cache.sound_for(utterances[0])), "rb") as made:
        assert made.getsampwidth() == 2 and made.getnframes() > 0


def test_espeak_ng_is_refused_clearly_without_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(OSError, match="espeak-ng is not installed"):
        espeak_ng("en-gb", "hello")
