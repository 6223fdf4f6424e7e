"""A scene narrated by a trainer's recording instead of espeak-ng, rendered end to end.

The "recording" is made here: two sentences spoken by espeak-ng with a long pause between them
and silence around them, saved as FLAC (the other scene is synthesised as usual). Its captions
must fall on the recorded speech, and the slide must stay for the whole recording.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advocacy_guide.storyboards.recording import NARRATION_RATE
from tests.support.renderings import RenderedVideo, decode_audio, loudness, speech_follows_captions, AUDIO_RATE
from tests.support.languages import TRILINGUAL_PROJECT

pytestmark = pytest.mark.browser

FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
ESPEAK = shutil.which("espeak-ng") or "/usr/bin/espeak-ng"
FIRST = "Amina is a lawyer in a small association."
SECOND = "She doubts that a meeting in Geneva will change anything."
LEAD, PAUSE, TAIL = 0.8, 1.2, 0.7  # seconds of silence in the recording

STORYBOARD = f"""\
---
title: A recorded module
---

## Amina has doubts {{#doubt}}

illustration: person
recording: doubt.en.flac

> Another meeting in Geneva?

{FIRST} {SECOND}

## The Committee {{#words}}

> 18 independent experts

The Committee is a group of eighteen independent experts.
"""

DECLARATIONS = "recorded:\n  status: planned\n  title:\n    en: A recorded module\n"


def spoken(text: str, target: Path) -> float:
    """`text` spoken by espeak-ng into `target` (WAV); its length in seconds."""
    subprocess.run([ESPEAK, "-v", "en-gb", "-w", str(target), text], check=True, timeout=60)
    probe = subprocess.run([FFMPEG.replace("ffmpeg", "ffprobe"), "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(target)],
                           capture_output=True, text=True, check=True)
    return float(probe.stdout)


def make_recording(folder: Path) -> tuple[Path, float]:
    """doubt.en.flac: silence, the first sentence, a pause, the second, silence; and its length."""
    first, second = folder / "first.wav", folder / "second.wav"
    spoken(FIRST, first), spoken(SECOND, second)
    target = folder / "doubt.en.flac"
    silence = f"anullsrc=r={NARRATION_RATE}:cl=mono"
    subprocess.run([
        FFMPEG, "-loglevel", "error", "-y",
        "-f", "lavfi", "-t", str(LEAD), "-i", silence, "-i", str(first),
        "-f", "lavfi", "-t", str(PAUSE), "-i", silence, "-i", str(second),
        "-f", "lavfi", "-t", str(TAIL), "-i", silence,
        "-filter_complex", "[0:a][1:a][2:a][3:a][4:a]concat=n=5:v=0:a=1,aresample=44100[a]", "-map", "[a]", str(target),
    ], check=True, timeout=60)
    probe = subprocess.run([FFMPEG.replace("ffmpeg", "ffprobe"), "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(target)],
                           capture_output=True, text=True, check=True)
    return target, float(probe.stdout)


def make_project(root: Path, storyboard: str = STORYBOARD) -> Path:
    for relative, text in {**TRILINGUAL_PROJECT, "data/videos.yml": DECLARATIONS, "storyboards/recorded/en.md": storyboard}.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def videos(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "advocacy_guide.cli", "videos", "--root", str(root), *options],
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    root = make_project(tmp_path_factory.mktemp("recorded") / "project")
    _, length = make_recording(root / "storyboards/recorded")
    completed = videos(root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return root, length


def test_the_recording_is_heard_and_its_captions_fall_on_its_speech(recorded: tuple[Path, float]) -> None:
    root, length = recorded
    media = root / "videos"
    video = RenderedVideo(media / "recorded.en.mp4", media / "recorded.en.vtt", media / "recorded.en.webp")
    cues = video.cues
    assert [cue.text for cue in cues] == [FIRST, SECOND, "The Committee is a group of eighteen independent experts."]
    manifest = (root / "storyboards/manifest.json").read_text(encoding="utf-8")
    # The first scene holds the slide for the whole recording (0.6 s after the slide appears).
    second_scene = cues[2].start
    assert second_scene >= 0.6 + length
    # Each caption lies inside the recording's speech: after the leading silence, around the
    # pause between the sentences, before the trailing silence.
    first, second = cues[0], cues[1]
    assert 0.6 + LEAD - 0.2 <= first.start <= 0.6 + LEAD + 0.3, first
    assert first.end <= second.start
    assert second.start - first.end >= PAUSE - 0.4, (first, second)  # the pause is no caption's
    assert second.end <= 0.6 + length - TAIL + 0.3, second
    samples = decode_audio(video.media)
    assert loudness(samples, first.start + 0.1, first.end - 0.1) > 400  # the recorded voice is in the video
    assert loudness(samples, first.end + 0.2, second.start - 0.2) < 150
    assert speech_follows_captions(video) == []
    assert "doubt" in manifest and AUDIO_RATE


def test_a_new_recording_makes_the_video_stale(recorded: tuple[Path, float], tmp_path: Path) -> None:
    root, _ = recorded
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    assert videos(copy, "--check").returncode == 0
    recording = copy / "storyboards/recorded/doubt.en.flac"
    subprocess.run([FFMPEG, "-loglevel", "error", "-y", "-i", str(root / "storyboards/recorded/doubt.en.flac"), "-af", "volume=0.8", str(recording)], check=True)
    completed = videos(copy, "--check")
    assert completed.returncode == 1
    assert "storyboards/recorded/en.md:1: recorded (en): the storyboard changed after the video was rendered" in completed.stderr


@pytest.mark.parametrize("problem", ["missing", "unreadable", "too long"])
def test_a_recording_that_cannot_be_used_is_a_clear_error(tmp_path: Path, problem: str) -> None:
    root = make_project(tmp_path / "project")
    recording = root / "storyboards/recorded/doubt.en.flac"
    if problem == "unreadable":
        recording.write_bytes(b"this is no audio file" * 50)
    if problem == "too long":  # a minute of sound for nineteen words
        subprocess.run([FFMPEG, "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=220:duration=60", str(recording)], check=True)
    completed = videos(root)
    assert completed.returncode == 1
    expected = {
        "missing": "storyboards/recorded/en.md:8: the recording 'storyboards/recorded/doubt.en.flac' is missing",
        "unreadable": "error: recorded/en: storyboards/recorded/doubt.en.flac: cannot be read as audio",
        "too long": "error: recorded/en: storyboards/recorded/doubt.en.flac: the recording lasts 60 s, much longer than its scene's narration",
    }[problem]
    assert expected in completed.stderr, completed.stderr
    assert not (root / "videos/recorded.en.mp4").exists()
