"""A translator's video mistakes fail `mkdocs build --strict`, each named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.build import BuildResult, make_fixture_project, mkdocs_build

VIDEOS_YML = """\
story:
  title:
    en: The story
    fr: L'histoire
  versions:
    en:
      media: story.en.mp4
      poster: story.en.jpg
      duration: "0:04"
      captions:
        en: story.en.vtt
broken:
  title:
    en: Broken
  versions:
    en:
      media: broken.en.mp4
      poster: broken.en.jpg
      duration: "0:04"
      captions:
        en: broken.en.vtt
"""

FRONT = "---\ndescription: A page.\n---\n\n"


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    tmp = tmp_path_factory.mktemp("video-errors")
    pages = {
        "en/index.md": FRONT + "# Home {#home}\n\n![type:video](story)\n\n![type:video](storry)\n",
        "fr/index.md": FRONT + "# Accueil {#home}\n\nTexte.\n\n![type:video](story)\n",
        "en/inline.md": "# Inline {#inline}\n\nSee ![type:video](story) here.\n\n![type:video](https://example.org/clip.mp4)\n",
    }
    files: dict[str, str | bytes] = {
        "data/videos.yml": VIDEOS_YML,
        "videos/story.en.mp4": b"\0",
        "videos/story.en.jpg": b"\0",
        "videos/story.en.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n",
        "videos/broken.en.mp4": b"\0",
        "videos/broken.en.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n\n00:01.000 -> 00:02.000\nAgain\n",
    }
    project = make_fixture_project(tmp, pages, config_changes={"hooks": ["hooks/build.py", "hooks/i18n_site.py", "hooks/videos.py"]}, extra_files=files)
    return mkdocs_build(project, tmp / "site", "http://127.0.0.1:8000/")


def test_the_strict_build_fails(failed_build: BuildResult) -> None:
    assert not failed_build.ok, failed_build.output
    assert "Aborted with" in failed_build.output


@pytest.mark.parametrize(
    "expected",
    [
        # data/videos.yml and the files it names
        "data/videos.yml:18: the poster file 'videos/broken.en.jpg' does not exist: add it to videos/, or correct the name here",
        "videos/broken.en.vtt:6: expected a timing line",
        # pages: the line in the file as the author sees it, front matter included
        "docs/en/index.md:9: no video 'storry' is declared in data/videos.yml (declared: broken, story): correct the id or declare the video",
        "docs/fr/index.md:9: video 'story' in data/videos.yml has no 'fr' captions for this fr page",
        "docs/en/inline.md:3: a video must be alone on its line",
        "docs/en/inline.md:5: 'https://example.org/clip.mp4' is not a video address this site can embed",
    ],
)
def test_each_mistake_is_reported_with_file_and_line(failed_build: BuildResult, expected: str) -> None:
    assert expected in failed_build.output, failed_build.output


def test_each_mistake_is_reported_once(failed_build: BuildResult) -> None:
    # the i18n plugin builds English pages again under /fr/ and /es/: one message is enough
    assert failed_build.output.count("no video 'storry' is declared") == 1
    assert failed_build.output.count("videos/broken.en.vtt:6:") == 1
