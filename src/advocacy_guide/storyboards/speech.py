"""Narration spoken by espeak-ng (Debian package, offline, voices for en, fr and es).

Each chunk is synthesised to its own WAV file and trimmed of the silence espeak-ng adds around
it, so that the pauses between chunks are the renderer's own (timeline.Pauses) and every
caption starts when its words start.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

ESPEAK = shutil.which("espeak-ng") or "/usr/bin/espeak-ng"
# espeak-ng's own voices; MBROLA voices are not packaged in Debian's main archive.
DEFAULT_VOICES = {"en": "en-gb", "fr": "fr-fr", "es": "es"}
SILENCE_THRESHOLD = 400  # of 32767: below this a sample is silence for trimming
SILENCE_MARGIN = 0.03  # seconds of silence kept at each end, so no consonant is clipped


class SpeechError(RuntimeError):
    pass


@dataclass(frozen=True)
class Audio:
    """Mono 16-bit PCM samples."""

    samples: array
    rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate


def synthesise(text: str, *, voice: str, speed: int, work_file: Path) -> Audio:
    """Speak `text` with espeak-ng and return its audio, trimmed of leading and trailing silence."""
    text_file = work_file.with_suffix(".txt")
    text_file.write_text(text, encoding="utf-8")
    try:
        completed = subprocess.run(
            [ESPEAK, "-v", voice, "-s", str(speed), "-b", "1", "-f", str(text_file), "-w", str(work_file)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except FileNotFoundError as error:
        raise SpeechError("espeak-ng is not installed: run scripts/system-deps.sh (or apt-get install espeak-ng)") from error
    if completed.returncode != 0 or not work_file.exists():
        raise SpeechError(f"espeak-ng failed with voice '{voice}': {completed.stderr.strip() or completed.returncode}")
    audio = read_wav(work_file)
    if not audio.samples:
        raise SpeechError(f"espeak-ng produced no audio with voice '{voice}' for: {text[:60]}")
    return trim_silence(audio)


def read_wav(path: Path) -> Audio:
    with wave.open(str(path), "rb") as reader:
        if reader.getnchannels() != 1 or reader.getsampwidth() != 2:
            raise SpeechError(f"{path}: expected mono 16-bit audio from espeak-ng")
        frames = reader.readframes(reader.getnframes())
        samples = array("h")
        samples.frombytes(frames)
        return Audio(samples, reader.getframerate())


def write_wav(path: Path, audio: Audio) -> None:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(audio.rate)
        writer.writeframes(audio.samples.tobytes())


def trim_silence(audio: Audio) -> Audio:
    samples = audio.samples
    first = next((index for index, sample in enumerate(samples) if abs(sample) > SILENCE_THRESHOLD), None)
    if first is None:
        return audio
    last = next(index for index in range(len(samples) - 1, -1, -1) if abs(samples[index]) > SILENCE_THRESHOLD)
    margin = int(SILENCE_MARGIN * audio.rate)
    return Audio(samples[max(0, first - margin) : min(len(samples), last + margin + 1)], audio.rate)


def mix(pieces: list[tuple[float, Audio]], duration: float, rate: int) -> Audio:
    """One track of `duration` seconds with each piece starting at its time; silence elsewhere."""
    total = round(duration * rate)
    track = array("h", bytes(2 * total))
    for start, piece in pieces:
        if piece.rate != rate:
            raise SpeechError(f"all narration must share one sample rate ({piece.rate} Hz is not {rate} Hz)")
        offset = round(start * rate)
        end = min(total, offset + len(piece.samples))
        track[offset:end] = piece.samples[: end - offset]
    return Audio(track, rate)


def espeak_version() -> str:
    try:
        completed = subprocess.run([ESPEAK, "--version"], capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        return "missing"
    # "eSpeak NG text-to-speech: 1.51  Data at: ..."
    return completed.stdout.split("Data at")[0].split(":", 1)[-1].strip()
