"""What a reader does with Material's header in a test: switch language, type a search."""

from __future__ import annotations

from playwright.sync_api import Page

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}


def switch_language(page: Page, name: str) -> None:
    """Choose a language by its name ('Français') in the header's language menu."""
    page.locator(".md-header .md-select").hover()
    page.locator(".md-select__link", has_text=name).click()


def type_search(page: Page, query: str) -> None:
    """Type `query` into the search box, key by key as a reader does (results follow each key)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
