"""Shared fixtures: the real site and its offline copy built once per session, a local static
host, and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from advocacy_guide.build.languages import project_languages
from tests.support.build import REPO, BuildResult
from tests.support.editions import Editions
from tests.support.fixture_site import served_build
from tests.support.offline import OfflineCopy, make_offline_copy

# Debian's Chromium, started so that it makes no background connections of its own: this
# machine has no internet, and a test about privacy must only see the page's own requests.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]

# The repository's languages, read from its mkdocs.yml as a build reads them.
SITE_LANGUAGES = project_languages(REPO)
LANGUAGES = SITE_LANGUAGES.codes


@dataclass
class BuiltSite:
    """The real site, built strictly and served on 127.0.0.1."""

    build: BuildResult
    url: str

    @property
    def dir(self) -> Path:
        return self.build.site_dir

    def pages(self) -> list[Path]:
        """Every built page (404 pages included), as paths relative to the site folder."""
        return sorted(p.relative_to(self.dir) for p in self.dir.rglob("*.html") if "assets" not in p.parts)

    def content_pages(self, language: str | None = None) -> list[str]:
        """Site paths ('fr/committee.html') of the guide's pages, without 404 pages and the saved
        copy's offline pages (made from them)."""
        result = []
        for path in self.pages():
            if path.name in ("404.html", "saved-copy-offline.html"):
                continue
            first = path.parts[0] if len(path.parts) > 1 else SITE_LANGUAGES.default
            page_language = first if first in LANGUAGES else SITE_LANGUAGES.default
            if language is None or page_language == language:
                result.append(path.as_posix())
        return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """Build the repository's site once, strictly, and serve it like a static host."""
    with served_build(REPO, tmp_path_factory.mktemp("built") / "site") as served:
        yield BuiltSite(served.build, served.url)


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> OfflineCopy:
    """`make offline` of the repository's site, built once and unzipped somewhere else.

    Tests open it from file:// and must not write into it.
    """
    return make_offline_copy(REPO, tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="session")
def guide_for_editions(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The site built once for the editions (its offline variant), as `make pdf` and `make zim` do."""
    from advocacy_guide.editions.site import build_site

    return build_site(REPO, tmp_path_factory.mktemp("editions") / "site")


@pytest.fixture(scope="session")
def pdf_editions(guide_for_editions, tmp_path_factory: pytest.TempPathFactory) -> Editions:  # type: ignore[no-untyped-def]
    """`make pdf` of the repository's guide: one PDF per language, laid out once per session."""
    from advocacy_guide.editions.pdf import pdf_name, render_pdf

    folder = tmp_path_factory.mktemp("pdf")
    editions = Editions(guide_for_editions)
    for language in LANGUAGES:
        editions.pdfs[language] = render_pdf(guide_for_editions, language, folder / pdf_name(language))
    return editions


@pytest.fixture(scope="session")
def zim_editions(guide_for_editions, tmp_path_factory: pytest.TempPathFactory) -> Editions:  # type: ignore[no-untyped-def]
    """`make zim` of the repository's guide: one ZIM file per language, written once per session."""
    from advocacy_guide.editions.zim import write_zim

    folder = tmp_path_factory.mktemp("zim")
    editions = Editions(guide_for_editions)
    for language in LANGUAGES:
        editions.zims[language] = write_zim(guide_for_editions, language, folder)
    return editions


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "service_workers": "block"}


@dataclass
class PageWatch:
    """What a page did while a test drove it."""

    requests: list[str]
    console_errors: list[str]
    page_errors: list[str]

    def foreign_requests(self, origin: str) -> list[str]:
        return [u for u in self.requests if not (u.startswith(origin) or u.startswith(("data:", "blob:")))]


@pytest.fixture
def watch(page) -> PageWatch:  # type: ignore[no-untyped-def]
    """Record every request, console error and uncaught exception of the `page` fixture.

    Requests to another origin are also aborted, so that nothing leaves the machine even if a
    test finds one.
    """
    watched = PageWatch([], [], [])
    page.on("request", lambda request: watched.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and watched.console_errors.append(message.text))
    page.on("pageerror", lambda error: watched.page_errors.append(str(error)))
    page.route(
        lambda url: not url.startswith(("http://127.0.0.1", "data:", "blob:", "file:")),
        lambda route: route.abort(),
    )
    return watched
