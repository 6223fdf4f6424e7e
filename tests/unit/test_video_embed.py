"""Placing videos on pages: finding the lines, page-level errors, external hosts, addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy_guide.external_video import parse_external
from advocacy_guide.markdown.source import read_source
from advocacy_guide.video_embed import external_addresses, file_size, find_markers, media_url, resolve_marker
from advocacy_guide.videos import load_catalog

UI = {
    "video.size.mb": "{size} MB",
    "video.size.kb": "{size} kB",
    "video.external.title": "Video on {provider}",
}


def ui(key: str) -> str:
    return UI[key]


def test_markers_are_found_outside_code_with_their_lines() -> None:
    markdown = "\n".join([
        "# Title",                          # 0
        "![type:video](why-engage)",        # 1
        "```",                              # 2
        "![type:video](in-code)",           # 3
        "```",                              # 4
        "    ![type:video](indented)  ",    # 5
        "Text ![type:video](inline) here",  # 6
        "Code `![type:video](x)` is fine",  # 7
        "~~~~",                             # 8
        "~~~",                              # 9: a shorter fence does not close a longer one
        "![type:video](still-code)",        # 10
        "~~~~",                             # 11
        "![type:video](https://vimeo.com/1)",  # 12
    ])
    found = find_markers(markdown)
    assert [(m.index, m.indent, m.target) for m in found.markers] == [
        (1, "", "why-engage"), (5, "    ", "indented"), (12, "", "https://vimeo.com/1"),
    ]
    assert found.misplaced == [6]


def test_markers_follow_mkdocs_videos_configured_mark() -> None:
    assert [m.target for m in find_markers("![film](a)\n![type:video](b)", mark="film").markers] == ["a"]


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("# Title\n", 0),
        ("---\ndescription: x\n---\n# Title\n", 3),
        ("---\ndescription: x\n---\n\n\n# Title\n", 5),  # MkDocs also drops the blank lines after it
        ("---\nnot: [closed\n", 0),
    ],
)
def test_front_matter_line_count(source: str, lines: int) -> None:
    assert read_source(source).stripped_lines == lines


@pytest.mark.parametrize(
    ("url", "provider", "embed", "watch"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "https://vimeo.com/76979871"),
        ("https://vimeo.com/76979871/abc123", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=abc123", "https://vimeo.com/76979871/abc123"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "https://vimeo.com/76979871"),
        ("https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv", "PeerTube", "https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?autoplay=1&p2p=0&warningTitle=0", "https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv"),
        ("https://tube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d", "PeerTube", "https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1&p2p=0&warningTitle=0", "https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"),
    ],
)
def test_external_addresses_get_privacy_enhanced_embeds(url: str, provider: str, embed: str, watch: str) -> None:
    video = parse_external(url)
    assert video is not None
    assert (video.provider, video.embed_url, video.watch_url) == (provider, embed, watch)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",  # not https
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/123/abc\"x",
        "https://example.org/video.mp4",
        "https://tube.example.org/w/<script>",
    ],
)
def test_other_addresses_are_refused(url: str) -> None:
    assert parse_external(url) is None


@pytest.mark.parametrize(("page_url", "expected"), [("index.html", "videos/a%20b.mp4"), ("fr/module.html", "../videos/a%20b.mp4"), ("es/sub/page.html", "../../videos/a%20b.mp4")])
def test_media_addresses_are_relative_to_the_page(page_url: str, expected: str) -> None:
    assert media_url("a b.mp4", page_url) == expected


@pytest.mark.parametrize(("size", "language", "text"), [(12_345_678, "en", "12.3 MB"), (12_345_678, "fr", "12,3 MB"), (98_765, "es", "98,8 kB"), (10, "en", "0.1 kB")])
def test_file_size_in_the_readers_notation(size: int, language: str, text: str) -> None:
    assert file_size(size, language, ui) == text


@pytest.fixture
def catalog(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "data").mkdir()
    (tmp_path / "videos").mkdir()
    for name in ("v.en.mp4", "v.en.jpg"):
        (tmp_path / "videos" / name).write_bytes(b"\0")
    (tmp_path / "videos" / "v.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", encoding="utf-8")
    (tmp_path / "data" / "videos.yml").write_text(
        "v:\n  title:\n    en: T\n    es: T\n  versions:\n    en:\n      media: v.en.mp4\n      poster: v.en.jpg\n"
        "      duration: \"0:01\"\n      captions:\n        en: v.en.vtt\n"
        "p:\n  status: planned\n  title:\n    en: P\n",
        encoding="utf-8",
    )
    result = load_catalog(tmp_path)
    assert result.problems == []
    return result


@pytest.mark.parametrize(
    ("target", "language", "message"),
    [
        ("nope", "en", "no video 'nope' is declared in data/videos.yml (declared: p, v): correct the id or declare the video"),
        ("v", "fr", "video 'v' has no title in 'fr': add 'fr: ...' under 'title' of 'v' in data/videos.yml (line 1)"),
        ("v", "es", "video 'v' in data/videos.yml has no 'es' captions for this es page: under 'versions' > 'en' > 'captions' (line 6), add 'es: v.es.vtt'"),
        ("https://example.org/x.mp4", "en", "'https://example.org/x.mp4' is not a video address this site can embed"),
    ],
)
def test_page_level_problems(catalog, target: str, language: str, message: str) -> None:  # type: ignore[no-untyped-def]
    result = resolve_marker(target, catalog=catalog, language=language, page_url="x.html", dom_id="video-x", ui=ui)
    assert result.view is None
    assert result.problem is not None and result.problem.startswith(message)


def test_a_planned_video_needs_no_captions(catalog) -> None:  # type: ignore[no-untyped-def]
    result = resolve_marker("p", catalog=catalog, language="en", page_url="x.html", dom_id="video-p", ui=ui)
    assert result.problem is None and result.view is not None and result.view.kind == "planned"


def test_external_addresses_placed_on_a_page() -> None:
    markdown = "![type:video](why-engage)\n\n![type:video](https://vimeo.com/1)\n\n```\n![type:video](https://youtu.be/x)\n```\n"
    assert external_addresses(markdown) == ["https://vimeo.com/1"]
