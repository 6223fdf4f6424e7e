"""The security pass on small fixture sites: frame hosts from the video declarations and pages,
and a strict build that fails, naming the page, on markup the policy would block."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from advocacy_guide.csp import sha256_source
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


def test_a_misplaced_video_is_reported_and_leaves_nothing_that_loads_a_host(tmp_path: Path) -> None:
    """mkdocs-video's syntax inside other text: reported, and even in a build that goes on despite
    the warning (what `mkdocs serve` shows), no image or frame of the video host is left."""
    body = (
        "See ![type:video](https://www.youtube.com/watch?v=dQw4w9WgXcQ) here, and `![type:video](hosted)` in code.\n\n"
        "![type:video](hosted)"
    )
    pages = {"en/index.md": page("Home", body), "fr/index.md": page("Accueil", "Bien.")}
    files = {"data/videos.yml": VIDEOS_YML, "videos/clip.en.vtt": CAPTIONS}
    project = make_fixture_project(tmp_path, pages, config_changes={"strict": False}, extra_files=files)
    site = tmp_path / "site"
    env = {**os.environ, "SITE_URL": "http://127.0.0.1:8000/", "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert "docs/en/index.md:7: a video must be alone on its line" in built.stdout + built.stderr
    html = (site / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    assert "<p>See  here, and <code>![type:video](hosted)</code> in code.</p>" in article
    assert not re.search(r"<(?:img|iframe|video|source)\b[^>]*youtube", article), article
    assert article.count('<figure class="video video--external"') == 1  # the placed one, loaded on a click


def test_a_page_whose_content_region_is_missing_fails_the_strict_build_naming_the_page(tmp_path: Path) -> None:
    """The policy pass fails closed: a template without Material's content region gets no script
    allowed, and the strict build fails naming each page and saying what is wrong."""
    pages = {"en/index.md": page("Home", "Fine."), "en/bare.md": "---\ndescription: Bare.\ntemplate: bare.html\n---\n\n# Bare {#bare}\n", "fr/index.md": page("Accueil", "Bien.")}
    # A template that keeps Material's scripts but replaces its `container` block (the <article>),
    # with a script no other page has.
    bare = '{% extends "main.html" %}\n{% block container %}<div class="bare">{{ page.content }}<script>bare_only()</script></div>{% endblock %}\n'
    project = make_fixture_project(tmp_path, pages, extra_files={"overrides/bare.html": bare})
    result = mkdocs_build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert not result.ok
    assert "hooks/security: bare.html: its content (Material's <article class=\"md-content__inner\">) was not found" in result.output
    assert "allows none of its inline scripts" in result.output
    assert "index.html: its content" not in result.output  # the other pages are fine
    html = (tmp_path / "site" / "bare.html").read_text(encoding="utf-8")
    assert "bare_only()" in html
    assert sha256_source("bare_only()") not in policy_of(html)["script-src"]
