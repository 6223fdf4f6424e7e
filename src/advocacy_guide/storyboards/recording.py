"""A trainer's recorded narration of a scene, used instead of espeak-ng (storyboards/README.md).

The recording (WAV, FLAC or Opus, next to the storyboard) is decoded by ffmpeg to the
synthesiser's format, so that both mix into one track. Its speech and pauses are found with
ffmpeg's silencedetect; the storyboard's narration, cut into caption chunks as for the
synthesiser, is then spread over the speech: each chunk gets a share of the speaking time in
proportion to its length, and a boundary moves to the nearest pause when one is close, where
a speaker breathes between sentences. Captions so start and end with the words heard.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from advocacy_guide.storyboards.encode import FFMPEG
from advocacy_guide.storyboards.speech import Audio, SpeechError, read_wav
from advocacy_guide.storyboards.timeline import Chunk, RecordedScene

NARRATION_RATE = 22050  # Hz, espeak-ng's: recorded and synthesised scenes share one track
SILENCE_LEVEL = "-35dB"  # quieter than this is a pause (a phone in a quiet room is far below)
MIN_PAUSE = 0.25  # seconds: a shorter dip is inside a word
MIN_SPEECH = 0.08  # seconds: a shorter sound is a click, not speech
# A recording longer than its text read at this pace, plus the margin, is not that text.
SLOWEST_WORDS_PER_MINUTE = 80
LENGTH_MARGIN = 10.0  # seconds
SNAP_TO_PAUSE = 0.35  # of a chunk's share of speech: how far a boundary moves to reach a pause

_SILENCE = re.compile(r"silence_(start|end): (-?[\d.]+)")


class RecordingError(SpeechError):
    pass


@dataclass(frozen=True)
class Recording:
    audio: Audio
    speech: tuple[tuple[float, float], ...]  # (start, end) of each stretch of speech, seconds


def load_recording(path: Path, shown: str, work: Path) -> Recording:
    """Decode `path` (`shown` as the author names it) and find its speech."""
    if not path.is_file():
        raise RecordingError(f"{shown}: the recording is missing: put it next to the storyboard, or remove the 'recording:' line")
    decoded = work / f"recording-{path.stem}.wav"
    completed = _ffmpeg(["-i", str(path), "-vn", "-ac", "1", "-ar", str(NARRATION_RATE), "-c:a", "pcm_s16le", "-f", "wav", str(decoded)])
    if completed.returncode != 0 or not decoded.is_file():
        reason = (completed.stderr.strip().splitlines() or ["no audio"])[-1]
        raise RecordingError(f"{shown}: cannot be read as audio ({reason}): export it again as WAV, FLAC or Opus")
    audio = read_wav(decoded)
    if not audio.samples:
        raise RecordingError(f"{shown}: the recording holds no sound: record the scene again")
    speech = detect_speech(decoded, audio.duration)
    if not speech:
        raise RecordingError(f"{shown}: no speech was found in the recording (it is silent or very quiet): record it again closer to the microphone")
    return Recording(audio, speech)


def detect_speech(path: Path, duration: float) -> tuple[tuple[float, float], ...]:
    """The stretches of `path` louder than SILENCE_LEVEL, found by ffmpeg's silencedetect."""
    completed = _ffmpeg(["-i", str(path), "-af", f"silencedetect=noise={SILENCE_LEVEL}:d={MIN_PAUSE}", "-f", "null", "-"])
    if completed.returncode != 0:
        raise RecordingError(f"{path.name}: ffmpeg could not measure its pauses: {completed.stderr.strip()[-300:]}")
    speech: list[tuple[float, float]] = []
    cursor = 0.0  # where the current stretch of speech began
    events = _SILENCE.findall(completed.stderr)
    for kind, value in events:
        time = max(0.0, min(duration, float(value)))
        if kind == "start":
            speech.append((cursor, time))
        else:
            cursor = time
    if not events or events[-1][0] == "end":  # the recording ends while someone speaks
        speech.append((cursor, duration))
    return tuple((start, end) for start, end in speech if end - start >= MIN_SPEECH)


def check_length(recording: Recording, narration: str, shown: str) -> None:
    """A recording much longer than its scene's text is the wrong file, or mostly silence."""
    words = len(narration.split())
    limit = words / SLOWEST_WORDS_PER_MINUTE * 60 + LENGTH_MARGIN
    if recording.audio.duration > limit:
        raise RecordingError(
            f"{shown}: the recording lasts {recording.audio.duration:.0f} s, much longer than its scene's narration "
            f"({words} words: at most {limit:.0f} s, even read slowly): cut the silence before and after it, "
            "or record only this scene's text"
        )


def place_chunks(chunks: list[Chunk], speech: tuple[tuple[float, float], ...]) -> list[tuple[Chunk, float, float]]:
    """Each chunk's (start, end) in the recording: the speaking time shared out by characters."""
    total = sum(end - start for start, end in speech)
    # Speaking time elapsed at the end of each stretch but the last: where the pauses are.
    pauses, elapsed = [], 0.0
    for start, end in speech[:-1]:
        elapsed += end - start
        pauses.append(elapsed)
    weights = [max(1, len(chunk.text)) for chunk in chunks]
    share = total / len(chunks)
    bounds: list[tuple[float, float]] = []  # (end of one chunk, start of the next), real times
    used = -1
    spoken = 0.0
    for weight in weights[:-1]:
        spoken += total * weight / sum(weights)
        near = [(abs(p - spoken), n) for n, p in enumerate(pauses) if n > used and abs(p - spoken) <= SNAP_TO_PAUSE * share]
        if near:
            used = min(near)[1]
            bounds.append((speech[used][1], speech[used + 1][0]))
        else:
            moment = _real_time(spoken, speech)
            bounds.append((moment, moment))
    starts = [speech[0][0], *(after for _, after in bounds)]
    ends = [*(before for before, _ in bounds), speech[-1][1]]
    return [(chunk, round(start, 3), round(max(end, start + 0.05), 3)) for chunk, start, end in zip(chunks, starts, ends)]


def recorded_scene(recording: Recording, chunks: list[Chunk]) -> RecordedScene:
    return RecordedScene(recording.audio.duration, tuple(place_chunks(chunks, recording.speech)))


def _real_time(spoken: float, speech: tuple[tuple[float, float], ...]) -> float:
    """The moment in the recording when `spoken` seconds of speech have been heard."""
    for start, end in speech:
        if spoken <= end - start:
            return start + spoken
        spoken -= end - start
    return speech[-1][1]


def _ffmpeg(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([FFMPEG, "-hide_banner", "-nostdin", "-nostats", "-y", *arguments], capture_output=True, text=True, timeout=300)
    except FileNotFoundError as error:
        raise RecordingError("ffmpeg is not installed: run scripts/system-deps.sh (or apt-get install ffmpeg)") from error
