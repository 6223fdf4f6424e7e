"""The Kiwix files served by Debian's kiwix-serve, as Kiwix apps and hotspots read them, opened
in Chromium: navigation, Kiwix's own full-text search and toolbar, checklists that keep their
ticks, videos with captions, and nothing requested from another origin, no console error, no
Content-Security-Policy report."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.support.checklists import tick_first_step_and_reload
from tests.support.editions import Editions
from tests.support.gates import Gate, gated_page
from tests.support.kiwix import KiwixServe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def kiwix(zim_editions: Editions) -> Iterator[KiwixServe]:
    with KiwixServe(zim_editions.zim_paths()) as server:
        yield server


@pytest.fixture
def gate(browser: Browser, kiwix: KiwixServe) -> Iterator[Gate]:
    with gated_page(browser, kiwix.url) as gate:
        yield gate


def book(kiwix: KiwixServe, editions: Editions, language: str) -> str:
    return kiwix.book(editions.zims[language].path)


def assert_clean(gate: Gate) -> None:
    assert gate.foreign == [], "a page inside Kiwix reached another origin"
    assert gate.csp_violations() == []
    assert gate.console_errors == []
    assert gate.page_errors == []


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_each_language_s_file_opens_in_kiwix_serve_on_its_main_page(gate: Gate, kiwix: KiwixServe, zim_editions: Editions, language: str) -> None:
    page = gate.page
    root = book(kiwix, zim_editions, language)
    page.goto(root)
    prefix = "" if language == "en" else f"{language}/"
    expect(page).to_have_url(root + prefix + "index.html")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".md-content h1").first).to_be_visible()
    expect(page.locator("#kiwixtoolbar")).to_be_visible()
    assert_clean(gate)


def test_reading_and_moving_between_pages_inside_kiwix(gate: Gate, kiwix: KiwixServe, zim_editions: Editions) -> None:
    page = gate.page
    root = book(kiwix, zim_editions, "fr")
    page.goto(root)  # the book's main page
    expect(page).to_have_url(root + "fr/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#kiwixtoolbar")).to_be_visible()  # kiwix-serve's own toolbar
    page.locator('.md-nav--primary a[href$="committee.html"]').first.click()
    expect(page).to_have_url(root + "fr/committee.html")
    expect(page.locator("h1").first).to_contain_text("Comité")
    expect(page.locator(".md-select")).to_have_count(0)  # no switcher to languages the file does not hold
    page.locator(".md-footer__link--next").click()
    expect(page).to_have_url(root + "fr/covenant-rights.html")
    assert_clean(gate)


def test_kiwix_full_text_search_finds_a_french_word_in_the_french_file(gate: Gate, kiwix: KiwixServe, zim_editions: Editions) -> None:
    page = gate.page
    root = book(kiwix, zim_editions, "fr")
    page.goto(root + "fr/committee.html")
    box = page.locator("#kiwixsearchbox")
    box.click()
    box.press_sequentially("plaidoyer", delay=20)
    # The toolbar's suggestions (kiwix-serve's script, inside the page's policy).
    expect(page.locator(".ui-autocomplete li").first).to_be_visible()
    box.press("Enter")
    results = page.locator(".results a")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href') || '')")  # read at once
    book_path = root.removeprefix(kiwix.url.rstrip("/"))  # "/advocacy-guide_fr_all_2026-12/"
    assert hrefs and all(h.startswith(book_path + "fr/") for h in hrefs), hrefs
    results.first.click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert_clean(gate)


def test_a_checklist_keeps_its_tick_after_a_reload_inside_kiwix(gate: Gate, kiwix: KiwixServe, zim_editions: Editions) -> None:
    page = gate.page
    page.goto(book(kiwix, zim_editions, "es") + "es/follow-up.html")
    tick_first_step_and_reload(page)
    assert_clean(gate)


def test_a_module_video_plays_with_captions_in_the_page_language_inside_kiwix(gate: Gate, kiwix: KiwixServe, zim_editions: Editions) -> None:
    page = gate.page
    page.goto(book(kiwix, zim_editions, "fr") + "fr/module-why-engage.html")
    video = page.locator("figure.video video")
    expect(video).to_be_visible()
    video.evaluate("video => { video.muted = true; return video.play(); }")
    page.wait_for_function("() => document.querySelector('figure.video video').currentTime > 0.5")
    page.wait_for_function(
        "() => [...document.querySelector('figure.video video').textTracks].some(t => t.language === 'fr' && t.mode === 'showing' && t.cues && t.cues.length > 0)"
    )
    first_cue = video.evaluate("video => [...video.textTracks].find(t => t.language === 'fr').cues[0].text")
    assert re.search(r"\w", first_cue)
    assert_clean(gate)


def test_the_guide_s_own_search_works_inside_kiwix_in_the_file_s_language(gate: Gate, kiwix: KiwixServe, zim_editions: Editions) -> None:
    from tests.support.material import type_search

    page = gate.page
    root = book(kiwix, zim_editions, "es")
    page.goto(root + "es/committee.html")
    type_search(page, "derecho")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    # read at once: the list is redrawn as results come in
    hrefs = results.evaluate_all("items => items.map(item => item.querySelector('a').getAttribute('href') || '')")
    assert hrefs and all(h.startswith(root + "es/") for h in hrefs), hrefs
    assert_clean(gate)
