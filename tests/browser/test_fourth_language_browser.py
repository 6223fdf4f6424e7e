"""A fourth language, Arabic (right to left), in Chromium: the switcher goes there and back,
the page reads right to left, search looks in the Arabic index, and a checklist of an English page not
translated yet keeps the reader's ticks under /ar/."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support.checklists import tick_first_step_and_reload
from tests.support.fixture_site import served_build
from tests.support.languages import ARABIC, make_arabic_project
from tests.support.material import switch_language, type_search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site of tests/site/test_fourth_language.py, served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("arabic-browser")
    with served_build(make_arabic_project(tmp), tmp / "site") as served:
        yield served.url


def test_the_switcher_goes_to_arabic_and_back(page: Page, site: str) -> None:
    page.goto(site + "steps.html")
    switch_language(page, ARABIC["name"])
    expect(page).to_have_url(site + "ar/steps.html")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("body")).to_have_attribute("dir", "rtl")
    # The English text inside reads left to right; the page around it right to left.
    expect(page.locator("article")).to_have_attribute("dir", "ltr")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).direction") == "rtl"
    switch_language(page, "English")
    expect(page).to_have_url(site + "steps.html")
    expect(page.locator("body")).to_have_attribute("dir", "ltr")


def test_search_on_an_arabic_page_looks_in_the_arabic_index(page: Page, site: str) -> None:
    """An English word of the page Arabic shows untranslated (its video's title; checklist steps
    are not indexed): found at its Arabic address. (Words in Arabic script find nothing yet with
    Material's lunr.ar: see the README.)"""
    page.goto(site + "ar/index.html")
    type_search(page, "engage")
    results = page.locator(".md-search-result__item > a, .md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(index).get_attribute("href") or "" for index in range(results.count())]
    assert hrefs and all(href.startswith(site + "ar/steps.html") for href in hrefs), hrefs
    results.first.click()
    expect(page).to_have_url(re.compile(re.escape(site) + r"ar/steps\.html(\?h=[^#]*)?(#.*)?$"))
    expect(page.locator("body")).to_have_attribute("dir", "rtl")


def test_a_checklist_of_an_untranslated_page_keeps_ticks_under_ar(page: Page, site: str) -> None:
    page.goto(site + "ar/steps.html")
    tick_first_step_and_reload(page)
