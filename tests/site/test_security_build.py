"""The security pass on small fixture sites: frame hosts from the video declarations and pages,
and a strict build that fails, naming the page, on markup the policy would block."""

from __future__ import annotations

from pathlib import Path

from tests.support.build import build_strictly, make_fixture_project, mkdocs_build

VIDEOS_YML = """\
hosted:
  title:
    en: On YouTube
  versions:
    en:
      external: https://www.youtube.com/watch?v=dQw4w9WgXcQ
      captions:
        en: clip.en.vtt
"""
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"


def page(title: str, body: str) -> str:
    return f"---\ndescription: {title}.\n---\n\n# {title} {{#top}}\n\n{body}\n"


def policy_of(html: str) -> dict[str, str]:
    start = html.index('http-equiv="Content-Security-Policy" content="') + len('http-equiv="Content-Security-Policy" content="')
    text = html[start : html.index('"', start)]
    return dict(d.split(" ", 1) for d in text.split("; "))


def test_frames_allow_exactly_the_declared_and_placed_video_hosts(tmp_path: Path) -> None:
    pages = {
        "en/index.md": page("Home", "![type:video](hosted)"),
        "en/vimeo.md": page("Vimeo", "![type:video](https://vimeo.com/76979871)"),
        "fr/index.md": page("Accueil", "Rien."),
    }
    project = make_fixture_project(
        tmp_path, pages, extra_files={"data/videos.yml": VIDEOS_YML, "videos/clip.en.vtt": CAPTIONS}
    )
    build_strictly(project, tmp_path / "site", "http://127.0.0.1:8000/")
    for built in ("index.html", "vimeo.html", "fr/index.html", "404.html", "fr/404.html"):
        directives = policy_of((tmp_path / "site" / built).read_text(encoding="utf-8"))
        assert directives["frame-src"] == "'self' https://player.vimeo.com https://www.youtube-nocookie.com", built


def test_markup_the_policy_would_block_fails_the_strict_build_naming_the_page(tmp_path: Path) -> None:
    pages = {
        "en/index.md": page("Home", "Fine."),
        "en/styled.md": page("Styled", 'A red paragraph.\n{ style="color: red" }'),
        "fr/index.md": page("Accueil", '<button onclick="alert(1)">Cliquer</button>\n\n<script>alert(1)</script>\n\n`<script>` in code is fine.'),
    }
    project = make_fixture_project(tmp_path, pages)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert not result.ok
    # named by source file and line (front matter counted), once each
    assert "docs/en/styled.md:8: the page's Content-Security-Policy blocks a style attribute" in result.output
    assert "docs/fr/index.md:7: the page's Content-Security-Policy blocks an inline event handler (onclick=...)" in result.output
    assert "docs/fr/index.md:9: the page's Content-Security-Policy blocks a <script>" in result.output
    assert result.output.count("the page's Content-Security-Policy blocks") == 3, result.output


def test_markup_a_template_writes_is_reported_by_built_page(tmp_path: Path) -> None:
    pages = {"en/index.md": page("Home", "Fine."), "fr/index.md": page("Accueil", "Bien.")}
    overrides = {"overrides/partials/copyright.html": '<div class="md-copyright" style="color: red">(c)</div>\n'}
    project = make_fixture_project(tmp_path, pages, extra_files=overrides)
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert not result.ok
    for built in ("index.html", "fr/index.html", "404.html", "fr/404.html"):
        assert f"hooks/security: {built}: the page's Content-Security-Policy blocks a style attribute on <div>" in result.output
