"""What a storyboard says once parsed: its scenes, and the fingerprint of what a video shows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from advocacy_guide.errors import Problem


class StoryboardError(ValueError):
    """A storyboard that cannot be rendered; every problem names its file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class ScreenLine:
    """One line of a slide's on-screen text; `- ` in the storyboard makes it a bullet."""

    text: str
    bullet: bool = False


@dataclass(frozen=True)
class Scene:
    id: str  # stable across languages, like a heading id: the English storyboard's ids
    title: str  # shown on the slide and used as the video's chapter title
    line: int  # the heading's line in the storyboard file
    illustration: str | None
    screen: tuple[ScreenLine, ...]
    narration: str  # plain text, read aloud and shown as captions
    recording: str | None = None  # a trainer's recording of the narration, next to the storyboard
    recording_sha256: str | None = None  # its bytes: a new recording makes the rendering stale


@dataclass(frozen=True)
class Storyboard:
    video_id: str
    language: str
    path: str  # as the author knows it: storyboards/why-engage/fr.md
    title: str  # the title card (poster) and the top bar of every slide
    subtitle: str | None
    voice: str | None  # an espeak-ng voice; None takes the language's default
    speed: int | None  # words per minute; None takes the renderer's default
    scenes: tuple[Scene, ...]

    @property
    def key(self) -> str:
        return f"{self.video_id}/{self.language}"

    def fingerprint(self) -> str:
        """A hash of what the video shows and says, not of the file's bytes.

        Comments, blank lines and line numbers do not change the video, so they do not make a
        rendering stale: a translator's note in a storyboard needs no re-render.
        """
        content = {
            "title": self.title,
            "subtitle": self.subtitle,
            "voice": self.voice,
            "speed": self.speed,
            "scenes": [
                # A scene without a recording hashes as it did before recordings existed.
                {key: value for key, value in asdict(scene).items() if key != "line" and not (key.startswith("recording") and value is None)}
                for scene in self.scenes
            ],
        }
        canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
