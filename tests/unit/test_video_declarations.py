"""data/videos.yml: every mistake an author can make, and the message (file:line: what to do) it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_guide.videos import load_catalog, parse_time

VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"

GOOD_VERSION = """\
v:
  title:
    en: Title
  versions:
    en:
      media: v.en.mp4
      poster: v.en.jpg
      duration: "4:30"
      captions:
        en: v.en.vtt
"""


def catalog_for(tmp_path: Path, yaml_text: str, files: dict[str, str | bytes] | None = None):  # type: ignore[no-untyped-def]
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "videos.yml").write_text(yaml_text, encoding="utf-8")
    media = tmp_path / "videos"
    media.mkdir(exist_ok=True)
    for name, content in {"v.en.mp4": b"\0" * 2048, "v.en.jpg": b"\xff\xd8", "v.en.vtt": VTT, **(files or {})}.items():
        target = media / name
        target.write_bytes(content) if isinstance(content, bytes) else target.write_text(content, encoding="utf-8")
    return load_catalog(tmp_path)


def test_a_complete_declaration_is_read_without_problems(tmp_path: Path) -> None:
    yaml_text = GOOD_VERSION + '      chapters:\n        - "0:00 Start"\n        - "1:10 Why: the reasons"\n'
    catalog = catalog_for(tmp_path, yaml_text)
    assert catalog.problems == []
    version = catalog.videos["v"].versions["en"]
    assert (version.media, version.media_size, version.poster, version.duration) == ("v.en.mp4", 2048, "v.en.jpg", 270)
    assert [(c.start, c.title) for c in version.chapters] == [(0, "Start"), (70, "Why: the reasons")]
    assert [cue.text for cue in version.captions["en"].cues] == ["Hello."]
    assert catalog.published_files == {"v.en.mp4", "v.en.jpg", "v.en.vtt"}


def test_planned_videos_need_no_media(tmp_path: Path) -> None:
    yaml_text = "p:\n  status: planned\n  title:\n    en: Soon\n"
    catalog = catalog_for(tmp_path, yaml_text)
    assert catalog.problems == []
    assert catalog.videos["p"].planned and catalog.videos["p"].versions == {}


def test_no_declarations_file_is_no_problem(tmp_path: Path) -> None:
    assert load_catalog(tmp_path).problems == []


# (what is wrong, data/videos.yml, extra files, expected "file:line: part of the message")
CASES = [
    ("yaml syntax", "v:\n  title: [en\n", {}, "data/videos.yml:3: not valid YAML"),
    ("not a mapping", "- v\n", {}, "data/videos.yml:1: expected video ids"),
    ("bad id", "Why Engage:\n  status: planned\n  title:\n    en: T\n", {}, "data/videos.yml:1: 'Why Engage' is not a valid video id"),
    ("duplicate id", "v:\n  status: planned\n  title:\n    en: T\nv:\n  status: planned\n", {}, "data/videos.yml:5: 'v' appears twice here (first on line 1)"),
    ("entry without fields", "v: why\n", {}, "data/videos.yml:1: 'v' needs indented fields"),
    ("unknown field", "v:\n  status: planned\n  titel:\n    en: T\n", {}, "data/videos.yml:3: 'titel' is not a field of video 'v'"),
    ("unknown status", "v:\n  status: soon\n  title:\n    en: T\n", {}, "data/videos.yml:2: status 'soon' is not known"),
    ("no title", "v:\n  status: planned\n", {}, "data/videos.yml:1: 'v' has no title"),
    ("title as text", "v:\n  status: planned\n  title: Hello\n", {}, "data/videos.yml:3: the title of 'v' needs one line per language"),
    ("title without English", "v:\n  status: planned\n  title:\n    fr: Bonjour\n", {}, "data/videos.yml:3: the title of 'v' has no 'en:' line"),
    ("title in unknown language", "v:\n  status: planned\n  title:\n    en: T\n    de: T\n", {}, "data/videos.yml:5: 'de' is not a language of the site"),
    ("empty title", "v:\n  status: planned\n  title:\n    en:\n", {}, "data/videos.yml:4: the title of 'v' in 'en' is empty"),
    ("ready without versions", "v:\n  title:\n    en: T\n", {}, "data/videos.yml:1: 'v' has no versions"),
    ("version in unknown language", GOOD_VERSION.replace("    en:\n      media", "    pt:\n      media"), {}, "data/videos.yml:5: 'pt' is not a language of the site"),
    ("version without video", "v:\n  title:\n    en: T\n  versions:\n    en:\n      duration: \"1:00\"\n", {}, "data/videos.yml:5: the en version of 'v' has no video"),
    ("planned with media", GOOD_VERSION.replace("  title:", "  status: planned\n  title:"), {}, "data/videos.yml:7: 'v' is marked 'status: planned' but the en version of 'v' has a video"),
    ("media and external", GOOD_VERSION.replace("      poster:", "      external: https://vimeo.com/1\n      poster:"), {}, "data/videos.yml:7: the en version of 'v' has both 'media' and 'external'"),
    ("missing media file", GOOD_VERSION.replace("media: v.en.mp4", "media: v.fr.mp4"), {}, "data/videos.yml:6: the media file 'videos/v.fr.mp4' does not exist"),
    ("media outside the folder", GOOD_VERSION.replace("media: v.en.mp4", "media: ../secret.mp4"), {}, "data/videos.yml:6: '../secret.mp4' must be a file name inside videos/"),
    ("media of another type", GOOD_VERSION.replace("media: v.en.mp4", "media: v.en.avi"), {"v.en.avi": b"\0"}, "data/videos.yml:6: the media 'v.en.avi' must be a .mp4 or .webm file"),
    ("missing poster file", GOOD_VERSION.replace("poster: v.en.jpg", "poster: v.png"), {}, "data/videos.yml:7: the poster file 'videos/v.png' does not exist"),
    ("no poster", GOOD_VERSION.replace("      poster: v.en.jpg\n", ""), {}, "data/videos.yml:5: the en version of 'v' has no poster"),
    ("no duration", GOOD_VERSION.replace('      duration: "4:30"\n', ""), {}, "data/videos.yml:5: the en version of 'v' has no duration"),
    ("duration read as text", GOOD_VERSION.replace('"4:30"', "four minutes"), {}, "data/videos.yml:8: duration 'four minutes' is not a time"),
    ("no captions", GOOD_VERSION.replace("      captions:\n        en: v.en.vtt\n", ""), {}, "data/videos.yml:5: the en version of 'v' has no captions"),
    ("missing captions file", GOOD_VERSION.replace("en: v.en.vtt", "en: v.english.vtt"), {}, "data/videos.yml:10: the captions file 'videos/v.english.vtt' does not exist"),
    ("captions as text", GOOD_VERSION.replace("      captions:\n        en: v.en.vtt\n", "      captions: v.en.vtt\n"), {}, "data/videos.yml:9: the captions of the en version of 'v' need one line per language"),
    ("captions in unknown language", GOOD_VERSION.replace("        en: v.en.vtt", "        english: v.en.vtt"), {}, "data/videos.yml:10: 'english' is not a language of the site"),
    ("captions not WebVTT", GOOD_VERSION.replace("en: v.en.vtt", "en: bad.vtt"), {"bad.vtt": "WEBVTT\n\n00:00 --> 00:02.000\nHi\n"}, "videos/bad.vtt:3: malformed timing line"),
    ("captions of another type", GOOD_VERSION.replace("en: v.en.vtt", "en: v.en.srt"), {"v.en.srt": "1\n"}, "data/videos.yml:10: the captions 'v.en.srt' must be a .vtt file"),
    ("chapter without time", GOOD_VERSION + "      chapters:\n        - Introduction\n", {}, "data/videos.yml:12: chapter 'Introduction' must start with its time"),
    ("chapter read as a field", GOOD_VERSION + "      chapters:\n        - 0:00 Intro: why\n", {}, "data/videos.yml:12: put this chapter in double quotes"),
    ("chapters out of order", GOOD_VERSION + '      chapters:\n        - "1:00 B"\n        - "0:30 A"\n', {}, "data/videos.yml:13: chapters must be in time order"),
    ("chapter after the end", GOOD_VERSION + '      chapters:\n        - "5:00 Late"\n', {}, "data/videos.yml:12: this chapter starts after the end of the video"),
    ("chapters as text", GOOD_VERSION + "      chapters: 0:00 Start\n", {}, "data/videos.yml:11: the chapters of the en version of 'v' are a list"),
    ("unsupported external", "v:\n  title:\n    en: T\n  versions:\n    en:\n      external: https://example.org/video.mp4\n", {}, "data/videos.yml:6: 'https://example.org/video.mp4' is not a video address this site can embed"),
    ("unknown version field", GOOD_VERSION + "      subtitles:\n        en: v.en.vtt\n", {}, "data/videos.yml:11: 'subtitles' is not a field of the en version of 'v'"),
]


@pytest.mark.parametrize(("case", "yaml_text", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_gives_its_file_line_and_fix(tmp_path: Path, case: str, yaml_text: str, files: dict, expected: str) -> None:
    catalog = catalog_for(tmp_path, yaml_text, files)
    messages = [str(problem) for problem in catalog.problems]
    assert any(message.startswith(expected) for message in messages), f"{case}: expected '{expected}...' in {messages}"


@pytest.mark.parametrize(("text", "seconds"), [("4:30", 270), ("0:04", 4), ("12:00", 720), ("1:02:05", 3725), ("4:75", None), ("1:75:00", None), ("4", None), ("", None)])
def test_parse_time(text: str, seconds: int | None) -> None:
    assert parse_time(text) == seconds


def test_the_catalog_is_read_again_only_when_a_file_changed(tmp_path: Path) -> None:
    first = catalog_for(tmp_path, GOOD_VERSION)
    assert load_catalog(tmp_path) is first  # the second hook of the same build
    captions = tmp_path / "videos" / "v.en.vtt"
    captions.write_text(VTT.replace("Hello.", "Hello again."), encoding="utf-8")  # another size
    changed = load_catalog(tmp_path)
    assert [cue.text for cue in changed.videos["v"].versions["en"].captions["en"].cues] == ["Hello again."]
    captions.unlink()
    assert any("v.en.vtt" in problem.message for problem in load_catalog(tmp_path).problems)
