"""What a reader sees: the language switcher, search in their language, 404s, no third parties."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite, PageWatch

pytestmark = pytest.mark.browser

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}


def switch_language(page: Page, name: str) -> None:
    page.locator(".md-header .md-select").hover()
    page.locator(".md-select__link", has_text=name).click()


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


def search(page: Page, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)


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
    search(page, query)
    results = page.locator(".md-search-result__item > a, .md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert hrefs
    for href in hrefs:
        assert "undefined" not in href
        path = href.replace(built_site.url, "")
        if language == "en":
            assert not path.startswith(("fr/", "es/")), href
        else:
            assert path.startswith(prefix), href
    expect(page.locator(".md-search-result")).to_contain_text(re.compile(expected_word, re.I))
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
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")


def test_pages_make_no_foreign_request_and_log_no_error(page: Page, watch: PageWatch, built_site: BuiltSite) -> None:
    for path in built_site.content_pages():
        page.goto(built_site.url + path, wait_until="networkidle")
    assert watch.foreign_requests(built_site.url) == []
    assert watch.console_errors == []
    assert watch.page_errors == []
    assert any(u.endswith("/fr/sitemap.xml") for u in watch.requests), "switcher sitemap not requested: test saw no switcher"
