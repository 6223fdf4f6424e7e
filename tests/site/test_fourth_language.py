"""A fourth language is one entry in mkdocs.yml plus its folder under docs/: a fixture site with
Arabic (right to left), built strictly, gets its pages, search index, 404 page and sitemap, a
language switcher that knows it, and English pages, checklists and videos where it has no
translation yet."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support.build import BuildResult, build_strictly, mkdocs_build
from tests.support.languages import ARABIC_PAGES, make_arabic_project

CHECKLIST_AR = """\
---
description: الخطوات.
---

# الخطوات {{#steps}}

/// checklist | قبل الإرسال
    id: before-sending

- [ ] عدّ الكلمات {{#word-count}}
- [ ] اطلب الموافقة {{#{second}}}
///
"""

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    tmp = tmp_path_factory.mktemp("arabic")
    return build_strictly(make_arabic_project(tmp), tmp / "site", "http://127.0.0.1:8000/")


def html_of(built: BuildResult, path: str) -> str:
    return (built.site_dir / path).read_text(encoding="utf-8")


def test_arabic_pages_are_right_to_left_and_the_others_left_to_right(built: BuildResult) -> None:
    for path in ("ar/index.html", "ar/steps.html", "ar/404.html"):
        html = html_of(built, path)
        assert '<html lang="ar"' in html, path
        assert '<body dir="rtl"' in html, path
    for path in ("index.html", "fr/index.html", "es/steps.html"):
        assert '<body dir="ltr"' in html_of(built, path), path


def test_the_build_says_the_interface_shows_in_english_until_translated(built: BuildResult) -> None:
    """data/ui-strings.yml has no Arabic: the strict build passes, and says so once."""
    assert built.output.count("data/ui-strings.yml has no texts in 'ar' yet") == 1, built.output
    assert "Page not found" in html_of(built, "ar/404.html")  # the English text, until translated


def test_an_untranslated_page_under_ar_is_english_left_to_right(built: BuildResult) -> None:
    html = html_of(built, "ar/steps.html")
    assert re.search(r'<article class="md-content__inner md-typeset" lang="en" dir="ltr"', html)
    # The French untranslated page is English too, but French is left to right already.
    french = html_of(built, "fr/steps.html")
    assert re.search(r'<article class="md-content__inner md-typeset" lang="en">', french)


def test_arabic_has_its_own_search_index_404_page_and_sitemap(built: BuildResult) -> None:
    site = built.site_dir
    index = json.loads((site / "ar" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["ar"]
    pages = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    assert pages == {"", "steps.html"} or pages == {"index.html", "steps.html"}, pages
    titles = {doc["title"] for doc in index["docs"]}
    assert "الصفحة الرئيسية" in titles
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("ar/") for doc in english["docs"])
    assert "الصفحة الرئيسية" not in {doc["title"] for doc in english["docs"]}
    not_found = html_of(built, "ar/404.html")
    assert '<html lang="ar"' in not_found
    assert 'href="/ar/"' in not_found  # "back to the home page" goes to the Arabic home
    sitemap = (site / "ar" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert locs and all(loc.startswith("http://127.0.0.1:8000/ar/") for loc in locs)


def test_every_page_links_to_its_arabic_and_english_versions(built: BuildResult) -> None:
    english = html_of(built, "steps.html")
    assert '<link rel="alternate" href="http://127.0.0.1:8000/ar/steps.html" hreflang="ar">' in english
    arabic = html_of(built, "ar/steps.html")
    assert '<link rel="alternate" href="http://127.0.0.1:8000/steps.html" hreflang="en">' in arabic
    assert '<link rel="alternate" href="http://127.0.0.1:8000/steps.html" hreflang="x-default">' in arabic
    # Search on Arabic pages looks in the Arabic index.
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', arabic, re.S).group(1))
    assert config["base"] == "../ar/"


def test_checklist_and_video_of_an_untranslated_page_work_under_ar(built: BuildResult) -> None:
    html = html_of(built, "ar/steps.html")
    assert 'id="checklist-before-sending"' in html
    assert 'id="checklist-controls"' in html  # the controls' template: the checklist is live
    video = re.search(r'<video[^>]*>.*?</video>', html, re.S)
    assert video, "no video on ar/steps.html"
    sources = re.findall(r'<source src="([^"]+)"', video.group(0))
    assert sources
    for source in sources:
        assert (built.site_dir / "ar" / source).resolve().is_file(), source


def test_an_arabic_checklist_is_checked_against_the_english_one(tmp_path: Path) -> None:
    pages = {**ARABIC_PAGES, "ar/steps.md": CHECKLIST_AR.format(second="consent")}
    build_strictly(make_arabic_project(tmp_path / "good", pages), tmp_path / "good-site", "http://127.0.0.1:8000/")
    wrong = {**ARABIC_PAGES, "ar/steps.md": CHECKLIST_AR.format(second="agreement")}
    result = mkdocs_build(make_arabic_project(tmp_path / "wrong", wrong), tmp_path / "wrong-site", "http://127.0.0.1:8000/")
    assert not result.ok
    assert re.search(r"docs/ar/steps\.md:\d+: .*agreement", result.output), result.output
