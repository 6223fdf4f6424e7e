"""storyboards/manifest.json: what each rendering in videos/ was made from.

Per module and language: the storyboard's fingerprint, the renderer's settings (voice, speed,
sizes, the slide template's hash) and their fingerprint, the tools' versions, the measured
duration, the chapters, and the hash of every file written. Staleness compares fingerprints,
never dates, so it survives clones, checkouts and rebases. Tool versions are recorded, not
compared: a newer ffmpeg on another machine does not make every video stale.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from advocacy_guide.storyboards import MANIFEST_FILE
from advocacy_guide.videos import MEDIA_FOLDER

ABOUT = "Written by `advocacy-guide videos`: what each rendering in videos/ was made from. Do not edit by hand."
FILE_KINDS = ("media", "poster", "captions")
_SUFFIXES = {"media": ".mp4", "poster": ".webp", "captions": ".vtt"}


def output_names(video_id: str, language: str) -> dict[str, str]:
    """The files of a rendering, relative to videos/: why-engage.fr.mp4, .webp and .vtt."""
    return {kind: f"{video_id}.{language}{suffix}" for kind, suffix in _SUFFIXES.items()}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the project: videos/why-engage.fr.mp4
    sha256: str
    bytes: int

    @property
    def name(self) -> str:
        """Relative to the media folder, as data/videos.yml names it."""
        return self.path.removeprefix(MEDIA_FOLDER + "/")

    @classmethod
    def of(cls, root: Path, path: Path) -> OutputFile:
        return cls(path.relative_to(root).as_posix(), file_sha256(path), path.stat().st_size)


@dataclass(frozen=True)
class ChapterMark:
    start: int  # whole seconds, as data/videos.yml writes chapter times
    title: str


@dataclass(frozen=True)
class Rendering:
    storyboard: str
    storyboard_sha256: str
    settings: dict[str, object]
    settings_sha256: str
    tools: dict[str, str]
    duration: float
    chapters: tuple[ChapterMark, ...]
    files: dict[str, OutputFile]

    def as_json(self) -> dict[str, object]:
        return {
            "storyboard": self.storyboard,
            "storyboard_sha256": self.storyboard_sha256,
            "voice": self.settings.get("voice"),
            "settings": self.settings,
            "settings_sha256": self.settings_sha256,
            "tools": self.tools,
            "duration": self.duration,
            "chapters": [{"start": chapter.start, "title": chapter.title} for chapter in self.chapters],
            "files": {kind: {"path": f.path, "sha256": f.sha256, "bytes": f.bytes} for kind, f in self.files.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> Rendering:  # type: ignore[type-arg]
        return cls(
            storyboard=data["storyboard"],
            storyboard_sha256=data["storyboard_sha256"],
            settings=dict(data["settings"]),
            settings_sha256=data["settings_sha256"],
            tools=dict(data.get("tools", {})),
            duration=float(data["duration"]),
            chapters=tuple(ChapterMark(int(c["start"]), str(c["title"])) for c in data.get("chapters", [])),
            files={kind: OutputFile(f["path"], f["sha256"], int(f["bytes"])) for kind, f in data["files"].items()},
        )


class ManifestError(ValueError):
    pass


@dataclass
class Manifest:
    renderings: dict[str, Rendering] = field(default_factory=dict)  # key: "why-engage/fr"

    @classmethod
    def read(cls, root: Path) -> Manifest:
        path = root / MANIFEST_FILE
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls({key: Rendering.from_json(value) for key, value in data.get("renderings", {}).items()})
        except (ValueError, KeyError, TypeError) as error:
            raise ManifestError(f"{MANIFEST_FILE}: cannot be read ({error}); restore it from git, or delete it and re-render every video") from error

    def write(self, root: Path) -> None:
        path = root / MANIFEST_FILE
        data = {"about": ABOUT, "renderings": {key: self.renderings[key].as_json() for key in sorted(self.renderings)}}
        temporary = path.with_suffix(".json.partial")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        temporary.replace(path)
