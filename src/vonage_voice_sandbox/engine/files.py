"""The files a sandbox serves at ``/v1/files/{id}``: recordings (real audio) and transcripts (JSON).

A recording is kept as what to encode (format, seconds, channels) and encoded the first time it is needed, by the
caller, off the event loop (:meth:`FileStore.materialise` is blocking: the web face and the deliverer run it in a
thread). Audio is a quiet 440 Hz tone at 8 kHz, 16-bit, for the recorded duration on the sandbox's clock; stereo
for a ``split`` recording. Encoded with libsndfile (``soundfile``, in the ``sandbox`` extra): mp3, wav or ogg
(Vorbis), as the record action's ``format`` asks. At most ``Limits.max_files`` files are kept (the oldest forgotten
first) and a recording holds at most ``Limits.max_recording_seconds`` seconds of audio.
"""

from __future__ import annotations

import io
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["FORMATS", "FileStore", "StoredFile", "encode"]

SAMPLE_RATE: Final = 8000
TONE_HZ: Final = 440.0
TONE_LEVEL: Final = 0.05
BLOCK_FRAMES: Final = 10 * SAMPLE_RATE
# record `format` -> (libsndfile format, subtype, Content-Type)
FORMATS: Final = {
    "mp3": ("MP3", "MPEG_LAYER_III", "audio/mpeg"),
    "wav": ("WAV", "PCM_16", "audio/wav"),
    "ogg": ("OGG", "VORBIS", "audio/ogg"),
}


@dataclass
class StoredFile:
    file_id: str
    call_uuid: str
    content_type: str
    data: bytes | None = None  # None until encoded
    format: str | None = None  # a recording's: mp3, wav, ogg
    seconds: float = 0.0
    channels: int = 1


def encode(fmt: str, seconds: float, channels: int) -> bytes:
    """``seconds`` of a quiet tone as an audio file in ``fmt`` (blocking: run it off the event loop)."""
    import numpy as np
    import soundfile

    container, subtype, _ = FORMATS[fmt]
    frames = round(seconds * SAMPLE_RATE)
    out = io.BytesIO()
    with soundfile.SoundFile(out, "w", SAMPLE_RATE, channels, subtype, format=container) as sink:
        for start in range(0, frames, BLOCK_FRAMES):  # in blocks: two hours take no more memory than ten seconds
            count = min(BLOCK_FRAMES, frames - start)
            tone = TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * np.arange(start, start + count) / SAMPLE_RATE)
            sink.write(np.repeat(tone[:, None], channels, axis=1).astype(np.float32))
    return out.getvalue()


class FileStore:
    """The last ``max_files`` files by id; thread-safe (encoding runs in worker threads)."""

    def __init__(self, max_files: int, max_seconds: int) -> None:
        self.max_files, self.max_seconds = max_files, max_seconds
        self._files: OrderedDict[str, StoredFile] = OrderedDict()
        self._lock = threading.Lock()

    def add_recording(self, call_uuid: str, fmt: str, seconds: float, channels: int) -> StoredFile:
        fmt = fmt if fmt in FORMATS else "mp3"
        seconds = max(0.0, min(seconds, float(self.max_seconds)))
        stored = StoredFile(str(uuid.uuid4()), call_uuid, FORMATS[fmt][2], None, fmt, seconds, channels)
        return self._add(stored)

    def add_document(self, call_uuid: str, content_type: str, data: bytes) -> StoredFile:
        return self._add(StoredFile(str(uuid.uuid4()), call_uuid, content_type, data))

    def get(self, file_id: str) -> StoredFile | None:
        with self._lock:
            return self._files.get(file_id)

    def materialise(self, file_id: str) -> bytes | None:
        """The file's bytes, encoding it first if needed (blocking); None for an unknown id."""
        stored = self.get(file_id)
        if stored is None:
            return None
        if stored.data is None and stored.format is not None:
            stored.data = encode(stored.format, stored.seconds, stored.channels)  # same bytes if two threads race
        return stored.data or b""

    def clear(self) -> None:
        with self._lock:
            self._files.clear()

    def _add(self, stored: StoredFile) -> StoredFile:
        with self._lock:
            self._files[stored.file_id] = stored
            while len(self._files) > self.max_files:
                self._files.popitem(last=False)
        return stored


def file_id_of(url: Any) -> str | None:
    """The id at the end of a ``recording_url`` or ``transcription_url``."""
    if not isinstance(url, str) or "/v1/files/" not in url:
        return None
    return url.rsplit("/", 1)[-1] or None
