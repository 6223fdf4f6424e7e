"""Byte budgets against stock Material (deterministic: bytes, never times).

- The JavaScript and CSS the project adds, as the reading pages load them: at most 10 KiB gzip.
  (Files a feature loads only on request, such as the presentation view's, are listed by
  `make bench` in benchmarks/RESULTS.md, not counted here: a reader never downloads them.)
- A guide page's first visit (gzip, empty cache, everything same-origin it loads): at most 1.10x
  the same page built with stock Material.

Stock is built from the same docs by benchmarks/measure.py, as `make bench` builds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from benchmarks.measure import PAGES, added_assets, assets_pages_load, build, first_visit, write_stock_project
from tests.conftest import BuiltSite
from tests.support.build import free_port
from tests.support.server import StaticHost

pytestmark = pytest.mark.browser

ADDED_BUDGET = 10 * 1024
GUIDE_PAGE_RATIO = 1.10


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
