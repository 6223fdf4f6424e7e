"""Small media files for video tests: a real H.264/AAC clip and poster made with ffmpeg."""

from __future__ import annotations

import shutil
import subprocess
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
