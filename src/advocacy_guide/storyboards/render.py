"""One storyboard to one narrated video: speech, timeline, slides, captions, encoding, manifest."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from advocacy_guide.storyboards.captions import format_webvtt
from advocacy_guide.storyboards.encode import EncodeError, encode_poster, encode_video, ffmpeg_version, probe
from advocacy_guide.storyboards.manifest import ChapterMark, OutputFile, Rendering, output_names
from advocacy_guide.storyboards.model import Storyboard
from advocacy_guide.storyboards.settings import RenderSettings, settings_fingerprint
from advocacy_guide.storyboards.slides import SlideRenderer
from advocacy_guide.storyboards.speech import Audio, espeak_version, mix, synthesise, write_wav
from advocacy_guide.storyboards.timeline import Chunk, Timeline, build_timeline, narration_chunks
from advocacy_guide.videos import MEDIA_FOLDER


def render_storyboard(
    storyboard: Storyboard,
    *,
    root: Path,
    settings: RenderSettings,
    slides: SlideRenderer,
) -> Rendering:
    """Render `storyboard` into videos/ and return what the manifest records about it."""
    voice = settings.voice_for(storyboard)
    speed = settings.speed_for(storyboard)
    media = root / MEDIA_FOLDER
    media.mkdir(parents=True, exist_ok=True)
    names = output_names(storyboard.video_id, storyboard.language)
    with tempfile.TemporaryDirectory(prefix="ag-video-") as work_name:
        work = Path(work_name)
        timeline, audio = _narrate(storyboard, voice, speed, settings, work)
        narration = work / "narration.wav"
        write_wav(narration, audio)
        images: list[tuple[Path, float]] = []
        for index, scene_time in enumerate(timeline.scenes):
            image = work / f"scene-{index:02d}.png"
            slides.scene(storyboard, index, image)
            images.append((image, scene_time.end - scene_time.start))
        card = work / "card.png"
        slides.card(storyboard, card)
        encode_poster(card, media / names["poster"], quality=settings.poster_quality)
        encode_video(images, narration, media / names["media"], settings=settings.video, language=storyboard.language, title=storyboard.title)
    (media / names["captions"]).write_text(
        format_webvtt(timeline, language=storyboard.language, scene_ids=[scene.id for scene in storyboard.scenes]),
        encoding="utf-8",
    )
    measured = probe(media / names["media"])
    if sorted(measured.streams) != ["audio", "video"]:
        raise EncodeError(f"{names['media']} should hold one video and one audio stream, not {', '.join(measured.streams)}")
    recorded = settings.for_storyboard(storyboard)
    return Rendering(
        storyboard=storyboard.path,
        storyboard_sha256=storyboard.fingerprint(),
        settings=recorded,
        settings_sha256=settings_fingerprint(recorded),
        tools={"espeak-ng": espeak_version(), "ffmpeg": ffmpeg_version(), "chromium": slides.version},
        duration=round(measured.duration, 3),
        chapters=tuple(
            ChapterMark(math.floor(scene_time.start), scene.title)
            for scene, scene_time in zip(storyboard.scenes, timeline.scenes)
        ),
        files={kind: OutputFile.of(root, media / name) for kind, name in names.items()},
    )


def _narrate(storyboard: Storyboard, voice: str, speed: int, settings: RenderSettings, work: Path) -> tuple[Timeline, Audio]:
    """Speak every chunk, then place them: the timeline and the narration track agree by construction."""
    spoken: list[list[tuple[Chunk, float]]] = []
    pieces: list[Audio] = []
    for scene_index, scene in enumerate(storyboard.scenes):
        measured: list[tuple[Chunk, float]] = []
        for chunk_index, chunk in enumerate(narration_chunks(scene.narration, settings.max_caption_characters, storyboard.language)):
            audio = synthesise(chunk.text, voice=voice, speed=speed, work_file=work / f"speech-{scene_index:02d}-{chunk_index:02d}.wav")
            pieces.append(audio)
            measured.append((chunk, audio.duration))
        spoken.append(measured)
    timeline = build_timeline(spoken, settings.pauses, settings.frame)
    rate = pieces[0].rate
    track = mix([(chunk.start, piece) for chunk, piece in zip(timeline.chunks, pieces)], timeline.duration, rate)
    return timeline, track
