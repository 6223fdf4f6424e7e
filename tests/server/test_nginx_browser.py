"""The site in Chromium through nginx and the headers it sends: the policy header and the page's
`<meta>` policy together block nothing the site does, and nothing logs an error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.server.conftest import NginxSite
from tests.support.gates import Gate, gated_page
from tests.support.material import type_search

pytestmark = pytest.mark.browser


@pytest.fixture
def gate(browser: Browser, nginx: NginxSite) -> Iterator[Gate]:
    """A new page for each test: none sees the errors another one logged."""
    with gated_page(browser, nginx.url) as gate:
        yield gate


def test_pages_search_checklists_and_video_work_through_nginx(gate: Gate, nginx: NginxSite) -> None:
    page = gate.page
    responses: list[tuple[str, str | None]] = []
    page.on("response", lambda response: responses.append((response.url, response.headers.get("content-encoding"))))
    for path in ("", "fr/", "es/", "committee.html", "fr/follow-up.html", "es/404.html"):
        page.goto(nginx.url + path, wait_until="networkidle")
        expect(page.locator("h1").first).to_be_visible()
    # Search: Material's worker, started under the header's policy, fetches the French index.
    page.goto(nginx.url + "fr/index.html", wait_until="networkidle")
    type_search(page, "comité")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    # A checklist keeps its tick (localStorage is allowed).
    page.goto(nginx.url + "follow-up.html", wait_until="networkidle")
    box = page.locator(".checklist input[type=checkbox]").first
    box.check()
    page.reload(wait_until="networkidle")
    expect(page.locator(".checklist input[type=checkbox]").first).to_be_checked()
    # A module video plays (byte ranges through nginx) with captions in the page's language.
    page.goto(nginx.url + "fr/module-briefing.html", wait_until="networkidle")
    page.locator("video").first.evaluate("video => video.play()")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
    page.wait_for_function(
        "() => [...document.querySelector('video').textTracks].some(t => t.language === 'fr' && t.mode === 'showing' && t.cues && t.cues.length > 0)"
    )
    assert gate.csp_violations() == []
    assert gate.foreign == []
    assert gate.console_errors == []
    assert gate.page_errors == []
    # The browser got the precompressed pages nginx serves.
    encodings = {encoding for url, encoding in responses if url.endswith(".html") or url.endswith("/")}
    assert encodings == {"br"}, encodings


def test_no_page_can_frame_the_guide_not_even_its_own(gate: Gate, nginx: NginxSite) -> None:
    """frame-ancestors 'none', which a <meta> policy cannot carry: a guide page refuses to load in
    any frame (here one of its own pages', so the test needs no second origin)."""
    page = gate.page
    page.goto(nginx.url + "fr/index.html", wait_until="networkidle")
    assert gate.console_errors == []
    # The refusal reaches the console on its own way, not necessarily before the frame's load
    # event: wait for the message itself.
    with page.expect_console_message(lambda message: "frame-ancestors" in message.text):
        page.evaluate(
            "(url) => new Promise(done => { const f = document.createElement('iframe'); f.src = url; f.onload = done; document.body.append(f); })",
            nginx.url + "fr/committee.html",
        )
    framed = page.frames[-1]
    # Chromium shows its own error page in the frame instead of the guide's.
    assert "Comité" not in (framed.content() or ""), "the guide loaded inside a frame"
    assert all("frame-ancestors" in message for message in gate.console_errors), gate.console_errors
