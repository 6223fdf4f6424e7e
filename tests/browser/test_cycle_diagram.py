"""The review-cycle diagram: HTML lists in the page, drawn by overrides/assets/diagram.css alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BuiltSite, PageWatch
from tests.support.build import REPO

pytestmark = pytest.mark.browser

DIAGRAM_CSS = REPO / "overrides" / "assets" / "diagram.css"
# What each language calls the simplified procedure (the diagram is translated with the page).
SIMPLIFIED_TITLE = {
    "en": "Simplified reporting procedure",
    "fr": "Procédure simplifiée de présentation des rapports",
    "es": "Procedimiento simplificado de presentación de informes",
}


def review_cycle_url(built_site: BuiltSite, language: str) -> str:
    prefix = "" if language == "en" else f"{language}/"
    return f"{built_site.url}{prefix}review-cycle.html"


def column_boxes(page: Page) -> list[dict]:
    """Where the two columns (title and list of steps) are on the screen."""
    return [page.locator(".cycle-columns > div").nth(i).bounding_box() for i in range(2)]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_both_procedures_are_labelled_lists_in_the_pages_language(page: Page, built_site: BuiltSite, language: str) -> None:
    page.goto(review_cycle_url(built_site, language))
    lists = page.locator("figure.cycle-figure ol.cycle-diagram")
    expect(lists).to_have_count(2)
    for index in range(2):
        steps = lists.nth(index).locator(":scope > li")
        expect(steps).to_have_count(5)
        # Screen readers announce each list with its column title.
        title_id = lists.nth(index).get_attribute("aria-labelledby")
        expect(page.locator(f"#{title_id}")).not_to_be_empty()
    expect(page.locator("#cycle-simplified-title")).to_have_text(SIMPLIFIED_TITLE[language])
    expect(page.locator("figure.cycle-figure figcaption")).not_to_be_empty()


def test_columns_sit_side_by_side_on_a_wide_screen_and_stack_at_320_pixels(page: Page, built_site: BuiltSite) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(review_cycle_url(built_site, "fr"))
    standard, simplified = column_boxes(page)
    assert simplified["x"] > standard["x"] + standard["width"], (standard, simplified)
    assert simplified["y"] == pytest.approx(standard["y"], abs=1)

    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(review_cycle_url(built_site, "fr"))
    standard, simplified = column_boxes(page)
    assert simplified["y"] > standard["y"] + standard["height"], (standard, simplified)
    # Nothing sticks out sideways: no horizontal scrolling on a small phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    figure = page.locator("figure.cycle-figure").bounding_box()
    assert figure["x"] >= 0 and figure["x"] + figure["width"] <= 320


def test_arrows_have_no_text_and_follow_the_text_colour_in_light_and_dark(page: Page, built_site: BuiltSite) -> None:
    page.goto(review_cycle_url(built_site, "en"))
    read_step = """() => {
        const step = document.querySelectorAll('ol.cycle-diagram > li')[1];
        const box = getComputedStyle(step), head = getComputedStyle(step, '::after');
        return {color: box.color, border: box.borderTopColor, head: head.borderTopColor,
                line: getComputedStyle(step, '::before').borderLeftColor, content: head.content};
    }"""
    light = page.evaluate(read_step)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate(read_step)
    for scheme in (light, dark):
        # An arrow made of borders gives assistive technology nothing to read out.
        assert scheme["content"] == '""', scheme
        assert scheme["border"] == scheme["head"] == scheme["line"] == scheme["color"], scheme
    assert light["color"] != dark["color"]


def test_steps_are_kept_whole_when_printed(page: Page, built_site: BuiltSite) -> None:
    page.goto(review_cycle_url(built_site, "es"))
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all("ol.cycle-diagram > li", "steps => steps.map(s => getComputedStyle(s).breakInside)")
    assert breaks and set(breaks) == {"avoid"}
    expect(page.locator("ol.cycle-diagram").first).to_be_visible()


def test_diagram_stylesheet_is_small_and_served_by_the_site(page: Page, watch: PageWatch, built_site: BuiltSite) -> None:
    assert DIAGRAM_CSS.stat().st_size < 1536
    page.goto(review_cycle_url(built_site, "es"))
    expect(page.locator("ol.cycle-diagram").first).to_be_visible()
    # diagram.css reaches pages inside assets/guide.css, the site's one stylesheet (hooks/stylesheets.py)
    stylesheets = [url for url in watch.requests if url.endswith(("diagram.css", "/assets/guide.css"))]
    assert stylesheets and all(url.startswith(built_site.url) for url in stylesheets)
    assert watch.foreign_requests(built_site.url) == []
