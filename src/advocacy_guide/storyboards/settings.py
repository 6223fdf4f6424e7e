"""The renderer's settings: what, besides the storyboard, decides how a video looks and sounds."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from advocacy_guide.storyboards.encode import VideoSettings
from advocacy_guide.storyboards.model import Storyboard
from advocacy_guide.storyboards.slides import template_fingerprint
from advocacy_guide.storyboards.speech import DEFAULT_VOICES
from advocacy_guide.storyboards.timeline import Pauses

# Raise when the renderer changes what it makes from the same settings (every video re-renders).
RENDERER_VERSION = 2  # 2: the captions' band, numbers kept whole, recorded narration


@dataclass(frozen=True)
class RenderSettings:
    width: int = 1280
    height: int = 720
    caption_band: int = 160  # px at the bottom of each slide left free for the players' captions (two lines on a phone)
    fps: int = 5  # slides are still: 5 frames a second is enough, and slide changes fall on 0.2 s
    crf: int = 30
    preset: str = "medium"
    audio_bitrate: str = "32k"  # mono AAC: clear synthesised speech, about 240 KB a minute
    speed: int = 150  # words per minute: calm, for listeners in their second language
    poster_quality: int = 80  # WebP
    max_caption_characters: int = 84  # two caption lines on a phone
    pauses: Pauses = field(default_factory=Pauses)

    @property
    def frame(self) -> float:
        return 1 / self.fps

    @property
    def video(self) -> VideoSettings:
        return VideoSettings(self.fps, self.crf, self.preset, self.audio_bitrate)

    def voice_for(self, storyboard: Storyboard) -> str:
        return storyboard.voice or DEFAULT_VOICES[storyboard.language]

    def speed_for(self, storyboard: Storyboard) -> int:
        return storyboard.speed or self.speed

    def for_storyboard(self, storyboard: Storyboard, template: str | None = None) -> dict[str, object]:
        """Everything a rendering of `storyboard` depends on besides its text (recorded in the manifest)."""
        return {
            "renderer": RENDERER_VERSION,
            **{key: value for key, value in asdict(self).items() if key != "speed"},
            "voice": self.voice_for(storyboard),
            "speed": self.speed_for(storyboard),
            "template": template or template_fingerprint(),
        }


def settings_fingerprint(settings: dict[str, object]) -> str:
    canonical = json.dumps(settings, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
