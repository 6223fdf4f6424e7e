"""Every page in Chromium: zero axe-core violations, no policy violation, no foreign request,
no console error. Within a test, one browser page visits every address, so the run stays short
on 2 cores; each test has its own page, so that none sees what an earlier one logged."""

from __future__ import annotations

import re

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import LANGUAGES, BuiltSite
from tests.support.gates import Gate, axe_violations, gated_page
from tests.support.material import type_search
from tests.support.slides import bar_in_view

pytestmark = pytest.mark.browser


@pytest.fixture
def gate(browser: Browser, built_site: BuiltSite) -> Iterator[Gate]:
    with gated_page(browser, built_site.url) as gate:
        yield gate


def every_page(built_site: BuiltSite) -> list[str]:
    """The guide's pages and the three 404 pages (opened directly: a 404 status logs an error)."""
    return [*built_site.content_pages(), "404.html", "fr/404.html", "es/404.html"]


def test_every_page_has_no_axe_violation_no_policy_violation_and_no_error(gate: Gate, built_site: BuiltSite) -> None:
    problems: list[str] = []
    pages = every_page(built_site)
    for path in pages:
        gate.page.goto(built_site.url + path, wait_until="networkidle")
        problems += gate.csp_violations()
        problems += axe_violations(gate.page)
    assert len(pages) > 3 * 20, "fewer pages than the guide has"
    assert problems == [], "\n".join(problems)
    assert gate.foreign == []
    assert gate.console_errors == []
    assert gate.page_errors == []
    # Material's language switcher asks for the language's sitemap: without it, no switcher ran.
    assert any(u.endswith("/fr/sitemap.xml") for u in gate.requests), "switcher sitemap not requested: test saw no switcher"


def presentable_pages(built_site: BuiltSite) -> list[str]:
    """Pages with a Present button (the training modules, every language)."""
    return [p for p in built_site.content_pages() if 'present-open' in (built_site.dir / p).read_text(encoding="utf-8")]


def test_the_presentation_view_of_every_module_passes_axe_and_the_policy(gate: Gate, built_site: BuiltSite) -> None:
    """Trainers share these slides on screen. Every slide of the English modules; the first
    slide in French and Spanish (the same templates, with the language's text)."""
    page = gate.page
    page.set_viewport_size({"width": 1280, "height": 720})
    pages = presentable_pages(built_site)
    assert len(pages) >= 3 * 7, pages
    problems: list[str] = []
    for path in pages:
        page.goto(f"{built_site.url}{path}?present", wait_until="networkidle")
        expect(page.locator(".present-bar")).to_be_visible()
        count = page.locator(".present-bar__count")
        expect(count).to_have_text(re.compile(r"^\D*1\D+\d+$"))
        total = int(re.findall(r"\d+", count.inner_text())[-1])
        # fr/, es/: the first slide only; English: every slide, each reached by the keyboard
        for number in range(1, 2 if "/" in path else total + 1):
            if number > 1:
                page.keyboard.press("ArrowRight")
                expect(count).to_have_text(re.compile(rf"^\D*{number}\D+{total}$"))
            bar_in_view(page)
            problems += gate.csp_violations() + axe_violations(page)
        assert total > 1, f"{path}: one slide only"
    assert problems == [], "\n".join(problems)
    assert gate.console_errors == [] and gate.page_errors == []


@pytest.mark.parametrize(("language", "query"), [("en", "committee"), ("fr", "comité"), ("es", "comité")])
def test_search_dialog_is_accessible_and_allowed_by_the_policy(gate: Gate, built_site: BuiltSite, language: str, query: str) -> None:
    prefix = "" if language == "en" else f"{language}/"
    page = gate.page
    page.goto(f"{built_site.url}{prefix}index.html", wait_until="networkidle")
    type_search(page, query)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    dialog = page.locator(".md-search[role=dialog]")
    expect(dialog).to_have_attribute("aria-label", re.compile(r"\S"))  # the dialog has a name
    problems = gate.csp_violations() + axe_violations(page)
    assert problems == [], "\n".join(problems)
    assert gate.console_errors == [] and gate.page_errors == []


def test_scrolling_and_back_to_top_stay_within_the_policy(gate: Gate, built_site: BuiltSite) -> None:
    """Material restyles the header, table of contents and back-to-top button as the reader
    scrolls (through the CSSOM, which the policy allows): nothing may be blocked."""
    page = gate.page
    longest = max(built_site.content_pages("en"), key=lambda p: (built_site.dir / p).stat().st_size)
    page.goto(built_site.url + longest, wait_until="networkidle")
    # `wheel` does not wait for the scroll it asks for: wait for each, so that Material sees a
    # scroll down and then one up (two quick wheels could reach the page as one scroll down).
    page.mouse.move(640, 400)
    page.mouse.wheel(0, 4000)
    # scrolled down, and come to rest (the same offset twice, 100 ms apart)
    page.wait_for_function(
        "() => { const y = window.scrollY, last = window.__lastY; window.__lastY = y; return y > 1000 && y === last; }", polling=100
    )
    down = page.evaluate("window.scrollY")
    page.mouse.wheel(0, -600)  # scrolling up shows the back-to-top button
    page.wait_for_function("down => window.scrollY < down", arg=down)
    top = page.locator(".md-top")
    expect(top).to_be_visible()
    top.click()
    page.wait_for_function("window.scrollY === 0")
    assert gate.csp_violations() == []
    assert gate.console_errors == [] and gate.page_errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_sends_a_policy_the_browser_enforces(gate: Gate, built_site: BuiltSite, language: str) -> None:
    """The policy is live, not decorative: a script added without a hash is refused and reported."""
    prefix = "" if language == "en" else f"{language}/"
    page = gate.page
    page.goto(f"{built_site.url}{prefix}index.html", wait_until="networkidle")
    assert gate.csp_violations() == []
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.__injected") is None
    # The browser reports the refusal in a task of its own, after the script was refused.
    page.wait_for_function("() => window.__cspViolations.length > 0")
    violations = gate.csp_violations()
    assert len(violations) == 1 and "script-src" in violations[0]
