"""Small media files for video tests: a real H.264/AAC clip and poster made with ffmpeg."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"


def make_test_video(path: Path, seconds: int = 4) -> Path:
    """A `seconds`-long 320x180 test pattern with a tone, as browsers play it (H.264, AAC, faststart)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            FFMPEG, "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc=duration={seconds}:size=320x180:rate=10",
            "-f", "lavfi", "-i", f"sine=duration={seconds}",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            "-movflags", "+faststart", str(path),
        ],
        check=True,
        timeout=120,
    )
    return path


def make_test_poster(path: Path) -> Path:
    """A 320x180 JPEG poster."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [FFMPEG, "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x180", "-frames:v", "1", str(path)],
        check=True,
        timeout=60,
    )
    return path


def video_fixture_files(
    media: Path, declarations: str, captions: dict[str, str], versions: Sequence[str] = ("en",)
) -> dict[str, str | bytes]:
    """`make_fixture_project`'s `extra_files` for a site with one test clip.

    `declarations` becomes data/videos.yml and `captions` (file name: WebVTT) go to videos/; each
    language in `versions` gets videos/clip.<language>.mp4 and .jpg, the same clip and poster
    (made once, in `media`).
    """
    clip = make_test_video(media / "clip.mp4")
    poster = make_test_poster(media / "clip.jpg")
    files: dict[str, str | bytes] = {"data/videos.yml": declarations}
    files.update({f"videos/{name}": text for name, text in captions.items()})
    for language in versions:
        files[f"videos/clip.{language}.mp4"] = clip.read_bytes()
        files[f"videos/clip.{language}.jpg"] = poster.read_bytes()
    return files
