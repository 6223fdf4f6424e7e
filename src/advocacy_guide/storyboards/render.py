"""One storyboard to one narrated video: speech, timeline, slides, captions, encoding, manifest."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from advocacy_guide.storyboards.captions import format_webvtt
from advocacy_guide.storyboards.encode import EncodeError, encode_poster, encode_video, ffmpeg_version, probe
from advocacy_guide.storyboards.manifest import ChapterMark, OutputFile, Rendering, output_names
from advocacy_guide.storyboards.model import Storyboard
from advocacy_guide.storyboards.recording import NARRATION_RATE, check_length, load_recording, recorded_scene
from advocacy_guide.storyboards.settings import RenderSettings, settings_fingerprint
from advocacy_guide.storyboards.slides import SlideRenderer
from advocacy_guide.storyboards.speech import Audio, SpeechError, espeak_version, mix, synthesise, write_wav
from advocacy_guide.storyboards.timeline import Chunk, RecordedScene, Timeline, build_timeline, narration_chunks
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
        timeline, audio = _narrate(storyboard, voice, speed, settings, work, root)
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


def _narrate(storyboard: Storyboard, voice: str, speed: int, settings: RenderSettings, work: Path, root: Path) -> tuple[Timeline, Audio]:
    """Speak every chunk (or take the scene's recording), then place them: the timeline and the
    narration track agree by construction."""
    plans: list[list[tuple[Chunk, float]] | RecordedScene] = []
    pieces: list[tuple[int, Audio]] = []  # the audio of each chunk or recording, by scene
    folder = Path(storyboard.path).parent
    for scene_index, scene in enumerate(storyboard.scenes):
        chunks = narration_chunks(scene.narration, settings.max_caption_characters, storyboard.language)
        if scene.recording:
            shown = (folder / scene.recording).as_posix()
            recording = load_recording(root / shown, shown, work)
            check_length(recording, scene.narration, shown)
            plans.append(recorded_scene(recording, chunks))
            pieces.append((scene_index, recording.audio))
            continue
        measured: list[tuple[Chunk, float]] = []
        for chunk_index, chunk in enumerate(chunks):
            audio = synthesise(chunk.text, voice=voice, speed=speed, work_file=work / f"speech-{scene_index:02d}-{chunk_index:02d}.wav")
            if audio.rate != NARRATION_RATE:
                raise SpeechError(f"espeak-ng spoke at {audio.rate} Hz, not {NARRATION_RATE} Hz: recorded and spoken scenes cannot share a track")
            pieces.append((scene_index, audio))
            measured.append((chunk, audio.duration))
        plans.append(measured)
    timeline = build_timeline(plans, settings.pauses, settings.frame)
    starts: list[float] = []
    chunk_starts = iter(chunk.start for chunk in timeline.chunks)
    for scene_index, plan in enumerate(plans):
        if isinstance(plan, RecordedScene):
            starts.append(timeline.scenes[scene_index].speech_start)
            for _ in plan.cues:
                next(chunk_starts)
        else:
            starts.extend(next(chunk_starts) for _ in plan)
    track = mix([(start, audio) for start, (_, audio) in zip(starts, pieces)], timeline.duration, NARRATION_RATE)
    return timeline, track
