"""The presentation view as the accessibility checks need it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def bar_in_view(page: Page) -> None:
    """Keep the slides' control bar in full view, and wait until nothing moves.

    The bar fades out after a few seconds of a still pointer, unless the focus is in it. axe
    reading a half-faded bar reports its buttons' contrast: on a busy machine the fade can start
    while axe runs. With the focus on the bar's "next" button, the bar stays in view.
    """
    button = page.locator('.present-bar button[data-present-go="1"]')
    button.focus()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bpresent-idle\b"))
    expect(page.locator(".present-bar")).to_have_css("opacity", "1")
    page.wait_for_function("() => document.getAnimations().length === 0")
