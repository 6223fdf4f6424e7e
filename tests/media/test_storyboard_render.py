"""A tiny two-scene storyboard rendered end to end by `advocacy-guide videos`, as a maintainer runs it.

Drives espeak-ng, Debian's Chromium (through Playwright) and ffmpeg in a subprocess, on a
temporary project, then checks the files the site will serve.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from advocacy_guide.videos import load_catalog
from tests.support.renderings import MAX_BYTES_PER_MINUTE, RenderedVideo, atom_order, speech_follows_captions
from tests.support.languages import TRILINGUAL_PROJECT

pytestmark = pytest.mark.browser

TINY = """\
---
title: A tiny module
subtitle: A fictional story
---

## Amina has doubts {#doubt}

illustration: person

> Another meeting in Geneva?
> - What will it change?

Amina is a lawyer. She defends journalists who were arrested for their work, and she doubts that a meeting in Geneva will change anything.

## The Committee's words {#words}

illustration: scales

> 18 independent experts

The Committee is a group of eighteen independent experts. Its recommendations are public.
"""

CROWDED = """\
---
title: A crowded slide
---

## A scene title that is long enough to take several lines on the slide {#crowded}

illustration: people

> Thirty-three characters per line.
> Thirty-three characters per line.
> Thirty-three characters per line.
> Thirty-three characters per line.
> Thirty-three characters per line.
> Thirty-three characters per line.

Words.
"""

DECLARATIONS = """\
tiny:
  status: planned
  title:
    en: A tiny module
crowded:
  status: planned
  title:
    en: A crowded slide
"""


def make_project(root: Path, storyboards: dict[str, str]) -> Path:
    files = {**TRILINGUAL_PROJECT, "data/videos.yml": DECLARATIONS, **storyboards}
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def videos(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advocacy_guide.cli", "videos", "--root", str(root), *options],
        capture_output=True, text=True, timeout=900,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("render") / "project", {"storyboards/tiny/en.md": TINY})
    completed = videos(root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "rendering tiny/en" in completed.stdout
    return root


@pytest.fixture(scope="module")
def video(project: Path) -> RenderedVideo:
    media = project / "videos"
    return RenderedVideo(media / "tiny.en.mp4", media / "tiny.en.vtt", media / "tiny.en.webp")


def test_the_video_has_h264_video_and_aac_audio_that_browsers_play(video: RenderedVideo) -> None:
    probe = video.probe
    assert sorted(zip(probe.streams, probe.codecs)) == [("audio", "aac"), ("video", "h264")]
    assert (probe.width, probe.height, probe.pixel_format) == (1280, 720, "yuv420p")
    assert atom_order(video.media).index("moov") < atom_order(video.media).index("mdat")  # +faststart


def test_the_video_is_small(video: RenderedVideo) -> None:
    probe = video.probe
    assert 15 < probe.duration < 40
    assert video.media.stat().st_size <= MAX_BYTES_PER_MINUTE * probe.duration / 60
    assert video.poster.read_bytes()[8:12] == b"WEBP"
    assert video.poster.stat().st_size < 40_000


def test_captions_follow_the_speech_and_end_with_the_media(video: RenderedVideo) -> None:
    cues = video.cues
    duration = video.probe.duration
    assert [cue.text for cue in cues][:2] == ["Amina is a lawyer.", "She defends journalists who were arrested for their work,"]
    assert all(a.end <= b.start for a, b in zip(cues, cues[1:]))
    assert all(0 < cue.start < cue.end <= duration for cue in cues)
    assert duration - cues[-1].end <= 1.5
    assert speech_follows_captions(video) == []


def test_manifest_and_declaration_record_the_rendering(project: Path, video: RenderedVideo) -> None:
    manifest = json.loads((project / "storyboards/manifest.json").read_text(encoding="utf-8"))
    entry = manifest["renderings"]["tiny/en"]
    assert entry["storyboard"] == "storyboards/tiny/en.md"
    assert entry["voice"] == "en-gb"
    assert set(entry["tools"]) == {"espeak-ng", "ffmpeg", "chromium"}
    assert entry["files"]["media"]["bytes"] == video.media.stat().st_size
    catalog = load_catalog(project)
    assert catalog.problems == []
    version = catalog.videos["tiny"].versions["en"]
    assert version.media == "tiny.en.mp4" and version.poster == "tiny.en.webp"
    assert version.duration == round(video.probe.duration)
    assert [chapter.title for chapter in version.chapters] == ["Amina has doubts", "The Committee's words"]
    second_scene = next(cue for cue in video.cues if cue.text.startswith("The Committee"))
    assert version.chapters[1].start <= second_scene.start < version.chapters[1].start + 1


def test_a_second_run_renders_nothing_and_the_check_passes(project: Path) -> None:
    completed = videos(project)
    assert completed.returncode == 0, completed.stderr
    assert "rendering tiny" not in completed.stdout
    assert "Every selected rendering is up to date" in completed.stdout
    assert videos(project, "--check").returncode == 0


def test_text_that_does_not_fit_its_slide_is_reported_at_the_scene(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"storyboards/crowded/en.md": CROWDED})
    completed = videos(root)
    assert completed.returncode == 1
    assert "storyboards/crowded/en.md:5: the on-screen text of scene 'crowded' does not fit on the slide" in completed.stderr
    assert not (root / "videos/crowded.en.mp4").exists()
