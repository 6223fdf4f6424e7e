"""Byte budgets against stock Material (deterministic: bytes, never times).

- The JavaScript and CSS the project adds, as the reading pages load them: at most 10 KiB gzip.
  (Files a feature loads only on request, such as the presentation view's, are listed by
  `make bench` in benchmarks/RESULTS.md, not counted here: a reader never downloads them.)
- A guide page's first visit (gzip, empty cache, everything same-origin it loads): at most 1.10x
  the same page built with stock Material.
- The same first visit: at most 0.75x the page built with stock Material for that language alone
  (a plain Material site of the English folder, its own index, no project assets), as a
  single-language site would cost (`make bench` reports it for each language).
- Search costs nothing until it is opened: on a phone-sized page, no request for the search index
  or Material's search worker until the reader opens search (the icon, the s, f or / keys); then
  both load and a query shows results, on the online site and in the offline copy (`file://`).

Stock is built from the same docs by benchmarks/measure.py, as `make bench` builds it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from benchmarks.measure import (
    PAGES,
    added_assets,
    assets_pages_load,
    build,
    first_visit,
    write_single_language_stock,
    write_stock_project,
)
from tests.conftest import BuiltSite
from tests.support.offline import OfflineCopy
from tests.support.build import free_port
from tests.support.server import StaticHost

pytestmark = pytest.mark.browser

ADDED_BUDGET = 10 * 1024
GUIDE_PAGE_RATIO = 1.10
GUIDE_PAGE_RATIO_PER_LANGUAGE = 0.75


@pytest.fixture(scope="module")
def stock_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    tmp = tmp_path_factory.mktemp("stock")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    run = build(write_stock_project(tmp / "project", url), tmp / "site", url)
    assert run.ok, run.output
    with StaticHost(tmp / "site", port):
        yield tmp / "site", url


def test_added_javascript_and_css_stay_within_10_kib_gzip(built_site: BuiltSite, stock_site: tuple[Path, str]) -> None:
    added = added_assets(built_site.dir, stock_site[0])
    loaded = assets_pages_load(built_site.dir)
    counted = {path: size for path, size in added.items() if path in loaded}
    assert counted, "no added asset found: is the comparison with stock working?"
    assert all(path.startswith("assets/") for path in counted)
    total = sum(counted.values())
    assert total <= ADDED_BUDGET, f"{total:,} B gzip of added JS and CSS (budget {ADDED_BUDGET:,} B): {counted}"


def test_a_guide_pages_first_visit_stays_within_110_percent_of_stock(browser: Browser, built_site: BuiltSite, stock_site: tuple[Path, str]) -> None:
    page = PAGES["guide"]
    ours = first_visit(browser, built_site.url + page, built_site.url)
    stock = first_visit(browser, stock_site[1] + page, stock_site[1])
    assert ours.of_kind("html") > 0 and stock.of_kind("html") > 0
    assert ours.total <= GUIDE_PAGE_RATIO * stock.total, (
        f"{page}: {ours.total:,} B vs stock {stock.total:,} B ({ours.total / stock.total:.2f}x)\n"
        f"guide: {ours.by_url}\nstock: {stock.by_url}"
    )



@pytest.fixture(scope="module")
def english_stock_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("stock-en")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    run = build(write_single_language_stock(tmp / "project", "en", url), tmp / "site", url)
    assert run.ok, run.output
    with StaticHost(tmp / "site", port):
        yield url


def test_a_guide_pages_first_visit_stays_within_75_percent_of_stock_for_its_language(browser: Browser, built_site: BuiltSite, english_stock_site: str) -> None:
    page = PAGES["guide"]
    ours = first_visit(browser, built_site.url + page, built_site.url)
    stock = first_visit(browser, english_stock_site + page, english_stock_site)
    assert stock.of_kind("json") > 0, "stock loads its index on the first visit: is the comparison working?"
    assert ours.total <= GUIDE_PAGE_RATIO_PER_LANGUAGE * stock.total, (
        f"{page}: {ours.total:,} B vs stock (English alone) {stock.total:,} B ({ours.total / stock.total:.2f}x)\n"
        f"guide: {ours.by_url}\nstock: {stock.by_url}"
    )

# -----------------------------------------------------------------------------
# Search loads when it is opened
# -----------------------------------------------------------------------------

PHONE = {"width": 360, "height": 780}


def is_search_download(url: str) -> bool:
    """The language's index (`search_index.json`, from disk `search_index.js`) or Material's worker."""
    path = url.split("?", 1)[0]
    return path.endswith(("/search/search_index.json", "/search/search_index.js")) or "/workers/search." in path


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, service_workers="block")
    yield context
    context.close()


def open_page_and_watch_search(context: BrowserContext, url: str) -> tuple[Page, list[str]]:
    """`url` loaded until the network is idle, and the list of search downloads it asks for."""
    page = context.new_page()
    downloads: list[str] = []
    page.on("request", lambda request: is_search_download(request.url) and downloads.append(request.url))
    page.goto(url, wait_until="networkidle")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))  # Material's bundle has run
    return page, downloads


def open_search(page: Page, how: str) -> None:
    if how == "icon":
        page.locator('.md-header label[for="__search"]').first.tap()
    else:
        page.keyboard.press(how)
    expect(page.locator("input.md-search__input")).to_be_focused()


def search_and_expect_results(page: Page, query: str) -> None:
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


@pytest.mark.parametrize("how", ["icon", "s", "f", "/"])
def test_search_downloads_nothing_until_it_is_opened_then_finds_pages(phone: BrowserContext, built_site: BuiltSite, how: str) -> None:
    page, downloads = open_page_and_watch_search(phone, built_site.url + PAGES["guide"])
    assert downloads == [], "search files were fetched before the reader opened search"
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")) as index:
        open_search(page, how)
    assert index.value.url == built_site.url + "search/search_index.json"  # the page's language's index
    search_and_expect_results(page, "follow-up")
    assert any("/workers/search." in url for url in downloads), downloads
    assert page.locator(".md-search-result__item a").first.get_attribute("href").startswith(built_site.url)


def test_search_says_it_is_loading_in_the_pages_language_until_the_index_arrives(phone: BrowserContext, built_site: BuiltSite) -> None:
    held: list[Route] = []
    phone.route("**/fr/search/search_index.json", lambda route: held.append(route))
    page, _ = open_page_and_watch_search(phone, built_site.url + "fr/" + PAGES["guide"])
    with page.expect_request(lambda request: request.url.endswith("/fr/search/search_index.json")):
        open_search(page, "icon")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Chargement de la recherche…")
    until(page, lambda: bool(held))
    held[0].continue_()
    expect(meta).not_to_have_text("Chargement de la recherche…")
    search_and_expect_results(page, "suivi")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile("^" + re.escape(built_site.url + "fr/")))


def until(page: Page, condition: Callable[[], bool], attempts: int = 200) -> None:
    """Let Playwright deliver its events (a route handler runs during a call to the browser) until
    `condition` holds."""
    for _ in range(attempts):
        if condition():
            return
        page.evaluate("0")
    raise AssertionError("the awaited event never came")


def test_a_page_opened_from_a_search_result_highlights_the_terms_at_once(phone: BrowserContext, built_site: BuiltSite) -> None:
    """Material's `?h=` highlight needs the index's settings: such a page loads them without waiting."""
    page, downloads = open_page_and_watch_search(phone, built_site.url + PAGES["guide"] + "?h=follow")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    assert any(url.endswith("/search/search_index.json") for url in downloads)


@pytest.mark.parametrize("how", ["icon", "s"])
def test_the_offline_copy_loads_search_only_when_it_is_opened(phone: BrowserContext, offline_copy: OfflineCopy, how: str) -> None:
    phone.route(lambda url: not url.startswith(("file:", "data:", "blob:", "about:")), lambda route: route.abort())
    page, downloads = open_page_and_watch_search(phone, offline_copy.url("es/committee.html"))
    assert downloads == [], "search files were read before the reader opened search"
    assert page.locator('script[src$="search/search_index.js"]').count() == 0
    assert len(page.frames) == 1, "the iframe standing in for the search worker started before search was opened"
    open_search(page, how)
    search_and_expect_results(page, "derecho")
    assert any(url.endswith("/es/search/search_index.js") for url in downloads), downloads
    assert len(page.frames) == 2  # the worker's iframe (iframe-worker)
