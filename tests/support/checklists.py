"""What a reader does with a checklist, shared by the browser tests of each way the guide is read."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def tick_first_step_and_reload(page: Page) -> Locator:
    """Tick the page's first step by its text, reload, and check the tick is still there.

    Returns the first step after the reload.
    """
    step = page.locator(".checklist__step").first
    box = step.locator("input[type=checkbox]")
    expect(box).not_to_be_checked()
    step.locator(".checklist__label").click()
    expect(box).to_be_checked()
    page.reload()
    step = page.locator(".checklist__step").first
    expect(step.locator("input[type=checkbox]")).to_be_checked()
    return step
