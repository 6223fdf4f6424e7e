"""The real site's training modules: each page shows its module's video, in the page's language."""

from __future__ import annotations

import html as html_module
import re

import pytest

from advocacy_guide.videos import MEDIA_FOLDER, load_catalog
from tests.conftest import LANGUAGES, BuiltSite
from tests.support.build import REPO

FIGURE = re.compile(r'<figure class="video video--(\w+)" id="video-([a-z0-9-]+)" lang="(\w+)" data-video>\s*<figcaption[^>]*>([^<]*)</figcaption>')
MODULE_VIDEOS = {
    "module-why-engage.html": "why-engage",
    "module-coalition.html": "coalition",
    "module-list-of-issues.html": "list-of-issues",
    "module-written-submission.html": "written-submission",
    "module-briefing.html": "briefing",
    "module-follow-up.html": "follow-up",
    "module-peer-exchange.html": "peer-exchange",
}


def test_the_declarations_of_the_repository_are_valid() -> None:
    catalog = load_catalog(REPO)
    assert [str(problem) for problem in catalog.problems] == []
    assert set(MODULE_VIDEOS.values()) <= set(catalog.videos)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", sorted(MODULE_VIDEOS))
def test_each_module_page_shows_its_video_in_the_page_language(built_site: BuiltSite, page: str, language: str) -> None:
    path = built_site.dir / (page if language == "en" else f"{language}/{page}")
    html = path.read_text(encoding="utf-8")
    figures = FIGURE.findall(html)
    catalog = load_catalog(REPO)
    video_id = MODULE_VIDEOS[page]
    source = REPO / "docs" / language / page.replace(".html", ".md")
    content_language = language if source.exists() else "en"  # an untranslated page is English
    assert len(figures) == 1, f"{path}: expected one video, found {figures}"
    _kind, found_id, figure_language, title = figures[0]
    assert found_id == video_id
    assert figure_language == content_language
    expected_title = catalog.videos[video_id].title[content_language]
    assert html_module.unescape(title) == expected_title


def test_media_is_published_once_at_the_site_root(built_site: BuiltSite) -> None:
    """Once each, besides the captions' .gz and .br copies for servers (advocacy_guide.deploy)."""
    catalog = load_catalog(REPO)
    published = sorted(p.relative_to(built_site.dir / MEDIA_FOLDER).as_posix() for p in (built_site.dir / MEDIA_FOLDER).rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")) if (built_site.dir / MEDIA_FOLDER).is_dir() else []
    assert published == sorted(catalog.published_files)
    for language in LANGUAGES[1:]:
        assert not (built_site.dir / language / MEDIA_FOLDER).exists()


# Every video address on every page (video src and poster, source, track, download links)
# resolves: tests/site/test_quality_gates.py, test_every_same_site_link_and_anchor_resolves.
