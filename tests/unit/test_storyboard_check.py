"""Staleness: `advocacy-guide videos --check` and the data/videos.yml versions, without rendering.

A small project gets stand-in media files recorded in a manifest exactly as the renderer records
real ones; each test then changes one thing and reads what the check says.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from advocacy_guide.located_yaml import load_located_yaml
from advocacy_guide.storyboards.check import check_renderings
from advocacy_guide.storyboards.cli import run_videos
from advocacy_guide.storyboards.declarations import DeclarationError, update_declarations, write_declarations
from advocacy_guide.storyboards.manifest import ChapterMark, Manifest, OutputFile, Rendering, output_names
from advocacy_guide.storyboards.project import load_storyboards
from advocacy_guide.storyboards.settings import RenderSettings, settings_fingerprint
from advocacy_guide.videos import load_catalog
from tests.support.languages import TRILINGUAL_PROJECT

DECLARATIONS = """\
# Training module videos (a comment the renderer keeps).

demo:
  status: planned
  title:
    en: A demo
    fr: Une démo

other:
  title:
    en: Another video
  versions:
    en:
      external: https://vimeo.com/76979871
"""

STORYBOARD = """\
---
title: {title}
---

<!-- A note for translators. -->

## {first} {{#doubt}}

> On screen

{words}

## {second} {{#words}}

The Committee: 18 "independent" experts.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    files = {
        **TRILINGUAL_PROJECT,
        "data/videos.yml": DECLARATIONS,
        "storyboards/demo/en.md": STORYBOARD.format(title="Why engage", first="Doubts", second="Words: theirs", words="Amina doubts."),
        "storyboards/demo/fr.md": STORYBOARD.format(title="Pourquoi", first="Doutes", second="Les mots", words="Amina doute."),
    }
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    record_stand_in_renderings(root)
    return root


def record_stand_in_renderings(root: Path) -> None:
    """Write stand-in outputs and record them as the renderer does (manifest, data/videos.yml)."""
    settings = RenderSettings()
    manifest = Manifest()
    rendered: dict[str, dict[str, Rendering]] = {}
    for key, storyboard in load_storyboards(root).parsed.items():
        names = output_names(storyboard.video_id, storyboard.language)
        media = root / "videos"
        media.mkdir(exist_ok=True)
        (media / names["media"]).write_bytes(b"stand-in video " + key.encode())
        (media / names["poster"]).write_bytes(b"stand-in poster")
        (media / names["captions"]).write_text("WEBVTT\n\n00:00:00.600 --> 00:00:02.000\nWords.\n", encoding="utf-8")
        recorded = settings.for_storyboard(storyboard)
        rendering = Rendering(
            storyboard=storyboard.path,
            storyboard_sha256=storyboard.fingerprint(),
            settings=recorded,
            settings_sha256=settings_fingerprint(recorded),
            tools={"espeak-ng": "test"},
            duration=24.4,
            chapters=(ChapterMark(0, storyboard.scenes[0].title), ChapterMark(12, storyboard.scenes[1].title)),
            files={kind: OutputFile.of(root, media / name) for kind, name in names.items()},
        )
        manifest.renderings[key] = rendering
        rendered.setdefault(storyboard.video_id, {})[storyboard.language] = rendering
    manifest.write(root)
    write_declarations(root, rendered)


def check_command(root: Path, *options: str) -> tuple[int, str]:
    args = argparse.Namespace(root=root, module=None, language=None, check=True, force=False)
    for option, value in zip(options[::2], options[1::2]):
        setattr(args, option, [value])
    err = io.StringIO()
    code = run_videos(args, out=io.StringIO(), err=err)
    return code, err.getvalue()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fresh_renderings_pass_and_are_declared(project: Path) -> None:
    assert check_renderings(project) == []
    assert check_command(project) == (0, "")
    catalog = load_catalog(project)
    assert catalog.problems == []
    version = catalog.videos["demo"].versions["fr"]
    assert (version.media, version.poster, version.duration) == ("demo.fr.mp4", "demo.fr.webp", 24.0)
    assert [c.file for c in version.captions.values()] == ["demo.fr.vtt"]
    assert [(c.start, c.title) for c in catalog.videos["demo"].versions["en"].chapters] == [(0, "Doubts"), (12, "Words: theirs")]
    assert not catalog.videos["demo"].planned
    assert catalog.videos["other"].versions["en"].external is not None  # untouched


def test_an_edited_storyboard_fails_the_check_naming_module_and_language(project: Path) -> None:
    edit(project / "storyboards/demo/fr.md", "Amina doute.", "Amina hésite.")
    code, err = check_command(project)
    assert code == 1
    assert err.strip() == (
        "storyboards/demo/fr.md:1: demo (fr): the storyboard changed after the video was rendered: "
        "run `.venv/bin/advocacy-guide videos --module demo --language fr`"
    )
    assert check_command(project, "language", "en") == (0, "")  # English is still current


def test_comments_and_blank_lines_need_no_new_rendering(project: Path) -> None:
    edit(project / "storyboards/demo/en.md", "<!-- A note for translators. -->", "<!-- Another note. -->\n\n")
    assert check_renderings(project) == []


def test_a_changed_voice_makes_a_rendering_stale(project: Path) -> None:
    edit(project / "storyboards/demo/en.md", "title: Why engage", "title: Why engage\nvoice: en-us")
    [finding] = check_renderings(project)
    assert finding.key == "demo/en"
    assert "the storyboard changed" in finding.message and "the renderer's settings changed (voice)" in finding.message


def test_a_replaced_or_missing_output_is_reported(project: Path) -> None:
    (project / "videos/demo.en.mp4").write_bytes(b"something else")
    (project / "videos/demo.fr.vtt").unlink()
    messages = [str(finding) for finding in check_renderings(project)]
    assert any("demo (en): videos/demo.en.mp4 is not the file that was rendered" in m for m in messages)
    assert any("demo (fr): videos/demo.fr.vtt is missing" in m for m in messages)


def test_a_storyboard_without_rendering_is_missing(project: Path) -> None:
    es = (project / "storyboards/demo/fr.md").read_text(encoding="utf-8").replace("Pourquoi", "Por qué")
    (project / "storyboards/demo/es.md").write_text(es, encoding="utf-8")
    code, err = check_command(project)
    assert code == 1
    assert "storyboards/demo/es.md:1: demo (es): has no rendering yet: run `.venv/bin/advocacy-guide videos --module demo --language es`" in err


def test_a_declaration_that_does_not_use_the_rendering_is_reported_at_its_line(project: Path) -> None:
    edit(project / "data/videos.yml", 'duration: "0:24"', 'duration: "0:30"')
    [finding] = check_renderings(project)
    assert finding.path == "data/videos.yml" and finding.key == "demo/en"
    assert "its duration is not the rendering's: run `.venv/bin/advocacy-guide videos`" in finding.message


def test_a_broken_storyboard_is_reported_with_its_line(project: Path) -> None:
    edit(project / "storyboards/demo/fr.md", "{#words}", "{#mots}")
    [finding] = check_renderings(project)
    assert (finding.path, finding.line) == ("storyboards/demo/fr.md", 13)
    assert "Keep the English ids" in finding.message


def test_a_rendering_without_storyboard_is_reported(project: Path) -> None:
    (project / "storyboards/demo/fr.md").unlink()
    [finding] = check_renderings(project)
    assert finding.path == "storyboards/manifest.json" and finding.key == "demo/fr"
    assert "its storyboard is gone" in finding.message


def test_declarations_keep_comments_and_are_rewritten_identically(project: Path) -> None:
    text = (project / "data/videos.yml").read_text(encoding="utf-8")
    assert text.startswith("# Training module videos (a comment the renderer keeps).")
    assert "status: planned" not in text
    assert '        - "0:12 Words: theirs"' in text
    manifest = Manifest.read(project)
    again = update_declarations(text, "demo", {"fr": manifest.renderings["demo/fr"]})
    assert again == text
    data = load_located_yaml(text, "data/videos.yml")
    assert list(data["demo"]["versions"]) == ["en", "fr"]


def test_an_undeclared_video_cannot_be_written() -> None:
    with pytest.raises(DeclarationError, match="'missing' is not declared: add 'missing:' with its title"):
        update_declarations(DECLARATIONS, "missing", {})
