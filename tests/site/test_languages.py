"""The built site: languages, alternates, per-language search indexes, 404 pages, sitemaps."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from tests.conftest import LANGUAGES, BuiltSite


class HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang")
        if tag == "link" and values.get("rel") == "alternate" and values.get("hreflang"):
            self.alternates[values["hreflang"] or ""] = values.get("href") or ""


def parse(html: str) -> HeadLinks:
    parser = HeadLinks()
    parser.feed(html)
    return parser


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES and "/" in path else "en"


def test_every_language_has_the_same_pages(built_site: BuiltSite) -> None:
    english = set(built_site.content_pages("en"))
    assert "index.html" in english
    for language in ("fr", "es"):
        pages = {p[len(language) + 1 :] for p in built_site.content_pages(language)}
        assert pages == english, f"{language} pages differ from English"


def test_every_page_has_its_language_and_absolute_alternates(built_site: BuiltSite) -> None:
    for path in built_site.content_pages():
        head = parse((built_site.dir / path).read_text(encoding="utf-8"))
        language = language_of(path)
        assert head.html_lang == language, path
        assert set(head.alternates) == {"en", "fr", "es", "x-default"}, path
        english_path = path if language == "en" else path.split("/", 1)[1]
        assert head.alternates["en"] == built_site.url + english_path, path
        assert head.alternates["x-default"] == head.alternates["en"], path
        for other in ("fr", "es"):
            assert head.alternates[other] == f"{built_site.url}{other}/{english_path}", path


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_index(built_site: BuiltSite, language: str) -> None:
    folder = built_site.dir if language == "en" else built_site.dir / language
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language]
    locations = [doc["location"] for doc in index["docs"]]
    assert locations, "empty index"
    for location in locations:
        assert not location.startswith(("fr/", "es/")), location
        assert "undefined" not in location
        page = location.split("#", 1)[0]
        assert (folder / page).is_file(), f"{language} index links to missing {page}"
    expected = {p if language == "en" else p[len(language) + 1 :] for p in built_site.content_pages(language)}
    expected.discard("translation-status.html")  # for translation coordinators: not offered to readers who search
    assert {loc.split("#", 1)[0] for loc in locations} == expected


def test_search_base_points_at_the_page_language(built_site: BuiltSite) -> None:
    for path in built_site.content_pages():
        html = (built_site.dir / path).read_text(encoding="utf-8")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        language = language_of(path)
        depth = path.count("/")
        # English: Material's own `base` (the page's base_url); other languages: their folder.
        expected = ("/".join([".."] * depth) or ".") if language == "en" else "../" * depth + f"{language}/"
        assert config["base"] == expected, path


@pytest.mark.parametrize(("folder", "language", "title"), [("", "en", "Page not found"), ("fr/", "fr", "Page introuvable"), ("es/", "es", "Página no encontrada")])
def test_a_404_page_per_language(built_site: BuiltSite, folder: str, language: str, title: str) -> None:
    html = (built_site.dir / folder / "404.html").read_text(encoding="utf-8")
    assert parse(html).html_lang == language
    assert title in html
    # served from any depth: its addresses must not be relative
    assert 'href="/assets/' in html or f'href="{built_site.url}assets/' in html


@pytest.mark.parametrize("language", ("fr", "es"))
def test_each_language_folder_has_its_sitemap(built_site: BuiltSite, language: str) -> None:
    xml = (built_site.dir / language / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    assert locs and all(loc.startswith(f"{built_site.url}{language}/") for loc in locs)
    assert len(locs) == len(built_site.content_pages(language))
