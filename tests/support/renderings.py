"""Checks of a rendered module video, shared by the end-to-end render test and the committed ones."""

from __future__ import annotations

import math
import subprocess
from array import array
from dataclasses import dataclass
from pathlib import Path

from advocacy_guide.storyboards.encode import FFMPEG, Probe, probe
from advocacy_guide.webvtt import Cue, read_webvtt

AUDIO_RATE = 8000  # enough to tell speech from silence
MAX_BYTES_PER_MINUTE = 1_000_000


@dataclass
class RenderedVideo:
    media: Path
    captions: Path
    poster: Path

    @property
    def probe(self) -> Probe:
        return probe(self.media)

    @property
    def cues(self) -> list[Cue]:
        return read_webvtt(self.captions)


def decode_audio(path: Path) -> array:
    completed = subprocess.run(
        [FFMPEG, "-loglevel", "error", "-i", str(path), "-map", "0:a", "-f", "s16le", "-ac", "1", "-ar", str(AUDIO_RATE), "-"],
        capture_output=True, check=True, timeout=300,
    )
    samples = array("h")
    samples.frombytes(completed.stdout)
    return samples


def loudness(samples: array, start: float, end: float) -> float:
    """Root mean square of the samples between two times (seconds)."""
    window = samples[int(start * AUDIO_RATE) : int(end * AUDIO_RATE)]
    if not window:
        return 0.0
    return math.sqrt(sum(sample * sample for sample in window) / len(window))


def frame_rows(path: Path, at: float, width: int = 1280, height: int = 720) -> list[bytes]:
    """The video's picture at `at` seconds, as rows of grey levels (0 black, 255 white)."""
    completed = subprocess.run(
        [FFMPEG, "-loglevel", "error", "-ss", f"{at:.3f}", "-i", str(path), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        capture_output=True, check=True, timeout=120,
    )
    data = completed.stdout
    return [data[row * width : (row + 1) * width] for row in range(height)]


def atom_order(path: Path) -> list[str]:
    """The top-level MP4 boxes in file order ('moov' before 'mdat' means +faststart)."""
    names: list[str] = []
    data = path.read_bytes()
    offset = 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        names.append(data[offset + 4 : offset + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[offset + 8 : offset + 16], "big")
        if size < 8:
            break
        offset += size
    return names


def speech_follows_captions(video: RenderedVideo) -> list[str]:
    """Problems where the audio is silent during a cue, or speaks in a long pause between cues."""
    samples = decode_audio(video.media)
    cues = video.cues
    problems: list[str] = []
    for cue in cues:
        if loudness(samples, cue.start + 0.05, cue.end - 0.05) < 400:
            problems.append(f"silence during the cue at {cue.start:.2f}s: {cue.text[:40]}")
    for before, after in zip(cues, cues[1:]):
        if after.start - before.end >= 0.6 and loudness(samples, before.end + 0.15, after.start - 0.15) > 150:
            problems.append(f"sound between cues at {before.end:.2f}s and {after.start:.2f}s")
    return problems
