"""What a reader sees of the translation notices, the glossary and the status page, in Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PageWatch
from tests.support.fixture_site import served_build
from tests.support.gates import axe_violations
from tests.support.translation_repo import make_translated_site_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site of tests/site/test_translations_site.py, served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("translated-browser")
    project = make_translated_site_project(tmp)
    with served_build(project, tmp / "site") as served:
        yield served.url


def test_outdated_notice_is_read_as_a_note_and_leads_to_the_english_page(page: Page, watch: PageWatch, site: str) -> None:
    page.goto(site + "fr/follow-up.html")
    notice = page.get_by_role("note").filter(has_text="La version anglaise a changé")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("modifiée le 15 novembre 2026")
    # it sits between the title and the text
    title_bottom = page.locator("h1").bounding_box()["y"]
    assert notice.bounding_box()["y"] > title_bottom
    notice.get_by_role("link", name="Lire la version anglaise").click()
    expect(page).to_have_url(site + "follow-up.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("note")).to_have_count(0)
    assert watch.foreign_requests(site.rstrip("/")) == []
    assert watch.page_errors == []


def test_missing_translation_notice_in_spanish_and_english_text_marked_as_english(page: Page, watch: PageWatch, site: str) -> None:
    page.goto(site + "es/committee.html")
    notice = page.get_by_role("note")
    expect(notice).to_have_count(1)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Esta página todavía no está traducida al español.")
    expect(notice).to_have_attribute("lang", "es")
    expect(page.locator("article")).to_have_attribute("lang", "en")
    # the reader's own language stays Spanish around the page
    expect(page.locator("html")).to_have_attribute("lang", "es")
    # the title inside the English article is read as English
    expect(page.locator("article h1").locator("xpath=ancestor-or-self::*[@lang][1]")).to_have_attribute("lang", "en")
    assert watch.page_errors == []


@pytest.mark.parametrize("path", ["es/committee.html", "fr/follow-up.html", "fr/glossary.html", "translation-status.html", "es/translation-status.html"])
def test_no_axe_violation(page: Page, site: str, path: str) -> None:
    page.goto(site + path)
    assert axe_violations(page) == []


def test_abbreviations_are_explained_on_hover_in_the_pages_language(page: Page, site: str) -> None:
    page.goto(site + "fr/committee.html")
    abbreviation = page.locator("article abbr", has_text="PIDCP").first
    expect(abbreviation).to_have_attribute("title", "Pacte international relatif aux droits civils et politiques")
    page.goto(site + "committee.html")
    expect(page.locator("article abbr", has_text="ICCPR").first).to_have_attribute(
        "title", "International Covenant on Civil and Political Rights"
    )


def test_a_glossary_link_lands_on_the_term(page: Page, site: str) -> None:
    page.goto(site + "es/glossary.html#list-of-issues")
    term = page.locator("dt#list-of-issues")
    expect(term).to_contain_text("lista de cuestiones")
    expect(term).to_be_in_viewport()


def test_status_page_links_to_the_pages_to_work_on(page: Page, site: str) -> None:
    page.goto(site + "fr/translation-status.html")
    table = page.get_by_role("table", name="Pages à traduire ou à mettre à jour (Espagnol)")
    expect(table.get_by_role("row")).to_have_count(3)  # header + missing committee + outdated follow-up
    table.get_by_role("link", name="committee.md").click()
    expect(page).to_have_url(site + "es/committee.html")
    expect(page.get_by_role("note")).to_contain_text("todavía no está traducida")
