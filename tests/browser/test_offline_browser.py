"""The offline copy, unzipped and opened from `file://` with every other request aborted:
navigation, the language switcher, search in each language, checklists that remember, videos
that play, all within the pages' Content-Security-Policy and with no console error."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from playwright.sync_api import Browser, Page, expect

from advocacy_guide.csp import sha256_source
from tests.conftest import LANGUAGES
from tests.support.build import REPO, make_fixture_project
from tests.support.checklists import tick_first_step_and_reload
from tests.support.gates import Gate
from tests.support.material import switch_language, type_search
from tests.support.media import video_fixture_files
from tests.support.offline import OfflineCopy, make_offline_copy

pytestmark = pytest.mark.browser

LOCAL = ("file:", "data:", "blob:", "about:")


# `offline_copy` (tests/conftest.py, built once per session): `make offline` of the repository's site, unzipped.


@pytest.fixture
def gate(browser: Browser) -> Iterator[Gate]:
    """A new context for each test: its own storage for file:// pages, its own error lists."""
    context = browser.new_context(service_workers="block")
    yield Gate.attach(context.new_page(), LOCAL)
    context.close()


def assert_clean(gate: Gate) -> None:
    assert gate.foreign == [], "the copy tried to reach the network"
    assert gate.csp_violations() == []
    assert gate.console_errors == []
    assert gate.page_errors == []


class LoadedAddresses(HTMLParser):
    """Addresses a browser loads by itself (not links it follows on a click)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("stylesheet", "icon", "alternate", "preload", "modulepreload", "manifest"):
            self.loaded.append(values.get("href") or "")
        for name in ("src", "poster", "data"):
            if tag != "a" and values.get(name):
                self.loaded.append(values[name] or "")


def test_the_zip_holds_every_page_of_every_language_and_loads_nothing_from_outside(offline_copy: OfflineCopy) -> None:
    english = sorted(p.name for p in (REPO / "docs" / "en").glob("*.md"))
    for language in LANGUAGES:
        folder = offline_copy.root if language == "en" else offline_copy.root / language
        for name in english:
            assert (folder / name.replace(".md", ".html")).is_file(), f"{language}: {name}"
        assert (folder / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert (offline_copy.root / "OPEN-ME.txt").is_file()
    for page in offline_copy.root.rglob("*.html"):
        if page.name == "404.html":
            continue  # served by hosts for missing addresses; never opened from the copy
        parser = LoadedAddresses()
        parser.feed(page.read_text(encoding="utf-8"))
        remote = [a for a in parser.loaded if re.match(r"^(https?:)?//", a)]
        assert remote == [], f"{page.relative_to(offline_copy.root)} loads {remote}"


def test_reading_moving_around_and_switching_language_from_disk(gate: Gate, offline_copy: OfflineCopy) -> None:
    page = gate.page
    page.goto(offline_copy.url("index.html"))
    expect(page.locator("h1").first).to_be_visible()
    page.locator('.md-nav--primary a[href$="follow-up.html"]').first.click()
    expect(page).to_have_url(offline_copy.url("follow-up.html"))
    switch_language(page, "Français")
    expect(page).to_have_url(offline_copy.url("fr/follow-up.html"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    switch_language(page, "Español")
    expect(page).to_have_url(offline_copy.url("es/follow-up.html"))
    assert_clean(gate)


@pytest.mark.parametrize(("language", "query", "word"), [("en", "defenders", "defenders"), ("fr", "défenseur", "défenseurs"), ("es", "derecho", "derechos")])
def test_search_works_from_disk_in_each_language(gate: Gate, offline_copy: OfflineCopy, language: str, query: str, word: str) -> None:
    page = gate.page
    prefix = "" if language == "en" else f"{language}/"
    page.goto(offline_copy.url(f"{prefix}committee.html"))
    type_search(page, query)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text(re.compile(word, re.I))
    # read at once: the list is redrawn as results come in
    hrefs = results.evaluate_all("items => items.map(item => item.querySelector('a').getAttribute('href') || '')")
    assert hrefs and all(h.startswith(offline_copy.url(prefix)) for h in hrefs), hrefs
    if language == "en":
        assert not any(h.startswith((offline_copy.url("fr/"), offline_copy.url("es/"))) for h in hrefs), hrefs
    # The worker runs in the shim's iframe; its inline script is allowed by the page's policy.
    iframe_script = page.frames[1].evaluate("document.scripts[0].textContent")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert f"'{sha256_source(iframe_script)}'" in policy
    results.first.locator("a").first.click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_clean(gate)


def test_checklists_remember_ticks_from_disk(gate: Gate, offline_copy: OfflineCopy) -> None:
    page = gate.page
    page.goto(offline_copy.url("follow-up.html"))
    step = tick_first_step_and_reload(page)
    # the same step on the French page, another file of the copy
    step_id = step.get_attribute("data-step")
    page.goto(offline_copy.url("fr/follow-up.html"))
    expect(page.locator(f'.checklist__step[data-step="{step_id}"] input[type=checkbox]')).to_be_checked()
    assert_clean(gate)


# -----------------------------------------------------------------------------
# A video with captions, played from disk (fixture site: the guide's videos are in production)
# -----------------------------------------------------------------------------

VIDEOS_YML = """\
story:
  title:
    en: The story
    fr: L'histoire
    es: La historia
  versions:
    en:
      media: clip.en.mp4
      poster: clip.en.jpg
      duration: "0:04"
      captions:
        en: clip.en.vtt
        fr: clip.en.fr.vtt
        es: clip.en.es.vtt
"""
CAPTIONS = {
    "clip.en.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\nAnother UN meeting?\n",
    "clip.en.fr.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\nEncore une réunion de l'ONU ?\n",
    "clip.en.es.vtt": "WEBVTT\n\n00:00.000 --> 00:04.000\n¿Otra reunión de la ONU?\n",
}


def video_page(title: str) -> str:
    return f"---\ndescription: {title}.\n---\n\n# {title} {{#story}}\n\n![type:video](story)\n"


@pytest.fixture(scope="module")
def video_copy(tmp_path_factory: pytest.TempPathFactory) -> OfflineCopy:
    tmp = tmp_path_factory.mktemp("offline-video")
    files = video_fixture_files(tmp / "media", VIDEOS_YML, CAPTIONS)
    pages = {"en/index.md": video_page("Story"), "fr/index.md": video_page("Histoire"), "es/index.md": video_page("Historia")}
    project = make_fixture_project(tmp, pages, extra_files=files)
    return make_offline_copy(project, tmp, "copy.zip")


@pytest.mark.parametrize(("language", "cue"), [("en", "Another UN meeting?"), ("fr", "Encore une réunion de l'ONU ?")])
def test_videos_play_from_disk_with_captions_in_the_page_language(gate: Gate, video_copy: OfflineCopy, language: str, cue: str) -> None:
    page: Page = gate.page
    prefix = "" if language == "en" else f"{language}/"
    page.goto(video_copy.url(f"{prefix}index.html"))
    video = page.locator("figure.video video")
    expect(video).to_be_visible()
    video.evaluate("video => video.play()")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
    page.wait_for_function(
        f"() => [...document.querySelector('video').textTracks].some(t => t.language === '{language}' && t.mode === 'showing' && t.cues && t.cues.length > 0)"
    )
    text = video.evaluate(f"video => [...video.textTracks].find(t => t.language === '{language}').cues[0].text")
    assert text == cue
    assert_clean(gate)
