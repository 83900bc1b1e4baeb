"""Speech prepared ahead of time (pure Python, no Qt): one WAV file per text, language and voice, made by espeak-ng
(a maintained offline synthesiser from the system's packages) in a background thread when content is adopted, kept
in a cache folder under a hash of voice, language and text. An editor's recording (``audio:`` in the content) is used
instead where there is one.

A tap only looks a file up (:meth:`SpeechCache.sound_for`): nothing is synthesised on the tap's path. A text not
prepared yet has no sound until the preparer gets to it.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from kiosk.accessibility.spoken import Utterance
from kiosk.atomic_file import replace_file
from kiosk.content.text import Language

_log = logging.getLogger(__name__)
SYNTHESISER = "espeak-ng"
SYNTH_TIMEOUT_S = 30.0
Synthesise = Callable[[str, str], bytes]  # (voice, text) -> the bytes of a WAV file


def espeak_ng(voice: str, text: str) -> bytes:
    """``text`` spoken by espeak-ng's ``voice`` as a WAV file (22050 Hz, 16-bit mono). Raises OSError when it cannot."""
    program = shutil.which(SYNTHESISER)
    if program is None:
        raise OSError(f"{SYNTHESISER} is not installed (apt-get install espeak-ng)")
    done = subprocess.run(
        [program, "-v", voice, "--stdout", text],
        capture_output=True,
        timeout=SYNTH_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
        raise OSError(f"{SYNTHESISER} -v {voice} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return done.stdout


class SpeechCache:
    """Where each utterance's sound is: the editor's recording, else the prepared file in ``folder``."""

    def __init__(
        self,
        folder: Path,
        voices: Mapping[Language, str],
        content_dir: Path | None = None,
        synthesise: Synthesise = espeak_ng,
    ):
        self.folder = folder
        self.voices = dict(voices)
        self.content_dir = content_dir
        self._synthesise = synthesise

    def key(self, text: str, language: Language) -> str:
        voice = self.voices[language]
        return hashlib.sha256(f"{SYNTHESISER}\0{voice}\0{language}\0{text}".encode()).hexdigest()[:32]

    def prepared_path(self, text: str, language: Language) -> Path:
        return self.folder / f"{self.key(text, language)}.wav"

    def recording_path(self, utterance: Utterance) -> Path | None:
        if utterance.recording is None or self.content_dir is None:
            return None
        path = self.content_dir / utterance.recording
        return path if path.is_file() else None

    def sound_for(self, utterance: Utterance) -> Path | None:
        """The file to play for ``utterance`` now, or None when it is not prepared (yet). Never synthesises."""
        recorded = self.recording_path(utterance)
        if recorded is not None:
            return recorded
        path = self.prepared_path(utterance.text, utterance.language)
        return path if path.is_file() else None

    def prepare(self, utterance: Utterance) -> bool:
        """Make the file for ``utterance`` unless it has a recording or is made already; True when it made one."""
        if self.recording_path(utterance) is not None:
            return False
        path = self.prepared_path(utterance.text, utterance.language)
        if path.is_file():
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        replace_file(path, self._synthesise(self.voices[utterance.language], utterance.text))
        return True


class SpeechPreparer:
    """Prepares utterances in one background thread, in the order they were added (a screen's texts can be added
    while the content's are still being made); each is made once."""

    def __init__(self, cache: SpeechCache):
        self.cache = cache
        self._lock = threading.Lock()
        self._todo: deque[Utterance] = deque()
        self._seen: set[tuple[str, Language]] = set()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._problem_logged = False
        self.made = 0
        self.failed = 0

    def add(self, utterances: Iterable[Utterance]) -> int:
        """Queue the utterances not queued before; returns how many were new."""
        with self._lock:
            if self._closed:
                return 0
            new = [u for u in utterances if (u.text, u.language) not in self._seen]
            self._seen.update((u.text, u.language) for u in new)
            self._todo.extend(new)
            if new and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(target=self._run, name="speech-preparer", daemon=True)
                self._thread.start()
        return len(new)

    def forget(self) -> None:
        """New content: what was queued before may be made again (a recording may have been added)."""
        with self._lock:
            self._todo.clear()
            self._seen.clear()

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._closed or not self._todo:
                    self._thread = None
                    return
                utterance = self._todo.popleft()
            try:
                self.made += self.cache.prepare(utterance)
            except (OSError, subprocess.SubprocessError) as exc:
                self.failed += 1
                if not self._problem_logged:  # once: the same cause would fill the log
                    _log.warning("reading aloud: cannot prepare speech (%s); texts without it stay silent", exc)
                    self._problem_logged = True

    def wait(self, timeout_s: float | None = None) -> bool:
        """Wait until everything queued is made; True when it is."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
            return not thread.is_alive()
        return True

    def close(self) -> None:
        """Stop after the utterance being made (before the exhibit is taken down)."""
        with self._lock:
            self._closed = True
            self._todo.clear()
            thread = self._thread
        if thread is not None:
            thread.join(SYNTH_TIMEOUT_S)
