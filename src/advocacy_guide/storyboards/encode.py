"""ffmpeg: slides and narration into an MP4 that Chromium, Firefox and Safari play.

H.264 (High profile, yuv420p) with AAC audio, the one combination every current browser decodes;
`+faststart` puts the index first so playback starts before the download ends. Slides are still
images, so a low frame rate, a keyframe where each slide appears and x264's still-image tuning
keep a minute of video far under 1 MB: almost all of the file is the narration.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
FFPROBE = shutil.which("ffprobe") or "/usr/bin/ffprobe"
# ISO 639-2 codes for the audio track's language tag.
AUDIO_LANGUAGE = {"en": "eng", "fr": "fra", "es": "spa"}


class EncodeError(RuntimeError):
    pass


@dataclass(frozen=True)
class VideoSettings:
    fps: int
    crf: int
    preset: str  # x264's: slower presets gain little on still slides
    audio_bitrate: str  # AAC, mono


@dataclass(frozen=True)
class Probe:
    duration: float  # the container's
    streams: tuple[str, ...]  # codec types: "video", "audio"
    codecs: tuple[str, ...]
    width: int
    height: int
    pixel_format: str


def encode_video(
    slides: list[tuple[Path, float]],
    audio: Path,
    target: Path,
    *,
    settings: VideoSettings,
    language: str,
    title: str,
) -> None:
    """Each slide shown for its duration (whole frames), with the narration; written atomically."""
    inputs: list[str] = []
    for image, duration in slides:
        inputs += ["-loop", "1", "-framerate", str(settings.fps), "-t", f"{duration:.3f}", "-i", str(image)]
    inputs += ["-i", str(audio)]
    labels = "".join(f"[{index}:v]" for index in range(len(slides)))
    graph = f"{labels}concat=n={len(slides)}:v=1:a=0,format=yuv420p[video]"
    keyframes = []
    clock = 0.0
    for _image, duration in slides:
        keyframes.append(f"{clock:.3f}")
        clock += duration
    partial = target.with_name(target.stem + ".partial" + target.suffix)
    command = [
        FFMPEG, "-loglevel", "error", "-y", "-nostdin",
        *inputs,
        "-filter_complex", graph,
        "-map", "[video]", "-map", f"{len(slides)}:a",
        "-c:v", "libx264", "-preset", settings.preset, "-tune", "stillimage", "-crf", str(settings.crf),
        "-profile:v", "high", "-level:v", "4.0", "-r", str(settings.fps),
        # One keyframe per slide: seeking to a chapter shows its slide at once.
        "-g", str(settings.fps * 600), "-force_key_frames", ",".join(keyframes),
        "-threads", "2",
        "-c:a", "aac", "-b:a", settings.audio_bitrate, "-ac", "1",
        "-metadata", f"title={title}", "-metadata:s:a:0", f"language={AUDIO_LANGUAGE.get(language, 'und')}",
        # No encoder versions or dates in the file: the same storyboard gives the same bytes.
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-movflags", "+faststart",
        str(partial),
    ]
    _run(command, "encoding the video")
    partial.replace(target)


def encode_poster(image: Path, target: Path, *, quality: int) -> None:
    """The title card as WebP: a third of a JPEG's size for flat colours and text (Safari 14+)."""
    partial = target.with_name(target.stem + ".partial" + target.suffix)
    _run(
        [FFMPEG, "-loglevel", "error", "-y", "-nostdin", "-i", str(image), "-c:v", "libwebp", "-quality", str(quality),
         "-compression_level", "6", "-fflags", "+bitexact", "-flags:v", "+bitexact", str(partial)],
        "encoding the poster",
    )
    partial.replace(target)


def probe(path: Path) -> Probe:
    completed = _run(
        [FFPROBE, "-v", "error", "-show_entries", "format=duration:stream=codec_type,codec_name,width,height,pix_fmt", "-of", "json", str(path)],
        f"reading {path.name}",
    )
    data = json.loads(completed.stdout)
    streams = data.get("streams", [])
    video = next((stream for stream in streams if stream.get("codec_type") == "video"), {})
    return Probe(
        duration=float(data.get("format", {}).get("duration", 0.0)),
        streams=tuple(stream.get("codec_type", "") for stream in streams),
        codecs=tuple(stream.get("codec_name", "") for stream in streams),
        width=int(video.get("width", 0)),
        height=int(video.get("height", 0)),
        pixel_format=str(video.get("pix_fmt", "")),
    )


def ffmpeg_version() -> str:
    completed = _run([FFMPEG, "-version"], "asking ffmpeg its version")
    first = completed.stdout.splitlines()[0] if completed.stdout else ""
    return first.split(" Copyright")[0].removeprefix("ffmpeg version ").strip()


def _run(command: list[str], what: str) -> subprocess.CompletedProcess[str]:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=900)
    except FileNotFoundError as error:
        raise EncodeError(f"{command[0]} is not installed: run scripts/system-deps.sh (or apt-get install ffmpeg)") from error
    if completed.returncode != 0:
        raise EncodeError(f"ffmpeg failed while {what}: {completed.stderr.strip()[-800:]}")
    return completed
