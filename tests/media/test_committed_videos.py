"""The committed module videos: one per module and language, current, declared, and playable."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advocacy_guide.storyboards.project import load_storyboards
from advocacy_guide.storyboards.settings import RenderSettings
from advocacy_guide.videos import VideoCatalog, load_catalog
from tests.conftest import LANGUAGES
from tests.support.build import REPO, free_port
from tests.support.renderings import MAX_BYTES_PER_MINUTE, RenderedVideo, atom_order, frame_rows, speech_follows_captions
from tests.support.server import StaticHost

MODULES = ("why-engage", "coalition", "list-of-issues", "written-submission", "briefing", "follow-up", "peer-exchange")
PAIRS = [(module, language) for module in MODULES for language in LANGUAGES]


def rendered(module: str, language: str) -> RenderedVideo:
    media = REPO / "videos"
    return RenderedVideo(media / f"{module}.{language}.mp4", media / f"{module}.{language}.vtt", media / f"{module}.{language}.webp")


@pytest.fixture(scope="module")
def catalog() -> VideoCatalog:
    return load_catalog(REPO)


def videos_command(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advocacy_guide.cli", "videos", "--root", str(root), *options],
        capture_output=True, text=True, timeout=300,
    )


@pytest.mark.parametrize(("module", "language"), PAIRS)
def test_each_module_has_a_narrated_video_in_each_language(module: str, language: str) -> None:
    video = rendered(module, language)
    probe = video.probe
    assert sorted(zip(probe.streams, probe.codecs)) == [("audio", "aac"), ("video", "h264")]
    assert (probe.width, probe.height, probe.pixel_format) == (1280, 720, "yuv420p")
    assert probe.duration >= 20
    assert video.media.stat().st_size <= MAX_BYTES_PER_MINUTE * probe.duration / 60
    assert atom_order(video.media).index("moov") < atom_order(video.media).index("mdat")
    assert video.poster.stat().st_size < 60_000
    cues = video.cues
    assert all(a.start < b.start and a.end <= b.start for a, b in zip(cues, cues[1:]))
    assert 0 < cues[0].start and cues[-1].end <= probe.duration
    assert probe.duration - cues[-1].end <= 2
    assert speech_follows_captions(video) == []


@pytest.mark.parametrize(("module", "language"), PAIRS)
def test_each_module_page_language_uses_its_own_rendering(catalog: VideoCatalog, module: str, language: str) -> None:
    assert catalog.problems == []
    declaration = catalog.videos[module]
    assert not declaration.planned
    version = declaration.versions[language]
    assert version.media == f"{module}.{language}.mp4"
    assert list(version.captions) == [language]
    storyboard = load_storyboards(REPO).parsed[f"{module}/{language}"]
    assert [chapter.title for chapter in version.chapters] == [scene.title for scene in storyboard.scenes]
    assert version.duration == round(rendered(module, language).probe.duration)


@pytest.mark.parametrize(("module", "language"), PAIRS)
def test_captions_never_cover_the_slide_text(module: str, language: str) -> None:
    """Under every scene's first caption, the bottom band the players draw captions in is empty."""
    video = rendered(module, language)
    band = RenderSettings().caption_band
    cues = video.cues
    firsts = [cue for before, cue in zip([None, *cues], cues) if before is None or cue.start - before.end > 0.9]
    assert len(firsts) >= 3
    for cue in firsts:
        rows = frame_rows(video.media, (cue.start + cue.end) / 2)
        text_rows = [row for row in rows[88 : 720 - band] if min(row) < 100]
        assert text_rows, f"no slide text at {cue.start}s"  # the slide shows its words...
        # ...and nothing but background below them (the 6 px rule on top of the band aside)
        darkest = min(min(row) for row in rows[720 - band + 8 :])
        assert darkest > 200, (module, language, cue.start, darkest)


def test_the_check_passes_on_the_repository() -> None:
    completed = videos_command(REPO, "--check")
    assert completed.returncode == 0, completed.stderr
    assert "21 renderings match their storyboards" in completed.stdout


def test_an_edited_translation_makes_only_its_video_stale(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    for name in ("data", "storyboards"):
        shutil.copytree(REPO / name, copy / name)
    shutil.copy2(REPO / "mkdocs.yml", copy / "mkdocs.yml")
    # The command reads mkdocs.yml with MkDocs' own loader, which checks the folders it names.
    for name in ("videos", "docs", "overrides", "hooks"):
        (copy / name).symlink_to(REPO / name, target_is_directory=True)
    storyboard = copy / "storyboards/why-engage/fr.md"
    storyboard.write_text(storyboard.read_text(encoding="utf-8").replace("Amina doute", "Amina hésite", 1), encoding="utf-8")
    completed = videos_command(copy, "--check")
    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        "storyboards/why-engage/fr.md:1: why-engage (fr): the storyboard changed after the video was rendered: "
        "run `.venv/bin/advocacy-guide videos --module why-engage --language fr`"
    ]


PLAYER = """<!doctype html><html lang="en"><title>players</title><body>
<video id="player" muted playsinline preload="auto" crossorigin="anonymous"></video>
</body></html>"""


@pytest.mark.browser
def test_chromium_plays_every_video_with_its_captions(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "index.html").write_text(PLAYER, encoding="utf-8")
    (tmp_path / "videos").symlink_to(REPO / "videos", target_is_directory=True)
    with StaticHost(tmp_path, free_port()) as host:
        page.goto(host.url + "index.html")
        for module, language in PAIRS:
            state = page.evaluate(
                """async ([media, captions, language]) => {
                    const video = document.getElementById("player");
                    video.replaceChildren();
                    const track = document.createElement("track");
                    Object.assign(track, {kind: "captions", src: captions, srclang: language, default: true});
                    video.append(track);
                    video.src = media;
                    await new Promise((resolve, reject) => {
                        video.onloadedmetadata = resolve;
                        video.onerror = () => reject(new Error(`cannot play ${media}`));
                    });
                    await video.play();
                    await new Promise((resolve) => {
                        const done = () => (video.currentTime > 0.3 ? resolve() : requestAnimationFrame(done));
                        done();
                    });
                    video.pause();
                    if (track.readyState !== 2) await new Promise((resolve) => (track.onload = resolve));
                    return {duration: video.duration, width: video.videoWidth, cues: track.track.cues.length};
                }""",
                [f"videos/{module}.{language}.mp4", f"videos/{module}.{language}.vtt", language],
            )
            assert state["width"] == 1280, (module, language)
            assert state["duration"] >= 20
            assert state["cues"] == len(rendered(module, language).cues)
