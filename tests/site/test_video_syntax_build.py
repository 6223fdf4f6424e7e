"""mkdocs-video's syntax without the plugin: hooks/videos.py reads every `![type:video](...)`.

A misplaced one (inside other text) is reported, and even in a build that goes on despite the
warning (`mkdocs serve`, a build without --strict) it leaves no image or frame that would make
the page contact a video host when it loads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support.build import make_fixture_project

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
PAGE = (
    "# Home {#home}\n\n"
    "See ![type:video](https://www.youtube.com/watch?v=dQw4w9WgXcQ) here, and `![type:video](hosted)` in code.\n\n"
    "![type:video](hosted)\n"
)


def test_a_misplaced_video_is_reported_and_leaves_nothing_that_loads(tmp_path: Path) -> None:
    pages = {"en/index.md": PAGE, "fr/index.md": "# Accueil {#home}\n\nBien.\n"}
    files = {"data/videos.yml": VIDEOS_YML, "videos/clip.en.vtt": CAPTIONS}
    project = make_fixture_project(tmp_path, pages, config_changes={"strict": False}, extra_files=files)
    site = tmp_path / "site"
    env = {**os.environ, "SITE_URL": "http://127.0.0.1:8000/", "NO_MKDOCS_2_WARNING": "1"}
    # Not strict: what `mkdocs serve` shows an author while the warning is on screen.
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert "docs/en/index.md:3: a video must be alone on its line" in built.stdout + built.stderr
    html = (site / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner'):html.index("</article>")]
    assert "<p>See  here, and <code>![type:video](hosted)</code> in code.</p>" in article
    assert not re.search(r"<(?:img|iframe|video|source)\b[^>]*youtube", article), article
    assert article.count('<figure class="video video--external"') == 1  # the placed one, click to load
