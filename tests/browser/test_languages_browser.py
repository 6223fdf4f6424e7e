"""What a reader sees: the language switcher, search in their language, 404s, no third parties."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite
from tests.support.material import LANGUAGE_NAMES, switch_language, type_search

pytestmark = pytest.mark.browser

def test_switcher_lands_on_the_same_page_from_every_page(page: Page, built_site: BuiltSite) -> None:
    for number, path in enumerate(built_site.content_pages("en")):
        for language in (("fr", "es")[number % 2],):
            page.goto(built_site.url + path)
            switch_language(page, LANGUAGE_NAMES[language])
            expect(page).to_have_url(f"{built_site.url}{language}/{path}")
            expect(page.locator("html")).to_have_attribute("lang", language)
            switch_language(page, "English")
            expect(page).to_have_url(built_site.url + path)


def test_switcher_follows_the_reader_after_moving_around(page: Page, built_site: BuiltSite) -> None:
    pages = built_site.content_pages("fr")
    target = next((p for p in pages if p != "fr/index.html"), pages[0])
    page.goto(built_site.url + "fr/index.html")
    link = page.locator(f'.md-nav--primary a[href$="{target.split("/", 1)[1]}"]').first
    link.click()
    expect(page).to_have_url(built_site.url + target)
    switch_language(page, "Español")
    expect(page).to_have_url(built_site.url + "es/" + target.split("/", 1)[1])


@pytest.mark.parametrize(
    ("language", "query", "expected_word"),
    [
        ("es", "derecho", "Derechos"),  # Spanish stemming: "derecho" finds "Derechos"
        ("fr", "défenseur", "défenseurs"),
        ("en", "defenders", "defenders"),
    ],
)
def test_search_finds_pages_in_the_readers_language_only(page: Page, built_site: BuiltSite, language: str, query: str, expected_word: str) -> None:
    prefix = "" if language == "en" else f"{language}/"
    page.goto(f"{built_site.url}{prefix}index.html")
    type_search(page, query)
    results = page.locator(".md-search-result__item > a, .md-search-result__link")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text(re.compile(expected_word, re.I))
    # read at once: the list is redrawn as results come in
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href') || '')")
    assert hrefs
    for href in hrefs:
        assert "undefined" not in href
        path = href.replace(built_site.url, "")
        if language == "en":
            assert not path.startswith(("fr/", "es/")), href
        else:
            assert path.startswith(prefix), href
    results.first.click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1").first).to_be_visible()


@pytest.mark.parametrize(("path", "language", "title"), [("nowhere.html", "en", "Page not found"), ("fr/nulle-part.html", "fr", "Page introuvable"), ("es/ninguna/parte.html", "es", "Página no encontrada")])
def test_unknown_address_shows_a_404_in_the_readers_language(page: Page, built_site: BuiltSite, path: str, language: str, title: str) -> None:
    response = page.goto(built_site.url + path)
    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(title)
    # its styles loaded although the address is deeper than the 404 page
    expect(page.locator(".md-header")).to_have_css("position", re.compile(r"^(sticky|fixed)$"))


# No foreign request and no console error on any page: test_quality_gates_browser.py, which
# visits every page once (and checks that the language switcher requested its sitemap).
